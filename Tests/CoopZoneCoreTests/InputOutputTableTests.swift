import CoopZoneCore
import Foundation
import Testing

/// The `input_output` key: a table read from a CSV beside the scenario or inline, checked cell by
/// cell, aggregated later by `employment`. Every expected number is worked out in the comments.
struct InputOutputTableTests {
    /// A scenario with two sectors and one national table of KZ, given by `table` (the item's
    /// lines after `country`), in a fresh folder with `files` beside it.
    static func load(table: String, files: [String: String] = [:]) throws -> (LoadOutcome, String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("coopzone-io-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let yaml = """
            format: 1
            title: IO test
            horizon: {first: 2030, last: 2034}
            price_year: 2023
            discount_rate: 0.08
            sectors: [{id: agriculture}, {id: manufacturing}]
            countries: [{code: KZ, name: Kazakhstan}, {code: KG, name: Kyrgyzstan}]
            regions: [{id: zhambyl, country: KZ}, {id: chui, country: KG}]
            input_output:
              - id: kz
                country: KZ
                year: 2022
                unit: usd_million
            \(table.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n"))
            zones: [{id: z, kind: free_trade_zone, regions: [zhambyl, chui], stages: [{id: s, start: 2030}]}]
            """
        let path = folder.appendingPathComponent("scenario.yaml").path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return (ScenarioLoader.load(file: path), folder.path)
    }

    /// The national table of the hand case in `TableMultipliersTests` (USD m): crops and food make
    /// agriculture, services are the rest. Rows balance: crops 30 + 60 + 0 + 0 + 50 + 160 = 300.
    static let csv = """
        sector,crops,food,manufacturing,services,household_consumption,final_demand
        crops,30,60,0,0,50,160
        food,10,0,25,0,100,65
        manufacturing,20,30,100,0,50,300
        services,0,0,0,10,20,70
        labour_income,60,40,150,40,,
        value_added,200,100,250,80,,
        employment,150000,50000,50000,20000,,
        gross_output,300,200,500,100,,
        """

    @Test func aCSVTableIsReadAsCoefficientsWithItsConcordance() throws {
        let (outcome, _) = try Self.load(
            table: """
                file: io/kz.csv
                household_income: 500
                concordance: {agriculture: [crops, food], manufacturing: manufacturing}
                assumption: test table
                """, files: ["io/kz.csv": Self.csv])
        let scenario = try #require(outcome.scenario, "\(outcome.diagnostics)")
        let t = try #require(scenario.inputOutput.first)
        #expect(t.scope == .country("KZ"))
        #expect(t.sectors == ["crops", "food", "manufacturing", "services"])
        // A = Z / x by column: crops→food 60 / 200 = 0.3; manufacturing→crops 20 / 300.
        #expect(t.coefficients[0][1] == 0.3)
        #expect(abs(t.coefficients[2][0] - 20.0 / 300) < 1e-15)
        // h = labour income / output: food 40 / 200 = 0.2; c = household consumption / household income: 100 / 500.
        #expect(t.labourIncome[1] == 0.2)
        #expect(t.householdConsumption[1] == 0.2)
        #expect(t.employment == [150_000, 50_000, 50_000, 20_000])
        #expect(t.concordance == [[0, 1], [2]])
        #expect(t.restOfEconomy == [3])
        #expect(t.file == "io/kz.csv")
        #expect(outcome.diagnostics.isEmpty)
    }

    @Test func aWrongShapeANegativeFlowAndAColumnSumOfOneAreEachReportedAtTheirCell() throws {
        // Row 3 (food) has a negative flow in column 2 (crops); column 4 (manufacturing) buys
        // 500 + 25 + 100 = 625 of inputs for 500 of output: 1.25 per unit.
        let negative = Self.csv.replacingOccurrences(of: "food,10,0,25", with: "food,-10,0,25")
            .replacingOccurrences(of: "crops,30,60,0,0", with: "crops,30,60,500,0")
        let (outcome, folder) = try Self.load(
            table: "file: io/kz.csv\nhousehold_income: 500\nconcordance: {agriculture: [crops, food], manufacturing: manufacturing}",
            files: ["io/kz.csv": negative])
        #expect(outcome.scenario == nil)
        let found = outcome.diagnostics.filter { $0.severity == .error }.map {
            "\(URL(fileURLWithPath: $0.location!.file).lastPathComponent):\($0.location!.line):\($0.location!.column) \($0.message)"
        }
        #expect(found.contains("kz.csv:3:2 the flow from 'food' to 'crops' is negative (-10)"), "\(found)")
        let sum = try #require(outcome.diagnostics.first { $0.message.contains("the column of 'manufacturing'") })
        #expect(sum.message.contains("has intermediate inputs of 1.25 per unit of output"))
        #expect(sum.location?.line == 1 && sum.location?.column == 4)
        #expect(sum.hint != nil)
        #expect(found.count == 2, "\(found)")
        // A sector column missing: the rows name services, the columns stop at manufacturing.
        let ragged = Self.csv.split(separator: "\n").map { line in
            var cells = line.split(separator: ",", omittingEmptySubsequences: false)
            cells.remove(at: 4)
            return cells.joined(separator: ",")
        }.joined(separator: "\n")
        let (third, _) = try Self.load(
            table: "file: io/kz.csv\nhousehold_income: 500\nconcordance: {agriculture: [crops, food], manufacturing: manufacturing}",
            files: ["io/kz.csv": ragged])
        let shape = try #require(third.diagnostics.first { $0.severity == .error })
        #expect(third.scenario == nil)
        #expect(shape.message.contains("is not square: sector row 4 is 'services' but sector column 4 is none (4 sector rows, 3 sector columns)"), "\(shape)")
        #expect(shape.location?.line == 5 && shape.location?.column == 1)
        _ = folder
    }

    @Test func everyLayoutMistakeSaysWhatToDo() throws {
        let cases: [(String, String)] = [
            // No gross_output row.
            (Self.csv.replacingOccurrences(of: "\ngross_output,300,200,500,100,,", with: ""), "has no 'gross_output' row"),
            // An empty flow cell.
            (Self.csv.replacingOccurrences(of: "crops,30,60", with: "crops,,60"), "the cell of the flow from 'crops' to 'crops' is empty"),
            // Zero output.
            (Self.csv.replacingOccurrences(of: "gross_output,300,200,500,100", with: "gross_output,300,200,500,0"), "the gross output of 'services' is 0"),
            // Households spend more than their income: 50 + 100 + 50 + 20 = 220 of 200 is 1.1.
            (Self.csv, "households spend 1.1 of their income"),
        ]
        for (text, expected) in cases {
            let income = expected.hasPrefix("households") ? "200" : "500"
            let (outcome, _) = try Self.load(
                table: "file: io/kz.csv\nhousehold_income: \(income)\nconcordance: {agriculture: [crops, food], manufacturing: manufacturing}",
                files: ["io/kz.csv": text])
            #expect(outcome.scenario == nil, "\(expected)")
            let error = outcome.diagnostics.first { $0.message.contains(expected) }
            #expect(error != nil, "\(expected) not in \(outcome.diagnostics.map(\.message))")
            #expect(error?.hint != nil)
        }
    }

    @Test func householdIncomeIsAboveZeroAndFixed() throws {
        let concordance = "concordance: {agriculture: [crops, food], manufacturing: manufacturing}"
        for (income, expected) in [
            ("0", "household_income of input–output table 'kz' must be above 0"),
            (
                "{value: 500, uniform: [400, 600], assumption: guess}",
                "household_income of input–output table 'kz' has a distribution, but a table's numbers are fixed"
            ),
        ] {
            let (outcome, _) = try Self.load(table: "file: kz.csv\nhousehold_income: \(income)\n\(concordance)", files: ["kz.csv": Self.csv])
            #expect(outcome.scenario == nil)
            let error = outcome.diagnostics.first { $0.message == expected }
            #expect(error?.location?.line == 15, "\(outcome.diagnostics)")
            #expect(error?.hint != nil)
        }
    }

    @Test func aFileOutsideTheScenarioFolderIsRefused() throws {
        for path in ["../kz.csv", "/etc/passwd", "io/../../kz.csv"] {
            let (outcome, _) = try Self.load(table: "file: \(path)\nhousehold_income: 500", files: [:])
            #expect(outcome.scenario == nil)
            let error = outcome.diagnostics.first { $0.severity == .error }
            #expect(
                error?.message.contains("outside the scenario's folder") == true || error?.message.contains("absolute path") == true,
                "\(path): \(String(describing: error))")
            #expect(error?.location?.line == 14, "\(path)")
        }
        let (missing, _) = try Self.load(table: "file: io/none.csv\nhousehold_income: 500", files: [:])
        #expect(missing.diagnostics.first?.message.contains("cannot read the file of input–output table 'kz'") == true)
    }

    @Test func theConcordanceMustCoverEveryScenarioSectorOnce() throws {
        let cases: [(String, String)] = [
            ("{agriculture: [crops, food]}", "does not cover sector 'manufacturing'"),
            ("{agriculture: [crops, food], manufacturing: [manufacturing, food]}", "table sector 'food' is given to both 'agriculture' and 'manufacturing'"),
            ("{agriculture: [crops, fod], manufacturing: manufacturing}", "'fod' is not a sector of input–output table 'kz'; did you mean 'food'?"),
            (
                "{agricultur: [crops], manufacturing: manufacturing}",
                "'agricultur' in the concordance of input–output table 'kz' is not a sector of the scenario; did you mean 'agriculture'?"
            ),
        ]
        for (concordance, expected) in cases {
            let (outcome, _) = try Self.load(table: "file: kz.csv\nhousehold_income: 500\nconcordance: \(concordance)", files: ["kz.csv": Self.csv])
            #expect(outcome.scenario == nil)
            #expect(outcome.diagnostics.contains { $0.message.contains(expected) }, "\(expected) not in \(outcome.diagnostics.map(\.message))")
        }
        // Without a concordance the scenario's sector ids must be table sectors: 'manufacturing' is, 'agriculture' is not.
        let (none, _) = try Self.load(table: "file: kz.csv\nhousehold_income: 500", files: ["kz.csv": Self.csv])
        #expect(none.diagnostics.contains { $0.message.contains("has no sector 'agriculture' of the scenario, and no concordance") }, "\(none.diagnostics)")
    }

    @Test func anInlineTableReadsLikeItsCSVAndPointsAtItsYAML() throws {
        // The CSV above, inline, as coefficients: A = Z / x, employment per USD m, c per unit of income.
        let inline = """
            values: coefficients
            concordance: {agriculture: [crops, food], manufacturing: manufacturing}
            assumption: test
            table:
              columns: [crops, food, manufacturing, services, household_consumption]
              rows:
                crops: [0.1, 0.3, 0, 0, 0.1]
                food: [0.0333333333333, 0, 0.05, 0, 0.2]
                manufacturing: [0.0666666666667, 0.15, 0.2, 0, 0.1]
                services: [0, 0, 0, 0.1, 0.04]
                labour_income: [0.2, 0.2, 0.3, 0.4, ~]
                employment: [500, 250, 100, 200, ~]
                gross_output: [300, 200, 500, 100, ~]
            """
        let (outcome, _) = try Self.load(table: inline)
        let t = try #require(outcome.scenario?.inputOutput.first, "\(outcome.diagnostics)")
        // Employment back in jobs: 500 jobs per USD m × 300 = 150,000.
        #expect(t.employment == [150_000, 50_000, 50_000, 20_000])
        #expect(t.valueAdded == nil)
        #expect(t.file == nil)
        // A negative coefficient is reported at its YAML position: line 21, the 'food' row.
        let (bad, _) = try Self.load(table: inline.replacingOccurrences(of: "food: [0.0333333333333, 0, 0.05", with: "food: [0.0333333333333, 0, -0.05"))
        let error = try #require(bad.diagnostics.first { $0.severity == .error })
        #expect(error.message == "the coefficient of 'food' in 'manufacturing' is negative (-0.05)")
        #expect(error.location?.line == 21)
        #expect(bad.scenario == nil)
    }

    @Test func aChangedTableChangesTheScenarioHash() throws {
        let table = "file: kz.csv\nhousehold_income: 500\nconcordance: {agriculture: [crops, food], manufacturing: manufacturing}"
        let (a, _) = try Self.load(table: table, files: ["kz.csv": Self.csv])
        let (b, _) = try Self.load(table: table, files: ["kz.csv": Self.csv.replacingOccurrences(of: "crops,30,60", with: "crops,31,60")])
        let ha = try #require(a.scenario?.contentHash), hb = try #require(b.scenario?.contentHash)
        #expect(ha != hb)
    }
}
