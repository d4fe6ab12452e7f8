/// An input–output table of a country or a region, checked and held as technical coefficients
/// (Miller & Blair 2009, ch. 2): what `employment` needs for multipliers by region and sector.
/// See Docs/input-output.md.
public struct InputOutputTable: Sendable {
    /// Whose table it is.
    public enum Scope: Sendable, Hashable {
        /// A national table of the country with this code.
        case country(String)
        /// A regional (survey) table of the region with this id.
        case region(String)
    }

    /// What the sector block of the file holds.
    public enum Values: String, Sendable {
        /// Flows in USD million (seller row, buyer column).
        case flows
        /// Technical coefficients `A`.
        case coefficients
    }

    /// Identifier.
    public var id: String
    /// Whose table it is.
    public var scope: Scope
    /// Year of the table and its prices.
    public var year: Int
    /// The file it was read from, as written in the scenario (nil for an inline table).
    public var file: String?
    /// That file's absolute, symlink-resolved path (nil for an inline table).
    public var resolvedPath: String?
    /// Where the table's item is written.
    public var location: SourceLocation
    /// Where its numbers come from.
    public var provenance: Provenance
    /// Total household income, USD million (the household column's denominator), when given.
    public var householdIncome: Quantity?
    /// The table's sectors, in the order of its rows and columns.
    public var sectors: [String]
    /// Technical coefficients `A[i][j]`: input from sector `i` per unit of output of sector `j`.
    public var coefficients: [[Double]]
    /// Gross output by sector, USD million.
    public var grossOutput: [Double]
    /// Employment by sector, jobs.
    public var employment: [Double]
    /// Labour income per unit of output (the household row `h`).
    public var labourIncome: [Double]
    /// Value added per unit of output (`v`), when the table gives it.
    public var valueAdded: [Double]?
    /// Household purchases of each sector's output per unit of household income (the household column `c`).
    public var householdConsumption: [Double]
    /// For each scenario sector (in `Scenario.sectors` order), the indices of the table sectors it sums;
    /// the table sectors in no group form the rest of the economy.
    public var concordance: [[Int]]

    /// A cell of an inline table written as a number with a distribution: a scenario number.
    public struct UncertainCell: Sendable, Equatable {
        public var row: Int
        public var column: Int
        /// Its slot in `Scenario.values`.
        public var slot: Int
    }

    /// What a table with uncertain cells needs to be read again with a draw's values.
    public struct Uncertainty: Sendable {
        public var cells: [UncertainCell]
        public var table: LabelledTable
        public var values: Values
        public var householdIncome: Double?
    }

    /// Set when an inline table has cells with distributions; nil for a fixed table.
    public var uncertainty: Uncertainty?

    /// The table with the values `scenario` gives its uncertain cells (a Monte Carlo draw, a
    /// sensitivity bound), read and checked again; itself when it has none or they are at their
    /// central values. Nil when the drawn values make a table that fails its checks (the
    /// diagnostics are returned): a column summing to 1 or more, a negative flow.
    public func drawn(in scenario: Scenario) -> (table: InputOutputTable?, diagnostics: [Diagnostic]) {
        guard let u = uncertainty else { return (self, []) }
        var raw = u.table
        var changed = false
        for cell in u.cells where raw.values[cell.row][cell.column] != scenario.values[cell.slot] {
            raw.values[cell.row][cell.column] = scenario.values[cell.slot]
            changed = true
        }
        guard changed else { return (self, []) }
        let (body, diagnostics) = Self.body(of: raw, values: u.values, householdIncome: u.householdIncome, what: "input–output table '\(id)'")
        guard let body else { return (nil, diagnostics) }
        var copy = self
        copy.coefficients = body.coefficients
        copy.grossOutput = body.grossOutput
        copy.employment = body.employment
        copy.labourIncome = body.labourIncome
        copy.valueAdded = body.valueAdded
        copy.householdConsumption = body.householdConsumption
        return (copy, diagnostics)
    }

    /// Jobs per USD million of output, by sector.
    public var employmentCoefficients: [Double] { zip(employment, grossOutput).map { $0 / $1 } }

    /// The table sectors in no scenario sector's group, in table order.
    public var restOfEconomy: [Int] {
        let grouped = Set(concordance.joined())
        return sectors.indices.filter { !grouped.contains($0) }
    }

    /// The labels of the rows after the sector rows, and of the columns after the sector columns.
    public enum Label {
        public static let labourIncome = "labour_income"
        public static let valueAdded = "value_added"
        public static let employment = "employment"
        public static let grossOutput = "gross_output"
        public static let householdConsumption = "household_consumption"
        public static let finalDemand = "final_demand"
        /// Every row label that is not a sector, in the order the layout lists them.
        public static let rows = [labourIncome, valueAdded, employment, grossOutput]
        /// Every column label that is not a sector.
        public static let columns = [householdConsumption, finalDemand]
    }

    /// The parts of a table read from its cells, before the concordance is attached.
    public struct Body: Sendable {
        public var sectors: [String]
        public var coefficients: [[Double]]
        public var grossOutput: [Double]
        public var employment: [Double]
        public var labourIncome: [Double]
        public var valueAdded: [Double]?
        public var householdConsumption: [Double]
    }

    /// Checks a labelled table and reads it as `values`, reporting every problem at its cell:
    /// the layout (sector rows and columns in the same order, the rows and columns the layout
    /// needs), empty cells, negative flows and amounts, gross output not above 0, column sums of
    /// A of 1 or more (not productive: Hawkins–Simon), a household column summing to 1 or more, and
    /// (a warning) rows that do not balance with `final_demand` within 1 %.
    /// `householdIncome` (USD million) divides the household column of a flows table.
    public static func body(
        of t: LabelledTable, values: Values, householdIncome: Double?, what: String
    ) -> (body: Body?, diagnostics: [Diagnostic]) {
        var d: [Diagnostic] = []
        func error(_ message: String, _ at: SourceLocation, _ hint: String? = nil) { d.append(Diagnostic(.error, message, at: at, hint: hint)) }
        let layoutHint =
            "rows: the sectors, then labour_income, value_added (optional), employment, gross_output; columns: the same sectors in the same order, then household_consumption and final_demand (optional); see Docs/input-output.md"
        let sectorRows = t.rowLabels.indices.filter { !Label.rows.contains(t.rowLabels[$0]) }
        let sectorColumns = t.columnLabels.indices.filter { !Label.columns.contains(t.columnLabels[$0]) }
        let sectors = sectorRows.map { t.rowLabels[$0] }
        let firstCell = t.rowLocations.first ?? SourceLocation(file: t.file, line: 1, column: 1)
        if sectors.isEmpty { error("\(what) has no sector rows", firstCell, layoutHint) }
        if sectors != sectorColumns.map({ t.columnLabels[$0] }) {
            // The first place where the rows and the columns disagree.
            let k = Array(zip(sectorRows, sectorColumns)).firstIndex { t.rowLabels[$0.0] != t.columnLabels[$0.1] } ?? min(sectorRows.count, sectorColumns.count)
            let at =
                k < sectorColumns.count ? t.location(columnLabel: sectorColumns[k]) : (k < sectorRows.count ? t.location(rowLabel: sectorRows[k]) : firstCell)
            let row = k < sectorRows.count ? "'\(t.rowLabels[sectorRows[k]])'" : "none"
            let column = k < sectorColumns.count ? "'\(t.columnLabels[sectorColumns[k]])'" : "none"
            error(
                "\(what) is not square: sector row \(k + 1) is \(row) but sector column \(k + 1) is \(column) (\(sectorRows.count) sector rows, \(sectorColumns.count) sector columns)",
                at, "the sector columns must be the sector rows, in the same order; " + layoutHint)
        }
        func rowIndex(_ label: String, required: Bool) -> Int? {
            if let r = t.row(label) { return r }
            if required { error("\(what) has no '\(label)' row", firstCell, layoutHint) }
            return nil
        }
        func columnIndex(_ label: String, required: Bool) -> Int? {
            if let c = t.column(label) { return c }
            if required { error("\(what) has no '\(label)' column", t.columnLocations.first ?? firstCell, layoutHint) }
            return nil
        }
        let rLabour = rowIndex(Label.labourIncome, required: true)
        let rValueAdded = rowIndex(Label.valueAdded, required: false)
        let rJobs = rowIndex(Label.employment, required: true)
        let rOutput = rowIndex(Label.grossOutput, required: true)
        let cHousehold = columnIndex(Label.householdConsumption, required: true)
        let cFinal = columnIndex(Label.finalDemand, required: false)
        if values == .coefficients, let cFinal {
            error("a table of coefficients has no 'final_demand' column", t.location(columnLabel: cFinal), "remove the column, or give the table as flows")
        }
        guard d.isEmpty, let rLabour, let rJobs, let rOutput, let cHousehold else { return (nil, d) }

        // Every cell that is read must hold a number; the corner (extra rows × extra columns) is not read.
        // An empty cell or a zero output stops the arithmetic; a negative number is reported and the checks go on.
        var blocked = false
        func cell(_ r: Int, _ c: Int, _ meaning: String, allowNegative: Bool = false) -> Double {
            guard let v = t.values[r][c] else {
                error("the cell of \(meaning) is empty", t.location(row: r, column: c), "write a number (0 for none)")
                blocked = true
                return .nan
            }
            if v < 0, !allowNegative {
                error("\(meaning) is negative (\(format(v)))", t.location(row: r, column: c), "flows, amounts and jobs in an input–output table are 0 or more")
            }
            return v
        }
        let n = sectors.count
        var block = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for (i, r) in sectorRows.enumerated() {
            for (j, c) in sectorColumns.enumerated() {
                block[i][j] = cell(
                    r, c, values == .flows ? "the flow from '\(sectors[i])' to '\(sectors[j])'" : "the coefficient of '\(sectors[i])' in '\(sectors[j])'")
            }
        }
        let output = sectorColumns.enumerated().map { j, c in cell(rOutput, c, "the gross output of '\(sectors[j])'") }
        let jobs = sectorColumns.enumerated().map { j, c in cell(rJobs, c, "the employment of '\(sectors[j])'") }
        let labour = sectorColumns.enumerated().map { j, c in cell(rLabour, c, "the labour income of '\(sectors[j])'") }
        let added = rValueAdded.map { rv in sectorColumns.enumerated().map { j, c in cell(rv, c, "the value added of '\(sectors[j])'") } }
        let household = sectorRows.enumerated().map { i, r in cell(r, cHousehold, "the household consumption of '\(sectors[i])'") }
        let final = cFinal.map { cf in sectorRows.enumerated().map { i, r in cell(r, cf, "the final demand for '\(sectors[i])'", allowNegative: true) } }
        for (j, c) in sectorColumns.enumerated() where output[j] == 0 {
            error(
                "the gross output of '\(sectors[j])' is 0, so its coefficients are undefined", t.location(row: rOutput, column: c),
                "leave the sector out, or merge it with another")
            blocked = true
        }
        guard !blocked else { return (nil, d) }

        // Everything as coefficients: per unit of the buying sector's output, per unit of household income.
        var a = block
        var h = labour, v = added, e = jobs, c = household
        switch values {
        case .flows:
            for j in 0..<n {
                for i in 0..<n { a[i][j] = block[i][j] / output[j] }
                h[j] = labour[j] / output[j]
                v?[j] = added![j] / output[j]
            }
            guard let income = householdIncome, income > 0 else {
                // The decoder reports the missing key; without it there is no household column.
                return (nil, d)
            }
            c = household.map { $0 / income }
        case .coefficients:
            e = zip(jobs, output).map { $0 * $1 }
        }
        for (j, col) in sectorColumns.enumerated() {
            let sum = (0..<n).reduce(0) { $0 + a[$1][j] }
            if sum >= 1 {
                error(
                    "the column of '\(sectors[j])' has intermediate inputs of \(format((sum * 1000).rounded() / 1000)) per unit of output (a column sum of A of 1 or more), so the economy the table describes is not productive (Hawkins–Simon)",
                    t.location(columnLabel: col),
                    values == .flows
                        ? "check the column's flows and its gross_output: both in USD million, inputs below output" : "each column of A must sum to less than 1"
                )
            }
        }
        let consumption = c.reduce(0, +)
        if consumption >= 1 {
            error(
                "households spend \(format((consumption * 1000).rounded() / 1000)) of their income on the table's sectors (the household column sums to 1 or more), so the model closed with households is not productive",
                t.location(columnLabel: cHousehold),
                values == .flows
                    ? "household_income is total household income (compensation, mixed income, transfers, remittances), not compensation alone; household_consumption is purchases of domestic output only"
                    : "household_consumption is per unit of household income and sums to less than 1")
        }
        if let final {
            for (i, r) in sectorRows.enumerated() {
                let uses = block[i].reduce(0, +) + household[i] + final[i]
                if abs(uses - output[i]) > 0.01 * output[i] {
                    d.append(
                        Diagnostic(
                            .warning,
                            "the row of '\(sectors[i])' does not balance: intermediate use + household consumption + final demand = \(format(uses.rounded())), gross output \(format(output[i].rounded())) (more than 1 % apart)",
                            at: t.location(rowLabel: r), hint: "a symmetric table's rows sum to gross output; check the row and the unit"))
                }
            }
        }
        guard !d.hasErrors else { return (nil, d) }
        return (Body(sectors: sectors, coefficients: a, grossOutput: output, employment: e, labourIncome: h, valueAdded: v, householdConsumption: c), d)
    }
}
