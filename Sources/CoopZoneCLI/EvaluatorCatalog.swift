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
    /// Evaluators to run beside each scenario's selection (`--with`).
    public var with: [String] = []
    /// The ids of the external evaluators found in directories given with `--evaluators`.
    public var explicit: Set<String> = []

    /// A catalog of the compiled-in evaluators only.
    public static func compiledOnly() -> EvaluatorCatalog { EvaluatorCatalog(compiled: Registry.evaluators, external: [], diagnostics: []) }

    /// Discovers the external evaluators named by `options` and by `COOPZONE_EVALUATORS_PATH` in `environment`.
    public static func open(_ options: EvaluatorSearch, environment: [String: String] = ProcessInfo.processInfo.environment) -> EvaluatorCatalog {
        let compiled = Registry.evaluators
        let found = EvaluatorDiscovery.discover(
            directories: options.directories, searchPath: environment[EvaluatorDiscovery.environmentVariable],
            taken: compiled.map(\.descriptor.id), known: compiled.map(\.descriptor), timeout: options.timeout)
        var diagnostics = found.diagnostics
        let ids = compiled.map(\.descriptor.id) + found.evaluators.map(\.descriptor.id)
        for id in options.with where !ids.contains(id) {
            let s = closestMatch(to: id, in: ids)
            diagnostics.append(
                Diagnostic(
                    .error, "--with \(id): no evaluator has this id" + (s.map { "; did you mean '\($0)'?" } ?? ""), at: nil,
                    hint: found.evaluators.isEmpty
                        ? "an external evaluator is found with --evaluators DIR; 'coopzone evaluators --evaluators DIR' lists what is found"
                        : "found: \(ids.joined(separator: ", "))"))
        }
        if let directory = options.traceDirectory {
            diagnostics += trace(found.evaluators, in: directory)
        }
        return EvaluatorCatalog(
            compiled: compiled, external: found.evaluators, diagnostics: diagnostics, with: options.with, explicit: found.explicit)
    }

    /// Starts recording each evaluator's exchanges in `directory/<id>.jsonl` (`--trace-protocol`).
    static func trace(_ evaluators: [ExternalEvaluator], in directory: String) -> [Diagnostic] {
        guard !evaluators.isEmpty else {
            return [
                Diagnostic(
                    .warning, "--trace-protocol \(directory): no outside evaluator was found, so nothing is recorded", at: nil,
                    hint: "outside evaluators are found with --evaluators DIR or \(EvaluatorDiscovery.environmentVariable)")
            ]
        }
        do { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) } catch {
            return [Diagnostic(.error, "--trace-protocol \(directory): cannot create the directory (\(error.localizedDescription))", at: nil)]
        }
        var diagnostics: [Diagnostic] = []
        for evaluator in evaluators {
            let path = URL(fileURLWithPath: directory).appendingPathComponent("\(evaluator.descriptor.id).jsonl").path
            do { try evaluator.traceExchanges(to: path) } catch {
                diagnostics.append(Diagnostic(.error, "--trace-protocol: cannot write '\(path)'", at: nil, hint: "check that the directory is writable"))
            }
        }
        return diagnostics
    }

    /// `scenario` with the evaluators of `--with` added to its selection. A scenario that names
    /// no evaluator runs every compiled-in one, so these are named first, then the added ones.
    public func selecting(_ scenario: Scenario) -> Scenario {
        guard !with.isEmpty else { return scenario }
        var out = scenario
        let at = SourceLocation(file: scenario.file, line: 1, column: 1)
        if out.evaluators.isEmpty { out.evaluators = compiled.map { EvaluatorSelection(id: $0.descriptor.id, location: at, parameters: []) } }
        for id in with where !out.evaluators.contains(where: { $0.id == id }) {
            out.evaluators.append(EvaluatorSelection(id: id, location: at, parameters: []))
        }
        return out
    }

    /// Warnings for external evaluators found with `--evaluators` that `plan` does not run: the
    /// scenario does not select them (nor does anything it selects depend on them).
    public func unselectedWarnings(_ plan: RunPlan, scenario: Scenario) -> [Diagnostic] {
        let planned = Set(plan.evaluators.map(\.entry.descriptor.id))
        return external.filter { explicit.contains($0.descriptor.id) && !planned.contains($0.descriptor.id) }.map { evaluator in
            let id = evaluator.descriptor.id
            let line =
                scenario.evaluators.isEmpty
                ? "evaluators: {\((compiled.map(\.descriptor.id) + [id]).map { "\($0): {}" }.joined(separator: ", "))}" : "  \(id): {}"
            return Diagnostic(
                .warning, "the evaluator '\(id)' (found in \(evaluator.manifest.directory)) is not run: the scenario does not select it",
                at: SourceLocation(file: scenario.file, line: 1, column: 1),
                hint: scenario.evaluators.isEmpty
                    ? "add '\(line)' to the scenario (it names no evaluator, so every built-in one runs), or pass --with \(id)"
                    : "add '\(line)' under 'evaluators:' in the scenario, or pass --with \(id)")
        }
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
            // Each error above says what to fix (an option, or a manifest at its line and column).
            output.stderr += "error: not run because of the errors above\n"
            output.status = 1
            return nil
        }
        return catalog
    }
}
