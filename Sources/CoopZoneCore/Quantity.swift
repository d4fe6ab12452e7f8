import Foundation

/// Where a number comes from. The loader knows which inputs are sourced and which are assumptions.
public enum Provenance: Sendable, Hashable, Codable {
    /// From a source listed in the scenario's `sources`, with an optional locator (`Table 1`, `zones chapter, Table 2`).
    case source(id: String, locator: String?)
    /// Flagged by the author as an assumption, with the reason.
    case assumption(String)
    /// Neither: `coopzone validate --strict` reports these.
    case unspecified

    /// A short label: `source book Table 2`, `assumption`, `unspecified`.
    public var label: String {
        switch self {
        case .source(let id, let locator): locator.map { "source \(id) \($0)" } ?? "source \(id)"
        case .assumption: "assumption"
        case .unspecified: "unspecified"
        }
    }
}

/// An uncertain value: sampled in Monte Carlo runs, taken at its bounds in sensitivity runs.
public enum Distribution: Sendable, Hashable, Codable {
    /// Uniform between `low` and `high`.
    case uniform(low: Double, high: Double)
    /// Triangular with the given `low`, `mode`, `high`.
    case triangular(low: Double, mode: Double, high: Double)
    /// Normal with `mean` and `sd`, truncated to `[low, high]`.
    case normal(mean: Double, sd: Double, low: Double, high: Double)

    /// The lowest value the distribution can take.
    public var low: Double {
        switch self {
        case .uniform(let low, _), .triangular(let low, _, _), .normal(_, _, let low, _): low
        }
    }

    /// The highest value the distribution can take.
    public var high: Double {
        switch self {
        case .uniform(_, let high), .triangular(_, _, let high), .normal(_, _, _, let high): high
        }
    }

    /// The central value used when the scenario gives no `value`: the midpoint, the mode, the mean.
    public var central: Double {
        switch self {
        case .uniform(let low, let high): (low + high) / 2
        case .triangular(_, let mode, _): mode
        case .normal(let mean, _, _, _): mean
        }
    }
}

/// A number in a scenario: a handle whose value lives in `Scenario.values`, so that a
/// Monte Carlo draw replaces the values without rebuilding the model.
public struct Quantity: Sendable, Hashable {
    /// The index of this number in `Scenario.values` and `Scenario.inputs`.
    public let slot: Int

    /// Creates a handle.
    public init(slot: Int) { self.slot = slot }
}

/// What the loader knows about one number of a scenario.
public struct InputInfo: Sendable, Codable {
    /// The number's path, as `--set` takes it: `regions.fergana.population`.
    public var path: String
    /// Its unit.
    public var unit: Unit
    /// The central value as written (or the distribution's central value).
    public var central: Double
    /// Where it comes from.
    public var provenance: Provenance
    /// Its distribution, when it is uncertain.
    public var distribution: Distribution?
    /// Where it is written.
    public var location: SourceLocation
}
