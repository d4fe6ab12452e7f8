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
        /// How far the value goes towards the threshold: `min(1, value / threshold)` for a graded
        /// criterion (1 when the threshold is 0), 1 or 0 for a yes-or-no one; `nil` when unknown.
        public var attainment: Double?

        /// A criterion "value ≥ threshold" on a measure that may be missing.
        public init(_ label: String, measure: String, value: Double?, atLeast threshold: Double, missing: String, graded: Bool = true) {
            self.init(label, measure: measure, value: value, atLeast: threshold, missing: missing, graded: graded, describe: true)
        }

        /// The same; without `describe`, `detail` is left empty (for a run that writes no findings,
        /// where only the outcome counts).
        init(
            _ label: String, measure: @autoclosure () -> String, value: Double?, atLeast threshold: Double, missing: @autoclosure () -> String,
            graded: Bool = true, describe: Bool
        ) {
            self.label = label
            if let value {
                outcome = value >= threshold ? .met : .unmet
                attainment = value >= threshold ? 1 : (graded && threshold > 0 ? max(0, value / threshold) : 0)
                detail = describe ? "\(measure()) \(format(Self.rounded(value))) \(value >= threshold ? "≥" : "<") \(format(threshold))" : ""
            } else {
                outcome = .unknown
                attainment = nil
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

    /// The kind's score: the mean attainment of the criteria that can be tested (each
    /// `min(1, value / threshold)`, or 1/0 for a yes-or-no criterion), so 1 when every tested
    /// criterion is met and less the further the data fall short; 0 when none can be tested.
    public var fit: Double {
        var total = 0.0, known = 0
        for criterion in criteria {
            guard let a = criterion.attainment else { continue }
            total += a
            known += 1
        }
        return known > 0 ? total / Double(known) : 0
    }

    /// Whether at least one criterion can be tested.
    public var isTested: Bool { criteria.contains { $0.outcome != .unknown } }

    /// Recommended: no criterion fails and at least one is met.
    public var isRecommended: Bool {
        !criteria.contains { $0.outcome == .unmet } && criteria.contains { $0.outcome == .met }
    }

    /// The number of criteria the data cannot test.
    public var untested: Int { criteria.filter { $0.outcome == .unknown }.count }

    /// The kinds ranked best first: by score; among equal scores the kind with fewer untested
    /// criteria, then the deeper integration (the order of `order`, e.g. `ZoneFitEvaluator.kindOrder`),
    /// since the kinds are stages of deepening integration and a deeper kind whose rule is met
    /// is the better use of the data.
    public static func ranked(_ assessments: [KindAssessment], order: [ZoneKind]) -> [KindAssessment] {
        func depth(_ kind: ZoneKind) -> Int { order.firstIndex(of: kind) ?? order.count }
        return assessments.sorted { a, b in
            if a.fit != b.fit { return a.fit > b.fit }
            if a.untested != b.untested { return a.untested < b.untested }
            return depth(a.kind) < depth(b.kind)
        }
    }

    /// The criteria with the given outcome, as "label (detail)".
    public func describe(_ outcome: Outcome) -> [String] {
        criteria.filter { $0.outcome == outcome }.map { "\($0.label) (\($0.detail))" }
    }
}
