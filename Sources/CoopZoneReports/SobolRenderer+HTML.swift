import CoopZoneCore
import Foundation

extension SobolRenderer {
    /// One grouped bar chart per headline that varies: S1 and ST of each input side by side,
    /// whiskers for their intervals, inputs ranked by ST.
    public var indexCharts: [ChartFigure] {
        let m = Messages(language)
        return varying.map { h in
            let name = "\(h.evaluator).\(h.metric)"
            let order = moving(h).moving
            let chart = GroupedBarChart(
                id: "chart-sobol-" + ChartFormat.slug(name), title: "Sobol' indices of \(name)",
                summary: "First-order (S1) and total-order (ST) index of each uncertain input for \(name), inputs ranked by ST.",
                valueTitle: m("chart.sobol_axis"), categories: order.map { result.inputs[$0] },
                series: [
                    GroupedSeries(
                        name: m("col.first_order"), values: order.map { h.first[$0].value }, ranges: order.map { range(h.first[$0]) }),
                    GroupedSeries(
                        name: m("col.total_order"), values: order.map { h.total[$0].value }, ranges: order.map { range(h.total[$0]) }),
                ])
            return ChartFigure(
                id: "fig-sobol-" + ChartFormat.slug(name), heading: "\(name) (\(h.unit.symbol))", svg: chart.svg(),
                caption: m("chart.sobol_caption", ["confidence": String(Int((result.confidence * 100).rounded()))]))
        }
    }

    func range(_ e: SobolEstimate) -> ClosedRange<Double>? {
        e.low.isFinite && e.high.isFinite && e.low <= e.high ? e.low...e.high : nil
    }

    /// The HTML report: design, findings, the uncertain inputs, then per headline a chart and a
    /// table of its indices, and the provenance.
    public func html() -> String {
        let t = HTMLPage.text, c = HTMLPage.code, m = Messages(language), labels = Labels(language)
        let title = m("report.sobol_title", ["title": scenario.texts(language).title])
        var page = HTMLPage(title: title, language: language)
        page.raw(
            HTMLReport.header(
                title: title, subtitle: m("report.sobol_subtitle") + " " + designLine, scenario: scenario, provenance: provenance, language: language))
        page.section(id: "findings", title: m("report.findings", ["counts": findingsList.counts(language)]), findingsList.html(language))
        page.section(
            id: "inputs", title: m("report.uncertain_inputs", ["n": String(inputRows.count)]),
            uncertainInputsHTML(inputRows, language: language, none: Self.noInputs))
        var body = ""
        let charts = indexCharts
        for h in varying {
            let name = "\(h.evaluator).\(h.metric)"
            if let chart = charts.first(where: { $0.id == "fig-sobol-" + ChartFormat.slug(name) }) { body += HTMLPage.figure(chart) }
            body += HTMLPage.table(
                [m("col.input"), m("col.first_order"), m("col.total_order")].map(t),
                moving(h).moving.map { i in [c(result.inputs[i]), t(estimate(h.first[i])), t(estimate(h.total[i]))] }, numeric: [1, 2],
                caption: "\(t(labels.metric(h.evaluator, h.metric, descriptors: descriptors))) (\(t(labels.unit(h.unit))), \(c(name)))")
            let idle = moving(h).idle
            if !idle.isEmpty {
                // The sentence escaped around a placeholder, then the inputs as code.
                body +=
                    "<p>" + t(m("report.no_effect", ["inputs": "\u{1}"])).replacingOccurrences(of: "\u{1}", with: idle.map(c).joined(separator: ", "))
                    + "</p>\n"
            }
            body += "<p>\(t(sumLine(h)))</p>\n"
        }
        if let flatLine { body += "<p>\(t(flatLine))</p>\n" }
        page.section(id: "indices", title: m("report.sobol_indices"), body)
        return HTMLReport.finish(&page, provenance: provenance, scenario: scenario, language: language)
    }
}

extension SobolRenderer {
    /// The Excel workbook: headlines of the central run, the indices (one row per headline and
    /// input, with intervals), a chart of S1 and ST for each headline of the brief's NPV role,
    /// the uncertain inputs and findings.
    public func workbook() throws -> Data {
        let book = try ReportWorkbook(title: Messages(language)("report.sobol_title", ["title": scenario.texts(language).title]), language: language)
        let t = book.t, labels = book.labels
        if let central = result.centralRun { book.headlines(central.headlines, descriptors: descriptors) }
        book.book.addSheet(t("sheet.sobol")) { sheet in
            var rows: [[XLSXWorkbook.Cell]] = []
            for h in result.headlines {
                let label = labels.metric(h.evaluator, h.metric, descriptors: descriptors)
                for i in ranked(h) {
                    rows.append([
                        .text(label), .text(result.inputs[i]), .number(h.first[i].value), .number(h.first[i].low), .number(h.first[i].high),
                        .number(h.total[i].value), .number(h.total[i].low), .number(h.total[i].high), .number(Double(h.samplesUsed)),
                        .text(h.evaluator), .text(h.metric),
                    ])
                }
                rows.append([
                    .text(label), .text(t("col.first_order_sum")), .number(h.firstSum.value), .number(h.firstSum.low), .number(h.firstSum.high), .empty, .empty,
                    .empty, .number(Double(h.samplesUsed)), .text(h.evaluator), .text(h.metric),
                ])
            }
            sheet.table(
                header: [
                    t("col.headline"), t("col.input"), "S1", "S1 ↓", "S1 ↑", "ST", "ST ↓", "ST ↑", t("col.samples_used"), t("col.evaluator"), t("col.metric"),
                ], rows: rows, widths: [40, 56, 10, 10, 10, 10, 10, 10, 12, 20, 28])
        }
        let npvKeys = descriptors.flatMap { d in d.headlines.filter { $0.presentation.brief == .npv }.map { (d.id, $0.id) } }
        book.charts(
            npvKeys.compactMap { evaluator, metric in
                guard let h = varying.first(where: { $0.evaluator == evaluator && $0.metric == metric }) else { return nil }
                let order = moving(h).moving.prefix(10)
                return (
                    heading: labels.metric(evaluator, metric, descriptors: descriptors), yTitle: t("chart.sobol_axis"), categoryTitle: t("col.input"),
                    categories: order.map { result.inputs[$0] },
                    series: [
                        ChartData.Series(name: t("col.first_order"), values: order.map { h.first[$0].value }),
                        ChartData.Series(name: t("col.total_order"), values: order.map { h.total[$0].value }),
                    ]
                )
            }, kind: .columns)
        book.inputs(scenario, descriptors: descriptors)
        if let central = result.centralRun { book.findings(central.findings, failures: central.failures) }
        return try book.data()
    }
}
