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
        let run = try WorkshopRunner.computeTimed(entry, values: values, registry: BuiltInEvaluators.all).payload
        let variant = StoredVariant(
            id: 1, scenario: id, name: "Extremes: \"all\" # levers", author: "Tester\nTwo", values: values,
            headlines: run.headlines, scenarioVersion: entry.version, createdAt: "2026-01-01T00:00:00Z", hidden: false)
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

    /// The text is libyaml's emitter's (`YAMLWriter`): what would not read back as plain text is
    /// quoted by it, and reads back as the same text.
    @Test func quotesWhatWouldNotReadBack() throws {
        let risky = ["a: b", "# x", "- x", "x #y", "{a}", "'q'", "tail:", " lead", "multi\nline"]
        let location = CoopZoneCore.SourceLocation(file: "test", line: 1, column: 1)
        let tree = YNode(
            .mapping(
                risky.enumerated().map { i, text in
                    YNode.Entry(key: "k\(i)", keyLocation: location, value: YNode(.scalar(text, quoted: false), at: location))
                } + [
                    YNode.Entry(
                        key: "safe", keyLocation: location,
                        value: YNode(
                            .sequence(
                                ["0.25", "-3", "Fergana region"].map {
                                    YNode(.scalar($0, quoted: false), at: location)
                                }), at: location))
                ]), at: location)
        let text = try YAMLWriter.text(of: tree)
        let back = try YAMLTree.parse(text, file: "back.yaml").get()
        for (i, expected) in risky.enumerated() {
            guard case .scalar(let read, let quoted)? = back["k\(i)"]?.value else { Issue.record("k\(i) missing in\n\(text)"); continue }
            #expect(read == expected && quoted, "\(expected.debugDescription) came back as \(read.debugDescription) in\n\(text)")
        }
        // Plain where plain reads back: a list in a mapping sits at its key's indentation.
        #expect(text.hasSuffix("safe:\n- 0.25\n- -3\n- Fergana region\n"), "\(text)")
        // Double quotes, as the exporter asks for its quoted values, escape '"', '\\', line breaks and control characters.
        let quotedTree = YNode(.scalar("a\"b\\c\n\u{1}", quoted: true), at: location)
        #expect(try YAMLWriter.text(of: quotedTree) == "\"a\\\"b\\\\c\\n\\x01\"\n")
    }
}
