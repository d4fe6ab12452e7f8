import ArgumentParser
import CoopZoneCore
import CoopZoneReports
import Foundation

/// How `coopzone sensitivity` varies the inputs.
public enum SensitivityMethod: String, ExpressibleByArgument, CaseIterable, Sendable {
    /// One at a time: each input at its low and high bound, the others central (a tornado).
    case oat
    /// Variance-based: Sobol' first- and total-order indices from a Saltelli design.
    case sobol
}

/// `coopzone sensitivity FILE`: each uncertain input at its low and high bound, or Sobol' indices.
public struct SensitivityCommand: AsyncParsableCommand {
    /// The command's configuration.
    public static let configuration = CommandConfiguration(
        commandName: "sensitivity",
        abstract:
            "How much each uncertain input moves each headline: one at a time at its bounds (--method oat), or its share of the variance (--method sobol).",
        discussion: """
            --method oat (the default): each uncertain input at its low and high bound, the others central, ranked by swing.
            --method sobol: first-order (S1) and total-order (ST) Sobol' indices of every uncertain input for every headline, from a Saltelli design of N·(k + 2) runs on a scrambled Sobol' sequence, with 95 % bootstrap intervals (Docs/sensitivity.md).
            """
    )

    @Argument(help: "The scenario file.")
    var file: String

    @Option(help: "oat: one input at a time at its bounds; sobol: variance-based indices.")
    var method: SensitivityMethod = .oat

    @Option(parsing: .unconditional, help: "Sobol' base sample size N, a power of two (the design runs N·(inputs + 2) times).")
    var samples: Int?

    @Option(parsing: .unconditional, help: "Seed of the Sobol' scrambling and of the bootstrap (default 1): the same seed gives the same numbers.")
    var seed: UInt64?

    @Option(parsing: .unconditional, help: "Worker threads for the Sobol' runs (default: the number of cores).")
    var workers: Int?

    @OptionGroup var report: ReportOptions

    @OptionGroup var external: ExternalEvaluatorOptions

    /// Creates the command.
    public init() {}

    /// Checked by the argument parser before the command runs.
    public func validate() throws {
        if method != .sobol {
            let given = [samples.map { _ in "--samples" }, seed.map { _ in "--seed" }, workers.map { _ in "--workers" }].compactMap { $0 }
            if !given.isEmpty {
                throw ValidationError(
                    "\(given.joined(separator: ", ")) \(given.count == 1 ? "is" : "are") for --method sobol: one-at-a-time runs set each input to its bounds, with no sampling"
                )
            }
        }
        if let n = samples, let problem = SobolAnalysis.samplesProblem(n, inputs: 0) { throw ValidationError(problem) }
        if let w = workers, !(1...256).contains(w) { throw ValidationError("--workers needs 1 to 256, got \(w)") }
    }

    /// Runs the sensitivity analysis (external evaluators found through `evaluators` included).
    public static func execute(
        file: String, format: OutputFormat, overrides: [String] = [],
        evaluators: EvaluatorSearch = EvaluatorSearch(), language: Language = .en, method: SensitivityMethod = .oat,
        samples: Int = SobolAnalysis.defaultSamples, seed: UInt64 = 1, workers: Int? = nil, showProgress: Bool = false
    ) async -> CommandOutput {
        var output = CommandOutput()
        guard let catalog = EvaluatorCatalog.opened(evaluators, output: &output) else { return output }
        defer { catalog.shutdown() }
        guard let (scenario, plan) = RunCommand.prepare(file: file, overrides: overrides, output: &output, catalog: catalog) else { return output }
        if method == .sobol {
            let inputs = MonteCarlo.uncertainSlots(scenario).count
            let runs = samples * (inputs + 2)
            let headlines = MonteCarlo.seriesCount(plan, on: scenario, headlinesOnly: true)
            if let problem = SobolAnalysis.samplesProblem(samples, inputs: inputs, headlines: headlines) {
                output.stderr += "error: \(problem)\n"
                output.status = 1
                return output
            }
            if inputs == 0 {
                output.stderr +=
                    "warning: \(scenario.file) has no uncertain inputs, so there are no Sobol' indices: give numbers a distribution (uniform, triangular or normal)\n"
            }
            let line = showProgress ? ProgressLine(total: runs, noun: "runs") : nil
            let result = await SobolAnalysis.run(plan, on: scenario, samples: samples, seed: seed, workers: workers ?? defaultWorkers, progress: line?.callback)
            line?.finish()
            for (id, f) in result.failures.sorted(by: { $0.key < $1.key }) {
                output.stderr += "warning: \(id) failed in \(f.count) of \(runs) runs (their samples are left out of the indices): \(f.message)\n"
            }
            let starved = result.headlines.filter(\.tooFewSamples)
            if !starved.isEmpty {
                // Nothing at all computed is an error; some headlines missing, a warning.
                let none = starved.count == result.headlines.count
                output.stderr +=
                    "\(none ? "error" : "warning"): no indices for \(starved.map { "\($0.evaluator).\($0.metric)" }.joined(separator: ", ")): "
                    + "fewer than \(SobolAnalysis.minimumSamplesUsed) of the \(samples) samples gave \(starved.count == 1 ? "it" : "them") in every run "
                    + "(an evaluator failed, see above, or left \(starved.count == 1 ? "it" : "them") out)\n"
                if none { output.status = 1 }
            }
            let renderer = SobolRenderer(result: result, scenario: scenario, descriptors: plan.evaluators.map(\.entry.descriptor), language: language)
            guard output.report(format, workbook: renderer.workbook, text: renderer.render) else { return output }
            return output
        }
        // The run on central values gives the reports their headline order, findings and manifest.
        let central = await Engine.run(plan, on: scenario)
        let renderer = SensitivityRenderer(
            swings: Sensitivity.run(plan, on: scenario), scenario: scenario, central: central,
            descriptors: plan.evaluators.map(\.entry.descriptor), language: language)
        guard output.report(format, workbook: renderer.workbook, text: renderer.render) else { return output }
        return output
    }

    /// Runs the command.
    public func run() async throws {
        let n = samples ?? SobolAnalysis.defaultSamples
        try await Self.execute(
            file: file, format: report.format, overrides: report.overrides, evaluators: external.search, language: report.lang, method: method,
            samples: n, seed: seed ?? 1, workers: workers, showProgress: method == .sobol && n >= 256 && isatty(STDERR_FILENO) != 0
        ).emit(outputFile: report.output)
    }
}
