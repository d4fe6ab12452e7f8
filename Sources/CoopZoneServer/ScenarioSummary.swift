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
