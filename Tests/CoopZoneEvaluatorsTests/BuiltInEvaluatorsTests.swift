import Foundation
import Testing
import CoopZoneCore
@testable import CoopZoneEvaluators

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func shippedScenarioPaths() -> [String] {
    let dir = packageRoot.appendingPathComponent("Scenarios")
    let top = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasSuffix(".yaml") }.map { dir.appendingPathComponent($0).path }
    let variants = dir.appendingPathComponent("variants")
    let more = ((try? FileManager.default.contentsOfDirectory(atPath: variants.path)) ?? []).filter { $0.hasSuffix(".yaml") }.map { variants.appendingPathComponent($0).path }
    return (top + more).sorted()
}

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

    @Test(arguments: BuiltInEvaluators.all.map(\.descriptor.id))
    func descriptorIsComplete(id: String) throws {
        let d = try #require(BuiltInEvaluators.all.first { $0.descriptor.id == id }?.descriptor)
        #expect(d.id.allSatisfy { $0.isLowercase || $0 == "_" })
        #expect(!d.summary.isEmpty && !d.version.isEmpty)
        let doc = d.documentation.split(separator: "#").first.map(String.init) ?? ""
        #expect(FileManager.default.fileExists(atPath: packageRoot.appendingPathComponent(doc).path), "documentation \(d.documentation) exists")
        for p in d.parameters {
            #expect(p.allowed.contains(p.defaultValue), "\(p.name): default within the allowed range")
            #expect(p.allowed.contains(p.plausible.lowerBound) && p.allowed.contains(p.plausible.upperBound), "\(p.name): plausible within allowed")
            #expect(!p.citation.isEmpty, "\(p.name) has a citation")
        }
        for m in d.metrics + d.headlines {
            let file = m.equation.split(separator: "#").first.map(String.init) ?? ""
            let anchor = m.equation.split(separator: "#").dropFirst().first.map(String.init)
            let url = packageRoot.appendingPathComponent(file)
            let text = try String(contentsOf: url, encoding: .utf8)
            if let anchor {
                // A Markdown heading whose GitHub anchor is `anchor`.
                let anchors = text.split(separator: "\n").filter { $0.hasPrefix("#") }.map { line in
                    line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces).lowercased()
                        .filter { $0.isLetter || $0.isNumber || $0 == " " || $0 == "-" || $0 == "_" }.replacingOccurrences(of: " ", with: "-")
                }
                #expect(anchors.contains(anchor), "\(m.id): \(m.equation) names a heading of \(file)")
            }
        }
    }

    @Test(arguments: shippedScenarioPaths())
    func everyShippedScenarioRunsWithoutAFailure(path: String) async throws {
        let scenario = try ScenarioLoader.loadOrThrow(file: path)
        let plan = try Engine.plan(scenario, registry: BuiltInEvaluators.all).get()
        let result = await Engine.run(plan, on: scenario)
        #expect(result.failures.isEmpty, "\(result.failures)")
        #expect(result.rows.allSatisfy { $0.value.isFinite }, "no NaN or infinite values")
        #expect(result.headlines.allSatisfy { $0.value.isFinite })
    }
}
