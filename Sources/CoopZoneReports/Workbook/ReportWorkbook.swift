import CoopZoneCore
import Foundation

/// The sheets every report workbook shares, in the report's language: the brief, headlines
/// with labels and units, findings, inputs with provenance, the tidy rows, and charts as native
/// Excel charts over a sheet of their numbers.
struct ReportWorkbook {
    let book: XLSXWorkbook
    let language: Language
    var t: Messages { Messages(language) }
    var labels: Labels { Labels(language) }

    init(title: String, language: Language) throws {
        book = try XLSXWorkbook()
        self.language = language
        book.setProperties(title: title, subject: Messages(language)("workbook.subject"))
    }

    /// The brief: the title, then a heading and a paragraph per item.
    func brief(_ brief: Brief) {
        book.addSheet(t("sheet.brief")) { sheet in
            sheet.write(row: 0, column: 0, .text(brief.title), style: .title)
            var row = 2
            for item in brief.items {
                sheet.write(row: row, column: 0, .text(item.heading), style: .bold)
                sheet.write(row: row + 1, column: 0, .text(item.text), style: .wrap)
                row += 3
            }
            sheet.widths([120])
        }
    }

    /// The headlines: label, value, unit, evaluator and metric id (and P5, P50, P95 when given).
    func headlines(_ headlines: [Headline], descriptors: [EvaluatorDescriptor], bands: [String: Band] = [:]) {
        book.addSheet(t("sheet.headlines")) { sheet in
            var header = [t("col.headline"), t("col.value"), t("col.unit")]
            if !bands.isEmpty { header += ["P5", "P50", "P95"] }
            header += [t("col.evaluator"), t("col.metric")]
            let rows = headlines.map { h -> [XLSXWorkbook.Cell] in
                var cells: [XLSXWorkbook.Cell] = [
                    .text(labels.metric(h.evaluator, h.metric, descriptors: descriptors)), .number(h.value), .text(labels.unit(h.unit)),
                ]
                if !bands.isEmpty {
                    let band = bands["\(h.evaluator).\(h.metric)"]
                    cells += [band.map { .number($0.p5) } ?? .empty, band.map { .number($0.p50) } ?? .empty, band.map { .number($0.p95) } ?? .empty]
                }
                return cells + [.text(h.evaluator), .text(h.metric)]
            }
            sheet.table(header: header, rows: rows, widths: [48, 14, 18] + (bands.isEmpty ? [] : [14, 14, 14]) + [20, 30])
        }
    }

    /// Findings and failures.
    func findings(_ findings: [Finding], failures: [EvaluatorFailure]) {
        book.addSheet(t("sheet.findings")) { sheet in
            let rows =
                failures.map { [XLSXWorkbook.Cell.text("failure"), .text($0.evaluator), .text($0.message), .empty] }
                + findings.map { [.text($0.kind.rawValue), .text($0.evaluator), .text($0.message), $0.location.map { .text($0.description) } ?? .empty] }
            sheet.table(header: [t("col.kind"), t("col.evaluator"), t("col.message"), t("col.where")], rows: rows, widths: [16, 20, 110, 40])
        }
    }

    /// Every number of the scenario with its unit, provenance and distribution.
    func inputs(_ scenario: Scenario, descriptors: [EvaluatorDescriptor]) {
        book.addSheet(t("sheet.inputs")) { sheet in
            let rows = scenario.inputs.enumerated().map { i, input -> [XLSXWorkbook.Cell] in
                let provenance: String
                switch input.provenance {
                case .source(let id, let locator): provenance = locator.map { "\(id): \($0)" } ?? id
                case .assumption(let text): provenance = "assumption: " + text
                case .unspecified: provenance = "unspecified"
                }
                let distribution: String
                switch input.distribution {
                case .uniform(let low, let high)?: distribution = "uniform(\(format(low)), \(format(high)))"
                case .triangular(let low, let mode, let high)?: distribution = "triangular(\(format(low)), \(format(mode)), \(format(high)))"
                case .normal(let mean, let sd, let low, let high)?: distribution = "normal(\(format(mean)), \(format(sd)); \(format(low))–\(format(high)))"
                case nil: distribution = ""
                }
                let value = i < scenario.values.count ? scenario.values[i] : input.central
                return [
                    .text(input.path), .number(value), .text(labels.unit(displayUnit(input, descriptors))), .text(provenance),
                    distribution.isEmpty ? .empty : .text(distribution), .text(input.location.description),
                ]
            }
            sheet.table(
                header: [t("col.input"), t("col.value"), t("col.unit"), t("col.source"), t("col.distribution"), t("col.where")], rows: rows,
                widths: [60, 14, 18, 60, 34, 40])
        }
    }

    /// The tidy rows, one per value, with a filter and frozen header.
    func rows(_ rows: [ResultRow], dimensions: [CoopZoneCore.Dimension]) {
        book.addSheet(t("sheet.rows")) { sheet in
            let header = [t("col.evaluator"), t("col.metric"), t("col.unit"), t("col.year")] + dimensions.map(\.rawValue) + [t("col.value")]
            let body = rows.map { row -> [XLSXWorkbook.Cell] in
                [.text(row.evaluator), .text(row.metric), .text(labels.unit(row.unit)), row.year.map { .number(Double($0)) } ?? .empty]
                    + dimensions.map { d in row.dimensions[d].map { .text($0) } ?? .empty } + [.number(row.value)]
            }
            sheet.table(header: header, rows: body, widths: [20, 30, 18, 8] + dimensions.map { _ in 16 } + [14])
        }
    }

    /// A chart of `kind` per block of numbers: `blocks` of a heading, a category header, the
    /// categories and one series per column, written on a data sheet and charted on a chart sheet.
    func charts(
        _ blocks: [(heading: String, yTitle: String, categoryTitle: String, categories: [String], series: [ChartData.Series])], kind: XLSXWorkbook.ChartKind
    ) {
        guard !blocks.isEmpty else { return }
        charts(
            blocks.map { b in
                ChartData(
                    id: "", kind: .stackedBars, heading: b.heading, title: b.heading, summary: "", xTitle: b.categoryTitle, yTitle: b.yTitle, caption: "",
                    unit: "", categories: b.categories, series: b.series, overlay: nil)
            }, kind: kind)
    }

    /// Each chart as a native Excel chart on a sheet of charts, over its numbers on a sheet of
    /// data (one block per chart: a header row of series names, a row per category).
    func charts(_ charts: [ChartData], kind: XLSXWorkbook.ChartKind? = nil) {
        guard !charts.isEmpty else { return }
        var blocks: [(chart: ChartData, header: Int, first: Int, last: Int)] = []
        let dataSheet = book.addSheet(t("sheet.chart_data")) { sheet in
            var row = 0
            for chart in charts {
                sheet.write(row: row, column: 0, .text(chart.heading), style: .bold)
                let header = row + 1
                var names = [chart.xTitle] + chart.series.map(\.name)
                if let overlay = chart.overlay { names.append(overlay.name) }
                sheet.write(row: header, names.map(XLSXWorkbook.Cell.text), style: .header)
                for (i, category) in chart.categories.enumerated() {
                    var cells: [XLSXWorkbook.Cell] = [.text(category)]
                    cells += chart.series.map { i < $0.values.count ? .number($0.values[i]) : .empty }
                    if let overlay = chart.overlay { cells.append(i < overlay.values.count ? overlay.values[i].map { .number($0) } ?? .empty : .empty) }
                    sheet.write(row: header + 1 + i, cells)
                }
                blocks.append((chart, header, header + 1, header + chart.categories.count))
                row = header + chart.categories.count + 2
            }
            sheet.widths([40] + Array(repeating: 18, count: 8))
        }
        book.addSheet(t("sheet.charts")) { sheet in
            for (i, block) in blocks.enumerated() {
                let chart = block.chart
                sheet.chart(
                    kind ?? (chart.kind == .lines ? .line : .stackedColumns), title: chart.title, xTitle: chart.xTitle, yTitle: chart.yTitle,
                    dataSheet: dataSheet,
                    headerRow: block.header, firstRow: block.first, lastRow: block.last, categoryColumn: 0,
                    seriesColumns: Array(1...chart.series.count), anchorRow: 1 + i * 22, anchorColumn: 1)
            }
        }
    }

    func format(_ x: Double) -> String { language.readable(x) }

    /// The workbook's bytes.
    func data() throws -> Data { try book.data() }
}

extension ResultsRenderer {
    /// The run as an Excel workbook: the brief, headlines, findings, inputs with provenance,
    /// the tidy rows and the report's charts as native charts.
    public func workbook() throws -> Data {
        let book = try ReportWorkbook(title: scenario.title, language: language)
        book.brief(brief)
        book.headlines(result.headlines, descriptors: descriptors)
        book.charts(RunCharts(result: result, scenario: scenario, descriptors: descriptors, language: language).allData)
        book.findings(result.findings, failures: result.failures)
        book.inputs(scenario, descriptors: descriptors)
        book.rows(result.rows, dimensions: dimensionColumns)
        return try book.data()
    }
}

extension ComparisonRenderer {
    /// The comparison as an Excel workbook: the brief (which design wins on which headline, and
    /// where the bands overlap), every headline side by side with differences from the baseline,
    /// a column chart per headline of the brief, and the notes.
    public func workbook() throws -> Data {
        let c = comparison
        let book = try ReportWorkbook(title: brief.title, language: language)
        let t = Messages(language), labels = Labels(language)
        let mc = c.designs.contains { $0.monteCarlo != nil }
        book.brief(brief)
        let names = c.designs.enumerated().map { i, d in "[\(i)] " + designName(i, d) }
        book.book.addSheet(t("sheet.designs")) { sheet in
            var header = [t("col.headline"), t("col.unit"), t("col.design"), t("col.value")]
            if mc { header += ["P5", "P50", "P95"] }
            header += [t("col.difference"), t("col.evaluator"), t("col.metric")]
            var rows: [[XLSXWorkbook.Cell]] = []
            for line in c.lines {
                for i in c.designs.indices {
                    var cells: [XLSXWorkbook.Cell] = [
                        .text(labels.metric(line.evaluator, line.metric, descriptors: descriptors)), .text(labels.unit(line.unit)), .text(names[i]),
                        line.values[i].map { .number($0) } ?? .empty,
                    ]
                    if mc {
                        let b = line.bands[i]
                        cells += [b.map { .number($0.p5) } ?? .empty, b.map { .number($0.p50) } ?? .empty, b.map { .number($0.p95) } ?? .empty]
                    }
                    cells += [line.differences[i].map { .number($0) } ?? .empty, .text(line.evaluator), .text(line.metric)]
                    rows.append(cells)
                }
            }
            sheet.table(header: header, rows: rows, widths: [44, 16, 44, 14] + (mc ? [14, 14, 14] : []) + [14, 20, 30])
        }
        let briefLines = c.lines.filter { line in descriptors.first { $0.id == line.evaluator }?.metric(line.metric)?.presentation.brief != nil }
        book.charts(
            briefLines.map { line in
                let label = labels.metric(line.evaluator, line.metric, descriptors: descriptors)
                return (
                    heading: label, yTitle: labels.unit(line.unit), categoryTitle: t("col.design"), categories: names,
                    series: [ChartData.Series(name: label, values: line.values.indices.map { line.bands[$0]?.p50 ?? line.values[$0] ?? .nan })]
                )
            }, kind: .columns)
        book.book.addSheet(t("sheet.findings")) { sheet in
            sheet.table(header: [t("col.message")], rows: (c.notes + findingsList.findings.map(\.message)).map { [.text($0)] }, widths: [140])
        }
        return try book.data()
    }
}

extension SensitivityRenderer {
    /// The swings as an Excel workbook: the brief of the central run (with the inputs that move
    /// the NPV most), every swing, a tornado chart of the brief's NPV, and the inputs.
    public func workbook() throws -> Data {
        let book = try ReportWorkbook(title: scenario.texts(language).title, language: language)
        let t = Messages(language), labels = Labels(language)
        if let central, let brief {
            book.brief(brief)
            book.headlines(central.headlines, descriptors: descriptors)
        }
        book.book.addSheet(t("sheet.swings")) { sheet in
            let rows = swings.map { s -> [XLSXWorkbook.Cell] in
                [
                    .text(s.input), .text(labels.metric(s.evaluator, s.metric, descriptors: descriptors)), .text(labels.unit(s.unit)), .number(s.inputLow),
                    .number(s.inputHigh), .number(s.atLow), .number(s.central), .number(s.atHigh), .number(s.swing), .text(s.evaluator), .text(s.metric),
                ]
            }
            sheet.table(
                header: [
                    t("col.input"), t("col.headline"), t("col.unit"), t("col.low"), t("col.high"), t("col.at_low"), t("col.central"), t("col.at_high"),
                    t("col.swing"), t("col.evaluator"), t("col.metric"),
                ], rows: rows, widths: [56, 40, 16, 12, 12, 14, 14, 14, 12, 20, 28])
        }
        // A tornado per headline of the brief's NPV role: the ten largest swings, as changes from the central value.
        let npvKeys = descriptors.flatMap { d in d.headlines.filter { $0.presentation.brief == .npv }.map { (d.id, $0.id) } }
        book.charts(
            npvKeys.compactMap { evaluator, metric in
                let top = swings.filter { $0.evaluator == evaluator && $0.metric == metric && $0.swing.isFinite }.sorted { $0.swing > $1.swing }.prefix(10)
                guard let first = top.first else { return nil }
                let label = labels.metric(evaluator, metric, descriptors: descriptors)
                return (
                    heading: label, yTitle: labels.unit(first.unit), categoryTitle: t("col.input"), categories: top.map(\.input),
                    series: [
                        ChartData.Series(name: t("col.at_low"), values: top.map { $0.atLow - $0.central }),
                        ChartData.Series(name: t("col.at_high"), values: top.map { $0.atHigh - $0.central }),
                    ]
                )
            }, kind: .tornado)
        book.inputs(scenario, descriptors: descriptors)
        return try book.data()
    }
}
