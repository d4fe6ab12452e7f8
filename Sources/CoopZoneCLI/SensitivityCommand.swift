import ArgumentParser
import CoopZoneCore
import CoopZoneReports
import Foundation

/// `coopzone sensitivity FILE`: each uncertain input at its low and high bound.
public struct SensitivityCommand: AsyncParsableCommand {
    /// The command's configuration.
    public static let configuration = CommandConfiguration(
        commandName: "sensitivity",
        abstract: "Swing of each headline metric with each uncertain input at its low and high bound, the others central, ranked."
    )

    @Argument(help: "The scenario file.")
    var file: String

    @OptionGroup var report: ReportOptions

    @OptionGroup var external: ExternalEvaluatorOptions

    /// Creates the command.
    public init() {}

    /// Runs the sensitivity analysis (external evaluators found through `evaluators` included).
    public static func execute(
        file: String, format: OutputFormat, overrides: [String] = [],
        evaluators: EvaluatorSearch = EvaluatorSearch(), language: Language = .en
    ) async -> CommandOutput {
        var output = CommandOutput()
        guard let catalog = EvaluatorCatalog.opened(evaluators, output: &output) else { return output }
        defer { catalog.shutdown() }
        guard let (scenario, plan) = RunCommand.prepare(file: file, overrides: overrides, output: &output, catalog: catalog) else { return output }
        // The run on central values gives the reports their headline order, findings and manifest.
        let central = await Engine.run(plan, on: scenario)
        let renderer = SensitivityRenderer(
            swings: Sensitivity.run(plan, on: scenario), scenario: scenario, central: central,
            descriptors: plan.evaluators.map(\.entry.descriptor), language: language)
        if format == .xlsx {
            guard let bytes = RunCommand.workbook(renderer.workbook, output: &output) else { return output }
            output.bytes = bytes
        } else {
            output.stdout = renderer.render(format)
        }
        return output
    }

    /// Runs the command.
    public func run() async throws {
        try await Self.execute(file: file, format: report.format, overrides: report.overrides, evaluators: external.search, language: report.lang).emit(
            outputFile: report.output)
    }
}
