import CoopZoneCore

/// The multipliers of one evaluation, by region index: from the region's input–output table, or
/// its country's regionalised, or none (the flat defaults apply). Looked up lazily, so a region
/// without jobs costs nothing, and through `MultiplierCache`, so a Monte Carlo draw recomputes
/// them only when an input they depend on changes.
struct TableMultipliers {
    private let scenario: Scenario
    private let geography: ZoneGeography
    private let delta: Double
    /// For each region index: its table, the regional one first.
    private let tables: [InputOutputTable?]
    /// Looked-up results by region index (nil: not looked up yet).
    private var results: [Result<RegionMultipliers, RegionMultipliers.Unavailable>?]
    /// The region indices looked up, in order.
    private var used: [Int] = []

    init(_ scenario: Scenario, geography: ZoneGeography, delta: Double) {
        self.scenario = scenario
        self.geography = geography
        self.delta = delta
        tables = geography.regions.map { region in
            scenario.inputOutput.first { $0.scope == .region(region.id) } ?? scenario.inputOutput.first { $0.scope == .country(region.country) }
        }
        results = Array(repeating: nil, count: geography.regions.count)
    }

    /// The multipliers of region `r`, or nil when it has no usable table.
    mutating func of(region r: Int) -> RegionMultipliers? {
        if results[r] == nil {
            used.append(r)
            if let table = tables[r] {
                results[r] = MultiplierCache.shared.multipliers(scenario: scenario, region: r, table: table, delta: delta)
            } else {
                results[r] = .failure(.reason("no input–output table of the region or of its country \(geography.regions[r].country)"))
            }
        }
        if case .success(let m) = results[r] { return m }
        return nil
    }

    /// Writes the `*_multiplier` rows of every region looked up that has a table: each scenario
    /// sector, Type I and Type II (`instrument` type_i / type_ii), no year.
    func writeRows(_ w: inout RowWriter, sectors: [Sector]) {
        typealias Metrics = EmploymentEvaluator.Metrics
        for r in used.sorted() {
            guard case .success(let m)? = results[r] else { continue }
            let region = geography.regions[r]
            for (s, sector) in zip(m.sectors, sectors) {
                for (type, pick) in [("type_i", \RegionMultipliers.Pair.typeI), ("type_ii", \RegionMultipliers.Pair.typeII)] {
                    func dims() -> Dimensions { Dimensions(region: region.id, country: region.country, sector: sector.id, instrument: type) }
                    w.add(Metrics.outputMultiplier, year: nil, dims(), s.output[keyPath: pick])
                    w.add(Metrics.employmentMultiplier, year: nil, dims(), s.employment[keyPath: pick])
                    w.add(Metrics.labourIncomeMultiplier, year: nil, dims(), s.labourIncome[keyPath: pick])
                    if let va = s.valueAdded { w.add(Metrics.valueAddedMultiplier, year: nil, dims(), va[keyPath: pick]) }
                }
            }
        }
    }

    /// One finding per region looked up: where its multipliers come from, or why the flat defaults apply.
    func findings(_ b: inout ResultBuilder, flat: RegionMultipliers.Pair) {
        if scenario.inputOutput.isEmpty {
            b.finding(
                .info,
                "indirect and induced jobs from the flat multipliers (Type I \(format(flat.typeI)), Type II \(format(flat.typeII))) in every region: the scenario gives no input–output table (Docs/input-output.md)"
            )
            return
        }
        for r in used.sorted() {
            let region = geography.regions[r]
            switch results[r] {
            case .success(let m)?:
                let list = zip(scenario.sectors, m.sectors).map { "\($0.id) \(format2($1.employment.typeI))/\(format2($1.employment.typeII))" }
                let source: String
                switch m.basis {
                case .regionalTable: source = "its own input–output table '\(m.table)'"
                case .regionalised(let lambda, let delta):
                    source = "the national table '\(m.table)' regionalised with Flegg's location quotient (δ \(format(delta)), λ* \(format2(lambda)))"
                }
                b.finding(
                    .info,
                    "indirect and induced jobs in region '\(region.id)' from \(source): employment multipliers Type I/Type II \(list.joined(separator: ", ")); other jobs \(format2(m.all.typeI))/\(format2(m.all.typeII))"
                )
            case .failure(.reason(let why))?:
                let table = tables[r].map { "table '\($0.id)' cannot be used: " } ?? ""
                b.finding(
                    tables[r] == nil ? .info : .warning,
                    "indirect and induced jobs in region '\(region.id)' from the flat multipliers (Type I \(format(flat.typeI)), Type II \(format(flat.typeII))): \(table)\(why)",
                    at: tables[r]?.location)
            case nil: continue
            }
        }
    }

    private func format2(_ x: Double) -> String { format((x * 100).rounded() / 100) }
}
