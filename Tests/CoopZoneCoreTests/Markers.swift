import Foundation
import Testing

@testable import CoopZoneCore

/// A test input whose expected diagnostic positions are marked inline, as swift-format's tests
/// do, so that no test hard-codes a line or a column: put `↓` (or a keycap such as `1️⃣` when
/// one input has several expected positions) right before the offending token. `text` is the
/// input without its markers; `location(_:)` tells where a marker stood, counted as libyaml
/// counts: lines and columns from 1, columns in Unicode scalars.
struct MarkedText {
    /// The default marker.
    static let arrow = "↓"

    /// One marker: its name (`↓`, or the digit of a keycap) and where the next scalar is.
    struct Marker {
        var name: String
        var line: Int
        var column: Int
    }

    /// The input without markers.
    let text: String
    /// The file name locations carry.
    let file: String
    /// Every marker, in text order.
    let markers: [Marker]

    /// Strips the markers from `source`, recording their positions.
    init(_ source: String, file: String = "scenario.yaml") {
        let scalars = Array(source.unicodeScalars)
        var kept = String.UnicodeScalarView()
        var found: [Marker] = []
        var line = 1
        var column = 1
        var i = 0
        while i < scalars.count {
            let scalar = scalars[i]
            if scalar == "↓" {
                found.append(Marker(name: MarkedText.arrow, line: line, column: column))
                i += 1
                continue
            }
            // A keycap: a digit, an optional variation selector U+FE0F, then U+20E3.
            if ("0"..."9").contains(scalar) {
                var j = i + 1
                if j < scalars.count, scalars[j] == "\u{FE0F}" { j += 1 }
                if j < scalars.count, scalars[j] == "\u{20E3}" {
                    found.append(Marker(name: String(scalar), line: line, column: column))
                    i = j + 1
                    continue
                }
            }
            kept.append(scalar)
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            i += 1
        }
        self.text = String(kept)
        self.file = file
        self.markers = found
    }

    /// Where the first marker called `name` stood (`"1"` for `1️⃣`); records an issue when there is none.
    func location(_ name: String = MarkedText.arrow, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> CoopZoneCore.SourceLocation {
        guard let marker = markers.first(where: { $0.name == name }) else {
            Issue.record("the test input has no marker '\(name)'", sourceLocation: sourceLocation)
            return CoopZoneCore.SourceLocation(file: file, line: 0, column: 0)
        }
        return CoopZoneCore.SourceLocation(file: file, line: marker.line, column: marker.column)
    }

    /// Where every marker called `name` stood, in text order.
    func locations(_ name: String = MarkedText.arrow) -> [CoopZoneCore.SourceLocation] {
        markers.filter { $0.name == name }.map { CoopZoneCore.SourceLocation(file: file, line: $0.line, column: $0.column) }
    }

    /// Loads the text as a scenario.
    func load(baseDirectory: String? = nil, overrides: [Override] = [], limits: LoadLimits = LoadLimits()) -> LoadOutcome {
        ScenarioLoader.load(text: text, file: file, baseDirectory: baseDirectory, overrides: overrides, limits: limits)
    }

    /// Records an issue unless `diagnostics` holds an error whose message contains every one of
    /// `fragments`, placed at the marker `name`.
    func expectError(
        _ diagnostics: [Diagnostic], _ fragments: String..., at name: String = MarkedText.arrow,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let expected = location(name, sourceLocation: sourceLocation)
        let matching = diagnostics.filter { d in d.severity == .error && fragments.allSatisfy { d.message.contains($0) } }
        guard let match = matching.first(where: { $0.location == expected }) ?? matching.first else {
            Issue.record(
                "no error containing \(fragments.map { "'\($0)'" }.joined(separator: " and ")); the diagnostics were:\n\(DiagnosticsError(diagnostics))",
                sourceLocation: sourceLocation)
            return
        }
        #expect(match.location == expected, "\(match)", sourceLocation: sourceLocation)
    }
}

/// Inputs shared by the loader's tests.
enum Fixture {
    /// A small scenario that loads without any diagnostic; tests edit one line of it at a time.
    static let minimal = """
        title: Minimal triangle
        horizon: {first: 2026, last: 2035}
        price_year: 2023
        discount_rate: 0.08
        sources:
          - {id: book, title: The book}
        sectors:
          - {id: agriculture, perishable: true}
          - {id: textiles}
        countries:
          - code: UZ
            fiscal:
              source: book
              corporate_income_tax: 0.15
          - code: KG
          - code: TJ
        regions:
          - id: fergana
            country: UZ
            population: 3_900_000
            labour_force: 1_700_000
          - id: batken
            country: KG
          - id: sughd
            country: TJ
        links:
          - id: uz_kg
            from: fergana
            to: batken
            loss_share: 0.25
        zones:
          - id: fbs
            kind: growth_triangle
            regions: [fergana, batken, sughd]
            stages:
              - id: free_trade
                start: 2026
                end: 2029
                measures:
                  infrastructure:
                    - {country: UZ, amount_per_year: 30}
              - id: investment
                start: 2030
                incentives:
                  income_tax_holiday_years: 3
            investment:
              - {year: 2030, country: UZ, sector: textiles, amount: 40}

        """

    /// `minimal` with each `old` text (which must occur exactly once) replaced by its `new` one.
    static func minimal(_ edits: (old: String, new: String)..., sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> String {
        var text = minimal
        for edit in edits {
            let occurrences = text.components(separatedBy: edit.old).count - 1
            try #require(occurrences == 1, "'\(edit.old)' occurs \(occurrences) times in the fixture", sourceLocation: sourceLocation)
            text = text.replacingOccurrences(of: edit.old, with: edit.new)
        }
        return text
    }

    /// The shipped scenarios: `Scenarios/*.yaml` at the package root, found from this file's path.
    static var scenariosDirectory: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // CoopZoneCoreTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // the package
            .appendingPathComponent("Scenarios")
    }

    /// The names of the shipped scenario files, sorted.
    static let shippedScenarios: [String] =
        ((try? FileManager.default.contentsOfDirectory(atPath: scenariosDirectory.path)) ?? [])
        .filter { $0.hasSuffix(".yaml") }
        .sorted()

    /// A fresh directory for files a test writes; the caller removes it.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("coopzone-loader-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
