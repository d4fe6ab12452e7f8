import CoopZoneCore
import Foundation

/// A scenario as the list page shows it.
public struct ScenarioSummary: Codable, Sendable, Equatable {
    /// The id used in URLs.
    public var id: String
    /// The file, relative to the workshop folder.
    public var file: String
    /// The title, or the file name when the file has errors.
    public var title: String
    /// Whether the scenario loads and plans without errors.
    public var ok: Bool
    /// The number of levers.
    public var levers: Int
    /// The number of saved variants.
    public var variants: Int
}

/// A diagnostic as the page shows it.
public struct DiagnosticInfo: Codable, Sendable, Equatable {
    /// `error`, `warning` or `note`.
    public var severity: String
    /// The message.
    public var message: String
    /// `file:line:column`, relative to the workshop folder when inside it.
    public var location: String?
    /// What to do.
    public var hint: String?

    init(_ diagnostic: Diagnostic, directory: String) {
        severity = diagnostic.severity.rawValue
        message = diagnostic.message
        hint = diagnostic.hint
        if let l = diagnostic.location {
            let file = l.file.hasPrefix(directory + "/") ? String(l.file.dropFirst(directory.count + 1)) : URL(fileURLWithPath: l.file).lastPathComponent
            location = "\(file):\(l.line):\(l.column)"
        }
    }
}

/// A lever as the page draws it: a slider.
public struct LeverInfo: Codable, Sendable, Equatable {
    /// Identifier (the name of the value in requests).
    public var id: String
    /// Label next to the slider.
    public var label: String
    /// The scenario path it sets.
    public var path: String
    /// Lowest value.
    public var min: Double
    /// Highest value.
    public var max: Double
    /// Step.
    public var step: Double
    /// The value in the file.
    public var value: Double
    /// The value the facilitator locked it at, if locked.
    public var locked: Double?
}

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

/// Everything a scenario page needs to draw its controls.
public struct ScenarioMeta: Codable, Sendable {
    /// The id.
    public var id: String
    /// The file, relative to the workshop folder.
    public var file: String
    /// The title.
    public var title: String
    /// The description.
    public var description: String
    /// The version on disk (changes when the file is edited).
    public var version: String
    /// Whether it can be run.
    public var ok: Bool
    /// Errors and warnings from loading and planning.
    public var diagnostics: [DiagnosticInfo]
    /// The levers.
    public var levers: [LeverInfo]
    /// The headline metrics.
    public var headlines: [HeadlineInfo]
    /// The charts.
    public var charts: [ChartInfo]
    /// The horizon's years.
    public var years: [Int]
    /// Whether saving needs the access code.
    public var requiresCode: Bool
    /// Incremented by the facilitator's reset.
    public var resetGeneration: Int
}

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
    /// Evaluators that failed, with their messages.
    public var failures: [String]
    /// Milliseconds the server spent computing (0 when the result came from the cache).
    public var computeMs: Double
    /// Whether the result came from the cache.
    public var cached: Bool
}

/// P5, P50, P95 of one quantity.
public struct BandInfo: Codable, Sendable, Equatable {
    /// 5th percentile.
    public var p5: Double?
    /// Median.
    public var p50: Double?
    /// 95th percentile.
    public var p95: Double?
}

/// Uncertainty bands from a Monte Carlo run with lever values.
public struct BandsPayload: Codable, Sendable {
    /// Scenario id.
    public var scenario: String
    /// Version of the file.
    public var version: String
    /// Lever values used.
    public var values: [String: Double]
    /// The number of draws.
    public var draws: Int
    /// The seed.
    public var seed: UInt64
    /// How many inputs carry a distribution.
    public var sampledInputs: Int
    /// Headline bands by key.
    public var headlines: [String: BandInfo]
    /// Series bands by chart id, then series key: arrays of P5 and P95 per year.
    public var charts: [String: [String: SeriesBand]]
    /// Milliseconds the server spent.
    public var computeMs: Double
    /// Whether the result came from the cache.
    public var cached: Bool
}

/// The P5 and P95 of a series, one per year.
public struct SeriesBand: Codable, Sendable, Equatable {
    /// 5th percentiles.
    public var p5: [Double?]
    /// 95th percentiles.
    public var p95: [Double?]
}

/// What a polling page needs to notice changes.
public struct ScenarioState: Codable, Sendable, Equatable {
    /// The file's version.
    public var version: String
    /// Incremented by the facilitator's reset.
    public var resetGeneration: Int
    /// Locked levers and their values.
    public var locks: [String: Double]
    /// Number of saved variants.
    public var variants: Int
}

/// A saved variant, with its headline numbers.
public struct VariantInfo: Codable, Sendable, Equatable {
    /// Identifier.
    public var id: Int64
    /// Scenario id.
    public var scenario: String
    /// Name given by the participant.
    public var name: String
    /// Who saved it (optional).
    public var author: String
    /// Lever values.
    public var values: [String: Double]
    /// Headline values by key, for the scenario's current version.
    public var headlines: [String: Double?]
    /// When it was saved (ISO 8601, UTC).
    public var createdAt: String
    /// Set when the variant no longer fits the scenario (a lever removed or its bounds changed):
    /// its numbers are those computed when it was saved.
    public var stale: String?
    /// Rank by the chosen metric (1 = best), nil when the metric is missing.
    public var rank: Int?
}

/// The compare page's data.
public struct ComparePayload: Codable, Sendable {
    /// Scenario id.
    public var scenario: String
    /// The metric ranked by.
    public var rankedBy: String
    /// Whether higher ranks first.
    public var higherFirst: Bool
    /// The scenario as written, for reference.
    public var baseline: [String: Double?]
    /// The baseline's lever values.
    public var baselineValues: [String: Double]
    /// Saved variants, best first.
    public var variants: [VariantInfo]
}
