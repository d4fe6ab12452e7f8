import CoopZoneCore
import Foundation

/// A resolved scenario as the protocol sends it: JSON with the scenario format's keys, every
/// number plain (its value in this run), each stage's resolved `first_year` and `last_year`,
/// and a record of where each number sits, so that a draw can be sent as the few numbers that
/// differ from this base (`changes`) instead of a whole scenario.
struct ScenarioEncoding: Sendable {
    /// Where a number of the JSON comes from.
    enum Source: Sendable, Hashable {
        /// A number of the scenario (`Scenario.values[slot]`).
        case slot(Int)
        /// The first or last year of a stage, from the zone's timeline.
        case stageYear(zone: Int, stage: Int, last: Bool)
    }

    /// One number of the JSON that a draw may change.
    struct Leaf: Sendable {
        /// Its path as JSON text: `["links",0,"distance_km"]`.
        var path: String
        /// Where its value comes from.
        var source: Source
        /// Its value in the base (nil for a stage that does not start).
        var base: Double?
    }

    /// The scenario JSON (one line).
    let json: String
    /// The numbers a draw may change.
    let leaves: [Leaf]
    /// Zones whose stage years depend on numbers (a start on infrastructure spending).
    let dynamicZones: Set<Int>
    /// The content hash and number count of the scenario encoded, to reuse the encoding.
    let key: String

    /// Encodes `scenario` (usually at its central values).
    init(_ scenario: Scenario) {
        var e = Emitter(scenario: scenario)
        e.encodeScenario()
        json = e.writer.output
        leaves = e.leaves
        dynamicZones = e.dynamicZones
        key = Self.key(of: scenario)
    }

    static func key(of scenario: Scenario) -> String { "\(scenario.contentHash)/\(scenario.values.count)/\(scenario.file)" }

    /// The numbers of `scenario` (the same scenario with other values) that differ from the base,
    /// as a JSON array of `{"path": […], "value": …}`.
    func changes(for scenario: Scenario) -> String {
        var timelines: [Int: StageTimeline] = [:]
        for z in dynamicZones where z < scenario.zones.count { timelines[z] = scenario.timeline(of: scenario.zones[z]) }
        var w = JSONWriter()
        w.raw("[")
        var first = true
        for leaf in leaves {
            let value: Double?
            switch leaf.source {
            case .slot(let slot):
                guard slot < scenario.values.count else { continue }
                value = scenario.values[slot]
            case .stageYear(let z, let s, let last):
                guard let timeline = timelines[z] else { continue }
                let id = scenario.zones[z].stages[s].id
                value = timeline.stages.first { $0.stage.id == id }.map { Double(last ? $0.last : $0.first) }
            }
            if value == leaf.base { continue }
            if !first { w.raw(",") }
            first = false
            w.raw("{\"path\":")
            w.raw(leaf.path)
            w.raw(",\"value\":")
            if let value { w.number(value) } else { w.raw("null") }
            w.raw("}")
        }
        w.raw("]")
        return w.output
    }
}

/// Writes `values` as a JSON array of numbers (null for nil).
private func numbersOf(_ e: inout Emitter, _ values: [Double?]) {
    e.writer.raw("[")
    for (i, v) in values.enumerated() {
        if i > 0 { e.writer.raw(",") }
        if let v { e.writer.number(v) } else { e.writer.raw("null") }
    }
    e.writer.raw("]")
}

/// Writes the scenario JSON, keeping the path of every number.
private struct Emitter {
    let scenario: Scenario
    var writer = JSONWriter()
    var path: [String] = []
    var first: [Bool] = []
    var leaves: [ScenarioEncoding.Leaf] = []
    var dynamicZones = Set<Int>()

    init(scenario: Scenario) { self.scenario = scenario }

    mutating func separator() {
        if first[first.count - 1] { first[first.count - 1] = false } else { writer.raw(",") }
    }

    mutating func object(_ body: (inout Emitter) -> Void) {
        writer.raw("{")
        first.append(true)
        body(&self)
        first.removeLast()
        writer.raw("}")
    }

    mutating func array<T>(_ items: [T], _ body: (inout Emitter, T) -> Void) {
        writer.raw("[")
        first.append(true)
        for (i, item) in items.enumerated() {
            separator()
            path.append(String(i))
            body(&self, item)
            path.removeLast()
        }
        first.removeLast()
        writer.raw("]")
    }

    mutating func field(_ key: String, _ body: (inout Emitter) -> Void) {
        separator()
        writer.string(key)
        writer.raw(":")
        var quoted = JSONWriter()
        quoted.string(key)
        path.append(quoted.output)
        body(&self)
        path.removeLast()
    }

    mutating func text(_ key: String, _ value: String?) {
        guard let value else { return }
        field(key) { $0.writer.string(value) }
    }

    mutating func integer(_ key: String, _ value: Int?) {
        guard let value else { return }
        field(key) { $0.writer.integer(value) }
    }

    mutating func bool(_ key: String, _ value: Bool) {
        field(key) { $0.writer.raw(value ? "true" : "false") }
    }

    mutating func number(_ key: String, _ q: Quantity?) {
        guard let q else { return }
        field(key) { e in e.leaf(.slot(q.slot), value: e.scenario[q]) }
    }

    mutating func leaf(_ source: ScenarioEncoding.Source, value: Double?) {
        if let value { writer.number(value) } else { writer.raw("null") }
        leaves.append(.init(path: "[" + path.joined(separator: ",") + "]", source: source, base: value))
    }

    mutating func strings(_ key: String, _ values: [String]) {
        field(key) { e in e.array(values) { e, v in e.writer.string(v) } }
    }

    mutating func series(_ key: String, _ values: [YearValue]) {
        guard !values.isEmpty else { return }
        field(key) { e in e.object { e in for v in values { e.number(String(v.year), v.value) } } }
    }

    /// An object of the format's `level`: its keys in the table's order, each written by
    /// `write` (which writes nothing for a key that is absent or not sent).
    mutating func object(_ level: FormatLevel, _ write: (inout Emitter, String) -> Void) {
        object { e in for key in level.keys { write(&e, key) } }
    }

    mutating func encodeScenario() {
        let s = scenario
        object { e in
            e.text("file", s.file)
            for key in ScenarioFormat.top.keys {
                switch key {
                case "title": e.text(key, s.title)
                case "description": e.text(key, s.description)
                case "authors": e.strings(key, s.authors)
                case "sources":
                    e.field(key) { e in
                        e.array(s.sources) { e, source in
                            e.object(ScenarioFormat.source) { e, key in
                                switch key {
                                case "id": e.text(key, source.id)
                                case "title": e.text(key, source.title)
                                case "url": e.text(key, source.url)
                                default: break
                                }
                            }
                        }
                    }
                case "extends":
                    e.strings(key, s.extends)
                    e.text("content_hash", s.contentHash)
                case "horizon":
                    e.field(key) { e in
                        e.object(ScenarioFormat.horizon) { e, key in e.integer(key, key == "first" ? s.horizon.lowerBound : s.horizon.upperBound) }
                    }
                case "price_year": e.integer(key, s.priceYear)
                case "currency": e.text(key, s.currency)
                case "discount_rate": e.number(key, s.discountRate)
                case "sectors":
                    e.field(key) { e in
                        e.array(s.sectors) { e, sector in
                            e.object(ScenarioFormat.sector) { e, key in
                                switch key {
                                case "id": e.text(key, sector.id)
                                case "name": e.text(key, sector.name)
                                case "perishable": e.bool(key, sector.perishable)
                                default: break
                                }
                            }
                        }
                    }
                case "countries": e.field(key) { e in e.array(s.countries) { e, country in e.encodeCountry(country) } }
                case "regions": e.field(key) { e in e.array(s.regions) { e, region in e.encodeRegion(region) } }
                case "input_output": if !s.inputOutput.isEmpty { e.field(key) { e in e.array(s.inputOutput) { e, t in e.encodeInputOutput(t) } } }
                case "links": e.field(key) { e in e.array(s.links) { e, link in e.encodeLink(link) } }
                case "zones": e.field(key) { e in e.array(Array(s.zones.enumerated())) { e, item in e.encodeZone(item.element, index: item.offset) } }
                default: break  // format, evaluators (sent as the run's parameters), levers
                }
            }
        }
    }

    /// An input–output table as its checked coefficients, written inline as the format reads them
    /// (`values: coefficients`), whether the scenario gave a file or flows.
    mutating func encodeInputOutput(_ t: InputOutputTable) {
        object(ScenarioFormat.inputOutput) { e, key in
            switch key {
            case "id": e.text(key, t.id)
            case "country": if case .country(let code) = t.scope { e.text(key, code) }
            case "region": if case .region(let id) = t.scope { e.text(key, id) }
            case "year": e.integer(key, t.year)
            case "unit": e.text(key, "usd_million")
            case "values": e.text(key, "coefficients")
            case "file": break  // the table goes inline; the file was read by the loader
            case "table":
                e.field(key) { e in
                    e.object { e in
                        e.strings("columns", t.sectors + [InputOutputTable.Label.householdConsumption])
                        e.field("rows") { e in
                            e.object { e in
                                for (i, sector) in t.sectors.enumerated() {
                                    e.field(sector) { e in numbersOf(&e, t.coefficients[i].map { $0 } + [t.householdConsumption[i]]) }
                                }
                                let none: [Double?] = [nil]
                                e.field(InputOutputTable.Label.labourIncome) { e in numbersOf(&e, t.labourIncome.map { $0 } + none) }
                                if let v = t.valueAdded { e.field(InputOutputTable.Label.valueAdded) { e in numbersOf(&e, v.map { $0 } + none) } }
                                e.field(InputOutputTable.Label.employment) { e in numbersOf(&e, t.employmentCoefficients.map { $0 } + none) }
                                e.field(InputOutputTable.Label.grossOutput) { e in numbersOf(&e, t.grossOutput.map { $0 } + none) }
                            }
                        }
                    }
                }
            case "concordance":
                e.field(key) { e in
                    e.object { e in
                        for (s, group) in zip(e.scenario.sectors, t.concordance) { e.strings(s.id, group.map { t.sectors[$0] }) }
                    }
                }
            case "household_income": e.number(key, t.householdIncome)
            default: break
            }
        }
    }

    mutating func bySector(_ key: String, _ values: [String: Quantity]) {
        field(key) { e in e.object { e in for (sector, q) in values.sorted(by: { $0.key < $1.key }) { e.number(sector, q) } } }
    }

    mutating func encodeCountry(_ country: Country) {
        object(ScenarioFormat.country) { e, key in
            switch key {
            case "code": e.text(key, country.code)
            case "name": e.text(key, country.name)
            case "fiscal":
                let f = country.fiscal
                e.field(key) { e in
                    e.object(ScenarioFormat.fiscal) { e, key in
                        switch key {
                        case "corporate_income_tax": e.number(key, f.corporateIncomeTax)
                        case "property_tax": e.number(key, f.propertyTax)
                        case "land_tax": e.number(key, f.landTax)
                        case "vat": e.number(key, f.vat)
                        case "land_rent": e.number(key, f.landRent)
                        case "import_duty": e.number(key, f.importDuty)
                        case "import_duty_by_sector": if !f.importDutyBySector.isEmpty { e.bySector(key, f.importDutyBySector) }
                        case "equipment_duty": e.number(key, f.equipmentDuty)
                        case "wage_tax": e.number(key, f.wageTax)
                        default: break
                        }
                    }
                }
            case "trade_totals":
                guard let totals = country.tradeTotals else { return }
                e.field(key) { e in
                    e.object(ScenarioFormat.tradeTotals) { e, key in
                        switch key {
                        case "year": e.integer(key, totals.year)
                        case "exports": e.bySector(key, totals.exports)
                        case "imports": e.bySector(key, totals.imports)
                        default: break
                        }
                    }
                }
            default: break
            }
        }
    }

    mutating func encodeRegion(_ region: Region) {
        object(ScenarioFormat.region) { e, key in
            switch key {
            case "id": e.text(key, region.id)
            case "name": e.text(key, region.name)
            case "country": e.text(key, region.country)
            case "population": e.number(key, region.population)
            case "labour_force": e.number(key, region.labourForce)
            case "unemployment_rate": e.number(key, region.unemploymentRate)
            case "labour_force_growth": e.number(key, region.labourForceGrowth)
            case "average_wage": e.number(key, region.averageWage)
            case "sectors":
                e.field(key) { e in
                    e.array(region.sectors) { e, rs in
                        e.object(ScenarioFormat.regionSector) { e, key in
                            switch key {
                            case "sector": e.text(key, rs.sector)
                            case "output": e.number(key, rs.output)
                            case "employment": e.number(key, rs.employment)
                            case "share": e.number(key, rs.share)
                            default: break
                            }
                        }
                    }
                }
            default: break
            }
        }
    }

    mutating func encodeLink(_ link: TradeLink) {
        object(ScenarioFormat.link) { e, key in
            switch key {
            case "id": e.text(key, link.id)
            case "from": e.text(key, link.from)
            case "to": e.text(key, link.to)
            case "distance_km": e.number(key, link.distanceKm)
            case "border_crossing_days": e.number(key, link.borderCrossingDays)
            case "logistics_cost_share": e.number(key, link.logisticsCostShare)
            case "loss_share": e.number(key, link.lossShare)
            case "shadow_share": e.number(key, link.shadowShare)
            case "zone_share": e.number(key, link.zoneShare)
            case "turnover": e.series(key, link.turnoverHistory)
            case "flows": e.field(key) { e in e.array(link.flows) { e, flow in e.encodeFlow(flow) } }
            default: break
            }
        }
    }

    mutating func encodeFlow(_ flow: TradeFlow) {
        object(ScenarioFormat.flow) { e, key in
            switch key {
            case "sector": e.text(key, flow.sector)
            case "direction": e.text(key, flow.direction.rawValue)
            case "history": e.series(key, flow.history)
            case "base_year": e.integer(key, flow.baseYear)
            case "value": e.number(key, flow.baseValue)
            case "growth": e.number(key, flow.growth)
            case "tariff": e.number(key, flow.tariff)
            case "other_imports": e.number(key, flow.otherImports)
            case "other_tariff": e.number(key, flow.otherTariff)
            default: break
            }
        }
    }

    mutating func encodeZone(_ zone: Zone, index z: Int) {
        let timeline = scenario.timeline(of: zone)
        if zone.stages.contains(where: { if case .infrastructureSpending = $0.start { true } else { false } }) { dynamicZones.insert(z) }
        object(ScenarioFormat.zone) { e, key in
            switch key {
            case "id": e.text(key, zone.id)
            case "name": e.text(key, zone.name)
            case "kind": e.text(key, zone.kind.rawValue)
            case "regions": e.strings(key, zone.regions)
            case "parties": e.strings(key, zone.parties)
            case "area_ha": e.number(key, zone.areaHectares)
            case "stages":
                e.field(key) { e in
                    e.array(Array(zone.stages.enumerated())) { e, item in
                        e.encodeStage(item.element, index: item.offset, zone: z, placed: timeline.stages.first { $0.stage.id == item.element.id })
                    }
                }
            case "investment": e.field(key) { e in e.array(zone.investment) { e, inv in e.encodeInvestment(inv) } }
            default: break
            }
        }
    }

    mutating func encodeStage(_ stage: Stage, index s: Int, zone z: Int, placed: ResolvedStage?) {
        object(ScenarioFormat.stage) { e, key in
            switch key {
            case "id": e.text(key, stage.id)
            case "name": e.text(key, stage.name)
            case "start":
                e.field(key) { e in
                    e.object(ScenarioFormat.start) { e, key in
                        switch (key, stage.start) {
                        case ("year", .year(let year)): e.integer(key, year)
                        case ("after", .after(let other, _)): e.text(key, other)
                        case ("lag", .after(_, let lag)): e.integer(key, lag)
                        case ("infrastructure_spending", .infrastructureSpending(let amount, _)): e.number(key, amount)
                        case ("earliest", .infrastructureSpending(_, let earliest)): e.integer(key, earliest)
                        default: break
                        }
                    }
                }
            case "end": e.integer(key, stage.end)
            case "duration":
                e.integer(key, stage.duration)
                // The stage's years as the timeline places them: sent, not read.
                e.field("first_year") { e in e.leaf(.stageYear(zone: z, stage: s, last: false), value: placed.map { Double($0.first) }) }
                e.field("last_year") { e in e.leaf(.stageYear(zone: z, stage: s, last: true), value: placed.map { Double($0.last) }) }
            case "measures": e.field(key) { e in e.encodeMeasures(stage.measures) }
            case "incentives": e.field(key) { e in e.encodeIncentives(stage.incentives) }
            default: break
            }
        }
    }

    mutating func encodeInvestment(_ inv: Investment) {
        object(ScenarioFormat.investment) { e, key in
            switch key {
            case "year": e.integer(key, inv.year)
            case "country": e.text(key, inv.country)
            case "region": e.text(key, inv.region)
            case "sector": e.text(key, inv.sector)
            case "amount": e.number(key, inv.amount)
            case "equipment_share": e.number(key, inv.equipmentShare)
            case "land_ha": e.number(key, inv.landHectares)
            case "existing": if inv.existing { e.bool(key, true) }
            default: break
            }
        }
    }

    mutating func encodeMeasures(_ m: Measures) {
        object(ScenarioFormat.measures) { e, key in
            switch key {
            case "tariffs":
                e.field(key) { e in
                    e.array(m.tariffs) { e, t in
                        e.object(ScenarioFormat.tariff) { e, key in
                            switch (key, t.rule) {
                            case ("link", _): e.text(key, t.link)
                            case ("sector", _): e.text(key, t.sector)
                            case ("direction", _): e.text(key, t.direction?.rawValue)
                            case ("rule", .newRate): e.text(key, "new_rate")
                            case ("rule", .maximumRate): e.text(key, "maximum_rate")
                            case ("rule", .linearCut): e.text(key, "linear_cut")
                            case ("rule", .swiss): e.text(key, "swiss")
                            case ("rate", .newRate(let q)), ("rate", .maximumRate(let q)), ("cut", .linearCut(let q)), ("a", .swiss(let q)): e.number(key, q)
                            default: break
                            }
                        }
                    }
                }
            case "border_time":
                e.field(key) { e in
                    e.array(m.borderTime) { e, b in
                        e.object(ScenarioFormat.borderTime) { e, key in if key == "link" { e.text(key, b.link) } else { e.number(key, b.days) } }
                    }
                }
            case "logistics_cost":
                e.field(key) { e in
                    e.array(m.logisticsCost) { e, l in
                        e.object(ScenarioFormat.logistics) { e, key in if key == "link" { e.text(key, l.link) } else { e.number(key, l.costShare) } }
                    }
                }
            case "storage":
                e.field(key) { e in
                    e.array(m.storage) { e, st in
                        e.object(ScenarioFormat.storage) { e, key in
                            switch key {
                            case "link": e.text(key, st.link)
                            case "sector": e.text(key, st.sector)
                            case "loss_share": e.number(key, st.lossShare)
                            case "capacity_tonnes": e.number(key, st.capacityTonnes)
                            default: break
                            }
                        }
                    }
                }
            case "shadow_trade":
                e.field(key) { e in
                    e.array(m.shadowTrade) { e, st in
                        e.object(ScenarioFormat.shadow) { e, key in if key == "link" { e.text(key, st.link) } else { e.number(key, st.shadowShare) } }
                    }
                }
            case "infrastructure":
                e.field(key) { e in
                    e.array(m.infrastructure) { e, i in
                        e.object(ScenarioFormat.infrastructure) { e, key in
                            switch key {
                            case "country": e.text(key, i.country)
                            case "amount_per_year": e.number(key, i.amountPerYear)
                            case "running_cost_per_year": e.number(key, i.runningCostPerYear)
                            default: break
                            }
                        }
                    }
                }
            default: break
            }
        }
    }

    mutating func encodeIncentives(_ i: Incentives) {
        object(ScenarioFormat.incentives) { e, key in
            switch key {
            case "income_tax_holiday_years": e.number(key, i.incomeTaxHolidayYears)
            case "corporate_income_tax_rate": e.number(key, i.corporateIncomeTaxRate)
            case "property_tax_rate": e.number(key, i.propertyTaxRate)
            case "land_tax": e.number(key, i.landTax)
            case "input_duty_exemption": e.number(key, i.inputDutyExemption)
            case "equipment_duty_exemption": e.number(key, i.equipmentDutyExemption)
            case "land_rent_exemption": e.number(key, i.landRentExemption)
            case "infrastructure_reimbursement": e.number(key, i.infrastructureReimbursement)
            case "vat_discount": e.number(key, i.vatDiscount)
            case "duty_discount": e.number(key, i.dutyDiscount)
            default: break
            }
        }
    }
}
