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
    /// The language of the charts' texts and numbers: a text the catalogue has for a chart
    /// (`chart.<evaluator>.<chart>.<field>`) replaces the descriptor's English one.
    public var language: Language = .en

    /// Creates the chart set of a run.
    public init(result: RunResult, scenario: Scenario, descriptors: [EvaluatorDescriptor], idPrefix: String = "", language: Language = .en) {
        self.language = language
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
        text.replacingOccurrences(of: "{money}", with: Messages(language)("chart.money", ["currency": scenario.currency, "year": String(scenario.priceYear)]))
            .replacingOccurrences(of: "{unit}", with: unit)
            .replacingOccurrences(of: "{price_year}", with: String(scenario.priceYear))
            .replacingOccurrences(of: "{last_year}", with: String(scenario.horizon.upperBound))
    }

    /// The unit symbol of a chart's first series.
    func unitSymbol(_ evaluator: EvaluatorDescriptor, _ chart: ChartSpec) -> String {
        chart.series.first.flatMap { evaluator.metric($0.metric) }?.unit.symbol ?? ""
    }

    func series(_ chart: ChartSpec, _ role: ChartSpec.Role) -> [ChartSpec.Series] { chart.series.filter { $0.role == role } }

    /// A chart's text in the charts' language: the catalogue's `chart.<evaluator>.<chart>.<field>`, else `english`.
    func text(_ evaluator: String, _ chart: ChartSpec, _ field: String, _ english: String) -> String {
        language == .en ? english : Messages(language).ownText("chart.\(evaluator).\(chart.id).\(field)") ?? english
    }

    /// `chart` with its texts in the charts' language.
    func localized(_ evaluator: String, _ chart: ChartSpec) -> ChartSpec {
        guard language != .en else { return chart }
        var out = chart
        out.heading = text(evaluator, chart, "heading", chart.heading)
        out.title = text(evaluator, chart, "title", chart.title)
        out.summary = text(evaluator, chart, "summary", chart.summary)
        out.caption = text(evaluator, chart, "caption", chart.caption)
        out.xTitle = text(evaluator, chart, "x_title", chart.xTitle)
        out.yTitle = text(evaluator, chart, "y_title", chart.yTitle)
        out.series = chart.series.map { s in
            var s = s
            s.label = text(evaluator, chart, "series.\(s.metric)", s.label)
            return s
        }
        out.categories = chart.categories.map { c in
            var c = c
            c.label = text(evaluator, chart, "category.\(c.value)", c.label)
            return c
        }
        if let other = chart.otherLabel { out.otherLabel = text(evaluator, chart, "other", other) }
        if let split = chart.splitTitle { out.splitTitle = text(evaluator, chart, "split_title", split) }
        if let lead = chart.markdownLead { out.markdownLead = text(evaluator, chart, "markdown_lead", lead) }
        return out
    }
}
