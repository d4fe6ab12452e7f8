import CoopZoneTestSupport
import CoopZoneCore
import Foundation
import Testing
@testable import ZoneFitEvaluator

/// The evaluator on a small two-region scenario, and on the book's four Table 2 designs.
struct ZoneFitEvaluatorTests {
    /// Two 3-sector regions: A (UZ) output 50/30/20 in agriculture/textiles/machinery → shares
    /// (0.5, 0.3, 0.2); B (KG) 40/20/40 → (0.4, 0.2, 0.4). Link A → B: A exports 30/20/50 and B
    /// imports from others 70/580/250, so B's imports are 100/600/300; B exports 10/60/30 to A (no
    /// other_imports given, so that direction's complementarity is not measured).
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
          - code: KG
            fiscal: {corporate_income_tax: 0.10, wage_tax: 0.20}
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
        // Complementarity of A's exports (0.3, 0.2, 0.5) with B's imports (0.1, 0.6, 0.3):
        // 100 · (1 − (0.2 + 0.4 + 0.2)/2) = 60; the import direction has no other_imports, so the zone's mean is 60.
        #expect(Self.close(Self.value(result, "complementarity",
                                      Dimensions(region: "a", country: "UZ", link: "ab", direction: "export", zone: "z")), 60))
        #expect(Self.close(Self.value(result, "complementarity", Dimensions(zone: "z")), 60))
        #expect(!result.rows.contains { $0.metric == "complementarity" && $0.dimensions.direction == "import" })
        // Grubel–Lloyd of X = (30, 20, 50), M = (10, 60, 30): 120/200 = 0.6.
        #expect(Self.close(Self.value(result, "intra_industry", Dimensions(link: "ab", zone: "z")), 0.6))
        #expect(Self.close(Self.value(result, "intra_industry", Dimensions(zone: "z")), 0.6))
        #expect(Self.value(result, "countries", Dimensions(zone: "z")) == 2)
        // Fiscal capacity: UZ 20000 jobs · 3.0/1000 = 60 · 0.25 = 15, plus output 100 · 0.10 · 0.20 = 2 → 17;
        // KG 20000 · 2.0/1000 = 40 · 0.20 = 8, plus 100 · 0.10 · 0.10 = 1 → 9.
        #expect(Self.close(Self.value(result, "fiscal_capacity", Dimensions(country: "UZ", zone: "z")), 17))
        #expect(Self.close(Self.value(result, "fiscal_capacity", Dimensions(country: "KG", zone: "z")), 9))
    }

    @Test func rulesRecommendKindsAndWarnAboutTheChosenOne() throws {
        let scenario = try ScenarioLoader.loadOrThrow(text: Self.yaml, file: "test.yaml")
        let result = try Self.evaluator().evaluate(scenario, context: EvaluationContext(results: [:]))
        func recommended(_ kind: ZoneKind) -> Double? { Self.value(result, "recommended", Dimensions(instrument: kind.rawValue, zone: "z")) }
        func fit(_ kind: ZoneKind) -> Double? { Self.value(result, "kind_fit", Dimensions(instrument: kind.rawValue, zone: "z")) }
        // FTZ: similarity 0.8 ≥ 0.7 and intra-industry 0.6 ≥ 0.3 → both met.
        #expect(recommended(.freeTradeZone) == 1)
        #expect(fit(.freeTradeZone) == 1)
        // CBEZ: processing overlap 0.4 ≥ 0.15 and complementarity 60 ≥ 40 → met.
        #expect(recommended(.crossBorderEconomicZone) == 1)
        // FEZ: overlap 0.4 ≥ 0.25, complementarity 60 ≥ 50, but the weakest side's capacity 9 < 150 → 2 of 3.
        #expect(recommended(.crossBorderFreeEconomicZone) == 0)
        #expect(Self.close(fit(.crossBorderFreeEconomicZone), 2.0 / 3))
        // Growth triangle: 2 countries < 3 → 0 of 1.
        #expect(recommended(.growthTriangle) == 0)
        #expect(fit(.growthTriangle) == 0)
        // The chosen kind is the FEZ: fit_score 2/3, a warning naming the unmet criterion, and a
        // recommendation naming the CBEZ and the FTZ.
        #expect(Self.close(result.headlines.first { $0.metric == "fit_score" }?.value, 2.0 / 3))
        #expect(Self.close(result.headlines.first { $0.metric == "similarity_mean" }?.value, 0.8))
        let warning = result.findings.first { $0.kind == .warning }
        #expect(warning?.message.contains("public finance") == true)
        #expect(warning?.message.contains("cross_border_economic_zone, free_trade_zone") == true)
        let recommendation = result.findings.first { $0.kind == .recommendation }
        #expect(recommendation?.message.contains("recommended cross_border_economic_zone") == true)

        // With a capacity threshold of 5 (below both sides' 17 and 9) the FEZ is recommended; no warning.
        let lower = try Self.evaluator(["fez_fiscal_capacity_min": 5]).evaluate(scenario, context: EvaluationContext(results: [:]))
        #expect(Self.value(lower, "recommended", Dimensions(instrument: "cross_border_free_economic_zone", zone: "z")) == 1)
        #expect(!lower.findings.contains { $0.kind == .warning })
        #expect(lower.headlines.first { $0.metric == "fit_score" }?.value == 1)
    }

    /// The book's Table 2 designs [004:L1549-1568]: file name prefix and the kind the book gives.
    static let tableTwo: [(prefix: String, kind: ZoneKind)] = [
        ("surkhandarya-khatlon", .freeTradeZone),
        ("tashkent-sughd", .crossBorderEconomicZone),
        ("andijan-osh", .crossBorderFreeEconomicZone),
        ("fergana-batken-sughd", .growthTriangle),
    ]

    @Test(arguments: tableTwo.map(\.prefix))
    func tableTwoDesignGetsItsOwnKindOrAnExplanation(prefix: String) throws {
        let kind = try #require(Self.tableTwo.first { $0.prefix == prefix }?.kind)
        let path = try #require(shippedScenarios(variants: false).first { URL(fileURLWithPath: $0).lastPathComponent.hasPrefix(prefix) },
                                "no scenario file Scenarios/\(prefix)-*.yaml")
        let name = URL(fileURLWithPath: path).lastPathComponent
        let scenario = try ScenarioLoader.loadOrThrow(file: path)
        let result = try Self.evaluator().evaluate(scenario, context: EvaluationContext(results: [:]))
        let zone = try #require(scenario.zones.first { $0.kind == kind }, "\(name) has no \(kind.rawValue)")
        let recommended = Self.value(result, "recommended", Dimensions(instrument: kind.rawValue, zone: zone.id))
        let recommendation = result.findings.first { $0.kind == .recommendation && $0.message.contains("zone '\(zone.id)'") }
        #expect(recommendation != nil, "\(name): no recommendation finding")
        if recommended == 1 {
            #expect(recommendation?.message.contains(kind.rawValue) == true)
            #expect(!result.findings.contains { $0.kind == .warning && $0.message.contains("zone '\(zone.id)'") })
        } else {
            // Not recommended: a warning must say why, naming the kind and the rule it fails.
            let warning = result.findings.first { $0.kind == .warning && $0.message.contains("zone '\(zone.id)'") }
            #expect(warning?.message.contains("is a \(kind.rawValue), but") == true, "\(name): no explanation")
        }
        print("\(name): " + result.findings.filter { $0.kind != .info }.map { "[\($0.kind.rawValue)] \($0.message)" }.joined(separator: "\n  "))
    }
}
