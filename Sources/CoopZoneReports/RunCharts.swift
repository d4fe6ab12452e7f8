import CoopZoneCore

/// The charts of a run, as its evaluators' descriptors offer them (`ChartSpec`), each drawn only
/// when the run has its data. No metric is named here: a new evaluator gets charts by declaring
/// them in its descriptor (or its manifest).
public struct RunCharts: Sendable {
    /// The run.
    public let result: RunResult
    /// Its scenario.
    public let scenario: Scenario
    /// The descriptors of the evaluators (those that did not run are skipped).
    public let descriptors: [EvaluatorDescriptor]
    /// A prefix for element ids, so two runs' charts can share a page.
    public let idPrefix: String

    /// Creates the chart set of a run.
    public init(result: RunResult, scenario: Scenario, descriptors: [EvaluatorDescriptor], idPrefix: String = "") {
        self.result = result
        self.scenario = scenario
        self.descriptors = descriptors
        self.idPrefix = idPrefix
    }

    /// The report's chart specifications of the evaluators that ran, in report order (by
    /// `order`, then by descriptor), with their evaluator.
    public var specs: [(evaluator: EvaluatorDescriptor, chart: ChartSpec)] {
        var out: [(evaluator: EvaluatorDescriptor, chart: ChartSpec)] = []
        for d in descriptors where result.byEvaluator[d.id] != nil {
            for chart in d.charts where chart.kind != .workshopByYear { out.append((d, chart)) }
        }
        return out.enumerated().sorted { ($0.element.chart.order, $0.offset) < ($1.element.chart.order, $1.offset) }.map(\.element)
    }

    /// Every chart the run has data for, in report order, drawn.
    public var all: [ChartFigure] { allData.map(figure) }

    /// The chart `chart` of `evaluator` drawn, or `nil` when the run has no data for it.
    public func figure(_ evaluator: EvaluatorDescriptor, _ chart: ChartSpec) -> ChartFigure? { data(evaluator, chart).map(figure) }

    /// The data of a `stackByYearSplit` chart: one row per category with any value, in the
    /// chart's order, then the rows of any other value; `nil` without rows of its series.
    public func splitByYear(_ evaluator: EvaluatorDescriptor, _ chart: ChartSpec) -> [(label: String, values: [Double])]? {
        guard let metric = chart.series.first, let split = chart.split else { return nil }
        let selected = rows(evaluator.id, metric.metric)
        guard !selected.isEmpty else { return nil }
        let y0 = scenario.horizon.lowerBound
        var out: [(label: String, values: [Double])] = []
        let known = Set(chart.categories.map(\.value))
        for category in chart.categories + [ChartSpec.Category("", chart.otherLabel ?? "other")] {
            var values = [Double](repeating: 0, count: scenario.horizon.count)
            for row in selected {
                let value = row.dimensions[split] ?? ""
                guard category.value.isEmpty ? !known.contains(value) : value == category.value,
                    let year = row.year, scenario.horizon.contains(year)
                else { continue }
                values[year - y0] += row.value
            }
            if values.contains(where: { $0 != 0 }) { out.append((category.label, values)) }
        }
        return out
    }

    func rows(_ evaluator: String, _ metric: String) -> [ResultRow] {
        let key = MetricKey(evaluator: evaluator, metric: metric)
        return result.rows.filter { $0.key == key }
    }

    /// Totals by year over the horizon (0 in a year without rows); `nil` when the metric has no rows.
    func totalsByYear(_ evaluator: String, _ metric: String) -> [Double]? {
        let selected = rows(evaluator, metric).filter { $0.year != nil }
        guard !selected.isEmpty else { return nil }
        var totals = [Double](repeating: 0, count: scenario.horizon.count)
        for row in selected {
            guard let year = row.year, scenario.horizon.contains(year) else { continue }
            totals[year - scenario.horizon.lowerBound] += row.value
        }
        return totals
    }

    func id(_ kind: String) -> String { idPrefix + kind }

    /// A chart text with its placeholders filled in (see `ChartSpec`).
    func fill(_ text: String, unit: String) -> String {
        text.replacingOccurrences(of: "{money}", with: "\(scenario.currency) million, \(scenario.priceYear) prices")
            .replacingOccurrences(of: "{unit}", with: unit)
            .replacingOccurrences(of: "{price_year}", with: String(scenario.priceYear))
            .replacingOccurrences(of: "{last_year}", with: String(scenario.horizon.upperBound))
    }

    /// The unit symbol of a chart's first series.
    func unitSymbol(_ evaluator: EvaluatorDescriptor, _ chart: ChartSpec) -> String {
        chart.series.first.flatMap { evaluator.metric($0.metric) }?.unit.symbol ?? ""
    }

    func series(_ chart: ChartSpec, _ role: ChartSpec.Role) -> [ChartSpec.Series] { chart.series.filter { $0.role == role } }
}
