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

    static func row(_ evaluator: String, _ metric: String, _ unit: CoopZoneCore.Unit, _ year: Int?, _ dims: Dimensions = Dimensions(),
                    _ value: Double) -> ResultRow {
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
    ///   reimbursement 2 in 2031; KG public infrastructure 5 in 2030; no investment (no profit tax).
    /// - employment: net jobs in Fergana 1000 in 2031 and 2032; in Osh 500 in 2032.
    /// - trade_effects: KG customs revenue −1 in 2031; welfare 0.5 in 2032 on l1 export (importer Osh, KG).
    static func context(redundancy: Double? = 0.5) -> EvaluationContext {
        var incentives = [
            row("staged_incentives", "tax_expenditure", .usdMillion, 2030, Dimensions(country: "UZ", stage: "s1", instrument: "property_tax", zone: "z"), 10),
            row("staged_incentives", "tax_expenditure", .usdMillion, 2031,
                Dimensions(country: "UZ", stage: "s1", instrument: "infrastructure_reimbursement", zone: "z"), 2),
            row("staged_incentives", "public_infrastructure", .usdMillion, 2030, Dimensions(country: "KG", stage: "s1", zone: "z"), 5),
        ]
        if let redundancy { incentives.append(row("staged_incentives", "redundancy", .fraction, nil, Dimensions(), redundancy)) }
        let jobs = [
            row("employment", "jobs_net", .jobs, 2031, Dimensions(region: "fergana", country: "UZ", sector: "textiles"), 1000),
            row("employment", "jobs_net", .jobs, 2032, Dimensions(region: "fergana", country: "UZ", sector: "textiles"), 1000),
            row("employment", "jobs_net", .jobs, 2032, Dimensions(region: "osh", country: "KG", sector: "textiles"), 500),
        ]
        let trade = [
            row("trade_effects", "tariff_revenue_change", .usdMillion, 2031, Dimensions(country: "KG", sector: "textiles", link: "l1", direction: "export"), -1),
            row("trade_effects", "welfare", .usdMillion, 2032, Dimensions(sector: "textiles", link: "l1", direction: "export"), 0.5),
        ]
        return EvaluationContext(results: [
            "staged_incentives": EvaluationResult(rows: incentives),
            "employment": EvaluationResult(rows: jobs),
            "trade_effects": EvaluationResult(rows: trade),
        ])
    }

    @Test func yearlyRowsByCountryAndComponent() throws {
        let result = try Self.evaluator().evaluate(Self.scenario(), context: Self.context())
        // 2030: UZ fiscal cost = r·TE = 0.5·10 = 5; KG public infrastructure 5.
        #expect(Self.close(Self.value(result, "fiscal_cost", year: 2030, country: "UZ", instrument: "tax_expenditure"), 5))
        #expect(Self.close(Self.value(result, "fiscal_cost", year: 2030, country: "KG", instrument: "public_infrastructure"), 5))
        // 2031: UZ reimbursement 2 in full. Fergana: wage bill 1000·4.0/1000 = 4 USD m; tax 0.25·4 = 1,
        // after-tax 3; scaled by 1 − r = 0.5 → wage tax 0.5, wages 1.5.
        #expect(Self.close(Self.value(result, "fiscal_cost", year: 2031, country: "UZ", instrument: "infrastructure_reimbursement"), 2))
        #expect(Self.close(Self.value(result, "fiscal_gain", year: 2031, country: "UZ", instrument: "wage_tax"), 0.5))
        #expect(Self.close(Self.value(result, "economic_benefit", year: 2031, country: "UZ", instrument: "wages"), 1.5))
        // KG customs −1 in 2031 (not scaled): a fall, so a fiscal cost of 1. UZ net 2031 = 0.5 + 1.5 − 2 = 0; KG net = −1.
        #expect(Self.close(Self.value(result, "fiscal_cost", year: 2031, country: "KG", instrument: "customs_revenue"), 1))
        #expect(Self.value(result, "fiscal_gain", year: 2031, country: "KG", instrument: "customs_revenue") == 0)
        #expect(Self.close(Self.value(result, "net_benefit", year: 2031, country: "UZ"), 0))
        #expect(Self.close(Self.value(result, "net_benefit", year: 2031, country: "KG"), -1))
        // 2032: Osh wage bill 500·2.0/1000 = 1; tax 0.2, after-tax 0.8; × 0.5 → 0.1 and 0.4.
        // Welfare 0.5 on l1 export goes to the importer, Osh (KG). KG net 2032 = 0.1 + 0.4 + 0.5 = 1.0.
        #expect(Self.close(Self.value(result, "fiscal_gain", year: 2032, country: "KG", instrument: "wage_tax"), 0.1))
        #expect(Self.close(Self.value(result, "economic_benefit", year: 2032, country: "KG", instrument: "trade_welfare"), 0.5))
        #expect(Self.close(Self.value(result, "net_benefit", year: 2032, country: "KG"), 1.0))
        // Attributable jobs 2032: 0.5·1000 UZ + 0.5·500 KG.
        #expect(Self.close(Self.value(result, "attributable_jobs", year: 2032, country: "UZ"), 500))
        #expect(Self.close(Self.value(result, "attributable_jobs", year: 2032, country: "KG"), 250))
        // Net PV of UZ: −5 + 0/1.1 + (0.5 + 1.5)/1.21 = −5 + 1.652893… = −3.347107…
        #expect(Self.close(Self.value(result, "net_benefit_pv", year: nil, country: "UZ"), -5 + 2 / 1.21))
    }

    @Test func headlinesOfTheMainCase() throws {
        let result = try Self.evaluator().evaluate(Self.scenario(), context: Self.context())
        // Net by year (both sides): 2030 −10; 2031 0.5 + 1.5 − 2 − 1 = −1; 2032 0.5 + 1.5 + 0.1 + 0.4 + 0.5 = 3.
        // NPV = −10 − 1/1.1 + 3/1.21 = (−1210 − 110 + 300)/121 = −1020/121 = −8.42975…
        #expect(Self.close(Self.headline(result, "npv"), -1020.0 / 121))
        // PV(fiscal cost) = 10 (2030: 5 + 5) + (2 reimbursement + 1 customs lost)/1.1 = 10 + 3/1.1 = 140/11;
        // PV(benefits) = NPV + cost = (−1020 + 1540)/121 = 520/121; BCR = (520/121)/(140/11) = 520/1540 = 26/77.
        #expect(Self.close(Self.headline(result, "benefit_cost_ratio"), 26.0 / 77))
        // Fiscal: 2030 −10; 2031 0.5 − 1 − 2 = −2.5; 2032 0.5 + 0.1 = 0.6 → (−1210 − 275 + 60)/121 = −1425/121.
        #expect(Self.close(Self.headline(result, "fiscal_npv"), -1425.0 / 121))
        // Attributable jobs: 2031 500, 2032 750 (peak). Cost per job = (140/11)/750 = 14/825 USD m.
        #expect(Self.close(Self.headline(result, "cost_per_net_job"), 14.0 / 825))
        // Discounted job-years 500/1.1 + 750/1.21 = (55000 + 75000)/121 = 130000/121;
        // (140/11)/(130000/121)·1000 = 140·11/130 = 154/13 = 11.846… thousand USD per job-year.
        #expect(Self.close(Self.headline(result, "cost_per_net_job_year"), 154.0 / 13))
        // Cumulative −10, −10.91, −8.43: never pays back → the year after the horizon, 2033, with a warning.
        #expect(Self.headline(result, "payback_year") == 2033)
        #expect(result.findings.contains { $0.kind == .warning && $0.message.contains("does not pay back") })
        #expect(Self.close(Self.value(result, "cumulative_net_benefit_pv", year: 2032, country: nil), -1020.0 / 121))
    }

    @Test func breakEvenRedundancyMatchesTheHandCalculation() throws {
        let result = try Self.evaluator().evaluate(Self.scenario(), context: Self.context())
        // Benefits that flow from investment at r = 0 (A): 2031 wage tax 1 + wages 3 = 4;
        //   2032 4 + Osh 0.2 + 0.8 = 5. PV(A) = 4/1.1 + 5/1.21 = (440 + 500)/121 = 940/121.
        // Other benefits (B): customs −1 in 2031, welfare 0.5 in 2032: PV = (−110 + 50)/121 = −60/121.
        // Tax expenditure (T, a cost in the share r): 10 in 2030: PV = 1210/121.
        // Fixed costs (C): infrastructure 5 in 2030, reimbursement 2 in 2031: PV = (605 + 220)/121 = 825/121.
        // NPV(r) = (1 − r)·A + B − r·T − C: NPV(0) = (940 − 60 − 825)/121 = 55/121;
        // NPV(1) = (−60 − 1210 − 825)/121 = −2095/121; r* = 55/(55 + 2095) = 55/2150 = 0.025581…
        // Check: NPV(0.5) = (55 − 0.5·2150)/121 = −1020/121, the NPV above.
        #expect(Self.close(Self.headline(result, "break_even_redundancy"), 55.0 / 2150))
        // At r* the NPV is zero: run again with r = 55/2150.
        let atBreakEven = try Self.evaluator().evaluate(Self.scenario(), context: Self.context(redundancy: 55.0 / 2150))
        #expect(Self.close(Self.headline(atBreakEven, "npv"), 0, 1e-12))
    }

    @Test func breakEvenIsClampedWithAFinding() throws {
        // Jobs only (100 Fergana jobs in 2031): A > 0 and B = T = C = 0, so NPV(0) = PV(A) > 0 and
        // NPV(1) = 0 ≥ 0: positive for every r → 1.
        let jobs = [Self.row("employment", "jobs_net", .jobs, 2031, Dimensions(region: "fergana", country: "UZ"), 100)]
        let onlyJobs = EvaluationContext(results: [
            "staged_incentives": EvaluationResult(rows: [Self.row("staged_incentives", "redundancy", .fraction, nil, Dimensions(), 0.5)]),
            "employment": EvaluationResult(rows: jobs),
            "trade_effects": EvaluationResult(),
        ])
        let result = try Self.evaluator().evaluate(Self.scenario(), context: onlyJobs)
        #expect(Self.headline(result, "break_even_redundancy") == 1)
        #expect(result.findings.contains { $0.message.contains("stays positive even if all") })
        // No fiscal cost: no benefit–cost ratio. Net 2031 = 0.5·(100·4/1000) = 0.2 > 0 → pays back in 2031.
        #expect(Self.headline(result, "benefit_cost_ratio") == nil)
        #expect(Self.headline(result, "payback_year") == 2031)

        // Only a cost: NPV(0) = NPV(1) = −10 → 0, with a warning.
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
        // UZ invests 100 in 2030; p = 0.2, δ = 0.1, lag 1: profits 2031 = 20, 2032 = 18. Baseline CIT 0.2:
        // 4 and 3.6. A one-year holiday forgoes 4 in 2031 (TE row). Tax paid: 2031 0, 2032 3.6.
        // r = 0.2: profit_tax row 2032 = 0.8·3.6 = 2.88; fiscal cost 2031 = 0.2·4 = 0.8.
        let context = EvaluationContext(results: [
            "staged_incentives": EvaluationResult(rows: [
                Self.row("staged_incentives", "redundancy", .fraction, nil, Dimensions(), 0.2),
                Self.row("staged_incentives", "investment", .usdMillion, 2030, Dimensions(region: "fergana", country: "UZ", sector: "textiles"), 100),
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
        #expect(!result.findings.contains { $0.message.contains("exceeds the corporate income tax") })

        // If staged_incentives forgoes more (5) than the tax on the profits estimated here (4), the
        // parameters disagree: a warning, and the profit tax of 2031 is 0 rather than negative.
        var mismatched = context
        mismatched.results["staged_incentives"]?.rows[2].value = 5
        let warned = try Self.evaluator().evaluate(Self.scenario(), context: mismatched)
        #expect(warned.findings.contains { $0.kind == .warning && $0.message.contains("exceeds the corporate income tax") })
        #expect(Self.value(warned, "fiscal_gain", year: 2031, country: "UZ", instrument: "profit_tax") == 0)
    }

    @Test func jobsTaggedAsTradeAreNotScaledByRedundancy() throws {
        // 1000 Fergana jobs from trade in 2031: wage bill 4, tax 1, after-tax 3, all in full (r = 0.5 ignored).
        let context = EvaluationContext(results: [
            "staged_incentives": EvaluationResult(rows: [Self.row("staged_incentives", "redundancy", .fraction, nil, Dimensions(), 0.5)]),
            "employment": EvaluationResult(rows: [
                Self.row("employment", "jobs_net", .jobs, 2031, Dimensions(region: "fergana", country: "UZ", instrument: "trade"), 1000),
            ]),
            "trade_effects": EvaluationResult(),
        ])
        let result = try Self.evaluator().evaluate(Self.scenario(), context: context)
        #expect(Self.close(Self.value(result, "fiscal_gain", year: 2031, country: "UZ", instrument: "wage_tax"), 1))
        #expect(Self.close(Self.value(result, "economic_benefit", year: 2031, country: "UZ", instrument: "wages"), 3))
        #expect(Self.close(Self.value(result, "attributable_jobs", year: 2031, country: "UZ"), 1000))
    }

    @Test func wageBenefitShareScalesOnlyTheAfterTaxWage() throws {
        // wage_benefit_share 0.5: Fergana 2031 after-tax wages 3 × 0.5 (share) × 0.5 (1 − r) = 0.75; wage tax stays 0.5.
        let result = try Self.evaluator(["wage_benefit_share": 0.5]).evaluate(Self.scenario(), context: Self.context())
        #expect(Self.close(Self.value(result, "economic_benefit", year: 2031, country: "UZ", instrument: "wages"), 0.75))
        #expect(Self.close(Self.value(result, "fiscal_gain", year: 2031, country: "UZ", instrument: "wage_tax"), 0.5))
    }

    @Test func missingRedundancyFallsBackToHalfWithAFinding() throws {
        let result = try Self.evaluator().evaluate(Self.scenario(), context: Self.context(redundancy: nil))
        // Same as the main case (r = 0.5): NPV −1020/121.
        #expect(Self.close(Self.headline(result, "npv"), -1020.0 / 121))
        #expect(result.findings.contains { $0.message.contains("gives no redundancy share") })
    }
}
