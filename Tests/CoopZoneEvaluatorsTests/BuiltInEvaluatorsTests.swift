import CoopZoneCore
import CoopZoneTestSupport
import Foundation
import Testing

@testable import CoopZoneEvaluators

struct BuiltInEvaluatorsTests {
    @Test func theListAndThePluginFoldersAgree() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: packageRoot.appendingPathComponent("Plugins").path)
            .filter { $0.hasSuffix("Evaluator") }.sorted()
        #expect(folders == BuiltInEvaluators.targetNames)
        #expect(BuiltInEvaluators.all.count == folders.count)
        let ids = BuiltInEvaluators.all.map(\.descriptor.id)
        #expect(ids == ids.sorted(), "the list is sorted by id")
        // Each folder's name is its id in UpperCamelCase + "Evaluator" (staged_incentives → StagedIncentivesEvaluator).
        let expected = ids.map { $0.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined() + "Evaluator" }.sorted()
        #expect(expected == folders)
    }

    /// The GitHub anchor of every Markdown heading of `text` ("## Jobs, direct" → "jobs-direct").
    static func anchors(_ text: String) -> Set<String> {
        Set(
            text.split(separator: "\n").filter { $0.hasPrefix("#") }.map { line in
                line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces).lowercased()
                    .filter { $0.isLetter || $0.isNumber || $0 == " " || $0 == "-" || $0 == "_" }.replacingOccurrences(of: " ", with: "-")
            })
    }

    /// The checks every built-in evaluator's descriptor passes (evaluator tests check what is
    /// particular to theirs).
    @Test(arguments: BuiltInEvaluators.all.map(\.descriptor.id))
    func descriptorIsComplete(id: String) throws {
        let d = try #require(BuiltInEvaluators.all.first { $0.descriptor.id == id }?.descriptor)
        #expect(d.id.allSatisfy { $0.isLowercase || $0 == "_" })
        #expect(!d.summary.isEmpty && !d.version.isEmpty)
        let doc = d.documentation.split(separator: "#").first.map(String.init) ?? ""
        let text = try String(contentsOf: packageRoot.appendingPathComponent(doc), encoding: .utf8)
        for p in d.parameters {
            #expect(d.parameters.filter { $0.name == p.name }.count == 1, "\(p.name) is declared once")
            #expect(p.allowed.contains(p.defaultValue), "\(p.name): default within the allowed range")
            #expect(p.plausible.contains(p.defaultValue), "\(p.name): default within the plausible range")
            #expect(p.allowed.contains(p.plausible.lowerBound) && p.allowed.contains(p.plausible.upperBound), "\(p.name): plausible within allowed")
            #expect(!p.citation.isEmpty, "\(p.name) has a citation")
            #expect(text.contains("`\(p.name)`"), "\(p.name) is documented in \(doc)")
        }
        let headings = Self.anchors(text)
        for m in d.metrics + d.headlines {
            // Every equation is a heading of the evaluator's own methodology document.
            let parts = m.equation.split(separator: "#").map(String.init)
            #expect(parts.count == 2 && parts[0] == doc, "\(m.id): \(m.equation) points into \(doc)")
            #expect(headings.contains(parts.last ?? ""), "\(m.id): \(m.equation) names a heading of \(doc)")
        }
        // Every chart draws additive metrics of its own evaluator, and ids are unique per place.
        for chart in d.charts {
            #expect(!chart.series.isEmpty, "\(chart.id) draws something")
            for s in chart.series {
                #expect(d.metrics.contains { $0.id == s.metric && $0.additive }, "\(chart.id): \(s.metric) is an additive metric of \(d.id)")
            }
        }
        for m in d.headlines where m.presentation.card != nil {
            #expect(m.presentation.shortLabel != nil, "\(m.id) is a card, so it has a short label")
        }
    }

    /// Chart ids are unique among every built-in evaluator's charts of one place (report or
    /// workshop), and so are card positions: the report and the workshop draw them all.
    @Test func chartIdsAndCardsAreUnique() {
        let charts = BuiltInEvaluators.all.flatMap(\.descriptor.charts)
        let report = charts.filter { $0.kind != .workshopByYear }.map(\.id)
        let workshop = charts.filter { $0.kind == .workshopByYear }.map(\.id)
        #expect(Set(report).count == report.count)
        #expect(Set(workshop).count == workshop.count)
        let cards = BuiltInEvaluators.all.flatMap(\.descriptor.headlines).compactMap(\.presentation.card)
        #expect(Set(cards).count == cards.count)
        // The workshop's four cards of the built-in evaluators, in this order.
        let featured = BuiltInEvaluators.all.flatMap { e in
            e.descriptor.headlines.compactMap { h in h.presentation.card.map { ($0, "\(e.descriptor.id).\(h.id)") } }
        }
        #expect(
            featured.sorted { $0.0 < $1.0 }.prefix(4).map(\.1) == [
                "employment.net_jobs_final_year", "trade_effects.trade_change_last_year",
                "staged_incentives.tax_expenditure_pv_total", "cost_benefit.npv",
            ])
    }

    @Test(arguments: shippedScenarios())
    func everyShippedScenarioRunsWithoutAFailure(path: String) async throws {
        let scenario = try ScenarioLoader.loadOrThrow(file: path)
        let plan = try Engine.plan(scenario, registry: BuiltInEvaluators.all).get()
        let result = await Engine.run(plan, on: scenario)
        #expect(result.failures.isEmpty, "\(result.failures)")
        #expect(result.rows.allSatisfy { $0.value.isFinite }, "no NaN or infinite values")
        #expect(result.headlines.allSatisfy { $0.value.isFinite })
    }
}
