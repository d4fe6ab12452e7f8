import Synchronization

/// The rows an evaluator may write, checked once against its descriptor: an evaluator keeps one
/// (a `static let rows = RowTable(descriptor)`) and asks it for a `RowWriter` per evaluation.
/// Rows are then written through `Metric` handles, with no lookup by name.
public final class RowTable: Sendable {
    /// The evaluator id.
    public let evaluator: String
    /// For each key up to the largest declared one: true when the descriptor declares it.
    private let declared: [Bool]
    /// The most rows written by one evaluation so far: the next one reserves that much.
    private let hint = Atomic<Int>(0)

    /// The table of the metrics `descriptor` declares.
    public init(_ descriptor: EvaluatorDescriptor) {
        evaluator = descriptor.id
        let keys = descriptor.metrics.map { MetricKey(evaluator: descriptor.id, metric: $0.id).rawValue }
        var declared = [Bool](repeating: false, count: (keys.max() ?? -1) + 1)
        for k in keys { declared[k] = true }
        self.declared = declared
    }

    /// True when `key` is one of the descriptor's metrics.
    func declares(_ key: MetricKey) -> Bool { key.rawValue < declared.count && declared[key.rawValue] }

    /// A writer for one evaluation.
    public func writer() -> RowWriter { RowWriter(self, capacity: hint.load(ordering: .relaxed)) }

    /// Records how many rows an evaluation wrote.
    func record(_ count: Int) {
        if hint.load(ordering: .relaxed) < count { hint.store(count, ordering: .relaxed) }
    }
}

/// The rows of one evaluation, written through `Metric` handles (see `RowTable`).
public struct RowWriter {
    private let table: RowTable
    /// The first metric written that the descriptor does not declare: the evaluation then fails.
    private var undeclared: Metric?
    /// The rows written so far.
    public private(set) var rows: [ResultRow] = []

    init(_ table: RowTable, capacity: Int) {
        self.table = table
        rows.reserveCapacity(capacity)
    }

    /// Adds a row of `metric`. The dimensions are taken over (consumed), so a value built for this
    /// row alone is moved into it rather than copied.
    public mutating func add(_ metric: Metric, year: Int?, _ dimensions: consuming Dimensions, _ value: Double) {
        if !table.declares(metric.key) && undeclared == nil { undeclared = metric }
        rows.append(ResultRow(metric.ref, unit: metric.spec.unit, year: year, dimensions: dimensions, value: value))
    }

    /// Reserves room for `count` more rows.
    public mutating func reserve(_ count: Int) { rows.reserveCapacity(rows.count + count) }

    /// The result: these rows, with the findings and headlines of `builder` (which holds no rows).
    /// Throws when a row's metric is not the descriptor's.
    public func result(_ builder: ResultBuilder) throws -> EvaluationResult {
        if let undeclared { throw EvaluatorError.undeclaredMetric(evaluator: table.evaluator, metric: undeclared.id) }
        table.record(rows.count)
        var result = builder.result
        result.rows = rows
        return result
    }
}
