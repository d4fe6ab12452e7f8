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
    /// The charts drawn with their bands around the run's lines for the same values, by chart id.
    public var svg: [String: String]
    /// Milliseconds the server spent.
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

/// The P5 and P95 of a series, one per year.
public struct SeriesBand: Codable, Sendable, Equatable {
    /// 5th percentiles.
    public var p5: [Double?]
    /// 95th percentiles.
    public var p95: [Double?]
}
