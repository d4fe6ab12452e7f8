/// Several designs run side by side on their headline metrics, with differences against the
/// first (the baseline design) and notes where designs ran on different assumptions.
public struct Comparison: Sendable {
    /// One design.
    public struct Design: Sendable {
        /// The scenario file.
        public var file: String
        /// Its title.
        public var title: String
        /// Its run.
        public var result: RunResult
        /// Its Monte Carlo run, when one was made.
        public var monteCarlo: MonteCarloResult?

        /// Creates a design.
        public init(file: String, title: String, result: RunResult, monteCarlo: MonteCarloResult?) {
            self.file = file
            self.title = title
            self.result = result
            self.monteCarlo = monteCarlo
        }
    }

    /// A headline across the designs.
    public struct Line: Sendable {
        /// The evaluator.
        public var evaluator: String
        /// The metric.
        public var metric: String
        /// The unit.
        public var unit: Unit
        /// True when higher is better, false when lower is, nil when neither.
        public var higherIsBetter: Bool?
        /// The value in each design (nil where the design has no such headline).
        public var values: [Double?]
        /// Each design's value minus the baseline's.
        public var differences: [Double?] {
            values.map { v in
                guard let v, let base = values.first ?? nil else { return nil }
                return v - base
            }
        }
        /// Each design's band, with Monte Carlo.
        public var bands: [Band?]
        /// With Monte Carlo: the band of each design's draw-by-draw difference from the baseline
        /// (the same draws for every design: common random numbers); nil for the baseline.
        public var differenceBands: [Band?]
        /// With Monte Carlo: the share of draws in which each design is better than the baseline;
        /// nil for the baseline and for a headline whose descriptor declares no better direction.
        public var beatsBaseline: [Double?]
        /// With Monte Carlo: the share of draws in which each design equals the baseline (nil for the baseline).
        public var tiesBaseline: [Double?]

        /// Creates a line.
        public init(
            evaluator: String, metric: String, unit: Unit, higherIsBetter: Bool?, values: [Double?], bands: [Band?],
            differenceBands: [Band?], beatsBaseline: [Double?], tiesBaseline: [Double?]
        ) {
            self.evaluator = evaluator
            self.metric = metric
            self.unit = unit
            self.higherIsBetter = higherIsBetter
            self.values = values
            self.bands = bands
            self.differenceBands = differenceBands
            self.beatsBaseline = beatsBaseline
            self.tiesBaseline = tiesBaseline
        }
    }

    /// The designs, baseline first.
    public var designs: [Design]
    /// The headline lines.
    public var lines: [Line]
    /// Where designs ran on different assumptions, which makes them incomparable.
    public var notes: [String]
    /// The designs (by index) that a note says are not comparable with the baseline.
    public var incomparable: Set<Int>

    /// Compares `designs`; `descriptors` tell which direction of each headline is better.
    public init(designs: [Design], descriptors: [EvaluatorDescriptor]) {
        self.designs = designs
        var keys: [(String, String, Unit)] = []
        for design in designs {
            for h in design.result.headlines where !keys.contains(where: { $0.0 == h.evaluator && $0.1 == h.metric }) {
                keys.append((h.evaluator, h.metric, h.unit))
            }
        }
        lines = keys.map { evaluator, metric, unit in
            let better = descriptors.first { $0.id == evaluator }?.headlines.first { $0.id == metric }?.higherIsBetter
            let values = designs.map { d in d.result.headlines.first { $0.evaluator == evaluator && $0.metric == metric }?.value }
            let key = SeriesKey(evaluator: evaluator, metric: metric, year: nil)
            let series = designs.map { d -> [Double]? in d.monteCarlo.flatMap { mc in mc.index(of: key).map { mc.values[$0] } } }
            let bands = series.map { $0.map(Band.init) }
            // Draw by draw against the baseline, where both have a number.
            let paired: [[(x: Double, base: Double)]?] = series.enumerated().map { i, s in
                guard i > 0, let s, let base = series.first ?? nil, s.count == base.count, !s.isEmpty else { return nil }
                let pairs = zip(s, base).filter { $0.isFinite && $1.isFinite }.map { (x: $0, base: $1) }
                return pairs.isEmpty ? nil : pairs
            }
            let share: ([(x: Double, base: Double)]?, (Double, Double) -> Bool) -> Double? = { pairs, test in
                pairs.map { p in Double(p.filter { test($0.x, $0.base) }.count) / Double(p.count) }
            }
            return Line(
                evaluator: evaluator, metric: metric, unit: unit, higherIsBetter: better, values: values, bands: bands,
                differenceBands: paired.map { p in p.map { Band($0.map { $0.x - $0.base }) } },
                // "Better" needs a direction: a headline whose descriptor declares none gets no share.
                beatsBaseline: better == nil ? paired.map { _ in nil } : paired.map { share($0) { better == false ? $0 < $1 : $0 > $1 } },
                tiesBaseline: paired.map { share($0) { $0 == $1 } })
        }
        let flagged = Comparison.assumptionNotes(designs)
        notes = flagged.map(\.note)
        incomparable = Set(flagged.map(\.design))
    }

    /// Notes for every evaluator that two designs ran with different versions or parameter values,
    /// with the index of the design each is about.
    static func assumptionNotes(_ designs: [Design]) -> [(design: Int, note: String)] {
        guard let base = designs.first else { return [] }
        var notes: [(design: Int, note: String)] = []
        for (index, design) in designs.enumerated().dropFirst() {
            for record in design.result.manifest.evaluators {
                guard let other = base.result.manifest.evaluators.first(where: { $0.id == record.id }) else { continue }
                if other.version != record.version {
                    notes.append(
                        (index, "'\(design.file)' ran '\(record.id)' version \(record.version), the baseline version \(other.version): not comparable"))
                }
                let names = Set(record.parameters.keys).union(other.parameters.keys).sorted()
                let differing = names.filter { record.parameters[$0] != other.parameters[$0] }
                if !differing.isEmpty {
                    let detail = differing.map { name in "\(name) \(describe(other.parameters[name])) vs \(describe(record.parameters[name]))" }.joined(
                        separator: ", ")
                    notes.append(
                        (
                            index,
                            "'\(design.file)' ran '\(record.id)' on different assumptions than the baseline '\(base.file)' (\(detail)): their results are not comparable"
                        ))
                }
            }
        }
        // Under uncertainty an assumption is also its range: a parameter of an evaluator drawn
        // from another distribution, or fixed in one design and drawn in the other, makes the
        // bands and shares of the two designs incomparable even with equal central values.
        if let baseDraws = base.monteCarlo {
            let baseRanges = parameterDistributions(baseDraws)
            for (index, design) in designs.enumerated().dropFirst() {
                guard let draws = design.monteCarlo else { continue }
                let ranges = parameterDistributions(draws)
                let differing = Set(ranges.keys).union(baseRanges.keys).sorted().filter { ranges[$0] != baseRanges[$0] }
                guard !differing.isEmpty else { continue }
                let detail = differing.map { "\($0) \(describe(baseRanges[$0])) vs \(describe(ranges[$0]))" }.joined(separator: ", ")
                notes.append(
                    (
                        index,
                        "'\(design.file)' draws evaluator parameters from ranges other than the baseline's ('\(base.file)': \(detail)): "
                            + "their bands and shares of draws are not comparable"
                    ))
            }
        }
        return notes
    }

    /// The distributions of a Monte Carlo run's sampled evaluator parameters, by path.
    static func parameterDistributions(_ run: MonteCarloResult) -> [String: Distribution] {
        var out: [String: Distribution] = [:]
        for (path, distribution) in zip(run.sampledInputs, run.distributions) where path.hasPrefix("evaluators.") { out[path] = distribution }
        return out
    }

    static func describe(_ distribution: Distribution?) -> String {
        switch distribution {
        case .uniform(let low, let high)?: "uniform [\(format(low)), \(format(high))]"
        case .triangular(let low, let mode, let high)?: "triangular [\(format(low)), \(format(mode)), \(format(high))]"
        case .normal(let mean, let sd, let low, let high)?: "normal (mean \(format(mean)), sd \(format(sd)), \(format(low))–\(format(high)))"
        case nil: "fixed"
        }
    }

    static func describe(_ value: ParameterValue?) -> String {
        switch value {
        case .number(let n)?: format(n)
        case .text(let t)?: t
        case nil: "unset"
        }
    }
}
