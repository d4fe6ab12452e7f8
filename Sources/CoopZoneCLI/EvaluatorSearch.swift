/// Where to look for external evaluators and how long to give them: `--evaluators` and
/// `--evaluator-timeout` as a value (`COOPZONE_EVALUATORS_PATH` is read when the catalog opens).
public struct EvaluatorSearch: Sendable, Hashable {
    /// Directories given with `--evaluators`.
    public var directories: [String]
    /// The time limit per request, in seconds, overriding the manifests'.
    public var timeout: Double?

    /// Creates a search: no directories (the search path only) and the manifests' time limits by default.
    public init(directories: [String] = [], timeout: Double? = nil) {
        self.directories = directories
        self.timeout = timeout
    }
}
