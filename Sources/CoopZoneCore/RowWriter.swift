import Synchronization

/// A metric table for writing rows without looking a metric up by its name for every row:
/// the ids and units of the metrics an evaluator writes, by position, checked once against the
/// descriptor. An evaluator keeps one (a `static let`) and asks it for a `RowWriter` per
/// evaluation: the fast path for evaluators that write thousands of rows per Monte Carlo draw;
/// `ResultBuilder.add` is the simple one.
public final class RowMetrics: Sendable {
    /// The evaluator id.
    public let evaluator: String
    /// Metric ids by position.
    public let ids: [String]
    /// Units by position.
    public let units: [Unit]
    /// The first metric that the descriptor does not declare, if any (the evaluator then fails as
    /// the result builder would make it fail).
    public let undeclared: String?
    /// The most rows written by one evaluation so far: the next one reserves that much.
    private let hint = Atomic<Int>(0)

    /// The table of `metrics` (ids) as `descriptor` declares them.
    public init(_ descriptor: EvaluatorDescriptor, _ metrics: [String]) {
        evaluator = descriptor.id
        // The descriptor's own id strings: rows then share their storage with the descriptor, so
        // whoever compares a row's metric with a declared id (the Monte Carlo series layout does,
        // for every row of every draw) finds them equal at the first, bitwise test.
        var ids: [String] = []
        var units: [Unit] = []
        var undeclared: String?
        for id in metrics {
            if let spec = descriptor.metric(id) {
                ids.append(spec.id)
                units.append(spec.unit)
            } else {
                ids.append(id)
                units.append(.count)
                if undeclared == nil { undeclared = id }
            }
        }
        self.ids = ids
        self.units = units
        self.undeclared = undeclared
    }

    /// A writer for one evaluation; throws when a metric of the table is not declared.
    public func writer() throws -> RowWriter {
        if let undeclared { throw EvaluatorError.undeclaredMetric(evaluator: evaluator, metric: undeclared) }
        return RowWriter(self, capacity: hint.load(ordering: .relaxed))
    }

    /// Records how many rows an evaluation wrote.
    public func record(_ count: Int) {
        if hint.load(ordering: .relaxed) < count { hint.store(count, ordering: .relaxed) }
    }
}

/// The rows of one evaluation, written by metric position (see `RowMetrics`).
public struct RowWriter {
    private let metrics: RowMetrics
    /// The rows written so far.
    public private(set) var rows: [ResultRow] = []

    init(_ metrics: RowMetrics, capacity: Int) {
        self.metrics = metrics
        rows.reserveCapacity(capacity)
    }

    /// Adds a row of the metric at position `metric`. The dimensions are taken over (consumed), so
    /// a value built for this row alone is moved into it rather than copied.
    public mutating func add(_ metric: Int, year: Int?, _ dimensions: consuming Dimensions, _ value: Double) {
        rows.append(ResultRow(evaluator: metrics.evaluator, metric: metrics.ids[metric], unit: metrics.units[metric], year: year,
                              dimensions: dimensions, value: value))
    }

    /// Reserves room for `count` more rows.
    public mutating func reserve(_ count: Int) { rows.reserveCapacity(rows.count + count) }

    /// The result: these rows, with the findings and headlines of `builder` (which holds no rows).
    public func result(_ builder: ResultBuilder) -> EvaluationResult {
        metrics.record(rows.count)
        var result = builder.result
        result.rows = rows
        return result
    }
}
