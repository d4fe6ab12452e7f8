import Foundation

/// The dimension values of a result row; `nil` where the row does not vary along it.
///
/// A value type with its eight strings in one shared, immutable box: copying it (and a row
/// carrying it) retains one object instead of eight strings, which is what makes writing and
/// freeing the two thousand rows of a Monte Carlo draw cheap. An evaluator that builds the
/// dimensions of a series once and writes a row per year shares one box across those rows.
/// `Dimensions()` (no dimension) allocates nothing.
public struct Dimensions: Sendable, Hashable, Codable, CustomReflectable {
    /// The eight values, as they are encoded.
    private struct Values: Sendable, Hashable, Codable {
        var region: String?
        var country: String?
        var sector: String?
        var stage: String?
        var link: String?
        var instrument: String?
        var direction: String?
        var zone: String?
    }

    private final class Box: Sendable {
        let values: Values
        init(_ values: Values) { self.values = values }
    }

    /// `nil` when every dimension is `nil`.
    private var box: Box?

    private var values: Values {
        get { box?.values ?? Values() }
        set { box = newValue == Values() ? nil : Box(newValue) }
    }

    /// Region id.
    public var region: String? {
        get { box?.values.region }
        set { values.region = newValue }
    }
    /// Country code.
    public var country: String? {
        get { box?.values.country }
        set { values.country = newValue }
    }
    /// Sector id.
    public var sector: String? {
        get { box?.values.sector }
        set { values.sector = newValue }
    }
    /// Stage id.
    public var stage: String? {
        get { box?.values.stage }
        set { values.stage = newValue }
    }
    /// Link id.
    public var link: String? {
        get { box?.values.link }
        set { values.link = newValue }
    }
    /// Instrument.
    public var instrument: String? {
        get { box?.values.instrument }
        set { values.instrument = newValue }
    }
    /// Flow direction.
    public var direction: String? {
        get { box?.values.direction }
        set { values.direction = newValue }
    }
    /// Zone id.
    public var zone: String? {
        get { box?.values.zone }
        set { values.zone = newValue }
    }

    /// Creates dimension values.
    public init(
        region: String? = nil, country: String? = nil, sector: String? = nil, stage: String? = nil,
        link: String? = nil, instrument: String? = nil, direction: String? = nil, zone: String? = nil
    ) {
        if region == nil && country == nil && sector == nil && stage == nil && link == nil && instrument == nil && direction == nil && zone == nil {
            box = nil
        } else {
            box = Box(
                Values(
                    region: region, country: country, sector: sector, stage: stage, link: link, instrument: instrument,
                    direction: direction, zone: zone))
        }
    }

    /// The value along one dimension.
    public subscript(dimension: Dimension) -> String? {
        get {
            switch dimension {
            case .region: region
            case .country: country
            case .sector: sector
            case .stage: stage
            case .link: link
            case .instrument: instrument
            case .direction: direction
            case .zone: zone
            }
        }
        set {
            switch dimension {
            case .region: region = newValue
            case .country: country = newValue
            case .sector: sector = newValue
            case .stage: stage = newValue
            case .link: link = newValue
            case .instrument: instrument = newValue
            case .direction: direction = newValue
            case .zone: zone = newValue
            }
        }
    }

    /// True when `other` is this very value (a copy of it, not just equal values): a test
    /// without comparing text, for code that looks rows up by their dimensions. False does not
    /// mean the values differ.
    public func isIdentical(to other: Dimensions) -> Bool { box === other.box }

    /// True when every dimension has the same value (or none) in `a` and `b`; values that share
    /// their box are equal without comparing text.
    public static func == (a: Dimensions, b: Dimensions) -> Bool {
        a.box === b.box || a.values == b.values
    }

    /// Hashes the eight values, so that equal dimensions hash alike whether or not they share a box.
    public func hash(into hasher: inout Hasher) { values.hash(into: &hasher) }

    /// Decodes the values from an object keyed by dimension (`{"region": "osh"}`); a missing or
    /// null key is no value along that dimension.
    public init(from decoder: any Decoder) throws {
        let values = try Values(from: decoder)
        box = values == Values() ? nil : Box(values)
    }

    /// Encodes the values as an object keyed by dimension, leaving out the dimensions without a value.
    public func encode(to encoder: any Encoder) throws { try values.encode(to: encoder) }

    /// The eight values, so that printing and `dump` show them (not the box).
    public var customMirror: Mirror {
        let values: KeyValuePairs<String, Any> = [
            "region": region as Any, "country": country as Any, "sector": sector as Any,
            "stage": stage as Any, "link": link as Any, "instrument": instrument as Any,
            "direction": direction as Any, "zone": zone as Any,
        ]
        return Mirror(self, children: values, displayStyle: .struct)
    }
}

/// One row of the tidy results table: an evaluator's metric in one year, for one combination
/// of dimension values.
public struct ResultRow: Sendable, Hashable, Codable {
    /// The evaluator id.
    public var evaluator: String { didSet { key = MetricKey(evaluator: evaluator, metric: metric) } }
    /// The metric id.
    public var metric: String { didSet { key = MetricKey(evaluator: evaluator, metric: metric) } }
    /// The key of (evaluator, metric): what code that sorts rows by metric compares.
    public private(set) var key: MetricKey
    /// The unit.
    public var unit: Unit
    /// The calendar year, or `nil` for a value over the whole horizon (a present value).
    public var year: Int?
    /// The dimension values.
    public var dimensions: Dimensions
    /// The value.
    public var value: Double

    /// Creates a row.
    public init(evaluator: String, metric: String, unit: Unit, year: Int?, dimensions: Dimensions = Dimensions(), value: Double) {
        self.init(MetricRef(evaluator, metric), unit: unit, year: year, dimensions: dimensions, value: value)
    }

    /// Creates a row of a metric whose key is known (no lookup).
    public init(_ metric: MetricRef, unit: Unit, year: Int?, dimensions: Dimensions, value: Double) {
        evaluator = metric.evaluator
        self.metric = metric.metric
        key = metric.key
        self.unit = unit
        self.year = year
        self.dimensions = dimensions
        self.value = value
    }

    private enum CodingKeys: String, CodingKey {
        case evaluator, metric, unit, year, dimensions, value
    }

    /// Decodes a row as the results format writes it: `evaluator`, `metric`, `unit`, `year`
    /// (absent for a value over the whole horizon), `dimensions` and `value`; the key is made anew.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            evaluator: try c.decode(String.self, forKey: .evaluator), metric: try c.decode(String.self, forKey: .metric),
            unit: try c.decode(Unit.self, forKey: .unit), year: try c.decodeIfPresent(Int.self, forKey: .year),
            dimensions: try c.decode(Dimensions.self, forKey: .dimensions), value: try c.decode(Double.self, forKey: .value))
    }

    /// Encodes the row as the results format has it: every field but the key, which is this
    /// process's alone; `year` is left out for a value over the whole horizon.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(evaluator, forKey: .evaluator)
        try c.encode(metric, forKey: .metric)
        try c.encode(unit, forKey: .unit)
        try c.encodeIfPresent(year, forKey: .year)
        try c.encode(dimensions, forKey: .dimensions)
        try c.encode(value, forKey: .value)
    }
}

/// A statement an evaluator makes about the scenario: a data warning, a recommendation…
public struct Finding: Sendable, Hashable, Codable {
    /// How to read it.
    public enum Kind: String, Sendable, Codable {
        /// Something in the data or the results looks wrong.
        case warning
        /// Advice on the design.
        case recommendation
        /// Information (e.g. the resolved stage timeline).
        case info
    }

    /// The evaluator id.
    public var evaluator: String
    /// How to read it.
    public var kind: Kind
    /// The statement.
    public var message: String
    /// Where in the scenario it points, if anywhere.
    public var location: SourceLocation?
    /// The statement as message-catalogue texts, when the evaluator wrote it that way: `message`
    /// is these parts in English, one after the other; `text(in:)` gives them in another language.
    public var parts: [MessagePart]?

    /// Creates a finding.
    public init(evaluator: String, kind: Kind, message: String, location: SourceLocation? = nil, parts: [MessagePart]? = nil) {
        self.evaluator = evaluator
        self.kind = kind
        self.message = message
        self.location = location
        self.parts = parts
    }

    /// The statement in `language`: its parts from that language's catalogue when it has them
    /// all, else the English message.
    public func text(in language: Language) -> String {
        guard language != .en, let parts, parts.allSatisfy({ Messages(language).ownText($0.key) != nil }) else { return message }
        return parts.map { Messages(language)($0.key, $0.arguments) }.joined()
    }
}

/// A catalogue text with its arguments (`finding.stage_runs` with `stage`, `zone`).
public struct MessagePart: Sendable, Hashable, Codable {
    /// The catalogue key.
    public var key: String
    /// The values of its `{name}` placeholders.
    public var arguments: [String: String]

    /// A part.
    public init(_ key: String, _ arguments: [String: String] = [:]) {
        self.key = key
        self.arguments = arguments
    }
}

/// A headline number: one of the few an evaluator offers for comparisons.
public struct Headline: Sendable, Hashable, Codable {
    /// The evaluator id.
    public var evaluator: String
    /// The metric id.
    public var metric: String
    /// The unit.
    public var unit: Unit
    /// The value.
    public var value: Double

    /// Creates a headline.
    public init(evaluator: String, metric: String, unit: Unit, value: Double) {
        self.evaluator = evaluator
        self.metric = metric
        self.unit = unit
        self.value = value
    }
}

/// What one evaluator returns.
public struct EvaluationResult: Sendable {
    /// Its rows.
    public var rows: [ResultRow]
    /// Its findings.
    public var findings: [Finding]
    /// Its headline numbers.
    public var headlines: [Headline]

    /// Creates a result.
    public init(rows: [ResultRow] = [], findings: [Finding] = [], headlines: [Headline] = []) {
        self.rows = rows
        self.findings = findings
        self.headlines = headlines
    }
}

/// A builder for an evaluator's result that fills in the evaluator id and each metric's unit
/// from the descriptor, so an evaluator cannot emit a metric it did not declare. Rows are
/// written faster through a `RowWriter`; this is the simple way, by metric id.
public struct ResultBuilder: Sendable {
    /// The evaluator's descriptor.
    public let descriptor: EvaluatorDescriptor
    /// The result built so far.
    public private(set) var result = EvaluationResult()
    /// Declared metrics and headlines with their units and keys, in declaration order.
    private let declared: [(ref: MetricRef, unit: Unit)]

    /// Starts a result for the evaluator described by `descriptor`.
    public init(_ descriptor: EvaluatorDescriptor) {
        self.descriptor = descriptor
        declared = (descriptor.metrics + descriptor.headlines).map { (MetricRef(descriptor.id, $0.id), $0.unit) }
    }

    private func lookUp(_ metric: String) throws -> (ref: MetricRef, unit: Unit) {
        guard let hit = declared.first(where: { $0.ref.metric == metric }) else {
            throw EvaluatorError.undeclaredMetric(evaluator: descriptor.id, metric: metric)
        }
        return hit
    }

    /// Adds a row of a declared metric. An undeclared metric is a programming error in the
    /// evaluator and is reported as its failure, not a crash.
    public mutating func add(_ metric: String, year: Int?, _ dimensions: Dimensions = Dimensions(), _ value: Double) throws {
        let (ref, unit) = try lookUp(metric)
        result.rows.append(ResultRow(ref, unit: unit, year: year, dimensions: dimensions, value: value))
    }

    /// Adds a headline of a declared headline metric.
    public mutating func headline(_ metric: String, _ value: Double) throws {
        let (ref, unit) = try lookUp(metric)
        result.headlines.append(Headline(evaluator: descriptor.id, metric: ref.metric, unit: unit, value: value))
    }

    /// Adds a headline through its handle.
    public mutating func headline(_ metric: Metric, _ value: Double) throws {
        guard declared.contains(where: { $0.ref.key == metric.key }) else {
            throw EvaluatorError.undeclaredMetric(evaluator: descriptor.id, metric: metric.id)
        }
        result.headlines.append(Headline(evaluator: descriptor.id, metric: metric.id, unit: metric.spec.unit, value: value))
    }

    /// Adds a finding. The message is only built when findings are kept: Monte Carlo draws,
    /// which keep numbers only, skip it (see `FindingsSwitch`).
    public mutating func finding(_ kind: Finding.Kind, _ message: @autoclosure () -> String, at location: SourceLocation? = nil) {
        guard FindingsSwitch.enabled else { return }
        result.findings.append(Finding(evaluator: descriptor.id, kind: kind, message: message(), location: location))
    }

    /// Records a finding written as message-catalogue texts, so reports can give it in their
    /// language; its `message` is the parts in English.
    public mutating func finding(_ kind: Finding.Kind, parts: @autoclosure () -> [MessagePart], at location: SourceLocation? = nil) {
        guard FindingsSwitch.enabled else { return }
        let parts = parts()
        let english = parts.map { Messages(.en)($0.key, $0.arguments) }.joined()
        result.findings.append(Finding(evaluator: descriptor.id, kind: kind, message: english, location: location, parts: parts))
    }

    /// Reserves room for `count` more rows.
    public mutating func reserve(_ count: Int) { result.rows.reserveCapacity(result.rows.count + count) }
}

/// Errors an evaluator or the runner reports.
public enum EvaluatorError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The evaluator wrote a metric it did not declare.
    case undeclaredMetric(evaluator: String, metric: String)
    /// The evaluator cannot work with this scenario (missing data, inconsistent inputs).
    case unusableScenario(String)
    /// A dependency failed, so this evaluator could not run.
    case dependencyFailed(evaluator: String, dependency: String)

    /// A readable description.
    public var description: String {
        switch self {
        case .undeclaredMetric(let evaluator, let metric): "evaluator '\(evaluator)' wrote metric '\(metric)', which its descriptor does not declare"
        case .unusableScenario(let message): message
        case .dependencyFailed(let evaluator, let dependency): "'\(evaluator)' did not run because '\(dependency)', which it depends on, failed"
        }
    }
}

/// What an evaluator sees of the run besides the scenario: its dependencies' results.
public struct EvaluationContext: Sendable {
    /// Results of the evaluators this one depends on, by id.
    public var results: [String: EvaluationResult]

    /// Creates a context.
    public init(results: [String: EvaluationResult]) { self.results = results }

    /// The rows of a dependency's metric, read in place (no copy of the rows), matched by key.
    public func rows(_ metric: MetricRef) -> LazyFilterSequence<[ResultRow]> {
        let key = metric.key
        return (results[metric.evaluator]?.rows ?? []).lazy.filter { $0.key == key }
    }

    /// The rows of `metric` from the dependency `evaluator`. Code that runs once per draw should
    /// keep a `MetricRef` (a `static let`) and use `rows(_:)` with it.
    public func rows(_ evaluator: String, _ metric: String) -> LazyFilterSequence<[ResultRow]> {
        rows(MetricRef(evaluator, metric))
    }

    /// The value of a headline of the dependency `evaluator`.
    public func headline(_ evaluator: String, _ metric: String) -> Double? {
        results[evaluator]?.headlines.first { $0.metric == metric }?.value
    }
}

/// Whether evaluators' findings are built in the current task. Monte Carlo workers turn them off:
/// a draw keeps only numbers, and formatting messages thousands of times is wasted work.
public enum FindingsSwitch {
    /// True unless a Monte Carlo worker has turned findings off for its task.
    @TaskLocal public static var enabled = true
}
