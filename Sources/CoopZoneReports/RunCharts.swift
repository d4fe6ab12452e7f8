import CoopZoneCore

/// The charts of a run, each drawn only when the run has its data: trade baseline versus
/// scenario by year, jobs by type over the years and by side in the last year, and tax
/// expenditure by stage and instrument.
public struct RunCharts: Sendable {
    /// The run.
    public let result: RunResult
    /// Its scenario.
    public let scenario: Scenario
    /// A prefix for element ids, so two runs' charts can share a page.
    public let idPrefix: String

    /// Creates the chart set of a run.
    public init(result: RunResult, scenario: Scenario, idPrefix: String = "") {
        self.result = result
        self.scenario = scenario
        self.idPrefix = idPrefix
    }

    /// Every chart the run has data for, in report order.
    public var all: [ChartFigure] { [trade, jobsByYear, jobsByOrigin, jobsBySide, taxExpenditure].compactMap { $0 } }

    /// The ids of the charts `all` would draw, without drawing them.
    public static let kinds = ["trade", "jobs-by-year", "jobs-by-origin", "jobs-by-side", "tax-expenditure"]

    /// What caused a net job (`employment`'s `instrument`), in display order, with its label.
    public static let jobOrigins = [("investment", "investment"), ("trade_creation", "trade creation"),
                                    ("trade_diversion", "trade diversion"), ("trade_facilitation", "trade facilitation")]

    /// Net additional jobs by origin and year over every side, region and sector: one row per
    /// origin with any job, `nil` without `jobs_net` rows.
    public func netJobsByOrigin() -> [(label: String, values: [Double])]? {
        let selected = rows("employment", "jobs_net")
        guard !selected.isEmpty else { return nil }
        let y0 = scenario.horizon.lowerBound
        var out: [(label: String, values: [Double])] = []
        let known = Set(Self.jobOrigins.map(\.0))
        for (id, label) in Self.jobOrigins + [("", "not stated")] {
            var values = [Double](repeating: 0, count: scenario.horizon.count)
            for row in selected {
                let origin = row.dimensions.instrument ?? ""
                guard id.isEmpty ? !known.contains(origin) : origin == id, let year = row.year, scenario.horizon.contains(year) else { continue }
                values[year - y0] += row.value
            }
            if values.contains(where: { $0 != 0 }) { out.append((label, values)) }
        }
        return out
    }

    var money: String { "\(scenario.currency) million, \(scenario.priceYear) prices" }

    func rows(_ evaluator: String, _ metric: String) -> [ResultRow] { result.rows.filter { $0.evaluator == evaluator && $0.metric == metric } }

    /// Totals by year over the horizon (0 in a year without rows); `nil` when the metric has no rows.
    func totalsByYear(_ evaluator: String, _ metric: String) -> [Double]? {
        let selected = rows(evaluator, metric).filter { $0.year != nil }
        guard !selected.isEmpty else { return nil }
        var totals = [Double](repeating: 0, count: scenario.horizon.count)
        for row in selected {
            guard let year = row.year, scenario.horizon.contains(year) else { continue }
            totals[year - scenario.horizon.lowerBound] += row.value
        }
        return totals
    }

    func id(_ kind: String) -> String { idPrefix + kind }

    /// Trade on the zone's links by year: the baseline (no zone) and the scenario.
    public var trade: ChartFigure? {
        guard let baseline = totalsByYear("trade_effects", "trade_baseline"), let withZone = totalsByYear("trade_effects", "trade_scenario") else { return nil }
        let years = scenario.years.map(Double.init)
        let unit = rows("trade_effects", "trade_scenario").first?.unit.symbol ?? "USD m"
        let chart = LineChart(id: "chart-" + id("trade"), title: "Trade baseline versus scenario",
                              summary: "Total trade on the zone's links by year, without the zone (baseline) and with it (scenario), \(money).",
                              yTitle: "trade, \(unit) (\(scenario.priceYear) prices)",
                              series: [ChartSeries(name: "baseline (no zone)", points: zip(years, baseline).map { ChartPoint(x: $0, y: $1) }),
                                       ChartSeries(name: "scenario (with zone)", points: zip(years, withZone).map { ChartPoint(x: $0, y: $1) })])
        let last = scenario.horizon.count - 1
        return ChartFigure(id: "fig-" + id("trade"), heading: "Trade on the zone's links: baseline versus scenario", svg: chart.svg(),
                           caption: "Sum of trade_baseline and trade_scenario over every link, sector and direction, per year. The solid line with circles is trade without the zone, the dashed line with squares trade with it; the gap between them is the zone's trade effect (creation, facilitation, lower losses and formalised shadow trade). In \(scenario.horizon.upperBound): \(ChartFormat.readable(baseline[last])) versus \(ChartFormat.readable(withZone[last])) \(unit).")
    }

    /// Gross jobs by year, stacked by type, with net additional jobs as a line.
    public var jobsByYear: ChartFigure? {
        let types = [("jobs_direct", "direct"), ("jobs_indirect", "indirect"), ("jobs_induced", "induced")]
        let series = types.compactMap { metric, name in totalsByYear("employment", metric).map { StackedSeries(name: name, values: $0) } }
        guard !series.isEmpty else { return nil }
        let net = totalsByYear("employment", "jobs_net")
        let chart = StackedBarChart(id: "chart-" + id("jobs-by-year"), title: "Jobs by type and year",
                                    summary: "Gross jobs (annual average) by year, stacked as direct, indirect and induced, with net additional jobs as a line.",
                                    xTitle: "year", yTitle: "jobs (annual average)", categories: scenario.years.map(String.init), series: series,
                                    overlay: net.map { (name: "net additional jobs", values: $0.map { Optional($0) }) })
        return ChartFigure(id: "fig-" + id("jobs-by-year"), heading: "Jobs by type, year by year", svg: chart.svg(),
                           caption: "Each bar is the gross jobs of one year (all sides and sectors): direct jobs at the bottom (darkest), then indirect (supply chain) and induced (household spending) jobs; the number above a bar is its total. The dashed line with diamonds is net additional jobs: gross jobs less leakage, displacement, substitution and the reference case (redundancy for jobs from investment, deadweight for jobs from trade).")
    }

    /// Net additional jobs by year, stacked by what caused them.
    public var jobsByOrigin: ChartFigure? {
        guard let origins = netJobsByOrigin(), !origins.isEmpty else { return nil }
        let chart = StackedBarChart(id: "chart-" + id("jobs-by-origin"), title: "Net additional jobs by origin and year",
                                    summary: "Net additional jobs (annual average) by year, stacked by what caused them: the zone's investment or a kind of trade gain.",
                                    xTitle: "year", yTitle: "net additional jobs (annual average)", categories: scenario.years.map(String.init),
                                    series: origins.map { StackedSeries(name: $0.label, values: $0.values) })
        return ChartFigure(id: "fig-" + id("jobs-by-origin"), heading: "Net additional jobs by origin", svg: chart.svg(),
                           caption: "Each bar is the net additional jobs of one year, split by origin: jobs operating the zone's investment (net of redundancy, the investment that would have come anyway) and jobs producing the additional output of trade creation, trade diversion toward the zone's producers and trade facilitation (net of deadweight). Produce no longer lost and formalised shadow trade make no jobs. Jobs of countries that are not parties to the zone are not included.")
    }

    /// Gross jobs in the last year by side (country), stacked by type.
    public var jobsBySide: ChartFigure? {
        let types = [("jobs_direct", "direct"), ("jobs_indirect", "indirect"), ("jobs_induced", "induced")]
        let last = scenario.horizon.upperBound
        let present = Set(result.rows.filter { $0.evaluator == "employment" && $0.year == last }.compactMap(\.dimensions.country))
        let sides = scenario.countries.map(\.code).filter(present.contains) + present.subtracting(scenario.countries.map(\.code)).sorted()
        guard !sides.isEmpty else { return nil }
        let series = types.compactMap { metric, name -> StackedSeries? in
            let selected = rows("employment", metric).filter { $0.year == last }
            guard !selected.isEmpty else { return nil }
            return StackedSeries(name: name, values: sides.map { side in selected.filter { $0.dimensions.country == side }.reduce(0) { $0 + $1.value } })
        }
        guard !series.isEmpty else { return nil }
        let labels = sides.map { code in scenario.country(code).map { "\($0.name) (\(code))" } ?? code }
        let net = rows("employment", "jobs_net").filter { $0.year == last }
        let chart = StackedBarChart(id: "chart-" + id("jobs-by-side"), title: "Jobs by side and type in \(last)",
                                    summary: "Gross jobs in \(last) on each side of the zone, stacked as direct, indirect and induced, with net additional jobs marked.",
                                    xTitle: "side of the zone (country)", yTitle: "jobs in \(last) (annual average)", categories: labels, series: series,
                                    overlay: net.isEmpty ? nil : (name: "net additional jobs", values: sides.map { side in net.filter { $0.dimensions.country == side }.reduce(0) { $0 + $1.value } }),
                                    connectOverlay: false, height: 360)
        return ChartFigure(id: "fig-" + id("jobs-by-side"), heading: "Jobs by side of the zone in \(last)", svg: chart.svg(),
                           caption: "One bar per country side of the zone, for the last year of the horizon: direct jobs at the bottom, then indirect and induced; the number above a bar is its gross total, and the dashed tick with a diamond marks net additional jobs on that side. Compare the bars to see which side the zone's jobs go to.")
    }

    /// Tax expenditure summed over the years of each stage, stacked by instrument.
    public var taxExpenditure: ChartFigure? {
        let selected = rows("staged_incentives", "tax_expenditure").filter { $0.year != nil }
        guard !selected.isEmpty else { return nil }
        let zones = Set(selected.compactMap(\.dimensions.zone))
        func key(_ row: ResultRow) -> String {
            let stage = row.dimensions.stage ?? "no stage"
            return zones.count > 1 ? "\(row.dimensions.zone ?? "?") · \(stage)" : stage
        }
        var stages: [String] = [], instruments: [String] = []
        var firstYear: [String: Int] = [:], lastYear: [String: Int] = [:], totals: [String: Double] = [:]
        for row in selected {
            let stage = key(row), instrument = row.dimensions.instrument ?? "other"
            if !stages.contains(stage) { stages.append(stage) }
            if !instruments.contains(instrument) { instruments.append(instrument) }
            if let year = row.year {
                firstYear[stage] = min(firstYear[stage] ?? year, year)
                lastYear[stage] = max(lastYear[stage] ?? year, year)
            }
            totals[stage + "\u{1}" + instrument, default: 0] += row.value
        }
        // Stages in the order they start (ties by name); instruments without any cost are left out.
        stages.sort { (firstYear[$0] ?? 0, $0) < (firstYear[$1] ?? 0, $1) }
        let series = instruments.compactMap { instrument -> StackedSeries? in
            let values = stages.map { totals[$0 + "\u{1}" + instrument] ?? 0 }
            return values.allSatisfy { $0 == 0 } ? nil : StackedSeries(name: instrument, values: values)
        }
        guard !series.isEmpty else { return nil }
        let unit = selected.first?.unit.symbol ?? "USD m"
        let labels = stages.map { stage in
            guard let a = firstYear[stage], let b = lastYear[stage] else { return stage }
            return a == b ? "\(stage) (\(a))" : "\(stage) (\(a)–\(b))"
        }
        let left = instruments.filter { i in !series.contains { $0.name == i } }
        let chart = StackedBarChart(id: "chart-" + id("tax-expenditure"), title: "Tax expenditure by stage and instrument",
                                    summary: "Revenue forgone through the zone's incentives, summed over the years of each stage, stacked by instrument, \(money).",
                                    xTitle: "stage of the zone (years with tax expenditure)", yTitle: "tax expenditure, \(unit) (undiscounted)", categories: labels,
                                    series: series, height: 400)
        return ChartFigure(id: "fig-" + id("tax-expenditure"), heading: "Tax expenditure by stage and instrument", svg: chart.svg(),
                           caption: "One bar per stage of the zone, in the order the stages start, with the years in which it costs revenue; each segment is one instrument (income-tax holiday, property and land tax, duties, rent, reimbursements), in the legend's order from the axis up, told apart by lightness and pattern. Values are summed over years and countries without discounting; the present value is the headline tax_expenditure_pv_total." + (left.isEmpty ? "" : " Instruments with no cost in this run: \(left.joined(separator: ", "))."))
    }
}
