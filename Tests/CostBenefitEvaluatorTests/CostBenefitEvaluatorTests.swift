import CoopZoneCore
import Foundation
import Testing

@testable import CostBenefitEvaluator

/// The evaluator on a small scenario, with its dependencies' rows written by hand.
struct CostBenefitEvaluatorTests {
    /// Two sides: UZ (Fergana, wage 4.0 thousand, wage tax 0.25, CIT 0.20) and KG (Osh, wage 2.0,
    /// wage tax 0.20, CIT 0.10); a link Fergana → Osh; horizon 2030–2032 at d = 0.10.
    static let yaml = """
        title: Cost-benefit test
        horizon: {first: 2030, last: 2032}
        price_year: 2024
        discount_rate: 0.10
        sectors:
          - {id: textiles}
        countries:
          - code: UZ
            fiscal: {corporate_income_tax: 0.20, wage_tax: 0.25}
          - code: KG
            fiscal: {corporate_income_tax: 0.10, wage_tax: 0.20}
        regions:
          - {id: fergana, country: UZ, average_wage: 4.0}
          - {id: osh, country: KG, average_wage: 2.0}
        links:
          - {id: l1, from: fergana, to: osh}
        zones:
          - id: z
            kind: cross_border_economic_zone
            regions: [fergana, osh]
            stages:
              - {id: s1, start: 2030}
        """

    static func scenario() throws -> Scenario { try ScenarioLoader.loadOrThrow(text: yaml, file: "test.yaml") }

    static func row(
        _ evaluator: String, _ metric: String, _ unit: CoopZoneCore.Unit, _ year: Int?, _ dims: Dimensions = Dimensions(),
        _ value: Double
    ) -> ResultRow {
        ResultRow(evaluator: evaluator, metric: metric, unit: unit, year: year, dimensions: dims, value: value)
    }

    static func evaluator(_ overrides: [String: Double] = [:]) throws -> CostBenefitEvaluator {
        var values: [String: ParameterValue] = [:]
        for spec in CostBenefitEvaluator.descriptor.parameters { values[spec.name] = .number(spec.defaultValue) }
        for (name, value) in overrides {
            #expect(values[name] != nil, "unknown parameter \(name)")
            values[name] = .number(value)
        }
        return try CostBenefitEvaluator(parameters: ParameterDecoder.decode(CostBenefitEvaluator.Parameters.self, from: values))
    }

    static func headline(_ result: EvaluationResult, _ metric: String) -> Double? {
        result.headlines.first { $0.metric == metric }?.value
    }

    static func value(_ result: EvaluationResult, _ metric: String, year: Int?, country: String?, instrument: String? = nil) -> Double {
        result.rows.filter { $0.metric == metric && $0.year == year && $0.dimensions.country == country && $0.dimensions.instrument == instrument }
            .reduce(0) { $0 + $1.value }
    }

    static func close(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
        guard let a else { return false }
        return abs(a - b) < tolerance
    }

    /// The hand-written dependency results of the main case:
    /// - staged_incentives: redundancy 0.5; UZ property-tax expenditure 10 in 2030; UZ infrastructure
    ///   reimbursement 2 in 2031; KG public infrastructure 5 in 2030; no profits (no profit tax).
    /// - employment: net jobs in Fergana from investment, 1000 in 2031 and 2032 (already net of
    ///   redundancy, as employment writes them); in Osh from trade facilitation, 500 in 2032.
    /// - trade_effects: KG customs revenue −1 in 2031; welfare 0.5 in 2032 on l1 export (importer Osh,
    ///   KG); trade-cost saving 0.3 in 2032 to KG (the importer); saved produce 0.2 in 2032 to UZ (the exporter).
    static func context(redundancy: Double? = 0.5, fergana: Double = 1000) -> EvaluationContext {
        var incentives = [
            row("staged_incentives", "tax_expenditure", .usdMillion, 2030, Dimensions(country: "UZ", stage: "s1", instrument: "property_tax", zone: "z"), 10),
            row(
                "staged_incentives", "tax_expenditure", .usdMillion, 2031,
                Dimensions(country: "UZ", stage: "s1", instrument: "infrastructure_reimbursement", zone: "z"), 2),
            row("staged_incentives", "public_infrastructure", .usdMillion, 2030, Dimensions(country: "KG", stage: "s1", zone: "z"), 5),
        ]
        if let redundancy { incentives.append(row("staged_incentives", "redundancy", .fraction, nil, Dimensions(), redundancy)) }
        let jobs = [
            row("employment", "jobs_net", .jobs, 2031, Dimensions(region: "fergana", country: "UZ", sector: "textiles", instrument: "investment"), fergana),
            row("employment", "jobs_net", .jobs, 2032, Dimensions(region: "fergana", country: "UZ", sector: "textiles", instrument: "investment"), fergana),
            row("employment", "jobs_net", .jobs, 2032, Dimensions(region: "osh", country: "KG", sector: "textiles", instrument: "trade_facilitation"), 500),
        ]
        let trade = [
            row(
                "trade_effects", "tariff_revenue_change", .usdMillion, 2031, Dimensions(country: "KG", sector: "textiles", link: "l1", direction: "export"), -1),
            row("trade_effects", "welfare", .usdMillion, 2032, Dimensions(sector: "textiles", link: "l1", direction: "export"), 0.5),
            row(
                "trade_effects", "trade_cost_saving", .usdMillion, 2032,
                Dimensions(country: "KG", sector: "textiles", link: "l1", instrument: "existing_trade", direction: "export"), 0.3),
            row("trade_effects", "saved_produce_value", .usdMillion, 2032, Dimensions(country: "UZ", sector: "textiles", link: "l1", direction: "export"), 0.2),
        ]
        return EvaluationContext(results: [
            "staged_incentives": EvaluationResult(rows: incentives),
            "employment": EvaluationResult(rows: jobs),
            "trade_effects": EvaluationResult(rows: trade),
        ])
    }

    /// The main case's evaluator: shadow wage rate factor 0.6, so that the worker's part of a job's
    /// benefit is positive on both sides (UZ 1 − 0.6 − 0.25 = 0.15, KG 1 − 0.6 − 0.2 = 0.2).
    static func mainEvaluator() throws -> CostBenefitEvaluator { try evaluator(["shadow_wage_rate_factor": 0.6]) }

    @Test func yearlyRowsByCountryAndComponent() throws {
        let result = try Self.mainEvaluator().evaluate(Self.scenario(), context: Self.context())
        // 2030: UZ fiscal cost = r·TE = 0.5·10 = 5; KG public infrastructure 5.
        #expect(Self.close(Self.value(result, "fiscal_cost", year: 2030, country: "UZ", instrument: "tax_expenditure"), 5))
        #expect(Self.close(Self.value(result, "fiscal_cost", year: 2030, country: "KG", instrument: "public_infrastructure"), 5))
        // 2031: UZ reimbursement 2 in full. Fergana: wage bill 1000·4.0/1000 = 4 USD m; wage tax 0.25·4 = 1;
        // the worker's part 4·(1 − 0.6 − 0.25) = 0.6. The jobs are not scaled again by 1 − r: employment did it.
        #expect(Self.close(Self.value(result, "fiscal_cost", year: 2031, country: "UZ", instrument: "infrastructure_reimbursement"), 2))
        #expect(Self.close(Self.value(result, "fiscal_gain", year: 2031, country: "UZ", instrument: "wage_tax"), 1))
        #expect(Self.close(Self.value(result, "economic_benefit", year: 2031, country: "UZ", instrument: "wages"), 0.6))
        // KG customs −1 in 2031: a fall, so a fiscal cost of 1. UZ net 2031 = 1 + 0.6 − 2 = −0.4; KG net = −1.
        #expect(Self.close(Self.value(result, "fiscal_cost", year: 2031, country: "KG", instrument: "customs_revenue"), 1))
        #expect(Self.value(result, "fiscal_gain", year: 2031, country: "KG", instrument: "customs_revenue") == 0)
        #expect(Self.close(Self.value(result, "net_benefit", year: 2031, country: "UZ"), -0.4))
        #expect(Self.close(Self.value(result, "net_benefit", year: 2031, country: "KG"), -1))
        // 2032: Osh (trade jobs) wage bill 500·2.0/1000 = 1; tax 0.2, worker's part 1·(1 − 0.6 − 0.2) = 0.2.
        // Welfare 0.5 and the trade-cost saving 0.3 go to the importer, KG. KG net 2032 = 0.2 + 0.2 + 0.5 + 0.3 = 1.2.
        // UZ 2032: wage tax 1, wages 0.6, saved produce 0.2 (the exporter's) = 1.8.
        #expect(Self.close(Self.value(result, "fiscal_gain", year: 2032, country: "KG", instrument: "wage_tax"), 0.2))
        #expect(Self.close(Self.value(result, "economic_benefit", year: 2032, country: "KG", instrument: "trade_welfare"), 0.5))
        #expect(Self.close(Self.value(result, "economic_benefit", year: 2032, country: "KG", instrument: "trade_cost_saving"), 0.3))
        #expect(Self.close(Self.value(result, "economic_benefit", year: 2032, country: "UZ", instrument: "saved_produce"), 0.2))
        #expect(Self.close(Self.value(result, "net_benefit", year: 2032, country: "KG"), 1.2))
        #expect(Self.close(Self.value(result, "net_benefit", year: 2032, country: "UZ"), 1.8))
        // Attributable jobs are employment's net jobs as they are: 2032 1000 UZ, 500 KG.
        #expect(Self.close(Self.value(result, "attributable_jobs", year: 2032, country: "UZ"), 1000))
        #expect(Self.close(Self.value(result, "attributable_jobs", year: 2032, country: "KG"), 500))
        // Net PV of UZ: −5 − 0.4/1.1 + 1.8/1.21 = (−605 − 44 + 180)/121 = −469/121.
        #expect(Self.close(Self.value(result, "net_benefit_pv", year: nil, country: "UZ"), -469.0 / 121))
    }

    @Test func theDefaultShadowWageLeavesTheTaxAsMostOfAJobsBenefit() throws {
        // SWRF 0.8 (default): a Fergana job's benefit is w·(1 − 0.8) = 0.2·4 = 0.8 USD m for 1000 jobs; the wage tax 1
        // takes more than that, so the worker's part is 4·(1 − 0.8 − 0.25) = −0.2, and the two add up to 0.8.
        let result = try Self.evaluator().evaluate(Self.scenario(), context: Self.context())
        let tax = Self.value(result, "fiscal_gain", year: 2031, country: "UZ", instrument: "wage_tax")
        let worker = Self.value(result, "economic_benefit", year: 2031, country: "UZ", instrument: "wages")
        #expect(Self.close(tax, 1) && Self.close(worker, -0.2) && Self.close(tax + worker, 0.8))
    }

    @Test func headlinesOfTheMainCase() throws {
        let result = try Self.mainEvaluator().evaluate(Self.scenario(), context: Self.context())
        // Net by year (both sides): 2030 −10; 2031 −0.4 − 1 = −1.4; 2032 1.8 + 1.2 = 3.
        // NPV = −10 − 1.4/1.1 + 3/1.21 = (−1210 − 154 + 300)/121 = −1064/121 = −8.7934…
        #expect(Self.close(Self.headline(result, "npv"), -1064.0 / 121))
        // PV(fiscal cost) = 10 (2030: 5 + 5) + (2 reimbursement + 1 customs lost)/1.1 = 10 + 3/1.1 = 140/11;
        // PV(benefits) = NPV + cost = (−1064 + 1540)/121 = 476/121; BCR = (476/121)/(140/11) = 476/1540 = 17/55.
        #expect(Self.close(Self.headline(result, "benefit_cost_ratio"), 17.0 / 55))
        // Fiscal: 2030 −10; 2031 1 − 2 − 1 = −2; 2032 1 + 0.2 = 1.2 → (−1210 − 220 + 120)/121 = −1310/121.
        #expect(Self.close(Self.headline(result, "fiscal_npv"), -1310.0 / 121))
        // Attributable jobs: 2031 1000, 2032 1500 (peak). Cost per job = (140/11)/1500 = 7/825 USD m.
        #expect(Self.close(Self.headline(result, "cost_per_net_job"), 7.0 / 825))
        // Discounted job-years 1000/1.1 + 1500/1.21 = (110000 + 150000)/121 = 260000/121;
        // (140/11)/(260000/121)·1000 = 140·11·1000/260000 = 77/13 thousand USD per job-year.
        #expect(Self.close(Self.headline(result, "cost_per_net_job_year"), 77.0 / 13))
        // Cumulative −10, −11.27, −8.79: never pays back → the year after the horizon, 2033, with a warning.
        #expect(Self.headline(result, "payback_year") == 2033)
        #expect(result.findings.contains { $0.kind == .warning && $0.message.contains("does not pay back") })
        #expect(Self.close(Self.value(result, "cumulative_net_benefit_pv", year: 2032, country: nil), -1064.0 / 121))
        // Break-even: A (investment-linked at r = 0) = Fergana's (1 + 0.6)/(1 − 0.5) = 3.2 in 2031 and 2032:
        // PV(A) = 3.2/1.1 + 3.2/1.21 = 672/121; B = −1/1.1 + 1.4/1.21 = 30/121; T = 1210/121; C = 825/121.
        // NPV(0) = (672 + 30 − 825)/121 < 0 and NPV(1) = (30 − 1210 − 825)/121 < 0 → 0, with a warning.
        #expect(Self.headline(result, "break_even_redundancy") == 0)
        #expect(result.findings.contains { $0.kind == .warning && $0.message.contains("negative even if every") })
    }

    @Test func breakEvenRedundancyMatchesTheHandCalculation() throws {
        // Investment jobs only: Fergana 1000 net jobs in 2031 at r = 0.5 (employment's), UZ tax expenditure 1 in 2030, SWRF 0.6.
        // A = (wage tax 1 + worker's 0.6)/(1 − 0.5) = 3.2 in 2031: PV(A) = 3.2/1.1 = 352/121; T = 1 = 121/121; B = C = 0.
        // NPV(r) = (1 − r)·352/121 − r·121/121; r* = 352/(352 + 121) = 352/473 = 32/43.
        // Check at r = 0.5: 176/121 − 60.5/121 = 115.5/121 (the run: −0.5 + 1.6/1.1 = (−60.5 + 176)/121).
        func context(redundancy r: Double) -> EvaluationContext {
            // Employment would write 2000·(1 − r) net jobs (1000 at r = 0.5).
            EvaluationContext(results: [
                "staged_incentives": EvaluationResult(rows: [
                    Self.row("staged_incentives", "redundancy", .fraction, nil, Dimensions(), r),
                    Self.row("staged_incentives", "tax_expenditure", .usdMillion, 2030, Dimensions(country: "UZ", instrument: "property_tax"), 1),
                ]),
                "employment": EvaluationResult(rows: [
                    Self.row("employment", "jobs_net", .jobs, 2031, Dimensions(region: "fergana", country: "UZ", instrument: "investment"), 2000 * (1 - r))
                ]),
                "trade_effects": EvaluationResult(),
            ])
        }
        let result = try Self.mainEvaluator().evaluate(Self.scenario(), context: context(redundancy: 0.5))
        #expect(Self.close(Self.headline(result, "npv"), 115.5 / 121))
        #expect(Self.close(Self.headline(result, "break_even_redundancy"), 32.0 / 43))
        // At r* the whole chain (employment's jobs scaled by 1 − r*, this evaluator's r*·TE) gives an NPV of zero.
        let atBreakEven = try Self.mainEvaluator().evaluate(Self.scenario(), context: context(redundancy: 32.0 / 43))
        #expect(Self.close(Self.headline(atBreakEven, "npv"), 0, 1e-12))
    }

    @Test func tradeJobsDoNotMoveWithRedundancy() throws {
        // 1000 Fergana jobs from trade creation in 2031, SWRF 0.6: wage tax 1 and worker's 0.6 at any redundancy; the NPV
        // = 1.6/1.1 whether r is 0.2 or 0.9, and the break-even is 1 (positive even if all investment would have come anyway).
        func context(_ r: Double) -> EvaluationContext {
            EvaluationContext(results: [
                "staged_incentives": EvaluationResult(rows: [Self.row("staged_incentives", "redundancy", .fraction, nil, Dimensions(), r)]),
                "employment": EvaluationResult(rows: [
                    Self.row("employment", "jobs_net", .jobs, 2031, Dimensions(region: "fergana", country: "UZ", instrument: "trade_creation"), 1000)
                ]),
                "trade_effects": EvaluationResult(),
            ])
        }
        for r in [0.2, 0.9] {
            let result = try Self.mainEvaluator().evaluate(Self.scenario(), context: context(r))
            #expect(Self.close(Self.headline(result, "npv"), 1.6 / 1.1))
            #expect(Self.close(Self.value(result, "attributable_jobs", year: 2031, country: "UZ"), 1000))
            #expect(Self.headline(result, "break_even_redundancy") == 1)
            #expect(result.findings.contains { $0.message.contains("stays positive even if all") })
        }
    }

    @Test func jobsWithoutAnOriginAreTreatedAsFromInvestmentWithAWarning() throws {
        let context = EvaluationContext(results: [
            "staged_incentives": EvaluationResult(rows: [Self.row("staged_incentives", "redundancy", .fraction, nil, Dimensions(), 0.5)]),
            "employment": EvaluationResult(rows: [Self.row("employment", "jobs_net", .jobs, 2031, Dimensions(region: "fergana", country: "UZ"), 100)]),
            "trade_effects": EvaluationResult(),
        ])
        let result = try Self.mainEvaluator().evaluate(Self.scenario(), context: context)
        #expect(result.findings.contains { $0.kind == .warning && $0.message.contains("do not say what caused them") })
    }

    @Test func onlyACostGivesZeroBreakEvenAndNoJobs() throws {
        // Only a cost: NPV(0) = NPV(1) = −10 → 0, with a warning; no jobs, no cost per job.
        let onlyCost = EvaluationContext(results: [
            "staged_incentives": EvaluationResult(rows: [
                Self.row("staged_incentives", "redundancy", .fraction, nil, Dimensions(), 0.5),
                Self.row("staged_incentives", "public_infrastructure", .usdMillion, 2030, Dimensions(country: "UZ"), 10),
            ]),
            "employment": EvaluationResult(), "trade_effects": EvaluationResult(),
        ])
        let negative = try Self.evaluator().evaluate(Self.scenario(), context: onlyCost)
        #expect(Self.headline(negative, "break_even_redundancy") == 0)
        #expect(negative.findings.contains { $0.kind == .warning && $0.message.contains("negative even if every") })
        #expect(Self.headline(negative, "cost_per_net_job") == nil)
        #expect(Self.headline(negative, "payback_year") == 2033)
    }

    @Test func profitTaxOnceTheHolidayEnds() throws {
        // staged_incentives' cohort earns 20 in 2031 and 18 in 2032 (its pre_tax_profit rows). Baseline CIT 0.2:
        // 4 and 3.6. A one-year holiday forgoes 4 in 2031 (TE row). Tax paid: 2031 0, 2032 3.6.
        // r = 0.2: profit_tax row 2032 = 0.8·3.6 = 2.88; fiscal cost 2031 = 0.2·4 = 0.8.
        let context = EvaluationContext(results: [
            "staged_incentives": EvaluationResult(rows: [
                Self.row("staged_incentives", "redundancy", .fraction, nil, Dimensions(), 0.2),
                Self.row("staged_incentives", "pre_tax_profit", .usdMillionPerYear, 2031, Dimensions(country: "UZ", zone: "z"), 20),
                Self.row("staged_incentives", "pre_tax_profit", .usdMillionPerYear, 2032, Dimensions(country: "UZ", zone: "z"), 18),
                Self.row("staged_incentives", "tax_expenditure", .usdMillion, 2031, Dimensions(country: "UZ", instrument: "income_tax"), 4),
            ]),
            "employment": EvaluationResult(), "trade_effects": EvaluationResult(),
        ])
        let result = try Self.evaluator().evaluate(Self.scenario(), context: context)
        #expect(Self.value(result, "fiscal_gain", year: 2031, country: "UZ", instrument: "profit_tax") == 0)
        #expect(Self.close(Self.value(result, "fiscal_gain", year: 2032, country: "UZ", instrument: "profit_tax"), 2.88))
        #expect(Self.close(Self.value(result, "fiscal_cost", year: 2031, country: "UZ", instrument: "tax_expenditure"), 0.8))
        // NPV = −0.8/1.1 + 2.88/1.21 = −0.727273 + 2.380165 = 1.652893; pays back in 2032.
        #expect(Self.close(Self.headline(result, "npv"), -0.8 / 1.1 + 2.88 / 1.21))
        #expect(Self.headline(result, "payback_year") == 2032)
    }

    @Test func countriesThatAreNotPartiesStayOutOfTheHeadlines() throws {
        // The main case with parties [UZ]: KG's public infrastructure, customs loss, wages, welfare and saving are
        // reported as non_party_effect (costs negative) and its 500 jobs are not counted.
        // NPV = UZ's alone: −469/121 (see yearlyRowsByCountryAndComponent). PV(fiscal cost) of UZ: 5 + 2/1.1 = 75/11.
        let text = Self.yaml.replacingOccurrences(of: "regions: [fergana, osh]", with: "regions: [fergana, osh]\n    parties: [UZ]")
        let scenario = try ScenarioLoader.loadOrThrow(text: text, file: "test.yaml")
        let result = try Self.mainEvaluator().evaluate(scenario, context: Self.context())
        #expect(Self.close(Self.headline(result, "npv"), -469.0 / 121))
        #expect(Self.close(Self.headline(result, "cost_per_net_job"), (75.0 / 11) / 1000))
        #expect(Self.close(Self.value(result, "non_party_effect", year: 2030, country: "KG", instrument: "public_infrastructure"), -5))
        #expect(Self.close(Self.value(result, "non_party_effect", year: 2032, country: "KG", instrument: "trade_welfare"), 0.5))
        #expect(Self.value(result, "net_benefit", year: 2032, country: "KG") == 0)
        #expect(Self.value(result, "attributable_jobs", year: 2032, country: "KG") == 0)
        #expect(result.findings.contains { $0.message.contains("KG is not a party to the zone") })
    }

    @Test func missingRedundancyFallsBackToHalfWithAFinding() throws {
        let result = try Self.mainEvaluator().evaluate(Self.scenario(), context: Self.context(redundancy: nil))
        // Same as the main case (r = 0.5): NPV −1064/121.
        #expect(Self.close(Self.headline(result, "npv"), -1064.0 / 121))
        #expect(result.findings.contains { $0.message.contains("gives no redundancy share") })
    }

    @Test func taxExpenditureOnExistingCapacityIsACostInFull() throws {
        // UZ tax expenditure 10 in 2030, of which 4 on capacity already in place (tax_expenditure_existing), r = 0.5:
        // cost = 0.5 × (10 − 4) + 4 = 7 (instead of 5). Break-even: T = 6 (redundant part), C = 4 (fixed): no benefits, so
        // NPV(0) = −4 and NPV(1) = −10 → 0. Income-tax expenditure of 3 on existing capacity in 2031 is not set against the
        // new cohorts' profits (20 × 0.2 = 4): profit tax paid 4, × (1 − r) = 2.
        let context = EvaluationContext(results: [
            "staged_incentives": EvaluationResult(rows: [
                Self.row("staged_incentives", "redundancy", .fraction, nil, Dimensions(), 0.5),
                Self.row("staged_incentives", "tax_expenditure", .usdMillion, 2030, Dimensions(country: "UZ", instrument: "property_tax"), 10),
                Self.row("staged_incentives", "tax_expenditure_existing", .usdMillion, 2030, Dimensions(country: "UZ", instrument: "property_tax"), 4),
                Self.row("staged_incentives", "tax_expenditure", .usdMillion, 2031, Dimensions(country: "UZ", instrument: "income_tax"), 3),
                Self.row("staged_incentives", "tax_expenditure_existing", .usdMillion, 2031, Dimensions(country: "UZ", instrument: "income_tax"), 3),
                Self.row("staged_incentives", "pre_tax_profit", .usdMillionPerYear, 2031, Dimensions(country: "UZ"), 20),
            ]),
            "employment": EvaluationResult(), "trade_effects": EvaluationResult(),
        ])
        let result = try Self.evaluator().evaluate(Self.scenario(), context: context)
        #expect(Self.close(Self.value(result, "fiscal_cost", year: 2030, country: "UZ", instrument: "tax_expenditure"), 7))
        // 2031: cost 3 in full (all existing); profit tax 2.
        #expect(Self.close(Self.value(result, "fiscal_cost", year: 2031, country: "UZ", instrument: "tax_expenditure"), 3))
        #expect(Self.close(Self.value(result, "fiscal_gain", year: 2031, country: "UZ", instrument: "profit_tax"), 2))
        // NPV = −7 + (2 − 3)/1.1 = −7 − 1/1.1.
        #expect(Self.close(Self.headline(result, "npv"), -7 - 1 / 1.1))
    }
}
