import ArgumentParser
import CoopZoneCore
import CoopZoneExternal
import CoopZoneServer
import Foundation

/// `coopzone bench`: prints load, run and Monte Carlo timings (build with `-c release` to measure).
public struct BenchCommand: AsyncParsableCommand {
    /// The command's configuration.
    public static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure load/validate time (and YAML parsing time) of every scenario, one full run, and Monte Carlo throughput at 1 and N workers.",
        discussion: "Build in release mode for meaningful figures: swift run -c release coopzone bench"
    )

    @Option(help: "Folder of scenarios to load.")
    var directory = "Scenarios"

    @Option(help: "Scenario for the Monte Carlo measurement (default: the shipped growth triangle).")
    var scenario = "Scenarios/fergana-batken-sughd-growth-triangle.yaml"

    @Option(help: "Monte Carlo draws.")
    var draws = 10_000

    @Option(help: "Seed.")
    var seed: UInt64 = 1

    @Option(help: "Times to repeat each Monte Carlo measurement (the median is reported, with the fastest and slowest).")
    var repeats = 3

    @OptionGroup var external: ExternalEvaluatorOptions

    /// Creates the command.
    public init() {}

    /// Checks, before measuring anything, that the scenarios are where the options say.
    public func validate() throws {
        guard draws > 0 else { throw ValidationError("--draws must be positive, got \(draws)") }
        guard repeats > 0 else { throw ValidationError("--repeats must be positive, got \(repeats)") }
        guard external.search.with.isEmpty else {
            throw ValidationError("--with selects evaluators for one scenario's run; bench measures the scenarios as they are")
        }
        guard external.search.traceDirectory == nil else {
            throw ValidationError("--trace-protocol records a run's exchanges; use it with run, compare or sensitivity")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("no folder '\(directory)' here: run bench in CoopZone's folder, or give --directory DIR and --scenario FILE")
        }
        guard FileManager.default.fileExists(atPath: scenario) else {
            throw ValidationError("no scenario '\(scenario)': give the Monte Carlo scenario with --scenario FILE")
        }
    }

    static func seconds(_ block: () async -> Void) async -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        await block()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// Peak resident memory of this process so far, in MB (Linux: VmHWM), or nil.
    static func peakMemoryMB() -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let digits = line.split(separator: " ").compactMap { Double($0) }
            return digits.first.map { $0 / 1024 }
        }
        return nil
    }

    /// Runs the benchmark and prints the figures.
    public func run() async throws {
        var opened = CommandOutput()
        guard let catalog = EvaluatorCatalog.opened(external.search, output: &opened) else { try opened.emit(); return }
        defer { catalog.shutdown() }
        if !opened.stderr.isEmpty { FileHandle.standardError.write(Data(opened.stderr.utf8)) }
        #if DEBUG
            print("note: this is a debug build; build with 'swift run -c release coopzone bench' for real figures")
        #endif
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
            .map { "\(directory)/\($0)" }
        print("cores: \(ProcessInfo.processInfo.activeProcessorCount)")
        print("\nload + validate (mean of 20; in brackets, of which parsing the YAML text into a tree):")
        for file in files {
            var ok = true
            let t = await Self.seconds { for _ in 0..<20 { ok = ok && ScenarioLoader.load(file: file).scenario != nil } }
            let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
            let parse = await Self.seconds { for _ in 0..<20 { ok = ok && (try? YAMLTree.parse(text, file: file).get()) != nil } }
            print("  \(file): \(String(format: "%.3f", t / 20 * 1000)) ms (YAML \(String(format: "%.3f", parse / 20 * 1000)) ms)\(ok ? "" : " (has errors)")")
        }
        print("\none full run (mean of 20, evaluators in parallel levels):")
        for file in files {
            guard let s = ScenarioLoader.load(file: file).scenario, case .success(let plan) = Engine.plan(s, registry: catalog.registry(for: s)) else {
                continue
            }
            var rows = 0
            let t = await Self.seconds { for _ in 0..<20 { rows = await Engine.run(plan, on: s).rows.count } }
            print("  \(file): \(String(format: "%.3f", t / 20 * 1000)) ms, \(rows) rows")
        }
        guard let s = ScenarioLoader.load(file: scenario).scenario, case .success(let plan) = Engine.plan(s, registry: catalog.registry(for: s)) else {
            throw ValidationError("cannot load '\(scenario)'")
        }
        print("\ntime per evaluator on \(scenario) (mean of 200 runs):")
        var upstream: [String: EvaluationResult] = [:]
        for item in plan.evaluators {
            let id = item.entry.descriptor.id
            let context = EvaluationContext(results: upstream.filter { item.entry.descriptor.dependencies.contains($0.key) })
            guard let instance = try? item.entry.make(item.values(in: s)) else { continue }
            // One call before timing: an external evaluator's program starts here, not in the mean.
            var result = (try? instance.evaluate(s, context: context)) ?? EvaluationResult()
            let t = await Self.seconds { for _ in 0..<200 { result = (try? instance.evaluate(s, context: context)) ?? EvaluationResult() } }
            upstream[id] = result
            print("  \(id): \(String(format: "%.1f", t / 200 * 1e6)) µs, \(result.rows.count) rows")
        }
        print(
            "\nworkshop: a lever move not cached (200 moves of a random walk on the levers' grids, as the server computes them; p50 in ms; "
                + "numbers: what a move costs while the slider is dragged, without the charts, drawn once it settles):")
        let workshopScenarios = ScenarioCatalog(directory: directory, registry: Registry.evaluators)
        for item in workshopScenarios.list() {
            guard let entry = workshopScenarios.entry(item.id), entry.isRunnable,
                let times = try? WorkshopRunner.timeMoves(entry, registry: Registry.evaluators, moves: 200),
                !times.isEmpty
            else { continue }
            func p50(_ part: (WorkshopRunner.MoveTimes) -> Double) -> String {
                let sorted = times.map(part).sorted()
                return String(format: "%.3f", sorted[sorted.count / 2])
            }
            let p90 = times.map(\.total).sorted()[times.count * 9 / 10]
            print(
                "  \(item.id): numbers \(p50 { $0.prepare + $0.run + $0.series }), with the charts \(p50(\.total)) (p90 \(String(format: "%.3f", p90))): "
                    + "values \(p50(\.prepare)), run \(p50(\.run)), series \(p50(\.series)), charts \(p50(\.charts)); \(times.count) moves")
        }
        let slots = MonteCarlo.uncertainSlots(s)
        print("\nMonte Carlo, \(draws) draws of \(scenario) (\(slots.count) uncertain inputs), median of \(repeats) runs (fastest–slowest):")
        let constant = MonteCarlo.constantEvaluators(plan, slots: slots)
        print(
            "  evaluators no draw can change, run once: \(constant.isEmpty ? "none" : constant.sorted().joined(separator: ", ")) (of \(plan.evaluators.count))")
        let before = Self.peakMemoryMB()
        func figure(_ times: [Double]) -> String {
            let sorted = times.sorted()
            let middle = sorted.count / 2
            let median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
            return "\(String(format: "%.3f", median)) s (\(String(format: "%.3f", sorted[0]))–\(String(format: "%.3f", sorted[sorted.count - 1])) s), "
                + "\(String(format: "%.0f", Double(draws) / median)) draws/s"
        }
        for workers in Array(Set([1, ProcessInfo.processInfo.activeProcessorCount])).sorted() {
            var series = 0
            var times: [Double] = [], withBands: [Double] = []
            for _ in 0..<repeats {
                var bands = 0.0
                times.append(
                    await Self.seconds {
                        let result = await MonteCarlo.run(plan, on: s, draws: draws, seed: seed, workers: workers)
                        series = result.keys.count
                        bands = await Self.seconds { _ = result.bands() }
                    })
                withBands.append(times[times.count - 1])
                times[times.count - 1] -= bands
            }
            print("  \(workers) worker(s): \(figure(times)); with the bands of all \(series) series: \(figure(withBands))")
        }
        if let peak = Self.peakMemoryMB() {
            print("  peak resident memory: \(String(format: "%.0f", peak)) MB (before Monte Carlo: \(String(format: "%.0f", before ?? 0)) MB)")
        }
        for evaluator in catalog.external {
            let st = evaluator.statistics
            guard st.requests > 0 else { continue }
            print(
                "\nexternal evaluator \(evaluator.descriptor.id): \(st.starts) process start(s) (\(String(format: "%.1f", st.startSeconds / Double(max(1, st.starts)) * 1000)) ms to spawn, "
                    + "\(String(format: "%.0f", st.firstAnswerSeconds / Double(max(1, st.starts)) * 1000)) ms to the first answer), "
                    + "\(st.requests) requests, \(st.draws) draws, \(String(format: "%.1f", st.exchangeSeconds)) s in exchanges, "
                    + "\(st.requestBytes / 1024) KiB sent, \(st.responseBytes / 1024) KiB received")
        }
    }
}
