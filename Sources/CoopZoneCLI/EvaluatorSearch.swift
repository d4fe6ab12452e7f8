/// Where to look for external evaluators and how long to give them: `--evaluators` and
/// `--evaluator-timeout` as a value (`COOPZONE_EVALUATORS_PATH` is read when the catalog opens).
public struct EvaluatorSearch: Sendable, Hashable {
    /// Directories given with `--evaluators`.
    public var directories: [String]
    /// The time limit per request, in seconds, overriding the manifests'.
    public var timeout: Double?
    /// Evaluators to run in addition to the scenario's selection (`--with ID`).
    public var with: [String] = []
    /// A directory where every exchange with each outside evaluator is recorded (`--trace-protocol DIR`).
    public var traceDirectory: String?

    /// Creates a search: no directories (the search path only) and the manifests' time limits by default.
    public init(directories: [String] = [], timeout: Double? = nil, with: [String] = [], traceDirectory: String? = nil) {
        self.directories = directories
        self.timeout = timeout
        self.with = with
        self.traceDirectory = traceDirectory
    }
}
