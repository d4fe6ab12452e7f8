import CoopZoneCore

/// How each kind of chart is drawn from rows (see `ChartSpec.Kind`).
extension RunCharts {
    /// One line per series, the totals by year; only when every series has rows.
    func lineByYear(_ d: EvaluatorDescriptor, _ chart: ChartSpec) -> ChartFigure? {
        var lines: [(label: String, values: [Double])] = []
        for s in series(chart, .series) {
            guard let values = totalsByYear(d.id, s.metric) else { return nil }
            lines.append((s.label, values))
        }
        guard !lines.isEmpty else { return nil }
        let unit = unitSymbol(d, chart)
        let years = scenario.years.map(Double.init)
        let svg = LineChart(
            id: "chart-" + id(chart.id), title: fill(chart.title, unit: unit), summary: fill(chart.summary, unit: unit),
            yTitle: fill(chart.yTitle, unit: unit),
            series: lines.map { ChartSeries(name: $0.label, points: zip(years, $0.values).map { ChartPoint(x: $0, y: $1) }) }
        ).svg()
        let last = scenario.horizon.count - 1
        let values = lines.map { ChartFormat.readable($0.values[last]) }.joined(separator: " versus ")
        return figure(chart, svg: svg, unit: unit, captionEnd: " In \(scenario.horizon.upperBound): \(values) \(unit).")
    }

    /// Stacked bars by year, one segment per series with rows, the overlay series as a line.
    func stackByYear(_ d: EvaluatorDescriptor, _ chart: ChartSpec) -> ChartFigure? {
        let stacked = series(chart, .series).compactMap { s in totalsByYear(d.id, s.metric).map { StackedSeries(name: s.label, values: $0) } }
        guard !stacked.isEmpty else { return nil }
        let overlay = series(chart, .overlay).first.flatMap { s in totalsByYear(d.id, s.metric).map { (name: s.label, values: $0.map { Optional($0) }) } }
        let unit = unitSymbol(d, chart)
        let svg = StackedBarChart(
            id: "chart-" + id(chart.id), title: fill(chart.title, unit: unit), summary: fill(chart.summary, unit: unit),
            xTitle: fill(chart.xTitle, unit: unit), yTitle: fill(chart.yTitle, unit: unit),
            categories: scenario.years.map(String.init), series: stacked, overlay: overlay
        ).svg(height: chart.height)
        return figure(chart, svg: svg, unit: unit)
    }

    /// The one series by year, stacked by the values of the chart's split dimension.
    func stackByYearSplit(_ d: EvaluatorDescriptor, _ chart: ChartSpec) -> ChartFigure? {
        guard let parts = splitByYear(d, chart), !parts.isEmpty else { return nil }
        let unit = unitSymbol(d, chart)
        let svg = StackedBarChart(
            id: "chart-" + id(chart.id), title: fill(chart.title, unit: unit), summary: fill(chart.summary, unit: unit),
            xTitle: fill(chart.xTitle, unit: unit), yTitle: fill(chart.yTitle, unit: unit),
            categories: scenario.years.map(String.init), series: parts.map { StackedSeries(name: $0.label, values: $0.values) }
        ).svg(height: chart.height)
        return figure(chart, svg: svg, unit: unit)
    }

    /// The last year's totals by country, stacked by series, the overlay series as a marker.
    func stackBySideLastYear(_ d: EvaluatorDescriptor, _ chart: ChartSpec) -> ChartFigure? {
        let last = scenario.horizon.upperBound
        let present = Set(result.rows.filter { $0.evaluator == d.id && $0.year == last }.compactMap(\.dimensions.country))
        let sides = scenario.countries.map(\.code).filter(present.contains) + present.subtracting(scenario.countries.map(\.code)).sorted()
        guard !sides.isEmpty else { return nil }
        func bySide(_ metric: String) -> [Double]? {
            let selected = rows(d.id, metric).filter { $0.year == last }
            guard !selected.isEmpty else { return nil }
            return sides.map { side in selected.filter { $0.dimensions.country == side }.reduce(0) { $0 + $1.value } }
        }
        let stacked = series(chart, .series).compactMap { s in bySide(s.metric).map { StackedSeries(name: s.label, values: $0) } }
        guard !stacked.isEmpty else { return nil }
        let overlay = series(chart, .overlay).first.flatMap { s in bySide(s.metric).map { (name: s.label, values: $0.map { Optional($0) }) } }
        let labels = sides.map { code in scenario.country(code).map { "\($0.name) (\(code))" } ?? code }
        let unit = unitSymbol(d, chart)
        let svg = StackedBarChart(
            id: "chart-" + id(chart.id), title: fill(chart.title, unit: unit), summary: fill(chart.summary, unit: unit),
            xTitle: fill(chart.xTitle, unit: unit), yTitle: fill(chart.yTitle, unit: unit), categories: labels, series: stacked,
            overlay: overlay, connectOverlay: false
        ).svg(height: chart.height)
        return figure(chart, svg: svg, unit: unit)
    }

    /// The one series summed over the years of each stage (by zone when there are several),
    /// stacked by instrument.
    func stackByStage(_ d: EvaluatorDescriptor, _ chart: ChartSpec) -> ChartFigure? {
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
        let stacked = instruments.compactMap { instrument -> StackedSeries? in
            let values = stages.map { totals[$0 + "\u{1}" + instrument] ?? 0 }
            return values.allSatisfy { $0 == 0 } ? nil : StackedSeries(name: instrument, values: values)
        }
        guard !stacked.isEmpty else { return nil }
        let unit = selected.first?.unit.symbol ?? unitSymbol(d, chart)
        let labels = stages.map { stage in
            guard let a = firstYear[stage], let b = lastYear[stage] else { return stage }
            return a == b ? "\(stage) (\(a))" : "\(stage) (\(a)–\(b))"
        }
        let left = instruments.filter { i in !stacked.contains { $0.name == i } }
        let svg = StackedBarChart(
            id: "chart-" + id(chart.id), title: fill(chart.title, unit: unit), summary: fill(chart.summary, unit: unit),
            xTitle: fill(chart.xTitle, unit: unit), yTitle: fill(chart.yTitle, unit: unit), categories: labels,
            series: stacked
        ).svg(height: chart.height)
        return figure(
            chart, svg: svg, unit: unit,
            captionEnd: left.isEmpty ? "" : " Instruments with no value in this run: \(left.joined(separator: ", ")).")
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
