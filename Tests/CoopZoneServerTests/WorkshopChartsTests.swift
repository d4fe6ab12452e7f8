import CoopZoneCore
import CoopZoneReports
import Foundation
import Testing

@testable import CoopZoneServer

/// The workshop's charts are the reports' `LineChart`, drawn on the server and sent as SVG.
struct WorkshopChartsTests {
    /// The served SVG of every chart equals the reports' `LineChart` of the same run's rows,
    /// summed here by year straight from the engine's result (not through the workshop).
    @Test func theServedSVGIsTheReportsLineChartOfTheRunsRows() async throws {
        let (workshop, _) = try await makeWorkshop()
        let run = try await workshop.run(triangle, given: [:])
        let meta = try workshop.meta(triangle)
        let entry = try workshop.entry(triangle)
        let scenario = try #require(entry.scenario), plan = try #require(entry.plan)
        let result = await Engine.run(plan, on: scenario)
        #expect(meta.charts.count == 4)
        #expect(Set(run.svg?.keys ?? [:].keys) == Set(meta.charts.map(\.id)))
        for chart in meta.charts {
            let series = chart.series.map { s in
                var totals: [Int: Double] = [:]
                for row in result.rows where "\(row.evaluator).\(row.metric)" == s.key {
                    if let year = row.year { totals[year, default: 0] += row.value }
                }
                return ChartSeries(name: s.label, points: scenario.years.map { ChartPoint(x: Double($0), y: totals[$0] ?? 0) })
            }
            let expected = LineChart(
                id: "svg-\(chart.id)", title: chart.title,
                summary: "\(chart.title) by year, \(chart.unitSymbol): \(chart.series.map(\.label).joined(separator: ", ")).",
                yTitle: chart.unitSymbol, series: series, width: 440, height: 280
            ).svg()
            #expect(run.svg?[chart.id] == expected, "chart \(chart.id)")
        }
    }

    /// Ticks follow the reports' axis rule (steps of 1, 2 or 5 times a power of ten), and tick
    /// labels the reports' number format: what the page's own drawing used to get differently.
    @Test func ticksAndLabelsAreTheReports() {
        let chart = ChartInfo(id: "jobs", title: "Jobs", unitSymbol: "jobs", series: [SeriesInfo(key: "e.jobs", label: "Net jobs")])
        // 0…1,200: the page's old rule stepped by 250 (2.5 × 100); the reports step by 500.
        let svg = WorkshopCharts.svg(chart, years: [2026, 2027, 2028], values: ["e.jobs": [0, 600, 1200]])
        let scale = AxisScale(minimum: 0, maximum: 1200)
        #expect(scale.step == 500)
        for tick in scale.ticks { #expect(svg.contains(">\(scale.label(tick))</text>"), "tick \(tick)") }
        #expect(!svg.contains(">250</text>") && !svg.contains(">750</text>"))
    }

    /// With bands, each series gets its shaded P5–P95 area around the same lines.
    @Test func bandsAreDrawnAroundTheRunsLines() async throws {
        let (workshop, _) = try await makeWorkshop()
        let run = try await workshop.run(triangle, given: ["holiday_years": 5])
        let bands = try await workshop.bands(triangle, given: ["holiday_years": 5], draws: 20)
        let jobs = try #require(bands.svg["jobs"]), lines = try #require(run.svg?["jobs"])
        #expect(jobs.components(separatedBy: "fill-opacity=\"0.16\"").count - 1 == 2, "one band per series")
        #expect(!lines.contains("fill-opacity"))
        #expect(jobs.contains("Shaded: P5 to P95 of 20 Monte Carlo draws."))
    }

    /// The page places the server's SVG and draws nothing itself.
    @Test func thePageDrawsNoChart() throws {
        let script = try #require(WorkshopAssets.script)
        #expect(!script.contains("createElementNS"))
        #expect(!script.contains("niceTicks"))
        #expect(script.contains("placeChart"))
    }

    /// While a slider is dragged the page asks for the numbers only (`_charts=0`); when it
    /// settles, for the charts, which are drawn from the cached run's numbers without running it
    /// again, and equal the charts of a run asked for with them at once.
    @Test func numbersFirstThenChartsFromTheCachedRun() async throws {
        let (workshop, _) = try await makeWorkshop()
        let lever = try #require(workshop.entry(triangle).scenario?.levers.first)
        let given = [lever.id: lever.max]
        try await buildApplication(workshop).test(.router) { client in
            let query = "/api/scenarios/\(triangle)/run?\(lever.id)=\(CoopZoneCore.format(lever.max))"
            var numbers: RunPayload?
            try await client.execute(uri: query + "&_charts=0", method: .get) { response in
                #expect(response.status == .ok)
                numbers = try response.decode(RunPayload.self)
            }
            #expect(numbers?.svg == nil)
            #expect(numbers?.cached == false)
            var drawn: RunPayload?
            try await client.execute(uri: query, method: .get) { response in drawn = try response.decode(RunPayload.self) }
            // The run was not done again: a cache hit whose time is the drawing's alone.
            #expect(drawn?.cached == true)
            #expect(drawn?.headlines == numbers?.headlines)
            try await client.execute(uri: query + "&_charts=2", method: .get) { response in #expect(response.status == .badRequest) }
            // The same charts as a fresh workshop draws in one request.
            let (fresh, _) = try await makeWorkshop()
            let once = try await fresh.run(triangle, given: given)
            #expect(once.cached == false)
            #expect(drawn?.svg == once.svg)
            #expect(drawn?.svg?.count == 4)
        }
    }
}
