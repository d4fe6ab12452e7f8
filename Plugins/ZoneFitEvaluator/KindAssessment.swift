import CoopZoneCore

/// How well a zone's data meet the book's rule for one kind of zone: each criterion met, not met,
/// or unknown for lack of data. See Docs/methodology/zone_fit.md#rules.
public struct KindAssessment: Sendable {
    /// The outcome of one criterion.
    public enum Outcome: Sendable, Equatable {
        /// The data meet it.
        case met
        /// The data do not meet it.
        case unmet
        /// The scenario lacks the data to test it.
        case unknown
    }

    /// One criterion of a rule: what the book asks and what the data say.
    public struct Criterion: Sendable {
        /// The book's words, shortened ("similar comparative advantages").
        public var label: String
        /// The measure, its value and its threshold ("similarity 0.903 ≥ 0.7").
        public var detail: String
        /// The outcome.
        public var outcome: Outcome

        /// A criterion "value ≥ threshold" on a measure that may be missing.
        public init(_ label: String, measure: String, value: Double?, atLeast threshold: Double, missing: String) {
            self.init(label, measure: measure, value: value, atLeast: threshold, missing: missing, describe: true)
        }

        /// The same; without `describe`, `detail` is left empty (for a run that writes no findings,
        /// where only the outcome counts).
        init(_ label: String, measure: @autoclosure () -> String, value: Double?, atLeast threshold: Double, missing: @autoclosure () -> String,
             describe: Bool) {
            self.label = label
            if let value {
                outcome = value >= threshold ? .met : .unmet
                detail = describe ? "\(measure()) \(format(Self.rounded(value))) \(value >= threshold ? "≥" : "<") \(format(threshold))" : ""
            } else {
                outcome = .unknown
                detail = describe ? "\(measure()) unknown: \(missing())" : ""
            }
        }

        /// Three significant decimals for messages.
        static func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
    }

    /// The kind assessed.
    public var kind: ZoneKind
    /// Its criteria.
    public var criteria: [Criterion]

    /// The share of the criteria that can be tested which the data meet; 0 when none can be tested.
    public var fit: Double {
        var met = 0, known = 0
        for criterion in criteria where criterion.outcome != .unknown {
            known += 1
            if criterion.outcome == .met { met += 1 }
        }
        return known > 0 ? Double(met) / Double(known) : 0
    }

    /// Recommended: no criterion fails and at least one is met.
    public var isRecommended: Bool {
        !criteria.contains { $0.outcome == .unmet } && criteria.contains { $0.outcome == .met }
    }

    /// The criteria with the given outcome, as "label (detail)".
    public func describe(_ outcome: Outcome) -> [String] {
        criteria.filter { $0.outcome == outcome }.map { "\($0.label) (\($0.detail))" }
    }
}
