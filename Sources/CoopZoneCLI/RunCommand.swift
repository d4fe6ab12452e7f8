import ArgumentParser
import CoopZoneCore
import CoopZoneReports
import Foundation

extension OutputFormat: ExpressibleByArgument {}

/// `coopzone run FILE`: runs a scenario's evaluators and prints the results.
public struct RunCommand: AsyncParsableCommand {
    /// The command's configuration.
    public static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a scenario's evaluators and print headlines, findings and results.",
        discussion: """
        --set PATH=VALUE overrides any scenario value or evaluator parameter by its path, e.g.
          --set zones.fbs.stages.investment.incentives.income_tax_holiday_years=5
          --set evaluators.trade_effects.trade_cost_elasticity=5
        Exit status: 0 when every evaluator ran, 1 on errors in the input or a failed evaluator, 64 on bad arguments.
        """
    )

    @Argument(help: "The scenario file (YAML).")
    var file: String

    @Option(help: "Output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: OutputFormat = .table

    @Option(name: .customLong("set"), help: "Override a value: PATH=VALUE (repeatable).")
    var overrides: [String] = []

    @Option(help: "Write the output to this file instead of standard output.")
    var output: String?

    /// Creates the command.
    public init() {}

    /// Loads, plans and runs; returns what to print.
    public static func execute(file: String, format: OutputFormat, overrides: [String]) async -> CommandOutput {
        var output = CommandOutput()
        guard let (scenario, plan) = prepare(file: file, overrides: overrides, output: &output) else { return output }
        let result = await Engine.run(plan, on: scenario)
        output.stdout = ResultsRenderer(result: result, scenario: scenario, descriptors: plan.evaluators.map(\.entry.descriptor)).render(format)
        for failure in result.failures { output.stderr += "error: evaluator '\(failure.evaluator)' failed: \(failure.message)\n" }
        if !result.failures.isEmpty { output.status = 1 }
        return output
    }

    /// Loads a scenario with overrides and plans its evaluators, printing diagnostics to `output.stderr`.
    static func prepare(file: String, overrides: [String], output: inout CommandOutput) -> (Scenario, RunPlan)? {
        var parsed: [Override] = []
        for (index, text) in overrides.enumerated() {
            switch Override.parse(text, index: index + 1) {
            case .success(let o): parsed.append(o)
            case .failure(let error): output.stderr += error.diagnostics.map { $0.description + "\n" }.joined()
            }
        }
        if !output.stderr.isEmpty { output.status = 1; return nil }
        let outcome = ScenarioLoader.load(file: file, overrides: parsed)
        output.stderr += outcome.diagnostics.filter { $0.severity != .note }.map { $0.description + "\n" }.joined()
        guard let scenario = outcome.scenario else {
            output.stderr += "\(file): not run because of the errors above\n"
            output.status = 1
            return nil
        }
        switch Engine.plan(scenario, registry: Registry.evaluators) {
        case .failure(let error):
            output.stderr += error.diagnostics.map { $0.description + "\n" }.joined()
            output.status = 1
            return nil
        case .success(let plan):
            return (scenario, plan)
        }
    }

    /// Runs the command.
    public func run() async throws {
        try await Self.execute(file: file, format: format, overrides: overrides).emit(outputFile: output)
    }
}
