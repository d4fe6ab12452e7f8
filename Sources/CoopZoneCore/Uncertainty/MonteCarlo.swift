import Foundation
import Synchronization

/// P5, P50 and P95 (and the mean) of a set of draws.
public struct Band: Sendable, Hashable, Codable {
    /// 5th percentile.
    public var p5: Double
    /// Median.
    public var p50: Double
    /// 95th percentile.
    public var p95: Double
    /// Mean.
    public var mean: Double

    /// The band of `values` (quantiles by linear interpolation between order statistics,
    /// Hyndman–Fan type 7; NaN and infinite values left out). The order statistics the three
    /// quantiles need are found by selection, not by sorting all the draws: the median's first,
    /// then P5's among the values below it and P95's among those above; the statistic after
    /// each is the least value between it and the next one placed.
    public init(_ values: [Double]) {
        var a = values.filter { $0.isFinite }
        let n = a.count
        guard n > 0 else {
            (p5, p50, p95, mean) = (.nan, .nan, .nan, .nan)
            return
        }
        mean = a.reduce(0, +) / Double(n)
        let h = [0.05, 0.5, 0.95].map { Double(n - 1) * $0 }
        let k = h.map { Int($0.rounded(.down)) }
        Self.select(&a, k[1], 0, n - 1)
        if k[0] < k[1] { Self.select(&a, k[0], 0, k[1] - 1) }
        if k[2] > k[1] { Self.select(&a, k[2], k[1] + 1, n - 1) }
        // a[k[i]] is in place: nothing before it is larger, nothing after it smaller.
        func next(_ j: Int) -> Double {
            guard j + 1 < n else { return a[j] }
            let stop = k.first { $0 > j } ?? n
            var least = stop < n ? a[stop] : a[j + 1]
            for i in (j + 1)..<stop where a[i] < least { least = a[i] }
            return least
        }
        let q = (0..<3).map { i in a[k[i]] + (h[i] - Double(k[i])) * (next(k[i]) - a[k[i]]) }
        (p5, p50, p95) = (q[0], q[1], q[2])
    }

    /// Places the k-th smallest value of `a[lo...hi]` at `a[k]`, with no larger value before it and
    /// no smaller one after it (Hoare's FIND with a median-of-three pivot; equal values split
    /// evenly, so a constant series takes one pass per halving).
    static func select(_ a: inout [Double], _ k: Int, _ lo: Int, _ hi: Int) {
        var lo = lo, hi = hi
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            if a[mid] < a[lo] { a.swapAt(mid, lo) }
            if a[hi] < a[lo] { a.swapAt(hi, lo) }
            if a[hi] < a[mid] { a.swapAt(hi, mid) }
            let pivot = a[mid]
            var i = lo, j = hi
            while i <= j {
                while a[i] < pivot { i += 1 }
                while pivot < a[j] { j -= 1 }
                if i <= j {
                    a.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            // Now a[lo...j] ≤ pivot ≤ a[i...hi], and anything between j and i equals the pivot.
            if k <= j { hi = j } else if k >= i { lo = i } else { return }
        }
    }
}

/// One uncertain quantity: a headline, or an additive metric's total in one year.
public struct SeriesKey: Sendable, Hashable, Codable {
    /// Evaluator id.
    public var evaluator: String
    /// Metric id.
    public var metric: String
    /// Calendar year, or `nil` for a headline.
    public var year: Int?

    /// Creates a key.
    public init(evaluator: String, metric: String, year: Int?) {
        self.evaluator = evaluator
        self.metric = metric
        self.year = year
    }
}

/// What a Monte Carlo run produced: every draw of every headline and of each additive
/// metric's total by year (so bands and "B beats A" can be computed), and failures.
public struct MonteCarloResult: Sendable {
    /// The seed.
    public var seed: UInt64
    /// The number of draws.
    public var draws: Int
    /// The uncertain inputs sampled (paths).
    public var sampledInputs: [String]
    /// Their distributions, in the order of `sampledInputs`.
    public var distributions: [Distribution] = []
    /// Series in a stable order: headlines first (run order), then metric totals by year — of
    /// the additive metrics that wrote rows with a year in the central run or in some draw (a
    /// present value, written for the whole horizon, has no totals by year).
    public var keys: [SeriesKey]
    /// Units of the series, by index of `keys`.
    public var units: [Unit]
    /// `values[k][d]`: series k in draw d (NaN when the evaluator failed in that draw).
    public var values: [[Double]]
    /// Each series in the run on central values (every input at its central value), by index of
    /// `keys`: what a single run reports, beside the draws' bands.
    public var central: [Double] = []
    /// Draws in which an evaluator failed, with the first message.
    public var failures: [String: (count: Int, message: String)]
    /// The run on central values the draws started from, as `Engine.run` gives it (findings
    /// included): reports show it beside the bands, and a failure in it is worth reporting
    /// even when the draws succeed.
    public var centralRun: RunResult?

    /// The band of series k.
    public func band(_ k: Int) -> Band { Band(values[k]) }

    /// The band of every series, by index of `keys`, computed on every core.
    public func bands() -> [Band] {
        let chunks = min(values.count, ProcessInfo.processInfo.activeProcessorCount * 4)
        guard chunks > 1 else { return values.map(Band.init) }
        // Each chunk computes its series' bands, then stores them under the lock once.
        let bands = Mutex([Band](repeating: Band([]), count: values.count))
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let mine = stride(from: c, to: values.count, by: chunks).map { ($0, Band(values[$0])) }
            bands.withLock { all in for (k, band) in mine { all[k] = band } }
        }
        return bands.withLock { $0 }
    }
    /// The index of a series.
    public func index(of key: SeriesKey) -> Int? { keys.firstIndex(of: key) }
}

/// Samples every distribution of a scenario and runs the evaluators once per draw.
public enum MonteCarlo {
    /// The inputs (slots) a Monte Carlo run samples: every number with a distribution.
    public static func uncertainSlots(_ scenario: Scenario) -> [Int] {
        scenario.inputs.indices.filter { scenario.inputs[$0].distribution != nil }
    }

    /// The values of draw `index`: central values with each uncertain input sampled from a
    /// stream of its own, keyed by the run's seed, the draw's index and the input's path. So a
    /// draw is the same whichever worker makes it, and two designs that share an input (say,
    /// the trade-cost elasticity) see the same value of it in the same draw (common random
    /// numbers), which is what makes "B beats A in 80 % of draws" meaningful.
    public static func drawValues(_ scenario: Scenario, slots: [Int], keys: [UInt64], seed: UInt64, index: Int) -> [Double] {
        var values = scenario.values
        for (slot, key) in zip(slots, keys) {
            guard let distribution = scenario.inputs[slot].distribution else { continue }
            var random = SeededRandom(seed: seed ^ key, stream: index)
            values[slot] = distribution.sample(&random)
        }
        return values
    }

    /// The stream key of each sampled input: FNV-1a of its path.
    public static func streamKeys(_ scenario: Scenario, slots: [Int]) -> [UInt64] {
        slots.map { slot in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in scenario.inputs[slot].path.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
            return hash
        }
    }

    /// The evaluators whose outcome no draw can change, so a run computes them once: those
    /// none of whose own parameters is sampled and whose dependencies are all such evaluators —
    /// provided every sampled number is an evaluator's parameter. A sampled number of the
    /// scenario's data (a region's population, say) could reach any evaluator, so then every
    /// evaluator runs in every draw. This relies on the evaluator contract that an evaluator
    /// reads its parameters from its configuration, not another's from the scenario.
    public static func constantEvaluators(_ plan: RunPlan, slots: [Int]) -> Set<String> {
        var parameterSlots: [String: Set<Int>] = [:]
        for item in plan.evaluators {
            for (_, source) in item.parameters { if case .input(let q) = source { parameterSlots[item.entry.descriptor.id, default: []].insert(q.slot) } }
        }
        let allParameterSlots = parameterSlots.values.reduce(into: Set<Int>()) { $0.formUnion($1) }
        guard slots.allSatisfy(allParameterSlots.contains) else { return [] }
        let sampled = Set(slots)
        var constant: Set<String> = []
        for item in plan.evaluators {  // dependency order: an evaluator's dependencies are decided first
            let d = item.entry.descriptor
            if (parameterSlots[d.id] ?? []).isDisjoint(with: sampled) && d.dependencies.allSatisfy(constant.contains) { constant.insert(d.id) }
        }
        return constant
    }

    /// The most memory the draws of one command may keep: 2 GiB.
    public static let keptMemoryLimit = 2 << 30

    /// The series a run of `plan` on `scenario` keeps, one number per draw each: every headline,
    /// and every additive metric's total in each year.
    /// (With `headlinesOnly`, the headlines alone, as a run with `headlinesOnly` keeps them.)
    public static func seriesCount(_ plan: RunPlan, on scenario: Scenario, headlinesOnly: Bool = false) -> Int {
        SeriesLayout(plan: plan, scenario: scenario, headlinesOnly: headlinesOnly).keys.count
    }

    /// Why `draws` draws of runs that keep `series` series in all cannot be made (their numbers
    /// would not fit in `keptMemoryLimit`), or nil when they can.
    public static func tooManyDraws(_ draws: Int, series: Int) -> String? {
        let bytes = Double(draws) * Double(series) * 8
        guard bytes > Double(keptMemoryLimit) else { return nil }
        let fit = keptMemoryLimit / (max(1, series) * 8)
        func gb(_ b: Double) -> String { String(format: "%.1f GB", b / 1e9) }
        return "\(draws) draws would keep \(series) series × \(draws) numbers (\(gb(bytes))), more than the \(gb(Double(keptMemoryLimit))) a run may use; "
            + "at most \(fit) draws fit: ask for fewer (10,000 draws already place P5 and P95 within about ±0.4 percentile points, two standard errors)"
    }

    /// Draws per block when the plan has a batch evaluator: every batch evaluator gets one
    /// request per block, so a run of up to this many draws sends one request carrying all draws.
    public static let batchBlockSize = 2000

    /// Runs `draws` draws on `workers` threads (1 = on the calling task). `progress` is called
    /// with the number of draws done (from worker threads).
    ///
    /// With `design`, draw d takes its sampled inputs from the design's row d instead of the
    /// seeded streams (and `draws` is the design's row count): how a Sobol' analysis runs its
    /// quasi-random points. `headlinesOnly` keeps the headlines and no totals by year.
    public static func run(
        _ plan: RunPlan, on scenario: Scenario, draws: Int, seed: UInt64, workers: Int = ProcessInfo.processInfo.activeProcessorCount,
        design: DrawDesign? = nil, headlinesOnly: Bool = false, progress: (@Sendable (Int) -> Void)? = nil
    ) async -> MonteCarloResult {
        let slots = design?.slots ?? uncertainSlots(scenario)
        let draws = design?.rows.count ?? draws
        let source = DrawSource(scenario: scenario, slots: slots, keys: streamKeys(scenario, slots: slots), seed: seed, design: design)
        let layout = SeriesLayout(plan: plan, scenario: scenario, headlinesOnly: headlinesOnly)
        // The run on central values: reported beside the bands, and the outcome of the evaluators
        // no draw can change (see `constantEvaluators`), which the draws then take from it.
        let centralRun = Engine.runSynchronously(plan, on: scenario)
        let constant = draws > 0 ? constantEvaluators(plan, slots: slots) : []
        let fixed: Engine.Outcomes = (centralRun.results.filter { constant.contains($0.key) }, centralRun.failures.filter { constant.contains($0.evaluator) })
        var central = [Double](repeating: 0, count: layout.keys.count)
        var yearly = [Bool](repeating: false, count: layout.keys.count)
        layout.collect(centralRun.results, into: &central, yearly: &yearly)
        let workerCount = max(1, min(workers, draws))
        let counter = ProgressCounter()
        let batched = plan.evaluators.contains { $0.batchInstance != nil }
        // Without batch evaluators each worker takes a contiguous share of the draws (whole groups
        // of a design, so a row's base is in its share); with them, blocks of draws are run
        // evaluator by evaluator so each batch evaluator sees a whole block.
        let group = design?.groupSize ?? 1
        let blockSize = batched ? batchBlockSize : ((draws + group - 1) / group + workerCount - 1) / workerCount * group
        var parts: [Chunk] = []
        var start = 0
        while start < draws {
            let end = min(draws, start + (batched ? blockSize : blockSize * workerCount))
            if batched {
                parts.append(
                    await runBlock(
                        start..<end, plan: plan, source: source, layout: layout, fixed: fixed,
                        workers: workerCount, counter: counter, progress: progress))
            } else {
                let ranges = stride(from: start, to: end, by: blockSize).map { $0..<min(end, $0 + blockSize) }
                let chunks = await withTaskGroup(of: (Int, Chunk).self) { group in
                    for (w, range) in ranges.enumerated() {
                        group.addTask {
                            FindingsSwitch.$enabled.withValue(false) {
                                (
                                    w,
                                    runChunk(
                                        range, plan: plan, source: source, layout: layout, fixed: fixed,
                                        counter: counter, progress: progress)
                                )
                            }
                        }
                    }
                    var collected: [(Int, Chunk)] = []
                    for await part in group { collected.append(part) }
                    return collected.sorted { $0.0 < $1.0 }.map(\.1)
                }
                parts += chunks
            }
            start = end
        }
        for part in parts { for k in yearly.indices where part.yearly[k] { yearly[k] = true } }
        // Keep headlines, and the totals by year of metrics that wrote rows with a year.
        let kept = layout.keys.indices.filter { k in
            guard let year = layout.keys[k].year else { return true }
            return yearly[k - (year - layout.firstYear)]
        }
        // Each part's series is freed as soon as it is copied, so the draws are held about once, not twice.
        var values = [[Double]](repeating: [], count: kept.count)
        for (i, k) in kept.enumerated() {
            values[i].reserveCapacity(draws)
            for p in parts.indices {
                values[i] += parts[p].values[k]
                parts[p].values[k] = []
            }
        }
        var failures: [String: (count: Int, message: String)] = [:]
        for part in parts {
            for (id, f) in part.failures { tally(&failures, id, f.message, times: f.count) }
        }
        return MonteCarloResult(
            seed: seed, draws: draws, sampledInputs: slots.map { scenario.inputs[$0].path },
            distributions: slots.compactMap { scenario.inputs[$0].distribution }, keys: kept.map { layout.keys[$0] },
            units: kept.map { layout.units[$0] }, values: values, central: kept.map { central[$0] }, failures: failures,
            centralRun: Engine.assemble(plan, scenario: scenario, results: centralRun.results, failures: centralRun.failures, seed: nil, draws: nil))
    }

    /// Runs a block of draws evaluator by evaluator: plain evaluators draw by draw on the workers,
    /// each batch evaluator once for the whole block.
    static func runBlock(
        _ range: Range<Int>, plan: RunPlan, source: DrawSource, layout: SeriesLayout, fixed: Engine.Outcomes,
        workers: Int, counter: ProgressCounter, progress: (@Sendable (Int) -> Void)?
    ) async -> Chunk {
        let scenarios = range.map { index in source.scenario.with(values: source.values(index)) }
        var results = [[String: EvaluationResult]](repeating: [:], count: scenarios.count)
        var failed = [Set<String>](repeating: [], count: scenarios.count)
        var failures: [String: (count: Int, message: String)] = [:]
        func record(_ f: EvaluatorFailure, draw: Int) {
            failed[draw].insert(f.evaluator)
            tally(&failures, f.evaluator, f.message)
        }
        for item in plan.evaluators {
            let id = item.entry.descriptor.id
            let dependencies = item.entry.descriptor.dependencies
            if let result = fixed.results[id] {
                for d in scenarios.indices { results[d][id] = result }
            } else if let failure = fixed.failures.first(where: { $0.evaluator == id }) {
                for d in scenarios.indices { record(failure, draw: d) }
            } else if let batch = item.batchInstance {
                var indices: [Int] = []
                var items: [(scenario: Scenario, context: EvaluationContext)] = []
                for d in scenarios.indices {
                    if let dependency = dependencies.first(where: failed[d].contains) {
                        record(
                            EvaluatorFailure(evaluator: id, message: EvaluatorError.dependencyFailed(evaluator: id, dependency: dependency).description),
                            draw: d)
                        continue
                    }
                    indices.append(d)
                    items.append((scenarios[d], EvaluationContext(results: results[d].filter { dependencies.contains($0.key) })))
                }
                let outcomes = items.isEmpty ? [] : batch.evaluate(batch: items)
                for (position, d) in indices.enumerated() {
                    let outcome =
                        position < outcomes.count
                        ? outcomes[position]
                        : .failure(EvaluatorFailure(evaluator: id, message: "returned \(outcomes.count) results for \(items.count) draws"))
                    switch outcome {
                    case .success(let result): results[d][id] = result
                    case .failure(let failure): record(failure, draw: d)
                    }
                }
            } else {
                let snapshot = results, failedSnapshot = failed
                let per = (scenarios.count + workers - 1) / workers
                let outcomes = await withTaskGroup(of: [(Int, Result<EvaluationResult, EvaluatorFailure>)].self) { group in
                    for w in 0..<workers {
                        let lo = w * per, hi = min(scenarios.count, lo + per)
                        guard lo < hi else { continue }
                        group.addTask {
                            FindingsSwitch.$enabled.withValue(false) {
                                (lo..<hi).map { d in (d, Engine.evaluate(item, on: scenarios[d], results: snapshot[d], failed: failedSnapshot[d])) }
                            }
                        }
                    }
                    var all: [(Int, Result<EvaluationResult, EvaluatorFailure>)] = []
                    for await part in group { all += part }
                    return all
                }
                for (d, outcome) in outcomes {
                    switch outcome {
                    case .success(let result): results[d][id] = result
                    case .failure(let failure): record(failure, draw: d)
                    }
                }
            }
        }
        var values = [[Double]](repeating: [], count: layout.keys.count)
        var totals = [Double](repeating: 0, count: layout.keys.count)
        var yearly = [Bool](repeating: false, count: layout.keys.count)
        for d in scenarios.indices {
            layout.collect(results[d], into: &totals, yearly: &yearly)
            for k in totals.indices { values[k].append(totals[k]) }
        }
        if let progress { progress(counter.add(scenarios.count)) }
        return Chunk(values: values, yearly: yearly, failures: failures)
    }

    /// Counts `times` more failed draws of `evaluator`, keeping the first message.
    static func tally(_ failures: inout [String: (count: Int, message: String)], _ evaluator: String, _ message: String, times: Int = 1) {
        failures[evaluator] = (count: (failures[evaluator]?.count ?? 0) + times, message: failures[evaluator]?.message ?? message)
    }

    struct Chunk: Sendable {
        var values: [[Double]]
        /// By series index of the first year of each additive metric: whether some row had a year.
        var yearly: [Bool]
        var failures: [String: (count: Int, message: String)]
    }

    static func runChunk(
        _ range: Range<Int>, plan: RunPlan, source: DrawSource, layout: SeriesLayout, fixed: Engine.Outcomes,
        counter: ProgressCounter, progress: (@Sendable (Int) -> Void)?
    ) -> Chunk {
        var values = [[Double]](repeating: [], count: layout.keys.count)
        for k in values.indices { values[k].reserveCapacity(range.count) }
        var failures: [String: (count: Int, message: String)] = [:]
        var totals = [Double](repeating: 0, count: layout.keys.count)
        var yearly = [Bool](repeating: false, count: layout.keys.count)
        var draw = source.scenario
        // The runs of this chunk that later rows name as their base, and per set of inputs that
        // differ from the base, the evaluators those inputs cannot reach.
        var bases: [Int: (values: [Double], outcomes: Engine.Outcomes)] = [:]
        var reachable: [[Int]: Set<String>] = [:]
        let isBase = Set(source.design.map { d in range.compactMap { d.base[$0] } } ?? [])
        for index in range {
            draw.values = source.values(index)
            if let design = source.design, index % design.groupSize == 0 { bases.removeAll(keepingCapacity: true) }
            var given = fixed
            if let b = source.design?.base[index], let base = bases[b] {
                let differing = source.slots.filter { draw.values[$0] != base.values[$0] }
                let same = reachable[differing] ?? MonteCarlo.constantEvaluators(plan, slots: differing)
                reachable[differing] = same
                for (id, result) in base.outcomes.results where same.contains(id) { given.results[id] = result }
                let known = Set(given.failures.map(\.evaluator))
                given.failures += base.outcomes.failures.filter { same.contains($0.evaluator) && !known.contains($0.evaluator) }
            }
            let (results, failed) = Engine.runSynchronously(plan, on: draw, given: given)
            if isBase.contains(index) { bases[index] = (draw.values, (results, failed)) }
            for f in failed { tally(&failures, f.evaluator, f.message) }
            layout.collect(results, into: &totals, yearly: &yearly)
            for k in totals.indices { values[k].append(totals[k]) }
            if let progress, (index - range.lowerBound) % 256 == 255 { progress(counter.add(256)) }
        }
        if let progress { progress(counter.add(range.count % 256)) }
        return Chunk(values: values, yearly: yearly, failures: failures)
    }
}

/// Values of the sampled inputs chosen by the caller, one row per draw: `rows[d][j]` is the value
/// of input `slots[j]` in draw d (a quasi-random design, say, instead of seeded streams).
public struct DrawDesign: Sendable {
    /// The inputs the design sets (slots of `Scenario.values`).
    public var slots: [Int]
    /// One row per draw, one value per slot.
    public var rows: [[Double]]
    /// Rows come in groups of this many, and `base` points only within a group.
    public var groupSize: Int
    /// For each row, an earlier row of its group it differs from in a few inputs, or nil: the
    /// run of that row takes the outcome of every evaluator those inputs cannot reach (see
    /// `MonteCarlo.constantEvaluators`) from the earlier row's run instead of running it again.
    /// (A Sobol' design's AB_i row differs from its A row in input i alone.)
    public var base: [Int?]

    /// Creates a design.
    public init(slots: [Int], rows: [[Double]], groupSize: Int = 1, base: [Int?]? = nil) {
        self.slots = slots
        self.rows = rows
        self.groupSize = max(1, groupSize)
        self.base = base ?? Array(repeating: nil, count: rows.count)
        precondition(self.base.count == rows.count, "a design's base names one row or none for each row")
    }
}

/// Where each draw's values come from: the design's row, or the seeded streams.
struct DrawSource: Sendable {
    let scenario: Scenario
    let slots: [Int]
    let keys: [UInt64]
    let seed: UInt64
    let design: DrawDesign?

    func values(_ index: Int) -> [Double] {
        guard let design else { return MonteCarlo.drawValues(scenario, slots: slots, keys: keys, seed: seed, index: index) }
        var values = scenario.values
        for (j, slot) in slots.enumerated() { values[slot] = design.rows[index][j] }
        return values
    }
}

/// Where each headline and each additive metric-year total goes in a draw's vector.
struct SeriesLayout: Sendable {
    var keys: [SeriesKey] = []
    var units: [Unit] = []
    /// For each evaluator in run order: its id and its headline indices by metric.
    var evaluators: [(id: String, headlines: [String: Int])] = []
    /// By metric key: the index of the metric's first year's series; `nil` for a metric that is
    /// not additive or not declared (rows of it are left out).
    var baseByKey: [Int?] = []
    let firstYear: Int
    let yearCount: Int

    init(plan: RunPlan, scenario: Scenario, headlinesOnly: Bool = false) {
        firstYear = scenario.horizon.lowerBound
        yearCount = scenario.horizon.count
        for item in plan.evaluators {
            let d = item.entry.descriptor
            var headlines: [String: Int] = [:]
            for h in d.headlines {
                headlines[h.id] = keys.count
                keys.append(SeriesKey(evaluator: d.id, metric: h.id, year: nil))
                units.append(h.unit)
            }
            evaluators.append((d.id, headlines))
        }
        for item in plan.evaluators where !headlinesOnly {
            let d = item.entry.descriptor
            for m in d.metrics where m.additive {
                let key = MetricKey(evaluator: d.id, metric: m.id).rawValue
                if baseByKey.count <= key { baseByKey += [Int?](repeating: nil, count: key + 1 - baseByKey.count) }
                baseByKey[key] = keys.count
                for year in scenario.horizon {
                    keys.append(SeriesKey(evaluator: d.id, metric: m.id, year: year))
                    units.append(m.unit)
                }
            }
        }
    }

    /// The series bases of `evaluator`'s additive metrics.
    private func bases(of evaluator: String) -> [Int] {
        var out: [Int] = []
        for (i, key) in keys.enumerated() where key.evaluator == evaluator && key.year == firstYear { out.append(i) }
        return out
    }

    /// Fills `totals` with one draw's headlines and additive totals by year (NaN for a failed evaluator).
    func collect(_ results: [String: EvaluationResult], into totals: inout [Double]) {
        var yearly = [Bool](repeating: false, count: totals.count)
        collect(results, into: &totals, yearly: &yearly)
    }

    /// The same, and sets `yearly[base]` for each additive metric (by the index of its first
    /// year's series) that has a row with a year in this draw.
    func collect(_ results: [String: EvaluationResult], into totals: inout [Double], yearly: inout [Bool]) {
        for k in totals.indices { totals[k] = 0 }
        // A headline an evaluator leaves out in a draw (a ratio with a zero denominator) is
        // missing in that draw, not zero: bands skip it.
        for e in evaluators { for i in e.headlines.values { totals[i] = .nan } }
        for e in evaluators {
            guard let result = results[e.id] else {
                for i in e.headlines.values { totals[i] = .nan }
                for base in bases(of: e.id) { for y in 0..<yearCount { totals[base + y] = .nan } }
                continue
            }
            for h in result.headlines { if let i = e.headlines[h.metric] { totals[i] = h.value } }
            // Each row's series is found by its metric key: an array index, no text compared.
            // (By index: the fields are read in place, the row is not copied.)
            let rows = result.rows
            for i in rows.indices {
                guard let year = rows[i].year else { continue }
                let key = rows[i].key.rawValue
                guard key < baseByKey.count, let base = baseByKey[key] else { continue }
                yearly[base] = true
                let offset = year - firstYear
                if offset >= 0 && offset < yearCount { totals[base + offset] += rows[i].value }
            }
        }
    }
}

/// A thread-safe count of draws done, for progress reports.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0

    func add(_ n: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        done += n
        return done
    }
}
