import CoopZoneCore

/// The zone's regions as the employment evaluator sees them: which member regions lie in which
/// country (overall and per stage id), and each region's employment, output and population by
/// sector, for labour intensities and allocation weights.
///
/// Built once per evaluation, so it does as little as possible up front (one pass over the
/// regions and zones into flat arrays, no dictionaries): a Monte Carlo run builds it once per
/// draw, and the evaluator resolves each distinct placement of rows only once per evaluation
/// anyway. Lookups by id scan the scenario's short lists, first match winning, as the scenario's
/// own `region(_:)` does.
struct ZoneGeography {
    /// The scenario's regions, in scenario order (indices are used everywhere else).
    let regions: [Region]
    private let scenario: Scenario
    /// For each region index: true when it belongs to a zone (the first region with its id).
    private let member: [Bool]
    /// Jobs per USD m of output over each region's sectors with both numbers, or nil.
    private let regionAverageIntensity: [Double?]
    /// For each region index: true when its country is a party to a zone it belongs to (see
    /// `Zone.parties`); false for a region outside every zone.
    private let party: [Bool]

    init(_ scenario: Scenario) {
        self.scenario = scenario
        regions = scenario.regions
        var member = [Bool](repeating: false, count: regions.count)
        var average = [Double?](repeating: nil, count: regions.count)
        for i in regions.indices {
            var totalE = 0.0, totalY = 0.0
            for s in regions[i].sectors {
                guard let e = s.employment, let o = s.output else { continue }
                let jobs = scenario[e], y = scenario[o]
                if jobs >= 0, y > 0 {
                    totalE += jobs
                    totalY += y
                }
            }
            average[i] = totalY > 0 && totalE > 0 ? totalE / totalY : nil
        }
        self.regionAverageIntensity = average
        var party = [Bool](repeating: false, count: regions.count)
        for zone in scenario.zones {
            for id in zone.regions {
                guard let i = Self.firstIndex(of: id, in: scenario.regions) else { continue }
                member[i] = true
                if zone.parties.contains(regions[i].country) { party[i] = true }
            }
        }
        self.member = member
        self.party = party
    }

    private static func firstIndex(of id: String, in regions: [Region]) -> Int? {
        for i in regions.indices where regions[i].id == id { return i }
        return nil
    }

    /// The index of a region id (the first region with that id).
    func index(ofRegion id: String) -> Int? { Self.firstIndex(of: id, in: regions) }

    /// True when region `i` belongs to a zone.
    func isMember(_ i: Int) -> Bool { member[i] }

    /// True when region `i` belongs to a zone whose parties include the region's country: its jobs
    /// count as the zone's. A member region of a country that is not a party (Ili in the Khorgos
    /// case) gets its jobs reported on their own lines.
    func isParty(_ i: Int) -> Bool { party[i] }

    /// The zone member regions that receive jobs of a result row.
    ///
    /// - `region`: the row's region, when it names one (used as is).
    /// - `linkEnd`: for a trade row, the exporting end of its link; a member region there is used as is,
    ///   a country code or other region stands in for a missing `country`.
    /// - `country`: the row's country; the zone member regions of that country, limited to the zones
    ///   that have a stage `stage` when the row names one.
    func recipients(region: String?, country: String?, stage: String?, linkEnd: String? = nil) -> [Int] {
        if let region, let i = index(ofRegion: region) { return [i] }
        var country = country
        if let linkEnd {
            if let i = index(ofRegion: linkEnd) {
                if member[i] { return [i] }
                if country == nil { country = regions[i].country }
            } else if country == nil, scenario.countries.contains(where: { $0.code == linkEnd }) {
                country = linkEnd
            }
        }
        guard let country else { return [] }
        if let stage {
            let limited = members(of: country, stage: stage)
            if !limited.isEmpty { return limited }
        }
        return members(of: country, stage: nil)
    }

    /// The member regions of `country`, ascending; with `stage`, only those of zones that have a
    /// stage with that id.
    private func members(of country: String, stage: String?) -> [Int] {
        var out: [Int] = []
        for zone in scenario.zones {
            if let stage, !zone.stages.contains(where: { $0.id == stage }) { continue }
            for id in zone.regions {
                guard let i = index(ofRegion: id), regions[i].country == country, !out.contains(i) else { continue }
                out.append(i)
            }
        }
        out.sort()
        return out
    }

    /// Region `i`'s employment in `sector` (the sum of its entries with a non-negative number), or nil.
    private func sectorEmployment(_ i: Int, _ sector: String) -> Double? { Self.sectorEmployment(regions[i], sector, in: scenario) }

    /// `region`'s employment in `sector` (the sum of its entries with a non-negative number), or nil.
    static func sectorEmployment(_ region: Region, _ sector: String, in scenario: Scenario) -> Double? {
        var total: Double?
        for s in region.sectors where s.sector == sector {
            guard let e = s.employment else { continue }
            let jobs = scenario[e]
            if jobs >= 0 { total = (total ?? 0) + jobs }
        }
        return total
    }

    /// Region `i`'s employment over all its sectors, or nil when it gives none.
    private func totalEmployment(_ i: Int) -> Double? {
        // By sector id first (in order of first appearance), then over the sectors, as the sum
        // of a per-sector table would be.
        var ids: [String] = []
        var sums: [Double] = []
        for s in regions[i].sectors {
            guard let e = s.employment else { continue }
            let jobs = scenario[e]
            guard jobs >= 0 else { continue }
            if let k = ids.firstIndex(of: s.sector) {
                sums[k] += jobs
            } else {
                ids.append(s.sector)
                sums.append(jobs)
            }
        }
        return sums.isEmpty ? nil : sums.reduce(0, +)
    }

    /// Employment and output of `sector` in region `i` from its last entry giving both
    /// (employment ≥ 0, output > 0), or nil.
    private func sectorData(_ i: Int, _ sector: String) -> (employment: Double, output: Double)? {
        var found: (employment: Double, output: Double)?
        for s in regions[i].sectors where s.sector == sector {
            guard let e = s.employment, let o = s.output else { continue }
            let jobs = scenario[e], y = scenario[o]
            if jobs >= 0, y > 0 { found = (jobs, y) }
        }
        return found
    }

    /// Shares of a row's jobs for each recipient: by employment in the sector (the region's total for
    /// `all`) when every recipient gives it, else by population when every
    /// recipient gives it, else equal. One recipient takes everything.
    func weights(_ recipients: [Int], sector: String) -> [Double] {
        if recipients.count <= 1 { return recipients.map { _ in 1 } }
        let byEmployment = recipients.map { i -> Double? in
            sector == "all" ? totalEmployment(i) : sectorEmployment(i, sector)
        }
        if let w = Self.normalised(byEmployment) { return w }
        if let w = Self.normalised(recipients.map { i in regions[i].population.map { scenario[$0] } }) { return w }
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
        if let d = sectorData(i, sector) { return d.employment / d.output }
        return fallback
    }

    /// How labour-intensive `sector` is in region `i` relative to the region's average:
    /// `(E_s / Y_s) / (Σ E / Σ Y)`, or 1 where the region gives no employment and output for it.
    func relativeLabourIntensity(region i: Int, sector: String) -> Double {
        guard let average = regionAverageIntensity[i], average > 0, let d = sectorData(i, sector) else { return 1 }
        return (d.employment / d.output) / average
    }
}
