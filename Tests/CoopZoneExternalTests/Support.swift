import CoopZoneCore
import CoopZoneEvaluators
import CoopZoneTestSupport
import Foundation

@testable import CoopZoneExternal

/// The test fixtures: tiny evaluators that misbehave in one way each.
let fixtures = packageRoot.appendingPathComponent("Tests/CoopZoneExternalTests/Fixtures")
/// The Python example evaluator.
let gravityDirectory = packageRoot.appendingPathComponent("Plugins/Examples/gravity-trade").path
/// Its example scenario: the Andijan–Osh FEZ with gravity_trade beside the built-ins.
let gravityScenario = packageRoot.appendingPathComponent("Plugins/Examples/gravity-trade/andijan-osh-with-gravity.yaml").path
/// A shipped scenario the fixtures are added to.
let andijanOsh = packageRoot.appendingPathComponent("Scenarios/andijan-osh-cross-border-free-economic-zone.yaml").path

enum TestFailure: Error, CustomStringConvertible {
    case diagnostics(String)
    var description: String { if case .diagnostics(let text) = self { text } else { "" } }
}

/// The evaluator of a fixture (or of any directory), loaded from its manifest.
func externalEvaluator(_ directory: String, timeout: Double? = nil) throws -> ExternalEvaluator {
    switch ExternalManifest.load(directory: directory) {
    case .success(let manifest): return ExternalEvaluator(manifest: manifest, timeout: timeout)
    case .failure(let error): throw TestFailure.diagnostics(error.description)
    }
}

/// A fixture's evaluator.
func fixture(_ name: String, timeout: Double? = nil) throws -> ExternalEvaluator {
    try externalEvaluator(fixtures.appendingPathComponent(name).path, timeout: timeout)
}

/// `file` with `ids` added to its evaluators.
func scenario(_ file: String = andijanOsh, adding ids: [String]) throws -> Scenario {
    let overrides = ids.map { id in
        let here = SourceLocation(file: "test", line: 1, column: 1)
        return Override(path: "evaluators.\(id)", value: YNode(.mapping([]), at: here), origin: "test")
    }
    return try ScenarioLoader.loadOrThrow(file: file, overrides: overrides)
}

/// Plans and runs `scenario` with the built-in evaluators and `external`.
func run(_ scenario: Scenario, with external: [ExternalEvaluator]) async throws -> RunResult {
    let plan = try Engine.plan(scenario, registry: BuiltInEvaluators.all + external.map(\.entry)).get()
    return await Engine.run(plan, on: scenario)
}

/// Seconds taken by `body`.
func seconds(_ body: () async throws -> Void) async rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try await body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}
