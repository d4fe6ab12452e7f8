import ArgumentParser
import CoopZoneCore
import Foundation

/// `coopzone sweep SPEC.yaml`: a grid or a sample of points over scenario files, their levers and
/// numbers, each point a full run; `coopzone sweep merge` joins the shards of a sweep.
public struct SweepCommand: AsyncParsableCommand {
    /// The command's configuration.
    public static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Run a grid or a sample of points over scenarios' levers and numbers: one tidy table of every headline at every point.",
        discussion: """
            coopzone sweep SPEC.yaml [--format csv|json] [--output FILE]          every point in this process
            coopzone sweep SPEC.yaml --shard K/N --output shard-K.csv             only shard K of N (a contiguous share of the points)
            coopzone sweep merge --output sweep.csv shard-*.csv                   the shards joined: the same bytes one process writes
            The spec's format and the cluster scripts: Docs/scaling.md.
            """,
        subcommands: [SweepRunCommand.self, SweepMergeCommand.self],
        defaultSubcommand: SweepRunCommand.self
    )

    /// Creates the command.
    public init() {}
}

/// A shard of a sweep: `K/N`, K from 1 to N.
public struct SweepShard: Sendable, Hashable, ExpressibleByArgument {
    /// Which shard, from 1.
    public var k: Int
    /// How many shards.
    public var n: Int

    /// Creates a shard.
    public init(_ k: Int, of n: Int) {
        self.k = k
        self.n = n
    }

    /// Parses `K/N`.
    public init?(argument: String) {
        let parts = argument.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, n <= 1_000_000, (1...n).contains(k) else { return nil }
        self.init(k, of: n)
    }
}

/// `coopzone sweep [run] SPEC.yaml`.
public struct SweepRunCommand: AsyncParsableCommand {
    /// The command's configuration.
    public static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a sweep spec's points (all, or one shard's) and print the table.",
        discussion: """
            Exit status: 0 when every point ran, 1 on errors in the spec or the scenarios or a failed point, 64 on bad arguments.
            """
    )

    @Argument(help: "The sweep spec (YAML); its scenario paths are relative to it.")
    var spec: String

    @Option(help: "Output format: csv, json.")
    var format: SweepFormat = .csv

    @Option(help: "Run only shard K of N (K from 1 to N): points ⌊(K−1)·P/N⌋+1 to ⌊K·P/N⌋ of the P points, framed for 'coopzone sweep merge'.")
    var shard: SweepShard?

    @Option(help: "Write the table to this file instead of standard output (written whole, at the end).")
    var output: String?

    @Option(help: "Points run at once, or with Monte Carlo the worker threads of each point's draws (default: the number of cores).")
    var workers: Int?

    @Flag(help: "No progress line on standard error (it shows only when standard error is a terminal).")
    var quiet = false

    @OptionGroup var external: ExternalEvaluatorOptions

    /// Creates the command.
    public init() {}

    /// Checked by the argument parser before the command runs.
    public func validate() throws {
        try checkOutputFile(output)
        if let w = workers, !(1...256).contains(w) { throw ValidationError("--workers needs 1 to 256, got \(w)") }
    }

    /// Runs the command.
    public func run() async throws {
        let progress = !quiet && isatty(STDERR_FILENO) != 0
        try await Self.execute(spec: spec, format: format, shard: shard, workers: workers, showProgress: progress, evaluators: external.search).emit(
            outputFile: output)
    }

    /// Reads the spec, runs its points (or one shard's) and returns the table.
    public static func execute(
        spec file: String, format: SweepFormat = .csv, shard: SweepShard? = nil, workers: Int? = nil, showProgress: Bool = false,
        evaluators: EvaluatorSearch = EvaluatorSearch()
    ) async -> CommandOutput {
        var output = CommandOutput()
        let spec: SweepSpec
        switch SweepSpec.load(file: file) {
        case .failure(let error):
            output.stderr += error.diagnostics.map { $0.description + "\n" }.joined()
            output.stderr += "\(file): not run because of the errors above\n"
            output.status = 1
            return output
        case .success(let s): spec = s
        }
        guard let catalog = EvaluatorCatalog.opened(evaluators, output: &output) else { return output }
        defer { catalog.shutdown() }
        let range = shard.map { SweepSpec.shardRange($0.k, of: $0.n, points: spec.pointCount) } ?? 1..<(spec.pointCount + 1)
        let points = spec.points(range)
        let columns = spec.columns
        let workerCount = workers ?? defaultWorkers
        let progress = showProgress ? ProgressLine(total: points.count, noun: "points") : nil

        // Each point: load with its overrides, plan, run (or Monte Carlo); its rows and what it printed.
        @Sendable func runPoint(_ point: SweepPoint) async -> (rows: [SweepRow], stderr: String, failed: Bool) {
            var out = CommandOutput()
            let scenario = spec.scenarios[point.scenario]
            var swept = [Double?](repeating: nil, count: columns.count)
            for (axis, value) in zip(scenario.axes, point.values) { swept[columns.firstIndex(of: axis.name)!] = value }
            let label =
                "point \(point.index) (\(scenario.file)" + zip(scenario.axes, point.values).map { ", \($0.name)=\(SweepSpec.numberText($1))" }.joined() + ")"
            func row(_ evaluator: String, _ metric: String, _ unit: CoopZoneCore.Unit, _ value: Double, _ band: Band?) -> SweepRow {
                SweepRow(
                    point: point.index, scenario: scenario.file, swept: swept, evaluator: evaluator, metric: metric, unit: unit, value: value, band: band)
            }
            guard let (loaded, plan) = RunCommand.prepare(file: scenario.path, overrides: spec.overrides(for: point), output: &out, catalog: catalog) else {
                return ([], out.stderr + "error: \(label) not run\n", true)
            }
            if let mc = spec.monteCarlo {
                if let problem = MonteCarlo.tooManyDraws(mc.draws, series: MonteCarlo.seriesCount(plan, on: loaded)) {
                    return ([], out.stderr + "error: \(label): \(problem)\n", true)
                }
                let result = await MonteCarlo.run(plan, on: loaded, draws: mc.draws, seed: mc.seed, workers: workerCount)
                var rows: [SweepRow] = []
                for (k, key) in result.keys.enumerated() where key.year == nil {
                    rows.append(row(key.evaluator, key.metric, result.units[k], result.central[k], result.band(k)))
                }
                var stderr = out.stderr
                for failure in result.centralRun?.failures ?? [] {
                    stderr += "error: \(label): evaluator '\(failure.evaluator)' failed in the run on central values: \(failure.message)\n"
                }
                for (id, f) in result.failures.sorted(by: { $0.key < $1.key }) {
                    stderr += "warning: \(label): evaluator '\(id)' failed in \(f.count) of \(mc.draws) draws: \(f.message)\n"
                }
                return (rows, stderr, !(result.centralRun?.failures.isEmpty ?? true))
            }
            let result = await Engine.run(plan, on: loaded)
            var stderr = out.stderr
            for failure in result.failures { stderr += "error: \(label): evaluator '\(failure.evaluator)' failed: \(failure.message)\n" }
            return (result.headlines.map { row($0.evaluator, $0.metric, $0.unit, $0.value, nil) }, stderr, !result.failures.isEmpty)
        }

        // Points run `workers` at a time (one at a time with Monte Carlo, whose draws use the
        // workers, or with external evaluators, whose programs answer one request at a time);
        // the table is in point order whatever order they finish in.
        let parallel = spec.monteCarlo == nil && catalog.external.isEmpty ? max(1, workerCount) : 1
        var results = [(rows: [SweepRow], stderr: String, failed: Bool)?](repeating: nil, count: points.count)
        await withTaskGroup(of: (Int, (rows: [SweepRow], stderr: String, failed: Bool)).self) { group in
            var next = 0
            func add() {
                let i = next
                next += 1
                group.addTask { (i, await runPoint(points[i])) }
            }
            while next < min(parallel, points.count) { add() }
            for await (i, result) in group {
                results[i] = result
                progress?.step()
                if next < points.count { add() }
            }
        }
        progress?.finish()

        var rows: [SweepRow] = []
        var failed = 0
        var printed = Set<String>()
        for result in results.compactMap({ $0 }) {
            rows += result.rows
            if result.failed { failed += 1 }
            // The same warning at every point (an evaluator left unselected) is printed once.
            // A diagnostic is its line and the indented hint lines after it.
            var messages: [String] = []
            for line in result.stderr.components(separatedBy: "\n") where !line.isEmpty {
                if line.hasPrefix("  "), !messages.isEmpty { messages[messages.count - 1] += "\n" + line } else { messages.append(line) }
            }
            for message in messages where printed.insert(message).inserted { output.stderr += message + "\n" }
        }
        let table = SweepTable(columns: columns, monteCarlo: spec.monteCarlo != nil, hash: spec.hash, points: spec.pointCount, format: format)
        if let shard {
            output.stdout = table.shard(rows, k: shard.k, of: shard.n, range: range, failed: failed)
        } else {
            output.stdout = table.document(rows)
        }
        if failed > 0 {
            output.stderr += "error: \(failed) of \(points.count) points failed; the table has the rows of the others\n"
            output.status = 1
        }
        return output
    }
}

/// `coopzone sweep merge SHARD…`.
public struct SweepMergeCommand: ParsableCommand {
    /// The command's configuration.
    public static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Join the shards of a sweep into the table one process writes, byte for byte.",
        discussion: """
            Refuses shards of different sweeps (spec, scenario files or coopzone version), a missing or repeated shard, and a file cut short.
            Exit status: 0 when merged, 1 when a shard cannot be merged or points failed in a shard (the table is still written), 64 on bad arguments.
            """
    )

    @Argument(help: "The shard files written by 'coopzone sweep SPEC --shard K/N --output FILE', in any order.")
    var shards: [String]

    @Option(help: "Write the table to this file instead of standard output.")
    var output: String?

    /// Creates the command.
    public init() {}

    /// Checked by the argument parser before the command runs.
    public func validate() throws {
        guard !shards.isEmpty else { throw ValidationError("merge needs the shard files") }
        try checkOutputFile(output)
    }

    /// Runs the command.
    public func run() throws {
        try Self.execute(shards: shards).emit(outputFile: output)
    }

    /// Reads the shard files and joins them.
    public static func execute(shards files: [String]) -> CommandOutput {
        var output = CommandOutput()
        var texts: [(name: String, text: String)] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
                output.stderr += "error: cannot read '\(file)'\(FileManager.default.fileExists(atPath: file) ? "" : ": it does not exist")\n"
                output.status = 1
                continue
            }
            texts.append((file, text))
        }
        guard output.status == 0 else { return output }
        do {
            let (table, failed) = try SweepTable.merge(texts)
            output.stdout = table
            if failed > 0 {
                output.stderr += "error: \(failed) points failed in the shards (see their standard error); the table has the rows of the others\n"
                output.status = 1
            }
        } catch {
            output.stderr += "error: \(error.description)\n"
            output.status = 1
        }
        return output
    }
}
