import CoopZoneTestSupport
import Foundation
import Testing

@testable import CoopZoneCore
@testable import CoopZoneEvaluators

/// Monte Carlo on every shipped scenario with the real evaluators.
struct ShippedScenarioMonteCarloTests {
    @Test(arguments: shippedScenarios())
    func drawsAreTheSameOnOneAndTwoWorkersAndEqualRunningEveryEvaluatorInEveryDraw(path: String) async throws {
        let scenario = try ScenarioLoader.loadOrThrow(file: path)
        let plan = try Engine.plan(scenario, registry: BuiltInEvaluators.all).get()
        let slots = MonteCarlo.uncertainSlots(scenario)
        let draws = 24
        let one = await MonteCarlo.run(plan, on: scenario, draws: draws, seed: 5, workers: 1)
        let two = await MonteCarlo.run(plan, on: scenario, draws: draws, seed: 5, workers: 2)
        // Bit for bit (a headline missing in a draw is NaN, which == would call unequal to itself).
        func bits(_ values: [[Double]]) -> [[UInt64]] { values.map { $0.map(\.bitPattern) } }
        #expect(bits(one.values) == bits(two.values))
        #expect(one.failures.isEmpty, "\(one.failures)")
        // Evaluators that no draw can change ran once: the draws must still equal running every
        // evaluator in every draw.
        let layout = SeriesLayout(plan: plan, scenario: scenario)
        let keys = MonteCarlo.streamKeys(scenario, slots: slots)
        for d in [0, draws - 1] {
            let draw = scenario.with(values: MonteCarlo.drawValues(scenario, slots: slots, keys: keys, seed: 5, index: d))
            var totals = [Double](repeating: 0, count: layout.keys.count)
            layout.collect(Engine.runSynchronously(plan, on: draw).results, into: &totals)
            // The run keeps a subset of the layout's series (no totals by year for present values).
            var differing: [Int] = []
            for k in one.keys.indices {
                let j = try #require(layout.keys.firstIndex(of: one.keys[k]), "\(one.keys[k]) is a series of the layout")
                if one.values[k][d].bitPattern != totals[j].bitPattern { differing.append(k) }
            }
            #expect(differing.isEmpty, "draw \(d): \(differing.prefix(5).map { one.keys[$0] })")
        }
    }

    @Test func onTheGrowthTriangleOnlyZoneFitIsBeyondTheReachOfItsSampledNumbers() throws {
        // Its eight sampled numbers are parameters of staged_incentives, trade_effects and employment;
        // cost_benefit depends on all three; zone_fit depends on none and has no sampled parameter.
        let scenario = try ScenarioLoader.loadOrThrow(file: growthTriangle)
        let plan = try Engine.plan(scenario, registry: BuiltInEvaluators.all).get()
        #expect(MonteCarlo.constantEvaluators(plan, slots: MonteCarlo.uncertainSlots(scenario)) == ["zone_fit"])
    }
}

/// What the issues ask each evaluator to show on the shipped scenarios.
struct ShippedScenarioTests {
    func run(_ name: String) async throws -> RunResult {
        let scenario = try ScenarioLoader.loadOrThrow(file: packageRoot.appendingPathComponent("Scenarios/\(name)").path)
        return await Engine.run(try Engine.plan(scenario, registry: BuiltInEvaluators.all).get(), on: scenario)
    }

    @Test func alatauHubIndicesMatchThePublishedOnesAndThe2022RowIsFlagged() async throws {
        let result = try await run("karasu-ak-tilek-alatau-trade-logistics-hub.yaml")
        func index(_ year: Int, direction: String? = nil, turnover: Bool = false) -> Double? {
            result.rows.first { row in
                row.metric == "history_index" && row.dimensions.link == "kz_kg" && row.year == year
                    && (turnover ? row.dimensions.instrument == "turnover" : row.dimensions.direction == direction)
            }?.value
        }
        // Published (article 000, Figures 1 and 2): turnover 114/128/135 %; exports 107.6/126.8/144.7 %;
        // imports 129.1/156.5/100.0 %. From Table 1: 970.8/848.6 = 114.40 %, 1246.9/970.8 = 128.44 %,
        // 1688.1/1246.9 = 135.38 %; 625.2/581.0 = 107.61 %, 793/625.2 = 126.84 %, 1147.2/793 = 144.67 %;
        // 345.6/267.6 = 129.15 %, 541/345.6 = 156.54 %, 541/541 = 100 %. Rounded to one decimal.
        let expected: [(Int, String?, Bool, Double)] = [
            (2021, nil, true, 114.4), (2022, nil, true, 128.4), (2023, nil, true, 135.4),
            (2021, "export", false, 107.6), (2022, "export", false, 126.8), (2023, "export", false, 144.7),
            (2021, "import", false, 129.1), (2022, "import", false, 156.5), (2023, "import", false, 100.0),
        ]
        for (year, direction, turnover, published) in expected {
            let value = try #require(index(year, direction: direction, turnover: turnover), "index \(year) \(direction ?? "turnover")")
            #expect(abs((value * 10).rounded() / 10 - published) < 1e-9, "\(year) \(direction ?? "turnover"): \(value)")
        }
        // 2022: turnover 1246.9 but exports + imports = 793 + 541 = 1334.0.
        let flagged = result.findings.filter { $0.kind == .warning && $0.message.contains("2022") && $0.message.contains("kz_kg") }
        #expect(flagged.count == 1, "\(result.findings.map(\.message))")
    }

    @Test func andijanOshJobsAreSplitBySideByTypeAndByYear() async throws {
        let result = try await run("andijan-osh-cross-border-free-economic-zone.yaml")
        let scenario = try ScenarioLoader.loadOrThrow(
            file: packageRoot.appendingPathComponent("Scenarios/andijan-osh-cross-border-free-economic-zone.yaml").path)
        for metric in ["jobs_direct", "jobs_indirect", "jobs_induced", "jobs_gross", "jobs_net"] {
            for side in ["UZ", "KG"] {
                let years = Set(result.rows.filter { $0.metric == metric && $0.dimensions.country == side }.compactMap(\.year))
                #expect(years == Set(scenario.years), "\(metric) for \(side) in every year")
            }
        }
        // Gross = direct + indirect + induced on each side in the last year, and net is below gross.
        let last = scenario.horizon.upperBound
        for side in ["UZ", "KG"] {
            func total(_ metric: String) -> Double {
                result.rows.filter { $0.metric == metric && $0.dimensions.country == side && $0.year == last }.reduce(0) { $0 + $1.value }
            }
            #expect(total("jobs_direct") > 0)
            #expect(abs(total("jobs_direct") + total("jobs_indirect") + total("jobs_induced") - total("jobs_gross")) < 1e-6 * total("jobs_gross"))
            #expect(total("jobs_net") < total("jobs_gross"))
        }
    }

    @Test func growthTriangleStagesShowTheirPackagesYearByYear() async throws {
        let result = try await run("fergana-batken-sughd-growth-triangle.yaml")
        func cost(_ stage: String) -> [Int: Double] {
            var byYear: [Int: Double] = [:]
            for row in result.rows where row.metric == "tax_expenditure" && row.dimensions.stage == stage {
                if let year = row.year { byYear[year, default: 0] += row.value }
            }
            return byYear
        }
        // Stage 1 (free trade, 2026–2029) has no resident incentives: no tax expenditure at all.
        #expect(cost("free_trade").values.allSatisfy { $0 == 0 })
        // Stage 2's package (holiday, zero property and land tax, duty exemptions…) costs money from its
        // first year (2030, once USD 200 m of infrastructure is in place) and stage 3's from 2036.
        let investment = cost("investment"), innovation = cost("innovation")
        #expect((investment[2030] ?? 0) > 0)
        #expect(investment.keys.min() == 2030)
        #expect((innovation[2036] ?? 0) > 0)
        let instruments = Set(result.rows.filter { $0.metric == "tax_expenditure" && $0.dimensions.stage == "investment" }.compactMap(\.dimensions.instrument))
        #expect(instruments.isSuperset(of: ["income_tax", "property_tax", "land_tax", "input_duty", "equipment_duty", "land_rent"]))
        // The resolved timeline is reported.
        #expect(result.findings.contains { $0.message.contains("stage 'investment' of zone 'fbs' runs 2030–2035") })
    }
}
