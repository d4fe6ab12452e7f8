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
        /// With Monte Carlo: the share of draws in which each design is better than the baseline
        /// (greater, when the metric has no better direction).
        public var beatsBaseline: [Double?]
    }

    /// The designs, baseline first.
    public var designs: [Design]
    /// The headline lines.
    public var lines: [Line]
    /// Where designs ran on different assumptions, which makes them incomparable.
    public var notes: [String]

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
            let beats: [Double?] = series.map { s in
                guard let s, let base = series.first ?? nil, s.count == base.count, !s.isEmpty else { return nil }
                var wins = 0, counted = 0
                for (x, b) in zip(s, base) where x.isFinite && b.isFinite {
                    counted += 1
                    if better == false ? x < b : x > b { wins += 1 }
                }
                return counted == 0 ? nil : Double(wins) / Double(counted)
            }
            return Line(evaluator: evaluator, metric: metric, unit: unit, higherIsBetter: better, values: values, bands: bands, beatsBaseline: beats)
        }
        notes = Comparison.assumptionNotes(designs)
    }

    /// Notes for every evaluator that two designs ran with different versions or parameter values.
    static func assumptionNotes(_ designs: [Design]) -> [String] {
        guard let base = designs.first else { return [] }
        var notes: [String] = []
        for design in designs.dropFirst() {
            for record in design.result.manifest.evaluators {
                guard let other = base.result.manifest.evaluators.first(where: { $0.id == record.id }) else { continue }
                if other.version != record.version {
                    notes.append("'\(design.file)' ran '\(record.id)' version \(record.version), the baseline version \(other.version): not comparable")
                }
                let names = Set(record.parameters.keys).union(other.parameters.keys).sorted()
                let differing = names.filter { record.parameters[$0] != other.parameters[$0] }
                if !differing.isEmpty {
                    let detail = differing.map { name in "\(name) \(describe(other.parameters[name])) vs \(describe(record.parameters[name]))" }.joined(separator: ", ")
                    notes.append("'\(design.file)' ran '\(record.id)' on different assumptions than the baseline '\(base.file)' (\(detail)): their results are not comparable")
                }
            }
        }
        return notes
    }

    static func describe(_ value: ParameterValue?) -> String {
        switch value {
        case .number(let n)?: format(n)
        case .text(let t)?: t
        case nil: "unset"
        }
    }
}
