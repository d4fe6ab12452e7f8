import CoopZoneCore

extension SensitivityRenderer {
    /// One tornado chart per headline that at least one uncertain input moves.
    public var tornadoCharts: [ChartFigure] {
        headlineGroups.compactMap { group -> ChartFigure? in
            let moving = group.swings.filter(Self.moves)
            guard let first = moving.first else { return nil }
            let name = "\(group.evaluator).\(group.metric)"
            let h = ChartFormat.readable
            let chart = TornadoChart(
                id: "chart-tornado-" + ChartFormat.slug(name), title: "Sensitivity of \(name)",
                summary: "\(name) with each uncertain input at its low and its high bound, the others central; inputs ranked by swing.",
                valueTitle: "\(group.metric), \(first.unit.symbol)" + (first.unit.isMoney ? " (\(scenario.priceYear) prices)" : ""),
                central: first.central,
                bars: moving.map { TornadoBar(label: $0.input, detail: "range \(h($0.inputLow)) … \(h($0.inputHigh))", atLow: $0.atLow, atHigh: $0.atHigh) })
            let still = group.swings.count - moving.count
            return ChartFigure(
                id: "fig-tornado-" + ChartFormat.slug(name), heading: "\(name) (\(first.unit.symbol))", svg: chart.svg(),
                caption:
                    "One row per uncertain input, the widest swing on top. The vertical line is the central value (\(h(first.central)) \(first.unit.symbol)). In each row the upper, dark bar runs from it to the value with the input at its low bound, the lower, light hatched bar to the value with the input at its high bound; the numbers are those values. A long row is an input worth pinning down."
                    + (still > 0 ? " \(still) input\(still == 1 ? "" : "s") with no effect on this headline \(still == 1 ? "is" : "are") left out." : ""))
        }
    }

    /// The HTML report of a sensitivity analysis: findings, the uncertain inputs, a tornado
    /// chart and a table per headline, and the provenance.
    public func html() -> String {
        let t = HTMLPage.text, c = HTMLPage.code, m = Messages(language), labels = Labels(language)
        let h = { (x: Double) in ResultsRenderer.localized(x, in: language) }
        let title = m("report.sensitivity_title", ["title": scenario.texts(language).title])
        var page = HTMLPage(title: title, language: language)
        page.raw(
            HTMLReport.header(
                title: title, subtitle: m("report.sensitivity_subtitle"), scenario: scenario, provenance: provenance, language: language))
        if let brief { page.section(id: "brief", title: Messages(language)("brief.title"), brief.html()) }
        page.section(id: "findings", title: m("report.findings", ["counts": findingsList.counts(language)]), findingsList.html(language))
        page.section(
            id: "inputs", title: m("report.uncertain_inputs", ["n": String(inputRows.count)]),
            uncertainInputsHTML(inputRows, language: language, none: Self.noInputs) + (idleInputsNote(c, text: t).map { "<p>\($0)</p>\n" } ?? ""))
        var body = ""
        let charts = tornadoCharts
        var unmoved: [String] = []
        for group in headlineGroups {
            let moving = group.swings.filter(Self.moves)
            let name = "\(group.evaluator).\(group.metric)"
            guard !moving.isEmpty, let chart = charts.first(where: { $0.id == "fig-tornado-" + ChartFormat.slug(name) }) else {
                unmoved.append(c(name))
                continue
            }
            body += HTMLPage.figure(chart)
            body += HTMLPage.table(
                [m("col.input"), m("col.range"), m("col.at_low"), m("col.central"), m("col.at_high"), m("col.swing")].map(t),
                moving.map { s in
                    [c(s.input), t("\(h(s.inputLow))…\(h(s.inputHigh))"), t(h(s.atLow)), t(h(s.central)), t(h(s.atHigh)), t(h(s.swing))]
                }, numeric: [2, 3, 4, 5],
                caption: "\(t(labels.metric(group.evaluator, group.metric, descriptors: descriptors))) (\(t(labels.unit(moving[0].unit))), \(c(name))), "
                    + t(m("report.ranked_by_swing")))
        }
        if swings.isEmpty { body += "<p>No swings: the scenario has no uncertain inputs.</p>\n" }
        if !unmoved.isEmpty { body += "<p>Headlines no input moves when swung alone: \(unmoved.joined(separator: ", ")).</p>\n" }
        page.section(id: "swings", title: m("report.swings"), body)
        return HTMLReport.finish(&page, provenance: provenance, scenario: scenario, language: language)
    }
}
