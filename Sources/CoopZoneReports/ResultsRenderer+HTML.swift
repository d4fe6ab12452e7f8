import CoopZoneCore

extension ResultsRenderer {
    /// The HTML report of a run: one self-contained file with findings and a provenance summary
    /// first, headlines, the charts, totals by year per evaluator and the full provenance.
    public func html() -> String {
        let m = Messages(language)
        let title = scenario.texts(language).title
        var page = HTMLPage(title: title, language: language)
        page.raw(HTMLReport.header(title: title, subtitle: nil, scenario: scenario, provenance: provenance, language: language))
        page.section(id: "brief", title: Messages(language)("brief.title"), brief.html())
        page.section(id: "findings", title: m("report.findings", ["counts": findingsList.counts(language)]), findingsList.html(language))
        page.section(id: "headlines", title: m("report.headlines"), HTMLReport.headlineTable(result.headlines, descriptors: descriptors, language: language))
        let charts = RunCharts(result: result, scenario: scenario, descriptors: descriptors, language: language).all
        if !charts.isEmpty { page.section(id: "charts", title: m("report.charts"), charts.map(HTMLPage.figure).joined()) }
        for record in result.manifest.evaluators where result.byEvaluator[record.id] != nil {
            page.section(id: "evaluator-" + ChartFormat.slug(record.id), title: "\(record.id) (v\(record.version))", evaluatorHTML(record))
        }
        page.section(id: "provenance", title: m("report.provenance"), provenance.html())
        return page.render(footer: HTMLReport.footer(provenance, language: language))
    }

    func evaluatorHTML(_ record: RunManifest.EvaluatorRecord) -> String {
        let t = yearTable(record.id, language: language), m = Messages(language)
        let summary = descriptor(record.id)?.summary ?? ""
        var out =
            "<p>\(HTMLPage.text(summary))\(summary.hasSuffix(".") || summary.isEmpty ? "" : ".") \(m("report.equations")): \(HTMLPage.code(record.documentation)).</p>\n"
        if t.header.count > 1 {
            out += HTMLPage.table(
                t.header.map(HTMLPage.text), t.rows.map { $0.map(HTMLPage.text) }, numeric: Set(0..<t.header.count),
                caption: HTMLPage.text(m("report.totals_caption")))
        }
        if !t.other.isEmpty {
            let shown = t.other.prefix(200)
            out += HTMLPage.table(
                (language == .en
                    ? ["metric", "year", "dimensions", "value", "unit"] : [m("col.metric"), m("col.year"), m("col.dimensions"), m("col.value"), m("col.unit")])
                    .map(HTMLPage.text), shown.map { $0.map(HTMLPage.text) }, numeric: [3],
                caption: HTMLPage.text(m("report.other_caption")))
            if t.other.count > shown.count {
                out += "<p class=\"meta\">\(HTMLPage.text(m("report.more_rows", ["n": String(t.other.count - shown.count)])))</p>\n"
            }
        }
        return out
    }
}
