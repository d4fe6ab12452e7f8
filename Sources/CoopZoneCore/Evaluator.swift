import Foundation

/// An evaluator: one model of what a zone does (incentive costs, trade, jobs…). Built-in
/// and third-party evaluators plug in through this protocol alone and produce results in
/// the same shape.
///
/// ```swift
/// struct MyEvaluator: Evaluator {
///     struct Parameters: Decodable, Sendable { var elasticity: Double }
///     static let descriptor = EvaluatorDescriptor(id: "my_evaluator", ...)
///     let parameters: Parameters
///     init(parameters: Parameters) { self.parameters = parameters }
///     func evaluate(_ scenario: Scenario, context: EvaluationContext) throws -> EvaluationResult { ... }
/// }
/// ```
public protocol Evaluator: EvaluatorInstance {
    /// The evaluator's parameters, decoded from its descriptor's defaults overlaid with the
    /// scenario's overrides (every declared parameter is present when decoding). Conform it to
    /// `ParameterSet` to declare each parameter once, its default and its spec together.
    associatedtype Parameters: Decodable & Sendable
    /// What the evaluator is: id, version, dependencies, parameters, metrics.
    static var descriptor: EvaluatorDescriptor { get }
    /// Creates the evaluator with its parameters; throw to report an inconsistent combination.
    init(parameters: Parameters) throws
}

/// A configured evaluator, ready to run: what the runner calls.
public protocol EvaluatorInstance: Sendable {
    /// Evaluates `scenario`, given the results of the evaluators it depends on.
    func evaluate(_ scenario: Scenario, context: EvaluationContext) throws -> EvaluationResult
}

/// What an evaluator is, declared once and statically.
public struct EvaluatorDescriptor: Sendable, Codable {
    /// snake_case id used in scenarios (`staged_incentives`).
    public var id: String
    /// One line on what it computes.
    public var summary: String
    /// Semantic version of its method.
    public var version: String
    /// Ids of the evaluators whose results it reads.
    public var dependencies: [String]
    /// Its parameters.
    public var parameters: [ParameterSpec]
    /// The metrics it produces.
    public var metrics: [MetricSpec]
    /// Its headline metrics: the few numbers a comparison shows.
    public var headlines: [MetricSpec]
    /// Where its equations are documented (`Docs/methodology.md#staged-incentives`).
    public var documentation: String
    /// The charts it offers of its metrics (the HTML report's and the workshop's).
    public var charts: [ChartSpec]

    /// Creates a descriptor.
    public init(
        id: String, summary: String, version: String, dependencies: [String] = [],
        parameters: [ParameterSpec], metrics: [MetricSpec], headlines: [MetricSpec], documentation: String,
        charts: [ChartSpec] = []
    ) {
        self.id = id
        self.summary = summary
        self.version = version
        self.dependencies = dependencies
        self.parameters = parameters
        self.metrics = metrics
        self.headlines = headlines
        self.documentation = documentation
        self.charts = charts
    }

    /// A descriptor whose metrics and headlines are declared as handles (`Metric`). (Disfavoured so
    /// that `metrics: []` picks the init above.)
    @_disfavoredOverload
    public init(
        id: String, summary: String, version: String, dependencies: [String] = [],
        parameters: [ParameterSpec], metrics: [Metric], headlines: [Metric], documentation: String, charts: [ChartSpec] = []
    ) {
        self.init(
            id: id, summary: summary, version: version, dependencies: dependencies, parameters: parameters,
            metrics: metrics.map(\.spec), headlines: headlines.map(\.spec), documentation: documentation, charts: charts)
    }

    /// The parameter spec with the given name.
    public func parameter(_ name: String) -> ParameterSpec? { parameters.first { $0.name == name } }
    /// The metric (or headline) spec with the given id.
    public func metric(_ id: String) -> MetricSpec? { metrics.first { $0.id == id } ?? headlines.first { $0.id == id } }
}

/// One parameter of an evaluator: unit, default, allowed range, plausible range, citation.
public struct ParameterSpec: Sendable, Codable {
    /// The name used in the scenario (`semi_elasticity`).
    public var name: String
    /// What it means.
    public var summary: String
    /// Its unit.
    public var unit: Unit
    /// The default value.
    public var defaultValue: Double
    /// Values outside this range are an error.
    public var allowed: ClosedRange<Double>
    /// The plausible range: the bounds used for sensitivity when the scenario gives none.
    public var plausible: ClosedRange<Double>
    /// Where the default comes from.
    public var citation: String
    /// True when no source pins the default down.
    public var isAssumption: Bool

    /// Creates a parameter spec.
    public init(
        _ name: String, _ summary: String, unit: Unit, default defaultValue: Double,
        allowed: ClosedRange<Double>, plausible: ClosedRange<Double>? = nil,
        citation: String, assumption: Bool = false
    ) {
        self.name = name
        self.summary = summary
        self.unit = unit
        self.defaultValue = defaultValue
        self.allowed = allowed
        self.plausible = plausible ?? defaultValue...defaultValue
        self.citation = citation
        self.isAssumption = assumption
    }
}

/// The dimensions a result row may carry. The set is closed so every output is readable and
/// an outside evaluator's unknown dimension is caught.
///
/// Foundation has a class named `Dimension` too: in a file that imports Foundation, write
/// `CoopZoneCore.Dimension`, or the cases alone where the type is known (`dimensions: [.link]`).
public enum Dimension: String, Sendable, Codable, CaseIterable {
    /// A region id.
    case region
    /// A country code (the "side" of a zone).
    case country
    /// A sector id.
    case sector
    /// A stage id.
    case stage
    /// A link id.
    case link
    /// A policy instrument (`income_tax_holiday`, `property_tax`…).
    case instrument
    /// A flow direction (`export`, `import`).
    case direction
    /// A zone id.
    case zone
}

/// One metric an evaluator produces. Built-in evaluators declare it through a `Metric` handle.
public struct MetricSpec: Sendable, Codable {
    /// snake_case id (`tax_expenditure`).
    public var id: String
    /// Its unit.
    public var unit: Unit
    /// What it means.
    public var summary: String
    /// The dimensions its rows carry.
    public var dimensions: [Dimension]
    /// True when rows add up across dimensions (money, jobs), false for rates and indices.
    public var additive: Bool
    /// The equation behind it, as a Docs/ anchor (`Docs/methodology.md#tax-expenditure`).
    public var equation: String
    /// How it is shown: labels, which way is better, whether it is a workshop card.
    public var presentation: MetricPresentation

    /// For headlines: true when a higher value is better (used to say which design "beats" another).
    public var higherIsBetter: Bool? {
        get { presentation.better.map { $0 == .higher } }
        set { presentation.better = newValue.map { $0 ? .higher : .lower } }
    }

    /// Creates a metric spec.
    public init(
        _ id: String, unit: Unit, _ summary: String, dimensions: [Dimension] = [], additive: Bool = true,
        equation: String, higherIsBetter: Bool? = nil, presentation: MetricPresentation = MetricPresentation()
    ) {
        self.id = id
        self.unit = unit
        self.summary = summary
        self.dimensions = dimensions
        self.additive = additive
        self.equation = equation
        self.presentation = presentation
        if let higherIsBetter { self.higherIsBetter = higherIsBetter }
    }
}

/// A configured evaluator that can evaluate many draws in one call: what an outside program
/// does, so that a Monte Carlo run starts it once and sends it batches of draws rather than
/// one request per draw. The runner calls `evaluate(batch:)` for Monte Carlo blocks and the
/// plain `evaluate` for single runs.
public protocol BatchEvaluatorInstance: EvaluatorInstance {
    /// Evaluates each scenario with its context; one result per item, in order. A failure of one
    /// draw is that draw's failure; a failure of the whole call is every draw's.
    func evaluate(batch items: [(scenario: Scenario, context: EvaluationContext)]) -> [Result<EvaluationResult, EvaluatorFailure>]
}
