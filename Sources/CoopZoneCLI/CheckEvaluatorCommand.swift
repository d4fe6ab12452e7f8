import ArgumentParser
import CoopZoneCore
import CoopZoneExternal
import Foundation

/// `coopzone check-evaluator DIR`: the test harness for an external evaluator. It checks the
/// manifest, runs the program on every shipped scenario (a single run, a repeat for
/// determinism, and a small Monte Carlo batch) and validates every answer against the
/// protocol and the manifest, then checks that a request in another protocol version is refused.
public struct CheckEvaluatorCommand: AsyncParsableCommand {
    /// The command's configuration.
    public static let configuration = CommandConfiguration(
        commandName: "check-evaluator",
        abstract: "Check an external evaluator against the protocol on the shipped scenarios, before sharing it.",
        discussion: """
            Runs DIR's program on each scenario alone (with the evaluators it depends on), checks that every answer is
            valid (units, dimensions and metrics as its manifest declares them), that a repeated run gives the same
            numbers, that a Monte Carlo batch is answered draw by draw, and that a request in another protocol version is
            refused with an error. Ends with 'N passed, N failed'; exit status 0 when nothing failed, 1 otherwise.
            """
    )

    @Argument(help: "The evaluator's directory (the one with evaluator.yaml).")
    var directory: String

    @Option(name: .customLong("scenario"), help: "A scenario to run it on (repeatable; default: every scenario in --scenarios).")
    var scenarios: [String] = []

    @Option(name: .customLong("scenarios"), help: "The folder of scenarios (default: ./Scenarios, else the shipped ones).")
    var scenarioDirectory: String?

    @Option(help: "Monte Carlo draws for the batch check on scenarios with uncertain inputs (0 to skip).")
    var draws = 50

    @Option(
        name: .customLong("evaluator-timeout"), help: ArgumentHelp("Time limit in seconds for each request (overrides the manifest).", valueName: "seconds"))
    var timeout: Double?

    /// Creates the command.
    public init() {}

    /// The folder of shipped scenarios: `./Scenarios` when it exists, else the one beside this source tree.
    static func defaultScenarioDirectory() -> String {
        if FileManager.default.fileExists(atPath: "Scenarios") { return "Scenarios" }
        return SourceTree.root.appendingPathComponent("Scenarios").path
    }

    /// Checks the evaluator in `directory`; returns the report and the exit status.
    public static func execute(
        directory: String, scenarios: [String] = [], scenarioDirectory: String? = nil, draws: Int = 50,
        timeout: Double? = nil
    ) async -> CommandOutput {
        var output = CommandOutput()
        var passed = 0, failed = 0, warnings = 0
        func ok(_ text: String) { passed += 1; output.stdout += "ok    \(text)\n" }
        func fail(_ text: String) { failed += 1; output.stdout += "FAIL  \(text)\n" }
        func warn(_ text: String) { warnings += 1; output.stdout += "warn  \(text)\n" }
        func finish() -> CommandOutput {
            output.stdout += "check-evaluator: \(passed) passed, \(failed) failed\(warnings > 0 ? ", \(warnings) warning(s)" : "")\n"
            output.status = failed > 0 ? 1 : 0
            return output
        }

        let manifest: ExternalManifest
        switch ExternalManifest.load(directory: directory) {
        case .failure(let error):
            output.stdout += error.diagnostics.map { $0.description + "\n" }.joined()
            fail("manifest \(directory)/\(ExternalManifest.fileName)")
            return finish()
        case .success(let m): manifest = m
        }
        let id = manifest.descriptor.id
        let compiled = Registry.evaluators
        if compiled.contains(where: { $0.descriptor.id == id }) {
            output.stdout +=
                Diagnostic(
                    .error, "evaluator id '\(id)' is already taken by a built-in evaluator; an external evaluator adds evaluators, it never replaces one",
                    at: manifest.idLocation, hint: "rename 'id'"
                ).description + "\n"
            fail("manifest: id '\(id)' is free")
            return finish()
        }
        ok(
            "manifest: \(id) \(manifest.descriptor.version), protocol \(manifest.protocolVersion), \(manifest.descriptor.parameters.count) parameter(s), \(manifest.descriptor.metrics.count) metric(s), \(manifest.descriptor.headlines.count) headline(s)"
        )
        for dependency in manifest.descriptor.dependencies where !compiled.contains(where: { $0.descriptor.id == dependency }) {
            warn("dependency '\(dependency)' is not a built-in evaluator: the check runs without it, so scenarios fail unless it is discovered in a real run")
        }

        let evaluator = ExternalEvaluator(manifest: manifest, timeout: timeout)
        defer { evaluator.shutdown() }
        let registry = compiled + [evaluator.entry]
        let folder = scenarioDirectory ?? defaultScenarioDirectory()
        let files =
            scenarios.isEmpty
            ? ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted().map {
                URL(fileURLWithPath: folder).appendingPathComponent($0).path
            }
            : scenarios
        if files.isEmpty { fail("scenarios: none found in '\(folder)' (pass --scenario FILE or --scenarios DIR)") }
        let only = selectingOnly(manifest)
        var probeScenario: Scenario?
        for file in files {
            let name = URL(fileURLWithPath: file).lastPathComponent
            let outcome = ScenarioLoader.load(file: file, overrides: [only])
            guard let scenario = outcome.scenario else {
                output.stdout += outcome.diagnostics.filter { $0.severity == .error }.prefix(5).map { $0.description + "\n" }.joined()
                fail("\(name): the scenario loads")
                continue
            }
            probeScenario = probeScenario ?? scenario
            let plan: RunPlan
            switch Engine.plan(scenario, registry: registry) {
            case .failure(let error):
                output.stdout += error.diagnostics.map { $0.description + "\n" }.joined()
                fail("\(name): the plan")
                continue
            case .success(let p): plan = p
            }
            let before = evaluator.statistics
            let started = DispatchTime.now().uptimeNanoseconds
            let first = await Engine.run(plan, on: scenario)
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6
            if let failure = first.failures.first(where: { $0.evaluator == id }) {
                fail("\(name): single run\n      \(failure.message.replacingOccurrences(of: "\n", with: "\n      "))")
                continue
            }
            if let failure = first.failures.first {
                warn("\(name): dependency '\(failure.evaluator)' failed: \(failure.message)")
                continue
            }
            let result = first.byEvaluator[id] ?? EvaluationResult()
            let missing = manifest.descriptor.headlines.map(\.id).filter { h in !result.headlines.contains { $0.metric == h } }
            let stats = evaluator.statistics
            ok(
                "\(name): single run, \(result.rows.count) rows, \(result.headlines.count) headline(s), \(result.findings.count) finding(s) "
                    + "(\(String(format: "%.0f", elapsed)) ms\(stats.starts > before.starts ? ", program started" : ""))")
            if result.rows.isEmpty && result.headlines.isEmpty { warn("\(name): no rows and no headlines") }
            if !missing.isEmpty { warn("\(name): declared headline(s) not given: \(missing.joined(separator: ", "))") }
            let second = await Engine.run(plan, on: scenario)
            if let failure = second.failures.first(where: { $0.evaluator == id }) {
                fail("\(name): repeated run: \(failure.message)")
            } else if second.byEvaluator[id]?.rows != result.rows || second.byEvaluator[id]?.headlines != result.headlines {
                fail("\(name): repeated run gives other numbers (an evaluator must be deterministic: same request, same answer)")
            } else {
                ok("\(name): repeated run gives the same numbers")
            }
            if draws > 0, !MonteCarlo.uncertainSlots(scenario).isEmpty {
                let requests = evaluator.statistics.requests
                let mc = await MonteCarlo.run(plan, on: scenario, draws: draws, seed: 1, workers: 1)
                let sent = evaluator.statistics.requests - requests
                if let f = mc.failures[id] {
                    fail("\(name): Monte Carlo, \(draws) draws: failed in \(f.count) draws: \(f.message)")
                } else {
                    ok("\(name): Monte Carlo, \(draws) draws in \(sent) request(s)")
                }
            }
        }
        if draws > 0, let scenario = probeScenario {
            await checkUncertainParameter(manifest, evaluator: evaluator, scenario: scenario, registry: registry, draws: draws, ok: ok, fail: fail, warn: warn)
        }
        if let scenario = probeScenario {
            switch evaluator.probeVersionMismatch(scenario) {
            case .refused(let message): ok("a request in protocol version \(ExternalProtocol.version + 1) is refused: \(message)")
            case .problem(let message): fail("protocol version check: \(message)")
            }
        }
        let stats = evaluator.statistics
        if stats.requests > 0 {
            output.stdout +=
                "      \(stats.starts) process start(s), \(stats.requests) request(s), \(stats.draws) draw(s); mean \(String(format: "%.1f", stats.exchangeSeconds / Double(stats.requests) * 1000)) ms a request\n"
        }
        return finish()
    }

    /// The override that makes a scenario run this evaluator alone (with what it depends on).
    static func selectingOnly(_ manifest: ExternalManifest) -> Override {
        let at = manifest.idLocation
        return Override(
            path: "evaluators", value: YNode(.mapping([YNode.Entry(key: manifest.descriptor.id, keyLocation: at, value: YNode(.mapping([]), at: at))]), at: at),
            origin: "check-evaluator")
    }

    /// Gives the evaluator's first parameter with a plausible range a uniform distribution over
    /// it and runs Monte Carlo on `scenario`: each draw then has its own parameter values, sent
    /// as a request of its own, as a user's scenario that makes the parameter uncertain does.
    static func checkUncertainParameter(
        _ manifest: ExternalManifest, evaluator: ExternalEvaluator, scenario: Scenario, registry: [EvaluatorEntry], draws: Int,
        ok: (String) -> Void, fail: (String) -> Void, warn: (String) -> Void
    ) async {
        let id = manifest.descriptor.id
        let name = URL(fileURLWithPath: scenario.file).lastPathComponent
        guard let parameter = manifest.descriptor.parameters.first(where: { $0.plausible.lowerBound < $0.plausible.upperBound }) else {
            warn(
                "no parameter has a plausible range ('plausible: [low, high]'), so none was made uncertain; sensitivity will not vary this evaluator's own numbers"
            )
            return
        }
        let at = manifest.idLocation
        func scalar(_ value: Double) -> YNode { YNode(.scalar(CoopZoneCore.format(value), quoted: false), at: at) }
        let distribution = YNode(
            .mapping([
                YNode.Entry(key: "value", keyLocation: at, value: scalar(parameter.defaultValue)),
                YNode.Entry(
                    key: "uniform", keyLocation: at,
                    value: YNode(.sequence([scalar(parameter.plausible.lowerBound), scalar(parameter.plausible.upperBound)]), at: at)),
                YNode.Entry(key: "assumption", keyLocation: at, value: YNode(.scalar("check-evaluator: its plausible range", quoted: true), at: at)),
            ]), at: at)
        let outcome = ScenarioLoader.load(
            file: scenario.file,
            overrides: [
                selectingOnly(manifest), Override(path: "evaluators.\(id).\(parameter.name)", value: distribution, origin: "check-evaluator"),
            ])
        guard let uncertain = outcome.scenario, case .success(let plan) = Engine.plan(uncertain, registry: registry) else {
            let problems = outcome.diagnostics.filter { $0.severity == .error }.map(\.message).joined(separator: "; ")
            fail(
                "\(name): '\(parameter.name)' uniform over its plausible range \(CoopZoneCore.format(parameter.plausible.lowerBound))–\(CoopZoneCore.format(parameter.plausible.upperBound)): the scenario does not load (\(problems))"
            )
            return
        }
        let requests = evaluator.statistics.requests
        let mc = await MonteCarlo.run(plan, on: uncertain, draws: draws, seed: 1, workers: 1)
        let sent = evaluator.statistics.requests - requests
        if let f = mc.failures[id] {
            fail("\(name): Monte Carlo with '\(parameter.name)' uncertain, \(draws) draws: failed in \(f.count) draws: \(f.message)")
            return
        }
        let moved = mc.keys.indices.filter { k in
            mc.keys[k].evaluator == id && mc.keys[k].year == nil
                && {
                    let band = mc.band(k); return band.p5 < band.p95
                }()
        }.map { mc.keys[$0].metric }
        ok(
            "\(name): Monte Carlo with '\(parameter.name)' uniform over \(CoopZoneCore.format(parameter.plausible.lowerBound))–\(CoopZoneCore.format(parameter.plausible.upperBound)), \(draws) draws in \(sent) request(s); "
                + (moved.isEmpty ? "no headline of \(id) moved" : "it moves \(moved.joined(separator: ", "))"))
    }

    /// Runs the command.
    public func run() async throws {
        if let timeout, !(timeout > 0) { throw ValidationError("--evaluator-timeout needs a positive number of seconds") }
        guard draws >= 0, draws <= 100_000 else { throw ValidationError("--draws needs 0 to 100000") }
        try await Self.execute(directory: directory, scenarios: scenarios, scenarioDirectory: scenarioDirectory, draws: draws, timeout: timeout).emit()
    }
}
