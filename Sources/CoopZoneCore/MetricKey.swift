import Synchronization

/// A metric's identity as a small integer: one number per (evaluator, metric) pair, the same for
/// the whole process. Every `ResultRow` carries the key of its metric, so code that sorts rows
/// by metric compares integers rather than text. A key is made once (a `static let`, or when a
/// run is laid out), never per row.
public struct MetricKey: Hashable, Sendable, Comparable {
    /// The number: 0, 1, 2… in the order pairs were first seen.
    public let rawValue: Int

    /// The key of `metric` of `evaluator`; the first call for a pair makes it.
    public init(evaluator: String, metric: String) {
        rawValue = MetricKey.registry.withLock { table in
            let pair = Pair(evaluator: evaluator, metric: metric)
            if let known = table[pair] { return known }
            let next = table.count
            table[pair] = next
            return next
        }
    }

    /// Orders keys by the order their pairs were first seen (not by evaluator or metric id).
    public static func < (a: MetricKey, b: MetricKey) -> Bool { a.rawValue < b.rawValue }

    private struct Pair: Hashable {
        let evaluator: String
        let metric: String
    }

    private static let registry = Mutex<[Pair: Int]>([:])
}

/// Another evaluator's metric, named once and resolved to its key once: what an evaluator reads
/// its dependencies' rows by (`context.rows(Self.tradeCreation)`).
///
/// ```swift
/// static let tradeScenario = MetricRef("trade_effects", "trade_scenario")
/// for row in context.rows(Self.tradeScenario) { … }
/// ```
public struct MetricRef: Sendable, Hashable {
    /// The evaluator that writes it.
    public let evaluator: String
    /// Its id.
    public let metric: String
    /// Its key.
    public let key: MetricKey

    /// The metric `metric` of `evaluator`.
    public init(_ evaluator: String, _ metric: String) {
        self.evaluator = evaluator
        self.metric = metric
        key = MetricKey(evaluator: evaluator, metric: metric)
    }
}

/// One metric of an evaluator, declared once: its spec (unit, meaning, dimensions, presentation
/// hints) and its key. The descriptor lists these handles' specs, and the evaluator writes rows
/// and headlines through them (`w.add(Metrics.similarity, …)`), so no id is typed twice and no
/// position can be swapped.
///
/// ```swift
/// enum Metrics {
///     static let similarity = Metric(of: "zone_fit", "similarity", unit: .fraction, "Finger–Kreinin similarity",
///                                    additive: false, equation: "Docs/methodology/zone_fit.md#similarity")
/// }
/// ```
public final class Metric: Sendable {
    /// What it is.
    public let spec: MetricSpec
    /// Who writes it, and its key.
    public let ref: MetricRef

    /// Its key.
    public var key: MetricKey { ref.key }
    /// Its id.
    public var id: String { spec.id }

    /// The metric `id` of the evaluator `evaluator`; the other arguments are `MetricSpec`'s.
    public init(
        of evaluator: String, _ id: String, unit: Unit, _ summary: String, dimensions: [Dimension] = [], additive: Bool = true,
        equation: String, presentation: MetricPresentation = MetricPresentation()
    ) {
        spec = MetricSpec(id, unit: unit, summary, dimensions: dimensions, additive: additive, equation: equation, presentation: presentation)
        ref = MetricRef(evaluator, spec.id)
    }
}
