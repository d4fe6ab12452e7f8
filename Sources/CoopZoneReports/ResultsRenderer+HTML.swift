import CoopZoneCore

extension ResultsRenderer {
    /// The HTML report of a run: one self-contained file with findings and a provenance summary
    /// first, headlines, the charts, totals by year per evaluator and the full provenance.
    public func html() -> String {
        var page = HTMLPage(title: scenario.title)
        page.raw(HTMLReport.header(title: scenario.title, subtitle: nil, scenario: scenario, provenance: provenance))
        page.section(id: "findings", title: "Findings (\(findingsList.counts))", findingsList.html())
        page.section(id: "headlines", title: "Headlines", HTMLReport.headlineTable(result.headlines, descriptors: descriptors))
        let charts = RunCharts(result: result, scenario: scenario).all
        if !charts.isEmpty { page.section(id: "charts", title: "Charts", charts.map(HTMLPage.figure).joined()) }
        for record in result.manifest.evaluators where result.byEvaluator[record.id] != nil {
            page.section(id: "evaluator-" + ChartFormat.slug(record.id), title: "\(record.id) (v\(record.version))", evaluatorHTML(record))
        }
        page.section(id: "provenance", title: "Provenance", provenance.html())
        return page.render(footer: HTMLReport.footer(provenance))
    }

    func evaluatorHTML(_ record: RunManifest.EvaluatorRecord) -> String {
        let t = yearTable(record.id)
        var out = "<p>\(HTMLPage.text(descriptor(record.id)?.summary ?? "")). Equations: \(HTMLPage.code(record.documentation)).</p>\n"
        if t.header.count > 1 {
            out += HTMLPage.table(t.header.map(HTMLPage.text), t.rows.map { $0.map(HTMLPage.text) }, numeric: Set(0..<t.header.count),
                                  caption: "Totals by year over every dimension")
        }
        if !t.other.isEmpty {
            let shown = t.other.prefix(200)
            out += HTMLPage.table(["metric", "year", "dimensions", "value", "unit"], shown.map { $0.map(HTMLPage.text) }, numeric: [3],
                                  caption: "Values that do not add up over years or dimensions (rates, present values)")
            if t.other.count > shown.count { out += "<p class=\"meta\">\(t.other.count - shown.count) more rows: '--format csv' gives every row.</p>\n" }
        }
        return out
    }
}

/// Pieces every HTML report shares.
enum HTMLReport {
    /// The page header: title, description, money and horizon, and the provenance summary.
    static func header(title: String, subtitle: String?, scenario: Scenario?, provenance: ReportProvenance?) -> String {
        var out = "<header>\n<h1>\(HTMLPage.text(title))</h1>\n"
        if let subtitle { out += "<p class=\"lede\">\(HTMLPage.text(subtitle))</p>\n" }
        if let scenario {
            if !scenario.description.isEmpty { out += "<p class=\"lede\">\(HTMLPage.text(scenario.description.trimmingTrailingSpaces()))</p>\n" }
            out += "<p class=\"meta\">Money in \(HTMLPage.text(scenario.currency)) million at \(scenario.priceYear) prices; horizon \(scenario.horizon.lowerBound)–\(scenario.horizon.upperBound).</p>\n"
        }
        if let provenance { out += "<div class=\"about\"><strong>Provenance in brief:</strong> \(provenance.summaryLine(markdown: false)). Details under <a href=\"#provenance\">Provenance</a>.</div>\n" }
        return out + "</header>"
    }

    /// The headline table with each metric's meaning and equation.
    static func headlineTable(_ headlines: [Headline], descriptors: [EvaluatorDescriptor]) -> String {
        let t = HTMLPage.text, c = HTMLPage.code
        return HTMLPage.table(["evaluator", "metric", "value", "unit", "meaning", "equation"], headlines.map { h in
            let spec = descriptors.first { $0.id == h.evaluator }?.metric(h.metric)
            return [c(h.evaluator), c(h.metric), t(ResultsRenderer.human(h.value)), t(h.unit.symbol), t(spec?.summary ?? ""), spec.map { c($0.equation) } ?? ""]
        }, numeric: [2])
    }

    /// The footer: how the file was made, and that it is reproducible.
    static func footer(_ provenance: ReportProvenance) -> String {
        "Made by CoopZone \(HTMLPage.text(provenance.manifest.coopzoneVersion)) from \(HTMLPage.code(provenance.manifest.scenario)) (scenario hash \(HTMLPage.code(provenance.manifest.scenarioHash)), \(HTMLPage.text(provenance.seedText))). The same inputs and seed give this same file, byte for byte; it carries no date and loads nothing from the network."
    }
}
