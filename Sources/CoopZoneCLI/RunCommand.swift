import ArgumentParser
import CoopZoneCore
import CoopZoneReports
import Foundation

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

    @OptionGroup var report: ReportOptions

    @OptionGroup var uncertainty: UncertaintyOptions

    @OptionGroup var external: ExternalEvaluatorOptions

    /// Creates the command.
    public init() {}

    /// Loads, plans and runs; returns what to print. External evaluators found through
    /// `evaluators` run as programs for the length of the call.
    public static func execute(
        file: String, format: OutputFormat, overrides: [String], monteCarlo: Int? = nil, seed: UInt64 = 1,
        workers: Int? = nil, showProgress: Bool = false,
        evaluators: EvaluatorSearch = EvaluatorSearch(), language: Language = .en
    ) async -> CommandOutput {
        var output = CommandOutput()
        guard let catalog = EvaluatorCatalog.opened(evaluators, output: &output) else { return output }
        defer { catalog.shutdown() }
        guard let (scenario, plan) = prepare(file: file, overrides: overrides, output: &output, catalog: catalog) else { return output }
        if let draws = monteCarlo {
            if let problem = UncertaintyOptions.drawsProblem(draws) ?? MonteCarlo.tooManyDraws(draws, series: MonteCarlo.seriesCount(plan, on: scenario)) {
                output.stderr += "error: \(problem)\n"
                output.status = 64
                return output
            }
            let line = showProgress ? ProgressLine(total: draws, noun: "draws") : nil
            let mc = await MonteCarlo.run(plan, on: scenario, draws: draws, seed: seed, workers: workers ?? defaultWorkers, progress: line?.callback)
            line?.finish()
            let manifest = Engine.manifest(plan, scenario: scenario, seed: seed, draws: draws)
            // The run on central values gives the Markdown and HTML reports their findings and charts.
            let renderer = MonteCarloRenderer(
                result: mc, scenario: scenario, manifest: manifest, central: mc.centralRun,
                descriptors: plan.evaluators.map(\.entry.descriptor), language: language,
                swings: [.markdown, .html, .xlsx].contains(format) ? Sensitivity.run(plan, on: scenario) : [])
            guard output.report(format, workbook: renderer.workbook, text: renderer.render) else { return output }
            for failure in mc.centralRun?.failures ?? [] {
                output.stderr += "warning: evaluator '\(failure.evaluator)' failed in the run on central values: \(failure.message)\n"
            }
            for (id, f) in mc.failures.sorted(by: { $0.key < $1.key }) {
                output.stderr += "warning: evaluator '\(id)' failed in \(f.count) of \(draws) draws: \(f.message)\n"
            }
            return output
        }
        let result = await Engine.run(plan, on: scenario)
        // The brief of a report names the inputs that move the NPV most: one-at-a-time swings
        // (two runs per uncertain input), only for the formats that have a brief.
        let swings = [.table, .markdown, .html, .xlsx].contains(format) ? Sensitivity.run(plan, on: scenario) : []
        let renderer = ResultsRenderer(
            result: result, scenario: scenario, descriptors: plan.evaluators.map(\.entry.descriptor), language: language, swings: swings)
        guard output.report(format, workbook: renderer.workbook, text: renderer.render) else { return output }
        for failure in result.failures { output.stderr += "error: evaluator '\(failure.evaluator)' failed: \(failure.message)\n" }
        if !result.failures.isEmpty { output.status = 1 }
        return output
    }

    /// The `--set PATH=VALUE` overrides, or nil with every mistake in them printed to `output.stderr`.
    static func parseOverrides(_ texts: [String], output: inout CommandOutput) -> [Override]? {
        var parsed: [Override] = []
        var errors = ""
        for (index, text) in texts.enumerated() {
            switch Override.parse(text, index: index + 1) {
            case .success(let o): parsed.append(o)
            case .failure(let error): errors += error.diagnostics.map { $0.description + "\n" }.joined()
            }
        }
        guard errors.isEmpty else {
            output.stderr += errors
            output.status = 1
            return nil
        }
        return parsed
    }

    /// Loads a scenario with overrides and plans its evaluators, printing diagnostics to `output.stderr`.
    static func prepare(
        file: String, overrides: [String], output: inout CommandOutput,
        catalog: EvaluatorCatalog = .compiledOnly()
    ) -> (Scenario, RunPlan)? {
        guard let parsed = parseOverrides(overrides, output: &output) else { return nil }
        return prepare(file: file, overrides: parsed, output: &output, catalog: catalog)
    }

    /// Loads a scenario with parsed overrides and plans its evaluators, printing diagnostics to `output.stderr`.
    static func prepare(
        file: String, overrides parsed: [Override], output: inout CommandOutput,
        catalog: EvaluatorCatalog = .compiledOnly()
    ) -> (Scenario, RunPlan)? {
        let outcome = ScenarioLoader.load(file: file, overrides: parsed)
        output.stderr += outcome.diagnostics.filter { $0.severity != .note }.map { $0.description + "\n" }.joined()
        guard let scenario = outcome.scenario.map(catalog.selecting) else {
            output.stderr += "\(file): not run because of the errors above\n"
            output.status = 1
            return nil
        }
        switch Engine.plan(scenario, registry: catalog.registry(for: scenario)) {
        case .failure(let error):
            output.stderr += error.diagnostics.map { $0.description + "\n" }.joined()
            output.stderr += catalog.noteOnUnknownEvaluators(in: error.diagnostics)
            output.status = 1
            return nil
        case .success(let plan):
            output.stderr += catalog.unselectedWarnings(plan, scenario: scenario).map { $0.description + "\n" }.joined()
            return (scenario, plan)
        }
    }

    /// Runs the command.
    public func run() async throws {
        try await Self.execute(
            file: file, format: report.format, overrides: report.overrides, monteCarlo: uncertainty.monteCarlo, seed: uncertainty.seed,
            workers: uncertainty.workers, showProgress: uncertainty.showProgress, evaluators: external.search, language: report.lang
        ).emit(outputFile: report.output)
    }
}
