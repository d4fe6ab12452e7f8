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
