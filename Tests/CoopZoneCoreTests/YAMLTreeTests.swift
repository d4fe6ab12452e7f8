import Foundation
import Testing

@testable import CoopZoneCore

/// One input for a parameterised test: a marked text and what the error at the marker says.
struct MarkedCase: Sendable, CustomTestStringConvertible {
    var name: String
    var source: String
    var fragments: [String]

    init(_ name: String, _ source: String, _ fragments: String...) {
        self.name = name
        self.source = source
        self.fragments = fragments
    }

    var testDescription: String { name }
}

/// Parsing text into a positioned tree, and refusing what is not a sane scenario file.
struct YAMLTreeTests {
    /// Parses `marked` and returns its diagnostics (none when it parsed).
    func diagnostics(_ marked: MarkedText, limits: LoadLimits = LoadLimits()) -> [Diagnostic] {
        switch YAMLTree.parse(marked.text, file: marked.file, limits: limits) {
        case .success: return []
        case .failure(let error): return error.diagnostics
        }
    }

    /// A 9-level alias bomb: each level lists the one below nine times, 9⁹ ≈ 387 million strings once expanded.
    static func aliasBomb(levels: Int = 9) -> String {
        var lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1...levels {
            lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - The tree

    @Test func nodesKeepTheirPositionsAndQuoting() throws {
        let marked = MarkedText(
            """
            title: 1️⃣'Fergana'
            2️⃣regions:
              - 3️⃣{id: 4️⃣fergana, population: 5️⃣3_900_000}
            """)
        let tree = try YAMLTree.parse(marked.text, file: marked.file).get()
        let title = try #require(tree["title"])
        #expect(title.location == marked.location("1"))
        #expect(title.scalarText == "Fergana")
        guard case .scalar(_, let quoted) = title.value else { Issue.record("title is not a scalar"); return }
        #expect(quoted)
        let entries = try #require(tree.entries)
        #expect(entries.map(\.key) == ["title", "regions"])
        #expect(entries[1].keyLocation == marked.location("2"))
        let region = try #require(tree["regions"]?.items?.first)
        #expect(region.location == marked.location("3"))
        #expect(region["id"]?.location == marked.location("4"))
        #expect(region["population"]?.location == marked.location("5"))
    }

    @Test func mergeKeysAreRefused() {
        let marked = MarkedText("base: &b {x: 1}\nother:\n  ↓<<: *b\n")
        marked.expectError(diagnostics(marked), "merge keys ('<<') are not supported")
    }

    // MARK: - Syntax errors and duplicate keys

    static let syntaxErrors: [MarkedCase] = [
        MarkedCase("unclosed flow list", "title: x\nregions: [fergana, batken\nzones↓: 1\n", "did not find expected ',' or ']'"),
        MarkedCase("key indented under a scalar", "title: x\n  bad↓: 1\n", "mapping values are not allowed"),
        MarkedCase("tab indentation", "horizon:\n↓\tfirst: 2026\n", "found character that cannot start any token"),
        MarkedCase("unclosed quote", "title: \"Fergana\nzones: 1↓", "found unexpected end of stream"),
        MarkedCase("list item in a mapping", "title: x\n↓- fergana\n", "did not find expected key"),
        MarkedCase("undefined alias", "title: ↓*nowhere\n", "found undefined alias"),
        MarkedCase("reserved indicator", "title: ↓@home\n", "found character that cannot start any token"),
        MarkedCase("two documents", "title: a\n↓---\ntitle: b\n", "found another document"),
    ]

    @Test(arguments: syntaxErrors)
    func syntaxErrorIsReportedAtTheOffendingToken(_ input: MarkedCase) {
        let marked = MarkedText(input.source)
        let found = diagnostics(marked)
        #expect(found.count == 1)
        marked.expectError(found, "YAML syntax error", input.fragments[0])
        #expect(found.first?.hint != nil)
    }

    static let duplicates: [MarkedCase] = [
        MarkedCase("block mapping", "title: a\n↓title: b\n", "duplicate key 'title' (first at line 1)"),
        MarkedCase("flow mapping", "regions:\n  - {id: batken, country: KG, ↓country: UZ}\n", "duplicate key 'country' (first at line 2)"),
        MarkedCase("quoted and plain", "title: a\n↓\"title\": b\n", "duplicate key 'title'"),
        MarkedCase("nested, after non-ASCII text", "regions:\n  - {name: Ферга́на, id: a, ↓id: b}\n", "duplicate key 'id'"),
        MarkedCase(
            "same key in two mappings is fine, the second mapping's twin is not",
            "a:\n  x: 1\nb:\n  x: 1\n  ↓x: 2\n", "duplicate key 'x' (first at line 4)"),
    ]

    @Test(arguments: duplicates)
    func duplicateKeyIsReportedAtItsSecondOccurrence(_ input: MarkedCase) {
        let marked = MarkedText(input.source)
        let found = diagnostics(marked)
        #expect(found.count == 1)
        marked.expectError(found, input.fragments[0])
    }

    @Test func everyDuplicateKeyIsReported() {
        let marked = MarkedText("a:\n  x: 1\n  1️⃣x: 2\nb:\n  y: 1\n  2️⃣y: 2\n")
        let found = diagnostics(marked)
        #expect(found.count == 2)
        marked.expectError(found, "duplicate key 'x'", at: "1")
        marked.expectError(found, "duplicate key 'y'", at: "2")
    }

    // MARK: - Hostile input

    /// A hang guard: the time limit fails the test if the bomb is expanded (timings: ADR 0001).
    @Test(.timeLimit(.minutes(1))) func nineLevelAliasBombIsRefusedQuickly() {
        let bomb = Self.aliasBomb()
        #expect(bomb.utf8.count < 1024)
        var found: [Diagnostic] = []
        found = diagnostics(MarkedText(bomb))
        #expect(found.count == 1)
        #expect(found.first?.message.contains("expands to more than") == true)
        #expect(found.first?.hint?.contains("alias bomb") == true)
    }

    /// Keys that are aliases or collections: hashing one in full (as Yams did) would expand an alias bomb.
    static let bombKeys: [MarkedCase] = [
        MarkedCase("flow list as a block key", "↓[*a9]: 1\n", "a list or mapping is used as a key"),
        MarkedCase("flow list as a key after a stray quote", "description: rock 'n roll\n↓[*a9]: 1\n", "a list or mapping is used as a key"),
        MarkedCase("alias as a block key", "↓*a9 : 1\n", "an alias is used as a key"),
        MarkedCase("explicit alias key after a stray quote", "description: rock 'n roll\n? ↓*a9\n: 1\n", "an alias is used as a key"),
        MarkedCase("alias key after a comma", "z: {x: 1, ↓*a9 : 1}\n", "an alias is used as a key"),
        MarkedCase("explicit alias key in a flow mapping", "z: {? ↓*a9 : 1}\n", "an alias is used as a key"),
        MarkedCase("alias key of a single pair in a flow list", "z: [↓*a9 : 1]\n", "an alias is used as a key"),
        MarkedCase("anchored list as a key", "z:\n  ↓&k [*a9, 1]: 1\n", "a list or mapping is used as a key"),
        MarkedCase("mapping as a key in a flow mapping", "z: {↓{a: *a9}: 1}\n", "a list or mapping is used as a key"),
    ]

    @Test(.timeLimit(.minutes(1)), arguments: bombKeys)
    func aliasBombAsAKeyIsRefusedBeforeYamsHashesIt(_ input: MarkedCase) {
        let marked = MarkedText(Self.aliasBomb() + input.source)
        var found: [Diagnostic] = []
        found = diagnostics(marked)
        #expect(found.count == 1)
        marked.expectError(found, input.fragments[0])
    }

    @Test func fileOverTheSizeCapIsRefusedBeforeParsing() {
        var limits = LoadLimits()
        limits.maxFileBytes = 1_000
        let marked = MarkedText("↓" + String(repeating: "title: padding\n", count: 100))
        let found = diagnostics(marked, limits: limits)
        #expect(found.count == 1)
        marked.expectError(found, "the file is 1500 bytes; the limit is 1000 bytes")
    }

    @Test func fileOverTheDefaultCapIsRefusedWhenReadFromDisk() throws {
        let directory = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("huge.yaml").path
        let huge = String(repeating: "# padding padding padding padding padding padding\n", count: 25_000)
        try huge.write(toFile: path, atomically: true, encoding: .utf8)
        let outcome = ScenarioLoader.load(file: path)
        #expect(outcome.scenario == nil)
        #expect(outcome.diagnostics.count == 1)
        #expect(outcome.diagnostics.first?.message == "the file is 1250000 bytes; the limit is 1048576 bytes")
        #expect(outcome.diagnostics.first?.location == CoopZoneCore.SourceLocation(file: path, line: 1, column: 1))
    }

    static let deepNesting: [MarkedCase] = [
        MarkedCase(
            "10 000 open brackets",
            "x: " + String(repeating: "[", count: 48) + "↓" + String(repeating: "[", count: 9_952) + String(repeating: "]", count: 10_000),
            "more than 48 open brackets"),
        MarkedCase(
            "nested flow mappings",
            "x: " + String(repeating: "{a: ", count: 48) + "↓" + String(repeating: "{a: ", count: 52) + "1" + String(repeating: "}", count: 100),
            "more than 48 open brackets"),
        MarkedCase(
            "200 levels of block mappings",
            (0..<81).map { String(repeating: "  ", count: $0) + "k\($0):\n" }.joined() + String(repeating: "  ", count: 81) + "↓k81:\n"
                + (82..<200).map { String(repeating: "  ", count: $0) + "k\($0):\n" }.joined(),
            "indentation of 162 columns"),
        MarkedCase("60 list markers on one line", String(repeating: "- ", count: 60) + "↓x\n", "60 nested list markers"),
        MarkedCase(
            "100 levels of block lists, one per line",
            (0..<49).map { String(repeating: "  ", count: $0) + "-\n" }.joined() + String(repeating: "  ", count: 49) + "↓-\n"
                + (50..<100).map { String(repeating: "  ", count: $0) + "-\n" }.joined(),
            "more than 48 levels"),
        MarkedCase(
            "500 brackets after a stray quote",
            "description: rock 'n roll\nx: " + String(repeating: "[", count: 48) + "↓" + String(repeating: "[", count: 452)
                + String(repeating: "]", count: 500), "more than 48 levels"),
        // Debian's libyaml 0.2.5 has no nesting limit of its own (Yams' copy stopped at 1000 levels):
        // the event reader's cap stops it at the 49th bracket, as for 500, after the scanner's look-ahead.
        MarkedCase(
            "200 000 brackets after a stray quote",
            "description: rock 'n roll\nx: " + String(repeating: "[", count: 48) + "↓" + String(repeating: "[", count: 199_952)
                + String(repeating: "]", count: 200_000), "more than 48 levels"),
    ]

    @Test(.timeLimit(.minutes(1)), arguments: deepNesting)
    func deepNestingIsRefused(_ input: MarkedCase) {
        let marked = MarkedText(input.source)
        var found: [Diagnostic] = []
        found = diagnostics(marked)
        #expect(found.count == 1)
        marked.expectError(found, "nesting is too deep", input.fragments[0])
        #expect(found.allSatisfy { $0.description.count < 500 })
    }

    static let binary: [MarkedCase] = [
        MarkedCase("NUL byte", "title: Fergana↓\u{0}Batken\n", "byte 0x0"),
        MarkedCase("NUL hidden in a grapheme cluster", "title: ↓\u{0}\u{301}\n", "byte 0x0"),
        MarkedCase("bell after non-ASCII text", "title: Фергана ↓\u{7}\n", "byte 0x7"),
        MarkedCase("replacement character of a lossy decoding", "title: ↓\u{FFFD}\u{FFFD}\n", "byte 0xfffd"),
        MarkedCase("escape sequence", "↓\u{1B}[31mtitle: x\n", "byte 0x1b"),
    ]

    @Test(arguments: binary)
    func binaryDataIsRefusedAtItsPosition(_ input: MarkedCase) {
        let marked = MarkedText(input.source)
        let found = diagnostics(marked)
        #expect(found.count == 1)
        marked.expectError(found, "the file contains binary data", input.fragments[0])
        #expect(found.allSatisfy { $0.description.unicodeScalars.allSatisfy { $0 == "\n" || $0.value >= 0x20 } })
    }

    @Test func binaryFilesOnDiskAreRefused() throws {
        let directory = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var generator = SeededRandom(seed: 42)
        let bytes = (0..<4_096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let path = directory.appendingPathComponent("garbage.yaml").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let outcome = ScenarioLoader.load(file: path)
        #expect(outcome.scenario == nil)
        #expect(outcome.diagnostics.count == 1)
        #expect(outcome.diagnostics.first?.message.contains("not UTF-8 text") == true)
        // The same bytes decoded leniently, as another tool might hand them over, are refused too.
        let lossy = MarkedText(String(decoding: bytes, as: UTF8.self))
        #expect(diagnostics(lossy).first?.message.contains("binary data") == true)
    }

    @Test(arguments: ["", "\n\n  \n", "# only a comment\n", "\u{FEFF}", "---\n", "--- # nothing\n...\n"])
    func emptyFileIsAClearError(_ text: String) {
        let marked = MarkedText("↓" + text)
        let found = diagnostics(marked)
        #expect(found.count == 1)
        marked.expectError(found, "the file is empty")
        #expect(found.first?.hint?.contains("title") == true)
    }

    @Test func nullDocumentIsNotAScenario() {
        let marked = MarkedText("↓~\n")
        let outcome = marked.load()
        #expect(outcome.diagnostics.count == 1)
        marked.expectError(outcome.diagnostics, "expected a mapping for the scenario, found nothing (null)")
    }

    @Test func lineEndingsOfEveryKindCountAsLineBreaks() {
        // CR LF (Windows) and a lone CR (old Mac OS) are line breaks to libyaml and to the pre-scan alike.
        let windows = MarkedText("a: 1\r\nb: [\r\n↓\u{0}")
        windows.expectError(diagnostics(windows), "binary data")
        let oldMac = MarkedText("a: 1\rb: 2\r")
        #expect(diagnostics(oldMac).isEmpty)
    }

    @Test func messagesStayShortWhateverTheInput() {
        let longKey = String(repeating: "k", count: 1_000)
        let longValue = String(repeating: "x", count: 500_000)
        let outcome = ScenarioLoader.load(text: "\(longKey): 1\ntitle: \(longValue)\nprice_year: \(longValue)\n")
        #expect(outcome.diagnostics.count > 2)
        for diagnostic in outcome.diagnostics {
            #expect(diagnostic.description.count < 1_000, "\(diagnostic.description.prefix(200))…")
        }
    }
}
