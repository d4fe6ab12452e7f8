import CoopZoneCore
import Foundation

/// The value of the time goods no longer spend at the border: for each link and year, the
/// recorded trade on the link (from `trade_effects`) times the days of crossing time the zone's
/// stages save, times the value of a day in transit as a share of the goods' value
/// (Hummels & Schaur 2013). An example of an evaluator added by an extension package.
public struct TimeSavingsEvaluator: Evaluator {
    /// The parameters: each default is the property's initial value, the rest is in `table`.
    public struct Parameters: ParameterSet {
        /// The value of one day in transit, as a fraction of the goods' value.
        public var timeCostPerDay = 0.013

        /// The defaults.
        public init() {}

        /// Each parameter's scenario name, meaning, unit, ranges and citation.
        public static let table: [ParameterField<Parameters>] = [
            ParameterField(
                \.timeCostPerDay, "time_cost_per_day", "Value of one day in transit, as a fraction of the goods' value",
                unit: .fractionPerDay, allowed: 0...0.2, plausible: 0.006...0.021,
                citation: "Hummels & Schaur (2013), Time as a trade barrier, AER 103(7): each day in transit is worth 0.6–2.1 % of the goods' value")
        ]
    }

    /// Its metrics and headline, each declared once; rows are written through these handles.
    enum Metrics {
        static let daysSaved = Metric(
            of: "time_savings", "days_saved", unit: .days,
            "Crossing time saved on the link: its own crossing time minus the time in force", dimensions: [.link],
            additive: false, equation: "README.md#days-saved")
        static let timeSavingsValue = Metric(
            of: "time_savings", "time_savings_value", unit: .usdMillion,
            "Value of the time saved on the link's recorded trade", dimensions: [.link],
            equation: "README.md#value-of-time-saved")
        static let timeSavingsValuePV = Metric(
            of: "time_savings", "time_savings_value_pv", unit: .usdMillion,
            "Present value of the time saved, all links, at the scenario's discount rate",
            equation: "README.md#value-of-time-saved",
            presentation: MetricPresentation(shortLabel: "Time saved (PV)", better: .higher))
    }

    /// The dependency's metric it reads, resolved once.
    static let tradeScenario = MetricRef("trade_effects", "trade_scenario")

    /// What the evaluator is.
    public static let descriptor = EvaluatorDescriptor(
        id: "time_savings",
        summary: "Value of the border-crossing time the zone saves on each link's trade",
        version: "1.0.0",
        dependencies: ["trade_effects"],
        parameters: Parameters.specs,
        metrics: [Metrics.daysSaved, Metrics.timeSavingsValue],
        headlines: [Metrics.timeSavingsValuePV],
        documentation: "README.md#method",
        charts: [
            ChartSpec(
                id: "time-savings", kind: .lineByYear, order: 60, title: "Value of the time saved at the border",
                heading: "Value of the border-crossing time saved", summary: "Value of the time saved on every link's trade by year, {money}.",
                caption: "Sum of time_savings_value over every link, per year.", yTitle: "value of time saved, {unit}",
                series: [ChartSpec.Series(Metrics.timeSavingsValue, "time saved")])
        ]
    )

    /// The rows it may write: its descriptor's metrics.
    static let rows = RowTable(descriptor)

    let parameters: Parameters

    /// Creates the evaluator.
    public init(parameters: Parameters) { self.parameters = parameters }

    /// The crossing days in force on `link` in each horizon year: the link's own value until a
    /// stage sets `border_time` for it, then the latest such stage's value to the end of the
    /// horizon (the persistence rule of `trade_effects`: a stage's end does not revert a measure).
    public static func daysInForce(on link: TradeLink, in scenario: Scenario) -> [Int: Double] {
        let base = scenario[link.borderCrossingDays, default: 0]
        var events: [(first: Int, zone: Int, order: Int, days: Double)] = []
        for (z, zone) in scenario.zones.enumerated() {
            for (order, placed) in scenario.timeline(of: zone).stages.enumerated() {
                if let change = placed.stage.measures.borderTime.last(where: { $0.link == link.id }) {
                    events.append((placed.first, z, order, scenario[change.days]))
                }
            }
        }
        events.sort { ($0.first, $0.zone, $0.order) < ($1.first, $1.zone, $1.order) }
        var days: [Int: Double] = [:]
        for year in scenario.horizon {
            days[year] = events.last { $0.first <= year }?.days ?? base
        }
        return days
    }

    /// Evaluates the scenario.
    public func evaluate(_ scenario: Scenario, context: EvaluationContext) throws -> EvaluationResult {
        var result = ResultBuilder(Self.descriptor)
        var rows = Self.rows.writer()
        var trade: [String: [Int: Double]] = [:]
        for row in context.rows(Self.tradeScenario) {
            guard let link = row.dimensions.link, let year = row.year else { continue }
            trade[link, default: [:]][year, default: 0] += row.value
        }
        let rate = scenario[scenario.discountRate]
        var pv = 0.0
        var anyChange = false
        for link in scenario.links {
            let base = scenario[link.borderCrossingDays, default: 0]
            let days = Self.daysInForce(on: link, in: scenario)
            for year in scenario.years {
                let saved = base - (days[year] ?? base)
                if saved != 0 { anyChange = true }
                let value = (trade[link.id]?[year] ?? 0) * saved * parameters.timeCostPerDay
                rows.add(Metrics.daysSaved, year: year, Dimensions(link: link.id), saved)
                rows.add(Metrics.timeSavingsValue, year: year, Dimensions(link: link.id), value)
                pv += value / pow(1 + rate, Double(year - scenario.horizon.lowerBound))
            }
        }
        if !anyChange { result.finding(.info, "no stage changes a link's border-crossing time, so no time is saved") }
        try result.headline(Metrics.timeSavingsValuePV, pv)
        return try rows.result(result)
    }
}
