import CoopZoneCore
import Foundation

/// What a scenario page shows of a plan: which headlines are cards, which additive metrics are
/// charted. Works for any evaluator: the built-in ones get chosen cards and charts, others
/// their first headlines and first additive metrics.
public struct ScenarioPresentation: Sendable {
    /// Every headline of the plan, in run order.
    public var headlines: [HeadlineInfo]
    /// The charts.
    public var charts: [ChartInfo]

    /// Headlines shown as cards when their evaluator runs, in this order.
    static let featured = [
        "employment.net_jobs_final_year", "trade_effects.trade_change_last_year",
        "staged_incentives.tax_expenditure_pv_total", "cost_benefit.npv",
    ]

    /// Short labels for the built-in headlines.
    static let labels = [
        "employment.net_jobs_final_year": "Net jobs, last year",
        "employment.net_job_years": "Net job-years",
        "employment.gross_jobs_final_year": "Gross jobs, last year",
        "trade_effects.trade_change_last_year": "Trade change, last year",
        "trade_effects.trade_scenario_last_year": "Trade, last year",
        "trade_effects.trade_creation_total": "Trade creation",
        "trade_effects.trade_diversion_total": "Trade diversion",
        "trade_effects.welfare_total": "Welfare gain",
        "staged_incentives.tax_expenditure_pv_total": "Fiscal cost (PV of tax expenditure)",
        "staged_incentives.investment_total": "Private investment",
        "cost_benefit.npv": "Net present value",
        "cost_benefit.fiscal_npv": "Fiscal NPV",
        "cost_benefit.benefit_cost_ratio": "Benefit–cost ratio",
        "cost_benefit.cost_per_net_job": "Fiscal cost per net job",
        "cost_benefit.payback_year": "Payback year",
    ]

    /// Charts for the built-in evaluators: id, title, series (evaluator.metric, label).
    static let chartPlan: [(id: String, title: String, series: [(String, String)])] = [
        ("jobs", "Net additional jobs", [("employment.jobs_net", "Net jobs"), ("employment.jobs_direct", "Direct jobs")]),
        ("trade", "Recorded trade on the zone's links", [("trade_effects.trade_scenario", "With the zone"), ("trade_effects.trade_baseline", "Without")]),
        ("fiscal", "Fiscal cost and gain", [("cost_benefit.fiscal_cost", "Fiscal cost"), ("cost_benefit.fiscal_gain", "Fiscal gain")]),
        ("investment", "Private investment and tax expenditure",
         [("staged_incentives.investment", "Private investment"), ("staged_incentives.tax_expenditure", "Tax expenditure")]),
    ]

    /// The presentation of `plan`.
    public init(plan: RunPlan) {
        let descriptors = plan.evaluators.map(\.entry.descriptor)
        var headlines: [HeadlineInfo] = []
        for d in descriptors {
            for h in d.headlines {
                let key = "\(d.id).\(h.id)"
                headlines.append(HeadlineInfo(key: key, evaluator: d.id, metric: h.id, label: Self.labels[key] ?? Self.humanize(h.id),
                                              summary: h.summary, unit: h.unit.rawValue, unitSymbol: h.unit.symbol,
                                              higherIsBetter: h.higherIsBetter, featured: false))
            }
        }
        var featuredKeys = Self.featured.filter { key in headlines.contains { $0.key == key } }
        if featuredKeys.isEmpty { featuredKeys = headlines.prefix(4).map(\.key) }
        for i in headlines.indices where featuredKeys.contains(headlines[i].key) { headlines[i].featured = true }
        // Cards in the featured order first, then the rest in run order.
        headlines.sort { a, b in
            let ia = featuredKeys.firstIndex(of: a.key) ?? Int.max, ib = featuredKeys.firstIndex(of: b.key) ?? Int.max
            return ia < ib
        }
        self.headlines = headlines

        func additive(_ key: String) -> MetricSpec? {
            let parts = key.split(separator: ".", maxSplits: 1).map(String.init)
            guard parts.count == 2, let d = descriptors.first(where: { $0.id == parts[0] }),
                  let m = d.metrics.first(where: { $0.id == parts[1] }), m.additive else { return nil }
            return m
        }
        var charts: [ChartInfo] = []
        for spec in Self.chartPlan {
            let series = spec.series.filter { additive($0.0) != nil }
            guard let first = series.first, let unit = additive(first.0)?.unit else { continue }
            let sameUnit = series.filter { additive($0.0)?.unit == unit }
            charts.append(ChartInfo(id: spec.id, title: spec.title, unitSymbol: unit.symbol,
                                    series: sameUnit.map { SeriesInfo(key: $0.0, label: $0.1) }))
        }
        if charts.isEmpty {
            for d in descriptors {
                guard let m = d.metrics.first(where: \.additive), charts.count < 4 else { continue }
                charts.append(ChartInfo(id: "\(d.id)_\(m.id)", title: Self.humanize(m.id), unitSymbol: m.unit.symbol,
                                        series: [SeriesInfo(key: "\(d.id).\(m.id)", label: Self.humanize(m.id))]))
            }
        }
        self.charts = charts
    }

    /// `net_jobs_final_year` → `Net jobs final year`.
    static func humanize(_ id: String) -> String {
        let words = id.replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// Headline values by key (nil for non-finite or missing ones).
    func headlineValues(_ result: RunResult) -> [String: Double?] {
        var values: [String: Double?] = [:]
        for h in headlines { values[h.key] = .some(nil) }
        for h in result.headlines {
            let key = "\(h.evaluator).\(h.metric)"
            if values[key] != nil { values[key] = h.value.isFinite ? h.value : nil }
        }
        return values
    }

    /// Chart series: each metric's rows summed by year over its dimensions.
    func chartValues(_ result: RunResult, years: [Int]) -> [String: [String: [Double?]]] {
        guard let first = years.first else { return [:] }
        var wanted: [String: [Double]] = [:]
        for chart in charts { for s in chart.series { wanted[s.key] = [Double](repeating: 0, count: years.count) } }
        var seen = Set<String>()
        for row in result.rows {
            guard let year = row.year else { continue }
            let key = "\(row.evaluator).\(row.metric)"
            guard wanted[key] != nil else { continue }
            let offset = year - first
            guard offset >= 0, offset < years.count else { continue }
            wanted[key]?[offset] += row.value
            seen.insert(key)
        }
        var out: [String: [String: [Double?]]] = [:]
        for chart in charts {
            var series: [String: [Double?]] = [:]
            for s in chart.series {
                let failed = !seen.contains(s.key) && !result.byEvaluator.keys.contains(String(s.key.split(separator: ".")[0]))
                series[s.key] = failed ? [Double?](repeating: nil, count: years.count) : (wanted[s.key] ?? []).map { $0.isFinite ? $0 : nil }
            }
            out[chart.id] = series
        }
        return out
    }
}
