import CoopZoneCore
import Foundation
import Testing

@testable import TradeEffectsEvaluator

struct TradeEffectsEvaluatorTests {
    // MARK: helpers

    private func run(_ yaml: String, _ parameters: TradeEffectsEvaluator.Parameters = .init()) throws -> EvaluationResult {
        let scenario = try ScenarioLoader.loadOrThrow(text: yaml, file: "test.yaml")
        return try TradeEffectsEvaluator(parameters: parameters).evaluate(scenario, context: EvaluationContext(results: [:]))
    }

    private func rows(_ r: EvaluationResult, _ metric: String, year: Int? = nil, direction: String? = nil, instrument: String? = nil) -> [ResultRow] {
        r.rows.filter {
            $0.metric == metric && (year == nil || $0.year == year) && (direction == nil || $0.dimensions.direction == direction)
                && (instrument == nil || $0.dimensions.instrument == instrument)
        }
    }

    private func value(_ r: EvaluationResult, _ metric: String, year: Int?, direction: String? = nil, instrument: String? = nil) -> Double? {
        let found = rows(r, metric, year: year, direction: direction, instrument: instrument)
        return found.count == 1 ? found[0].value : nil
    }

    private func headline(_ r: EvaluationResult, _ id: String) -> Double? { r.headlines.first { $0.metric == id }?.value }

    /// The 1-based line of the first line of `yaml` containing `marker`.
    private func line(of marker: String, in yaml: String) -> Int? {
        yaml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(marker) }.map { $0 + 1 }
    }

    // MARK: the KZ–KG history (DIGEST §4.1, article 000 Table 1)

    static let kzkg = """
        format: 1
        title: Kazakhstan–Kyrgyzstan trade, 2020–2023
        horizon: {first: 2020, last: 2026}
        price_year: 2023
        discount_rate: 0.08
        sources:
          - {id: art000, title: "Article 000, Table 1: Key indicators of foreign trade of Kazakhstan"}
        sectors:
          - {id: fruit, name: Fruit and vegetables, perishable: true}
        countries:
          - {code: KZ, name: Kazakhstan}
          - {code: KG, name: Kyrgyzstan}
        regions:
          - {id: zhambyl, name: Zhambyl, country: KZ}
          - {id: chui, name: Chui, country: KG}
        links:
          - id: kz_kg
            from: KZ
            to: KG
            source: art000
            turnover:
              2020: 848.6
              2021: 970.8
              2022: 1246.9
              2023: 1688.1
            flows:
              - sector: all
                direction: export
                history: {2020: 581.0, 2021: 625.2, 2022: 793.0, 2023: 1147.2}
              - sector: all
                direction: import
                history: {2020: 267.6, 2021: 345.6, 2022: 541.0, 2023: 541.0}
        zones:
          - id: alatau
            name: ITLC Alatau
            kind: cross_border_economic_zone
            regions: [zhambyl, chui]
            stages:
              - {id: agreement, start: 2024}
        """

    @Test func kazakhstanKyrgyzstanIndicesMatchThePublishedOnes() throws {
        let r = try run(Self.kzkg)
        // Turnover, previous year = 100 (published, Figure 1 of article 000: 114 / 128 / 135; DIGEST: 114.4 / 128.4 / 135.4):
        //   2021: 970.8/848.6 · 100 = 114.400; 2022: 1246.9/970.8 · 100 = 128.440; 2023: 1688.1/1246.9 · 100 = 135.384.
        // Exports (Figure 2): 625.2/581.0 = 107.608; 793.0/625.2 = 126.839; 1147.2/793.0 = 144.666 → 107.6 / 126.8 / 144.7.
        // Imports (Figure 2): 345.6/267.6 = 129.148; 541.0/345.6 = 156.539; 541.0/541.0 = 100.000 → 129.1 / 156.5 / 100.0.
        let published: [(String?, String?, [Double])] = [
            (nil, "turnover", [114.4, 128.4, 135.4]),
            ("export", nil, [107.6, 126.8, 144.7]),
            ("import", nil, [129.1, 156.5, 100.0]),
        ]
        for (direction, instrument, values) in published {
            for (offset, expected) in values.enumerated() {
                let v = value(r, "history_index", year: 2021 + offset, direction: direction, instrument: instrument)
                #expect(
                    v.map { abs($0 - expected) < 0.05 } == true, "\(direction ?? instrument ?? "") \(2021 + offset): \(String(describing: v)) vs \(expected)")
            }
        }
        // Compound growth 2020–2023: turnover (1688.1/848.6)^(1/3) − 1 = 1.989276^(1/3) − 1 = 0.25767 (DIGEST 25.77 %);
        // exports (1147.2/581.0)^(1/3) − 1 = 0.25455 (25.45 %); imports (541.0/267.6)^(1/3) − 1 = 0.26446 (26.45 %).
        #expect(abs((value(r, "history_cagr", year: nil, instrument: "turnover") ?? 0) - 0.25767) < 1e-5)
        #expect(abs((value(r, "history_cagr", year: nil, direction: "export") ?? 0) - 0.25455) < 1e-5)
        #expect(abs((value(r, "history_cagr", year: nil, direction: "import") ?? 0) - 0.26446) < 1e-5)
    }

    @Test func the2022TurnoverRowIsFlagged() throws {
        let r = try run(Self.kzkg)
        // 2022: reported 1246.9, exports + imports = 793.0 + 541.0 = 1334.0, difference −87.1 > max(0.5, 0.001·1246.9 = 1.25).
        // 2020: 581.0 + 267.6 = 848.6 ✓; 2021: 625.2 + 345.6 = 970.8 ✓; 2023: 1147.2 + 541.0 = 1688.2 vs 1688.1, |−0.1| ≤ 1.69 ✓.
        let turnoverWarnings = r.findings.filter { $0.kind == .warning && $0.message.contains("turnover") }
        #expect(turnoverWarnings.count == 1)
        let warning = try #require(turnoverWarnings.first)
        #expect(warning.message.contains("2022") && warning.message.contains("kz_kg"))
        #expect(warning.message.contains("1246.9") && warning.message.contains("1334"))
        #expect(warning.location?.line == line(of: "2022: 1246.9", in: Self.kzkg))
        #expect(warning.location?.file == "test.yaml")
    }

    @Test func baselineUsesHistoryThenCompoundGrowth() throws {
        let r = try run(Self.kzkg)
        // 2022 is a history year: the export baseline is the recorded 793.0.
        #expect(value(r, "trade_baseline", year: 2022, direction: "export") == 793.0)
        // 2024 is projected at the history's CAGR 0.254549: 1147.2 · 1.254549 = 1147.2 + 292.019 = 1439.219.
        #expect(abs((value(r, "trade_baseline", year: 2024, direction: "export") ?? 0) - 1439.219) < 1e-3)
        // No measures: scenario = baseline, no effect rows.
        #expect(value(r, "trade_scenario", year: 2024, direction: "export") == value(r, "trade_baseline", year: 2024, direction: "export"))
        #expect(rows(r, "trade_creation").isEmpty)
        // The export flow goes from KZ: its exporting country is KZ.
        #expect(rows(r, "trade_baseline", year: 2024, direction: "export").first?.dimensions.country == "KZ")
    }

    @Test func gapsAndNegativeValuesAreFlaggedWhereTheyAreWritten() throws {
        // Imports 2020 = 267.6, 2021 missing, 2022 = −5 (a sign error): one gap warning and one negative-value warning,
        // both at the 2022 entry; the baseline counts the negative value as 0.
        let yaml = Self.kzkg.replacingOccurrences(
            of: "history: {2020: 267.6, 2021: 345.6, 2022: 541.0, 2023: 541.0}",
            with: "history:\n              2020: 267.6\n              2022: -5\n              2023: 541.0")
        let r = try run(yaml)
        let entryLine = line(of: "2022: -5", in: yaml)
        let gap = r.findings.filter { $0.kind == .warning && $0.message.contains("gap") }
        #expect(gap.count == 1)
        #expect(gap.first?.message.contains("kz_kg") == true && gap.first?.message.contains("2021") == true)
        #expect(gap.first?.location?.line == entryLine)
        let negative = r.findings.filter { $0.kind == .warning && $0.message.contains("negative") }
        #expect(negative.count == 1)
        #expect(negative.first?.message.contains("2022") == true && negative.first?.location?.line == entryLine)
        #expect(value(r, "trade_baseline", year: 2022, direction: "import") == 0)
    }

    // MARK: measures in stages

    static let measures = """
        format: 1
        title: Tariff, border, storage and shadow-trade measures
        horizon: {first: 2024, last: 2027}
        price_year: 2024
        discount_rate: 0.08
        sectors:
          - {id: fruit, name: Fruit, perishable: true}
        countries:
          - {code: KZ, name: Kazakhstan}
          - {code: KG, name: Kyrgyzstan}
        regions:
          - {id: zhambyl, name: Zhambyl, country: KZ}
          - {id: chui, name: Chui, country: KG}
        links:
          - id: kg_kz
            from: KG
            to: KZ
            zone_share: 1
            border_crossing_days: 2
            logistics_cost_share: 0.05
            loss_share: 0.40
            shadow_share: 0.20
            flows:
              - {sector: fruit, direction: export, base_year: 2024, value: 100, growth: 0, tariff: 0.10, other_imports: 300, other_tariff: 0.10}
        zones:
          - id: alatau
            name: Alatau
            kind: cross_border_economic_zone
            regions: [zhambyl, chui]
            stages:
              - id: free_trade
                start: 2025
                end: 2025
                measures:
                  tariffs: [{link: kg_kz, sector: fruit, direction: export, rule: new_rate, rate: 0}]
                  border_time: [{link: kg_kz, days: 1}]
              - id: hub
                start: 2026
                measures:
                  storage: [{link: kg_kz, loss_share: 0.15}]
                  shadow_trade: [{link: kg_kz, shadow_share: 0.05}]
        """

    @Test func stagedMeasuresDecomposeTheScenario() throws {
        let r = try run(Self.measures)
        // 2024: no stage yet — baseline 100 = scenario, no effect rows.
        #expect(value(r, "trade_scenario", year: 2024) == 100)
        #expect(rows(r, "trade_creation", year: 2024).isEmpty && rows(r, "tariff_revenue_change", year: 2024).isEmpty)

        // 2025 (stage free_trade): tariff 0.10 → 0, Em = −2 (the default), Ex = ∞:
        //   TC = 100 · (−2) · (−0.10) / 1.10 = 20/1.1 = 18.181818.
        #expect(abs((value(r, "trade_creation", year: 2025) ?? 0) - 18.181_818) < 1e-6)
        //   Diversion from the rest of the world (300 at 0.10, unchanged): rel = (1/1.1)/(1.1/1.1) − 1 = −1/11;
        //   Es·(−rel) = 1.5/11 = 3/22; TD = 100·300·(3/22)/(100 + 300 + 100·3/22) = 90000/9100 = 9.890110.
        #expect(abs((value(r, "trade_diversion", year: 2025) ?? 0) - 9.890_110) < 1e-6)
        //   Welfare = ½ · 0.10 · 18.181818 = 0.909091.
        #expect(abs((value(r, "welfare", year: 2025) ?? 0) - 0.909_091) < 1e-6)
        //   Border 2 → 1 day, fruit is perishable (2.1 %/day), logistics 0.05: τ0 = 2·0.021 + 0.05 = 0.092, τ1 = 0.071;
        //   θ = −Em = 2: ΔX = 100 · 2 · 0.021 / 1.092 = 4.2/1.092 = 3.846154.
        #expect(abs((value(r, "trade_facilitation", year: 2025) ?? 0) - 3.846_154) < 1e-6)
        //   Trade-cost saving of the importer KZ: existing trade 100 · 0.021/1.092 = 1.923077;
        //   new trade ½ · 3.846154 · 0.021/1.092 = ½ · 3.846154 · 0.0192308 = 0.036982.
        #expect(abs((value(r, "trade_cost_saving", year: 2025, instrument: "existing_trade") ?? 0) - 1.923_077) < 1e-6)
        #expect(abs((value(r, "trade_cost_saving", year: 2025, instrument: "new_trade") ?? 0) - 0.036_982) < 1e-6)
        #expect(rows(r, "trade_cost_saving", year: 2025).allSatisfy { $0.dimensions.country == "KZ" })
        //   Tariff revenue (importer KZ): t1·M1 − t0·M0 + t_K·ΔM_K = 0 − 0.10·100 + 0.10·(−9.890110) = −10.989011.
        #expect(abs((value(r, "tariff_revenue_change", year: 2025) ?? 0) - -10.989_011) < 1e-6)
        #expect(rows(r, "tariff_revenue_change", year: 2025).first?.dimensions.country == "KZ")
        #expect(rows(r, "trade_creation", year: 2025).first?.dimensions.country == "KG")
        //   No storage or formalisation yet.
        #expect(rows(r, "loss_reduction", year: 2025).isEmpty && rows(r, "formalisation", year: 2025).isEmpty)
        //   Scenario = 100 + 18.181818 + 9.890110 + 3.846154 = 131.918082.
        #expect(abs((value(r, "trade_scenario", year: 2025) ?? 0) - 131.918_082) < 1e-5)

        // 2026 (stage hub; free_trade has ended but its tariff and border time persist):
        #expect(abs((value(r, "trade_creation", year: 2026) ?? 0) - 18.181_818) < 1e-6)
        #expect(abs((value(r, "trade_facilitation", year: 2026) ?? 0) - 3.846_154) < 1e-6)
        //   Loss 0.40 → 0.15: ΔX = 100 · (0.85/0.60 − 1) = 41.666667.
        #expect(abs((value(r, "loss_reduction", year: 2026) ?? 0) - 41.666_667) < 1e-6)
        //   Its value net of storage (a quarter, the default): 41.666667 · 0.75 = 31.25, for the exporter KG.
        #expect(abs((value(r, "saved_produce_value", year: 2026) ?? 0) - 31.25) < 1e-9)
        #expect(rows(r, "saved_produce_value", year: 2026).first?.dimensions.country == "KG")
        #expect(rows(r, "saved_produce_value", year: 2025).isEmpty)
        //   Shadow 0.20 → 0.05: true trade 100/0.8 = 125; ΔX = 125 · 0.15 = 18.75.
        #expect(abs((value(r, "formalisation", year: 2026) ?? 0) - 18.75) < 1e-9)
        //   Scenario = 131.918082 + 41.666667 + 18.75 = 192.334749.
        #expect(abs((value(r, "trade_scenario", year: 2026) ?? 0) - 192.334_749) < 1e-5)
        //   Revenue: t1 = 0, so still 0 − 10 − 0.989011 = −10.989011.
        #expect(abs((value(r, "tariff_revenue_change", year: 2026) ?? 0) - -10.989_011) < 1e-6)

        // Headlines: creation in 2025, 2026, 2027 = 3 · 18.181818 = 54.545455.
        #expect(abs((headline(r, "trade_creation_total") ?? 0) - 54.545_455) < 1e-5)
        // Trade-cost saving 2025–2027: 3 · (1.923077 + 0.036982) = 3 · 1.960059 = 5.880178.
        #expect(abs((headline(r, "trade_cost_saving_total") ?? 0) - 5.880_178) < 1e-5)
        // Saved produce 2026–2027: 2 · 31.25 = 62.5.
        #expect(abs((headline(r, "saved_produce_value_total") ?? 0) - 62.5) < 1e-9)
        // Revenue PV at 8 % to 2024: −10.989011 · (1/1.08 + 1/1.1664 + 1/1.259712) = −10.989011 · 2.577097 = −28.319747.
        #expect(abs((headline(r, "tariff_revenue_change_pv") ?? 0) - -28.319_747) < 1e-5)
        // 2027 equals 2026 (growth 0): scenario 192.334749, change 92.334749.
        #expect(abs((headline(r, "trade_scenario_last_year") ?? 0) - 192.334_749) < 1e-5)
        #expect(abs((headline(r, "trade_change_last_year") ?? 0) - 92.334_749) < 1e-5)
        #expect(r.findings.filter { $0.kind == .warning }.isEmpty)
    }

    static let laterStage = """
        format: 1
        title: Two linear cuts on every flow between the zone's countries
        horizon: {first: 2024, last: 2027}
        price_year: 2024
        discount_rate: 0.08
        sectors:
          - {id: textiles, name: Textiles}
        countries:
          - {code: KZ, name: Kazakhstan, fiscal: {import_duty: 0.20}}
          - {code: KG, name: Kyrgyzstan}
        regions:
          - {id: zhambyl, name: Zhambyl, country: KZ}
          - {id: chui, name: Chui, country: KG}
        links:
          - id: kz_kg
            from: KZ
            to: KG
            flows:
              - {sector: all, direction: export, base_year: 2024, value: 100, tariff: 0.10}
              - {sector: all, direction: import, base_year: 2024, value: 100}
        zones:
          - id: alatau
            name: Alatau
            kind: cross_border_economic_zone
            regions: [zhambyl, chui]
            stages:
              - {id: first_cut, start: 2025, end: 2026, measures: {tariffs: [{rule: linear_cut, cut: 0.5}]}}
              - {id: second_cut, start: 2027, measures: {tariffs: [{rule: linear_cut, cut: 0.5}]}}
        """

    @Test func laterStageChangesTheRateInForce() throws {
        let r = try run(Self.laterStage)
        // Export flow (importer KG), own tariff 0.10. 2025–2026: 0.10 → 0.05, TC = 100·(−2)·(−0.05)/1.10 = 10/1.1 = 9.090909.
        // 2027: the second cut halves the rate in force, 0.05 → 0.025; Δt = −0.075: TC = 100·2·0.075/1.10 = 15/1.1 = 13.636364.
        #expect(abs((value(r, "trade_creation", year: 2025, direction: "export") ?? 0) - 9.090_909) < 1e-6)
        #expect(abs((value(r, "trade_creation", year: 2026, direction: "export") ?? 0) - 9.090_909) < 1e-6)
        #expect(abs((value(r, "trade_creation", year: 2027, direction: "export") ?? 0) - 13.636_364) < 1e-6)
        // Import flow (importer KZ) has no own tariff: KZ's import duty 0.20. 2025: 0.20 → 0.10, TC = 100·2·0.10/1.20 = 16.666667;
        // 2027: 0.10 → 0.05, Δt = −0.15, TC = 100·2·0.15/1.20 = 25.
        #expect(abs((value(r, "trade_creation", year: 2025, direction: "import") ?? 0) - 16.666_667) < 1e-6)
        #expect(abs((value(r, "trade_creation", year: 2027, direction: "import") ?? 0) - 25) < 1e-9)
        // No other_imports: no diversion.
        #expect(value(r, "trade_diversion", year: 2025, direction: "export") == 0)
    }

    @Test func missingBaseValuesAndUnmatchedTariffsAreReported() throws {
        let yaml = Self.measures
            .replacingOccurrences(of: "    loss_share: 0.40\n", with: "")
            .replacingOccurrences(of: "direction: export, rule: new_rate", with: "direction: import, rule: new_rate")
        let r = try run(yaml)
        let warnings = r.findings.filter { $0.kind == .warning }.map(\.message)
        #expect(warnings.contains { $0.contains("no loss_share") })
        #expect(warnings.contains { $0.contains("matches no trade flow") })
        #expect(rows(r, "loss_reduction").isEmpty && rows(r, "trade_creation").isEmpty)
    }

    // MARK: one elasticity for tariffs and trade costs

    /// Two links between the same countries, one flow of 100 each (textiles, not perishable): on `tariffs` the zone cuts
    /// the tariff 0.10 → 0.09; on `logistics` (no tariff) it cuts the logistics cost share 0.10 → 0.09; on `border` (no
    /// tariff, logistics 0.05) it takes a day off a two-day crossing.
    static let equalCuts = """
        format: 1
        title: Equal ad-valorem cuts in a tariff and in a trade cost
        horizon: {first: 2025, last: 2025}
        price_year: 2025
        discount_rate: 0.08
        sectors:
          - {id: textiles, name: Textiles}
        countries:
          - {code: KZ, name: Kazakhstan}
          - {code: KG, name: Kyrgyzstan}
        regions:
          - {id: zhambyl, name: Zhambyl, country: KZ}
          - {id: chui, name: Chui, country: KG}
        links:
          - id: tariffs
            from: KZ
            to: KG
            zone_share: 1
            flows: [{sector: textiles, direction: export, base_year: 2025, value: 100, tariff: 0.10}]
          - id: logistics
            from: KZ
            to: KG
            zone_share: 1
            logistics_cost_share: 0.10
            flows: [{sector: textiles, direction: export, base_year: 2025, value: 100, tariff: 0}]
          - id: border
            from: KZ
            to: KG
            zone_share: 1
            border_crossing_days: 2
            logistics_cost_share: 0.05
            flows: [{sector: textiles, direction: export, base_year: 2025, value: 100, tariff: 0}]
        zones:
          - id: alatau
            name: Alatau
            kind: cross_border_economic_zone
            regions: [zhambyl, chui]
            stages:
              - id: cuts
                start: 2025
                measures:
                  tariffs: [{link: tariffs, rule: new_rate, rate: 0.09}]
                  logistics_cost: [{link: logistics, cost_share: 0.09}]
                  border_time: [{link: border, days: 1}]
        """

    private func effect(_ r: EvaluationResult, _ metric: String, link: String) -> Double? {
        let found = r.rows.filter { $0.metric == metric && $0.dimensions.link == link }
        return found.count == 1 ? found[0].value : nil
    }

    @Test func equalAdValoremCutsInATariffAndALogisticsCostMoveTradeEqually() throws {
        // Defaults: Em = −2, trade_cost_elasticity 0 → θ = 2, Ex infinite.
        // Tariff 0.10 → 0.09: TC = 100 · (−2) · (−0.01)/1.10 = 2/1.1 = 1.818182.
        // Logistics 0.10 → 0.09 (τ0 = 0.10, τ1 = 0.09): ΔX = 100 · 2 · 0.01/1.10 = 1.818182, the same.
        let r = try run(Self.equalCuts)
        let creation = try #require(effect(r, "trade_creation", link: "tariffs"))
        let facilitation = try #require(effect(r, "trade_facilitation", link: "logistics"))
        #expect(abs(creation - 1.818_182) < 1e-6)
        #expect(abs(facilitation - 1.818_182) < 1e-6)
        #expect(abs(creation - facilitation) < 1e-12)
        // With a finite export supply (Ex = 4) both shrink by 1 − Em/Ex = 1 + 2/4 = 1.5: 1.818182/1.5 = 1.212121, still equal.
        let finite = try run(Self.equalCuts, .init().with(\.exportSupplyElasticity, 4))
        #expect(abs((effect(finite, "trade_creation", link: "tariffs") ?? 0) - 1.212_121) < 1e-6)
        #expect(abs((effect(finite, "trade_facilitation", link: "logistics") ?? 0) - 1.212_121) < 1e-6)
        // A separate trade_cost_elasticity breaks the tie on purpose: θ = 4 doubles facilitation to 3.636364.
        let separate = try run(Self.equalCuts, .init().with(\.tradeCostElasticity, 4))
        #expect(abs((effect(separate, "trade_facilitation", link: "logistics") ?? 0) - 3.636_364) < 1e-6)
        #expect(abs((effect(separate, "trade_creation", link: "tariffs") ?? 0) - 1.818_182) < 1e-6)
    }

    @Test func oneDayOfBorderTimeMovesTradeByAboutOnePercentAtTheDefaults() throws {
        // Border 2 → 1 day at 0.6 %/day (default), logistics 0.05: τ0 = 2·0.006 + 0.05 = 0.062, τ1 = 0.056.
        // ΔX = 100 · 2 · 0.006/1.062 = 1.2/1.062 = 1.129944: 1.13 % of trade for one day (Djankov, Freund & Pham 2010:
        // "more than 1 %"; the old defaults θ = 4, 1.3 %/day gave (1.076/1.063)^4 − 1 = 4.98 %).
        let r = try run(Self.equalCuts)
        let day = try #require(effect(r, "trade_facilitation", link: "border"))
        #expect(abs(day - 1.129_944) < 1e-6)
        #expect(day > 1.0 && day < 1.2)
        // The importer's (KG's) saving: existing trade 100 · 0.006/1.062 = 0.564972; new trade ½ · 1.129944 · 0.006/1.062
        // = ½ · 1.129944 · 0.00564972 = 0.003192.
        let saving = r.rows.filter { $0.metric == "trade_cost_saving" && $0.dimensions.link == "border" }
        #expect(saving.count == 2 && saving.allSatisfy { $0.dimensions.country == "KG" })
        #expect(abs((saving.first { $0.dimensions.instrument == "existing_trade" }?.value ?? 0) - 0.564_972) < 1e-6)
        #expect(abs((saving.first { $0.dimensions.instrument == "new_trade" }?.value ?? 0) - 0.003_192) < 1e-6)
        // A tariff cut writes no trade-cost saving (its gain is SMART's welfare).
        #expect(r.rows.filter { $0.metric == "trade_cost_saving" && $0.dimensions.link == "tariffs" }.isEmpty)
    }

    // MARK: descriptor

    @Test func descriptorDefaultsDecodeToTheParameterDefaults() throws {
        let values = Dictionary(uniqueKeysWithValues: TradeEffectsEvaluator.descriptor.parameters.map { ($0.name, ParameterValue.number($0.defaultValue)) })
        let decoded = try ParameterDecoder.decode(TradeEffectsEvaluator.Parameters.self, from: values)
        #expect(decoded == TradeEffectsEvaluator.Parameters())
        for spec in TradeEffectsEvaluator.descriptor.parameters {
            #expect(spec.allowed.contains(spec.defaultValue) && spec.plausible.contains(spec.defaultValue), "\(spec.name)")
        }
        for metric in TradeEffectsEvaluator.descriptor.metrics + TradeEffectsEvaluator.descriptor.headlines {
            #expect(metric.equation.hasPrefix("Docs/methodology/trade_effects.md#"))
        }
    }

    @Test func positiveImportDemandElasticityIsRejected() {
        #expect(throws: EvaluatorError.self) { try TradeEffectsEvaluator(parameters: .init().with(\.importDemandElasticity, 1.5)) }
    }

    @Test func storageCostShareOutsideZeroToOneIsRejected() {
        #expect(throws: EvaluatorError.self) { try TradeEffectsEvaluator(parameters: .init().with(\.storageCostShare, 1.2)) }
    }
}
