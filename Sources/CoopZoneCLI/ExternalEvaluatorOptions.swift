import ArgumentParser
import CoopZoneCore
import CoopZoneExternal
import Foundation

/// The options that make external evaluators available, shared by `run`, `validate`,
/// `compare`, `sensitivity`, `evaluators` and `bench`.
public struct ExternalEvaluatorOptions: ParsableArguments {
    @Option(
        name: .customLong("evaluators"), parsing: .singleValue,
        help: ArgumentHelp(
            "A directory with external evaluators: one evaluator.yaml, or subdirectories with one each (repeatable). $\(EvaluatorDiscovery.environmentVariable) adds a colon-separated search path.",
            valueName: "dir"))
    var directories: [String] = []

    @Option(
        name: .customLong("evaluator-timeout"),
        help: ArgumentHelp(
            "Time limit in seconds for each request to an external evaluator, start-up included (overrides the manifests' timeout_seconds).",
            valueName: "seconds"))
    var timeout: Double?

    @Option(
        name: .customLong("with"), parsing: .singleValue,
        help: ArgumentHelp(
            "Also run this evaluator (an external one found with --evaluators, or a built-in one), without editing the scenario's 'evaluators:' (repeatable).",
            valueName: "id"))
    var with: [String] = []

    @Option(
        name: .customLong("trace-protocol"),
        help: ArgumentHelp(
            "Record every request to and answer from each outside evaluator in DIR/<id>.jsonl, one JSON line per exchange (the Python SDK replays them).",
            valueName: "dir"))
    var traceDirectory: String?

    /// Creates the options (ArgumentParser fills them in).
    public init() {}

    /// What the options ask for, as a plain value the commands' `execute` functions take.
    public var search: EvaluatorSearch { EvaluatorSearch(directories: directories, timeout: timeout, with: with, traceDirectory: traceDirectory) }

    /// Validates the values given.
    public mutating func validate() throws {
        if let timeout, !(timeout > 0 && timeout <= 86_400) {
            throw ValidationError("--evaluator-timeout needs a number of seconds above 0 and at most 86400, got \(timeout)")
        }
    }
}
