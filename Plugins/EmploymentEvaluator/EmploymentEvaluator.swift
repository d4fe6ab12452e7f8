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
    /// region): creation, diversion, facilitation and loss reduction; not formalisation.
    static func isRealTradeGain(_ metric: String) -> Bool {
        switch metric {
        case "trade_creation", "trade_diversion", "trade_facilitation", "loss_reduction": true
        default: false
        }
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

        var table = JobTable(yearCount: yearCount, sectorIds: scenario.sectors.map(\.id))

        // 1. Direct jobs from investment, ramped up and persisting while the capacity operates.
        if let investmentResult = context.results["staged_incentives"] {
            var cache: [JobTable.PlacementKey: [JobTable.Placement]] = [:]
            var unplaced: [String: Double] = [:]
            for row in investmentResult.rows where row.metric == "investment" {
                guard let year = row.year, row.value != 0, year <= scenario.horizon.upperBound else { continue }
                let d = row.dimensions
                let key = JobTable.PlacementKey(region: d.region, country: d.country, stage: d.stage, linkEnd: nil, sector: d.sector ?? "all")
                let placements: [JobTable.Placement]
                if let cached = cache[key] { placements = cached } else {
                    let recipients = geography.recipients(region: d.region, country: d.country, stage: d.stage)
                    placements = zip(recipients, geography.weights(recipients, sector: key.sector)).map { r, w in
                        JobTable.Placement(slot: table.slot(region: r, sector: key.sector),
                                           jobsPerUSDMillion: w * parameters.labourIntensityInvestment
                                               * geography.relativeLabourIntensity(region: r, sector: key.sector))
                    }
                    cache[key] = placements
                }
                if placements.isEmpty { unplaced[d.country ?? "?", default: 0] += row.value }
                for p in placements { table.addStart(row.value * p.jobsPerUSDMillion, slot: p.slot, yearIndex: year - first, ramp: ramp) }
            }
            table.spreadStarts(ramp)
            for (country, amount) in unplaced.sorted(by: { $0.key < $1.key }) {
                b.finding(.warning, "investment of \(format(amount.rounded())) USD m in country \(country) has no zone region of that country to go to; its jobs are not counted")
            }
        } else {
            b.finding(.info, "staged_incentives is not among the evaluators run, so no jobs from investment are counted")
        }

        // 2. Direct jobs from the additional output behind real trade gains, in the exporting region.
        if let tradeResult = context.results["trade_effects"] {
            var linkEnds: [String: (from: String, to: String)] = [:]
            for link in scenario.links { linkEnds[link.id] = (link.from, link.to) }
            var cache: [JobTable.PlacementKey: [JobTable.Placement]] = [:]
            var outside: [String: Double] = [:]
            for row in tradeResult.rows where Self.isRealTradeGain(row.metric) {
                guard let year = row.year, scenario.horizon.contains(year), row.value != 0 else { continue }
                let d = row.dimensions
                let exportingEnd = d.link.flatMap { linkEnds[$0] }.map { d.direction == FlowDirection.import.rawValue ? $0.to : $0.from }
                let key = JobTable.PlacementKey(region: d.region, country: d.country, stage: nil, linkEnd: exportingEnd, sector: d.sector ?? "all")
                let placements: [JobTable.Placement]
                if let cached = cache[key] { placements = cached } else {
                    let recipients = geography.recipients(region: d.region, country: d.country, stage: nil, linkEnd: exportingEnd)
                    placements = zip(recipients, geography.weights(recipients, sector: key.sector)).map { r, w in
                        JobTable.Placement(slot: table.slot(region: r, sector: key.sector),
                                           jobsPerUSDMillion: w * geography.jobsPerOutput(region: r, sector: key.sector, fallback: parameters.jobsPerOutput))
                    }
                    cache[key] = placements
                }
                if placements.isEmpty { outside[d.country ?? exportingEnd ?? "?", default: 0] += row.value }
                for p in placements { table.addDirect(row.value * p.jobsPerUSDMillion, slot: p.slot, yearIndex: year - first) }
            }
            if !outside.isEmpty {
                let list = outside.sorted { $0.key < $1.key }.map { "\($0.key) \(format(($0.value * 10).rounded() / 10)) USD m" }.joined(separator: ", ")
                b.finding(.info, "trade gains of exporters without a zone region create no zone jobs (sum over the horizon: \(list))")
            }
        } else {
            b.finding(.info, "trade_effects is not among the evaluators run, so no jobs from trade gains are counted")
        }

        // 3–4. Indirect, induced, gross and net, cell by cell.
        let indirectPerDirect = parameters.type1Multiplier - 1
        let inducedPerDirect = parameters.type2Multiplier - parameters.type1Multiplier
        let grossPerDirect = parameters.type2Multiplier
        let netPerGross = additionality.netFactor
        let slots = table.cells.indices.filter { table.direct[$0].contains { $0 != 0 } }
            .sorted { (table.cells[$0].region, table.cells[$0].sector) < (table.cells[$1].region, table.cells[$1].sector) }
        b.reserve(slots.count * yearCount * 5)
        var netByRegion = [[Double]](repeating: [], count: geography.regions.count)
        var netFinal = 0.0, grossFinal = 0.0, netJobYears = 0.0
        for slot in slots {
            let cell = table.cells[slot]
            let series = table.direct[slot]
            let region = geography.regions[cell.region]
            let dims = Dimensions(region: region.id, country: region.country, sector: table.sectorIds[cell.sector])
            if netByRegion[cell.region].isEmpty { netByRegion[cell.region] = [Double](repeating: 0, count: yearCount) }
            for (t, jobs) in series.enumerated() {
                let year = first + t
                let gross = jobs * grossPerDirect
                let net = gross * netPerGross
                try b.add("jobs_direct", year: year, dims, jobs)
                try b.add("jobs_indirect", year: year, dims, jobs * indirectPerDirect)
                try b.add("jobs_induced", year: year, dims, jobs * inducedPerDirect)
                try b.add("jobs_gross", year: year, dims, gross)
                try b.add("jobs_net", year: year, dims, net)
                netByRegion[cell.region][t] += net
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
        if !slots.isEmpty {
            b.finding(.info, "indirect and induced jobs from multipliers (Type I \(format(parameters.type1Multiplier)), Type II \(format(parameters.type2Multiplier))); "
                      + "the scenario gives no input–output table. Net jobs are \(format((netPerGross * 1000).rounded() / 1000)) of gross; "
                      + "net job-years over the horizon: \(format(netJobYears.rounded()))")
        }

        // 5. Labour-market check: net jobs against the unemployed plus labour-force growth.
        var unchecked: [String] = []
        for (r, net) in netByRegion.enumerated() where !net.isEmpty {
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
        return b.result
    }
}
