import Foundation
import Testing

@testable import CoopZoneCore

/// A country's `trade_totals`: read with their provenance, and every bad value reported at its
/// line and column with a hint.
struct TradeTotalsTests {
    /// `Fixture.minimal` with trade totals for KG; `exports` and `imports` replace the defaults.
    static func fixture(exports: String = "{agriculture: 200, textiles: 250}", imports: String = "{agriculture: 1300, textiles: 1700}") throws -> String {
        try Fixture.minimal(
            (
                "  - code: KG\n",
                """
                  - code: KG
                    trade_totals:
                      year: 2022
                      assumption: rounded national totals
                      exports: \(exports)
                      imports: \(imports)

                """
            ))
    }

    @Test func totalsAreReadWithTheirProvenance() throws {
        let outcome = MarkedText(try Self.fixture()).load()
        #expect(outcome.diagnostics.isEmpty, "\(DiagnosticsError(outcome.diagnostics))")
        let scenario = try #require(outcome.scenario)
        let totals = try #require(scenario.country("KG")?.tradeTotals)
        #expect(totals.year == 2022)
        #expect(totals.exports.mapValues { scenario[$0] } == ["agriculture": 200, "textiles": 250])
        #expect(totals.imports.mapValues { scenario[$0] } == ["agriculture": 1300, "textiles": 1700])
        let info = scenario.inputs[try #require(totals.imports["textiles"]).slot]
        #expect(info.path == "countries.KG.trade_totals.imports.textiles")
        #expect(info.unit == .usdMillionPerYear)
        if case .assumption(let text) = info.provenance {
            #expect(text == "rounded national totals")
        } else {
            Issue.record("expected the block's assumption, got \(info.provenance)")
        }
        #expect(scenario.country("UZ")?.tradeTotals == nil)
    }

    @Test func aNegativeValueIsAnErrorAtTheValue() throws {
        let marked = MarkedText(try Self.fixture(exports: "{agriculture: 200, textiles: ↓-5}"))
        let outcome = marked.load()
        #expect(outcome.scenario == nil)
        marked.expectError(outcome.diagnostics, "'textiles' in the exports of KG in trade_totals is -5; it must be at least 0")
        #expect(outcome.diagnostics.first?.hint == "money cannot be negative here")
    }

    @Test func anUnknownSectorIsAnErrorAtTheKeyWithDidYouMean() throws {
        let marked = MarkedText(try Self.fixture(imports: "{agriculture: 1300, textiles: 1700, ↓textile: 5}"))
        let outcome = marked.load()
        #expect(outcome.scenario == nil)
        marked.expectError(outcome.diagnostics, "unknown key 'textile' in the imports of KG in trade_totals; did you mean 'textiles'?")
    }

    @Test func aSectorLeftOutIsAnErrorAtTheMappingWithAHint() throws {
        let marked = MarkedText(try Self.fixture(exports: "↓{agriculture: 200}"))
        let outcome = marked.load()
        #expect(outcome.scenario == nil)
        marked.expectError(outcome.diagnostics, "the exports of KG in trade_totals give no value for sector(s) textiles")
        #expect(outcome.diagnostics.first?.hint?.contains("write 0 for a sector KG does not trade") == true)
    }

    @Test func aMissingSideIsAnError() throws {
        let text = try Fixture.minimal(("  - code: KG\n", "  - code: KG\n    trade_totals:\n      ↓exports: {agriculture: 1, textiles: 2}\n"))
        let marked = MarkedText(text)
        let outcome = marked.load()
        #expect(outcome.scenario == nil)
        #expect(
            outcome.diagnostics.contains { $0.severity == .error && $0.message.contains("the trade totals of KG needs 'imports'") },
            "\(DiagnosticsError(outcome.diagnostics))")
    }
}
