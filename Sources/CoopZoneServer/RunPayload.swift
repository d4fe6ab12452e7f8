/// The result of one run with lever values.
public struct RunPayload: Codable, Sendable {
    /// Scenario id.
    public var scenario: String
    /// The version of the file that was run.
    public var version: String
    /// Every lever's value used (after locks).
    public var values: [String: Double]
    /// Headline values by `evaluator.metric` (null when an evaluator left one out).
    public var headlines: [String: Double?]
    /// The horizon's years.
    public var years: [Int]
    /// Series values by chart id, then series key, one per year.
    public var charts: [String: [String: [Double?]]]
    /// The charts drawn, by chart id: SVG from the reports' chart code (`WorkshopCharts`);
    /// absent when the page asked for the numbers only (`_charts=0`, while a slider is dragged).
    public var svg: [String: String]?
    /// Evaluators that failed, with their messages.
    public var failures: [String]
    /// Milliseconds the server spent computing (0 when the result came from the cache).
    public var computeMs: Double
    /// Whether the result came from the cache.
    public var cached: Bool
}
