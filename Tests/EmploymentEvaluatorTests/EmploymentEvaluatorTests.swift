import CoopZoneCore
import Foundation
import Testing
@testable import EmploymentEvaluator

struct EmploymentEvaluatorTests {
    /// Two zone regions: Zhambyl (KZ) with sector data, Chui (KG) without; five years 2030–2034.
    /// Zhambyl: agriculture 100,000 jobs / USD 500 m = 200 jobs per USD m; manufacturing 25,000 / 500 = 50;
    /// region average (100,000 + 25,000) / (500 + 500) = 125 jobs per USD m.
    static let yaml = """
        format: 1
        title: Employment test
        horizon: {first: 2030, last: 2034}
        price_year: 2023
        discount_rate: 0.08
        sectors:
          - {id: agriculture, perishable: true}
          - {id: manufacturing}
        countries:
          - {code: KZ, name: Kazakhstan}
          - {code: KG, name: Kyrgyzstan}
          - {code: CN, name: China}
        regions:
          - id: zhambyl
            country: KZ
            population: 1200000
            labour_force: 500000
            unemployment_rate: 0.05
            sectors:
              - {sector: agriculture, output: 500, employment: 100000}
              - {sector: manufacturing, output: 500, employment: 25000}
          - id: chui
            country: KG
            population: 900000
            labour_force: 10000
            unemployment_rate: 0.01
            labour_force_growth: 0
        links:
          - id: kz_kg
            from: KZ
            to: KG
            flows:
              - {sector: agriculture, direction: export, base_year: 2023, value: 100}
        zones:
          - id: hub
            kind: cross_border_economic_zone
            regions: [zhambyl, chui]
            stages:
              - {id: build, start: 2030}
        """

    static func scenario(_ text: String = yaml) throws -> Scenario {
        try ScenarioLoader.loadOrThrow(text: text, file: "test.yaml")
    }

    static func investment(_ year: Int, _ value: Double, country: String, region: String? = nil, sector: String) -> ResultRow {
        ResultRow(evaluator: "staged_incentives", metric: "investment", unit: .usdMillion, year: year,
                  dimensions: Dimensions(region: region, country: country, sector: sector, stage: "build"), value: value)
    }

    static func trade(_ metric: String, _ year: Int, _ value: Double, country: String, sector: String, link: String? = "kz_kg",
                      direction: String = "export") -> ResultRow {
        ResultRow(evaluator: "trade_effects", metric: metric, unit: .usdMillion, year: year,
                  dimensions: Dimensions(country: country, sector: sector, link: link, direction: direction), value: value)
    }

    static func context(investment: [ResultRow]? = [], trade: [ResultRow]? = []) -> EvaluationContext {
        var results: [String: EvaluationResult] = [:]
        if let investment { results["staged_incentives"] = EvaluationResult(rows: investment) }
        if let trade { results["trade_effects"] = EvaluationResult(rows: trade) }
        return EvaluationContext(results: results)
    }

    static func value(_ result: EvaluationResult, _ metric: String, _ year: Int, region: String, sector: String) -> Double? {
        let rows = result.rows.filter {
            $0.metric == metric && $0.year == year && $0.dimensions.region == region && $0.dimensions.sector == sector
        }
        return rows.count == 1 ? rows[0].value : nil
    }

    static func headline(_ result: EvaluationResult, _ id: String) -> Double? { result.headlines.first { $0.metric == id }?.value }

    private func close(_ a: Double?, _ b: Double, _ tol: Double = 1e-9) -> Bool { a.map { abs($0 - b) < tol } ?? false }

    @Test func directJobsFromInvestmentWithRampUp() throws {
        // USD 10 m of manufacturing investment in KG in 2030. KG's only zone region is Chui, which gives
        // no sector data, so the default 9 jobs per USD m applies: 10 × 9 = 90 jobs at full operation.
        // Ramp over 3 years: 2030 90 × 1/3 = 30, 2031 90 × 2/3 = 60, 2032–2034 90.
        // Multipliers 1.4 / 1.8: in 2032 indirect = 90 × 0.4 = 36, induced = 90 × (1.8 − 1.4) = 36, gross = 90 × 1.8 = 162.
        // Net = 162 × 0.9 × 0.75 × 1 × 0.8 = 162 × 0.54 = 87.48.
        // Headlines: final year (2034) gross 162, net 87.48; net job-years = (30 + 60 + 90 × 3) × 1.8 × 0.54 = 360 × 0.972 = 349.92.
        let evaluator = try EmploymentEvaluator(parameters: .init())
        let result = try evaluator.evaluate(try Self.scenario(), context: Self.context(investment: [Self.investment(2030, 10, country: "KG", sector: "manufacturing")]))
        let expected: [Int: Double] = [2030: 30, 2031: 60, 2032: 90, 2033: 90, 2034: 90]
        for (year, jobs) in expected {
            #expect(close(Self.value(result, "jobs_direct", year, region: "chui", sector: "manufacturing"), jobs))
        }
        #expect(close(Self.value(result, "jobs_indirect", 2032, region: "chui", sector: "manufacturing"), 36))
        #expect(close(Self.value(result, "jobs_induced", 2032, region: "chui", sector: "manufacturing"), 36))
        #expect(close(Self.value(result, "jobs_gross", 2032, region: "chui", sector: "manufacturing"), 162))
        #expect(close(Self.value(result, "jobs_net", 2032, region: "chui", sector: "manufacturing"), 87.48))
        #expect(result.rows.first { $0.metric == "jobs_net" }?.dimensions.country == "KG")
        #expect(close(Self.headline(result, "gross_jobs_final_year"), 162))
        #expect(close(Self.headline(result, "net_jobs_final_year"), 87.48))
        #expect(close(Self.headline(result, "net_job_years"), 349.92))
    }

    @Test func sectorDataScalesInvestmentIntensity() throws {
        // USD 10 m of manufacturing investment in Zhambyl, ramp_up_years 1 (full jobs at once).
        // Zhambyl's manufacturing is 50 jobs per USD m of output against a regional 125, relative intensity 50/125 = 0.4,
        // so 9 × 0.4 = 3.6 jobs per USD m invested: 10 × 3.6 = 36 direct jobs every year 2030–2034.
        let evaluator = try EmploymentEvaluator(parameters: .init(rampUpYears: 1))
        let result = try evaluator.evaluate(try Self.scenario(),
                                            context: Self.context(investment: [Self.investment(2030, 10, country: "KZ", region: "zhambyl", sector: "manufacturing")]))
        for year in 2030...2034 { #expect(close(Self.value(result, "jobs_direct", year, region: "zhambyl", sector: "manufacturing"), 36)) }
    }

    @Test func capacityLifeEndsTheJobs() throws {
        // USD 1 m in 2030, ramp 1, life 2 years, intensity 9: 9 jobs in 2030 and 2031, 0 from 2032 on.
        let evaluator = try EmploymentEvaluator(parameters: .init(rampUpYears: 1, capacityLifeYears: 2))
        let result = try evaluator.evaluate(try Self.scenario(), context: Self.context(investment: [Self.investment(2030, 1, country: "KG", sector: "agriculture")]))
        #expect(close(Self.value(result, "jobs_direct", 2031, region: "chui", sector: "agriculture"), 9))
        #expect(close(Self.value(result, "jobs_direct", 2032, region: "chui", sector: "agriculture"), 0))
    }

    @Test func directJobsFromRealTradeGainsOnly() throws {
        // In 2031: trade creation of USD 2 m of KZ agriculture exports → Zhambyl, 200 jobs per USD m: 400 jobs;
        // loss reduction USD 0.5 m, same place: 100 jobs; so 500 agriculture jobs in Zhambyl in 2031.
        // Trade diversion of USD 1 m toward KG manufacturing (flow 'import' on kz_kg, so the exporter is KG) → Chui,
        // no sector data, default 50 jobs per USD m: 50 jobs.
        // Formalisation of USD 100 m is not real trade: no jobs. Diversion away from CN (−3): no zone region, not counted.
        let rows = [
            Self.trade("trade_creation", 2031, 2, country: "KZ", sector: "agriculture"),
            Self.trade("loss_reduction", 2031, 0.5, country: "KZ", sector: "agriculture"),
            Self.trade("trade_diversion", 2031, 1, country: "KG", sector: "manufacturing", direction: "import"),
            Self.trade("trade_diversion", 2031, -3, country: "CN", sector: "manufacturing", link: nil),
            Self.trade("formalisation", 2031, 100, country: "KZ", sector: "agriculture"),
        ]
        let result = try EmploymentEvaluator(parameters: .init()).evaluate(try Self.scenario(), context: Self.context(trade: rows))
        #expect(close(Self.value(result, "jobs_direct", 2031, region: "zhambyl", sector: "agriculture"), 500))
        #expect(close(Self.value(result, "jobs_direct", 2030, region: "zhambyl", sector: "agriculture"), 0))
        #expect(close(Self.value(result, "jobs_direct", 2031, region: "chui", sector: "manufacturing"), 50))
        // Final year 2034 has no trade jobs: both final-year headlines are 0.
        #expect(close(Self.headline(result, "gross_jobs_final_year"), 0))
        // Job-years: (500 + 50) × 1.8 × 0.54 = 550 × 0.972 = 534.6.
        #expect(close(Self.headline(result, "net_job_years"), 534.6))
        #expect(result.findings.contains { $0.kind == .info && $0.message.contains("CN") })
    }

    @Test func tradeJobsSplitByEmploymentAcrossRegionsOfACountry() throws {
        // A second KZ zone region, Almaty: agriculture 300,000 jobs / USD 1,000 m = 300 jobs per USD m.
        // USD 1 m of KZ agriculture trade creation (no link) splits by agriculture employment
        // 100,000 : 300,000 = 0.25 : 0.75 → Zhambyl 0.25 × 1 × 200 = 50 jobs, Almaty 0.75 × 1 × 300 = 225 jobs.
        let text = Self.yaml
            .replacingOccurrences(of: "  - id: chui\n", with: """
                  - id: almaty
                    country: KZ
                    sectors:
                      - {sector: agriculture, output: 1000, employment: 300000}
                  - id: chui

                """)
            .replacingOccurrences(of: "regions: [zhambyl, chui]", with: "regions: [zhambyl, almaty, chui]")
        let rows = [Self.trade("trade_creation", 2030, 1, country: "KZ", sector: "agriculture", link: nil)]
        let result = try EmploymentEvaluator(parameters: .init()).evaluate(try Self.scenario(text), context: Self.context(trade: rows))
        #expect(close(Self.value(result, "jobs_direct", 2030, region: "zhambyl", sector: "agriculture"), 50))
        #expect(close(Self.value(result, "jobs_direct", 2030, region: "almaty", sector: "agriculture"), 225))
    }

    @Test func labourMarketWarning() throws {
        // Chui: labour force 10,000 × unemployment 0.01 = 100 people available, no labour-force growth.
        // USD 20 m in 2030, intensity 9 → 180 jobs at full operation; ramp 3 → direct 60 in 2030, 120 in 2031.
        // Net = direct × 1.8 × 0.54 = direct × 0.972: 2030 58.32 (≤ 100), 2031 116.64 (> 100) → warning for chui in 2031.
        let result = try EmploymentEvaluator(parameters: .init()).evaluate(try Self.scenario(),
                                                                           context: Self.context(investment: [Self.investment(2030, 20, country: "KG", sector: "manufacturing")]))
        let warnings = result.findings.filter { $0.kind == .warning }
        #expect(warnings.count == 1)
        #expect(warnings.first?.message.contains("'chui' in 2031") == true)
        #expect(warnings.first?.message.contains("117") == true)
    }

    @Test func noWarningWithinTheLabourSupply() throws {
        // Same region, USD 5 m: full operation 45 direct jobs, net 45 × 0.972 = 43.74 ≤ 100: no warning.
        let result = try EmploymentEvaluator(parameters: .init()).evaluate(try Self.scenario(),
                                                                           context: Self.context(investment: [Self.investment(2030, 5, country: "KG", sector: "manufacturing")]))
        #expect(!result.findings.contains { $0.kind == .warning })
    }

    @Test func absentDependenciesAreZeroWithInfo() throws {
        // Neither dependency ran: no rows, zero headlines, and one info finding for each.
        let result = try EmploymentEvaluator(parameters: .init()).evaluate(try Self.scenario(), context: Self.context(investment: nil, trade: nil))
        #expect(result.rows.isEmpty)
        #expect(Self.headline(result, "net_job_years") == 0)
        #expect(result.findings.filter { $0.kind == .info && $0.message.contains("is not among the evaluators run") }.count == 2)
    }

    @Test func typeIIBelowTypeIIsRejected() {
        #expect(throws: EvaluatorError.self) { try EmploymentEvaluator(parameters: .init(type1Multiplier: 1.6, type2Multiplier: 1.5)) }
    }

    @Test func parametersDecodeFromTheDescriptorDefaults() throws {
        // The runner hands every declared parameter by its snake_case name.
        var values: [String: ParameterValue] = [:]
        for p in EmploymentEvaluator.descriptor.parameters { values[p.name] = .number(p.defaultValue) }
        values["leakage"] = .number(0.3)
        let p = try ParameterDecoder.decode(EmploymentEvaluator.Parameters.self, from: values)
        #expect(p.leakage == 0.3)
        #expect(p.labourIntensityInvestment == 9)
        #expect(p.type2Multiplier == 1.8)
        // The Swift defaults match the descriptor's.
        let d = EmploymentEvaluator.Parameters()
        #expect([d.labourIntensityInvestment, d.jobsPerOutput, d.rampUpYears, d.capacityLifeYears, d.type1Multiplier, d.type2Multiplier,
                 d.leakage, d.displacement, d.substitution, d.deadweight] == EmploymentEvaluator.descriptor.parameters.map(\.defaultValue))
    }

    @Test func descriptorIsComplete() throws {
        let d = EmploymentEvaluator.descriptor
        #expect(d.id == "employment")
        #expect(d.dependencies == ["staged_incentives", "trade_effects"])
        #expect(d.metrics.map(\.id) == ["jobs_direct", "jobs_indirect", "jobs_induced", "jobs_gross", "jobs_net"])
        for m in d.metrics { #expect(m.dimensions == [.region, .country, .sector] && m.unit == .jobs && m.additive) }
        // Citations, ranges and equation anchors of every built-in evaluator: BuiltInEvaluatorsTests.
    }
}
