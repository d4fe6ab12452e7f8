import Foundation

/// Every zone's stage measures placed on the horizon, by the persistence rule of
/// `Docs/methodology/trade_effects.md#stages-and-persistence`: a measure takes effect in the first
/// year of its stage (from `scenario.timeline(of:)`) and stays in force to the end of the horizon,
/// unless a stage starting later sets the same thing again. A stage's end does not revert it.
public struct MeasureTimeline: Sendable {
    /// One stage's measures and when they start.
    public struct Event: Sendable {
        /// The first year of the stage.
        public let first: Int
        /// The stage's measures.
        public let measures: Measures
        /// The countries of the zone's member regions (the scope of a tariff change without a link).
        public let zoneCountries: Set<String>
    }

    /// A value in force per year of the horizon, and the first year index from which a measure sets it.
    public struct Path: Sendable {
        /// One value per horizon year.
        public var values: [Double]
        /// Index of the first year a measure is in force; `nil` if none ever is.
        public var activeFrom: Int?

        /// A path of `values` with a measure in force from index `activeFrom`.
        public init(values: [Double], activeFrom: Int?) {
            self.values = values
            self.activeFrom = activeFrom
        }

        /// True when a measure is in force in year index `i`.
        @inline(__always) public func isActive(_ i: Int) -> Bool { activeFrom.map { i >= $0 } ?? false }

        /// Sets `value` from year index `from` to the end of the horizon.
        public mutating func set(_ value: Double, from: Int) {
            let start = max(0, from)
            guard start < values.count else { return }
            for i in start..<values.count { values[i] = value }
            activeFrom = min(activeFrom ?? start, start)
        }
    }

    /// The stage events, ordered by first year, then zone order, then stage order.
    public let events: [Event]
    /// The first year of the horizon.
    public let firstYear: Int
    /// The number of years in the horizon.
    public let count: Int

    /// Places the stages of every zone of `scenario`.
    public init(_ scenario: Scenario) {
        firstYear = scenario.horizon.lowerBound
        count = scenario.horizon.count
        var keyed: [(first: Int, zone: Int, order: Int, event: Event)] = []
        for (z, zone) in scenario.zones.enumerated() {
            let countries = Set(zone.regions.compactMap { scenario.region($0)?.country })
            for (order, resolved) in scenario.timeline(of: zone).stages.enumerated() {
                keyed.append((resolved.first, z, order, Event(first: resolved.first, measures: resolved.stage.measures, zoneCountries: countries)))
            }
        }
        keyed.sort { ($0.first, $0.zone, $0.order) < ($1.first, $1.zone, $1.order) }
        events = keyed.map(\.event)
    }

    /// A path starting at `base` in every year.
    public func constant(_ base: Double) -> Path { Path(values: [Double](repeating: base, count: count), activeFrom: nil) }

    /// A link-level setting (border days, logistics share, shadow share): `base` until a stage sets
    /// it, then the value of the latest stage that set it. `pick` returns the value a stage's
    /// measures give the link, if any (the last matching entry of the stage wins).
    public func linkPath(base: Double, _ pick: (Measures) -> Quantity?, in scenario: Scenario) -> Path {
        var path = constant(base)
        for event in events {
            if let q = pick(event.measures) { path.set(scenario[q], from: event.first - firstYear) }
        }
        return path
    }

    /// The importer's tariff on `flow` by year from its base tariff (`Scenario.baseTariff(of:on:)`:
    /// the flow's own, else the importer's duty on the sector; 0 when the scenario gives neither),
    /// with that base tariff's number (nil when it is the assumed 0) and rate: what `trade_effects`
    /// computes and the `tariffs_by_year` view sends.
    public func tariffPath(
        of flow: TradeFlow, on link: TradeLink, in scenario: Scenario, matched: inout Set<SourceLocation>, recordMatches: Bool = true
    ) -> (base: Quantity?, t0: Double, path: Path) {
        let base = scenario.baseTariff(of: flow, on: link)
        let t0 = base.map { scenario[$0] } ?? 0
        let ends = (scenario.country(ofEnd: link.from), scenario.country(ofEnd: link.to))
        return (base, t0, tariffPath(t0: t0, link: link, linkCountries: ends, flow: flow, in: scenario, matched: &matched, recordMatches: recordMatches))
    }

    /// The importer's tariff on a flow by year: `t0` until a stage changes it; each matching change
    /// applies its WITS-SMART rule to the rate in force at the start of its stage (changes of one
    /// stage in the order written).
    /// The locations of the changes that matched are added to `matched` when `recordMatches` is true.
    public func tariffPath(
        t0: Double, link: TradeLink, linkCountries: (String?, String?), flow: TradeFlow, in scenario: Scenario,
        matched: inout Set<SourceLocation>, recordMatches: Bool = true
    ) -> Path {
        var path = constant(t0)
        for event in events {
            for change in event.measures.tariffs where Self.matches(change, link: link, linkCountries: linkCountries, flow: flow, zone: event.zoneCountries) {
                if recordMatches { matched.insert(change.location) }
                let i = max(0, event.first - firstYear)
                guard i < count else { continue }
                let before = path.values[i]
                path.set(change.rule.apply(to: before) { scenario[$0] }, from: i)
            }
        }
        return path
    }

    /// The loss share of a perishable flow by year: the link's `base` until a storage measure of
    /// its link (for its sector, or for every perishable sector) sets a new one.
    public func lossPath(base: Double, link: String, sector: String, in scenario: Scenario) -> Path {
        var path = constant(base)
        for event in events {
            for measure in event.measures.storage where measure.link == link && (measure.sector == nil || measure.sector == sector) {
                path.set(scenario[measure.lossShare], from: event.first - firstYear)
            }
        }
        return path
    }

    /// True when a tariff change applies to a flow: the same link (or, without a link, a link whose
    /// two ends are both in the zone's countries), the same sector (or every sector) and direction.
    public static func matches(_ change: TariffChange, link: TradeLink, linkCountries: (String?, String?), flow: TradeFlow, zone: Set<String>) -> Bool {
        if let l = change.link {
            guard l == link.id else { return false }
        } else {
            guard let a = linkCountries.0, let b = linkCountries.1, zone.contains(a), zone.contains(b) else { return false }
        }
        if let s = change.sector, s != flow.sector { return false }
        if let d = change.direction, d != flow.direction { return false }
        return true
    }

    /// A link's border-crossing days by year: its `border_crossing_days` until a stage's
    /// border-time measure for the link sets them (the last entry of a stage for the link
    /// wins); nil when the link gives no border-crossing days (its measures cannot apply).
    public func borderDaysPath(_ link: TradeLink, in scenario: Scenario) -> Path? {
        link.borderCrossingDays.map { d0 in linkPath(base: scenario[d0], { $0.borderTime.last { $0.link == link.id }?.days }, in: scenario) }
    }

    /// A link's logistics cost share by year, as `borderDaysPath` does for days; nil when the
    /// link gives no `logistics_cost_share`.
    public func logisticsPath(_ link: TradeLink, in scenario: Scenario) -> Path? {
        link.logisticsCostShare.map { c0 in linkPath(base: scenario[c0], { $0.logisticsCost.last { $0.link == link.id }?.costShare }, in: scenario) }
    }

    /// A link's shadow (unrecorded) trade share by year, as `borderDaysPath` does for days; nil
    /// when the link gives no `shadow_share`.
    public func shadowPath(_ link: TradeLink, in scenario: Scenario) -> Path? {
        link.shadowShare.map { s0 in linkPath(base: scenario[s0], { $0.shadowTrade.last { $0.link == link.id }?.shadowShare }, in: scenario) }
    }
}
