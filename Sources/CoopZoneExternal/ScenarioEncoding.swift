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

    mutating func encodeScenario() {
        let s = scenario
        object { e in
            e.text("file", s.file)
            e.text("title", s.title)
            e.text("description", s.description)
            e.strings("authors", s.authors)
            e.field("sources") { e in
                e.array(s.sources) { e, source in e.object { e in e.text("id", source.id); e.text("title", source.title); e.text("url", source.url) } }
            }
            e.strings("extends", s.extends)
            e.text("content_hash", s.contentHash)
            e.field("horizon") { e in e.object { e in e.integer("first", s.horizon.lowerBound); e.integer("last", s.horizon.upperBound) } }
            e.integer("price_year", s.priceYear)
            e.text("currency", s.currency)
            e.number("discount_rate", s.discountRate)
            e.field("sectors") { e in
                e.array(s.sectors) { e, sector in e.object { e in e.text("id", sector.id); e.text("name", sector.name); e.bool("perishable", sector.perishable) } }
            }
            e.field("countries") { e in e.array(s.countries) { e, country in e.encodeCountry(country) } }
            e.field("regions") { e in e.array(s.regions) { e, region in e.encodeRegion(region) } }
            e.field("links") { e in e.array(s.links) { e, link in e.encodeLink(link) } }
            e.field("zones") { e in e.array(Array(s.zones.enumerated())) { e, item in e.encodeZone(item.element, index: item.offset) } }
        }
    }

    mutating func encodeCountry(_ country: Country) {
        object { e in
            e.text("code", country.code)
            e.text("name", country.name)
            e.field("fiscal") { e in
                e.object { e in
                    let f = country.fiscal
                    e.number("corporate_income_tax", f.corporateIncomeTax)
                    e.number("property_tax", f.propertyTax)
                    e.number("land_tax", f.landTax)
                    e.number("vat", f.vat)
                    e.number("land_rent", f.landRent)
                    e.number("import_duty", f.importDuty)
                    if !f.importDutyBySector.isEmpty {
                        e.field("import_duty_by_sector") { e in
                            e.object { e in for (sector, q) in f.importDutyBySector.sorted(by: { $0.key < $1.key }) { e.number(sector, q) } }
                        }
                    }
                    e.number("equipment_duty", f.equipmentDuty)
                    e.number("wage_tax", f.wageTax)
                }
            }
            if let totals = country.tradeTotals {
                e.field("trade_totals") { e in
                    e.object { e in
                        if let year = totals.year { e.integer("year", year) }
                        for (key, values) in [("exports", totals.exports), ("imports", totals.imports)] {
                            e.field(key) { e in e.object { e in for (sector, q) in values.sorted(by: { $0.key < $1.key }) { e.number(sector, q) } } }
                        }
                    }
                }
            }
        }
    }

    mutating func encodeRegion(_ region: Region) {
        object { e in
            e.text("id", region.id)
            e.text("name", region.name)
            e.text("country", region.country)
            e.number("population", region.population)
            e.number("labour_force", region.labourForce)
            e.number("unemployment_rate", region.unemploymentRate)
            e.number("labour_force_growth", region.labourForceGrowth)
            e.number("average_wage", region.averageWage)
            e.field("sectors") { e in
                e.array(region.sectors) { e, rs in
                    e.object { e in
                        e.text("sector", rs.sector)
                        e.number("output", rs.output)
                        e.number("employment", rs.employment)
                        e.number("share", rs.share)
                    }
                }
            }
        }
    }

    mutating func encodeLink(_ link: TradeLink) {
        object { e in
            e.text("id", link.id)
            e.text("from", link.from)
            e.text("to", link.to)
            e.number("distance_km", link.distanceKm)
            e.number("border_crossing_days", link.borderCrossingDays)
            e.number("logistics_cost_share", link.logisticsCostShare)
            e.number("loss_share", link.lossShare)
            e.number("shadow_share", link.shadowShare)
            e.number("zone_share", link.zoneShare)
            e.series("turnover", link.turnoverHistory)
            e.field("flows") { e in
                e.array(link.flows) { e, flow in
                    e.object { e in
                        e.text("sector", flow.sector)
                        e.text("direction", flow.direction.rawValue)
                        e.series("history", flow.history)
                        e.integer("base_year", flow.baseYear)
                        e.number("value", flow.baseValue)
                        e.number("growth", flow.growth)
                        e.number("tariff", flow.tariff)
                        e.number("other_imports", flow.otherImports)
                        e.number("other_tariff", flow.otherTariff)
                    }
                }
            }
        }
    }

    mutating func encodeZone(_ zone: Zone, index z: Int) {
        let timeline = scenario.timeline(of: zone)
        if zone.stages.contains(where: { if case .infrastructureSpending = $0.start { true } else { false } }) { dynamicZones.insert(z) }
        object { e in
            e.text("id", zone.id)
            e.text("name", zone.name)
            e.text("kind", zone.kind.rawValue)
            e.strings("regions", zone.regions)
            e.strings("parties", zone.parties)
            e.number("area_ha", zone.areaHectares)
            e.field("stages") { e in
                e.array(Array(zone.stages.enumerated())) { e, item in
                    let (s, stage) = item
                    let placed = timeline.stages.first { $0.stage.id == stage.id }
                    e.object { e in
                        e.text("id", stage.id)
                        e.text("name", stage.name)
                        e.field("start") { e in
                            e.object { e in
                                switch stage.start {
                                case .year(let year): e.integer("year", year)
                                case .after(let other, let lag): e.text("after", other); e.integer("lag", lag)
                                case .infrastructureSpending(let amount, let earliest):
                                    e.number("infrastructure_spending", amount)
                                    e.integer("earliest", earliest)
                                }
                            }
                        }
                        e.integer("end", stage.end)
                        e.integer("duration", stage.duration)
                        e.field("first_year") { e in e.leaf(.stageYear(zone: z, stage: s, last: false), value: placed.map { Double($0.first) }) }
                        e.field("last_year") { e in e.leaf(.stageYear(zone: z, stage: s, last: true), value: placed.map { Double($0.last) }) }
                        e.field("measures") { e in e.encodeMeasures(stage.measures) }
                        e.field("incentives") { e in e.encodeIncentives(stage.incentives) }
                    }
                }
            }
            e.field("investment") { e in
                e.array(zone.investment) { e, inv in
                    e.object { e in
                        e.integer("year", inv.year)
                        e.text("country", inv.country)
                        e.text("region", inv.region)
                        e.text("sector", inv.sector)
                        e.number("amount", inv.amount)
                        e.number("equipment_share", inv.equipmentShare)
                        e.number("land_ha", inv.landHectares)
                        if inv.existing { e.bool("existing", true) }
                    }
                }
            }
        }
    }

    mutating func encodeMeasures(_ m: Measures) {
        object { e in
            e.field("tariffs") { e in
                e.array(m.tariffs) { e, t in
                    e.object { e in
                        e.text("link", t.link)
                        e.text("sector", t.sector)
                        e.text("direction", t.direction?.rawValue)
                        switch t.rule {
                        case .newRate(let q): e.text("rule", "new_rate"); e.number("rate", q)
                        case .maximumRate(let q): e.text("rule", "maximum_rate"); e.number("rate", q)
                        case .linearCut(let q): e.text("rule", "linear_cut"); e.number("cut", q)
                        case .swiss(let q): e.text("rule", "swiss"); e.number("a", q)
                        }
                    }
                }
            }
            e.field("border_time") { e in e.array(m.borderTime) { e, b in e.object { e in e.text("link", b.link); e.number("days", b.days) } } }
            e.field("logistics_cost") { e in e.array(m.logisticsCost) { e, l in e.object { e in e.text("link", l.link); e.number("cost_share", l.costShare) } } }
            e.field("storage") { e in
                e.array(m.storage) { e, st in
                    e.object { e in e.text("link", st.link); e.text("sector", st.sector); e.number("loss_share", st.lossShare); e.number("capacity_tonnes", st.capacityTonnes) }
                }
            }
            e.field("shadow_trade") { e in e.array(m.shadowTrade) { e, st in e.object { e in e.text("link", st.link); e.number("shadow_share", st.shadowShare) } } }
            e.field("infrastructure") { e in
                e.array(m.infrastructure) { e, i in
                    e.object { e in e.text("country", i.country); e.number("amount_per_year", i.amountPerYear); e.number("running_cost_per_year", i.runningCostPerYear) }
                }
            }
        }
    }

    mutating func encodeIncentives(_ i: Incentives) {
        object { e in
            e.number("income_tax_holiday_years", i.incomeTaxHolidayYears)
            e.number("corporate_income_tax_rate", i.corporateIncomeTaxRate)
            e.number("property_tax_rate", i.propertyTaxRate)
            e.number("land_tax", i.landTax)
            e.number("input_duty_exemption", i.inputDutyExemption)
            e.number("equipment_duty_exemption", i.equipmentDutyExemption)
            e.number("land_rent_exemption", i.landRentExemption)
            e.number("infrastructure_reimbursement", i.infrastructureReimbursement)
            e.number("vat_discount", i.vatDiscount)
            e.number("duty_discount", i.dutyDiscount)
        }
    }
}
