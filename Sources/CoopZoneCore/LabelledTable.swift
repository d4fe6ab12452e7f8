import CSV
import Foundation

/// A table of numbers with labelled rows and columns, as statistical offices publish an
/// input–output table: the first row names the columns, the first column names the rows, every
/// other cell is a number or empty. Read from CSV text with CSV.swift, or built from a table
/// written inline in a scenario; every problem is a diagnostic at the cell (`file:row:column`
/// for a CSV, rows and columns counted from 1 with the header row and label column included, as
/// a spreadsheet numbers them; the YAML position for an inline table).
public struct LabelledTable: Sendable, Equatable {
    /// The row labels, in order.
    public var rowLabels: [String]
    /// The column labels, in order (without the label column's own header).
    public var columnLabels: [String]
    /// `values[r][c]`: the number in row `rowLabels[r]`, column `columnLabels[c]`; nil for an empty cell.
    public var values: [[Double?]]
    /// The file the table was read from, as the user named it.
    public var file: String
    /// Where each row's label is.
    public var rowLocations: [SourceLocation]
    /// Where each column's label is.
    public var columnLocations: [SourceLocation]
    /// Where each cell is, when the table was not read from a CSV (whose cells are found by row and column).
    public var cellLocations: [[SourceLocation]]?

    /// A table built from its parts (an inline table: every cell's location given).
    public init(
        rowLabels: [String], columnLabels: [String], values: [[Double?]], file: String, rowLocations: [SourceLocation],
        columnLocations: [SourceLocation], cellLocations: [[SourceLocation]]?
    ) {
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        self.values = values
        self.file = file
        self.rowLocations = rowLocations
        self.columnLocations = columnLocations
        self.cellLocations = cellLocations
    }

    /// Where the cell of data row `r`, data column `c` (both 0-based) is.
    public func location(row r: Int, column c: Int) -> SourceLocation {
        if let cellLocations { return cellLocations[r][c] }
        return SourceLocation(file: file, line: rowLocations[r].line, column: c + 2)
    }

    /// Where the label of data row `r` is.
    public func location(rowLabel r: Int) -> SourceLocation { rowLocations[r] }

    /// Where the label of data column `c` is.
    public func location(columnLabel c: Int) -> SourceLocation { columnLocations[c] }

    /// The index of a row label, or nil.
    public func row(_ label: String) -> Int? { rowLabels.firstIndex(of: label) }

    /// The index of a column label, or nil.
    public func column(_ label: String) -> Int? { columnLabels.firstIndex(of: label) }

    /// Reads `text` (the contents of `file`). Returns the table, or the diagnostics that stop it
    /// (all of them, not just the first: a ragged row, a cell that is not a number, a label given
    /// twice, an empty table). An empty cell is nil: the reader of the table says where one is allowed.
    public static func read(csv text: String, file: String) -> Result<LabelledTable, DiagnosticsError> {
        var diagnostics: [Diagnostic] = []
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: false, trimFields: true)
        } catch {
            return .failure(
                DiagnosticsError([
                    Diagnostic(
                        .error, "cannot read the CSV: \(error)", at: SourceLocation(file: file, line: 1, column: 1),
                        hint: "save the table as comma-separated UTF-8 text")
                ]))
        }
        var records: [(row: Int, fields: [String])] = []
        var read = 0
        while let record = reader.next() {
            read += 1
            // A blank line (one empty field) is no record, but it keeps the numbering of the rows after it.
            if record.count == 1 && record[0].isEmpty { continue }
            records.append((read, record))
        }
        if let error = reader.error {
            return .failure(
                DiagnosticsError([
                    Diagnostic(
                        .error, "the CSV is malformed after row \(read): \(error)",
                        at: SourceLocation(file: file, line: read + 1, column: 1),
                        hint: "check the quotes on that row: a field with a comma or a quote is written \"like, this\" with \"\" for a quote")
                ]))
        }
        guard let header = records.first?.fields, header.count >= 2, records.count >= 2 else {
            return .failure(
                DiagnosticsError([
                    Diagnostic(
                        .error, "the table is empty: it needs a header row of column labels and at least one row of numbers",
                        at: SourceLocation(file: file, line: 1, column: 1),
                        hint: "the first row names the columns (the first cell may be empty), the first column names the rows")
                ]))
        }
        let headerRow = records[0].row
        let columnLabels = Array(header.dropFirst())
        var seenColumns: [String: Int] = [:]
        for (c, label) in columnLabels.enumerated() {
            let at = SourceLocation(file: file, line: headerRow, column: c + 2)
            if label.isEmpty {
                diagnostics.append(Diagnostic(.error, "column \(c + 2) has no label", at: at, hint: "name every column in the header row"))
            } else if let first = seenColumns[label] {
                diagnostics.append(
                    Diagnostic(
                        .error, "column label '\(label)' is given twice (first in column \(first + 2))", at: at,
                        hint: "each column label must be unique"))
            } else {
                seenColumns[label] = c
            }
        }
        var rowLabels: [String] = []
        var values: [[Double?]] = []
        var fileRows: [Int] = []
        var seenRows: [String: Int] = [:]
        for (line, record) in records.dropFirst() {
            let label = record[0]
            if label.isEmpty {
                diagnostics.append(
                    Diagnostic(
                        .error, "row \(line) has no label", at: SourceLocation(file: file, line: line, column: 1),
                        hint: "name every row in the first column"))
            } else if let first = seenRows[label] {
                diagnostics.append(
                    Diagnostic(
                        .error, "row label '\(label)' is given twice (first in row \(first))",
                        at: SourceLocation(file: file, line: line, column: 1), hint: "each row label must be unique"))
            } else {
                seenRows[label] = line
            }
            guard record.count == header.count else {
                diagnostics.append(
                    Diagnostic(
                        .error, "row \(line) has \(record.count) cells; the header has \(header.count)",
                        at: SourceLocation(file: file, line: line, column: min(record.count, header.count) + 1),
                        hint: "every row needs a label and one number per column (write 0 for none)"))
                continue
            }
            var numbers: [Double?] = []
            for (c, cell) in record.dropFirst().enumerated() {
                if cell.isEmpty {
                    numbers.append(nil)
                } else if let number = Double(cell), number.isFinite {
                    numbers.append(number)
                } else {
                    diagnostics.append(
                        Diagnostic(
                            .error, "'\(cell)' is not a number",
                            at: SourceLocation(file: file, line: line, column: c + 2),
                            hint: "write a plain number with a decimal point (e.g. 1234.5; 0 for none), without thousands separators or units"))
                    numbers.append(.nan)
                }
            }
            rowLabels.append(label)
            values.append(numbers)
            fileRows.append(line)
        }
        if !diagnostics.isEmpty { return .failure(DiagnosticsError(diagnostics)) }
        return .success(
            LabelledTable(
                rowLabels: rowLabels, columnLabels: columnLabels, values: values, file: file,
                rowLocations: fileRows.map { SourceLocation(file: file, line: $0, column: 1) },
                columnLocations: columnLabels.indices.map { SourceLocation(file: file, line: headerRow, column: $0 + 2) }, cellLocations: nil))
    }
}
