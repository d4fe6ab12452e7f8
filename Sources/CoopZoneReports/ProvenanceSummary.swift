import CoopZoneCore

/// How many of a scenario's inputs are sourced, assumptions or neither.
public struct ProvenanceSummary: Sendable {
    /// Inputs citing a source.
    public var sourced = 0
    /// Inputs flagged as assumptions.
    public var assumptions = 0
    /// Inputs with neither.
    public var unspecified = 0

    /// Counts the inputs of `scenario`.
    public init(_ scenario: Scenario) {
        for input in scenario.inputs {
            switch input.provenance {
            case .source: sourced += 1
            case .assumption: assumptions += 1
            case .unspecified: unspecified += 1
            }
        }
    }
}
