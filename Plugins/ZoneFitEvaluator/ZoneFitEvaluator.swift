import CoopZoneCore
import Foundation

/// The `zone_fit` evaluator: the book's rules for choosing a kind of cross-border zone
/// (Logistics & Diplomacy in Central Asia, 2022, zones chapter), made measurable. For each zone it measures the structural similarity and the
/// processing-industry overlap of the member regions, the trade complementarity and intra-industry
/// trade on the zone's links, the number of countries and each side's fiscal capacity; tests each
/// kind's rule against thresholds; and recommends the kinds whose rule the data meet, with the
/// reasons, warning where the scenario's chosen kind is not among them.
/// Reads the scenario only. See Docs/methodology/zone_fit.md.
public struct ZoneFitEvaluator: Evaluator {
    /// The evaluator's parameters (names as in the scenario's `evaluators` overrides).
    public struct Parameters: Decodable, Sendable {
        /// Border FTZ: least similarity.
        public var ftzSimilarityMin: Double
        /// Border FTZ: least intra-industry (Grubel–Lloyd) index.
        public var ftzIntraIndustryMin: Double
        /// CBEZ: least processing overlap.
        public var cbezProcessingMin: Double
        /// CBEZ: least complementarity (0–100).
        public var cbezComplementarityMin: Double
        /// Cross-border FEZ: least processing overlap.
        public var fezProcessingMin: Double
        /// Cross-border FEZ: least complementarity (0–100).
        public var fezComplementarityMin: Double
        /// Cross-border FEZ: least fiscal capacity of the weakest side, USD m a year.
        public var fezFiscalCapacityMin: Double
        /// Growth triangle: least number of countries.
        public var triangleMinCountries: Double
        /// Taxable profit as a share of output (fiscal capacity proxy).
        public var profitMargin: Double

        enum CodingKeys: String, CodingKey {
            case ftzSimilarityMin = "ftz_similarity_min"
            case ftzIntraIndustryMin = "ftz_intra_industry_min"
            case cbezProcessingMin = "cbez_processing_min"
            case cbezComplementarityMin = "cbez_complementarity_min"
            case fezProcessingMin = "fez_processing_min"
            case fezComplementarityMin = "fez_complementarity_min"
            case fezFiscalCapacityMin = "fez_fiscal_capacity_min"
            case triangleMinCountries = "triangle_min_countries"
            case profitMargin = "profit_margin"
        }

        /// Creates parameters; the defaults are the descriptor's.
        public init(ftzSimilarityMin: Double = 0.70, ftzIntraIndustryMin: Double = 0.30, cbezProcessingMin: Double = 0.15,
                    cbezComplementarityMin: Double = 40, fezProcessingMin: Double = 0.25, fezComplementarityMin: Double = 50,
                    fezFiscalCapacityMin: Double = 150, triangleMinCountries: Double = 3, profitMargin: Double = 0.10) {
            self.ftzSimilarityMin = ftzSimilarityMin
            self.ftzIntraIndustryMin = ftzIntraIndustryMin
            self.cbezProcessingMin = cbezProcessingMin
            self.cbezComplementarityMin = cbezComplementarityMin
            self.fezProcessingMin = fezProcessingMin
            self.fezComplementarityMin = fezComplementarityMin
            self.fezFiscalCapacityMin = fezFiscalCapacityMin
            self.triangleMinCountries = triangleMinCountries
            self.profitMargin = profitMargin
        }
    }

    /// The order in which kinds are recommended: the deepest integration first.
    public static let kindOrder: [ZoneKind] = [.growthTriangle, .crossBorderFreeEconomicZone, .crossBorderEconomicZone, .freeTradeZone]

    /// The parameters in use.
    public let parameters: Parameters

    /// Creates the evaluator.
    public init(parameters: Parameters) throws {
        self.parameters = parameters
    }

    /// The metrics this evaluator writes rows of, by position (see `M`).
    static let rowMetrics = RowMetrics(descriptor, ["countries", "similarity", "processing_overlap", "complementarity", "intra_industry",
                                                    "fiscal_capacity", "kind_fit", "recommended"])

    /// Positions in `rowMetrics`.
    enum M {
        static let countries = 0, similarity = 1, processingOverlap = 2, complementarity = 3, intraIndustry = 4, fiscalCapacity = 5
        static let kindFit = 6, recommended = 7
    }

    /// Tests every kind's rule against a zone's profile, in `kindOrder`; without `describe`, the
    /// criteria carry no detail text (only their outcomes).
    func assess(_ profile: ZoneProfile, describe: Bool = true) -> [KindAssessment] {
        let p = parameters
        let noShares = "a member region gives neither sector shares nor outputs"
        let noTrade = "no link of the zone gives sector flows with the importer's other_imports"
        let noTwoWay = "no link of the zone gives sector flows in both directions"
        typealias C = KindAssessment.Criterion
        return Self.kindOrder.map { kind in
            let criteria: [C]
            switch kind {
            case .freeTradeZone:
                criteria = [
                    C("similar comparative advantages", measure: "similarity", value: profile.similarity, atLeast: p.ftzSimilarityMin, missing: noShares, describe: describe),
                    C("differentiated products within the same industries", measure: "intra-industry trade",
                      value: profile.intraIndustryIndex, atLeast: p.ftzIntraIndustryMin, missing: noTwoWay, describe: describe),
                ]
            case .crossBorderEconomicZone:
                criteria = [
                    C("room for joint processing industries", measure: "processing overlap", value: profile.processingOverlap,
                      atLeast: p.cbezProcessingMin, missing: noShares, describe: describe),
                    C("opportunities for border trade", measure: "complementarity", value: profile.meanComplementarity,
                      atLeast: p.cbezComplementarityMin, missing: noTrade, describe: describe),
                ]
            case .crossBorderFreeEconomicZone:
                criteria = [
                    C("intra-industry cooperation in joint clusters", measure: "processing overlap", value: profile.processingOverlap,
                      atLeast: p.fezProcessingMin, missing: noShares, describe: describe),
                    C("inter-industry cooperation", measure: "complementarity", value: profile.meanComplementarity,
                      atLeast: p.fezComplementarityMin, missing: noTrade, describe: describe),
                    C("public finance for the infrastructure", measure: "fiscal capacity of the weakest side (USD m/yr)",
                      value: profile.weakestFiscalCapacity, atLeast: p.fezFiscalCapacityMin,
                      missing: "a side's regions give neither wages with employment nor outputs", describe: describe),
                ]
            case .growthTriangle:
                criteria = [
                    C("a junction of three countries", measure: "countries", value: Double(profile.countries.count),
                      atLeast: p.triangleMinCountries, missing: "", describe: describe),
                ]
            }
            return KindAssessment(kind: kind, criteria: criteria)
        }
    }

    /// Measures every zone of `scenario`, tests the rules and recommends kinds.
    public func evaluate(_ scenario: Scenario, context: EvaluationContext) throws -> EvaluationResult {
        var b = ResultBuilder(Self.descriptor)
        var w = try Self.rowMetrics.writer()
        // The findings (and the detail texts behind them) are only built when they are kept: a
        // Monte Carlo draw keeps none.
        let findings = FindingsSwitch.enabled
        let processing = SectorClass.processingFlags(scenario.sectors)
        var fitTotal = 0.0
        var similarityTotal = 0.0, similarityCount = 0

        for zone in scenario.zones {
            let profile = ZoneProfile(zone: zone, scenario: scenario, processing: processing,
                                      profitMargin: parameters.profitMargin)
            let z = zone.id
            w.add(M.countries, year: nil, Dimensions(zone: z), Double(profile.countries.count))
            if let s = profile.similarity {
                w.add(M.similarity, year: nil, Dimensions(zone: z), s)
                similarityTotal += s
                similarityCount += 1
            }
            if let o = profile.processingOverlap { w.add(M.processingOverlap, year: nil, Dimensions(zone: z), o) }
            for (i, region) in profile.members.enumerated() {
                if let s = profile.memberMean(i, { $0.similarity }) {
                    w.add(M.similarity, year: nil, Dimensions(region: region.id, zone: z), s)
                }
                if let o = profile.memberMean(i, { $0.processingOverlap }) {
                    w.add(M.processingOverlap, year: nil, Dimensions(region: region.id, zone: z), o)
                }
            }
            for c in profile.complementarity {
                w.add(M.complementarity, year: nil,
                          Dimensions(region: c.exporterRegion, country: c.exporterCountry, link: c.link, direction: c.direction.rawValue, zone: z), c.value)
            }
            if let tc = profile.meanComplementarity { w.add(M.complementarity, year: nil, Dimensions(zone: z), tc) }
            for link in profile.intraIndustry where link.total > 0 {
                w.add(M.intraIndustry, year: nil, Dimensions(link: link.link, zone: z), link.matched / link.total)
            }
            if let gl = profile.intraIndustryIndex { w.add(M.intraIndustry, year: nil, Dimensions(zone: z), gl) }
            for side in profile.fiscalCapacity {
                if let value = side.value { w.add(M.fiscalCapacity, year: nil, Dimensions(country: side.country, zone: z), value) }
            }

            let assessments = assess(profile, describe: findings)
            for a in assessments {
                let dims = Dimensions(instrument: a.kind.rawValue, zone: z)
                w.add(M.kindFit, year: nil, dims, a.fit)
                w.add(M.recommended, year: nil, dims, a.isRecommended ? 1 : 0)
            }
            let chosen = assessments.first { $0.kind == zone.kind }
            fitTotal += chosen?.fit ?? 0
            if findings { report(zone: zone, profile: profile, assessments: assessments, chosen: chosen, into: &b) }
        }

        let zoneCount = scenario.zones.count
        try b.headline("fit_score", zoneCount > 0 ? fitTotal / Double(zoneCount) : 0)
        if similarityCount > 0 { try b.headline("similarity_mean", similarityTotal / Double(similarityCount)) }

        b.finding(.info, {
            let named = scenario.sectors.enumerated().filter { processing[$0.offset] }.map(\.element.id)
            return "processing sectors, read from the sectors' ids and names: "
                + (named.isEmpty ? "none" : named.joined(separator: ", "))
                + "; the others count as primary or other (services, construction, energy)"
        }())
        return w.result(b)
    }

    /// The findings of one zone: the recommendation with its reasons, and a warning where the
    /// chosen kind is not recommended.
    private func report(zone: Zone, profile: ZoneProfile, assessments: [KindAssessment], chosen: KindAssessment?,
                        into b: inout ResultBuilder) {
        let label = "zone '\(zone.id)' (\(zone.name))"
        let recommended = assessments.filter(\.isRecommended)
        if recommended.isEmpty {
            let best = assessments.max { $0.fit < $1.fit }
            var text = "\(label): no kind meets every criterion of its rule"
            if let best {
                text += "; closest is \(best.kind.rawValue) (\(format(KindAssessment.Criterion.rounded(best.fit))) of its criteria met"
                let unmet = best.describe(.unmet)
                if !unmet.isEmpty { text += "; not met: " + unmet.joined(separator: "; ") }
                text += ")"
            }
            b.finding(.recommendation, text, at: zone.location)
        } else {
            let parts = recommended.map { a -> String in
                var text = "\(a.kind.rawValue) — " + a.describe(.met).joined(separator: "; ")
                let unknown = a.describe(.unknown)
                if !unknown.isEmpty { text += " (not tested: " + unknown.joined(separator: "; ") + ")" }
                return text
            }
            b.finding(.recommendation, "\(label): recommended " + parts.joined(separator: " | "), at: zone.location)
        }

        guard let chosen else { return }
        if !chosen.isRecommended {
            let unmet = chosen.describe(.unmet)
            let why = unmet.isEmpty ? "none of its criteria can be tested with the scenario's data (" + chosen.describe(.unknown).joined(separator: "; ") + ")"
                : "its data do not meet the book's rule for it: " + unmet.joined(separator: "; ")
            let instead = recommended.isEmpty ? "no kind's rule is fully met" : "the data point to " + recommended.map(\.kind.rawValue).joined(separator: ", ")
            b.finding(.warning, "\(label) is a \(zone.kind.rawValue), but \(why); \(instead)", at: zone.location)
        }
        if !profile.linksWithoutStructure.isEmpty {
            b.finding(.info, "\(label): link(s) \(profile.linksWithoutStructure.joined(separator: ", ")) give no sector flows with other_imports or in both directions, "
                      + "so their complementarity and intra-industry trade are not measured", at: zone.location)
        }
        let missing = profile.members.enumerated().filter { profile.shares[$0.offset] == nil }.map(\.element.id)
        if !missing.isEmpty {
            b.finding(.info, "\(label): region(s) \(missing.joined(separator: ", ")) give neither sector shares nor outputs, so their structure is unknown",
                      at: zone.location)
        }
    }
}
