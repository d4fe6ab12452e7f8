import CoopZoneCore

extension ResultsRenderer {
    /// The HTML report of a run: one self-contained file with findings and a provenance summary
    /// first, headlines, the charts, totals by year per evaluator and the full provenance.
    public func html() -> String {
        var page = HTMLPage(title: scenario.title)
        page.raw(HTMLReport.header(title: scenario.title, subtitle: nil, scenario: scenario, provenance: provenance))
        page.section(id: "brief", title: Messages(language)("brief.title"), brief.html())
        page.section(id: "findings", title: "Findings (\(findingsList.counts))", findingsList.html())
        page.section(id: "headlines", title: "Headlines", HTMLReport.headlineTable(result.headlines, descriptors: descriptors))
        let charts = RunCharts(result: result, scenario: scenario, descriptors: descriptors).all
        if !charts.isEmpty { page.section(id: "charts", title: "Charts", charts.map(HTMLPage.figure).joined()) }
        for record in result.manifest.evaluators where result.byEvaluator[record.id] != nil {
            page.section(id: "evaluator-" + ChartFormat.slug(record.id), title: "\(record.id) (v\(record.version))", evaluatorHTML(record))
        }
        page.section(id: "provenance", title: "Provenance", provenance.html())
        return page.render(footer: HTMLReport.footer(provenance))
    }

    func evaluatorHTML(_ record: RunManifest.EvaluatorRecord) -> String {
        let t = yearTable(record.id)
        let summary = descriptor(record.id)?.summary ?? ""
        var out = "<p>\(HTMLPage.text(summary))\(summary.hasSuffix(".") || summary.isEmpty ? "" : ".") Equations: \(HTMLPage.code(record.documentation)).</p>\n"
        if t.header.count > 1 {
            out += HTMLPage.table(
                t.header.map(HTMLPage.text), t.rows.map { $0.map(HTMLPage.text) }, numeric: Set(0..<t.header.count),
                caption: "Totals by year over every dimension")
        }
        if !t.other.isEmpty {
            let shown = t.other.prefix(200)
            out += HTMLPage.table(
                ["metric", "year", "dimensions", "value", "unit"], shown.map { $0.map(HTMLPage.text) }, numeric: [3],
                caption: "Values that do not add up over years or dimensions (rates, present values)")
            if t.other.count > shown.count { out += "<p class=\"meta\">\(t.other.count - shown.count) more rows: '--format csv' gives every row.</p>\n" }
        }
        return out
    }
}
