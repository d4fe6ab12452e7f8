import CoopZoneCore

/// The numbers behind one chart of a run, as every output draws it: the HTML report as SVG, the
/// workbook as a native Excel chart. Texts are filled in (see `ChartSpec`).
public struct ChartData: Sendable {
    /// How the numbers are drawn.
    public enum Kind: Sendable {
        /// One line per series over the categories (years).
        case lines
        /// Stacked bars per category, with an optional overlay series.
        case stackedBars
    }
    /// One series: a name and a value per category.
    public struct Series: Sendable {
        /// The name.
        public var name: String
        /// A value per category.
        public var values: [Double]
    }
    /// The chart's id in its evaluator's descriptor.
    public var id: String
    /// How it is drawn.
    public var kind: Kind
    /// The heading above the figure.
    public var heading: String
    /// The chart's accessible title.
    public var title: String
    /// What the chart shows, for readers of screen readers.
    public var summary: String
    /// The horizontal axis title.
    public var xTitle: String
    /// The vertical axis title, with its unit.
    public var yTitle: String
    /// How to read the chart.
    public var caption: String
    /// The unit symbol of the values.
    public var unit: String
    /// The categories along the horizontal axis (years, sides, stages).
    public var categories: [String]
    /// The series.
    public var series: [Series]
    /// A series drawn over the stacks (a total or a net value), nil where it has no value.
    public var overlay: (name: String, values: [Double?])?
    /// True to join the overlay's markers with a line.
    public var connectOverlay = true
    /// The drawing height in pixels, when the chart asks for one.
    public var height: Int?
}

/// How each kind of chart is made from rows (see `ChartSpec.Kind`).
extension RunCharts {
    /// The numbers of a chart, or nil when the run has no data for it.
    public func data(_ evaluator: EvaluatorDescriptor, _ spec: ChartSpec) -> ChartData? {
        let chart = localized(evaluator.id, spec)
        return switch chart.kind {
        case .lineByYear: lineByYear(evaluator, chart)
        case .stackByYear: stackByYear(evaluator, chart)
        case .stackByYearSplit: stackByYearSplit(evaluator, chart)
        case .stackBySideLastYear: stackBySideLastYear(evaluator, chart)
        case .stackByStage: stackByStage(evaluator, chart)
        case .workshopByYear: nil
        }
    }

    /// The numbers of every chart the run has data for, in report order.
    public var allData: [ChartData] { specs.compactMap { data($0.evaluator, $0.chart) } }

    /// The chart drawn as SVG in a figure with its heading and caption.
    public func figure(_ data: ChartData) -> ChartFigure {
        let svg: String
        switch data.kind {
        case .lines:
            let years = data.categories.map { Double($0) ?? .nan }
            var chart = LineChart(
                id: "chart-" + id(data.id), title: data.title, summary: data.summary, xTitle: data.xTitle, yTitle: data.yTitle,
                series: data.series.map { ChartSeries(name: $0.name, points: zip(years, $0.values).map { ChartPoint(x: $0, y: $1) }) })
            chart.language = language
            svg = chart.svg()
        case .stackedBars:
            var chart = StackedBarChart(
                id: "chart-" + id(data.id), title: data.title, summary: data.summary, xTitle: data.xTitle, yTitle: data.yTitle,
                categories: data.categories, series: data.series.map { StackedSeries(name: $0.name, values: $0.values) }, overlay: data.overlay,
                connectOverlay: data.connectOverlay)
            chart.language = language
            svg = chart.svg(height: data.height)
        }
        return ChartFigure(id: "fig-" + id(data.id), heading: data.heading, svg: svg, caption: data.caption)
    }

    /// The data of `chart` with its texts filled in for `unit`.
    func chartData(
        _ chart: ChartSpec, kind: ChartData.Kind, unit: String, categories: [String], series: [ChartData.Series],
        overlay: (name: String, values: [Double?])? = nil, connectOverlay: Bool = true, xTitle: String? = nil, captionEnd: String = ""
    ) -> ChartData {
        ChartData(
            id: chart.id, kind: kind, heading: fill(chart.heading, unit: unit), title: fill(chart.title, unit: unit),
            summary: fill(chart.summary, unit: unit), xTitle: xTitle ?? fill(chart.xTitle, unit: unit), yTitle: fill(chart.yTitle, unit: unit),
            caption: fill(chart.caption, unit: unit) + captionEnd, unit: unit, categories: categories, series: series, overlay: overlay,
            connectOverlay: connectOverlay, height: kind == .stackedBars ? chart.height : nil)
    }

    /// One line per series, the totals by year; only when every series has rows.
    func lineByYear(_ d: EvaluatorDescriptor, _ chart: ChartSpec) -> ChartData? {
        var lines: [ChartData.Series] = []
        for s in series(chart, .series) {
            guard let values = totalsByYear(d.id, s.metric) else { return nil }
            lines.append(ChartData.Series(name: s.label, values: values))
        }
        guard !lines.isEmpty else { return nil }
        let unit = unitSymbol(d, chart)
        let last = scenario.horizon.count - 1
        let m = Messages(language)
        let values = lines.map { language == .en ? ChartFormat.readable($0.values[last]) : language.readable($0.values[last]) }
            .joined(separator: m("chart.versus"))
        return chartData(
            chart, kind: .lines, unit: unit, categories: scenario.years.map(String.init), series: lines, xTitle: m("chart.year"),
            captionEnd: " " + m("chart.in_last_year", ["year": String(scenario.horizon.upperBound), "values": values, "unit": unit]))
    }

    /// Stacked bars by year, one segment per series with rows, the overlay series as a line.
    func stackByYear(_ d: EvaluatorDescriptor, _ chart: ChartSpec) -> ChartData? {
        let stacked = series(chart, .series).compactMap { s in totalsByYear(d.id, s.metric).map { ChartData.Series(name: s.label, values: $0) } }
        guard !stacked.isEmpty else { return nil }
        let overlay = series(chart, .overlay).first.flatMap { s in totalsByYear(d.id, s.metric).map { (name: s.label, values: $0.map { Optional($0) }) } }
        return chartData(
            chart, kind: .stackedBars, unit: unitSymbol(d, chart), categories: scenario.years.map(String.init), series: stacked, overlay: overlay)
    }

    /// The one series by year, stacked by the values of the chart's split dimension.
    func stackByYearSplit(_ d: EvaluatorDescriptor, _ chart: ChartSpec) -> ChartData? {
        guard let parts = splitByYear(d, chart), !parts.isEmpty else { return nil }
        return chartData(
            chart, kind: .stackedBars, unit: unitSymbol(d, chart), categories: scenario.years.map(String.init),
            series: parts.map { ChartData.Series(name: $0.label, values: $0.values) })
    }

    /// The last year's totals by country, stacked by series, the overlay series as a marker.
    func stackBySideLastYear(_ d: EvaluatorDescriptor, _ chart: ChartSpec) -> ChartData? {
        let last = scenario.horizon.upperBound
        let present = Set(result.rows.filter { $0.evaluator == d.id && $0.year == last }.compactMap(\.dimensions.country))
        let sides = scenario.countries.map(\.code).filter(present.contains) + present.subtracting(scenario.countries.map(\.code)).sorted()
        guard !sides.isEmpty else { return nil }
        func bySide(_ metric: String) -> [Double]? {
            let selected = rows(d.id, metric).filter { $0.year == last }
            guard !selected.isEmpty else { return nil }
            return sides.map { side in selected.filter { $0.dimensions.country == side }.reduce(0) { $0 + $1.value } }
        }
        let stacked = series(chart, .series).compactMap { s in bySide(s.metric).map { ChartData.Series(name: s.label, values: $0) } }
        guard !stacked.isEmpty else { return nil }
        let overlay = series(chart, .overlay).first.flatMap { s in bySide(s.metric).map { (name: s.label, values: $0.map { Optional($0) }) } }
        let names = scenario.texts(language).countries
        let labels = sides.map { code in names[code].map { "\($0) (\(code))" } ?? code }
        return chartData(
            chart, kind: .stackedBars, unit: unitSymbol(d, chart), categories: labels, series: stacked, overlay: overlay, connectOverlay: false)
    }

    /// The one series summed over the years of each stage (by zone when there are several),
    /// stacked by instrument.
    func stackByStage(_ d: EvaluatorDescriptor, _ chart: ChartSpec) -> ChartData? {
        guard let metric = chart.series.first else { return nil }
        let selected = rows(d.id, metric.metric).filter { $0.year != nil }
        guard !selected.isEmpty else { return nil }
        let zones = Set(selected.compactMap(\.dimensions.zone))
        func key(_ row: ResultRow) -> String {
            let stage = row.dimensions.stage ?? "no stage"
            return zones.count > 1 ? "\(row.dimensions.zone ?? "?") · \(stage)" : stage
        }
        var stages: [String] = [], instruments: [String] = []
        var firstYear: [String: Int] = [:], lastYear: [String: Int] = [:], totals: [String: Double] = [:]
        for row in selected {
            let stage = key(row), instrument = row.dimensions.instrument ?? "other"
            if !stages.contains(stage) { stages.append(stage) }
            if !instruments.contains(instrument) { instruments.append(instrument) }
            if let year = row.year {
                firstYear[stage] = min(firstYear[stage] ?? year, year)
                lastYear[stage] = max(lastYear[stage] ?? year, year)
            }
            totals[stage + "\u{1}" + instrument, default: 0] += row.value
        }
        // Stages in the order they start (ties by name); instruments without any value are left out.
        stages.sort { (firstYear[$0] ?? 0, $0) < (firstYear[$1] ?? 0, $1) }
        let stacked = instruments.compactMap { instrument -> ChartData.Series? in
            let values = stages.map { totals[$0 + "\u{1}" + instrument] ?? 0 }
            return values.allSatisfy { $0 == 0 } ? nil : ChartData.Series(name: instrument, values: values)
        }
        guard !stacked.isEmpty else { return nil }
        let unit = selected.first?.unit.symbol ?? unitSymbol(d, chart)
        let labels = stages.map { stage in
            guard let a = firstYear[stage], let b = lastYear[stage] else { return stage }
            return a == b ? "\(stage) (\(a))" : "\(stage) (\(a)–\(b))"
        }
        let left = instruments.filter { i in !stacked.contains { $0.name == i } }
        return chartData(
            chart, kind: .stackedBars, unit: unit, categories: labels, series: stacked,
            captionEnd: left.isEmpty ? "" : " " + Messages(language)("chart.no_value_instruments", ["instruments": left.joined(separator: ", ")]))
    }
}

extension StackedBarChart {
    /// The `<svg>` element, at `height` pixels when given.
    func svg(height: Int?) -> String {
        var chart = self
        if let height { chart.height = Double(height) }
        return chart.svg()
    }
}
