import CoopZoneCore

/// The `employment` evaluator: jobs from the zone's investment and from the additional output
/// behind its real trade gains, with indirect and induced jobs from employment multipliers, net
/// additional jobs after the additionality chain, and a check against the regions' labour supply.
///
/// Reads the `investment`, `redundancy`, `operation_lag` and `capacity_life_years` rows of
/// `staged_incentives` and the `trade_creation`, `trade_diversion` and `trade_facilitation` rows
/// of `trade_effects` (never `loss_reduction`, produce already grown, nor `formalisation`, trade
/// already there: neither needs more production labour). Every row says what caused its jobs in
/// its `instrument` dimension (`JobOrigin`). See Docs/methodology/employment.md.
public struct EmploymentEvaluator: Evaluator {
    /// The evaluator's parameters (names as in the scenario's `evaluators` overrides).
    public struct Parameters: ParameterSet {
        /// The defaults.
        public init() {}

        /// Jobs per USD m invested at full operation, for a sector of average labour intensity.
        public var labourIntensityInvestment = 3.0
        /// Employment–output elasticity ε: the percentage change in a sector's jobs per percentage
        /// change in its output.
        public var employmentOutputElasticity = 0.5
        /// Jobs per USD m a year of output where the region gives no sector data.
        public var jobsPerOutput = 50.0
        /// Years to full employment.
        public var rampUpYears = 3.0
        /// Type I employment multiplier.
        public var type1Multiplier = 1.4
        /// Type II employment multiplier.
        public var type2Multiplier = 1.8
        /// δ of Flegg's location quotient, for regions whose multipliers come from a national table.
        public var flqDelta = 0.25
        /// Leakage share.
        public var leakage = 0.10
        /// Displacement share.
        public var displacement = 0.25
        /// Substitution share.
        public var substitution = 0.0
        /// Deadweight share of the jobs from trade gains.
        public var deadweight = 0.20
    }

    /// Cohort timing and redundancy used when `staged_incentives` is not run (its defaults).
    public enum Fallback {
        /// `staged_incentives`' default `operation_lag`.
        public static let operationLag = 1.0
        /// `staged_incentives`' default `capacity_life_years`.
        public static let capacityLifeYears = 20.0
        /// `staged_incentives`' default `redundancy`.
        public static let redundancy = 0.5
    }

    /// The metrics this evaluator writes rows of, by position: direct, indirect, induced, gross,
    /// net, and the net jobs of countries that are not parties to the zone.
    /// The rows it may write: its descriptor's metrics.
    static let rows = RowTable(descriptor)

    /// The parameters in use.
    public let parameters: Parameters
    private let additionality: Additionality

    /// Creates the evaluator; throws when the Type II multiplier is below the Type I multiplier.
    public init(parameters: Parameters) throws {
        guard parameters.type2Multiplier >= parameters.type1Multiplier else {
            throw EvaluatorError.unusableScenario(
                "type2_multiplier (\(format(parameters.type2Multiplier))) is below type1_multiplier (\(format(parameters.type1Multiplier))): "
                    + "Type II adds induced jobs to Type I, so it cannot be smaller")
        }
        self.parameters = parameters
        additionality = Additionality(
            leakage: parameters.leakage, displacement: parameters.displacement,
            substitution: parameters.substitution, deadweight: parameters.deadweight)
    }

    /// What `staged_incentives` passes downstream: the redundancy share and the cohort timing.
    struct CohortFacts {
        var redundancy = Fallback.redundancy
        var operationLag = Fallback.operationLag
        var capacityLifeYears = Fallback.capacityLifeYears
        var found = false

        init(_ result: EvaluationResult?) {
            guard let result else { return }
            let rows = result.rows
            for i in rows.indices where rows[i].year == nil {
                switch rows[i].key {
                case Reads.redundancy.key: redundancy = rows[i].value; found = true
                case Reads.operationLag.key: operationLag = rows[i].value
                case Reads.capacityLifeYears.key: capacityLifeYears = rows[i].value
                default: continue
                }
            }
        }
    }

    /// Computes the jobs of `scenario` from its dependencies' rows in `context`.
    public func evaluate(_ scenario: Scenario, context: EvaluationContext) throws -> EvaluationResult {
        var b = ResultBuilder(Self.descriptor)
        let geography = ZoneGeography(scenario)
        let first = scenario.horizon.lowerBound
        let yearCount = scenario.horizon.count
        var table = JobTable(regionCount: geography.regions.count, yearCount: yearCount, sectorIds: scenario.sectors.map(\.id))
        let facts = CohortFacts(context.results["staged_incentives"])
        let redundancy = min(1, max(0, facts.redundancy.isFinite ? facts.redundancy : Fallback.redundancy))
        let ramp = RampUp(rampUpYears: parameters.rampUpYears, lifeYears: facts.capacityLifeYears, lagYears: Int(facts.operationLag.rounded()))

        // Where the jobs of a row go: (cell, jobs per USD m) for each recipient region, resolved
        // once per distinct placement key, at the first row that has it (so sector slots and
        // cells are numbered in the order the rows come).
        var placements = Placements()

        // 1. Direct jobs from investment, from the cohort's first operating year while it operates.
        if let investment = context.results["staged_incentives"] {
            var unplaced: [String: Double] = [:]
            let upper = scenario.horizon.upperBound
            // By index, reading the fields in place: a row is not copied.
            let investmentRows = investment.rows
            for i in investmentRows.indices {
                guard investmentRows[i].key == Reads.investment.key, let year = investmentRows[i].year else { continue }
                let value = investmentRows[i].value
                guard value != 0, year <= upper else { continue }
                let k = placements.index(of: investmentRows, i, trade: false)
                if !placements.isResolved(k) {
                    let key = placements.key(k)
                    placements.resolve(k) { out in
                        let sector = key.sector ?? "all"
                        let recipients = geography.recipients(region: key.region, country: key.country, stage: key.stage)
                        for (r, w) in zip(recipients, geography.weights(recipients, sector: sector)) {
                            out.append(
                                (
                                    table.cell(region: r, sector: sector, origin: .investment),
                                    w * parameters.labourIntensityInvestment * geography.relativeLabourIntensity(region: r, sector: sector)
                                ))
                        }
                    }
                }
                let range = placements.range(k)
                if range.isEmpty { unplaced[placements.key(k).country ?? "?", default: 0] += value }
                for j in range {
                    let p = placements.all[j]
                    table.addStart(value * p.jobsPerUSDMillion, cell: p.cell, yearIndex: year - first, ramp: ramp)
                }
            }
            table.spreadStarts(ramp)
            for (country, amount) in unplaced.sorted(by: { $0.key < $1.key }) {
                b.finding(
                    .warning,
                    "investment of \(format(amount.rounded())) USD m in country \(country) has no zone region of that country to go to; its jobs are not counted"
                )
            }
            if !facts.found {
                b.finding(.info, "staged_incentives gives no redundancy share; \(format(redundancy)) is used for the jobs from investment")
            }
        } else {
            b.finding(.info, "staged_incentives is not among the evaluators run, so no jobs from investment are counted")
        }

        // 2. Direct jobs from the additional output behind real trade gains, in the exporting region.
        if let trade = context.results["trade_effects"] {
            var outside: [String: Double] = [:]
            var noZoneShare = Set<String>()
            placements.removeAll()
            // The exporting end of each placement key's link, by key index, once resolved.
            var exportingEnds: [String?] = []
            let elasticity = parameters.employmentOutputElasticity
            let tradeRows = trade.rows
            for i in tradeRows.indices {
                guard let origin = JobOrigin(tradeMetric: tradeRows[i].key), let year = tradeRows[i].year, scenario.horizon.contains(year) else { continue }
                let value = tradeRows[i].value
                guard value != 0 else { continue }
                let k = placements.index(of: tradeRows, i, trade: true, origin: origin)
                if !placements.isResolved(k) {
                    let key = placements.key(k)
                    // The last link with the id, as a table by id would keep.
                    let link = key.link.flatMap { id in scenario.links.last { $0.id == id } }
                    let end = link.map { key.direction == FlowDirection.import.rawValue ? $0.to : $0.from }
                    if exportingEnds.count <= k { exportingEnds.append(contentsOf: repeatElement(nil, count: k + 1 - exportingEnds.count)) }
                    exportingEnds[k] = end
                    // A national link (a country at the exporting end): only its zone share is the zone regions'.
                    var share = 1.0
                    if let link, let end, geography.index(ofRegion: end) == nil {
                        if let q = link.zoneShare {
                            share = scenario[q]
                        } else {
                            share = 0
                            noZoneShare.insert(link.id)
                        }
                    }
                    placements.resolve(k) { out in
                        guard share > 0 else { return }
                        let sector = key.sector ?? "all"
                        let recipients = geography.recipients(region: key.region, country: key.country, stage: nil, linkEnd: end)
                        for (r, w) in zip(recipients, geography.weights(recipients, sector: sector)) {
                            out.append(
                                (
                                    table.cell(region: r, sector: sector, origin: origin),
                                    share * w * elasticity * geography.jobsPerOutput(region: r, sector: sector, fallback: parameters.jobsPerOutput)
                                ))
                        }
                    }
                }
                let range = placements.range(k)
                if range.isEmpty, !noZoneShare.contains(placements.key(k).link ?? "") {
                    outside[placements.key(k).country ?? exportingEnds[k] ?? "?", default: 0] += value
                }
                for j in range {
                    let p = placements.all[j]
                    table.addDirect(value * p.jobsPerUSDMillion, cell: p.cell, yearIndex: year - first)
                }
            }
            if !outside.isEmpty {
                let list = outside.sorted { $0.key < $1.key }.map { "\($0.key) \(format(($0.value * 10).rounded() / 10)) USD m" }.joined(separator: ", ")
                b.finding(.info, "trade gains of exporters without a zone region create no zone jobs (sum over the horizon: \(list))")
            }
            for id in noZoneShare.sorted() {
                b.finding(
                    .warning,
                    "link '\(id)' joins countries and gives no zone_share, so its trade gains make no jobs in the zone's regions; "
                        + "give it a zone_share (the share of its trade that the zone's regions produce or that crosses at the zone)",
                    at: scenario.links.last { $0.id == id }?.flows.first?.location)
            }
        } else {
            b.finding(.info, "trade_effects is not among the evaluators run, so no jobs from trade gains are counted")
        }

        // 3–4. Indirect, induced, gross and net, cell by cell, in (region, sector, origin) order.
        // One reference-case step per job: redundancy for jobs from incentivised investment,
        // deadweight for jobs from trade gains. The multipliers of a region come from its
        // input–output table (its own, or its country's regionalised), else from the flat defaults.
        let flat = RegionMultipliers.Pair(typeI: parameters.type1Multiplier, typeII: parameters.type2Multiplier)
        var multipliers = TableMultipliers(scenario, geography: geography, delta: parameters.flqDelta)
        let netPerGrossInvestment = additionality.adjustmentFactor * (1 - redundancy)
        let netPerGrossTrade = additionality.netFactor
        let cells = table.orderedNonZeroCells()
        var w = Self.rows.writer()
        w.reserve(cells.count * yearCount * 5)
        // Net jobs by region index and year, for the party regions with a cell (in region order).
        var netRegions: [Int] = []
        var netByRegion: [Double] = []
        var netFinal = 0.0, grossFinal = 0.0, netJobYears = 0.0
        var netFinalByOrigin = [Double](repeating: 0, count: JobOrigin.count)
        var netYearsByOrigin = [Double](repeating: 0, count: JobOrigin.count)
        var nonParty: [String: Double] = [:]
        for cell in cells {
            let (r, s, origin) = table.cells[cell]
            let region = geography.regions[r]
            let dims = Dimensions(region: region.id, country: region.country, sector: table.sectorIds[s], instrument: origin.id)
            let netPerGross = origin == .investment ? netPerGrossInvestment : netPerGrossTrade
            let base = cell * yearCount
            let m = multipliers.of(region: r)?.employment(sector: s < scenario.sectors.count ? s : nil) ?? flat
            let indirectPerDirect = m.typeI - 1
            let inducedPerDirect = m.typeII - m.typeI
            let grossPerDirect = m.typeII
            guard geography.isParty(r) else {
                for t in 0..<yearCount {
                    let net = table.direct[base + t] * grossPerDirect * netPerGross
                    w.add(Metrics.nonPartyJobsNet, year: first + t, dims, net)
                    nonParty[region.country, default: 0] += net
                }
                continue
            }
            if netRegions.last != r {
                netRegions.append(r)
                netByRegion.append(contentsOf: repeatElement(0, count: yearCount))
            }
            let netBase = netByRegion.count - yearCount
            for t in 0..<yearCount {
                let jobs = table.direct[base + t]
                let year = first + t
                let gross = jobs * grossPerDirect
                let net = gross * netPerGross
                w.add(Metrics.jobsDirect, year: year, dims, jobs)
                w.add(Metrics.jobsIndirect, year: year, dims, jobs * indirectPerDirect)
                w.add(Metrics.jobsInduced, year: year, dims, jobs * inducedPerDirect)
                w.add(Metrics.jobsGross, year: year, dims, gross)
                w.add(Metrics.jobsNet, year: year, dims, net)
                netByRegion[netBase + t] += net
                netJobYears += net
                netYearsByOrigin[origin.rawValue] += net
                if t == yearCount - 1 {
                    netFinal += net
                    grossFinal += gross
                    netFinalByOrigin[origin.rawValue] += net
                }
            }
        }
        multipliers.writeRows(&w, sectors: scenario.sectors)
        try b.headline(Metrics.netJobsFinalYear, netFinal)
        try b.headline(Metrics.netJobYears, netJobYears)
        try b.headline(Metrics.grossJobsFinalYear, grossFinal)
        guard FindingsSwitch.enabled else { return try w.result(b) }

        if !cells.isEmpty {
            multipliers.findings(&b, flat: flat)
            b.finding(
                .info,
                "net jobs are \(format((netPerGrossInvestment * 1000).rounded() / 1000)) of gross for jobs from "
                    + "investment (redundancy \(format(redundancy)) as the reference case) and \(format((netPerGrossTrade * 1000).rounded() / 1000)) for jobs from "
                    + "trade gains (deadweight \(format(parameters.deadweight))); net job-years over the horizon: \(format(netJobYears.rounded()))")
        }
        if netJobYears != 0 {
            let parts = JobOrigin.allCases.filter { netYearsByOrigin[$0.rawValue] != 0 }.sorted {
                abs(netYearsByOrigin[$0.rawValue]) > abs(netYearsByOrigin[$1.rawValue])
            }
            let text = parts.map { o in
                "\(o.label) \(format(netYearsByOrigin[o.rawValue].rounded())) (\(format((100 * netYearsByOrigin[o.rawValue] / netJobYears).rounded())) %)"
            }
            .joined(separator: ", ")
            let last = JobOrigin.allCases.filter { netFinalByOrigin[$0.rawValue] != 0 }
                .map { "\($0.label) \(format(netFinalByOrigin[$0.rawValue].rounded()))" }.joined(separator: ", ")
            b.finding(.info, "net job-years by origin: \(text); net jobs in \(scenario.horizon.upperBound): \(last.isEmpty ? "none" : last)")
        }
        for (country, jobYears) in nonParty.sorted(by: { $0.key < $1.key }) where jobYears != 0 {
            b.finding(
                .info,
                "\(format(jobYears.rounded())) net job-years in \(country), which is not a party to the zone, are reported as non_party_jobs_net "
                    + "and kept out of the headlines and the appraisal")
        }

        // 5. Labour-market check: net jobs against the unemployed plus labour-force growth. It
        // only writes findings, so a Monte Carlo draw (which keeps none) skips it.
        var unchecked: [String] = []
        for (k, r) in netRegions.enumerated() {
            let net = Array(netByRegion[(k * yearCount)..<((k + 1) * yearCount)])
            let region = geography.regions[r]
            guard let lf = region.labourForce.map({ scenario[$0] }), let u = region.unemploymentRate.map({ scenario[$0] }) else {
                unchecked.append(region.id)
                continue
            }
            let check = LabourMarketCheck(
                labourForce: lf, unemploymentRate: u,
                labourForceGrowth: scenario[region.labourForceGrowth, default: 0], firstYear: first)
            let shortfalls = check.shortfalls(netJobs: net)
            if let worst = shortfalls.first {
                let more = shortfalls.count > 1 ? " and in \(shortfalls.count - 1) later year(s)" : ""
                b.finding(
                    .warning,
                    "net additional jobs in region '\(region.id)' in \(worst.year) (\(format(worst.jobs.rounded()))) exceed its unemployed plus labour-force growth since \(first) "
                        + "(\(format(worst.available.rounded())))\(more): the jobs would need commuters or migrants, so leakage is probably higher than assumed"
                )
            }
        }
        if !unchecked.isEmpty {
            b.finding(.info, "labour-market check skipped for region(s) \(unchecked.joined(separator: ", ")): labour_force and unemployment_rate are needed")
        }
        return try w.result(b)
    }
}
