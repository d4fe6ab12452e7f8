import ArgumentParser
import CoopZoneCore
import CoopZoneReports
import Foundation

/// `coopzone compare FILE FILE…`: designs side by side on their headline metrics.
public struct CompareCommand: AsyncParsableCommand {
    /// The command's configuration.
    public static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare designs on their headline metrics, with differences against the first (the baseline).",
        discussion:
            "Designs run with different parameter values for the same evaluator are flagged as not comparable. With --monte-carlo, bands are compared on the same draws and the share of draws in which each design beats the baseline is shown."
    )

    @Argument(help: "Two or more scenario files; the first is the baseline.")
    var files: [String]

    @OptionGroup var report: ReportOptions

    @OptionGroup var uncertainty: UncertaintyOptions

    @OptionGroup var external: ExternalEvaluatorOptions

    /// Creates the command.
    public init() {}

    /// Checks the arguments before any work is done.
    public func validate() throws {
        guard files.count >= 2 else { throw ValidationError("compare needs at least two scenario files (the first is the baseline)") }
    }

    /// Runs every design and renders the comparison. External evaluators found through
    /// `evaluators` run as programs (one per evaluator, shared by every design) for the length of the call.
    public static func execute(
        files: [String], format: OutputFormat, overrides: [String] = [], monteCarlo: Int? = nil, seed: UInt64 = 1,
        workers: Int? = nil, evaluators: EvaluatorSearch = EvaluatorSearch(), language: Language = .en
    ) async -> CommandOutput {
        var output = CommandOutput()
        guard let catalog = EvaluatorCatalog.opened(evaluators, output: &output) else { return output }
        defer { catalog.shutdown() }
        var designs: [Comparison.Design] = []
        var descriptors: [EvaluatorDescriptor] = []
        var scenarios: [Scenario] = []
        if let draws = monteCarlo, let problem = UncertaintyOptions.drawsProblem(draws) {
            output.stderr += "error: \(problem)\n"
            output.status = 64
            return output
        }
        // Parsed once for every design, so a bad --set is reported once.
        guard let parsed = RunCommand.parseOverrides(overrides, output: &output) else { return output }
        var prepared: [(file: String, scenario: Scenario, plan: RunPlan)] = []
        for file in files {
            guard let (scenario, plan) = RunCommand.prepare(file: file, overrides: parsed, output: &output, catalog: catalog) else { continue }
            prepared.append((file, scenario, plan))
        }
        if prepared.count < files.count { output.status = 1; return output }
        // Every design's draws are kept until the comparison is made.
        if let draws = monteCarlo,
            let problem = MonteCarlo.tooManyDraws(draws, series: prepared.reduce(0) { $0 + MonteCarlo.seriesCount($1.plan, on: $1.scenario) })
        {
            output.stderr += "error: \(problem)\n"
            output.status = 64
            return output
        }
        for (file, scenario, plan) in prepared {
            // With draws, the Monte Carlo run's run on central values is the design's result.
            var mc: MonteCarloResult?
            if let draws = monteCarlo { mc = await MonteCarlo.run(plan, on: scenario, draws: draws, seed: seed, workers: workers ?? defaultWorkers) }
            let result: RunResult
            if let central = mc?.centralRun { result = central } else { result = await Engine.run(plan, on: scenario) }
            for failure in result.failures { output.stderr += "error: \(file): evaluator '\(failure.evaluator)' failed: \(failure.message)\n" }
            designs.append(Comparison.Design(file: file, title: scenario.title, result: result, monteCarlo: mc))
            scenarios.append(scenario)
            for item in plan.evaluators where !descriptors.contains(where: { $0.id == item.entry.descriptor.id }) { descriptors.append(item.entry.descriptor) }
        }
        let renderer = ComparisonRenderer(
            Comparison(designs: designs, descriptors: descriptors), scenarios: scenarios, descriptors: descriptors, language: language)
        guard output.report(format, workbook: renderer.workbook, text: renderer.render) else { return output }
        return output
    }

    /// Runs the command.
    public func run() async throws {
        try await Self.execute(
            files: files, format: report.format, overrides: report.overrides, monteCarlo: uncertainty.monteCarlo, seed: uncertainty.seed,
            workers: uncertainty.workers, evaluators: external.search, language: report.lang
        ).emit(outputFile: report.output)
    }
}
