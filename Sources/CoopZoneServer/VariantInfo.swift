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
    /// Hidden by the facilitator (participants do not see it).
    public var hidden: Bool = false
    /// `ok`, or `waiting` while the scenario file is broken: the variant is kept and listed, with
    /// the numbers of when it was saved, until the file is fixed.
    public var status: String = "ok"
    /// Why the variant is waiting, for the page.
    public var note: String?
}

extension VariantInfo {
    /// A stored variant as the pages see it, with its numbers from when it was saved (not ranked,
    /// not marked stale: `Workshop.compare` sets those).
    init(_ v: StoredVariant) {
        self.init(
            id: v.id, scenario: v.scenario, name: v.name, author: v.author, values: v.values, headlines: v.headlines, createdAt: v.createdAt,
            stale: nil, rank: nil, hidden: v.hidden)
    }
}
