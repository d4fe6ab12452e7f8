import CoopZoneCore
import CoopZoneEvaluators
import Testing
import TimeSavingsEvaluator

/// One link crossed in 2 days, cut to 0.5 from 2031 by the zone's second stage.
let scenarioText = """
    format: 1
    title: Time savings test
    horizon: {first: 2030, last: 2032}
    price_year: 2030
    discount_rate: 0.1
    sectors: [{id: goods}]
    countries: [{code: AA}, {code: BB}]
    regions: [{id: a, country: AA}, {id: b, country: BB}]
    links:
      - id: ab
        from: AA
        to: BB
        zone_share: 1
        border_crossing_days: 2
        flows: [{sector: goods, direction: export, base_year: 2030, value: 100, growth: 0, tariff: 0}]
    zones:
      - id: z
        kind: free_trade_zone
        regions: [a, b]
        stages:
          - {id: one, start: 2030, end: 2030}
          - {id: two, start: 2031, measures: {border_time: [{link: ab, days: 0.5}]}}
    evaluators:
      time_savings: {}
    """

struct TimeSavingsEvaluatorTests {
    @Test func daysInForceFollowTheStages() throws {
        let scenario = try ScenarioLoader.loadOrThrow(text: scenarioText, file: "test.yaml")
        let link = try #require(scenario.links.first)
        // 2 days until stage 'two' starts in 2031, then 0.5 to the end of the horizon.
        #expect(TimeSavingsEvaluator.daysInForce(on: link, in: scenario) == [2030: 2, 2031: 0.5, 2032: 0.5])
    }

    @Test func valueOfTheTimeSavedOnTheLinksTrade() async throws {
        let scenario = try ScenarioLoader.loadOrThrow(text: scenarioText, file: "test.yaml")
        let plan = try Engine.plan(scenario, registry: BuiltInEvaluators.all + [EvaluatorEntry(TimeSavingsEvaluator.self)]).get()
        #expect(plan.evaluators.map(\.entry.descriptor.id) == ["trade_effects", "time_savings"], "the dependency is added")
        let run = await Engine.run(plan, on: scenario)
        #expect(run.failures.isEmpty, "\(run.failures)")
        let trade2031 = run.rows.filter { $0.evaluator == "trade_effects" && $0.metric == "trade_scenario" && $0.year == 2031 }.reduce(0) { $0 + $1.value }
        let trade2032 = run.rows.filter { $0.evaluator == "trade_effects" && $0.metric == "trade_scenario" && $0.year == 2032 }.reduce(0) { $0 + $1.value }
        func value(_ year: Int) throws -> Double {
            try #require(run.rows.first { $0.evaluator == "time_savings" && $0.metric == "time_savings_value" && $0.year == year }).value
        }
        // 2030: nothing saved. 2031 and 2032: 2 − 0.5 = 1.5 days on the link's trade, at 1.3 % a day: trade · 0.0195.
        #expect(try value(2030) == 0)
        #expect(abs(try value(2031) - trade2031 * 1.5 * 0.013) < 1e-9)
        // Present value at 10 %: v2031 / 1.1 + v2032 / 1.21.
        let pv = try #require(run.headlines.first { $0.metric == "time_savings_value_pv" }).value
        #expect(abs(pv - (trade2031 * 0.0195 / 1.1 + trade2032 * 0.0195 / 1.21)) < 1e-9)
        #expect(trade2031 > 100, "the link carries 100 a year and the zone adds trade")
    }
}
