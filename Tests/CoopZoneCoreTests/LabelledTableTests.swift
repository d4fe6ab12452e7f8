import CoopZoneCore
import Testing

struct LabelledTableTests {
    @Test func readsLabelsAndNumbersWithTheirPlaces() throws {
        let text = """
            ,agriculture,textiles,household_consumption
            agriculture,150,500, 60.5

            textiles,200,100,0
            compensation,300,500,0
            """
        let table = try LabelledTable.read(csv: text, file: "io.csv").get()
        #expect(table.columnLabels == ["agriculture", "textiles", "household_consumption"])
        #expect(table.rowLabels == ["agriculture", "textiles", "compensation"])
        #expect(table.values == [[150, 500, 60.5], [200, 100, 0], [300, 500, 0]])
        // The blank line is row 3 of the file: 'textiles' is on row 4, its third number in column 4.
        #expect(table.location(row: 1, column: 2) == SourceLocation(file: "io.csv", line: 4, column: 4))
        #expect(table.location(columnLabel: 1) == SourceLocation(file: "io.csv", line: 1, column: 3))
    }

    @Test func everyBadCellIsReportedAtItsRowAndColumn() {
        let text = """
            ,a,b,a
            x,1,two,3
            x,1,2
            ,1,,3
            """
        guard case .failure(let error) = LabelledTable.read(csv: text, file: "io.csv") else {
            Issue.record("a bad table was read")
            return
        }
        let found = error.diagnostics.map { "\($0.location!.line):\($0.location!.column) \($0.message)" }
        #expect(found.contains("1:4 column label 'a' is given twice (first in column 2)"))
        #expect(found.contains("2:3 'two' is not a number"))
        #expect(found.contains("3:1 row label 'x' is given twice (first in row 2)"))
        #expect(found.contains("3:4 row 3 has 3 cells; the header has 4"))
        #expect(found.contains("4:1 row 4 has no label"))
        // An empty cell is not an error here: the reader of the table says where one is allowed.
        #expect(!found.contains { $0.hasPrefix("4:3") })
        #expect(error.diagnostics.allSatisfy { $0.hint != nil })
    }

    @Test func anEmptyTableIsRefused() {
        for text in ["", "\n\n", ",a,b\n"] {
            guard case .failure(let error) = LabelledTable.read(csv: text, file: "io.csv") else {
                Issue.record("'\(text)' was read")
                continue
            }
            #expect(error.diagnostics.first?.message.contains("the table is empty") == true)
        }
    }
}
