import CoopZoneCore
import CoopZoneEvaluators
import Foundation
import Testing

/// The real `staged_incentives`, `trade_effects`, `employment` and `cost_benefit` evaluators on one
/// small scenario: the jobs `cost_benefit` counts are the ones `employment` writes, by origin, and
/// redundancy reaches the appraisal once.
struct AttributionTests {
    /// Fergana (UZ) and Osh (KG); a zone plant of USD 40 m in Fergana in 2031 under a CIT and
    /// property-tax exemption (jobs from investment), and a one-day cut in border time on the
    /// Fergana → Osh textiles flow from 2030 (jobs from trade facilitation).
    static func yaml(redundancy: Double) -> String {
        """
        format: 1
        title: Attribution end to end
        horizon: {first: 2030, last: 2039}
        price_year: 2024
        discount_rate: 0.08
        sectors: [{id: textiles}]
        countries:
          - code: UZ
            fiscal: {corporate_income_tax: 0.15, wage_tax: 0.2, property_tax: 0.01}
          - code: KG
            fiscal: {corporate_income_tax: 0.10, wage_tax: 0.2}
        regions:
          - {id: fergana, country: UZ, average_wage: 4.0, sectors: [{sector: textiles, output: 400, employment: 40000}]}
          - {id: osh, country: KG, average_wage: 2.5, sectors: [{sector: textiles, output: 100, employment: 20000}]}
        links:
          - id: l1
            from: fergana
            to: osh
            border_crossing_days: 2
            flows: [{sector: textiles, direction: export, base_year: 2024, value: 50}]
        zones:
          - id: z
            kind: cross_border_economic_zone
            regions: [fergana, osh]
            stages:
              - id: s1
                start: 2030
                measures: {border_time: [{link: l1, days: 1}]}
                incentives: {corporate_income_tax_rate: 0, property_tax_rate: 0}
            investment:
              - {year: 2031, country: UZ, region: fergana, sector: textiles, amount: 40, equipment_share: 0.4}
        evaluators:
          staged_incentives: {redundancy: \(redundancy)}
          trade_effects: {}
          employment: {}
          cost_benefit: {}
        """
    }

    static func run(redundancy: Double) async throws -> RunResult {
        let scenario = try ScenarioLoader.loadOrThrow(text: yaml(redundancy: redundancy), file: "attribution.yaml")
        let result = await Engine.run(try Engine.plan(scenario, registry: BuiltInEvaluators.all).get(), on: scenario)
        #expect(result.failures.isEmpty, "\(result.failures)")
        return result
    }

    static func headline(_ r: RunResult, _ id: String) -> Double? { r.headlines.first { $0.metric == id }?.value }

    @Test func costBenefitCountsEmploymentsJobsByOriginOnce() async throws {
        let result = try await Self.run(redundancy: 0.5)
        let jobs = result.rows.filter { $0.evaluator == "employment" && $0.metric == "jobs_net" }
        // Both origins are there, and every row says which.
        #expect(Set(jobs.compactMap(\.dimensions.instrument)) == ["investment", "trade_facilitation"])
        #expect(jobs.allSatisfy { $0.dimensions.instrument != nil })
        // cost_benefit's attributable jobs are employment's net jobs, year by year: not scaled by (1 − r) again.
        for year in 2030...2039 {
            let net = jobs.filter { $0.year == year }.reduce(0) { $0 + $1.value }
            let attributable = result.rows.filter { $0.evaluator == "cost_benefit" && $0.metric == "attributable_jobs" && $0.year == year }
                .reduce(0) { $0 + $1.value }
            #expect(abs(net - attributable) <= 1e-9 * max(1, abs(net)), "\(year): employment \(net), cost_benefit \(attributable)")
        }
    }

    @Test func theNPVIsZeroAtTheBreakEvenRedundancy() async throws {
        // An independent check of the chain: NPV is linear in the redundancy only if employment scales the jobs from
        // investment by (1 − r) and cost_benefit undoes exactly that for them and nothing else. Run at r = 0.5, read
        // r*, run the whole scenario again at r*: its NPV must be zero. (Counting trade jobs as investment jobs, or
        // applying (1 − r) twice, breaks this.)
        let first = try await Self.run(redundancy: 0.5)
        let rStar = try #require(Self.headline(first, "break_even_redundancy"))
        try #require(rStar > 0 && rStar < 1, "the scenario is built so that the NPV crosses zero: r* = \(rStar)")
        let npv = try #require(Self.headline(first, "npv"))
        let again = try await Self.run(redundancy: rStar)
        let npvStar = try #require(Self.headline(again, "npv"))
        #expect(abs(npvStar) < 1e-9 * max(1, abs(npv)), "NPV at r* = \(rStar) is \(npvStar)")
    }
}
