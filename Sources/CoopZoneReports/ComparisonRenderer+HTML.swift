import CoopZoneCore

extension ComparisonRenderer {
    /// The designs' names for legends: `[i] title`, the baseline marked.
    var designNames: [String] { comparison.designs.enumerated().map { i, d in "[\(i)] \(d.title)" + (i == 0 ? " (baseline)" : "") } }

    /// One grouped bar chart per unit of the headlines: the designs side by side on each headline.
    public var groupedCharts: [ChartFigure] {
        let lines = comparison.lines
        // Calendar years (a payback year) are not quantities to draw as bars from zero: they stay in the table.
        var units: [Unit] = []
        for line in lines where line.unit != .calendarYear && !units.contains(line.unit) { units.append(line.unit) }
        let mc = comparison.designs.contains { $0.monteCarlo != nil }
        return units.map { unit in
            let group = lines.filter { $0.unit == unit }
            let categories = group.map { line in
                group.filter { $0.metric == line.metric }.count > 1 ? "\(line.evaluator).\(line.metric)" : line.metric
            }
            let series = designNames.enumerated().map { i, name in
                GroupedSeries(
                    name: name, values: group.map { $0.values[i] },
                    ranges: group.map { line in line.bands[i].map { min($0.p5, $0.p95)...max($0.p5, $0.p95) } })
            }
            let slug = ChartFormat.slug(unit.rawValue)
            let chart = GroupedBarChart(
                id: "chart-compare-" + slug, title: "Designs side by side: headlines in \(unit.symbol)",
                summary: "Each headline measured in \(unit.symbol), one bar per design.",
                valueTitle: unit.symbol + (unit.isMoney ? " (each design's price year)" : ""), categories: categories, series: series)
            return ChartFigure(
                id: "fig-compare-" + slug, heading: "Headlines in \(unit.symbol)", svg: chart.svg(),
                caption:
                    "One group per headline; in each group one bar per design, top to bottom in the legend's order ([0] is the baseline), told apart by lightness and pattern. The number at the end of a bar is the design's central value."
                    + (mc ? " Whiskers span P5 to P95 of the Monte Carlo draws." : "")
                    + " Check the findings for designs that are not comparable before reading differences.")
        }
    }

    /// The HTML report of a comparison: designs, findings, headlines with differences, the
    /// side-by-side charts, the share of draws that beat the baseline, and each design's provenance.
    public func html() -> String {
        let t = HTMLPage.text, c = HTMLPage.code, m = Messages(language), labels = Labels(language)
        let cmp = comparison
        let mc = cmp.designs.contains { $0.monteCarlo != nil }
        var page = HTMLPage(title: m("report.compare_title"), language: language)
        var header =
            "<header>\n<h1>\(t(m("report.compare_title")))</h1>\n<p class=\"lede\">"
            + (language == .en
                ? "\(cmp.designs.count) designs on their headline metrics; [0] is the baseline and Δ[i] is design [i] minus the baseline."
                : t(m("report.compare_lede", ["n": String(cmp.designs.count)]))) + "</p>\n"
        if let line = drawsLine { header += "<p class=\"meta\">\(t(line))</p>\n" }
        header += HTMLPage.table(
            ["", "design", "file", "scenario hash", "evaluators"],
            cmp.designs.enumerated().map { i, d in
                [
                    "[\(i)]", t(designName(i, d)), c(d.file), c(d.result.manifest.scenarioHash),
                    d.result.manifest.evaluators.map { "\(c($0.id)) \(t($0.version))" }.joined(separator: ", "),
                ]
            })
        page.raw(header + "</header>")
        page.section(id: "brief", title: Messages(language)("brief.title"), brief.html())
        page.section(id: "findings", title: m("report.findings", ["counts": findingsList.counts(language)]), findingsList.html(language))
        var head = [m("col.headline"), m("col.unit")].map(t)
        var numeric = Set<Int>()
        for i in cmp.designs.indices {
            numeric.insert(head.count)
            head.append("[\(i)]")
            if i > 0 {
                numeric.insert(head.count)
                head.append("Δ[\(i)]")
            }
        }
        head.append(t(m("col.id")))
        let rows = cmp.lines.map { line -> [String] in
            var row = [t(labels.metric(line.evaluator, line.metric, descriptors: descriptors)), t(labels.unit(line.unit))]
            for i in cmp.designs.indices {
                row.append(t(Self.valueCell(line, i, language: language)))
                if i > 0 { row.append(t(Self.differenceCell(line, i, comparable: !cmp.incomparable.contains(i), language: language))) }
            }
            row.append(c("\(line.evaluator).\(line.metric)"))
            return row
        }
        page.section(
            id: "headlines", title: m("report.headlines"),
            HTMLPage.table(head, rows, numeric: numeric)
                + (mc ? "<p class=\"meta\">\(t(Self.monteCarloCells))</p>\n" : "")
                + (cmp.incomparable.isEmpty ? "" : "<p class=\"meta\">\(t(Self.notComparableMark))</p>\n"))
        let charts = groupedCharts
        if !charts.isEmpty {
            let years = cmp.lines.filter { $0.unit == .calendarYear }.map { c($0.metric) }
            page.section(
                id: "charts", title: "Designs side by side",
                charts.map(HTMLPage.figure).joined()
                    + (years.isEmpty
                        ? "" : "<p>Headlines that are calendar years (\(years.joined(separator: ", "))) are compared in the table above only.</p>\n"))
        }
        if mc {
            let bh = ["evaluator", "metric", "better when"] + cmp.designs.indices.dropFirst().map { "[\($0)]" }
            let bb = cmp.lines.map { line in
                [c(line.evaluator), c(line.metric), t(Self.betterWhen(line))]
                    + cmp.designs.indices.dropFirst().map { i in t(Self.shareCell(line, i, comparable: !cmp.incomparable.contains(i))) }
            }
            page.section(id: "beats-baseline", title: "Share of draws better than the baseline", HTMLPage.table(bh, bb, numeric: Set(3..<bh.count)))
        }
        for (i, p) in provenances.enumerated() {
            page.section(
                id: i == 0 ? "provenance" : "provenance-\(i)", title: m("report.provenance_of", ["i": String(i), "name": cmp.designs[i].file]), p.html())
        }
        let footer =
            "Made by CoopZone \(t(coopZoneVersion)) from "
            + cmp.designs.map { "\(c($0.file)) (hash \(c($0.result.manifest.scenarioHash)))" }.joined(separator: ", ")
            + ". The same inputs and seed give this same file, byte for byte; it carries no date and loads nothing from the network."
        return page.render(footer: footer)
    }
}
