import CoopZoneCore
import Foundation
import Testing

/// The derived views sent to outside evaluators (`views:` in a manifest), on a hand case whose
/// every number is worked out below from the documented rules
/// (Docs/methodology/trade_effects.md#stages-and-persistence, #baseline, and the tariff rules).
struct DerivedViewTests {
    /// Two zones over the same link: zone `fbs` (first in the file) and zone `fb2`, both with a
    /// stage starting in 2026 that sets the link's border days, `fbs` twice in one stage.
    static func scenario() throws -> Scenario {
        let text = try Fixture.minimal(
            (
                old: "    loss_share: 0.25\n",
                new: "    loss_share: 0.25\n    border_crossing_days: 4\n    flows:\n"
                    + "      - {sector: textiles, direction: export, base_year: 2024, value: 100, growth: 0.1, tariff: 0.2}\n"
            ),
            (
                old: "          infrastructure:\n            - {country: UZ, amount_per_year: 30}\n",
                new: "          infrastructure:\n            - {country: UZ, amount_per_year: 30}\n"
                    + "          border_time:\n            - {link: uz_kg, days: 3}\n            - {link: uz_kg, days: 2.5}\n"
            ),
            (
                old: "        incentives:\n          income_tax_holiday_years: 3\n",
                new: "        incentives:\n          income_tax_holiday_years: 3\n        measures:\n"
                    + "          border_time: [{link: uz_kg, days: 1}]\n          tariffs: [{link: uz_kg, rule: linear_cut, cut: 0.5}]\n"
            ),
            (
                old: "      - {year: 2030, country: UZ, sector: textiles, amount: 40}\n",
                new: "      - {year: 2030, country: UZ, sector: textiles, amount: 40}\n"
                    + "  - id: fb2\n    kind: free_trade_zone\n    regions: [fergana, batken]\n    stages:\n"
                    + "      - id: corridor\n        start: 2026\n        measures:\n"
                    + "          border_time: [{link: uz_kg, days: 2}]\n          tariffs: [{link: uz_kg, rule: swiss, a: 0.16}]\n"
            ))
        return try ScenarioLoader.loadOrThrow(text: text, file: "views.yaml")
    }

    /// The view `view` of `scenario` as parsed JSON records.
    static func records(_ view: DerivedView, of scenario: Scenario) throws -> [[String: Any]] {
        var w = JSONWriter()
        DerivedView.write([view], of: scenario, to: &w)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(w.output.utf8)) as? [String: Any])
        return try #require(object[view.rawValue] as? [[String: Any]])
    }

    @Test func borderDaysFollowThePersistenceRule() throws {
        let s = try Self.scenario()
        let records = try Self.records(.measuresByYear, of: s)
        let days = Dictionary(uniqueKeysWithValues: records.map { ($0["year"] as! Int, $0["border_crossing_days"] as! Double) })
        // 2026: three settings start that year. Events go by first year, then zone order, then
        // stage order; within a stage the last entry for the link wins. So fbs's stage gives 3
        // then 2.5, and fb2 (the second zone) sets 2 after it: 2 in 2026. Not the smallest or
        // largest value (a rule that sorts by value would give 2 or 3 by chance, not by rule).
        // fbs's free_trade stage ends in 2029; its end does not revert the days. fbs's
        // investment stage (from 2030) sets 1, in force to the end of the horizon (2035).
        let expected = [2026: 2.0, 2027: 2, 2028: 2, 2029: 2, 2030: 1, 2031: 1, 2032: 1, 2033: 1, 2034: 1, 2035: 1]
        #expect(days == expected)
        // The link gives no logistics or shadow share: null.
        #expect(records.allSatisfy { $0["logistics_cost_share"] is NSNull && $0["shadow_share"] is NSNull })
    }

    @Test func tariffsApplyEachRuleToTheRateInForce() throws {
        let s = try Self.scenario()
        let rates = Dictionary(uniqueKeysWithValues: try Self.records(.tariffsByYear, of: s).map { ($0["year"] as! Int, $0["rate"] as! Double) })
        // t0 = 0.2 (the flow's tariff). 2026: fb2's Swiss formula, a = 0.16:
        // 0.16 · 0.2 / (0.16 + 0.2) = 0.032 / 0.36 = 0.0888…; fbs's linear cut of 0.5 from 2030
        // halves the rate then in force: 0.0444…
        let swiss = 0.16 * 0.2 / 0.36
        for year in 2026...2029 { #expect(abs(rates[year]! - swiss) < 1e-15, "year \(year)") }
        for year in 2030...2035 { #expect(abs(rates[year]! - swiss / 2) < 1e-15, "year \(year)") }
    }

    @Test func flowsGrowFromTheirBaseYear() throws {
        let s = try Self.scenario()
        let values = Dictionary(uniqueKeysWithValues: try Self.records(.flowsByYear, of: s).map { ($0["year"] as! Int, $0["value"] as! Double) })
        // 100 in 2024, growing 10 % a year: 2026 is two years on, 100 · 1.1² = 121; 2035 is
        // eleven years on, 100 · 1.1^11 = 285.311670611.
        #expect(abs(values[2026]! - 121) < 1e-9)
        #expect(abs(values[2035]! - 285.311670611) < 1e-6)
        #expect(values.count == 10)
    }

    @Test func stageTimelineListsStartedStagesInCalendarOrder() throws {
        let s = try Self.scenario()
        let stages = try Self.records(.stageTimeline, of: s).map { "\($0["zone"]!)/\($0["stage"]!) \($0["first_year"]!)–\($0["last_year"]!)" }
        // fbs: free_trade 2026–2029 (its end), investment 2030 to the horizon's end; fb2's one
        // stage runs over the whole horizon.
        #expect(stages == ["fbs/free_trade 2026–2029", "fbs/investment 2030–2035", "fb2/corridor 2026–2035"])
    }
}
