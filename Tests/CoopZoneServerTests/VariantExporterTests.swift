import CoopZoneCore
import CoopZoneEvaluators
import Foundation
import Testing
@testable import CoopZoneServer

/// Every shipped scenario with levers: a variant with each lever at its maximum, exported,
/// loads with no errors and gives the numbers of the same values given as overrides.
struct VariantExporterTests {
    static func scenariosWithLevers() -> [String] {
        ScenarioCatalog(directory: scenariosFolder, registry: BuiltInEvaluators.all).list().filter { !$0.id.contains("~") }.compactMap { item in
            (try? String(contentsOfFile: item.path, encoding: .utf8))?.contains("\nlevers:") == true ? item.id : nil
        }
    }

    @Test(arguments: scenariosWithLevers())
    func exportedVariantsLoadToTheSameNumbers(_ id: String) async throws {
        let catalog = ScenarioCatalog(directory: scenariosFolder, registry: BuiltInEvaluators.all)
        let entry = try #require(catalog.entry(id))
        let scenario = try #require(entry.scenario, "\(entry.diagnostics)")
        var values: [String: Double] = [:]
        for (i, lever) in scenario.levers.enumerated() { values[lever.id] = i % 2 == 0 ? lever.max : lever.min }
        let run = try await WorkshopRunner.compute(entry, values: values, registry: BuiltInEvaluators.all)
        let variant = StoredVariant(id: 1, scenario: id, name: "Extremes: \"all\" # levers", author: "Tester\nTwo", values: values,
                                    headlines: run.headlines, scenarioVersion: entry.version, createdAt: "2026-01-01T00:00:00Z")
        let yaml = try VariantExporter.yaml(variant, entry: entry)
        let outcome = ScenarioLoader.load(text: yaml, file: "exported.yaml", baseDirectory: scenariosFolder)
        let exported = try #require(outcome.scenario, "\(yaml)\n\(outcome.diagnostics)")
        #expect(!outcome.diagnostics.hasErrors)
        #expect(exported.title.hasSuffix("workshop variant: Extremes: \"all\" # levers"))
        let plan = try Engine.plan(exported, registry: BuiltInEvaluators.all).get()
        let result = await Engine.run(plan, on: exported)
        for h in result.headlines {
            let expected = run.headlines["\(h.evaluator).\(h.metric)"] ?? nil
            if let expected {
                #expect(abs(expected - h.value) <= 1e-9 * max(1, abs(h.value)), "\(id): \(h.metric) \(expected) vs \(h.value)")
            } else {
                #expect(!h.value.isFinite, "\(id): \(h.metric)")
            }
        }
    }

    @Test func quotesWhatWouldNotReadBack() {
        #expect(VariantExporter.safePlain("0.25") && VariantExporter.safePlain("-3") && VariantExporter.safePlain("Fergana region"))
        for risky in ["", "a: b", "# x", "- x", "x #y", "{a}", "'q'", "tail:", " lead", "multi\nline"] {
            #expect(!VariantExporter.safePlain(risky), "\(risky)")
        }
        #expect(VariantExporter.quote("a\"b\\c\n\u{1}") == "\"a\\\"b\\\\c\\n\\u0001\"")
    }
}
