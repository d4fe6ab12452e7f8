import Foundation

/// A variant as stored: a participant's named lever values for one scenario.
public struct StoredVariant: Sendable, Equatable {
    /// Row id.
    public var id: Int64
    /// Scenario id.
    public var scenario: String
    /// Name.
    public var name: String
    /// Who saved it (may be empty).
    public var author: String
    /// Lever values by lever id.
    public var values: [String: Double]
    /// Headline values when saved, by `evaluator.metric`.
    public var headlines: [String: Double?]
    /// The scenario version the headlines were computed for.
    public var scenarioVersion: String
    /// When it was saved (ISO 8601, UTC).
    public var createdAt: String
    /// Hidden by the facilitator: kept, listed only for the facilitator.
    public var hidden: Bool
}
