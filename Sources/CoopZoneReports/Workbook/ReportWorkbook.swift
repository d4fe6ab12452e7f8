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
    func inputs(_ scenario: Scenario) {
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
                    .text(input.path), .number(value), .text(labels.unit(input.unit)), .text(provenance),
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

    /// Each chart as a native Excel chart on a sheet of charts, over its numbers on a sheet of
    /// data (one block per chart: a header row of series names, a row per category).
    func charts(_ charts: [ChartData]) {
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
                    chart.kind == .lines ? .line : .stackedColumns, title: chart.title, xTitle: chart.xTitle, yTitle: chart.yTitle, dataSheet: dataSheet,
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
        book.charts(RunCharts(result: result, scenario: scenario, descriptors: descriptors).allData)
        book.findings(result.findings, failures: result.failures)
        book.inputs(scenario)
        book.rows(result.rows, dimensions: dimensionColumns)
        return try book.data()
    }

    /// The run's one-page brief.
    public var brief: Brief {
        Brief(scenario: scenario, descriptors: descriptors, headlines: result.headlines, rows: result.rows, swings: swings, language: language)
    }
}
