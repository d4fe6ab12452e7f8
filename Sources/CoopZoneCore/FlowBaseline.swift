import Foundation

/// A trade flow's baseline by year of the horizon: what it would be without the zone
/// (`Docs/methodology/trade_effects.md#baseline`). One definition, used by `trade_effects` and
/// sent to outside evaluators as the `flows_by_year` view.
public struct FlowBaseline: Sendable, Equatable {
    /// How the baseline was made, when a reader should be told.
    public enum Note: Sendable, Equatable {
        /// The flow has a history but no growth, and the history gives no compound growth (one
        /// year, or a non-positive end): the baseline is held constant after the last year.
        case heldConstant
    }

    /// One value per horizon year (never negative), in the flow's unit (USD m a year).
    public var values: [Double]
    /// The flow's reference value: the last year of its history, or its base value.
    public var reference: Double
    /// What a reader should be told about how the baseline was made.
    public var note: Note?
}

extension Scenario {
    /// The baseline of `flow` by horizon year, or nil when the flow has neither a history nor a
    /// base year and value (it is left out). With a history: the series' own values, geometric
    /// interpolation between its years, and growth `g` outside it, `g` being the flow's
    /// `growth`, else the history's compound growth, else 0. Without one:
    /// `value · (1 + growth)^(year − base_year)`.
    public func baseline(of flow: TradeFlow) -> FlowBaseline? {
        let y0 = horizon.lowerBound, n = horizon.count
        var values = [Double](repeating: 0, count: n)
        if !flow.history.isEmpty {
            let series = HistorySeries(flow.history.map { ($0.year, self[$0.value]) })
            var note: FlowBaseline.Note?
            let growth: Double
            if let g = flow.growth {
                growth = self[g]
            } else if let g = series.compoundGrowth() {
                growth = g
            } else {
                growth = 0
                note = .heldConstant
            }
            for i in 0..<n { values[i] = max(0, series.baseline(in: y0 + i, growth: growth) ?? 0) }
            return FlowBaseline(values: values, reference: max(0, series.values.last ?? 0), note: note)
        }
        guard let baseYear = flow.baseYear, let baseValue = flow.baseValue else { return nil }
        let v = max(0, self[baseValue])
        let growth = flow.growth.map { self[$0] } ?? 0
        for i in 0..<n { values[i] = v * pow(1 + growth, Double(y0 + i - baseYear)) }
        return FlowBaseline(values: values, reference: v, note: nil)
    }

    /// The country of a link's end: the end itself when it is a country code, else its region's
    /// country; nil for an end that is neither.
    public func country(ofEnd end: String) -> String? {
        if country(end) != nil { return end }
        return region(end)?.country
    }

    /// The exporter and importer of `flow` on `link`: an export flow goes from the link's `from`
    /// end to its `to` end, an import flow the other way.
    public func traders(of flow: TradeFlow, on link: TradeLink) -> (exporter: String?, importer: String?) {
        let from = country(ofEnd: link.from), to = country(ofEnd: link.to)
        return flow.direction == .export ? (from, to) : (to, from)
    }

    /// The importer's tariff on `flow` before any measure: the flow's own `tariff`, else the
    /// importer's import duty on the flow's sector; nil when neither is given (0 is then assumed).
    public func baseTariff(of flow: TradeFlow, on link: TradeLink) -> Quantity? {
        flow.tariff ?? traders(of: flow, on: link).importer.flatMap { country($0) }?.fiscal.duty(on: flow.sector)
    }
}
