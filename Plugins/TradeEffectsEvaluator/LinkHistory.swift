import CoopZoneCore
import Foundation

/// A link's recorded history: its export, import and turnover series, the data checks on them
/// and their year-over-year indices and compound growth.
/// See `Docs/methodology/trade_effects.md#history-checks` and `#history-indices`.
struct LinkHistory {
    /// The link.
    let link: TradeLink
    /// Exports (`from` → `to`): the `all` flow's history, else the sum of the sector flows' histories.
    let exports: HistorySeries?
    /// Imports (`to` → `from`), aggregated the same way.
    let imports: HistorySeries?
    /// The reported turnover, else exports + imports in the years both have.
    let turnover: HistorySeries?

    /// Aggregates the link's histories with the values of `scenario`.
    init(_ link: TradeLink, in scenario: Scenario) {
        self.link = link
        let exports = Self.aggregate(link.flows, .export, scenario)
        let imports = Self.aggregate(link.flows, .import, scenario)
        self.exports = exports
        self.imports = imports
        if !link.turnoverHistory.isEmpty {
            turnover = HistorySeries(link.turnoverHistory.map { ($0.year, scenario[$0.value]) })
        } else if let exports, let imports {
            turnover = HistorySeries(exports.years.compactMap { y in imports.value(in: y).map { (y, (exports.value(in: y) ?? 0) + $0) } })
        } else {
            turnover = nil
        }
    }

    /// One direction's history: the `all` flow's, else the sum of the sector flows' in the years
    /// every one of them has; `nil` when a sector flow has no history (the sum would be partial).
    static func aggregate(_ flows: [TradeFlow], _ direction: FlowDirection, _ scenario: Scenario) -> HistorySeries? {
        // Without any history in this direction there is nothing to aggregate: say so before
        // building anything (most links give base values, not histories).
        guard flows.contains(where: { $0.direction == direction && !$0.history.isEmpty }) else { return nil }
        let inDirection = flows.filter { $0.direction == direction }
        if let all = inDirection.first(where: { $0.sector == "all" }), !all.history.isEmpty {
            return HistorySeries(all.history.map { ($0.year, scenario[$0.value]) })
        }
        let sectors = inDirection.filter { $0.sector != "all" }
        guard !sectors.isEmpty, sectors.allSatisfy({ !$0.history.isEmpty }) else { return nil }
        var years = Set(sectors[0].history.map(\.year))
        for flow in sectors.dropFirst() { years.formIntersection(flow.history.map(\.year)) }
        guard !years.isEmpty else { return nil }
        var sums: [Int: Double] = [:]
        for flow in sectors {
            for entry in flow.history where years.contains(entry.year) { sums[entry.year, default: 0] += scenario[entry.value] }
        }
        return HistorySeries(sums.map { ($0.key, $0.value) })
    }

    /// Reports, as warnings naming the link and year at the entry's location: a negative value
    /// and a gap in any history series, and a reported turnover that is not exports + imports
    /// within `max(absoluteTolerance, relativeTolerance · |turnover|)`.
    func check(into b: inout ResultBuilder, scenario: Scenario, absoluteTolerance: Double, relativeTolerance: Double) {
        for flow in link.flows {
            Self.checkSeries(
                flow.history, what: "\(flow.direction.rawValue) history of sector '\(flow.sector)'", link: link.id,
                gapNote: "; the baseline interpolates geometrically", scenario: scenario, into: &b)
            if let v = flow.baseValue, scenario[v] < 0 {
                b.finding(
                    .warning,
                    "link '\(link.id)': the \(flow.direction.rawValue) flow of sector '\(flow.sector)' has a negative value \(Self.number(scenario[v])) in \(flow.baseYear.map(String.init) ?? "its base year"); it is counted as 0",
                    at: flow.location)
            }
        }
        Self.checkSeries(link.turnoverHistory, what: "turnover history", link: link.id, gapNote: "", scenario: scenario, into: &b)
        guard let exports, let imports else { return }
        for entry in link.turnoverHistory {
            guard let x = exports.value(in: entry.year), let m = imports.value(in: entry.year) else { continue }
            let reported = scenario[entry.value]
            let sum = x + m
            let tolerance = max(absoluteTolerance, relativeTolerance * abs(reported))
            if abs(reported - sum) > tolerance {
                b.finding(
                    .warning,
                    "link '\(link.id)': turnover \(Self.number(reported)) in \(entry.year) is not exports \(Self.number(x)) + imports \(Self.number(m)) = \(Self.number(sum)) (difference \(Self.number(reported - sum)))",
                    at: entry.location)
            }
        }
    }

    /// Negative values and gaps in one series.
    static func checkSeries(_ series: [YearValue], what: String, link: String, gapNote: String, scenario: Scenario, into b: inout ResultBuilder) {
        let sorted = series.sorted { $0.year < $1.year }
        for (i, entry) in sorted.enumerated() {
            let v = scenario[entry.value]
            if v < 0 {
                b.finding(
                    .warning,
                    "link '\(link)': negative value \(number(v)) in \(entry.year) in the \(what); trade flows are positive amounts (the baseline counts it as 0)",
                    at: entry.location)
            }
            if i > 0, entry.year > sorted[i - 1].year + 1 {
                let missing = sorted[i - 1].year + 1 == entry.year - 1 ? "\(entry.year - 1)" : "\(sorted[i - 1].year + 1)–\(entry.year - 1)"
                b.finding(
                    .warning, "link '\(link)': the \(what) has a gap: no value for \(missing) before \(entry.year)\(gapNote)",
                    at: entry.location)
            }
        }
    }

    /// Adds `history_index` (previous year = 100) and `history_cagr` rows for exports, imports
    /// (dimension `direction`) and turnover (dimension `instrument` = `turnover`).
    func addIndices(into w: inout RowWriter) {
        let series: [(HistorySeries?, Dimensions)] = [
            (exports, Dimensions(link: link.id, direction: FlowDirection.export.rawValue)),
            (imports, Dimensions(link: link.id, direction: FlowDirection.import.rawValue)),
            (turnover, Dimensions(link: link.id, instrument: "turnover")),
        ]
        for (s, dims) in series {
            guard let s else { continue }
            for point in s.yearOverYearIndices() { w.add(TradeEffectsEvaluator.Metrics.historyIndex, year: point.year, dims, point.index) }
            if let g = s.compoundGrowth() { w.add(TradeEffectsEvaluator.Metrics.historyCAGR, year: nil, dims, g) }
        }
    }

    /// A number as a message shows it: up to two decimals, no trailing zeros.
    static func number(_ v: Double) -> String {
        guard v.isFinite, abs(v) < 1e12 else { return "\(v)" }
        let rounded = (v * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(format: "%.0f", rounded) }
        var text = String(format: "%.2f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
}
