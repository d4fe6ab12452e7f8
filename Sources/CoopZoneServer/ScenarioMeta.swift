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
    /// The language the page opens in (the scenario's `language`), unless the participant chose one.
    public var language: String = "en"
    /// The title, description, lever labels and names in each language (`en`, `ru`).
    public var texts: [String: ScenarioTextsInfo] = [:]
}
