import CoopZoneCore

/// The `employment` evaluator: jobs from the zone's investment and from the additional output
/// behind its real trade gains, with indirect and induced jobs from employment multipliers, net
/// additional jobs after the additionality chain, and a check against the regions' labour supply.
///
/// Reads `investment` rows of `staged_incentives` and the `trade_creation`, `trade_diversion`,
/// `trade_facilitation` and `loss_reduction` rows of `trade_effects` (never `formalisation`,
/// which records existing trade and creates no output). See Docs/methodology/employment.md.
public struct EmploymentEvaluator: Evaluator {
    /// The evaluator's parameters (names as in the scenario's `evaluators` overrides).
    public struct Parameters: Decodable, Sendable {
        /// Jobs per USD m invested at full operation, for a sector of average labour intensity.
        public var labourIntensityInvestment: Double
        /// Jobs per USD m a year of output where the region gives no sector data.
        public var jobsPerOutput: Double
        /// Years to full employment.
        public var rampUpYears: Double
        /// Years the capacity operates.
        public var capacityLifeYears: Double
        /// Type I employment multiplier.
        public var type1Multiplier: Double
        /// Type II employment multiplier.
        public var type2Multiplier: Double
        /// Leakage share.
        public var leakage: Double
        /// Displacement share.
        public var displacement: Double
        /// Substitution share.
        public var substitution: Double
        /// Deadweight share.
        public var deadweight: Double

        enum CodingKeys: String, CodingKey {
            case labourIntensityInvestment = "labour_intensity_investment"
            case jobsPerOutput = "jobs_per_output"
            case rampUpYears = "ramp_up_years"
            case capacityLifeYears = "capacity_life_years"
            case type1Multiplier = "type1_multiplier"
            case type2Multiplier = "type2_multiplier"
            case leakage, displacement, substitution, deadweight
        }

        /// Creates parameters; the defaults are the descriptor's.
        public init(labourIntensityInvestment: Double = 9, jobsPerOutput: Double = 50, rampUpYears: Double = 3, capacityLifeYears: Double = 20,
                    type1Multiplier: Double = 1.4, type2Multiplier: Double = 1.8, leakage: Double = 0.10, displacement: Double = 0.25,
                    substitution: Double = 0, deadweight: Double = 0.20) {
            self.labourIntensityInvestment = labourIntensityInvestment
            self.jobsPerOutput = jobsPerOutput
            self.rampUpYears = rampUpYears
            self.capacityLifeYears = capacityLifeYears
            self.type1Multiplier = type1Multiplier
            self.type2Multiplier = type2Multiplier
            self.leakage = leakage
            self.displacement = displacement
            self.substitution = substitution
            self.deadweight = deadweight
        }
    }

    /// True for the trade_effects metrics that are real trade gains (more output in the exporting
    /// region): creation, diversion, facilitation and loss reduction; not formalisation. The
    /// UTF-8 length is tested first: an integer test that rejects most other metrics without
    /// comparing text.
    @inline(__always) static func isRealTradeGain(_ metric: String) -> Bool {
        switch metric.utf8.count {
        case 14: metric == "trade_creation" || metric == "loss_reduction"
        case 15: metric == "trade_diversion"
        case 18: metric == "trade_facilitation"
        default: false
        }
    }

    /// The metrics this evaluator writes rows of, by position: direct, indirect, induced, gross, net.
    static let rowMetrics = RowMetrics(descriptor, ["jobs_direct", "jobs_indirect", "jobs_induced", "jobs_gross", "jobs_net"])

    /// The ends of the link with id `id` (the last link with that id, as a table by id would keep).
    static func ends(ofLink id: String, in scenario: Scenario) -> (from: String, to: String)? {
        var i = scenario.links.count
        while i > 0 {
            i -= 1
            if scenario.links[i].id == id { return (scenario.links[i].from, scenario.links[i].to) }
        }
        return nil
    }

    /// The parameters in use.
    public let parameters: Parameters
    private let ramp: RampUp
    private let additionality: Additionality

    /// Creates the evaluator; throws when the Type II multiplier is below the Type I multiplier.
    public init(parameters: Parameters) throws {
        guard parameters.type2Multiplier >= parameters.type1Multiplier else {
            throw EvaluatorError.unusableScenario(
                "type2_multiplier (\(format(parameters.type2Multiplier))) is below type1_multiplier (\(format(parameters.type1Multiplier))): "
                    + "Type II adds induced jobs to Type I, so it cannot be smaller")
        }
        self.parameters = parameters
        ramp = RampUp(rampUpYears: parameters.rampUpYears, lifeYears: parameters.capacityLifeYears)
        additionality = Additionality(leakage: parameters.leakage, displacement: parameters.displacement,
                                      substitution: parameters.substitution, deadweight: parameters.deadweight)
    }

    /// Computes the jobs of `scenario` from its dependencies' rows in `context`.
    public func evaluate(_ scenario: Scenario, context: EvaluationContext) throws -> EvaluationResult {
        var b = ResultBuilder(Self.descriptor)
        let geography = ZoneGeography(scenario)
        let first = scenario.horizon.lowerBound
        let yearCount = scenario.horizon.count
        var table = JobTable(regionCount: geography.regions.count, yearCount: yearCount, sectorIds: scenario.sectors.map(\.id))

        // Where the jobs of a row go: (cell, jobs per USD m) for each recipient region, resolved
        // once per distinct placement key, at the first row that has it (so sector slots and
        // cells are numbered in the order the rows come).
        var placements = Placements()

        // 1. Direct jobs from investment, ramped up and persisting while the capacity operates.
        if let investment = context.results["staged_incentives"] {
            var unplaced: [String: Double] = [:]
            let upper = scenario.horizon.upperBound
            // The rows are read in place: copying a row would retain and release its ten strings.
            investment.rows.withUnsafeBufferPointer { rows in
                for i in rows.indices {
                    guard rows[i].metric == "investment", let year = rows[i].year else { continue }
                    let value = rows[i].value
                    guard value != 0, year <= upper else { continue }
                    let k = placements.index(of: rows, i, trade: false)
                    if !placements.isResolved(k) {
                        let key = placements.key(k)
                        placements.resolve(k) { out in
                            let sector = key.sector ?? "all"
                            let recipients = geography.recipients(region: key.region, country: key.country, stage: key.stage)
                            for (r, w) in zip(recipients, geography.weights(recipients, sector: sector)) {
                                out.append((table.cell(region: r, sector: sector),
                                            w * parameters.labourIntensityInvestment * geography.relativeLabourIntensity(region: r, sector: sector)))
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
            }
            table.spreadStarts(ramp)
            for (country, amount) in unplaced.sorted(by: { $0.key < $1.key }) {
                b.finding(.warning, "investment of \(format(amount.rounded())) USD m in country \(country) has no zone region of that country to go to; its jobs are not counted")
            }
        } else {
            b.finding(.info, "staged_incentives is not among the evaluators run, so no jobs from investment are counted")
        }

        // 2. Direct jobs from the additional output behind real trade gains, in the exporting region.
        if let trade = context.results["trade_effects"] {
            var outside: [String: Double] = [:]
            placements.removeAll()
            // The exporting end of each placement key's link, by key index, once resolved.
            var exportingEnds: [String?] = []
            trade.rows.withUnsafeBufferPointer { rows in
                for i in rows.indices {
                    guard Self.isRealTradeGain(rows[i].metric), let year = rows[i].year, scenario.horizon.contains(year) else { continue }
                    let value = rows[i].value
                    guard value != 0 else { continue }
                    let k = placements.index(of: rows, i, trade: true)
                    if !placements.isResolved(k) {
                        let key = placements.key(k)
                        let end = key.link.flatMap { Self.ends(ofLink: $0, in: scenario) }
                            .map { key.direction == FlowDirection.import.rawValue ? $0.to : $0.from }
                        if exportingEnds.count <= k { exportingEnds.append(contentsOf: repeatElement(nil, count: k + 1 - exportingEnds.count)) }
                        exportingEnds[k] = end
                        placements.resolve(k) { out in
                            let sector = key.sector ?? "all"
                            let recipients = geography.recipients(region: key.region, country: key.country, stage: nil, linkEnd: end)
                            for (r, w) in zip(recipients, geography.weights(recipients, sector: sector)) {
                                out.append((table.cell(region: r, sector: sector),
                                            w * geography.jobsPerOutput(region: r, sector: sector, fallback: parameters.jobsPerOutput)))
                            }
                        }
                    }
                    let range = placements.range(k)
                    if range.isEmpty { outside[placements.key(k).country ?? exportingEnds[k] ?? "?", default: 0] += value }
                    for j in range {
                        let p = placements.all[j]
                        table.addDirect(value * p.jobsPerUSDMillion, cell: p.cell, yearIndex: year - first)
                    }
                }
            }
            if !outside.isEmpty {
                let list = outside.sorted { $0.key < $1.key }.map { "\($0.key) \(format(($0.value * 10).rounded() / 10)) USD m" }.joined(separator: ", ")
                b.finding(.info, "trade gains of exporters without a zone region create no zone jobs (sum over the horizon: \(list))")
            }
        } else {
            b.finding(.info, "trade_effects is not among the evaluators run, so no jobs from trade gains are counted")
        }

        // 3–4. Indirect, induced, gross and net, cell by cell, in (region, sector slot) order.
        let indirectPerDirect = parameters.type1Multiplier - 1
        let inducedPerDirect = parameters.type2Multiplier - parameters.type1Multiplier
        let grossPerDirect = parameters.type2Multiplier
        let netPerGross = additionality.netFactor
        let cells = table.orderedNonZeroCells()
        var w = try Self.rowMetrics.writer()
        w.reserve(cells.count * yearCount * 5)
        // Net jobs by region index and year, for the regions with a cell (in region order).
        var netRegions: [Int] = []
        var netByRegion: [Double] = []
        var netFinal = 0.0, grossFinal = 0.0, netJobYears = 0.0
        for cell in cells {
            let (r, s) = table.cells[cell]
            let region = geography.regions[r]
            let dims = Dimensions(region: region.id, country: region.country, sector: table.sectorIds[s])
            if netRegions.last != r {
                netRegions.append(r)
                netByRegion.append(contentsOf: repeatElement(0, count: yearCount))
            }
            let netBase = netByRegion.count - yearCount
            let base = cell * yearCount
            for t in 0..<yearCount {
                let jobs = table.direct[base + t]
                let year = first + t
                let gross = jobs * grossPerDirect
                let net = gross * netPerGross
                w.add(0, year: year, dims, jobs)
                w.add(1, year: year, dims, jobs * indirectPerDirect)
                w.add(2, year: year, dims, jobs * inducedPerDirect)
                w.add(3, year: year, dims, gross)
                w.add(4, year: year, dims, net)
                netByRegion[netBase + t] += net
                netJobYears += net
                if t == yearCount - 1 {
                    netFinal += net
                    grossFinal += gross
                }
            }
        }
        try b.headline("net_jobs_final_year", netFinal)
        try b.headline("net_job_years", netJobYears)
        try b.headline("gross_jobs_final_year", grossFinal)
        if !cells.isEmpty {
            b.finding(.info, "indirect and induced jobs from multipliers (Type I \(format(parameters.type1Multiplier)), Type II \(format(parameters.type2Multiplier))); "
                      + "the scenario gives no input–output table. Net jobs are \(format((netPerGross * 1000).rounded() / 1000)) of gross; "
                      + "net job-years over the horizon: \(format(netJobYears.rounded()))")
        }

        // 5. Labour-market check: net jobs against the unemployed plus labour-force growth. It
        // only writes findings, so a Monte Carlo draw (which keeps none) skips it.
        guard FindingsSwitch.enabled else { return w.result(b) }
        var unchecked: [String] = []
        for (k, r) in netRegions.enumerated() {
            let net = Array(netByRegion[(k * yearCount)..<((k + 1) * yearCount)])
            let region = geography.regions[r]
            guard let lf = region.labourForce.map({ scenario[$0] }), let u = region.unemploymentRate.map({ scenario[$0] }) else {
                unchecked.append(region.id)
                continue
            }
            let check = LabourMarketCheck(labourForce: lf, unemploymentRate: u,
                                          labourForceGrowth: scenario[region.labourForceGrowth, default: 0], firstYear: first)
            let shortfalls = check.shortfalls(netJobs: net)
            if let worst = shortfalls.first {
                let more = shortfalls.count > 1 ? " and in \(shortfalls.count - 1) later year(s)" : ""
                b.finding(.warning, "net additional jobs in region '\(region.id)' in \(worst.year) (\(format(worst.jobs.rounded()))) exceed its unemployed plus labour-force growth since \(first) "
                          + "(\(format(worst.available.rounded())))\(more): the jobs would need commuters or migrants, so leakage is probably higher than assumed")
            }
        }
        if !unchecked.isEmpty {
            b.finding(.info, "labour-market check skipped for region(s) \(unchecked.joined(separator: ", ")): labour_force and unemployment_rate are needed")
        }
        return w.result(b)
    }
}
