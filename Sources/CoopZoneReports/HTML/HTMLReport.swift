import CoopZoneCore

/// Pieces every HTML report shares.
enum HTMLReport {
    /// The page header: title, description, money and horizon, and the provenance summary.
    static func header(title: String, subtitle: String?, scenario: Scenario?, provenance: ReportProvenance?, language: Language = .en) -> String {
        let m = Messages(language)
        var out = "<header>\n<h1>\(HTMLPage.text(title))</h1>\n"
        if let subtitle { out += "<p class=\"lede\">\(HTMLPage.text(subtitle))</p>\n" }
        if let scenario {
            let description = scenario.texts(language).description
            if !description.isEmpty { out += "<p class=\"lede\">\(HTMLPage.text(description.trimmingTrailingSpaces()))</p>\n" }
            out += "<p class=\"meta\">\(HTMLPage.text(moneyAndHorizon(scenario, language: language)))</p>\n"
        }
        if let provenance {
            out +=
                "<div class=\"about\"><strong>\(m("report.provenance_brief")):</strong> \(provenance.summaryLine(markdown: false)). \(m("report.details_under")) <a href=\"#provenance\">\(m("report.provenance"))</a>.</div>\n"
        }
        return out + "</header>"
    }

    /// "Money in USD million at 2023 prices; horizon 2026–2040." in `language`.
    static func moneyAndHorizon(_ scenario: Scenario, language: Language) -> String {
        Messages(language)(
            "report.money_horizon",
            [
                "currency": scenario.currency, "year": String(scenario.priceYear), "first": String(scenario.horizon.lowerBound),
                "last": String(scenario.horizon.upperBound),
            ])
    }

    /// The headline table with each metric's meaning and equation.
    static func headlineTable(_ headlines: [Headline], descriptors: [EvaluatorDescriptor], language: Language = .en) -> String {
        let t = HTMLPage.text, c = HTMLPage.code, m = Messages(language), labels = Labels(language)
        return HTMLPage.table(
            [m("col.headline"), m("col.value"), m("col.unit"), m("col.meaning"), m("col.equation"), m("col.id")].map(t),
            headlines.map { h in
                let spec = descriptors.first { $0.id == h.evaluator }?.metric(h.metric)
                return [
                    t(labels.metric(h.evaluator, h.metric, descriptors: descriptors)), t(ResultsRenderer.localized(h.value, in: language)),
                    t(labels.unit(h.unit)), t(spec.map { labels.metricSummary(h.evaluator, $0) } ?? ""), spec.map { c($0.equation) } ?? "",
                    c("\(h.evaluator).\(h.metric)"),
                ]
            }, numeric: [1])
    }

    /// The footer: how the file was made, and that it is reproducible.
    /// The page's last section, the provenance (or, without a central run, the scenario's file
    /// and hash), then the page with its footer.
    static func finish(_ page: inout HTMLPage, provenance: ReportProvenance?, scenario: Scenario, language: Language) -> String {
        let title = Messages(language)("report.provenance"), c = HTMLPage.code
        if let provenance {
            page.section(id: "provenance", title: title, provenance.html())
            return page.render(footer: footer(provenance, language: language))
        }
        page.section(id: "provenance", title: title, "<p>Scenario \(c(scenario.file)), hash \(c(scenario.contentHash)).</p>\n")
        return page.render(
            footer: "Made by CoopZone \(HTMLPage.text(coopZoneVersion)) from \(c(scenario.file)). The same inputs give this same file, byte for byte.")
    }

    static func footer(_ provenance: ReportProvenance, language: Language = .en) -> String {
        Messages(language)(
            "report.footer",
            [
                "version": HTMLPage.text(provenance.manifest.coopzoneVersion), "file": HTMLPage.code(provenance.manifest.scenario),
                "hash": HTMLPage.code(provenance.manifest.scenarioHash), "seed": HTMLPage.text(provenance.seedText),
            ])
    }
}
