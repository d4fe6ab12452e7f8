import CoopZoneCore

/// The zone's regions as the employment evaluator sees them, indexed once per evaluation:
/// which member regions lie in which country (overall and per stage id), and each region's
/// employment, output and population by sector, for labour intensities and allocation weights.
struct ZoneGeography {
    /// The scenario's regions, in scenario order (indices are used everywhere else).
    let regions: [Region]
    private let regionIndex: [String: Int]
    private let membersByCountry: [String: [Int]]
    private let membersByStageAndCountry: [String: [String: [Int]]]
    private let memberSet: Set<Int>
    private let countryCodes: Set<String>
    /// Employment (persons) and output (USD m a year) by region and sector id, where both are given.
    private let sectorData: [[String: (employment: Double, output: Double)]]
    /// Employment (persons) by region and sector id, where given.
    private let sectorEmployment: [[String: Double]]
    /// Jobs per USD m of output over the region's sectors with both numbers, or nil.
    private let regionAverageIntensity: [Double?]
    private let population: [Double?]

    init(_ scenario: Scenario) {
        regions = scenario.regions
        var index: [String: Int] = [:]
        for (i, r) in regions.enumerated() where index[r.id] == nil { index[r.id] = i }
        regionIndex = index
        countryCodes = Set(scenario.countries.map(\.code))

        var byCountry: [String: [Int]] = [:]
        var byStage: [String: [String: [Int]]] = [:]
        var members = Set<Int>()
        for zone in scenario.zones {
            for id in zone.regions {
                guard let i = index[id] else { continue }
                let country = regions[i].country
                if members.insert(i).inserted { byCountry[country, default: []].append(i) }
                for stage in zone.stages where !(byStage[stage.id]?[country]?.contains(i) ?? false) {
                    byStage[stage.id, default: [:]][country, default: []].append(i)
                }
            }
        }
        membersByCountry = byCountry.mapValues { $0.sorted() }
        membersByStageAndCountry = byStage.mapValues { $0.mapValues { $0.sorted() } }
        memberSet = members

        var data: [[String: (employment: Double, output: Double)]] = []
        var employment: [[String: Double]] = []
        var average: [Double?] = []
        for region in regions {
            var d: [String: (employment: Double, output: Double)] = [:]
            var e: [String: Double] = [:]
            var totalE = 0.0, totalY = 0.0
            for s in region.sectors {
                let jobs = s.employment.map { scenario[$0] }
                if let jobs, jobs >= 0 { e[s.sector, default: 0] += jobs }
                if let jobs, let y = s.output.map({ scenario[$0] }), jobs >= 0, y > 0 {
                    d[s.sector] = (jobs, y)
                    totalE += jobs
                    totalY += y
                }
            }
            data.append(d)
            employment.append(e)
            average.append(totalY > 0 && totalE > 0 ? totalE / totalY : nil)
        }
        sectorData = data
        sectorEmployment = employment
        regionAverageIntensity = average
        population = regions.map { r in r.population.map { scenario[$0] } }
    }

    /// The index of a region id.
    func index(ofRegion id: String) -> Int? { regionIndex[id] }

    /// True when region `i` belongs to a zone.
    func isMember(_ i: Int) -> Bool { memberSet.contains(i) }

    /// The zone member regions that receive jobs of a result row.
    ///
    /// - `region`: the row's region, when it names one (used as is).
    /// - `linkEnd`: for a trade row, the exporting end of its link; a member region there is used as is,
    ///   a country code or other region stands in for a missing `country`.
    /// - `country`: the row's country; the zone member regions of that country, limited to the zones
    ///   that have a stage `stage` when the row names one.
    func recipients(region: String?, country: String?, stage: String?, linkEnd: String? = nil) -> [Int] {
        if let region, let i = regionIndex[region] { return [i] }
        var country = country
        if let linkEnd {
            if let i = regionIndex[linkEnd] {
                if memberSet.contains(i) { return [i] }
                if country == nil { country = regions[i].country }
            } else if country == nil, countryCodes.contains(linkEnd) {
                country = linkEnd
            }
        }
        guard let country else { return [] }
        if let stage, let limited = membersByStageAndCountry[stage]?[country], !limited.isEmpty { return limited }
        return membersByCountry[country] ?? []
    }

    /// Shares of a row's jobs for each recipient: by employment in the sector (the region's total for
    /// `all`) when every recipient gives it, else by population when every
    /// recipient gives it, else equal. One recipient takes everything.
    func weights(_ recipients: [Int], sector: String) -> [Double] {
        if recipients.count <= 1 { return recipients.map { _ in 1 } }
        let byEmployment = recipients.map { i -> Double? in
            if sector == "all" { return sectorEmployment[i].isEmpty ? nil : sectorEmployment[i].values.reduce(0, +) }
            return sectorEmployment[i][sector]
        }
        if let w = Self.normalised(byEmployment) { return w }
        if let w = Self.normalised(recipients.map { population[$0] }) { return w }
        return recipients.map { _ in 1 / Double(recipients.count) }
    }

    private static func normalised(_ values: [Double?]) -> [Double]? {
        var total = 0.0
        for v in values {
            guard let v, v > 0 else { return nil }
            total += v
        }
        return values.map { ($0 ?? 0) / total }
    }

    /// Jobs per USD m a year of output of `sector` in region `i`: the region's employment over its
    /// output in that sector (its all-sector average for `all`), or `fallback` without the data.
    func jobsPerOutput(region i: Int, sector: String, fallback: Double) -> Double {
        if sector == "all" { return regionAverageIntensity[i] ?? fallback }
        if let d = sectorData[i][sector] { return d.employment / d.output }
        return fallback
    }

    /// How labour-intensive `sector` is in region `i` relative to the region's average:
    /// `(E_s / Y_s) / (Σ E / Σ Y)`, or 1 where the region gives no employment and output for it.
    func relativeLabourIntensity(region i: Int, sector: String) -> Double {
        guard let average = regionAverageIntensity[i], average > 0, let d = sectorData[i][sector] else { return 1 }
        return (d.employment / d.output) / average
    }
}
