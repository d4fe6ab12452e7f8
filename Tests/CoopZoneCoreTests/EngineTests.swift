import Foundation
import Testing

@testable import CoopZoneCore

/// A minimal valid scenario for engine tests; `evaluators` is spliced in at the end.
private func scenarioText(evaluators: String) -> String {
    """
    format: 1
    title: Engine test
    horizon: {first: 2030, last: 2032}
    price_year: 2023
    discount_rate: {value: 0.1, assumption: test}
    sectors: [{id: goods}]
    countries: [{code: AA}, {code: BB}]
    regions:
      - {id: a, country: AA}
      - {id: b, country: BB}
    zones:
      - id: z
        kind: free_trade_zone
        regions: [a, b]
        stages: [{id: one, start: 2030}]
    \(evaluators)
    """
}

/// Splits a text with one `↓` marker into the text without it and the marker's line and column.
private func marked(_ text: String) -> (text: String, line: Int, column: Int) {
    var line = 1, column = 1
    for character in text {
        if character == "↓" { break }
        if character == "\n" { line += 1; column = 1 } else { column += 1 }
    }
    return (text.replacingOccurrences(of: "↓", with: ""), line, column)
}

/// Writes one row per year whose value is `scale` times the number of rows its dependencies wrote.
private struct Counter: Evaluator {
    struct Parameters: Decodable, Sendable { var scale: Double }
    static let descriptor = EvaluatorDescriptor(
        id: "counter", summary: "test", version: "1.0.0", dependencies: ["source_a"],
        parameters: [ParameterSpec("scale", "multiplier", unit: .ratio, default: 2, allowed: 0...10, citation: "test")],
        metrics: [MetricSpec("count", unit: .count, "rows seen", equation: "none")], headlines: [], documentation: "none")
    let parameters: Parameters
    init(parameters: Parameters) { self.parameters = parameters }
    func evaluate(_ scenario: Scenario, context: EvaluationContext) throws -> EvaluationResult {
        var builder = ResultBuilder(Self.descriptor)
        let seen = Double(context.rows("source_a", "level").count)
        for year in scenario.years { try builder.add("count", year: year, Dimensions(), seen * parameters.scale) }
        return builder.result
    }
}

/// Writes the year number as its value, once per year.
private struct SourceA: Evaluator {
    struct Parameters: Decodable, Sendable {}
    static let descriptor = EvaluatorDescriptor(
        id: "source_a", summary: "test", version: "1.0.0", parameters: [],
        metrics: [MetricSpec("level", unit: .count, "the year", equation: "none")],
        headlines: [MetricSpec("first_level", unit: .count, "the first year", equation: "none")], documentation: "none")
    init(parameters: Parameters) {}
    func evaluate(_ scenario: Scenario, context: EvaluationContext) throws -> EvaluationResult {
        var builder = ResultBuilder(Self.descriptor)
        for year in scenario.years { try builder.add("level", year: year, Dimensions(country: "AA"), Double(year)) }
        try builder.headline("first_level", Double(scenario.horizon.lowerBound))
        return builder.result
    }
}

/// Always fails.
private struct Broken: Evaluator {
    struct Parameters: Decodable, Sendable {}
    static let descriptor = EvaluatorDescriptor(
        id: "broken", summary: "test", version: "1.0.0", parameters: [],
        metrics: [], headlines: [], documentation: "none")
    init(parameters: Parameters) {}
    func evaluate(_ scenario: Scenario, context: EvaluationContext) throws -> EvaluationResult {
        throw EvaluatorError.unusableScenario("the broken evaluator always fails")
    }
}

/// Depends on the broken one.
private struct AfterBroken: Evaluator {
    struct Parameters: Decodable, Sendable {}
    static let descriptor = EvaluatorDescriptor(
        id: "after_broken", summary: "test", version: "1.0.0", dependencies: ["broken"], parameters: [],
        metrics: [], headlines: [], documentation: "none")
    init(parameters: Parameters) {}
    func evaluate(_ scenario: Scenario, context: EvaluationContext) throws -> EvaluationResult { EvaluationResult() }
}

/// Two evaluators that depend on each other.
private struct CycleX: Evaluator {
    struct Parameters: Decodable, Sendable {}
    static let descriptor = EvaluatorDescriptor(
        id: "cycle_x", summary: "test", version: "1.0.0", dependencies: ["cycle_y"], parameters: [],
        metrics: [], headlines: [], documentation: "none")
    init(parameters: Parameters) {}
    func evaluate(_ scenario: Scenario, context: EvaluationContext) throws -> EvaluationResult { EvaluationResult() }
}

private struct CycleY: Evaluator {
    struct Parameters: Decodable, Sendable {}
    static let descriptor = EvaluatorDescriptor(
        id: "cycle_y", summary: "test", version: "1.0.0", dependencies: ["cycle_x"], parameters: [],
        metrics: [], headlines: [], documentation: "none")
    init(parameters: Parameters) {}
    func evaluate(_ scenario: Scenario, context: EvaluationContext) throws -> EvaluationResult { EvaluationResult() }
}

private let registry = [
    EvaluatorEntry(Counter.self), EvaluatorEntry(SourceA.self), EvaluatorEntry(Broken.self),
    EvaluatorEntry(AfterBroken.self), EvaluatorEntry(CycleX.self), EvaluatorEntry(CycleY.self),
]

struct EngineTests {
    func plan(_ evaluators: String, overrides: [String] = []) throws -> (Scenario, Result<RunPlan, DiagnosticsError>) {
        let parsed = try overrides.enumerated().map { try Override.parse($1, index: $0 + 1).get() }
        let scenario = try ScenarioLoader.loadOrThrow(text: scenarioText(evaluators: evaluators), file: "engine.yaml", overrides: parsed)
        return (scenario, Engine.plan(scenario, registry: registry))
    }

    @Test func dependenciesRunFirstAndAreAddedWhenNotSelected() async throws {
        // counter depends on source_a; selecting only counter adds source_a and orders it first.
        let (scenario, result) = try plan("evaluators: {counter: {}}")
        let plan = try result.get()
        #expect(plan.evaluators.map(\.entry.descriptor.id) == ["source_a", "counter"])
        #expect(plan.notes.contains { $0.message.contains("'source_a' added because 'counter' depends on it") })
        let run = await Engine.run(plan, on: scenario)
        // source_a writes one row per year of 2030–2032 = 3 rows; counter writes 3 × scale 2 = 6 in each year.
        #expect(run.rows.filter { $0.metric == "count" }.map(\.value) == [6, 6, 6])
        #expect(run.failures.isEmpty)
        #expect(run.manifest.evaluators.map(\.id) == ["source_a", "counter"])
    }

    @Test func cycleIsAnErrorNamingTheEvaluators() throws {
        let (_, result) = try plan("evaluators: {cycle_x: {}, cycle_y: {}}")
        guard case .failure(let error) = result else { Issue.record("a cycle must not plan"); return }
        let message = error.diagnostics.map(\.message).joined()
        #expect(message.contains("cycle"))
        #expect(message.contains("cycle_x → cycle_y"))
        #expect(message.contains("cycle_y → cycle_x"))
    }

    @Test func aFailingEvaluatorIsReportedAndTheOthersKept() async throws {
        let (scenario, result) = try plan("evaluators: {broken: {}, after_broken: {}, source_a: {}}")
        let run = await Engine.run(try result.get(), on: scenario)
        #expect(run.failures.map(\.evaluator).sorted() == ["after_broken", "broken"])
        #expect(run.failures.first { $0.evaluator == "broken" }?.message == "the broken evaluator always fails")
        #expect(run.failures.first { $0.evaluator == "after_broken" }?.message.contains("because 'broken'") == true)
        // source_a's three rows (2030, 2031, 2032) survive.
        #expect(run.rows.filter { $0.evaluator == "source_a" }.map(\.value) == [2030, 2031, 2032])
        #expect(run.headlines.map(\.value) == [2030])
    }

    @Test func parameterOverrideFromYAML() async throws {
        let (scenario, result) = try plan("evaluators: {counter: {scale: 5}}")
        let run = await Engine.run(try result.get(), on: scenario)
        // 3 source rows × scale 5 = 15.
        #expect(run.rows.filter { $0.metric == "count" }.map(\.value) == [15, 15, 15])
        #expect(run.manifest.evaluators.first { $0.id == "counter" }?.parameters["scale"] == .number(5))
    }

    @Test func parameterOverrideFromSet() async throws {
        let (scenario, result) = try plan("evaluators: {counter: {scale: 5}}", overrides: ["evaluators.counter.scale=0.5"])
        let run = await Engine.run(try result.get(), on: scenario)
        // 3 source rows × scale 0.5 = 1.5; --set wins over the file.
        #expect(run.rows.filter { $0.metric == "count" }.map(\.value) == [1.5, 1.5, 1.5])
    }

    @Test func unknownParameterIsDiagnosedWithLineAndColumn() throws {
        let input = marked(scenarioText(evaluators: "evaluators: {counter: {↓scael: 3}}"))
        let scenario = try ScenarioLoader.loadOrThrow(text: input.text, file: "engine.yaml")
        guard case .failure(let error) = Engine.plan(scenario, registry: registry) else { Issue.record("must not plan"); return }
        let d = try #require(error.diagnostics.first)
        #expect(d.message == "unknown parameter 'scael' for evaluator 'counter'; did you mean 'scale'?")
        #expect(d.location == SourceLocation(file: "engine.yaml", line: input.line, column: input.column))
    }

    @Test func outOfRangeParameterIsDiagnosedAtItsValue() throws {
        let input = marked(scenarioText(evaluators: "evaluators: {counter: {scale: ↓11}}"))
        let scenario = try ScenarioLoader.loadOrThrow(text: input.text, file: "engine.yaml")
        guard case .failure(let error) = Engine.plan(scenario, registry: registry) else { Issue.record("must not plan"); return }
        let d = try #require(error.diagnostics.first)
        #expect(d.message.contains("is 11; it must be between 0 and 10"))
        #expect(d.location?.line == input.line && d.location?.column == input.column)
    }

    @Test func unknownEvaluatorGetsADidYouMean() throws {
        let (_, result) = try plan("evaluators: {countr: {}}")
        guard case .failure(let error) = result else { Issue.record("must not plan"); return }
        #expect(error.diagnostics.first?.message == "unknown evaluator 'countr'; did you mean 'counter'?")
    }

    @Test func setOnAMistypedValueIsDiagnosedAtTheSetArgument() throws {
        // "--set evaluators.counter.scale=abc": "evaluators.counter.scale=" is 25 characters, so the value starts in column 26.
        let scenario = try ScenarioLoader.loadOrThrow(
            text: scenarioText(evaluators: "evaluators: {counter: {}}"), file: "engine.yaml",
            overrides: [try Override.parse("evaluators.counter.scale=abc").get()])
        guard case .failure(let error) = Engine.plan(scenario, registry: registry) else { Issue.record("must not plan"); return }
        let d = try #require(error.diagnostics.first)
        #expect(d.message.contains("must be a number"))
        #expect(d.location == SourceLocation(file: "--set", line: 1, column: 26))
    }
}
