import CoopZoneCore
import Foundation
import Testing

@testable import EmploymentEvaluator

/// Indirect and induced jobs from the scenario's input–output tables: a hand-worked national
/// table regionalised with FLQ, a regional table that wins, a region without a table on the flat
/// multipliers, and the shipped growth triangle against an independent numpy computation.
struct TableMultipliersTests {
    /// EmploymentEvaluatorTests' scenario (Zhambyl KZ with agriculture 100,000 and manufacturing
    /// 25,000 jobs; Chui KG without sector data) with a national table of KZ written inline.
    ///
    /// The table (USD m): crops and food make agriculture, manufacturing is itself, and every
    /// table sector is taken, so there is no rest of the economy. Aggregated flows:
    /// agriculture→agriculture 30 + 60 + 10 + 0 = 100, agriculture→manufacturing 0 + 25 = 25,
    /// manufacturing→agriculture 20 + 30 = 50, manufacturing→manufacturing 100; output 500 and 500:
    /// A = [[0.2, 0.05], [0.1, 0.2]]. Employment 200,000 and 50,000: e = (400, 100) jobs per USD m.
    /// Labour income 100 and 150: h = (0.2, 0.3). Value added 300 and 250: v = (0.6, 0.5).
    /// Household consumption 150 and 50 of household income 500: c = (0.3, 0.1).
    static let yaml = EmploymentEvaluatorTests.yaml.replacingOccurrences(
        of: "links:\n",
        with: """
            input_output:
              - id: kz
                country: KZ
                year: 2022
                unit: usd_million
                household_income: 500
                concordance: {agriculture: [crops, food], manufacturing: manufacturing}
                assumption: hand case
                table:
                  columns: [crops, food, manufacturing, household_consumption, final_demand]
                  rows:
                    crops: [30, 60, 0, 50, 160]
                    food: [10, 0, 25, 100, 65]
                    manufacturing: [20, 30, 100, 50, 300]
                    labour_income: [60, 40, 150, ~, ~]
                    value_added: [200, 100, 250, ~, ~]
                    employment: [150000, 50000, 50000, ~, ~]
                    gross_output: [300, 200, 500, ~, ~]
            links:

            """)

    /// λ* for Zhambyl: TRE = 125,000 (no rest of the economy: its sectors only), TNE = 250,000,
    /// TRE / TNE = 0.5, log₂ 1.5 = 0.5849625; at δ 0.25, λ* = 0.5849625^0.25 = 0.8745447.
    /// SLQ: agriculture (100/125) / (200/250) = 1, manufacturing (25/125) / (50/250) = 1, so every
    /// CILQ is 1 and every FLQ is λ* < 1: A_r = λ* A and c_r = λ* c.
    static let lambda = pow(log2(1.5), 0.25)

    @Test func aNationalTableRegionalisedGivesMultipliersBySector() throws {
        // Type I: M = λ* A = [[0.1749089, 0.0437272], [0.0874545, 0.1749089]];
        // det(I − M) = 0.8250911² − 0.0437272 × 0.0874545 = 0.6807753 − 0.0038242 = 0.6769511;
        // L = [[0.8250911, 0.0437272], [0.0874545, 0.8250911]] / 0.6769511
        //   = [[1.2188340, 0.0645944], [0.1291888, 1.2188340]].
        // Employment per direct job, agriculture: (400 × 1.2188340 + 100 × 0.1291888) / 400 = 1.2511312;
        // manufacturing: (400 × 0.0645944 + 100 × 1.2188340) / 100 = 1.4772115.
        // Output, agriculture: 1.2188340 + 0.1291888 = 1.3480228.
        // Type II: c h' = [[0.06, 0.09], [0.02, 0.03]], M = λ* (A + c h') = λ* [[0.26, 0.14], [0.12, 0.23]]
        //   = [[0.2273816, 0.1224363], [0.1049454, 0.2011453]]; det = 0.7726184 × 0.7988547 − 0.1224363 × 0.1049454
        //   = 0.6172099 − 0.0128491 = 0.6043607; B = [[0.7988547, 0.1224363], [0.1049454, 0.7726184]] / 0.6043607
        //   = [[1.3218177, 0.2025880], [0.1736469, 1.2784060]].
        // Employment Type II, agriculture: (400 × 1.3218177 + 100 × 0.1736469) / 400 = 1.3652295;
        // manufacturing: (400 × 0.2025880 + 100 × 1.2784060) / 100 = 2.0887582.
        // Labour income Type I, agriculture: (0.2 × 1.2188340 + 0.3 × 0.1291888) / 0.2 = 1.4126172.
        // Value added Type II, manufacturing: (0.6 × 0.2025880 + 0.5 × 1.2784060) / 0.5 = 1.5215117.
        let scenario = try ScenarioLoader.loadOrThrow(text: Self.yaml, file: "test.yaml")
        let m = try RegionMultipliers.compute(scenario: scenario, region: 0, table: scenario.inputOutput[0], delta: 0.25)
        guard case .regionalised(let lambda, _) = m.basis else { Issue.record("not regionalised"); return }
        #expect(abs(lambda - Self.lambda) < 1e-12)
        #expect(abs(lambda - 0.8745447) < 1e-7)
        #expect(abs(m.sectors[0].employment.typeI - 1.2511312) < 1e-7)
        #expect(abs(m.sectors[1].employment.typeI - 1.4772115) < 1e-7)
        #expect(abs(m.sectors[0].employment.typeII - 1.3652295) < 1e-7)
        #expect(abs(m.sectors[1].employment.typeII - 2.0887582) < 1e-7)
        #expect(abs(m.sectors[0].output.typeI - 1.3480228) < 1e-7)
        #expect(abs(m.sectors[0].labourIncome.typeI - 1.4126172) < 1e-7)
        #expect(abs((m.sectors[1].valueAdded?.typeII ?? 0) - 1.5215117) < 1e-7)
        // Other jobs ('all'): weighted by the region's jobs, (100,000 × 1.2511312 + 25,000 × 1.4772115) / 125,000 = 1.2963473.
        #expect(abs(m.all.typeI - 1.2963473) < 1e-7)
    }

    @Test func indirectAndInducedJobsUseTheTableWhereThereIsOneAndTheFlatMultipliersElsewhere() throws {
        // USD 10 m of agriculture investment in KZ (Zhambyl, with the table) and 10 m of manufacturing in
        // KG (Chui, no KG table), lag 0, 9 jobs per USD m. In 2032 (full operation) Zhambyl agriculture
        // has direct jobs D = 10 × 9 × relative intensity (200 / 125 = 1.6) = 144: indirect = 144 × (1.2511312 − 1)
        // = 144 × 0.2511312 = 36.162896, induced = 144 × (1.3652295 − 1.2511312) = 144 × 0.1140983 = 16.430146. Chui: 90 × 0.4 = 36 and 90 × 0.4 = 36.
        let scenario = try ScenarioLoader.loadOrThrow(text: Self.yaml, file: "test.yaml")
        let evaluator = try EmploymentEvaluator(parameters: EmploymentEvaluatorTests.nine)
        let result = try evaluator.evaluate(
            scenario,
            context: EmploymentEvaluatorTests.context(investment: [
                EmploymentEvaluatorTests.investment(2030, 10, country: "KZ", sector: "agriculture"),
                EmploymentEvaluatorTests.investment(2030, 10, country: "KG", sector: "manufacturing"),
            ]))
        func value(_ metric: String, _ region: String, _ sector: String) -> Double? {
            EmploymentEvaluatorTests.value(result, metric, 2032, region: region, sector: sector)
        }
        #expect(abs((value("jobs_direct", "zhambyl", "agriculture") ?? 0) - 144) < 1e-9)
        #expect(abs((value("jobs_indirect", "zhambyl", "agriculture") ?? 0) - 36.162896) < 1e-5)
        #expect(abs((value("jobs_induced", "zhambyl", "agriculture") ?? 0) - 16.430146) < 1e-5)
        #expect(abs((value("jobs_indirect", "chui", "manufacturing") ?? 0) - 36) < 1e-9)
        #expect(abs((value("jobs_induced", "chui", "manufacturing") ?? 0) - 36) < 1e-9)
        // The multiplier rows: Zhambyl only (Chui has none), two sectors × two types × four multipliers.
        let rows = result.rows.filter { $0.metric.hasSuffix("_multiplier") }
        #expect(rows.count == 16)
        #expect(rows.allSatisfy { $0.dimensions.region == "zhambyl" && $0.year == nil && $0.unit == .ratio })
        let typeII = rows.first { $0.metric == "employment_multiplier" && $0.dimensions.sector == "manufacturing" && $0.dimensions.instrument == "type_ii" }
        #expect(abs((typeII?.value ?? 0) - 2.0887582) < 1e-7)
        // Each region says where its multipliers come from.
        let messages = result.findings.map(\.message)
        #expect(
            messages.contains { $0.contains("region 'zhambyl' from the national table 'kz' regionalised with Flegg's location quotient (δ 0.25, λ* 0.87)") })
        #expect(
            messages.contains {
                $0.contains("region 'chui' from the flat multipliers (Type I 1.4, Type II 1.8): no input–output table of the region or of its country KG")
            })
    }

    @Test func aRegionalTableWinsOverTheNationalOne() throws {
        // The same table given as Zhambyl's own: no regionalisation, so Type I agriculture is the national
        // (1 − 0.2) ... by hand: det(I − A) = 0.8 × 0.8 − 0.05 × 0.1 = 0.635; L = [[0.8, 0.05], [0.1, 0.8]] / 0.635
        // = [[1.2598425, 0.0787402], [0.1574803, 1.2598425]]; agriculture (400 × 1.2598425 + 100 × 0.1574803) / 400 = 1.2992126.
        var text = Self.yaml.replacingOccurrences(of: "    country: KZ\n    year: 2022", with: "    region: zhambyl\n    year: 2022")
        text = text.replacingOccurrences(of: "  - id: kz\n", with: "  - id: kz_zhambyl\n")
        let scenario = try ScenarioLoader.loadOrThrow(text: text, file: "test.yaml")
        let m = try RegionMultipliers.compute(scenario: scenario, region: 0, table: scenario.inputOutput[0], delta: 0.25)
        guard case .regionalTable = m.basis else { Issue.record("regionalised"); return }
        #expect(abs(m.sectors[0].employment.typeI - 1.2992126) < 1e-7)
    }

    @Test func aRegionWithoutTheDataToRegionaliseKeepsTheFlatMultipliersAndSaysWhy() throws {
        // A table with a rest of the economy (services) needs the region's employed in all sectors:
        // Chui gives labour force 10,000 and unemployment 0.01 but no sector data, so it employs 9,900 in
        // all... and 0 in the scenario's sectors; with a KG table it regionalises. Without labour_force it cannot.
        let text = Self.yaml.replacingOccurrences(of: "country: KZ\n    year: 2022", with: "country: KG\n    year: 2022")
            .replacingOccurrences(
                of: "manufacturing: [20, 30, 100, 50, 300]", with: "manufacturing: [20, 30, 100, 50, 300]\n        services: [0, 0, 0, 20, 80]"
            )
            .replacingOccurrences(of: "columns: [crops, food, manufacturing,", with: "columns: [crops, food, manufacturing, services,")
            .replacingOccurrences(of: "crops: [30, 60, 0, 50, 160]", with: "crops: [30, 60, 0, 0, 50, 160]")
            .replacingOccurrences(of: "food: [10, 0, 25, 100, 65]", with: "food: [10, 0, 25, 0, 100, 65]")
            .replacingOccurrences(of: "manufacturing: [20, 30, 100, 50, 300]", with: "manufacturing: [20, 30, 100, 0, 50, 300]")
            .replacingOccurrences(of: "services: [0, 0, 0, 20, 80]", with: "services: [0, 0, 0, 10, 20, 70]")
            .replacingOccurrences(of: "labour_income: [60, 40, 150, ~, ~]", with: "labour_income: [60, 40, 150, 40, ~, ~]")
            .replacingOccurrences(of: "value_added: [200, 100, 250, ~, ~]", with: "value_added: [200, 100, 250, 80, ~, ~]")
            .replacingOccurrences(of: "employment: [150000, 50000, 50000, ~, ~]", with: "employment: [150000, 50000, 50000, 20000, ~, ~]")
            .replacingOccurrences(of: "gross_output: [300, 200, 500, ~, ~]", with: "gross_output: [300, 200, 500, 100, ~, ~]")
            .replacingOccurrences(of: "    labour_force: 10000\n    unemployment_rate: 0.01\n", with: "")
        let scenario = try ScenarioLoader.loadOrThrow(text: text, file: "test.yaml")
        let chui = try #require(scenario.regions.firstIndex { $0.id == "chui" })
        do {
            _ = try RegionMultipliers.compute(scenario: scenario, region: chui, table: scenario.inputOutput[0], delta: 0.25)
            Issue.record("computed without labour force")
        } catch .reason(let why) {
            #expect(why.contains("region 'chui' gives no labour_force and unemployment_rate"))
        }
    }

    @Test func anUncertainCellOfAnInlineTableIsDrawnLikeAnyNumber() throws {
        // crops → food written as {value: 60, uniform: [40, 80]}: a scenario number that Monte Carlo samples.
        let uncertain = Self.yaml.replacingOccurrences(of: "crops: [30, 60, 0, 50, 160]", with: "crops: [30, {value: 60, uniform: [40, 80]}, 0, 50, 160]")
        let scenario = try ScenarioLoader.loadOrThrow(text: uncertain, file: "test.yaml")
        let table = scenario.inputOutput[0]
        let cell = try #require(table.uncertainty?.cells.first)
        #expect(MonteCarlo.uncertainSlots(scenario).contains(cell.slot))
        #expect(scenario.inputs[cell.slot].path == "input_output.kz.table.rows.crops.1")
        // At its central value the table is the one written with 60.
        let central = try RegionMultipliers.compute(scenario: scenario, region: 0, table: table, delta: 0.25)
        let fixed = try ScenarioLoader.loadOrThrow(text: Self.yaml, file: "test.yaml")
        #expect(central.sectors == (try RegionMultipliers.compute(scenario: fixed, region: 0, table: fixed.inputOutput[0], delta: 0.25)).sectors)
        // A draw of 80 gives the multipliers of the table written with 80 (read and checked again, independently).
        var values = scenario.values
        values[cell.slot] = 80
        let draw = scenario.with(values: values)
        let drawn = try #require(table.drawn(in: draw).table)
        let m80 = try RegionMultipliers.compute(scenario: draw, region: 0, table: drawn, delta: 0.25)
        let written = try ScenarioLoader.loadOrThrow(text: Self.yaml.replacingOccurrences(of: "crops: [30, 60,", with: "crops: [30, 80,"), file: "test.yaml")
        let expected = try RegionMultipliers.compute(scenario: written, region: 0, table: written.inputOutput[0], delta: 0.25)
        #expect(m80.sectors == expected.sectors)
        #expect(m80.sectors[0].employment.typeI > central.sectors[0].employment.typeI)
        // Through the cache, as the evaluator asks: the draw's value is part of the key.
        guard case .success(let cached) = MultiplierCache.shared.multipliers(scenario: draw, region: 0, table: table, delta: 0.25) else {
            Issue.record("no multipliers for the draw")
            return
        }
        #expect(cached.sectors == expected.sectors)
    }
}
