import CoopZoneCore
import CoopZoneExternal
import Foundation

/// The evaluators one command works with: the compiled-in ones (`Registry.evaluators`) and the
/// external ones discovered for it. Each external evaluator's program is started at its first
/// request and kept for the command's lifetime; `shutdown()` ends them.
public struct EvaluatorCatalog: Sendable {
    /// The compiled-in evaluators.
    public var compiled: [EvaluatorEntry]
    /// The external evaluators discovered.
    public var external: [ExternalEvaluator]
    /// Problems found while discovering (invalid manifests, clashing ids, missing directories).
    public var diagnostics: [Diagnostic]

    /// A catalog of the compiled-in evaluators only.
    public static func compiledOnly() -> EvaluatorCatalog { EvaluatorCatalog(compiled: Registry.evaluators, external: [], diagnostics: []) }

    /// Discovers the external evaluators named by `options` and by `COOPZONE_EVALUATORS_PATH` in `environment`.
    public static func open(_ options: EvaluatorSearch, environment: [String: String] = ProcessInfo.processInfo.environment) -> EvaluatorCatalog {
        let compiled = Registry.evaluators
        let found = EvaluatorDiscovery.discover(
            directories: options.directories, searchPath: environment[EvaluatorDiscovery.environmentVariable],
            taken: compiled.map(\.descriptor.id), timeout: options.timeout)
        return EvaluatorCatalog(compiled: compiled, external: found.evaluators, diagnostics: found.diagnostics)
    }

    /// Every evaluator: compiled-in first, then external.
    public var all: [EvaluatorEntry] { compiled + external.map(\.entry) }

    /// True when discovery found errors (the command then stops).
    public var hasErrors: Bool { diagnostics.hasErrors }

    /// The registry to plan `scenario` with: a scenario that names no evaluator runs every
    /// compiled-in one (as the scenario format says); one that names evaluators may name external ones.
    public func registry(for scenario: Scenario) -> [EvaluatorEntry] { scenario.evaluators.isEmpty ? compiled : all }

    /// A note for diagnostics that name an evaluator nobody registered: it may be an external
    /// one that was not discovered.
    func noteOnUnknownEvaluators(in diagnostics: [Diagnostic]) -> String {
        guard diagnostics.contains(where: { $0.message.hasPrefix("unknown evaluator '") }) else { return "" }
        return "note: external evaluators are found with --evaluators DIR or \(EvaluatorDiscovery.environmentVariable)=DIR:DIR"
            + (external.isEmpty ? " (none was given)" : " (found: \(external.map(\.descriptor.id).joined(separator: ", ")))") + "\n"
    }

    /// The discovery diagnostics, one per line.
    var report: String { diagnostics.map { $0.description + "\n" }.joined() }

    /// Ends every external evaluator's program.
    public func shutdown() {
        for evaluator in external { evaluator.shutdown() }
    }
}

extension EvaluatorCatalog {
    /// Opens the catalog for a command, printing discovery problems to `output.stderr`; nil
    /// (with status 1) when there are errors.
    static func opened(_ options: EvaluatorSearch, output: inout CommandOutput) -> EvaluatorCatalog? {
        let catalog = open(options)
        output.stderr += catalog.report
        guard !catalog.hasErrors else {
            output.stderr += "error: the external evaluators above have errors; fix them, or leave out their directory\n"
            output.status = 1
            return nil
        }
        return catalog
    }
}
