import Foundation

/// The version of CoopZone written into every run manifest.
public let coopZoneVersion = "0.1.0"

/// A registered evaluator: its descriptor and how to configure it from parameter values.
/// Built-in evaluators and outside ones are registered the same way.
public struct EvaluatorEntry: Sendable {
    /// What the evaluator is.
    public var descriptor: EvaluatorDescriptor
    /// Creates a configured instance from the resolved parameter values.
    public var make: @Sendable ([String: ParameterValue]) throws -> any EvaluatorInstance

    /// Registers a Swift evaluator type.
    public init<E: Evaluator>(_ type: E.Type) {
        descriptor = E.descriptor
        make = { values in try E(parameters: ParameterDecoder.decode(E.Parameters.self, from: values)) }
    }

    /// Registers an evaluator with a descriptor known only at run time (e.g. an outside program).
    public init(descriptor: EvaluatorDescriptor, make: @escaping @Sendable ([String: ParameterValue]) throws -> any EvaluatorInstance) {
        self.descriptor = descriptor
        self.make = make
    }
}

/// Where a parameter's value comes from in a run.
public enum ParameterSource: Sendable {
    /// A fixed value (the default, or an override without a distribution).
    case fixed(ParameterValue)
    /// A number of the scenario, which Monte Carlo draws may change.
    case input(Quantity)
}

/// One evaluator of a plan, with its parameters resolved.
public struct PlannedEvaluator: Sendable {
    /// The registry entry.
    public var entry: EvaluatorEntry
    /// Each declared parameter's source.
    public var parameters: [(name: String, source: ParameterSource)]
    /// The instance, made once when no parameter depends on an uncertain input.
    var fixedInstance: (any EvaluatorInstance)?

    /// The instance as a batch evaluator, when it is one (Monte Carlo then sends it blocks of draws).
    public var batchInstance: (any BatchEvaluatorInstance)? { fixedInstance as? any BatchEvaluatorInstance }

    /// The parameter values for a scenario's current values.
    public func values(in scenario: Scenario) -> [String: ParameterValue] {
        var values: [String: ParameterValue] = [:]
        for (name, source) in parameters {
            switch source {
            case .fixed(let value): values[name] = value
            case .input(let q): values[name] = .number(scenario[q])
            }
        }
        return values
    }
}

/// The evaluators a scenario runs, in dependency order, with their parameters checked.
public struct RunPlan: Sendable {
    /// In an order where every evaluator comes after those it depends on.
    public var evaluators: [PlannedEvaluator]
    /// Groups that can run at the same time: each depends only on earlier groups.
    public var levels: [[Int]]
    /// Notes from planning (dependencies added automatically).
    public var notes: [Diagnostic]
}

/// An evaluator that failed in a run.
public struct EvaluatorFailure: Error, Sendable, Codable, Hashable {
    /// The evaluator id.
    public var evaluator: String
    /// What went wrong.
    public var message: String

    /// Creates a failure.
    public init(evaluator: String, message: String) {
        self.evaluator = evaluator
        self.message = message
    }
}

/// The record that makes a run reproducible.
public struct RunManifest: Sendable, Codable, Hashable {
    /// One evaluator as run.
    public struct EvaluatorRecord: Sendable, Codable, Hashable {
        /// Its id.
        public var id: String
        /// Its version.
        public var version: String
        /// The parameter values actually used (central values in a Monte Carlo run).
        public var parameters: [String: ParameterValue]
        /// Where its equations are documented.
        public var documentation: String
    }

    /// CoopZone's version.
    public var coopzoneVersion: String
    /// The scenario file.
    public var scenario: String
    /// The files it extends.
    public var extends: [String]
    /// Hash of the resolved scenario.
    public var scenarioHash: String
    /// The evaluators, in run order.
    public var evaluators: [EvaluatorRecord]
    /// The Monte Carlo seed, when draws were made.
    public var seed: UInt64?
    /// The number of Monte Carlo draws, when draws were made.
    public var draws: Int?
}

/// Everything a run produced: the tidy rows, findings, headlines, failures and the manifest.
public struct RunResult: Sendable {
    /// Rows of every evaluator, in run order.
    public var rows: [ResultRow]
    /// Findings of every evaluator.
    public var findings: [Finding]
    /// Headline numbers of every evaluator.
    public var headlines: [Headline]
    /// Evaluators that failed; the others' results are kept.
    public var failures: [EvaluatorFailure]
    /// The manifest.
    public var manifest: RunManifest
    /// Results by evaluator id.
    public var byEvaluator: [String: EvaluationResult]
}

/// Plans and runs evaluators over a scenario.
public enum Engine {
    /// Checks the scenario's evaluator selection against `registry` and orders it by dependencies.
    /// Unknown evaluators and parameters, out-of-range values, missing dependencies and cycles are
    /// diagnostics with the scenario's line and column.
    public static func plan(_ scenario: Scenario, registry: [EvaluatorEntry]) -> Result<RunPlan, DiagnosticsError> {
        var diagnostics: [Diagnostic] = []
        let byId = Dictionary(registry.map { ($0.descriptor.id, $0) }, uniquingKeysWith: { first, _ in first })
        let fileStart = SourceLocation(file: scenario.file, line: 1, column: 1)
        var selected: [String] = []
        var overrides: [String: EvaluatorSelection] = [:]
        if scenario.evaluators.isEmpty {
            selected = registry.map(\.descriptor.id)
        } else {
            for selection in scenario.evaluators {
                guard byId[selection.id] != nil else {
                    let suggestion = closestMatch(to: selection.id, in: byId.keys)
                    diagnostics.append(
                        Diagnostic(
                            .error, "unknown evaluator '\(selection.id)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
                            at: selection.location, hint: "available: \(registry.map(\.descriptor.id).joined(separator: ", ")) (see 'coopzone evaluators')"))
                    continue
                }
                selected.append(selection.id)
                overrides[selection.id] = selection
            }
        }
        // Add what the selection depends on, or say what is missing.
        var notes: [Diagnostic] = []
        var queue = selected
        while let id = queue.popLast() {
            guard let entry = byId[id] else { continue }
            for dependency in entry.descriptor.dependencies where !selected.contains(dependency) {
                if byId[dependency] != nil {
                    selected.append(dependency)
                    queue.append(dependency)
                    notes.append(Diagnostic(.note, "evaluator '\(dependency)' added because '\(id)' depends on it", at: overrides[id]?.location ?? fileStart))
                } else {
                    diagnostics.append(
                        Diagnostic(
                            .error, "evaluator '\(id)' depends on '\(dependency)', which is not available",
                            at: overrides[id]?.location ?? fileStart,
                            hint: "install or discover '\(dependency)' (see 'coopzone evaluators'), or remove '\(id)'"))
                }
            }
        }
        // Order by dependencies (Kahn's algorithm, ties by id for a stable order); a cycle names its members.
        var levels: [[String]] = []
        var placed = Set<String>()
        var remaining = Set(selected)
        while !remaining.isEmpty {
            let ready = remaining.filter { id in (byId[id]?.descriptor.dependencies ?? []).allSatisfy { placed.contains($0) || byId[$0] == nil } }.sorted()
            if ready.isEmpty {
                let cycle = remaining.sorted()
                diagnostics.append(
                    Diagnostic(
                        .error,
                        "evaluators depend on each other in a cycle: \(cycle.map { id in "\(id) → \((byId[id]?.descriptor.dependencies ?? []).filter(remaining.contains).joined(separator: ", "))" }.joined(separator: "; "))",
                        at: cycle.compactMap { overrides[$0]?.location }.first ?? fileStart,
                        hint: "an evaluator cannot depend, directly or not, on itself; fix the 'dependencies' of one of them"))
                break
            }
            levels.append(ready)
            placed.formUnion(ready)
            remaining.subtract(ready)
        }
        var planned: [PlannedEvaluator] = []
        var levelIndices: [[Int]] = []
        for level in levels {
            var indices: [Int] = []
            for id in level {
                guard let entry = byId[id] else { continue }
                let params = resolveParameters(entry.descriptor, overrides[id], scenario: scenario, diagnostics: &diagnostics)
                var item = PlannedEvaluator(entry: entry, parameters: params, fixedInstance: nil)
                if params.allSatisfy({ if case .fixed = $0.source { true } else { false } }) {
                    do { item.fixedInstance = try entry.make(item.values(in: scenario)) } catch {
                        diagnostics.append(
                            Diagnostic(
                                .error, "evaluator '\(id)' rejects its parameters: \(describe(error))",
                                at: overrides[id]?.location ?? fileStart, hint: "check the parameters against 'coopzone evaluators'"))
                    }
                }
                indices.append(planned.count)
                planned.append(item)
            }
            levelIndices.append(indices)
        }
        if diagnostics.hasErrors { return .failure(DiagnosticsError(diagnostics.sortedByLocation())) }
        return .success(RunPlan(evaluators: planned, levels: levelIndices, notes: notes))
    }

    static func resolveParameters(
        _ descriptor: EvaluatorDescriptor, _ selection: EvaluatorSelection?, scenario: Scenario,
        diagnostics: inout [Diagnostic]
    ) -> [(name: String, source: ParameterSource)] {
        var sources: [String: ParameterSource] = [:]
        for spec in descriptor.parameters { sources[spec.name] = .fixed(.number(spec.defaultValue)) }
        for override in selection?.parameters ?? [] {
            guard let spec = descriptor.parameter(override.name) else {
                let suggestion = closestMatch(to: override.name, in: descriptor.parameters.map(\.name))
                diagnostics.append(
                    Diagnostic(
                        .error, "unknown parameter '\(override.name)' for evaluator '\(descriptor.id)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
                        at: override.location,
                        hint: suggestion == nil ? "parameters of '\(descriptor.id)': \(descriptor.parameters.map(\.name).joined(separator: ", "))" : nil))
                continue
            }
            switch override.value {
            case .text(let text, let location):
                diagnostics.append(
                    Diagnostic(
                        .error, "parameter '\(spec.name)' of '\(descriptor.id)' must be a number (\(spec.unit.rawValue)), found '\(text)'",
                        at: location, hint: "e.g. \(spec.name): \(format(spec.defaultValue))"))
            case .number(let q):
                let info = scenario.inputs[q.slot]
                let checks = [info.central] + (info.distribution.map { [$0.low, $0.high] } ?? [])
                if let bad = checks.first(where: { !spec.allowed.contains($0) }) {
                    diagnostics.append(
                        Diagnostic(
                            .error,
                            "parameter '\(spec.name)' of '\(descriptor.id)' is \(format(bad)); it must be between \(format(spec.allowed.lowerBound)) and \(format(spec.allowed.upperBound)) (\(spec.unit.rawValue))",
                            at: info.location, hint: "default \(format(spec.defaultValue)): \(spec.citation)"))
                    continue
                }
                sources[spec.name] = info.distribution == nil ? .fixed(.number(info.central)) : .input(q)
            }
        }
        return descriptor.parameters.map { ($0.name, sources[$0.name] ?? .fixed(.number($0.defaultValue))) }
    }

    /// Runs a plan, evaluators of one level concurrently. A failing evaluator is recorded and its
    /// dependents skipped; every other result is kept.
    public static func run(_ plan: RunPlan, on scenario: Scenario, seed: UInt64? = nil, draws: Int? = nil) async -> RunResult {
        var results: [String: EvaluationResult] = [:]
        var failures: [EvaluatorFailure] = []
        for level in plan.levels {
            let snapshot = results
            let failedIds = Set(failures.map(\.evaluator))
            let outcomes = await withTaskGroup(of: (Int, Result<EvaluationResult, EvaluatorFailure>).self) { group in
                for index in level {
                    let item = plan.evaluators[index]
                    group.addTask { (index, evaluate(item, on: scenario, results: snapshot, failed: failedIds)) }
                }
                var collected: [(Int, Result<EvaluationResult, EvaluatorFailure>)] = []
                for await outcome in group { collected.append(outcome) }
                return collected.sorted { $0.0 < $1.0 }
            }
            for (index, outcome) in outcomes {
                switch outcome {
                case .success(let result): results[plan.evaluators[index].entry.descriptor.id] = result
                case .failure(let failure): failures.append(failure)
                }
            }
        }
        return assemble(plan, scenario: scenario, results: results, failures: failures, seed: seed, draws: draws)
    }

    /// What a run of a plan produced: each evaluator's result, by id, and the failures.
    public typealias Outcomes = (results: [String: EvaluationResult], failures: [EvaluatorFailure])

    /// Runs a plan on the calling thread, in order (what a Monte Carlo worker calls per draw).
    /// Evaluators with an outcome in `given` are not run: their given result or failure is taken
    /// (Monte Carlo gives the outcomes of evaluators that no draw can change).
    public static func runSynchronously(
        _ plan: RunPlan, on scenario: Scenario,
        given: Outcomes = ([:], [])
    ) -> Outcomes {
        var results = given.results
        var failures = given.failures
        var failedIds = Set(given.failures.map(\.evaluator))
        for item in plan.evaluators {
            let id = item.entry.descriptor.id
            guard results[id] == nil, !failedIds.contains(id) else { continue }
            switch evaluate(item, on: scenario, results: results, failed: failedIds) {
            case .success(let result): results[id] = result
            case .failure(let failure):
                failures.append(failure)
                failedIds.insert(failure.evaluator)
            }
        }
        return (results, failures)
    }

    static func evaluate(_ item: PlannedEvaluator, on scenario: Scenario, results: [String: EvaluationResult], failed: Set<String>) -> Result<
        EvaluationResult, EvaluatorFailure
    > {
        let id = item.entry.descriptor.id
        if let dependency = item.entry.descriptor.dependencies.first(where: failed.contains) {
            return .failure(EvaluatorFailure(evaluator: id, message: EvaluatorError.dependencyFailed(evaluator: id, dependency: dependency).description))
        }
        do {
            let instance = try item.fixedInstance ?? item.entry.make(item.values(in: scenario))
            let context = EvaluationContext(results: results.filter { item.entry.descriptor.dependencies.contains($0.key) })
            return .success(try instance.evaluate(scenario, context: context))
        } catch {
            return .failure(EvaluatorFailure(evaluator: id, message: describe(error)))
        }
    }

    static func assemble(_ plan: RunPlan, scenario: Scenario, results: [String: EvaluationResult], failures: [EvaluatorFailure], seed: UInt64?, draws: Int?)
        -> RunResult
    {
        var rows: [ResultRow] = [], findings: [Finding] = [], headlines: [Headline] = []
        for item in plan.evaluators {
            guard let result = results[item.entry.descriptor.id] else { continue }
            rows += result.rows
            findings += result.findings
            headlines += result.headlines
        }
        return RunResult(
            rows: rows, findings: findings, headlines: headlines, failures: failures,
            manifest: manifest(plan, scenario: scenario, seed: seed, draws: draws), byEvaluator: results)
    }

    /// The manifest of a run of `plan` on `scenario`.
    public static func manifest(_ plan: RunPlan, scenario: Scenario, seed: UInt64?, draws: Int?) -> RunManifest {
        RunManifest(
            coopzoneVersion: coopZoneVersion, scenario: scenario.file, extends: scenario.extends, scenarioHash: scenario.contentHash,
            evaluators: plan.evaluators.map { item in
                RunManifest.EvaluatorRecord(
                    id: item.entry.descriptor.id, version: item.entry.descriptor.version,
                    parameters: item.values(in: scenario), documentation: item.entry.descriptor.documentation)
            }, seed: seed, draws: draws)
    }

    /// A readable description of any error an evaluator throws.
    public static func describe(_ error: any Error) -> String {
        String(describing: error)
    }
}
