import ArgumentParser
import CoopZoneCore
import CoopZoneExternal
import Foundation

/// `coopzone request FILE --evaluator ID [--draws N]`: writes the exact request lines an
/// outside evaluator would get for a scenario, without starting its program, so an author can
/// see what the program receives and replay it in a unit test (the Python SDK's `replay`).
public struct RequestCommand: AsyncParsableCommand {
    /// The command's configuration.
    public static let configuration = CommandConfiguration(
        commandName: "request",
        abstract: "Write the exact request(s) an outside evaluator would get for a scenario, without running its program.",
        discussion: """
            The evaluators it depends on run for real, so each draw carries their results as the program would see them
            (only what its manifest 'reads'), with the derived views it asks for. One request line per line: a single run
            is one request; with --draws N, the run on central values and then the Monte Carlo blocks, as 'run --monte-carlo N'
            sends them. The evaluator is selected even when the scenario does not name it.
            """
    )

    @Argument(help: "The scenario file (YAML).")
    var file: String

    @Option(help: "The outside evaluator's id.")
    var evaluator: String

    @Option(help: "Write the requests of a Monte Carlo run of this many draws.")
    var draws: Int?

    @Option(help: "Seed of the Monte Carlo draws.")
    var seed: UInt64 = 1

    @Option(name: .customLong("set"), help: "Override a value: PATH=VALUE (repeatable).")
    var overrides: [String] = []

    @Option(help: "Write the requests to this file instead of standard output.")
    var output: String?

    @OptionGroup var external: ExternalEvaluatorOptions

    /// Creates the command.
    public init() {}

    /// Refuses what cannot work before any work is done.
    public func validate() throws {
        try checkOutputFile(output)
        if let draws, let problem = UncertaintyOptions.drawsProblem(draws) { throw ValidationError(problem) }
        guard external.search.traceDirectory == nil else { throw ValidationError("--trace-protocol records a run's exchanges; 'request' sends none") }
    }

    /// Loads and plans the scenario with the evaluator selected, runs what it depends on, and
    /// returns the request lines the evaluator would have been sent.
    public static func execute(
        file: String, evaluator id: String, draws: Int? = nil, seed: UInt64 = 1, overrides: [String] = [],
        evaluators: EvaluatorSearch = EvaluatorSearch()
    ) async -> CommandOutput {
        var output = CommandOutput()
        var search = evaluators
        if !search.with.contains(id) { search.with.append(id) }
        guard let catalog = EvaluatorCatalog.opened(search, output: &output) else { return output }
        defer { catalog.shutdown() }
        guard let target = catalog.external.first(where: { $0.descriptor.id == id }) else {
            output.stderr +=
                catalog.compiled.contains(where: { $0.descriptor.id == id })
                ? "error: '\(id)' is a built-in evaluator: it runs inside CoopZone and gets no request\n"
                : "error: no outside evaluator '\(id)' was found; give its directory with --evaluators DIR\n"
            output.status = 1
            return output
        }
        target.recordRequestsOnly()
        guard let (scenario, plan) = RunCommand.prepare(file: file, overrides: overrides, output: &output, catalog: catalog) else { return output }
        if let draws {
            if let problem = MonteCarlo.tooManyDraws(draws, series: MonteCarlo.seriesCount(plan, on: scenario)) {
                output.stderr += "error: \(problem)\n"
                output.status = 64
                return output
            }
            _ = await MonteCarlo.run(plan, on: scenario, draws: draws, seed: seed, workers: 1)
        } else {
            _ = await Engine.run(plan, on: scenario)
        }
        let requests = target.recordedRequests
        guard !requests.isEmpty else {
            output.stderr += "error: '\(id)' would get no request: an evaluator it depends on failed (run the scenario to see why)\n"
            output.status = 1
            return output
        }
        output.stdout = requests.map { String(decoding: $0, as: UTF8.self) }.joined()
        let bytes = requests.reduce(0) { $0 + $1.count }
        output.stderr +=
            "\(requests.count) request\(requests.count == 1 ? "" : "s") for '\(id)', \(bytes) bytes"
            + (draws.map { " (the run on central values, then \($0) draws)" } ?? "") + "\n"
        return output
    }

    /// Runs the command.
    public func run() async throws {
        try await Self.execute(file: file, evaluator: evaluator, draws: draws, seed: seed, overrides: overrides, evaluators: external.search)
            .emit(outputFile: output)
    }
}
