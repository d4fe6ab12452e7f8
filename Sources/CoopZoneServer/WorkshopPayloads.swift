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
    /// The short label in each language (`en`, `ru`): the catalogue's text, else the English one.
    public var labels: [String: String] = [:]
    /// The description in each language.
    public var summaries: [String: String] = [:]
    /// The unit as shown, in each language.
    public var unitSymbols: [String: String] = [:]
}

/// A scenario's texts in one language, for the page (see `Scenario.texts`).
public struct ScenarioTextsInfo: Codable, Sendable, Equatable {
    public var title: String
    public var description: String
    /// Lever labels by lever id.
    public var levers: [String: String]
    /// Zone names by zone id.
    public var zones: [String: String]
    /// Country names by code.
    public var countries: [String: String]

    init(_ texts: ScenarioTexts) {
        title = texts.title
        description = texts.description
        levers = texts.levers
        zones = texts.zones
        countries = texts.countries
    }
}

/// A message catalogue as the page reads it: every key, in the language or else in English.
public struct MessagesPayload: Codable, Sendable {
    /// The language (`en`, `ru`).
    public var language: String
    /// Text by key.
    public var texts: [String: String]

    /// The catalogue of `language`, English filling the keys it lacks.
    public init(_ language: Language) {
        self.language = language.rawValue
        var texts = Messages.catalogues[.en] ?? [:]
        texts.merge(Messages.catalogues[language] ?? [:]) { _, own in own }
        self.texts = texts
    }
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
