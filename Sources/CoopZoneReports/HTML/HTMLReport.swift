import CoopZoneCore

/// Pieces every HTML report shares.
enum HTMLReport {
    /// The page header: title, description, money and horizon, and the provenance summary.
    static func header(title: String, subtitle: String?, scenario: Scenario?, provenance: ReportProvenance?) -> String {
        var out = "<header>\n<h1>\(HTMLPage.text(title))</h1>\n"
        if let subtitle { out += "<p class=\"lede\">\(HTMLPage.text(subtitle))</p>\n" }
        if let scenario {
            if !scenario.description.isEmpty { out += "<p class=\"lede\">\(HTMLPage.text(scenario.description.trimmingTrailingSpaces()))</p>\n" }
            out +=
                "<p class=\"meta\">Money in \(HTMLPage.text(scenario.currency)) million at \(scenario.priceYear) prices; horizon \(scenario.horizon.lowerBound)–\(scenario.horizon.upperBound).</p>\n"
        }
        if let provenance {
            out +=
                "<div class=\"about\"><strong>Provenance in brief:</strong> \(provenance.summaryLine(markdown: false)). Details under <a href=\"#provenance\">Provenance</a>.</div>\n"
        }
        return out + "</header>"
    }

    /// The headline table with each metric's meaning and equation.
    static func headlineTable(_ headlines: [Headline], descriptors: [EvaluatorDescriptor]) -> String {
        let t = HTMLPage.text, c = HTMLPage.code
        return HTMLPage.table(
            ["evaluator", "metric", "value", "unit", "meaning", "equation"],
            headlines.map { h in
                let spec = descriptors.first { $0.id == h.evaluator }?.metric(h.metric)
                return [
                    c(h.evaluator), c(h.metric), t(ResultsRenderer.human(h.value)), t(h.unit.symbol), t(spec?.summary ?? ""), spec.map { c($0.equation) } ?? "",
                ]
            }, numeric: [2])
    }

    /// The footer: how the file was made, and that it is reproducible.
    static func footer(_ provenance: ReportProvenance) -> String {
        "Made by CoopZone \(HTMLPage.text(provenance.manifest.coopzoneVersion)) from \(HTMLPage.code(provenance.manifest.scenario)) (scenario hash \(HTMLPage.code(provenance.manifest.scenarioHash)), \(HTMLPage.text(provenance.seedText))). The same inputs and seed give this same file, byte for byte; it carries no date and loads nothing from the network."
    }
}
