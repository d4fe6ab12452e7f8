import CoopZoneCore
import Foundation

/// A headline metric the page can show and rank by.
public struct HeadlineInfo: Codable, Sendable, Equatable {
    /// `evaluator.metric`.
    public var key: String
    /// Evaluator id.
    public var evaluator: String
    /// Metric id.
    public var metric: String
    /// A short label.
    public var label: String
    /// The evaluator's description of the metric.
    public var summary: String
    /// Unit id.
    public var unit: String
    /// Unit as shown (`USD m`).
    public var unitSymbol: String
    /// True when more is better, false when less is, nil when neither.
    public var higherIsBetter: Bool?
    /// Shown as a card at the top of the page.
    public var featured: Bool
}

/// A chart: one or more series over the horizon's years.
public struct ChartInfo: Codable, Sendable, Equatable {
    /// Identifier.
    public var id: String
    /// Title.
    public var title: String
    /// Unit as shown.
    public var unitSymbol: String
    /// The series, each an additive metric summed over its dimensions.
    public var series: [SeriesInfo]
}

/// One series of a chart.
public struct SeriesInfo: Codable, Sendable, Equatable {
    /// `evaluator.metric`.
    public var key: String
    /// Legend label.
    public var label: String
}
