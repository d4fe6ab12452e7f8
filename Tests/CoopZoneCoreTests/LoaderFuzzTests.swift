import Foundation
import Testing

@testable import CoopZoneCore

/// Feeds the loader mutated and random scenario files, seeded so that every run sees the same
/// inputs, and requires a model or a diagnostic for each: never a crash, a hang or a
/// diagnostic without a sane position. Times are printed, not asserted.
struct LoaderFuzzTests {
    /// The file the mutations start from: the shipped growth triangle.
    static let seedName = "fergana-batken-sughd-growth-triangle.yaml"

    /// Text inserted at random places: YAML punctuation, anchors and aliases, control
    /// characters, numbers no Double holds, and text outside ASCII.
    static let insertions = [
        "[", "]", "{", "}", ",", ": ", "- ", "? ", "'", "\"", "#", "|", ">", "~", "@", "`", "%",
        "*a", "&a ", "&a [*a, *a, *a] ", "*a9", "<<: *a", "!!binary ", "!custom ", "---\n", "...\n",
        "\t", "\u{0}", "\r", "\u{7}", "\u{FEFF}", "\u{FFFD}", "\u{202E}",
        "1e309", "-1e309", "99999999999999999999999", "0x1F", "1_0_0", ".nan", "-.inf", "-1", "1.5", "15%",
        "Фергана", "Ферга́на", "👕", "e\u{301}",
        String(repeating: "x", count: 2_000),
    ]

    /// One mutation of the file's lines.
    static func mutate(_ lines: inout [String], using random: inout SeededRandom) -> String {
        guard !lines.isEmpty else {
            lines = [insertions.randomElement(using: &random) ?? ""]
            return "insert into an empty file"
        }
        let i = Int.random(in: 0..<lines.count, using: &random)
        switch Int.random(in: 0..<10, using: &random) {
        case 0:
            lines.remove(at: i)
            return "delete line \(i + 1)"
        case 1:
            lines.insert(lines[i], at: i)
            return "duplicate line \(i + 1)"
        case 2:
            let j = Int.random(in: 0..<lines.count, using: &random)
            lines.swapAt(i, j)
            return "swap lines \(i + 1) and \(j + 1)"
        case 3, 4:
            // Replace one scalar with a printable ASCII character or with a piece of YAML.
            var scalars = Array(lines[i].unicodeScalars)
            guard !scalars.isEmpty else { return "flip nothing on empty line \(i + 1)" }
            let k = Int.random(in: 0..<scalars.count, using: &random)
            let replacement: String =
                Bool.random(using: &random)
                ? String(UnicodeScalar(UInt8.random(in: 0x20...0x7E, using: &random)))
                : insertions.randomElement(using: &random) ?? ""
            scalars.replaceSubrange(k...k, with: replacement.unicodeScalars)
            lines[i] = String(String.UnicodeScalarView(scalars))
            return "flip a character on line \(i + 1)"
        case 5, 6:
            var scalars = Array(lines[i].unicodeScalars)
            let k = Int.random(in: 0...scalars.count, using: &random)
            let inserted = insertions.randomElement(using: &random) ?? ""
            scalars.insert(contentsOf: inserted.unicodeScalars, at: k)
            lines[i] = String(String.UnicodeScalarView(scalars))
            return "insert \(inserted.debugDescription.prefix(20)) on line \(i + 1)"
        case 7:
            lines[i] = Bool.random(using: &random) ? "  " + lines[i] : String(lines[i].drop { $0 == " " })
            return "re-indent line \(i + 1)"
        case 8:
            lines.removeSubrange(i...)
            return "truncate after line \(i)"
        default:
            if Bool.random(using: &random) {
                lines.insert(contentsOf: YAMLTreeTests.aliasBomb().split(separator: "\n").map(String.init), at: i)
                return "insert an alias bomb at line \(i + 1)"
            }
            lines[i] = lines[i].replacingOccurrences(of: ": ", with: ": \(insertions.randomElement(using: &random) ?? "")")
            return "prefix a value on line \(i + 1)"
        }
    }

    /// Lines as libyaml counts them: CR LF, a lone CR and LF each end one.
    static func lineCount(_ text: String) -> Int {
        var count = 1
        var afterCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" && afterCR {
                afterCR = false
                continue
            }
            afterCR = scalar == "\r"
            if scalar == "\n" || scalar == "\r" { count += 1 }
        }
        return count
    }

    /// Loads `text` and checks the outcome; returns how long loading took and whether a model came out.
    static func check(_ text: String, what: String) -> Result {
        let clock = ContinuousClock()
        let start = clock.now
        // Beside the shipped scenarios, so that the seed's input–output tables (io/…) are found.
        let outcome = ScenarioLoader.load(text: text, file: "fuzz.yaml", baseDirectory: Fixture.scenariosDirectory.path)
        let elapsed = clock.now - start
        let context = Comment(rawValue: "\(what)\n\(DiagnosticsError(outcome.diagnostics))".prefix(2_000).description)
        #expect(outcome.scenario != nil || outcome.diagnostics.hasErrors, context)
        #expect(outcome.scenario == nil || !outcome.diagnostics.hasErrors, context)
        let lines = lineCount(text)
        for diagnostic in outcome.diagnostics {
            #expect(diagnostic.description.count < 1_000, context)
            guard let location = diagnostic.location else {
                Issue.record("a diagnostic without a location: \(diagnostic)")
                continue
            }
            #expect(location.file == "fuzz.yaml", context)
            #expect((1...lines + 1).contains(location.line), "line \(location.line) of \(lines): \(context)")
            #expect(location.column >= 1, context)
        }
        return Result(what: what, elapsed: elapsed, model: outcome.scenario != nil)
    }

    /// What one input gave.
    struct Result {
        var what: String
        var elapsed: Duration
        var model: Bool
    }

    /// A guard against a slow path, not a timing: no single input may take 5 s, 1,000 times a
    /// shipped scenario's debug-build load on a busy machine (figures: `coopzone bench`).
    static func report(_ label: String, _ results: [Result]) {
        let slowest = results.max { $0.elapsed < $1.elapsed }
        if let slowest {
            #expect(slowest.elapsed < .seconds(5), "\(label): \(slowest.what.prefix(120)) took \(slowest.elapsed)")
        }
    }

    @Test func seedFileLoads() throws {
        let text = try String(contentsOf: Fixture.scenariosDirectory.appendingPathComponent(Self.seedName), encoding: .utf8)
        #expect(Self.check(text, what: "the unmutated seed file").model)
    }

    /// 4 batches of 75 mutants (1 to 3 mutations each), run in parallel.
    @Test(.timeLimit(.minutes(3)), arguments: 0..<4)
    func mutatedScenarioGivesAModelOrADiagnostic(batch: Int) throws {
        let original = try String(contentsOf: Fixture.scenariosDirectory.appendingPathComponent(Self.seedName), encoding: .utf8)
        let originalLines = original.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var random = SeededRandom(seed: 0xC0_0B_20_AE, stream: batch)
        var results: [Result] = []
        for index in 0..<75 {
            var lines = originalLines
            let steps = (0..<Int.random(in: 1...3, using: &random)).map { _ in Self.mutate(&lines, using: &random) }
            results.append(Self.check(lines.joined(separator: "\n"), what: "batch \(batch) mutant \(index): " + steps.joined(separator: ", ")))
        }
        Self.report("fuzz: mutants of batch \(batch)", results)
    }

    /// 2 batches of 50 files of random YAML tokens; the second without the control characters
    /// the pre-scan refuses at once, so that its files reach the parser.
    @Test(.timeLimit(.minutes(3)), arguments: 0..<2)
    func randomTokensGiveADiagnostic(batch: Int) {
        let printable = Self.insertions.filter { $0.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0 != "\u{FFFD}" || $0 == "\n" || $0 == "\t" } }
        let tokens =
            ["\n", "\n", " ", "  ", "- ", ": ", ", ", "title", "regions", "zones", "id", "x", "1", "2026", "0.5"] + (batch == 0 ? Self.insertions : printable)
        var random = SeededRandom(seed: 0x5EED, stream: batch)
        var results: [Result] = []
        for index in 0..<50 {
            let count = Int.random(in: 0...400, using: &random)
            let text = (0..<count).map { _ in tokens.randomElement(using: &random) ?? "" }.joined()
            results.append(Self.check(text, what: "batch \(batch) random file \(index): \(text.debugDescription.prefix(300))"))
        }
        Self.report("fuzz: random files of batch \(batch)", results)
    }
}
