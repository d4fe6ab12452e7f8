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
    /// Incremented whenever a variant is saved, renamed, hidden, shown or deleted, so that open
    /// pages know to fetch the list again.
    public var variantRevision: Int = 0
}
