import CoopZoneCore

/// The measurable features of one zone: the member regions' sector structures, their trade on the
/// zone's links, the number of countries and the fiscal capacity of each side.
/// See Docs/methodology/zone_fit.md.
struct ZoneProfile {
    /// A pair of member regions in different countries.
    struct Pair {
        var a: Int
        var b: Int
        var similarity: Double?
        var processingOverlap: Double?
    }

    /// Trade complementarity of one direction of a link.
    struct Complementarity {
        var link: String
        var direction: FlowDirection
        /// The exporting end: a region id, or a country code.
        var exporter: String
        var exporterRegion: String?
        var exporterCountry: String?
        var value: Double
    }

    /// Trade complementarity of one ordered pair of the zone's countries, from their totals.
    struct CountryPair {
        var exporter: String
        var importer: String
        /// `nil` when a side gives no `trade_totals`, or trades none of the scenario's sectors.
        var value: Double?
    }

    /// Intra-industry trade on one link.
    struct IntraIndustry {
        var link: String
        var matched: Double
        var total: Double
    }

    /// The member regions, in the zone's order.
    let members: [Region]
    /// The distinct countries of the members, in order of first appearance.
    let countries: [String]
    /// Sector shares of each member (by scenario sector index), or `nil` without sector data.
    let shares: [[Double]?]
    /// How each member's shares were found ("share", "output").
    let shareSources: [String?]
    /// Cross-country pairs of members.
    let pairs: [Pair]
    /// Complementarity by link and direction, where both countries give trade totals.
    let complementarity: [Complementarity]
    /// The ordered country pairs (exporter, importer) on the zone's links, each once.
    let countryPairs: [CountryPair]
    /// Intra-industry trade by link, where trade goes both ways.
    let intraIndustry: [IntraIndustry]
    /// Links of the zone without sector flows in both directions (intra-industry trade not measured).
    let linksWithoutStructure: [String]
    /// Fiscal capacity by side (country code, USD m a year); `nil` where no region of the side has data.
    let fiscalCapacity: [(country: String, value: Double?)]

    /// The mean of the pairs' similarity, where known.
    var similarity: Double? { Self.mean(pairs, \.similarity) }
    /// The mean of the pairs' processing overlap, where known.
    var processingOverlap: Double? { Self.mean(pairs, \.processingOverlap) }
    /// The mean complementarity over the ordered country pairs on the zone's links; `nil` unless
    /// every pair is measured (a partial mean would hide the side that gives no totals).
    var meanComplementarity: Double? {
        countryPairs.allSatisfy { $0.value != nil } ? Self.mean(countryPairs, \.value) : nil
    }
    /// The countries among the zone's pairs that give no trade totals.
    func countriesWithoutTotals(in scenario: Scenario) -> [String] {
        var codes: [String] = []
        for pair in countryPairs {
            for code in [pair.exporter, pair.importer] where scenario.country(code)?.tradeTotals == nil && !codes.contains(code) {
                codes.append(code)
            }
        }
        return codes
    }
    /// The aggregate Grubel–Lloyd index over the zone's links with two-way trade.
    var intraIndustryIndex: Double? {
        let total = intraIndustry.reduce(0) { $0 + $1.total }
        return total > 0 ? intraIndustry.reduce(0) { $0 + $1.matched } / total : nil
    }
    /// The weakest side's fiscal capacity, when every side has one.
    var weakestFiscalCapacity: Double? {
        let values = fiscalCapacity.compactMap(\.value)
        return values.count == fiscalCapacity.count ? values.min() : nil
    }

    /// The mean similarity (or processing overlap) of member `i` with its partners across borders.
    func memberMean(_ i: Int, _ value: (Pair) -> Double?) -> Double? {
        Self.mean(pairs) { $0.a == i || $0.b == i ? value($0) : nil }
    }

    init(zone: Zone, scenario: Scenario, processing: [Bool], profitMargin: Double) {
        let sectors = scenario.sectors
        /// The index of the first sector with id `id` (a scan of the scenario's short list).
        func sectorIndex(_ id: String) -> Int? {
            for i in sectors.indices where sectors[i].id == id { return i }
            return nil
        }
        let members = zone.regions.compactMap { scenario.region($0) }
        self.members = members
        var countries: [String] = []
        for region in members where !countries.contains(region.country) { countries.append(region.country) }
        self.countries = countries

        // Sector shares: the regions' `share`s when every listed sector gives one, else output shares.
        let sectorCount = scenario.sectors.count
        var shares: [[Double]?] = []
        var sources: [String?] = []
        for region in members {
            var byShare = [Double](repeating: 0, count: sectorCount)
            var byOutput = [Double](repeating: 0, count: sectorCount)
            var allShares = !region.sectors.isEmpty
            var outputTotal = 0.0
            for item in region.sectors {
                guard let s = sectorIndex(item.sector) else { continue }
                if let q = item.share { byShare[s] += scenario[q] } else { allShares = false }
                if let q = item.output {
                    byOutput[s] += scenario[q]
                    outputTotal += scenario[q]
                }
            }
            if allShares {
                shares.append(byShare)
                sources.append("share")
            } else if outputTotal > 0 {
                shares.append(byOutput.map { $0 / outputTotal })
                sources.append("output")
            } else {
                shares.append(nil)
                sources.append(nil)
            }
        }
        self.shares = shares
        shareSources = sources

        var pairs: [Pair] = []
        for i in members.indices {
            for j in members.indices where j > i && members[i].country != members[j].country {
                var pair = Pair(a: i, b: j)
                if let a = shares[i], let b = shares[j] {
                    pair.similarity = StructureIndex.fingerKreinin(a, b)
                    pair.processingOverlap = StructureIndex.fingerKreinin(
                        zip(a, processing).map { $1 ? $0 : 0 },
                        zip(b, processing).map { $1 ? $0 : 0 })
                }
                pairs.append(pair)
            }
        }
        self.pairs = pairs

        // Trade on the zone's links: both ends are members (a member region or a member's country).
        func inZone(_ end: String) -> Bool { members.contains { $0.id == end } || (scenario.region(end) == nil && countries.contains(end)) }
        func end(_ id: String) -> (region: String?, country: String?) {
            scenario.region(id).map { ($0.id, $0.country) } ?? (nil, scenario.country(ofEnd: id))
        }
        // Complementarity compares national totals, so it is one number per ordered pair of
        // countries (exporter, importer); `nil` when a side gives no totals or none in these sectors.
        var pairValues: [String: Double?] = [:]
        func complementarityOf(_ exporter: String, _ importer: String) -> Double? {
            let key = exporter + ">" + importer
            if let known = pairValues[key] { return known }
            var value: Double?
            if let x = scenario.country(exporter)?.tradeTotals, let m = scenario.country(importer)?.tradeTotals {
                let exports = sectors.map { x.exports[$0.id].map { scenario[$0] } ?? 0 }
                let imports = sectors.map { m.imports[$0.id].map { scenario[$0] } ?? 0 }
                value = StructureIndex.tradeComplementarity(exports: exports, imports: imports)
            }
            pairValues[key] = value
            return value
        }
        var complementarity: [Complementarity] = []
        var pairs2: [CountryPair] = []
        var intra: [IntraIndustry] = []
        var oneWayLinks: [String] = []
        for link in scenario.links where inZone(link.from) && inZone(link.to) && scenario.country(ofEnd: link.from) != scenario.country(ofEnd: link.to) {
            for (direction, from, to) in [(FlowDirection.export, link.from, link.to), (.import, link.to, link.from)] {
                guard let exporter = scenario.country(ofEnd: from), let importer = scenario.country(ofEnd: to) else { continue }
                let value = complementarityOf(exporter, importer)
                if !pairs2.contains(where: { $0.exporter == exporter && $0.importer == importer }) {
                    pairs2.append(CountryPair(exporter: exporter, importer: importer, value: value))
                }
                if let value {
                    let e = end(from)
                    complementarity.append(
                        Complementarity(
                            link: link.id, direction: direction, exporter: from, exporterRegion: e.region,
                            exporterCountry: e.country, value: value))
                }
            }
            // Intra-industry trade: the link's own flows in both directions.
            var exports = [Double](repeating: 0, count: sectorCount)
            var imports = [Double](repeating: 0, count: sectorCount)
            for flow in link.flows {
                guard let s = sectorIndex(flow.sector), let value = Self.value(of: flow, in: scenario) else { continue }
                switch flow.direction {
                case .export: exports[s] += value
                case .import: imports[s] += value
                }
            }
            if exports.contains(where: { $0 > 0 }), imports.contains(where: { $0 > 0 }) {
                let parts = StructureIndex.intraIndustryParts(exports: exports, imports: imports)
                intra.append(IntraIndustry(link: link.id, matched: parts.matched, total: parts.total))
            } else {
                oneWayLinks.append(link.id)
            }
        }
        self.complementarity = complementarity
        countryPairs = pairs2
        intraIndustry = intra
        linksWithoutStructure = oneWayLinks

        // Fiscal capacity by side: wage tax on the wage bill plus corporate income tax on a profit margin of output.
        fiscalCapacity = countries.map { code in
            let fiscal = scenario.country(code)?.fiscal
            let wageTax = scenario[fiscal?.wageTax, default: 0]
            let incomeTax = scenario[fiscal?.corporateIncomeTax, default: 0]
            var total = 0.0
            var any = false
            for region in members where region.country == code {
                if let part = Self.fiscalCapacity(of: region, in: scenario, wageTax: wageTax, incomeTax: incomeTax, profitMargin: profitMargin) {
                    total += part
                    any = true
                }
            }
            return (code, any ? total : nil)
        }
    }

    /// A flow's value for structure measures: its base-year value, else the last year of its history.
    static func value(of flow: TradeFlow, in scenario: Scenario) -> Double? {
        if let q = flow.baseValue { return scenario[q] }
        return flow.history.max { $0.year < $1.year }.map { scenario[$0.value] }
    }

    /// A region's fiscal capacity proxy (USD m a year): `E · w/1000 · τ_w + Q · m · u`, with `E` the
    /// employment of its sectors (else labour force × (1 − unemployment)), `w` the average wage
    /// (thousand a job-year), `Q` its output, `m` the profit margin and `u` the corporate income tax
    /// rate. `nil` when neither part can be computed.
    static func fiscalCapacity(of region: Region, in scenario: Scenario, wageTax: Double, incomeTax: Double, profitMargin: Double) -> Double? {
        var employment: Double?
        var output: Double?
        for item in region.sectors {
            if let q = item.employment { employment = (employment ?? 0) + scenario[q] }
            if let q = item.output { output = (output ?? 0) + scenario[q] }
        }
        if employment == nil, let lf = region.labourForce {
            employment = scenario[lf] * (1 - scenario[region.unemploymentRate, default: 0])
        }
        var wagePart: Double?
        if let e = employment, let w = region.averageWage { wagePart = e * scenario[w] / 1000 * wageTax }
        let profitPart = output.map { $0 * profitMargin * incomeTax }
        if wagePart == nil && profitPart == nil { return nil }
        return (wagePart ?? 0) + (profitPart ?? 0)
    }

    /// The mean of the known values of `value` over `items`, summed in order (as
    /// `reduce(0, +)` over them would be), without building an array; nil when none is known.
    private static func mean<T>(_ items: [T], _ value: (T) -> Double?) -> Double? {
        var total = 0.0, count = 0
        for item in items {
            guard let v = value(item) else { continue }
            total += v
            count += 1
        }
        return count > 0 ? total / Double(count) : nil
    }
}
