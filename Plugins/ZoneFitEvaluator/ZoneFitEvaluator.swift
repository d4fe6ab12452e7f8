import CoopZoneCore
import Foundation

/// The `zone_fit` evaluator: the book's rules for choosing a kind of cross-border zone, made
/// measurable. For each zone it measures the structural similarity and the processing-industry
/// overlap of the member regions, the trade complementarity of the countries' total trade (Michaely)
/// and the intra-industry trade on the zone's links, the number of countries and each side's fiscal
/// capacity; scores each kind's rule against thresholds, ranks the kinds and recommends the best,
/// with the reasons, warning where the scenario's chosen kind is not recommended.
/// Reads the scenario only. See Docs/methodology/zone_fit.md.
public struct ZoneFitEvaluator: Evaluator {
    /// The evaluator's parameters (names as in the scenario's `evaluators` overrides).
    public struct Parameters: ParameterSet {
        /// The defaults.
        public init() {}

        /// Border FTZ: least similarity.
        public var ftzSimilarityMin = 0.70
        /// Border FTZ: least intra-industry (Grubel–Lloyd) index.
        public var ftzIntraIndustryMin = 0.30
        /// CBEZ: least processing overlap.
        public var cbezProcessingMin = 0.15
        /// CBEZ: least complementarity (0–100).
        public var cbezComplementarityMin = 40.0
        /// Cross-border FEZ: least processing overlap.
        public var fezProcessingMin = 0.25
        /// Cross-border FEZ: least complementarity (0–100).
        public var fezComplementarityMin = 50.0
        /// Cross-border FEZ: least fiscal capacity of the weakest side, USD m a year.
        public var fezFiscalCapacityMin = 150.0
        /// Growth triangle: least number of countries.
        public var triangleMinCountries = 3.0
        /// Taxable profit as a share of output (fiscal capacity proxy).
        public var profitMargin = 0.10
    }

    /// The order in which kinds are recommended: the deepest integration first.
    public static let kindOrder: [ZoneKind] = [.growthTriangle, .crossBorderFreeEconomicZone, .crossBorderEconomicZone, .freeTradeZone]

    /// The parameters in use.
    public let parameters: Parameters

    /// Creates the evaluator.
    public init(parameters: Parameters) throws {
        self.parameters = parameters
    }

    /// The rows it may write: its descriptor's metrics.
    static let rows = RowTable(descriptor)

    /// Tests every kind's rule against a zone's profile, in `kindOrder`; without `describe`, the
    /// criteria carry no detail text (only their outcomes).
    func assess(_ profile: ZoneProfile, describe: Bool = true) -> [KindAssessment] {
        let p = parameters
        let noShares = "a member region gives neither sector shares nor outputs"
        let noTrade = "complementarity is not measured: a country of the zone gives no trade_totals, or the zone has no link across a border"
        let noTwoWay = "no link of the zone gives sector flows in both directions"
        typealias C = KindAssessment.Criterion
        return Self.kindOrder.map { kind in
            let criteria: [C]
            switch kind {
            case .freeTradeZone:
                criteria = [
                    C(
                        "similar comparative advantages", measure: "similarity", value: profile.similarity, atLeast: p.ftzSimilarityMin, missing: noShares,
                        describe: describe),
                    C(
                        "differentiated products within the same industries", measure: "intra-industry trade",
                        value: profile.intraIndustryIndex, atLeast: p.ftzIntraIndustryMin, missing: noTwoWay, describe: describe),
                ]
            case .crossBorderEconomicZone:
                criteria = [
                    C(
                        "room for joint processing industries", measure: "processing overlap", value: profile.processingOverlap,
                        atLeast: p.cbezProcessingMin, missing: noShares, describe: describe),
                    C(
                        "opportunities for border trade", measure: "complementarity", value: profile.meanComplementarity,
                        atLeast: p.cbezComplementarityMin, missing: noTrade, describe: describe),
                ]
            case .crossBorderFreeEconomicZone:
                criteria = [
                    C(
                        "intra-industry cooperation in joint clusters", measure: "processing overlap", value: profile.processingOverlap,
                        atLeast: p.fezProcessingMin, missing: noShares, describe: describe),
                    C(
                        "inter-industry cooperation", measure: "complementarity", value: profile.meanComplementarity,
                        atLeast: p.fezComplementarityMin, missing: noTrade, describe: describe),
                    C(
                        "public finance for the infrastructure", measure: "fiscal capacity of the weakest side (USD m/yr)",
                        value: profile.weakestFiscalCapacity, atLeast: p.fezFiscalCapacityMin,
                        missing: "a side's regions give neither wages with employment nor outputs", describe: describe),
                ]
            case .growthTriangle:
                criteria = [
                    C(
                        "a junction of three countries", measure: "countries", value: Double(profile.countries.count),
                        atLeast: p.triangleMinCountries, missing: "", graded: false, describe: describe)
                ]
            }
            return KindAssessment(kind: kind, criteria: criteria)
        }
    }

    /// Measures every zone of `scenario`, tests the rules and recommends kinds.
    public func evaluate(_ scenario: Scenario, context: EvaluationContext) throws -> EvaluationResult {
        var b = ResultBuilder(Self.descriptor)
        var w = Self.rows.writer()
        // The findings (and the detail texts behind them) are only built when they are kept: a
        // Monte Carlo draw keeps none.
        let findings = FindingsSwitch.enabled
        let processing = SectorClass.processingFlags(scenario.sectors)
        var fitTotal = 0.0
        var similarityTotal = 0.0, similarityCount = 0

        for zone in scenario.zones {
            let profile = ZoneProfile(
                zone: zone, scenario: scenario, processing: processing,
                profitMargin: parameters.profitMargin)
            let z = zone.id
            w.add(Metrics.countries, year: nil, Dimensions(zone: z), Double(profile.countries.count))
            if let s = profile.similarity {
                w.add(Metrics.similarity, year: nil, Dimensions(zone: z), s)
                similarityTotal += s
                similarityCount += 1
            }
            if let o = profile.processingOverlap { w.add(Metrics.processingOverlap, year: nil, Dimensions(zone: z), o) }
            for (i, region) in profile.members.enumerated() {
                if let s = profile.memberMean(i, { $0.similarity }) {
                    w.add(Metrics.similarity, year: nil, Dimensions(region: region.id, zone: z), s)
                }
                if let o = profile.memberMean(i, { $0.processingOverlap }) {
                    w.add(Metrics.processingOverlap, year: nil, Dimensions(region: region.id, zone: z), o)
                }
            }
            for c in profile.complementarity {
                w.add(
                    Metrics.complementarity, year: nil,
                    Dimensions(region: c.exporterRegion, country: c.exporterCountry, link: c.link, direction: c.direction.rawValue, zone: z), c.value)
            }
            if let tc = profile.meanComplementarity { w.add(Metrics.complementarity, year: nil, Dimensions(zone: z), tc) }
            for link in profile.intraIndustry where link.total > 0 {
                w.add(Metrics.intraIndustry, year: nil, Dimensions(link: link.link, zone: z), link.matched / link.total)
            }
            if let gl = profile.intraIndustryIndex { w.add(Metrics.intraIndustry, year: nil, Dimensions(zone: z), gl) }
            for side in profile.fiscalCapacity {
                if let value = side.value { w.add(Metrics.fiscalCapacity, year: nil, Dimensions(country: side.country, zone: z), value) }
            }

            let assessments = assess(profile, describe: findings)
            let ranking = KindAssessment.ranked(assessments, order: Self.kindOrder)
            for a in assessments {
                let dims = Dimensions(instrument: a.kind.rawValue, zone: z)
                w.add(Metrics.kindFit, year: nil, dims, a.fit)
                w.add(Metrics.recommended, year: nil, dims, a.isRecommended ? 1 : 0)
                w.add(Metrics.kindRank, year: nil, dims, Double((ranking.firstIndex { $0.kind == a.kind } ?? 0) + 1))
            }
            let chosen = assessments.first { $0.kind == zone.kind }
            fitTotal += chosen?.fit ?? 0
            if findings { report(zone: zone, scenario: scenario, profile: profile, ranking: ranking, chosen: chosen, into: &b) }
        }

        let zoneCount = scenario.zones.count
        try b.headline(Metrics.fitScore, zoneCount > 0 ? fitTotal / Double(zoneCount) : 0)
        if similarityCount > 0 { try b.headline(Metrics.similarityMean, similarityTotal / Double(similarityCount)) }

        b.finding(
            .info,
            {
                let named = scenario.sectors.enumerated().filter { processing[$0.offset] }.map(\.element.id)
                return "processing sectors, read from the sectors' ids and names: "
                    + (named.isEmpty ? "none" : named.joined(separator: ", "))
                    + "; the others count as primary or other (services, construction, energy)"
            }())
        return try w.result(b)
    }

    /// The findings of one zone: the best kind and the ranking with the reasons, a warning where
    /// the chosen kind is not recommended, and what could not be measured.
    private func report(
        zone: Zone, scenario: Scenario, profile: ZoneProfile, ranking: [KindAssessment], chosen: KindAssessment?,
        into b: inout ResultBuilder
    ) {
        let label = "zone '\(zone.id)' (\(zone.name))"
        let recommended = ranking.filter(\.isRecommended)
        let scores = "ranking by score: " + ranking.map { "\($0.kind.rawValue) \(format(KindAssessment.Criterion.rounded($0.fit)))" }.joined(separator: ", ")
        if let best = recommended.first {
            var text = "\(label): best \(best.kind.rawValue) — " + best.describe(.met).joined(separator: "; ")
            let unknown = best.describe(.unknown)
            if !unknown.isEmpty { text += " (not tested: " + unknown.joined(separator: "; ") + ")" }
            let others = recommended.dropFirst().map { a -> String in
                let unknown = a.criteria.filter { $0.outcome == .unknown }.map(\.label)
                return a.kind.rawValue + (unknown.isEmpty ? "" : " (not tested: " + unknown.joined(separator: "; ") + ")")
            }
            if !others.isEmpty { text += "; the rule of " + others.joined(separator: ", ") + " is also met" }
            b.finding(.recommendation, text + "; " + scores, at: zone.location)
        } else {
            var text = "\(label): no kind meets every criterion of its rule"
            if let best = ranking.first {
                text += "; closest is \(best.kind.rawValue)"
                let unmet = best.describe(.unmet)
                if !unmet.isEmpty { text += " (not met: " + unmet.joined(separator: "; ") + ")" }
            }
            b.finding(.recommendation, text + "; " + scores, at: zone.location)
        }

        if let chosen, !chosen.isRecommended {
            let unmet = chosen.describe(.unmet)
            let why =
                unmet.isEmpty
                ? "none of its criteria can be tested with the scenario's data (" + chosen.describe(.unknown).joined(separator: "; ") + ")"
                : "its data do not meet the book's rule for it: " + unmet.joined(separator: "; ")
            let instead = recommended.isEmpty ? "no kind's rule is fully met" : "the data point to " + recommended.map(\.kind.rawValue).joined(separator: ", ")
            b.finding(.warning, "\(label) is a \(zone.kind.rawValue), but \(why); \(instead)", at: zone.location)
        }
        let withoutTotals = profile.countriesWithoutTotals(in: scenario)
        if !withoutTotals.isEmpty {
            b.finding(
                .warning,
                "\(label): trade complementarity is not measured, because \(withoutTotals.joined(separator: ", ")) give(s) no trade_totals; "
                    + "the complementarity criteria of the cross-border economic zone and the cross-border FEZ are not tested. "
                    + "Add countries[].trade_totals with exports and imports by sector (with all partners)", at: zone.location)
        } else if profile.countryPairs.isEmpty {
            b.finding(
                .warning, "\(label): trade complementarity is not measured, because no link of the scenario joins two of its members across a border",
                at: zone.location)
        } else if let pair = profile.countryPairs.first(where: { $0.value == nil }) {
            b.finding(
                .warning,
                "\(label): trade complementarity is not measured for \(pair.exporter) → \(pair.importer): "
                    + "the exporter's exports or the importer's imports of the scenario's sectors sum to 0", at: zone.location)
        }
        if !profile.linksWithoutStructure.isEmpty {
            b.finding(
                .info,
                "\(label): link(s) \(profile.linksWithoutStructure.joined(separator: ", ")) give no sector flows in both directions, "
                    + "so their intra-industry trade is not measured", at: zone.location)
        }
        let missing = profile.members.enumerated().filter { profile.shares[$0.offset] == nil }.map(\.element.id)
        if !missing.isEmpty {
            b.finding(
                .info, "\(label): region(s) \(missing.joined(separator: ", ")) give neither sector shares nor outputs, so their structure is unknown",
                at: zone.location)
        }
    }
}
