import Testing

@testable import CoopZoneReports

struct TornadoChartTests {
    @Test func drawsTwoBarsPerInputAroundTheCentralValue() {
        let bars = [
            TornadoBar(label: "evaluators.employment.displacement", detail: "range 0.1 … 0.75", atLow: 517_128, atHigh: 143_647),
            TornadoBar(label: "evaluators.trade_effects.time_cost_per_day", detail: "range 0.006 … 0.021", atLow: 426_453, atHigh: 436_109),
        ]
        let chart = TornadoChart(id: "t", title: "Tornado", summary: "s", valueTitle: "net_job_years, jobs", central: 430_940, bars: bars)
        let svg = chart.svg()
        checkChart(svg, id: "t")
        #expect(svg.contains(">central 430,940</text>"))
        #expect(svg.contains(">517,128</text>") && svg.contains(">143,647</text>"))
        #expect(svg.contains(">evaluators.employment.displacement</text>"))
        #expect(svg.contains(">net_job_years, jobs</text>"))
        #expect(svg.contains("url(#t-p1)"), "high-bound bars are hatched")
        #expect(chart.height > TornadoChart(id: "t", title: "", summary: "", valueTitle: "", central: 0, bars: [bars[0]]).height)
    }

    @Test func veryLongLabelsShrinkInsteadOfSpilling() {
        let label = String(repeating: "evaluators.some_evaluator.a_parameter_", count: 4)
        let svg = TornadoChart(
            id: "l", title: "l", summary: "l", valueTitle: "v", central: 1, bars: [TornadoBar(label: label, detail: "d", atLow: 0, atHigh: 2)]
        ).svg()
        checkChart(svg, id: "l")
        #expect(svg.contains("font-size=\"8.5\""))
    }
}
