import CLibXlsxWriter
import Foundation

/// An Excel workbook written with libxlsxwriter: sheets of text and numbers, a bold frozen
/// header with a filter, and native line and stacked-column charts. The same content gives the
/// same bytes: the document's creation date is fixed and libxlsxwriter dates every part of the
/// file alike.
final class XLSXWorkbook {
    /// Why a workbook could not be written.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// A cell's value.
    enum Cell {
        case text(String)
        case number(Double)
        case empty
    }

    /// A chart's kind.
    enum ChartKind {
        case line
        case stackedColumns
        /// Columns side by side (a comparison of designs).
        case columns
        /// Horizontal bars on one axis, series overlapping (a tornado).
        case tornado
    }

    private let path: String
    private let workbook: UnsafeMutablePointer<lxw_workbook>
    private var closed = false
    private(set) var sheetNames: [String] = []
    private let header: UnsafeMutablePointer<lxw_format>
    private let bold: UnsafeMutablePointer<lxw_format>
    private let wrap: UnsafeMutablePointer<lxw_format>
    private let number: UnsafeMutablePointer<lxw_format>
    private let title: UnsafeMutablePointer<lxw_format>

    /// A workbook written to a temporary file until `data()` reads it back.
    init() throws {
        path = NSTemporaryDirectory() + "coopzone-" + UUID().uuidString + ".xlsx"
        guard let book = path.withCString({ workbook_new($0) }) else { throw Failure(description: "libxlsxwriter could not start a workbook at \(path)") }
        workbook = book
        func format() -> UnsafeMutablePointer<lxw_format> { workbook_add_format(book)! }
        header = format()
        format_set_bold(header)
        format_set_bg_color(header, 0xDDE4EC)
        format_set_text_wrap(header)
        bold = format()
        format_set_bold(bold)
        wrap = format()
        format_set_text_wrap(wrap)
        title = format()
        format_set_bold(title)
        format_set_font_size(title, 14)
        number = format()
        format_set_num_format(number, "#,##0.###")
    }

    deinit {
        if !closed { workbook_close(workbook) }
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Sets the document properties; the creation date is always 1 January 2000, so the bytes
    /// depend on the content only.
    func setProperties(title: String, subject: String) {
        title.withCString { t in
            subject.withCString { s in
                "CoopZone".withCString { author in
                    var properties = lxw_doc_properties()
                    properties.title = UnsafeMutablePointer(mutating: t)
                    properties.subject = UnsafeMutablePointer(mutating: s)
                    properties.author = UnsafeMutablePointer(mutating: author)
                    properties.created = 946_684_800
                    _ = workbook_set_properties(workbook, &properties)
                }
            }
        }
    }

    /// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, unique in the book.
    static func sheetName(_ name: String, taken: [String]) -> String {
        var clean = String(name.map { "[]:*?/\\".contains($0) ? "-" : $0 }.prefix(31))
        if clean.isEmpty { clean = "Sheet" }
        var candidate = clean, n = 2
        while taken.contains(where: { $0.lowercased() == candidate.lowercased() }) {
            let suffix = " \(n)"
            candidate = String(clean.prefix(31 - suffix.count)) + suffix
            n += 1
        }
        return candidate
    }

    /// Adds a sheet; returns its name (made acceptable to Excel).
    @discardableResult
    func addSheet(_ name: String, build: (inout Sheet) -> Void) -> String {
        let clean = Self.sheetName(name, taken: sheetNames)
        sheetNames.append(clean)
        let handle = clean.withCString { workbook_add_worksheet(workbook, $0) }!
        var sheet = Sheet(handle: handle, name: clean, book: self)
        build(&sheet)
        return clean
    }

    /// A worksheet being filled.
    struct Sheet {
        let handle: UnsafeMutablePointer<lxw_worksheet>
        let name: String
        unowned let book: XLSXWorkbook

        /// Writes `cells` across row `row` from column `column`.
        func write(row: Int, column: Int = 0, _ cells: [Cell], style: Style = .plain) {
            for (offset, cell) in cells.enumerated() { write(row: row, column: column + offset, cell, style: style) }
        }

        /// How a cell is set.
        enum Style { case plain, header, bold, wrap, title }

        func format(_ style: Style, numeric: Bool) -> UnsafeMutablePointer<lxw_format>? {
            switch style {
            case .plain: numeric ? book.number : nil
            case .header: book.header
            case .bold: book.bold
            case .wrap: book.wrap
            case .title: book.title
            }
        }

        /// Writes one cell.
        func write(row: Int, column: Int, _ cell: Cell, style: Style = .plain) {
            let r = lxw_row_t(row), c = lxw_col_t(column)
            switch cell {
            case .text(let text): _ = text.withCString { worksheet_write_string(handle, r, c, $0, format(style, numeric: false)) }
            case .number(let value):
                if value.isFinite {
                    _ = worksheet_write_number(handle, r, c, value, format(style, numeric: true))
                } else {
                    _ = "n/a".withCString { worksheet_write_string(handle, r, c, $0, format(style, numeric: false)) }
                }
            case .empty: break
            }
        }

        /// A table: a bold header row at `row`, frozen, with a filter over the table, and the rows below.
        func table(row: Int = 0, header: [String], rows: [[Cell]], widths: [Double] = []) {
            write(row: row, header.map(Cell.text), style: .header)
            for (i, cells) in rows.enumerated() { write(row: row + 1 + i, cells) }
            worksheet_freeze_panes(handle, lxw_row_t(row + 1), 0)
            if !header.isEmpty {
                _ = worksheet_autofilter(handle, lxw_row_t(row), 0, lxw_row_t(row + max(1, rows.count)), lxw_col_t(header.count - 1))
            }
            for (i, width) in widths.enumerated() { _ = worksheet_set_column(handle, lxw_col_t(i), lxw_col_t(i), width, nil) }
        }

        static func chartType(_ kind: ChartKind) -> UInt8 {
            switch kind {
            case .line: UInt8(LXW_CHART_LINE.rawValue)
            case .stackedColumns: UInt8(LXW_CHART_COLUMN_STACKED.rawValue)
            case .columns: UInt8(LXW_CHART_COLUMN.rawValue)
            case .tornado: UInt8(LXW_CHART_BAR.rawValue)
            }
        }

        /// Sets column widths, in characters.
        func widths(_ widths: [Double]) {
            for (i, width) in widths.enumerated() { _ = worksheet_set_column(handle, lxw_col_t(i), lxw_col_t(i), width, nil) }
        }

        /// A native chart placed at `anchorRow`, `anchorColumn`: categories from column
        /// `categoryColumn` and one series per column of `seriesColumns` (its name from the
        /// header row `headerRow`), over data rows `firstRow...lastRow` of `dataSheet`.
        func chart(
            _ kind: ChartKind, title: String, xTitle: String, yTitle: String, dataSheet: String, headerRow: Int, firstRow: Int, lastRow: Int,
            categoryColumn: Int, seriesColumns: [Int], anchorRow: Int, anchorColumn: Int
        ) {
            guard lastRow >= firstRow, !seriesColumns.isEmpty,
                let chart = book.addChart(Self.chartType(kind))
            else { return }
            if kind == .tornado { chart_set_series_overlap(chart, 100) }
            for column in seriesColumns {
                guard let series = chart_add_series(chart, nil, nil) else { continue }
                dataSheet.withCString { s in
                    chart_series_set_categories(series, s, lxw_row_t(firstRow), lxw_col_t(categoryColumn), lxw_row_t(lastRow), lxw_col_t(categoryColumn))
                    chart_series_set_values(series, s, lxw_row_t(firstRow), lxw_col_t(column), lxw_row_t(lastRow), lxw_col_t(column))
                    chart_series_set_name_range(series, s, lxw_row_t(headerRow), lxw_col_t(column))
                }
            }
            title.withCString { chart_title_set_name(chart, $0) }
            xTitle.withCString { chart_axis_set_name(chart.pointee.x_axis, $0) }
            yTitle.withCString { chart_axis_set_name(chart.pointee.y_axis, $0) }
            chart_legend_set_position(chart, UInt8(LXW_CHART_LEGEND_BOTTOM.rawValue))
            var options = lxw_chart_options()
            options.x_scale = 1.4
            options.y_scale = 1.3
            _ = worksheet_insert_chart_opt(handle, lxw_row_t(anchorRow), lxw_col_t(anchorColumn), chart, &options)
        }
    }

    func addChart(_ type: UInt8) -> UnsafeMutablePointer<lxw_chart>? { workbook_add_chart(workbook, type) }

    /// Closes the workbook and returns its bytes.
    func data() throws -> Data {
        closed = true
        let status = workbook_close(workbook)
        guard status == LXW_NO_ERROR else {
            throw Failure(description: "libxlsxwriter could not write the workbook: \(String(cString: lxw_strerror(status)))")
        }
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }
}
