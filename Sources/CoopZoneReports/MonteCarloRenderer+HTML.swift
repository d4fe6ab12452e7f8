import CoopZoneCore

extension MonteCarloRenderer {
    /// The additive metrics with totals by year, in the order of the draws' series.
    var yearMetrics: [(String, String)] {
        var metrics: [(String, String)] = []
        for key in result.keys where key.year != nil && !metrics.contains(where: { $0 == (key.evaluator, key.metric) }) {
            metrics.append((key.evaluator, key.metric))
        }
        return metrics
    }

    /// The band of each year of one metric, and its unit.
    func bands(_ evaluator: String, _ metric: String) -> (unit: Unit, years: [(Int, Band)])? {
        let indices = result.keys.indices.filter { result.keys[$0].evaluator == evaluator && result.keys[$0].metric == metric && result.keys[$0].year != nil }
        guard let first = indices.first else { return nil }
        return (result.units[first], indices.map { (result.keys[$0].year ?? 0, result.band($0)) })
    }

    /// True when the draws spread the series in at least one year.
    static func isUncertain(_ years: [(Int, Band)]) -> Bool {
        years.contains { _, b in b.p95.isFinite && b.p5.isFinite && b.p95 - b.p5 > 1e-9 * max(1, abs(b.p50)) }
    }

    /// One band chart per additive metric whose total by year the draws spread, in run order.
    public var bandCharts: [ChartFigure] {
        yearMetrics.compactMap { evaluator, metric -> ChartFigure? in
            guard let series = bands(evaluator, metric), Self.isUncertain(series.years) else { return nil }
            let name = "\(evaluator).\(metric)"
            let summary = descriptors.first { $0.id == evaluator }?.metric(metric)?.summary
            let moneyNote = series.unit.isMoney ? " (\(scenario.priceYear) prices)" : ""
            let chart = BandChart(
                id: "chart-band-" + ChartFormat.slug(name), title: "Uncertainty of \(name)",
                summary: "P5 to P95 of \(drawCount(result.draws)) of the total of \(name) by year, with the median.",
                yTitle: "\(series.unit.symbol)\(moneyNote)",
                points: series.years.map { BandPoint(x: Double($0.0), low: $0.1.p5, median: $0.1.p50, high: $0.1.p95) },
                width: 460, height: 290)
            let last = series.years.last
            return ChartFigure(
                id: "fig-band-" + ChartFormat.slug(name), heading: "\(name): total by year, P5–P95", svg: chart.svg(),
                caption: (summary.map { "\($0). " } ?? "")
                    + "The shaded area holds the middle 90 % of the \(drawCount(result.draws)) in each year (P5 to P95); the solid line with circles is the median (P50)."
                    + (last.map {
                        " In \($0.0): P5 \(ChartFormat.readable($0.1.p5)), P50 \(ChartFormat.readable($0.1.p50)), P95 \(ChartFormat.readable($0.1.p95)) \(series.unit.symbol)."
                    } ?? ""))
        }
    }

    /// The HTML report of a Monte Carlo run: findings, headline bands, the sampled inputs, a
    /// band chart per uncertain series, the central run's charts and the provenance.
    public func html() -> String {
        let t = HTMLPage.text, c = HTMLPage.code, m = Messages(language), labels = Labels(language)
        func number(_ x: Double) -> String { t(ResultsRenderer.localized(x, in: language)) }
        let title = m("report.monte_carlo_title", ["title": scenario.texts(language).title])
        var page = HTMLPage(title: title, language: language)
        page.raw(
            HTMLReport.header(
                title: title,
                subtitle: language == .en
                    ? "\(drawCount(result.draws)), seed \(result.seed): each uncertain input sampled from its distribution, the same draws on every machine."
                    : m("report.monte_carlo_subtitle", ["draws": labels.count(result.draws), "seed": String(result.seed)]),
                scenario: scenario, provenance: provenance, language: language))
        page.section(id: "brief", title: Messages(language)("brief.title"), brief.html())
        page.section(
            id: "findings", title: m("report.findings", ["counts": findingsList.counts(language)]),
            findingsList.html(language) + (central == nil ? "" : "<p class=\"meta\">\(t(m("report.findings_central")))</p>\n"))
        let headlineRows = result.keys.indices.filter { result.keys[$0].year == nil }.map { k -> [String] in
            let key = result.keys[k], b = result.band(k)
            return [
                t(labels.metric(key.evaluator, key.metric, descriptors: descriptors)), number(centralValue(k)), number(b.p5), number(b.p50),
                number(b.p95), t(labels.unit(result.units[k])), c("\(key.evaluator).\(key.metric)"),
            ]
        }
        page.section(
            id: "headlines", title: m("report.headlines"),
            HTMLPage.table(
                [m("col.headline"), m("col.central"), "P5", "P50", "P95", m("col.unit"), m("col.id")].map(t), headlineRows, numeric: [1, 2, 3, 4])
                + "<p class=\"meta\">\(t(m("report.central_note")))</p>\n")
        page.section(
            id: "sampled-inputs", title: m("report.sampled_inputs", ["n": String(sampledRows.count)]),
            sampledRows.isEmpty
                ? "<p>\(t(m("report.no_distributions")))</p>\n"
                : HTMLPage.table(
                    [m("col.input"), m("col.distribution"), m("col.central"), m("col.unit"), m("col.source")].map(t),
                    sampledRows.map { r in [c(r[0])] + r.dropFirst().map(t) }, numeric: [2]))
        let charts = bandCharts
        var bandBody =
            charts.isEmpty
            ? "<p>No total by year varies between draws.</p>\n"
            : "<div class=\"charts-grid\">\n" + charts.map(HTMLPage.figure).joined() + "</div>\n"
        let certain = yearMetrics.filter { e, m in bands(e, m).map { !Self.isUncertain($0.years) } ?? false }.map { c("\($0.0).\($0.1)") }
        if !certain.isEmpty { bandBody += "<p>The same in every draw (no sampled input reaches them): \(certain.joined(separator: ", ")).</p>\n" }
        var tables = ""
        for (evaluator, metric) in yearMetrics {
            guard let series = bands(evaluator, metric), Self.isUncertain(series.years) else { continue }
            tables += HTMLPage.table(
                ["year", "P5", "P50", "P95"],
                series.years.map { y, b in [String(y), t(ResultsRenderer.human(b.p5)), t(ResultsRenderer.human(b.p50)), t(ResultsRenderer.human(b.p95))] },
                numeric: [0, 1, 2, 3], caption: "\(c("\(evaluator).\(metric)")) (\(t(series.unit.symbol)))")
        }
        if !tables.isEmpty { bandBody += "<details><summary>Band values by year</summary>\n\(tables)</details>\n" }
        page.section(id: "bands", title: m("report.bands"), bandBody)
        if let central {
            let runCharts = RunCharts(result: central, scenario: scenario, descriptors: descriptors, idPrefix: "central-", language: language).all
            if !runCharts.isEmpty {
                page.section(
                    id: "charts", title: m("report.central_charts"),
                    "<p>\(t(m("report.central_charts_note")))</p>\n" + runCharts.map(HTMLPage.figure).joined())
            }
        }
        page.section(id: "provenance", title: m("report.provenance"), provenance.html())
        return page.render(footer: HTMLReport.footer(provenance, language: language))
    }
}
