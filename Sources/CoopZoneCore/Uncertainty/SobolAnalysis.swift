import Foundation
import Synchronization

/// A Sobol' index with its bootstrap confidence interval.
public struct SobolEstimate: Sendable, Hashable, Codable {
    /// The estimate from every sample.
    public var value: Double
    /// The lower end of the interval (percentile bootstrap).
    public var low: Double
    /// The upper end.
    public var high: Double

    /// Creates an estimate.
    public init(value: Double, low: Double, high: Double) {
        self.value = value
        self.low = low
        self.high = high
    }

    /// Whether `x` lies in the interval.
    public func covers(_ x: Double) -> Bool { low <= x && x <= high }
}

/// The Sobol' indices of one headline.
public struct SobolHeadline: Sendable {
    /// Evaluator id.
    public var evaluator: String
    /// Headline metric id.
    public var metric: String
    /// Its unit.
    public var unit: Unit
    /// Mean of the headline over the A and B samples.
    public var mean: Double
    /// Its variance over the A and B samples (population variance): what the indices divide.
    public var variance: Double
    /// The base samples used: those in which every run gave the headline (an evaluator that
    /// failed, or a ratio left out, leaves its sample out).
    public var samplesUsed: Int
    /// First-order index S1 of each input, by index of `SobolResult.inputs`: the share of the
    /// variance the input explains alone.
    public var first: [SobolEstimate]
    /// Total-order index ST of each input: the share it explains with all its interactions.
    public var total: [SobolEstimate]
    /// The sum of the first-order indices: 1 for an additive model, less by the share of the
    /// variance that comes from interactions.
    public var firstSum: SobolEstimate

    /// Whether fewer than `SobolAnalysis.minimumSamplesUsed` samples gave the headline in every
    /// run (an evaluator failed or left it out): too few to tell whether it varies.
    public var tooFewSamples: Bool { samplesUsed < SobolAnalysis.minimumSamplesUsed }

    /// Whether the headline varies at all: when it does not (or too few samples gave it), there
    /// are no indices (they are NaN).
    public var varies: Bool { !tooFewSamples && variance > 0 }
}

/// What `SobolAnalysis.run` found.
public struct SobolResult: Sendable {
    /// The uncertain inputs (paths), in the scenario's order.
    public var inputs: [String]
    /// Their distributions.
    public var distributions: [Distribution]
    /// The base sample size N.
    public var samples: Int
    /// The seed of the scrambling and of the bootstrap.
    public var seed: UInt64
    /// Bootstrap resamples behind each interval.
    public var resamples: Int
    /// The intervals' confidence level.
    public var confidence: Double
    /// Per headline, in run order.
    public var headlines: [SobolHeadline]
    /// Runs in which an evaluator failed, with the first message.
    public var failures: [String: (count: Int, message: String)]
    /// The run on central values.
    public var centralRun: RunResult?

    /// The model runs the design took: N·(k + 2), none without uncertain inputs.
    public var runs: Int { inputs.isEmpty ? 0 : samples * (inputs.count + 2) }
}

/// Variance-based sensitivity (Sobol' indices) by Saltelli's design: two N × k matrices A and B
/// from a 2k-dimensional scrambled Sobol' sequence (A the first k coordinates of each point, B
/// the last k), mapped to the inputs' distributions by their quantile functions, and for each
/// input i the matrix AB_i (A with column i from B): N·(k + 2) runs, of which an AB_i run
/// recomputes only the evaluators input i reaches. With f the headline and V its variance over
/// A and B,
///
/// - S1_i = mean(f(B)·(f(AB_i) − f(A))) / V (Saltelli et al. 2010, table 2 (b)), with f(B)
///   centred on the mean (which leaves the expectation unchanged and cuts the noise when the
///   mean is large beside the spread);
/// - ST_i = mean((f(A) − f(AB_i))²) / (2V) (Jansen 1999; Saltelli et al. 2010, table 2 (f));
///
/// the same estimators SALib's `sobol.analyze` uses. Intervals: percentile bootstrap over the N
/// samples (each resample takes whole rows A, B, AB_1 … AB_k together).
public enum SobolAnalysis {
    /// Bootstrap resamples behind each interval.
    public static let resamples = 1000
    /// The intervals' confidence level.
    public static let confidence = 0.95
    /// The default base sample size.
    public static let defaultSamples = 1024
    /// The fewest samples an index is computed from.
    public static let minimumSamplesUsed = 8

    /// The largest base sample size.
    public static let maxSamples = 1 << 20

    /// What is wrong with `samples` as the base sample size of a design over `inputs` inputs
    /// with `headlines` headlines, or nil when nothing is.
    public static func samplesProblem(_ samples: Int, inputs: Int, headlines: Int = 0) -> String? {
        if samples > maxSamples {
            return "--samples needs a power of two from 16 to 1048576, got \(samples): "
                + "more samples narrow the intervals little (they shrink like 1/√N); 8192 already gives intervals about ±0.01–0.03 wide"
        }
        if samples < 16 || samples & (samples - 1) != 0 {
            let lower = samples < 16 ? 16 : 1 << (Int.bitWidth - 1 - samples.leadingZeroBitCount)
            let hint = samples < 16 ? "" : " (try \(lower) or \(lower * 2))"
            return "--samples needs a power of two from 16 to 1048576, got \(samples)\(hint): "
                + "Sobol' points are evenly spread only in blocks of a power of two"
        }
        if 2 * inputs > SobolSequence.maxDimensions {
            return "the scenario has \(inputs) uncertain inputs; a Sobol' design takes at most \(SobolSequence.maxDimensions / 2) "
                + "(two coordinates each, \(SobolSequence.maxDimensions) dimensions of direction numbers): fix some of them (drop their distribution) "
                + "or use --method oat"
        }
        // What the run keeps: the design (k numbers a run) and every headline of every run.
        let bytes = Double(samples) * Double(inputs + 2) * Double(inputs + headlines) * 8
        if inputs > 0, bytes > Double(MonteCarlo.keptMemoryLimit) {
            var fit = samples
            while fit > 16, Double(fit) * Double(inputs + 2) * Double(inputs + headlines) * 8 > Double(MonteCarlo.keptMemoryLimit) { fit /= 2 }
            return "--samples \(samples) would keep \(samples * (inputs + 2)) runs of \(inputs) inputs and \(headlines) headlines "
                + String(format: "(%.1f GB), more than the %.1f GB a run may use: ", bytes / 1e9, Double(MonteCarlo.keptMemoryLimit) / 1e9)
                + "at most --samples \(fit) fits"
        }
        return nil
    }

    /// The design's rows, each with one value per input, in groups of k + 2 per sample r:
    /// A_r, B_r, AB_1,r … AB_k,r (SALib's `saltelli.sample` groups them too, with B_r last). A_r is point r of the Sobol' sequence in
    /// 2k dimensions, scrambled with `seed`, its first k coordinates through the inputs'
    /// quantile functions; B_r its last k; AB_i,r is A_r with input i from B_r.
    public static func design(_ distributions: [Distribution], samples: Int, seed: UInt64) -> [[Double]] {
        let k = distributions.count
        guard k > 0 else { return [] }
        var rows: [[Double]] = []
        rows.reserveCapacity(samples * (k + 2))
        for p in SobolSequence(dimensions: 2 * k).points(samples, seed: seed) {
            let a = (0..<k).map { distributions[$0].quantile(p[$0]) }
            let b = (0..<k).map { distributions[$0].quantile(p[k + $0]) }
            rows += [a, b]
            for i in 0..<k {
                var row = a
                row[i] = b[i]
                rows.append(row)
            }
        }
        return rows
    }

    /// The design as Monte Carlo runs it: each AB_i row's base is its A row, so its run takes
    /// the outcome of every evaluator input i cannot reach from the A run.
    public static func drawDesign(slots: [Int], rows: [[Double]]) -> DrawDesign {
        let group = slots.count + 2
        return DrawDesign(slots: slots, rows: rows, groupSize: group, base: rows.indices.map { $0 % group >= 2 ? $0 - $0 % group : nil })
    }

    /// One headline's runs, split by block: `a[r]`, `b[r]`, `ab[i][r]`.
    public struct Outputs: Sendable {
        /// f(A), by sample.
        public var a: [Double]
        /// f(B).
        public var b: [Double]
        /// f(AB_i), by input then sample.
        public var ab: [[Double]]

        /// Splits a series of N·(k + 2) values in the design's row order.
        public init(series: [Double], samples n: Int, inputs k: Int) {
            let g = k + 2
            a = (0..<n).map { series[$0 * g] }
            b = (0..<n).map { series[$0 * g + 1] }
            ab = (0..<k).map { i in (0..<n).map { series[$0 * g + 2 + i] } }
        }

        /// The samples in which every run gave a finite value.
        var usable: [Int] {
            a.indices.filter { r in a[r].isFinite && b[r].isFinite && ab.allSatisfy { $0[r].isFinite } }
        }

        /// Mean, variance, S1 and ST over the samples `rows` (repeats allowed: a bootstrap resample).
        func estimate(_ rows: [Int]) -> (mean: Double, variance: Double, first: [Double], total: [Double]) {
            let n = Double(rows.count)
            var sum = 0.0
            for r in rows { sum += a[r] + b[r] }
            let mean = sum / (2 * n)
            var squares = 0.0
            for r in rows {
                let da = a[r] - mean, db = b[r] - mean
                squares += da * da + db * db
            }
            let variance = squares / (2 * n)
            var first = [Double](repeating: 0, count: ab.count), total = first
            for i in ab.indices {
                var s1 = 0.0, st = 0.0
                let column = ab[i]
                for r in rows {
                    let d = column[r] - a[r]
                    s1 += (b[r] - mean) * d
                    st += d * d
                }
                first[i] = s1 / n / variance
                total[i] = st / (2 * n) / variance
            }
            return (mean, variance, first, total)
        }
    }

    /// The indices of one headline with bootstrap intervals (`resamples` resamples drawn with
    /// `seed`; the same resamples for every headline with the same usable samples).
    public static func analyse(
        _ outputs: Outputs, evaluator: String, metric: String, unit: Unit, seed: UInt64, resamples: Int = resamples
    ) -> SobolHeadline {
        let k = outputs.ab.count
        let used = outputs.usable
        let nan = SobolEstimate(value: .nan, low: .nan, high: .nan)
        var headline = SobolHeadline(
            evaluator: evaluator, metric: metric, unit: unit, mean: .nan, variance: .nan, samplesUsed: used.count,
            first: Array(repeating: nan, count: k), total: Array(repeating: nan, count: k), firstSum: nan)
        guard !headline.tooFewSamples else { return headline }
        let point = outputs.estimate(used)
        headline.mean = point.mean
        // Below rounding noise of the mean, the headline does not vary.
        headline.variance = point.variance > 1e-24 * max(1, point.mean * point.mean) ? point.variance : 0
        guard headline.varies else { return headline }
        // Each resample's S1 (k), ST (k) and ΣS1 (1), computed on every core.
        let width = 2 * k + 1
        let draws = Mutex([[Double]](repeating: [], count: resamples))
        let chunks = min(resamples, ProcessInfo.processInfo.activeProcessorCount * 4)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            var mine: [(Int, [Double])] = []
            for r in stride(from: c, to: resamples, by: chunks) {
                var random = SeededRandom(seed: seed ^ 0xB007_57A9_0000_0000, stream: r)
                let rows = used.indices.map { _ in used[Int(random.next() % UInt64(used.count))] }
                let e = outputs.estimate(rows)
                mine.append((r, e.first + e.total + [e.first.reduce(0, +)]))
            }
            draws.withLock { all in for (r, values) in mine { all[r] = values } }
        }
        let all = draws.withLock { $0 }
        let tail = (1 - confidence) / 2
        let intervals = (0..<width).map { j -> (Double, Double) in
            let sorted = all.map { $0[j] }.filter(\.isFinite).sorted()
            return (quantile(sorted, tail), quantile(sorted, 1 - tail))
        }
        headline.first = (0..<k).map { SobolEstimate(value: point.first[$0], low: intervals[$0].0, high: intervals[$0].1) }
        headline.total = (0..<k).map { SobolEstimate(value: point.total[$0], low: intervals[k + $0].0, high: intervals[k + $0].1) }
        headline.firstSum = SobolEstimate(value: point.first.reduce(0, +), low: intervals[2 * k].0, high: intervals[2 * k].1)
        return headline
    }

    /// The p-quantile of sorted values (linear between order statistics, Hyndman–Fan type 7).
    static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let h = Double(sorted.count - 1) * p
        let lo = Int(h.rounded(.down)), hi = min(sorted.count - 1, lo + 1)
        return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
    }

    /// Runs the design on `plan` (every headline, on `workers` threads) and computes the indices
    /// of every headline. `samplesProblem` must be nil for `samples`.
    public static func run(
        _ plan: RunPlan, on scenario: Scenario, samples: Int, seed: UInt64, workers: Int = ProcessInfo.processInfo.activeProcessorCount,
        progress: (@Sendable (Int) -> Void)? = nil
    ) async -> SobolResult {
        let slots = MonteCarlo.uncertainSlots(scenario)
        let distributions = slots.compactMap { scenario.inputs[$0].distribution }
        let rows = design(distributions, samples: samples, seed: seed)
        let runs = await MonteCarlo.run(
            plan, on: scenario, draws: rows.count, seed: seed, workers: workers, design: drawDesign(slots: slots, rows: rows), headlinesOnly: true,
            progress: progress)
        let headlines =
            slots.isEmpty
            ? []
            : runs.keys.indices.map { s in
                analyse(
                    Outputs(series: runs.values[s], samples: samples, inputs: slots.count), evaluator: runs.keys[s].evaluator, metric: runs.keys[s].metric,
                    unit: runs.units[s], seed: seed)
            }
        return SobolResult(
            inputs: slots.map { scenario.inputs[$0].path }, distributions: distributions, samples: samples, seed: seed, resamples: resamples,
            confidence: confidence, headlines: headlines, failures: runs.failures, centralRun: runs.centralRun)
    }
}
