import CoopZoneCore
import Foundation
import Testing

@testable import StagedIncentivesEvaluator

/// The evaluator on small scenarios loaded from YAML.
struct StagedIncentivesEvaluatorTests {
    /// The evaluator with the descriptor's defaults, overridden by `overrides`.
    static func evaluator(_ overrides: [String: Double] = [:]) throws -> StagedIncentivesEvaluator {
        var values: [String: ParameterValue] = [:]
        for spec in StagedIncentivesEvaluator.descriptor.parameters { values[spec.name] = .number(spec.defaultValue) }
        for (name, value) in overrides {
            #expect(values[name] != nil, "unknown parameter \(name)")
            values[name] = .number(value)
        }
        return try StagedIncentivesEvaluator(parameters: ParameterDecoder.decode(StagedIncentivesEvaluator.Parameters.self, from: values))
    }

    /// The standard representative investment of EffectiveTaxRateTests, operating from the investment year.
    static let standard: [String: Double] = [
        "nominal_interest_rate": 0.10, "inflation": 0.02, "depreciation": 0.10, "pre_tax_return": 0.20, "allowance_life": 10, "operation_lag": 0,
    ]

    static func run(_ yaml: String, _ overrides: [String: Double] = standard) throws -> EvaluationResult {
        let scenario = try ScenarioLoader.loadOrThrow(text: yaml, file: "test.yaml")
        return try evaluator(overrides).evaluate(scenario, context: EvaluationContext(results: [:]))
    }

    static func value(
        _ result: EvaluationResult, _ metric: String, year: Int?, country: String? = nil, stage: String? = nil,
        instrument: String? = nil
    ) -> Double? {
        let rows = result.rows.filter {
            $0.metric == metric && $0.year == year && $0.dimensions.country == country && $0.dimensions.stage == stage
                && $0.dimensions.instrument == instrument
        }
        return rows.isEmpty ? nil : rows.reduce(0) { $0 + $1.value }
    }

    /// Three stages: free trade with UZ infrastructure (2030–2031), an investment package with a 3-year
    /// holiday and zero property tax (2032–2033, after free trade), innovation with no incentives (after
    /// the package, 2034–2036). UZ invests 100 in 2032, KG 50 in 2030.
    static let threeStages = """
        title: Three stages
        horizon: {first: 2030, last: 2036}
        price_year: 2024
        discount_rate: 0.10
        sectors:
          - {id: manufacturing}
        countries:
          - code: UZ
            fiscal: {corporate_income_tax: 0.20, property_tax: 0.02, land_tax: 0.001, vat: 0.12, import_duty: 0.10, equipment_duty: 0.05}
          - code: KG
            fiscal: {corporate_income_tax: 0.10, property_tax: 0.01}
        regions:
          - {id: fergana, country: UZ}
          - {id: osh, country: KG}
        zones:
          - id: fz
            kind: cross_border_economic_zone
            regions: [fergana, osh]
            stages:
              - id: free_trade
                start: 2030
                duration: 2
                measures:
                  infrastructure:
                    - {country: UZ, amount_per_year: 50, running_cost_per_year: 5}
              - id: investment
                start: {after: free_trade}
                duration: 2
                incentives: {income_tax_holiday_years: 3, property_tax_rate: 0}
              - id: innovation
                start: {after: investment}
            investment:
              - {year: 2032, country: UZ, region: fergana, sector: manufacturing, amount: 100}
              - {year: 2030, country: KG, sector: manufacturing, amount: 50}
        """

    @Test func conditionStartedStagesAreResolved() throws {
        // free_trade 2030 + 2 years → 2030–2031; investment starts after it → 2032, 2 years → 2032–2033;
        // innovation after investment → 2034, open-ended → to the horizon's end 2036.
        let result = try Self.run(Self.threeStages)
        let info = result.findings.filter { $0.kind == .info }.map(\.message)
        #expect(info.contains("stage 'free_trade' of zone 'fz' runs 2030–2031"))
        #expect(info.contains("stage 'investment' of zone 'fz' runs 2032–2033 (after stage 'free_trade')"))
        #expect(info.contains("stage 'innovation' of zone 'fz' runs 2034–2036 (after stage 'investment')"))
    }

    @Test func stageStartedByInfrastructureSpending() throws {
        // build: 2030–2032, UZ spends 40 a year. invest starts in the first year whose preceding spending reaches 100:
        // through 2030: 40, through 2031: 80, through 2032: 120 ≥ 100 → invest starts 2033 and runs to 2036.
        // Its zero property tax then applies to the UZ investment of 100 made in 2030 (lag 0, δ = 0.10):
        // assets 2033 = 100 × 0.9³ = 72.9 → TE = 72.9 × 0.02 = 1.458; none in 2032, when build is active.
        let yaml = """
            title: Spending trigger
            horizon: {first: 2030, last: 2036}
            price_year: 2024
            discount_rate: 0.10
            sectors: [{id: manufacturing}]
            countries:
              - {code: UZ, fiscal: {corporate_income_tax: 0.20, property_tax: 0.02}}
              - {code: KG, fiscal: {corporate_income_tax: 0.10}}
            regions: [{id: fergana, country: UZ}, {id: osh, country: KG}]
            zones:
              - id: fz
                kind: cross_border_economic_zone
                regions: [fergana, osh]
                stages:
                  - id: build
                    start: 2030
                    duration: 3
                    measures: {infrastructure: [{country: UZ, amount_per_year: 40}]}
                  - id: invest
                    start: {infrastructure_spending: 100}
                    incentives: {property_tax_rate: 0}
                investment:
                  - {year: 2030, country: UZ, sector: manufacturing, amount: 100}
            """
        let result = try Self.run(yaml)
        let info = result.findings.filter { $0.kind == .info }.map(\.message)
        #expect(info.contains("stage 'invest' of zone 'fz' runs 2033–2036 (once cumulative public infrastructure spending reaches 100)"))
        #expect(Self.value(result, "tax_expenditure", year: 2032, country: "UZ", stage: "invest", instrument: "property_tax") == nil)
        #expect(abs((Self.value(result, "tax_expenditure", year: 2033, country: "UZ", stage: "invest", instrument: "property_tax") ?? 0) - 1.458) < 1e-9)
        // The build stage's capital spending: 40 in each of 2030–2032, no running cost given.
        for year in 2030...2032 { #expect(Self.value(result, "public_infrastructure", year: year, country: "UZ", stage: "build") == 40) }
        #expect(Self.value(result, "public_infrastructure", year: 2033, country: "UZ", stage: "build") == nil)
    }

    @Test func holidayTaxExpenditureIsGrandfathered() throws {
        // UZ 100 invested 2032 under 'investment' (holiday 3 years), lag 0, δ = 0.10, p = 0.20, baseline rate 0.20:
        // assets 100, 90, 81 in 2032–2034 → profits 20, 18, 16.2 → TE = 4.0, 3.6, 3.24, all under stage 'investment'
        // (the holiday outlives the stage, which ends in 2033); 2035 is after the holiday: nothing.
        let result = try Self.run(Self.threeStages)
        let te = { (year: Int) in Self.value(result, "tax_expenditure", year: year, country: "UZ", stage: "investment", instrument: "income_tax") }
        #expect(abs((te(2032) ?? 0) - 4.0) < 1e-9)
        #expect(abs((te(2033) ?? 0) - 3.6) < 1e-9)
        #expect(abs((te(2034) ?? 0) - 3.24) < 1e-9)
        #expect(te(2035) == nil)
        // KG invested in 2030, before the package: no holiday for that cohort.
        #expect(result.rows.filter { $0.metric == "tax_expenditure" && $0.dimensions.country == "KG" && $0.dimensions.instrument == "income_tax" }.isEmpty)
    }

    @Test func zeroPropertyTaxIsTheBaselineTaxOnTheZonesAssets() throws {
        // Zero property tax in 2032–2033 on every resident's assets (lag 0, δ = 0.10):
        // UZ: assets 100 (2032), 90 (2033) × 0.02 = 2.0, 1.8.
        // KG: 50 invested in 2030 → 50 × 0.9² = 40.5 (2032), 36.45 (2033) × 0.01 = 0.405, 0.3645.
        // Nothing in 2034 (innovation has no incentives).
        let result = try Self.run(Self.threeStages)
        let te = { (year: Int, country: String) in
            Self.value(result, "tax_expenditure", year: year, country: country, stage: "investment", instrument: "property_tax")
        }
        #expect(abs((te(2032, "UZ") ?? 0) - 2.0) < 1e-9)
        #expect(abs((te(2033, "UZ") ?? 0) - 1.8) < 1e-9)
        #expect(abs((te(2032, "KG") ?? 0) - 0.405) < 1e-9)
        #expect(abs((te(2033, "KG") ?? 0) - 0.3645) < 1e-9)
        #expect(result.rows.filter { $0.metric == "tax_expenditure" && $0.year == 2034 && $0.dimensions.instrument == "property_tax" }.isEmpty)
    }

    @Test func stagesWithoutIncentivesCostNothing() throws {
        let result = try Self.run(Self.threeStages)
        let stages = Set(result.rows.filter { $0.metric == "tax_expenditure" }.compactMap(\.dimensions.stage))
        #expect(stages == ["investment"])
    }

    @Test func presentValuesAndHeadline() throws {
        // At d = 0.10 from 2030 (factors 1/1.1² = 1/1.21, 1/1.331, 1/1.4641):
        // UZ income_tax: 4/1.21 + 3.6/1.331 + 3.24/1.4641 = 3.305785123966942 + 2.704733283245679 + 2.212963595382829 = 8.22348200259545
        // UZ property_tax: 2/1.21 + 1.8/1.331 = 1.652892561983471 + 1.352366641622840 = 3.00525920360631
        // KG property_tax: 0.405/1.21 + 0.3645/1.331 = 0.334710743801653 + 0.273854244928625 = 0.608564988730278
        // total 11.837306194932038
        let result = try Self.run(Self.threeStages)
        #expect(abs((Self.value(result, "tax_expenditure_pv", year: nil, country: "UZ", instrument: "income_tax") ?? 0) - 8.22348200259545) < 1e-9)
        #expect(abs((Self.value(result, "tax_expenditure_pv", year: nil, country: "UZ", instrument: "property_tax") ?? 0) - 3.00525920360631) < 1e-9)
        #expect(abs((Self.value(result, "tax_expenditure_pv", year: nil, country: "KG", instrument: "property_tax") ?? 0) - 0.608564988730278) < 1e-9)
        #expect(Self.value(result, "tax_expenditure_pv", year: nil, country: "KG", instrument: "vat") == 0)
        let total = result.headlines.first { $0.metric == "tax_expenditure_pv_total" }?.value ?? 0
        #expect(abs(total - 11.837306194932038) < 1e-9)
        // investment_total = 100 + 50 = 150 (programme as given)
        #expect(result.headlines.first { $0.metric == "investment_total" }?.value == 150)
    }

    @Test func effectiveTaxRatesByStage() throws {
        // Standard investment (i 0.10, π 0.02, δ 0.10, p 0.20, Y 10; z = 0.6321205588285577).
        // UZ baseline u = 0.20, w = 0.02: ρ = 0.09655457485271491 + 0.02 = 0.11655457485271491
        //   EATR = (0.2 × (0.2 − 0.11655457485271491) + 0.11655457485271491 − 0.08)/0.2
        //        = (0.016689085029457018 + 0.03655457485271491)/0.2 = 0.26621829941085964
        //   EMTR = 0.03655457485271491/0.11655457485271491 = 0.3136262553306669
        // UZ 'investment': 3-year holiday, then 0.20, w = 0 → EATR 0.1459545578156982 (permanent investment, EffectiveTaxRateTests)
        // UZ 'free_trade' (no incentives) = the baseline.
        let result = try Self.run(Self.threeStages)
        #expect(abs((Self.value(result, "eatr", year: nil, country: "UZ") ?? 0) - 0.26621829941085964) < 1e-12)
        #expect(abs((Self.value(result, "emtr", year: nil, country: "UZ") ?? 0) - 0.3136262553306669) < 1e-12)
        #expect(abs((Self.value(result, "eatr", year: nil, country: "UZ", stage: "investment") ?? 0) - 0.1459545578156982) < 1e-12)
        #expect(abs((Self.value(result, "eatr", year: nil, country: "UZ", stage: "free_trade") ?? 0) - 0.26621829941085964) < 1e-12)
        // eatr_change: UZ's 100 in 'investment' at ΔEATR = 0.1459545578156982 − 0.26621829941085964 = −0.12026374159516144,
        // KG's 50 in 'free_trade' at 0 → (100 × −0.12026374159516144 + 50 × 0)/150 = −0.08017582773010763
        let change = result.headlines.first { $0.metric == "eatr_change" }?.value ?? 0
        #expect(abs(change - -0.08017582773010763) < 1e-12)
    }

    @Test func investmentResponseScalesTheProgramme() throws {
        // investment_response = 1, ε = −3.3: UZ's 100 in 'investment' at ΔEATR = −0.12026374159516144
        //   → 100 × (1 + 3.3 × 0.12026374159516144) = 100 × 1.3968703472640327 = 139.68703472640328
        // KG's 50 in 'free_trade' (ΔEATR 0) stays 50.
        var overrides = Self.standard
        overrides["investment_response"] = 1
        let result = try Self.run(Self.threeStages, overrides)
        #expect(abs((Self.value(result, "investment", year: 2032, country: "UZ", stage: "investment") ?? 0) - 139.68703472640328) < 1e-9)
        #expect(Self.value(result, "investment", year: 2030, country: "KG", stage: "free_trade") == 50)
        // The holiday TE scales with it: 2032 profit 0.2 × 139.68703472640328 × 0.2 = 5.587481389056131
        #expect(
            abs(
                (Self.value(result, "tax_expenditure", year: 2032, country: "UZ", stage: "investment", instrument: "income_tax") ?? 0)
                    - 5.587481389056131) < 1e-9)
        // By default (0) the programme is taken as given.
        let given = try Self.run(Self.threeStages)
        #expect(Self.value(given, "investment", year: 2032, country: "UZ", stage: "investment") == 100)
    }

    @Test func publicInfrastructureAndRedundancy() throws {
        // UZ: 50 a year during free_trade (2030–2031), running cost 5 a year afterwards (2032–2036).
        let result = try Self.run(Self.threeStages)
        for year in 2030...2031 { #expect(Self.value(result, "public_infrastructure", year: year, country: "UZ", stage: "free_trade") == 50) }
        for year in 2032...2036 { #expect(Self.value(result, "public_infrastructure", year: year, country: "UZ", stage: "free_trade") == 5) }
        // The redundancy parameter's default, 0.5, passed on.
        #expect(Self.value(result, "redundancy", year: nil) == 0.5)
    }

    @Test func dutiesLandAndSalesInstruments() throws {
        // One stage 2030–2036 with every other instrument; UZ invests 100 in 2030, equipment share 0.5, 10 ha, lag 0.
        // Baseline UZ: equipment duty 0.05, import duty 0.10, VAT 0.12, land tax 0.001/ha, land rent 0.002/ha.
        // Parameters: output/capital 1.0, imported inputs 0.3, domestic sales 0.3, resident infrastructure 0.05.
        // 2030 (assets 100, output 100):
        //   equipment_duty = 100 × 0.5 × 0.05 × 1.0 = 2.5
        //   infrastructure_reimbursement = 100 × 0.05 × 0.5 = 2.5
        //   input_duty = 100 × 0.3 × 0.10 × 1.0 = 3.0
        //   vat = 100 × 0.3 × 0.12 × 0.5 = 1.8
        //   customs_duty = 100 × 0.3 × 0.10 × 0.5 = 1.5
        //   land_tax = 10 × (0.001 − 0) = 0.01;  land_rent = 10 × 0.002 × 1.0 = 0.02
        // 2031 (assets 90): input_duty = 90 × 0.3 × 0.1 = 2.7; no equipment duty or reimbursement (investment year only).
        let yaml = """
            title: Instruments
            horizon: {first: 2030, last: 2036}
            price_year: 2024
            discount_rate: 0.10
            sectors: [{id: manufacturing}]
            countries:
              - code: UZ
                fiscal: {corporate_income_tax: 0.20, land_tax: 0.001, land_rent: 0.002, vat: 0.12, import_duty: 0.10, equipment_duty: 0.05}
              - {code: KG, fiscal: {corporate_income_tax: 0.10}}
            regions: [{id: fergana, country: UZ}, {id: osh, country: KG}]
            zones:
              - id: fz
                kind: cross_border_economic_zone
                regions: [fergana, osh]
                stages:
                  - id: package
                    start: 2030
                    incentives:
                      land_tax: 0
                      land_rent_exemption: 1
                      input_duty_exemption: 1
                      equipment_duty_exemption: 1
                      infrastructure_reimbursement: 0.5
                      vat_discount: 0.5
                      duty_discount: 0.5
                investment:
                  - {year: 2030, country: UZ, sector: manufacturing, amount: 100, equipment_share: 0.5, land_ha: 10}
            """
        let result = try Self.run(yaml)
        let te = { (year: Int, instrument: String) in
            Self.value(result, "tax_expenditure", year: year, country: "UZ", stage: "package", instrument: instrument) ?? 0
        }
        #expect(abs(te(2030, "equipment_duty") - 2.5) < 1e-12)
        #expect(abs(te(2030, "infrastructure_reimbursement") - 2.5) < 1e-12)
        #expect(abs(te(2030, "input_duty") - 3.0) < 1e-12)
        #expect(abs(te(2030, "vat") - 1.8) < 1e-12)
        #expect(abs(te(2030, "customs_duty") - 1.5) < 1e-12)
        #expect(abs(te(2030, "land_tax") - 0.01) < 1e-12)
        #expect(abs(te(2030, "land_rent") - 0.02) < 1e-12)
        #expect(abs(te(2031, "input_duty") - 2.7) < 1e-12)
        #expect(te(2031, "equipment_duty") == 0)
        #expect(te(2030, "income_tax") == 0)
    }

    @Test func descriptorIsComplete() {
        let d = StagedIncentivesEvaluator.descriptor
        // Citations, ranges and equation anchors of every built-in evaluator: BuiltInEvaluatorsTests.
        // Every parameter of the descriptor decodes, and nothing else is needed.
        #expect((try? Self.evaluator()) != nil)
        for id in ["investment", "tax_expenditure", "tax_expenditure_pv", "emtr", "eatr", "public_infrastructure", "redundancy"] {
            #expect(d.metric(id) != nil, "\(id)")
        }
        #expect(Set(TaxInstrument.allCases.map(\.ordinal)) == Set(0..<TaxInstrument.allCases.count))
    }

    @Test func rejectsAnInvestmentWithoutFiniteValue() {
        // i − π + δ = 0.02 − 0.10 + 0.05 = −0.03 ≤ 0
        #expect(throws: EvaluatorError.self) { try Self.evaluator(["nominal_interest_rate": 0.02, "inflation": 0.10, "depreciation": 0.05]) }
    }

    /// One zone with a CIT cut to 0.10 and zero property tax from 2030; UZ has USD 100 m of capacity already in place
    /// in 2030 (existing: true) and invests USD 100 m more in 2030, with a 0.4 equipment share.
    static let existingCapacity = """
        title: Existing capacity
        horizon: {first: 2030, last: 2033}
        price_year: 2024
        discount_rate: 0.10
        sectors:
          - {id: logistics}
        countries:
          - code: UZ
            fiscal: {corporate_income_tax: 0.20, property_tax: 0.02, equipment_duty: 0.05}
          - code: KG
            fiscal: {corporate_income_tax: 0.10}
        regions:
          - {id: fergana, country: UZ}
          - {id: osh, country: KG}
        zones:
          - id: fz
            kind: cross_border_free_economic_zone
            regions: [fergana, osh]
            stages:
              - id: fez
                start: 2030
                incentives: {corporate_income_tax_rate: 0.10, property_tax_rate: 0, equipment_duty_exemption: 1}
            investment:
              - {year: 2030, existing: true, country: UZ, region: fergana, sector: logistics, amount: 100, equipment_share: 0.4}
              - {year: 2030, country: UZ, region: fergana, sector: logistics, amount: 100, equipment_share: 0.4}
        """

    @Test func existingCapacityGetsTheRegimeButIsNotInvestment() throws {
        // operation_lag 1 for new investment; existing capacity already operates in 2030. δ = 0.10, p = 0.20.
        // Existing: assets 100 (2030), 90, 81, 72.9; profits 20, 18, 16.2, 14.58; CIT forgone (0.20 − 0.10) × profit = 2, 1.8,
        // 1.62, 1.458; property tax forgone 0.02 × assets = 2, 1.8, 1.62, 1.458. No equipment duty (already imported).
        // New: operates from 2031: assets 100, 90, 81; CIT forgone 2, 1.8, 1.62; property 2, 1.8, 1.62; equipment duty
        // 100 × 0.4 × 0.05 = 2 in 2030.
        var overrides = Self.standard
        overrides["operation_lag"] = 1
        let r = try Self.run(Self.existingCapacity, overrides)
        func close(_ a: Double?, _ b: Double) -> Bool { a.map { abs($0 - b) < 1e-9 } ?? false }
        #expect(close(Self.value(r, "tax_expenditure_existing", year: 2030, country: "UZ", stage: "fez", instrument: "income_tax"), 2))
        #expect(close(Self.value(r, "tax_expenditure_existing", year: 2033, country: "UZ", stage: "fez", instrument: "property_tax"), 1.458))
        #expect(Self.value(r, "tax_expenditure_existing", year: 2030, country: "UZ", stage: "fez", instrument: "equipment_duty") == nil)
        // tax_expenditure holds both: 2031 income tax = 1.8 (existing) + 2 (new) = 3.8; equipment duty 2 (new only).
        #expect(close(Self.value(r, "tax_expenditure", year: 2031, country: "UZ", stage: "fez", instrument: "income_tax"), 3.8))
        #expect(close(Self.value(r, "tax_expenditure", year: 2030, country: "UZ", stage: "fez", instrument: "equipment_duty"), 2))
        // Only the new line is investment (and in investment_total); the stock is existing_capacity.
        #expect(r.rows.filter { $0.metric == "investment" }.map(\.value) == [100])
        #expect(r.headlines.first { $0.metric == "investment_total" }?.value == 100)
        #expect(close(r.rows.filter { $0.metric == "existing_capacity" }.reduce(0) { $0 + $1.value }, 100))
        // pre_tax_profit is the new cohort's only: 2030 none, 2031 20, 2033 16.2.
        #expect(Self.value(r, "pre_tax_profit", year: 2030, country: "UZ") == nil)
        #expect(close(Self.value(r, "pre_tax_profit", year: 2031, country: "UZ"), 20))
        #expect(close(Self.value(r, "pre_tax_profit", year: 2033, country: "UZ"), 16.2))
        #expect(r.findings.contains { $0.message.contains("100 USD m of capacity already in place") })
    }

    @Test func aCohortStopsAtTheEndOfItsLife() throws {
        // capacity_life_years 2, operation_lag 1: the new cohort of 2030 operates in 2031 and 2032 only. Profits 20, 18, then
        // none in 2033; its property tax forgone 2, 1.8, then none. (The existing stock also lives 2 years: 2030, 2031.)
        var overrides = Self.standard
        overrides["operation_lag"] = 1
        overrides["capacity_life_years"] = 2
        let r = try Self.run(Self.existingCapacity, overrides)
        #expect(Self.value(r, "pre_tax_profit", year: 2032, country: "UZ").map { abs($0 - 18) < 1e-9 } == true)
        #expect(Self.value(r, "pre_tax_profit", year: 2033, country: "UZ") == nil)
        #expect(Self.value(r, "tax_expenditure_existing", year: 2032, country: "UZ", stage: "fez", instrument: "property_tax") == nil)
        #expect(Self.value(r, "tax_expenditure", year: 2033, country: "UZ", stage: "fez", instrument: "property_tax") == nil)
        // Both rows downstream evaluators read: the lag and the life.
        #expect(r.rows.contains { $0.metric == "operation_lag" && $0.year == nil && $0.value == 1 })
        #expect(r.rows.contains { $0.metric == "capacity_life_years" && $0.year == nil && $0.value == 2 })
    }
}
