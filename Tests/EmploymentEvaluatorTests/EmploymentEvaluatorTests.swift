import CoopZoneCore
import Foundation
import Testing

@testable import EmploymentEvaluator

struct EmploymentEvaluatorTests {
    /// Two zone regions: Zhambyl (KZ) with sector data, Chui (KG) without; five years 2030–2034.
    /// Zhambyl: agriculture 100,000 jobs / USD 500 m = 200 jobs per USD m; manufacturing 25,000 / 500 = 50;
    /// region average (100,000 + 25,000) / (500 + 500) = 125 jobs per USD m.
    /// kz_kg is a national link (country ends) of which 0.5 is the zone's; zc joins the two zone regions.
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
            zone_share: 0.5
            flows:
              - {sector: agriculture, direction: export, base_year: 2023, value: 100}
          - id: zc
            from: zhambyl
            to: chui
            flows:
              - {sector: agriculture, direction: export, base_year: 2023, value: 10}
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

    /// Parameters with the old labour intensity of 9 jobs per USD m, which the hand cases use.
    static let nine = EmploymentEvaluator.Parameters().with(\.labourIntensityInvestment, 9)

    static func investment(_ year: Int, _ value: Double, country: String, region: String? = nil, sector: String) -> ResultRow {
        ResultRow(
            evaluator: "staged_incentives", metric: "investment", unit: .usdMillion, year: year,
            dimensions: Dimensions(region: region, country: country, sector: sector, stage: "build"), value: value)
    }

    /// staged_incentives' rows passed downstream: redundancy, operation lag and capacity life.
    static func facts(redundancy: Double = 0.5, lag: Double = 0, life: Double = 20) -> [ResultRow] {
        [
            ResultRow(evaluator: "staged_incentives", metric: "redundancy", unit: .fraction, year: nil, value: redundancy),
            ResultRow(evaluator: "staged_incentives", metric: "operation_lag", unit: .years, year: nil, value: lag),
            ResultRow(evaluator: "staged_incentives", metric: "capacity_life_years", unit: .years, year: nil, value: life),
        ]
    }

    static func trade(
        _ metric: String, _ year: Int, _ value: Double, country: String, sector: String, link: String? = "kz_kg",
        direction: String = "export"
    ) -> ResultRow {
        ResultRow(
            evaluator: "trade_effects", metric: metric, unit: .usdMillion, year: year,
            dimensions: Dimensions(country: country, sector: sector, link: link, direction: direction), value: value)
    }

    static func context(investment: [ResultRow]? = [], trade: [ResultRow]? = [], facts: [ResultRow] = facts()) -> EvaluationContext {
        var results: [String: EvaluationResult] = [:]
        if let investment { results["staged_incentives"] = EvaluationResult(rows: facts + investment) }
        if let trade { results["trade_effects"] = EvaluationResult(rows: trade) }
        return EvaluationContext(results: results)
    }

    static func value(_ result: EvaluationResult, _ metric: String, _ year: Int, region: String, sector: String, origin: String? = nil) -> Double? {
        let rows = result.rows.filter {
            $0.metric == metric && $0.year == year && $0.dimensions.region == region && $0.dimensions.sector == sector
                && (origin == nil || $0.dimensions.instrument == origin)
        }
        return rows.isEmpty ? nil : rows.reduce(0) { $0 + $1.value }
    }

    static func headline(_ result: EvaluationResult, _ id: String) -> Double? { result.headlines.first { $0.metric == id }?.value }

    private func close(_ a: Double?, _ b: Double, _ tol: Double = 1e-9) -> Bool { a.map { abs($0 - b) < tol } ?? false }

    @Test func directJobsFromInvestmentWithRampUpAndRedundancy() throws {
        // USD 10 m of manufacturing investment in KG in 2030, lag 0. KG's only zone region is Chui, which gives
        // no sector data, so 9 jobs per USD m apply: 10 × 9 = 90 jobs at full operation.
        // Ramp over 3 years: 2030 90 × 1/3 = 30, 2031 90 × 2/3 = 60, 2032–2034 90.
        // Multipliers 1.4 / 1.8: in 2032 indirect = 90 × 0.4 = 36, induced = 90 × (1.8 − 1.4) = 36, gross = 90 × 1.8 = 162.
        // Jobs from investment take redundancy (0.5) as their reference case, not deadweight (0.2):
        // net = 162 × 0.9 × 0.75 × 1 × (1 − 0.5) = 162 × 0.3375 = 54.675.
        // Headlines: final year (2034) gross 162, net 54.675; net job-years = (30 + 60 + 90 × 3) × 1.8 × 0.3375 = 360 × 0.6075 = 218.7.
        let evaluator = try EmploymentEvaluator(parameters: Self.nine)
        let result = try evaluator.evaluate(
            try Self.scenario(), context: Self.context(investment: [Self.investment(2030, 10, country: "KG", sector: "manufacturing")]))
        let expected: [Int: Double] = [2030: 30, 2031: 60, 2032: 90, 2033: 90, 2034: 90]
        for (year, jobs) in expected {
            #expect(close(Self.value(result, "jobs_direct", year, region: "chui", sector: "manufacturing", origin: "investment"), jobs))
        }
        #expect(close(Self.value(result, "jobs_indirect", 2032, region: "chui", sector: "manufacturing"), 36))
        #expect(close(Self.value(result, "jobs_induced", 2032, region: "chui", sector: "manufacturing"), 36))
        #expect(close(Self.value(result, "jobs_gross", 2032, region: "chui", sector: "manufacturing"), 162))
        #expect(close(Self.value(result, "jobs_net", 2032, region: "chui", sector: "manufacturing"), 54.675))
        #expect(result.rows.filter { $0.metric == "jobs_net" }.allSatisfy { $0.dimensions.country == "KG" && $0.dimensions.instrument == "investment" })
        #expect(close(Self.headline(result, "gross_jobs_final_year"), 162))
        #expect(close(Self.headline(result, "net_jobs_final_year"), 54.675))
        #expect(close(Self.headline(result, "net_job_years"), 218.7))
    }

    @Test func jobsStartWithTheCohortsOperationLag() throws {
        // staged_incentives' operation_lag 1: USD 10 m in 2030 at 9 jobs per USD m, ramp 3, first operates in 2031:
        // 2030 0, 2031 90 × 1/3 = 30, 2032 60, 2033 90, 2034 90 — the years staged_incentives gives the cohort profits.
        let result = try EmploymentEvaluator(parameters: Self.nine).evaluate(
            try Self.scenario(),
            context: Self.context(investment: [Self.investment(2030, 10, country: "KG", sector: "manufacturing")], facts: Self.facts(lag: 1)))
        let expected: [Int: Double] = [2030: 0, 2031: 30, 2032: 60, 2033: 90, 2034: 90]
        for (year, jobs) in expected { #expect(close(Self.value(result, "jobs_direct", year, region: "chui", sector: "manufacturing"), jobs)) }
    }

    @Test func sectorDataScalesInvestmentIntensity() throws {
        // USD 10 m of manufacturing investment in Zhambyl, ramp_up_years 1 (full jobs at once), lag 0.
        // Zhambyl's manufacturing is 50 jobs per USD m of output against a regional 125, relative intensity 50/125 = 0.4,
        // so 9 × 0.4 = 3.6 jobs per USD m invested: 10 × 3.6 = 36 direct jobs every year 2030–2034.
        let evaluator = try EmploymentEvaluator(parameters: .init().with(\.labourIntensityInvestment, 9).with(\.rampUpYears, 1))
        let result = try evaluator.evaluate(
            try Self.scenario(),
            context: Self.context(investment: [Self.investment(2030, 10, country: "KZ", region: "zhambyl", sector: "manufacturing")]))
        for year in 2030...2034 { #expect(close(Self.value(result, "jobs_direct", year, region: "zhambyl", sector: "manufacturing"), 36)) }
    }

    @Test func capacityLifeFromStagedIncentivesEndsTheJobs() throws {
        // USD 1 m in 2030, ramp 1, lag 0, staged_incentives' capacity_life_years 2, intensity 9:
        // 9 jobs in 2030 and 2031, 0 from 2032 on (its profits stop in the same year).
        let evaluator = try EmploymentEvaluator(parameters: .init().with(\.labourIntensityInvestment, 9).with(\.rampUpYears, 1))
        let result = try evaluator.evaluate(
            try Self.scenario(),
            context: Self.context(
                investment: [Self.investment(2030, 1, country: "KG", sector: "agriculture")],
                facts: Self.facts(life: 2)))
        #expect(close(Self.value(result, "jobs_direct", 2031, region: "chui", sector: "agriculture"), 9))
        #expect(close(Self.value(result, "jobs_direct", 2032, region: "chui", sector: "agriculture"), 0))
    }

    @Test func directJobsFromRealTradeGainsThroughTheElasticity() throws {
        // Elasticity ε = 0.5 (default); kz_kg is a national link with zone_share 0.5.
        // In 2031: trade creation of USD 2 m of KZ agriculture exports on kz_kg → Zhambyl, 200 jobs per USD m on average:
        // 0.5 (ε) × 200 × 2 × 0.5 (zone share) = 100 jobs (average intensity alone would say 400, and 800 without the share).
        // Loss reduction of USD 0.5 m (produce already grown): no jobs. Formalisation of USD 100 m: no jobs.
        // Trade diversion of USD 1 m toward KG manufacturing (flow 'import' on kz_kg, so the exporter is KG) → Chui,
        // no sector data, default 50 jobs per USD m: 0.5 × 50 × 1 × 0.5 = 12.5 jobs.
        // Diversion away from CN (−3): no zone region, not counted.
        let rows = [
            Self.trade("trade_creation", 2031, 2, country: "KZ", sector: "agriculture"),
            Self.trade("loss_reduction", 2031, 0.5, country: "KZ", sector: "agriculture"),
            Self.trade("trade_diversion", 2031, 1, country: "KG", sector: "manufacturing", direction: "import"),
            Self.trade("trade_diversion", 2031, -3, country: "CN", sector: "manufacturing", link: nil),
            Self.trade("formalisation", 2031, 100, country: "KZ", sector: "agriculture"),
        ]
        let result = try EmploymentEvaluator(parameters: .init()).evaluate(try Self.scenario(), context: Self.context(trade: rows))
        #expect(close(Self.value(result, "jobs_direct", 2031, region: "zhambyl", sector: "agriculture"), 100))
        #expect(close(Self.value(result, "jobs_direct", 2031, region: "zhambyl", sector: "agriculture", origin: "trade_creation"), 100))
        #expect(Self.value(result, "jobs_direct", 2031, region: "zhambyl", sector: "agriculture", origin: "loss_reduction") == nil)
        #expect(close(Self.value(result, "jobs_direct", 2030, region: "zhambyl", sector: "agriculture"), 0))
        #expect(close(Self.value(result, "jobs_direct", 2031, region: "chui", sector: "manufacturing", origin: "trade_diversion"), 12.5))
        // Final year 2034 has no trade jobs: both final-year headlines are 0.
        #expect(close(Self.headline(result, "gross_jobs_final_year"), 0))
        // Jobs from trade take deadweight (0.2) as their reference case: (100 + 12.5) × 1.8 × 0.9 × 0.75 × 0.8 = 112.5 × 0.972 = 109.35.
        #expect(close(Self.headline(result, "net_job_years"), 109.35))
        #expect(result.findings.contains { $0.kind == .info && $0.message.contains("CN") })
        #expect(result.findings.contains { $0.message.contains("net job-years by origin: trade creation 97 (89 %), trade diversion 12 (11 %)") })
    }

    @Test func aNationalLinkWithoutZoneShareMakesNoZoneJobs() throws {
        // The same creation on kz_kg without its zone_share (no zone measure names the link, so the file loads):
        // none of the national trade is known to be the zone's, so no jobs, and a warning that says what to add.
        let text = Self.yaml.replacingOccurrences(of: "    zone_share: 0.5\n", with: "")
        let rows = [Self.trade("trade_creation", 2031, 2, country: "KZ", sector: "agriculture")]
        let result = try EmploymentEvaluator(parameters: .init()).evaluate(try Self.scenario(text), context: Self.context(trade: rows))
        #expect(Self.headline(result, "net_job_years") == 0)
        #expect(result.findings.contains { $0.kind == .warning && $0.message.contains("'kz_kg'") && $0.message.contains("zone_share") })
    }

    @Test func aZoneMeasureOnANationalLinkNeedsItsZoneShare() throws {
        // A border-time measure on kz_kg without zone_share: an error at the measure, with a hint naming the key.
        let text = Self.yaml.replacingOccurrences(of: "    zone_share: 0.5\n", with: "")
            .replacingOccurrences(
                of: "      - {id: build, start: 2030}",
                with: """
                          - id: build
                            start: 2030
                            measures:
                              border_time: [{link: kz_kg, days: 0.5}]
                    """)
        let outcome = ScenarioLoader.load(text: text, file: "test.yaml")
        #expect(outcome.scenario == nil)
        let error = try #require(outcome.diagnostics.first { $0.message.contains("link 'kz_kg' joins countries") })
        let measureLine = try #require(text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("border_time") }) + 1
        #expect(error.severity == .error)
        #expect(error.location?.line == measureLine)
        #expect(error.hint?.contains("zone_share") == true)
    }

    @Test func oneReferenceCasePerOrigin() throws {
        // Redundancy 0.8 and deadweight 0.1, ramp 1, lag 0, intensity 9, in 2030:
        // investment USD 10 m in Chui → 90 direct; net 90 × 1.8 × 0.9 × 0.75 × (1 − 0.8) = 162 × 0.135 = 21.87 (no deadweight on it);
        // trade creation USD 1 m on zc (Zhambyl to Chui, exporter Zhambyl) → 0.5 × 200 × 1 = 100 direct;
        // net 100 × 1.8 × 0.675 × (1 − 0.1) = 180 × 0.6075 = 109.35 (no redundancy on it).
        let evaluator = try EmploymentEvaluator(parameters: .init().with(\.labourIntensityInvestment, 9).with(\.rampUpYears, 1).with(\.deadweight, 0.1))
        let result = try evaluator.evaluate(
            try Self.scenario(),
            context: Self.context(
                investment: [Self.investment(2030, 10, country: "KG", sector: "manufacturing")],
                trade: [Self.trade("trade_creation", 2030, 1, country: "KZ", sector: "agriculture", link: "zc")],
                facts: Self.facts(redundancy: 0.8)))
        #expect(close(Self.value(result, "jobs_net", 2030, region: "chui", sector: "manufacturing", origin: "investment"), 21.87))
        #expect(close(Self.value(result, "jobs_net", 2030, region: "zhambyl", sector: "agriculture", origin: "trade_creation"), 109.35))
    }

    @Test func jobsOfCountriesThatAreNotPartiesAreReportedApart() throws {
        // The zone's parties are KZ only: Chui (KG) is a member region but its jobs are not the zone's.
        // USD 10 m in Chui (intensity 9, ramp 1, lag 0): 90 direct, net 90 × 1.8 × 0.3375 = 54.675 a year → non_party_jobs_net,
        // none in jobs_net or the headlines; USD 10 m in Zhambyl agriculture (relative intensity 200/125 = 1.6):
        // 10 × 9 × 1.6 = 144 direct, net 144 × 0.6075 = 87.48 a year, the only jobs in the headlines.
        let text = Self.yaml.replacingOccurrences(of: "regions: [zhambyl, chui]", with: "regions: [zhambyl, chui]\n    parties: [KZ]")
        let evaluator = try EmploymentEvaluator(parameters: .init().with(\.labourIntensityInvestment, 9).with(\.rampUpYears, 1))
        let result = try evaluator.evaluate(
            try Self.scenario(text),
            context: Self.context(investment: [
                Self.investment(2030, 10, country: "KG", sector: "manufacturing"),
                Self.investment(2030, 10, country: "KZ", region: "zhambyl", sector: "agriculture"),
            ]))
        #expect(close(Self.value(result, "non_party_jobs_net", 2031, region: "chui", sector: "manufacturing"), 54.675))
        #expect(Self.value(result, "jobs_net", 2031, region: "chui", sector: "manufacturing") == nil)
        #expect(close(Self.headline(result, "net_jobs_final_year"), 87.48))
        #expect(close(Self.headline(result, "net_job_years"), 5 * 87.48))
        #expect(result.findings.contains { $0.message.contains("KG, which is not a party") })
    }

    @Test func tradeJobsSplitByEmploymentAcrossRegionsOfACountry() throws {
        // A second KZ zone region, Almaty: agriculture 300,000 jobs / USD 1,000 m = 300 jobs per USD m.
        // USD 1 m of KZ agriculture trade creation (no link) splits by agriculture employment
        // 100,000 : 300,000 = 0.25 : 0.75 → Zhambyl 0.25 × 1 × 200 × 0.5 (ε) = 25 jobs, Almaty 0.75 × 1 × 300 × 0.5 = 112.5 jobs.
        let text = Self.yaml
            .replacingOccurrences(
                of: "  - id: chui\n",
                with: """
                      - id: almaty
                        country: KZ
                        sectors:
                          - {sector: agriculture, output: 1000, employment: 300000}
                      - id: chui

                    """
            )
            .replacingOccurrences(of: "regions: [zhambyl, chui]", with: "regions: [zhambyl, almaty, chui]")
        let rows = [Self.trade("trade_creation", 2030, 1, country: "KZ", sector: "agriculture", link: nil)]
        let result = try EmploymentEvaluator(parameters: .init()).evaluate(try Self.scenario(text), context: Self.context(trade: rows))
        #expect(close(Self.value(result, "jobs_direct", 2030, region: "zhambyl", sector: "agriculture"), 25))
        #expect(close(Self.value(result, "jobs_direct", 2030, region: "almaty", sector: "agriculture"), 112.5))
    }

    @Test func labourMarketWarning() throws {
        // Chui: labour force 10,000 × unemployment 0.01 = 100 people available, no labour-force growth.
        // USD 20 m in 2030, intensity 9 → 180 jobs at full operation; ramp 3, lag 0 → direct 60 in 2030, 120 in 2031.
        // Redundancy 0: net = direct × 1.8 × 0.675 = direct × 1.215: 2030 72.9 (≤ 100), 2031 145.8 (> 100) → warning for chui in 2031.
        let result = try EmploymentEvaluator(parameters: Self.nine).evaluate(
            try Self.scenario(),
            context: Self.context(investment: [Self.investment(2030, 20, country: "KG", sector: "manufacturing")], facts: Self.facts(redundancy: 0)))
        let warnings = result.findings.filter { $0.kind == .warning }
        #expect(warnings.count == 1)
        #expect(warnings.first?.message.contains("'chui' in 2031") == true)
        #expect(warnings.first?.message.contains("146") == true)
    }

    @Test func noWarningWithinTheLabourSupply() throws {
        // Same region, USD 5 m, redundancy 0: full operation 45 direct jobs, net 45 × 1.215 = 54.675 ≤ 100: no warning.
        let result = try EmploymentEvaluator(parameters: Self.nine).evaluate(
            try Self.scenario(),
            context: Self.context(investment: [Self.investment(2030, 5, country: "KG", sector: "manufacturing")], facts: Self.facts(redundancy: 0)))
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
        #expect(throws: EvaluatorError.self) { try EmploymentEvaluator(parameters: .init().with(\.type1Multiplier, 1.6).with(\.type2Multiplier, 1.5)) }
    }

    @Test func parametersDecodeFromTheDescriptorDefaults() throws {
        // The runner hands every declared parameter by its snake_case name.
        var values: [String: ParameterValue] = [:]
        for p in EmploymentEvaluator.descriptor.parameters { values[p.name] = .number(p.defaultValue) }
        values["leakage"] = .number(0.3)
        let p = try ParameterDecoder.decode(EmploymentEvaluator.Parameters.self, from: values)
        #expect(p.leakage == 0.3)
        #expect(p.labourIntensityInvestment == 3)
        #expect(p.employmentOutputElasticity == 0.5)
        // The Swift defaults match the descriptor's.
        let d = EmploymentEvaluator.Parameters()
        #expect(
            [
                d.labourIntensityInvestment, d.employmentOutputElasticity, d.jobsPerOutput, d.rampUpYears, d.type1Multiplier, d.type2Multiplier,
                d.flqDelta, d.leakage, d.displacement, d.substitution, d.deadweight,
            ] == EmploymentEvaluator.descriptor.parameters.map(\.defaultValue))
    }

    @Test func descriptorIsComplete() throws {
        let d = EmploymentEvaluator.descriptor
        #expect(d.id == "employment")
        #expect(d.dependencies == ["staged_incentives", "trade_effects"])
        let jobs = ["jobs_direct", "jobs_indirect", "jobs_induced", "jobs_gross", "jobs_net", "non_party_jobs_net"]
        let multipliers = ["output_multiplier", "employment_multiplier", "labour_income_multiplier", "value_added_multiplier"]
        #expect(d.metrics.map(\.id) == jobs + multipliers)
        for m in d.metrics {
            #expect(m.dimensions == [.region, .country, .sector, .instrument])
            // Jobs add up across rows; a multiplier is a ratio, which does not.
            #expect(jobs.contains(m.id) ? m.unit == .jobs && m.additive : m.unit == .ratio && !m.additive, "\(m.id)")
        }
        // Citations, ranges and equation anchors of every built-in evaluator: BuiltInEvaluatorsTests.
    }
}
