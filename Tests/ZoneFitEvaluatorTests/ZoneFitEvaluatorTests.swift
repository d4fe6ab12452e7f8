import CoopZoneCore
import CoopZoneTestSupport
import Foundation
import Testing

@testable import ZoneFitEvaluator

/// The evaluator on a small two-region scenario, and on the book's four Table 2 designs.
struct ZoneFitEvaluatorTests {
    /// Two 3-sector regions: A (UZ) output 50/30/20 in agriculture/textiles/machinery → shares
    /// (0.5, 0.3, 0.2); B (KG) 40/20/40 → (0.4, 0.2, 0.4). Link A → B: A exports 30/20/50 to B and B
    /// exports 10/60/30 to A. National totals (all partners): UZ exports 30/20/50 and imports
    /// 10/10/80; KG exports 10/60/30 and imports 100/600/300.
    static let yaml = """
        title: Zone fit test
        horizon: {first: 2030, last: 2032}
        price_year: 2024
        discount_rate: 0.08
        sectors:
          - {id: agriculture, perishable: true}
          - {id: textiles}
          - {id: machinery}
        countries:
          - code: UZ
            fiscal: {corporate_income_tax: 0.20, wage_tax: 0.25}
            trade_totals:
              exports: {agriculture: 30, textiles: 20, machinery: 50}
              imports: {agriculture: 10, textiles: 10, machinery: 80}
          - code: KG
            fiscal: {corporate_income_tax: 0.10, wage_tax: 0.20}
            trade_totals:
              exports: {agriculture: 10, textiles: 60, machinery: 30}
              imports: {agriculture: 100, textiles: 600, machinery: 300}
        regions:
          - id: a
            country: UZ
            average_wage: 3.0
            sectors:
              - {sector: agriculture, output: 50, employment: 10000}
              - {sector: textiles, output: 30, employment: 5000}
              - {sector: machinery, output: 20, employment: 5000}
          - id: b
            country: KG
            average_wage: 2.0
            sectors:
              - {sector: agriculture, output: 40, employment: 12000}
              - {sector: textiles, output: 20, employment: 4000}
              - {sector: machinery, output: 40, employment: 4000}
        links:
          - id: ab
            from: a
            to: b
            flows:
              - {sector: agriculture, direction: export, base_year: 2024, value: 30, other_imports: 70}
              - {sector: textiles, direction: export, base_year: 2024, value: 20, other_imports: 580}
              - {sector: machinery, direction: export, base_year: 2024, value: 50, other_imports: 250}
              - {sector: agriculture, direction: import, base_year: 2024, value: 10}
              - {sector: textiles, direction: import, base_year: 2024, value: 60}
              - {sector: machinery, direction: import, base_year: 2024, value: 30}
        zones:
          - id: z
            kind: cross_border_free_economic_zone
            regions: [a, b]
            stages:
              - {id: s1, start: 2030}
        """

    static func evaluator(_ overrides: [String: Double] = [:]) throws -> ZoneFitEvaluator {
        var values: [String: ParameterValue] = [:]
        for spec in ZoneFitEvaluator.descriptor.parameters { values[spec.name] = .number(spec.defaultValue) }
        for (name, value) in overrides {
            #expect(values[name] != nil, "unknown parameter \(name)")
            values[name] = .number(value)
        }
        return try ZoneFitEvaluator(parameters: ParameterDecoder.decode(ZoneFitEvaluator.Parameters.self, from: values))
    }

    static func value(_ result: EvaluationResult, _ metric: String, _ dims: Dimensions) -> Double? {
        result.rows.first { $0.metric == metric && $0.dimensions == dims }?.value
    }

    static func close(_ a: Double?, _ b: Double) -> Bool {
        guard let a else { return false }
        return abs(a - b) < 1e-9
    }

    @Test func measuresOfTwoThreeSectorRegions() throws {
        let scenario = try ScenarioLoader.loadOrThrow(text: Self.yaml, file: "test.yaml")
        let result = try Self.evaluator().evaluate(scenario, context: EvaluationContext(results: [:]))
        // Similarity: min(0.5, 0.4) + min(0.3, 0.2) + min(0.2, 0.4) = 0.4 + 0.2 + 0.2 = 0.8, for the
        // zone and for each region (its only partner).
        #expect(Self.close(Self.value(result, "similarity", Dimensions(zone: "z")), 0.8))
        #expect(Self.close(Self.value(result, "similarity", Dimensions(region: "a", zone: "z")), 0.8))
        // Processing overlap (textiles, machinery; agriculture is perishable → primary): 0.2 + 0.2 = 0.4.
        #expect(Self.close(Self.value(result, "processing_overlap", Dimensions(zone: "z")), 0.4))
        // Complementarity UZ → KG: UZ's total exports (30, 20, 50)/100 = (0.3, 0.2, 0.5) against KG's total
        // imports (100, 600, 300)/1000 = (0.1, 0.6, 0.3): 100 · (1 − (0.2 + 0.4 + 0.2)/2) = 60.
        // KG → UZ: KG's exports (0.1, 0.6, 0.3) against UZ's imports (0.1, 0.1, 0.8): Σ|m − x| = 0 + 0.5 + 0.5 = 1,
        // so 100 · (1 − 1/2) = 50. The zone's mean over the two ordered pairs: 55.
        #expect(
            Self.close(
                Self.value(
                    result, "complementarity",
                    Dimensions(region: "a", country: "UZ", link: "ab", direction: "export", zone: "z")), 60))
        #expect(
            Self.close(
                Self.value(
                    result, "complementarity",
                    Dimensions(region: "b", country: "KG", link: "ab", direction: "import", zone: "z")), 50))
        #expect(Self.close(Self.value(result, "complementarity", Dimensions(zone: "z")), 55))
        // Grubel–Lloyd of X = (30, 20, 50), M = (10, 60, 30): 120/200 = 0.6.
        #expect(Self.close(Self.value(result, "intra_industry", Dimensions(link: "ab", zone: "z")), 0.6))
        #expect(Self.close(Self.value(result, "intra_industry", Dimensions(zone: "z")), 0.6))
        #expect(Self.value(result, "countries", Dimensions(zone: "z")) == 2)
        // Fiscal capacity: UZ 20000 jobs · 3.0/1000 = 60 · 0.25 = 15, plus output 100 · 0.10 · 0.20 = 2 → 17;
        // KG 20000 · 2.0/1000 = 40 · 0.20 = 8, plus 100 · 0.10 · 0.10 = 1 → 9.
        #expect(Self.close(Self.value(result, "fiscal_capacity", Dimensions(country: "UZ", zone: "z")), 17))
        #expect(Self.close(Self.value(result, "fiscal_capacity", Dimensions(country: "KG", zone: "z")), 9))
    }

    @Test func kindsAreScoredRankedAndTheBestRecommended() throws {
        let scenario = try ScenarioLoader.loadOrThrow(text: Self.yaml, file: "test.yaml")
        let result = try Self.evaluator().evaluate(scenario, context: EvaluationContext(results: [:]))
        func recommended(_ kind: ZoneKind) -> Double? { Self.value(result, "recommended", Dimensions(instrument: kind.rawValue, zone: "z")) }
        func fit(_ kind: ZoneKind) -> Double? { Self.value(result, "kind_fit", Dimensions(instrument: kind.rawValue, zone: "z")) }
        func rank(_ kind: ZoneKind) -> Double? { Self.value(result, "kind_rank", Dimensions(instrument: kind.rawValue, zone: "z")) }
        // FTZ: similarity 0.8 ≥ 0.7 and intra-industry 0.6 ≥ 0.3 → score (1 + 1)/2 = 1.
        #expect(recommended(.freeTradeZone) == 1)
        #expect(fit(.freeTradeZone) == 1)
        // CBEZ: processing overlap 0.4 ≥ 0.15 and complementarity 55 ≥ 40 → score 1.
        #expect(recommended(.crossBorderEconomicZone) == 1)
        #expect(fit(.crossBorderEconomicZone) == 1)
        // FEZ: overlap 0.4 ≥ 0.25 (1), complementarity 55 ≥ 50 (1), but the weakest side's capacity 9 < 150
        // (9/150 = 0.06) → score (1 + 1 + 0.06)/3 = 0.686667; not recommended.
        #expect(recommended(.crossBorderFreeEconomicZone) == 0)
        #expect(Self.close(fit(.crossBorderFreeEconomicZone), (1 + 1 + 0.06) / 3))
        // Growth triangle: 2 countries < 3 → 0 (a yes-or-no criterion: two countries are not two thirds of a triangle).
        #expect(recommended(.growthTriangle) == 0)
        #expect(fit(.growthTriangle) == 0)
        // Ranking: CBEZ and FTZ tie at 1, the deeper integration (CBEZ) first; then the FEZ, then the triangle.
        #expect(rank(.crossBorderEconomicZone) == 1)
        #expect(rank(.freeTradeZone) == 2)
        #expect(rank(.crossBorderFreeEconomicZone) == 3)
        #expect(rank(.growthTriangle) == 4)
        // The chosen kind is the FEZ: fit_score 0.686667, a warning naming the unmet criterion, and a
        // recommendation naming the CBEZ as the best with the ranking.
        #expect(Self.close(result.headlines.first { $0.metric == "fit_score" }?.value, (1 + 1 + 0.06) / 3))
        #expect(Self.close(result.headlines.first { $0.metric == "similarity_mean" }?.value, 0.8))
        let warning = result.findings.first { $0.kind == .warning }
        #expect(warning?.message.contains("public finance") == true)
        #expect(warning?.message.contains("cross_border_economic_zone, free_trade_zone") == true)
        let recommendation = try #require(result.findings.first { $0.kind == .recommendation }?.message)
        #expect(recommendation.contains("best cross_border_economic_zone"))
        #expect(recommendation.contains("the rule of free_trade_zone is also met"))
        #expect(
            recommendation.contains(
                "ranking by score: cross_border_economic_zone 1, free_trade_zone 1, cross_border_free_economic_zone 0.687, growth_triangle 0"))

        // With a capacity threshold of 5 (below both sides' 17 and 9) the FEZ's rule is met and, the
        // deepest kind met, it ranks first; no warning.
        let lower = try Self.evaluator(["fez_fiscal_capacity_min": 5]).evaluate(scenario, context: EvaluationContext(results: [:]))
        #expect(Self.value(lower, "recommended", Dimensions(instrument: "cross_border_free_economic_zone", zone: "z")) == 1)
        #expect(Self.value(lower, "kind_rank", Dimensions(instrument: "cross_border_free_economic_zone", zone: "z")) == 1)
        #expect(!lower.findings.contains { $0.kind == .warning })
        #expect(lower.headlines.first { $0.metric == "fit_score" }?.value == 1)
    }

    /// Two agricultural regions of countries with the same export structure: both sell mostly farm
    /// produce and buy mostly machinery, so what one exports is not what the other imports.
    static let sameExportStructure = """
        title: Same export structure
        horizon: {first: 2030, last: 2032}
        price_year: 2024
        discount_rate: 0.08
        sectors:
          - {id: agriculture, perishable: true}
          - {id: textiles}
          - {id: machinery}
        countries:
          - code: UZ
            trade_totals:
              exports: {agriculture: 800, textiles: 150, machinery: 50}
              imports: {agriculture: 100, textiles: 200, machinery: 700}
          - code: KG
            trade_totals:
              exports: {agriculture: 80, textiles: 15, machinery: 5}
              imports: {agriculture: 10, textiles: 20, machinery: 70}
        regions:
          - id: a
            country: UZ
            sectors:
              - {sector: agriculture, output: 70}
              - {sector: textiles, output: 20}
              - {sector: machinery, output: 10}
          - id: b
            country: KG
            sectors:
              - {sector: agriculture, output: 60}
              - {sector: textiles, output: 25}
              - {sector: machinery, output: 15}
        links:
          - id: ab
            from: a
            to: b
            flows:
              - {sector: agriculture, direction: export, base_year: 2024, value: 20}
              - {sector: agriculture, direction: import, base_year: 2024, value: 15}
        zones:
          - id: z
            kind: cross_border_economic_zone
            regions: [a, b]
            stages:
              - {id: s1, start: 2030}
        """

    @Test func theSameExportStructureGivesLowComplementarityAndNoBorderTradeZone() throws {
        let scenario = try ScenarioLoader.loadOrThrow(text: Self.sameExportStructure, file: "same.yaml")
        let result = try Self.evaluator().evaluate(scenario, context: EvaluationContext(results: [:]))
        func value(_ metric: String, _ kind: ZoneKind) -> Double? { Self.value(result, metric, Dimensions(instrument: kind.rawValue, zone: "z")) }
        // Both countries export (0.8, 0.15, 0.05) and import (0.1, 0.2, 0.7). Either way
        // Σ|m − x| = 0.7 + 0.05 + 0.65 = 1.4, so the index is 100 · (1 − 1.4/2) = 30.
        // (The link-flow index this replaces gave 100 here: each direction lists one sector.)
        #expect(Self.close(Self.value(result, "complementarity", Dimensions(region: "a", country: "UZ", link: "ab", direction: "export", zone: "z")), 30))
        #expect(Self.close(Self.value(result, "complementarity", Dimensions(region: "b", country: "KG", link: "ab", direction: "import", zone: "z")), 30))
        #expect(Self.close(Self.value(result, "complementarity", Dimensions(zone: "z")), 30))
        // CBEZ: processing overlap min(0.2, 0.25) + min(0.1, 0.15) = 0.3 ≥ 0.15 (1), complementarity 30 < 40
        // (30/40 = 0.75) → score 0.875, not recommended. FEZ: overlap 0.3 ≥ 0.25 (1), 30/50 = 0.6, and no tax
        // rates so a fiscal capacity of 0 (0) → score 1.6/3 = 0.533333.
        #expect(value("recommended", .crossBorderEconomicZone) == 0)
        #expect(Self.close(value("kind_fit", .crossBorderEconomicZone), 0.875))
        #expect(value("recommended", .crossBorderFreeEconomicZone) == 0)
        #expect(Self.close(value("kind_fit", .crossBorderFreeEconomicZone), 1.6 / 3))
        // The book's kind for "practically similar comparative advantages" is the FTZ: similarity
        // min(0.7, 0.6) + min(0.2, 0.25) + min(0.1, 0.15) = 0.9 ≥ 0.7, and intra-industry trade
        // (35 − 5)/35 = 0.857 ≥ 0.3 → score 1, ranked first; the CBEZ second.
        #expect(value("kind_rank", .freeTradeZone) == 1)
        #expect(value("kind_rank", .crossBorderEconomicZone) == 2)
        #expect(value("kind_rank", .crossBorderFreeEconomicZone) == 3)
        let warning = try #require(result.findings.first { $0.kind == .warning }?.message)
        #expect(warning.contains("is a cross_border_economic_zone, but"))
        #expect(warning.contains("opportunities for border trade (complementarity 30 < 40)"))
        #expect(warning.contains("the data point to free_trade_zone"))
    }

    @Test func missingTotalsLeaveComplementarityUnmeasuredAndSaySo() throws {
        let text = Self.yaml.replacingOccurrences(
            of: """
                    trade_totals:
                      exports: {agriculture: 10, textiles: 60, machinery: 30}
                      imports: {agriculture: 100, textiles: 600, machinery: 300}

                """, with: "")
        try #require(text != Self.yaml)
        let scenario = try ScenarioLoader.loadOrThrow(text: text, file: "test.yaml")
        let result = try Self.evaluator().evaluate(scenario, context: EvaluationContext(results: [:]))
        // No complementarity row at all: not a number computed from half the data.
        #expect(!result.rows.contains { $0.metric == "complementarity" })
        let warning = try #require(result.findings.first { $0.kind == .warning && $0.message.contains("trade complementarity is not measured") })
        #expect(warning.message.contains("because KG give(s) no trade_totals"))
        #expect(warning.location != nil)
        // The CBEZ's rule is met on its processing overlap alone (score 1 over one tested criterion), so
        // it ranks below the FTZ, whose two criteria are both tested and met; the finding says what was not tested.
        #expect(Self.value(result, "kind_rank", Dimensions(instrument: "free_trade_zone", zone: "z")) == 1)
        #expect(Self.value(result, "kind_rank", Dimensions(instrument: "cross_border_economic_zone", zone: "z")) == 2)
        let recommendation = try #require(result.findings.first { $0.kind == .recommendation }?.message)
        #expect(recommendation.contains("best free_trade_zone"))
        #expect(recommendation.contains("cross_border_economic_zone (not tested: opportunities for border trade)"))
    }

    /// What a Table 2 design should give: the zone's complementarity and each kind's score, worked by
    /// hand from the shipped scenario (rounded, so compared within 0.01 and 0.001), and the ranking.
    struct Design: Sendable, CustomTestStringConvertible {
        var prefix: String
        var kind: ZoneKind
        var complementarity: Double
        var scores: [ZoneKind: Double]
        var ranking: [ZoneKind]
        var testDescription: String { prefix }
    }

    /// The book's Table 2 designs (chapter on international zones of economic cooperation): each
    /// file's prefix, the kind the book gives it, and the numbers worked by hand. Criteria: FTZ
    /// similarity ≥ 0.7, intra-industry ≥ 0.3; CBEZ processing overlap ≥ 0.15, complementarity ≥ 40;
    /// FEZ overlap ≥ 0.25, complementarity ≥ 50, weakest fiscal capacity ≥ 150; triangle 3 countries.
    static let tableTwo: [Design] = [
        // Surkhandarya–Khatlon (UZ, TJ; agriculture, food processing, trade services).
        // UZ → TJ: x = (1250, 600, 1100)/2950 = (0.4237, 0.2034, 0.3729), m = (200, 900, 400)/1500 = (0.1333, 0.6, 0.2667);
        //   Σ|m − x| = 0.2904 + 0.3966 + 0.1062 = 0.7932 → 60.34.
        // TJ → UZ: x = (150, 40, 150)/340 = (0.4412, 0.1176, 0.4412), m = (450, 1800, 1700)/3950 = (0.1139, 0.4557, 0.4304);
        //   Σ = 0.3273 + 0.3381 + 0.0108 = 0.6762 → 66.19. Mean 63.27.
        // FTZ: similarity 0.903, intra-industry (45 − 5 + 20 − 10)/65 = 0.769 → 1.
        // Processing overlap: food processing only, min(150/2100, 120/2220) = 0.0541.
        // CBEZ: (0.0541/0.15 = 0.3604 + 1)/2 = 0.6802. FEZ: (0.0541/0.25 = 0.2162 + 1 + fiscal min(337, 507) ≥ 150 → 1)/3 = 0.7387.
        Design(
            prefix: "surkhandarya-khatlon", kind: .freeTradeZone, complementarity: 63.27,
            scores: [.freeTradeZone: 1, .crossBorderEconomicZone: 0.6802, .crossBorderFreeEconomicZone: 0.7387, .growthTriangle: 0],
            ranking: [.freeTradeZone, .crossBorderFreeEconomicZone, .crossBorderEconomicZone, .growthTriangle]),
        // Tashkent–Sughd (UZ, TJ; textiles, food, building materials, electrical products).
        // UZ → TJ: x = (3200, 600, 350, 450)/4600 = (0.6957, 0.1304, 0.0761, 0.0978), m = (250, 900, 250, 350)/1750
        //   = (0.1429, 0.5143, 0.1429, 0.2); Σ = 0.5528 + 0.3839 + 0.0668 + 0.1022 = 1.1056 → 44.72.
        // TJ → UZ: x = (250, 40, 50, 10)/350 = (0.7143, 0.1143, 0.1429, 0.0286), m = (900, 1800, 700, 2800)/6200
        //   = (0.1452, 0.2903, 0.1129, 0.4516); Σ = 0.5691 + 0.1760 + 0.0300 + 0.4230 = 1.1982 → 40.09. Mean 42.41.
        // FTZ: similarity 0.769, intra-industry 0.516 → 1. CBEZ: overlap 0.769 (all four sectors processing), 42.41 ≥ 40 → 1.
        // FEZ: (1 + 42.41/50 = 0.8481 + weakest capacity 111.78/150 = 0.7452)/3 = 0.8644.
        // FTZ and CBEZ tie at 1: the deeper integration, the CBEZ, ranks first.
        Design(
            prefix: "tashkent-sughd", kind: .crossBorderEconomicZone, complementarity: 42.41,
            scores: [.freeTradeZone: 1, .crossBorderEconomicZone: 1, .crossBorderFreeEconomicZone: 0.8644, .growthTriangle: 0],
            ranking: [.crossBorderEconomicZone, .freeTradeZone, .crossBorderFreeEconomicZone, .growthTriangle]),
        // Andijan–Osh (UZ, KG; clothing, construction materials, paper, food, engineering, fruit and vegetables).
        // UZ → KG: x = (1300, 350, 40, 600, 900, 1200)/4390, m = (1500, 350, 100, 900, 3000, 200)/6050;
        //   Σ = |0.2479 − 0.2961| + |0.0579 − 0.0797| + |0.0165 − 0.0091| + |0.1488 − 0.1367| + |0.4959 − 0.2050| + |0.0331 − 0.2733|
        //   = 0.0482 + 0.0218 + 0.0074 + 0.0121 + 0.2909 + 0.2403 = 0.6207 → 68.96.
        // KG → UZ: x = (250, 40, 5, 120, 150, 200)/765, m = (300, 700, 400, 1800, 9000, 350)/12550;
        //   Σ = |0.0239 − 0.3268| + |0.0558 − 0.0523| + |0.0319 − 0.0065| + |0.1434 − 0.1569| + |0.7171 − 0.1961| + |0.0279 − 0.2614|
        //   = 0.3029 + 0.0035 + 0.0254 + 0.0135 + 0.5210 + 0.2335 = 1.0998 → 45.01. Mean 56.99.
        // FTZ: (similarity 0.5964/0.7 = 0.8519 + intra-industry 0.412 ≥ 0.3 → 1)/2 = 0.9260.
        // CBEZ: overlap 0.2656 ≥ 0.15, 56.99 ≥ 40 → 1. FEZ: 0.2656 ≥ 0.25, 56.99 ≥ 50, weakest capacity 165.7 ≥ 150 → 1.
        Design(
            prefix: "andijan-osh", kind: .crossBorderFreeEconomicZone, complementarity: 56.99,
            scores: [.freeTradeZone: 0.9260, .crossBorderEconomicZone: 1, .crossBorderFreeEconomicZone: 1, .growthTriangle: 0],
            ranking: [.crossBorderFreeEconomicZone, .crossBorderEconomicZone, .freeTradeZone, .growthTriangle]),
        // Fergana–Batken–Sughd (UZ, KG, TJ; agriculture and food, textiles, machinery), six ordered pairs:
        // UZ → KG: x = (2100, 3200, 500)/5800 = (0.3621, 0.5517, 0.0862), m = (1300, 1700, 1500)/4500 = (0.2889, 0.3778, 0.3333);
        //   Σ = 0.0732 + 0.1739 + 0.2471 = 0.4943 → 75.29.
        // KG → UZ: x = (450, 250, 80)/780 = (0.5769, 0.3205, 0.1026), m = (3500, 900, 4500)/8900 = (0.3933, 0.1011, 0.5056);
        //   Σ = 0.1836 + 0.2194 + 0.4031 = 0.8061 → 59.69.
        // UZ → TJ: m = (1300, 250, 500)/2050 = (0.6341, 0.1220, 0.2439); Σ = 0.2721 + 0.4298 + 0.1577 = 0.8596 → 57.02.
        // TJ → UZ: x = (350, 250, 10)/610 = (0.5738, 0.4098, 0.0164); Σ = 0.1805 + 0.3087 + 0.4892 = 0.9784 → 51.08.
        // KG → TJ: Σ = |0.6341 − 0.5769| + |0.1220 − 0.3205| + |0.2439 − 0.1026| = 0.0572 + 0.1985 + 0.1413 = 0.3971 → 80.14.
        // TJ → KG: Σ = |0.2889 − 0.5738| + |0.3778 − 0.4098| + |0.3333 − 0.0164| = 0.2849 + 0.0320 + 0.3169 = 0.6339 → 68.31.
        // Mean (75.29 + 59.69 + 57.02 + 51.08 + 80.14 + 68.31)/6 = 65.26.
        // Triangle: 3 countries → 1. CBEZ: overlap 0.2270 ≥ 0.15, 65.26 ≥ 40 → 1.
        // FTZ: (similarity 0.817 ≥ 0.7 → 1 + intra-industry 0.2588/0.3 = 0.8627)/2 = 0.9314.
        // FEZ: (0.2270/0.25 = 0.9080 + 1 + weakest capacity (KG) 68.35/150 = 0.4557)/3 = 0.7879.
        Design(
            prefix: "fergana-batken-sughd", kind: .growthTriangle, complementarity: 65.26,
            scores: [.freeTradeZone: 0.9314, .crossBorderEconomicZone: 1, .crossBorderFreeEconomicZone: 0.7879, .growthTriangle: 1],
            ranking: [.growthTriangle, .crossBorderEconomicZone, .freeTradeZone, .crossBorderFreeEconomicZone]),
    ]

    @Test(arguments: tableTwo)
    func tableTwoDesignGetsTheBooksKindRankedFirst(_ design: Design) throws {
        let path = try #require(
            shippedScenarios(variants: false).first { URL(fileURLWithPath: $0).lastPathComponent.hasPrefix(design.prefix) },
            "no scenario file Scenarios/\(design.prefix)-*.yaml")
        let scenario = try ScenarioLoader.loadOrThrow(file: path)
        let result = try Self.evaluator().evaluate(scenario, context: EvaluationContext(results: [:]))
        let zone = try #require(scenario.zones.first { $0.kind == design.kind }, "\(design.prefix) has no \(design.kind.rawValue)")
        let tc = try #require(Self.value(result, "complementarity", Dimensions(zone: zone.id)))
        #expect(abs(tc - design.complementarity) < 0.01, "complementarity \(tc)")
        for (kind, expected) in design.scores {
            let score = try #require(Self.value(result, "kind_fit", Dimensions(instrument: kind.rawValue, zone: zone.id)))
            #expect(abs(score - expected) < 0.001, "\(kind.rawValue): score \(score), worked by hand \(expected)")
        }
        for (position, kind) in design.ranking.enumerated() {
            #expect(Self.value(result, "kind_rank", Dimensions(instrument: kind.rawValue, zone: zone.id)) == Double(position + 1), "\(kind.rawValue)")
        }
        // The book's kind is recommended, ranked first, named as the best, and draws no warning.
        #expect(Self.value(result, "recommended", Dimensions(instrument: design.kind.rawValue, zone: zone.id)) == 1)
        #expect(design.ranking.first == design.kind)
        let recommendation = try #require(result.findings.first { $0.kind == .recommendation && $0.message.contains("zone '\(zone.id)'") })
        #expect(recommendation.message.contains("best \(design.kind.rawValue)"))
        #expect(!result.findings.contains { $0.kind == .warning && $0.message.contains("zone '\(zone.id)'") })
        // The scores rank the kinds: not all 0 or 1.
        #expect(design.scores.values.contains { $0 > 0 && $0 < 1 })
    }
}
