import Testing
@testable import CoopZoneReports

struct LineChartTests {
    let chart = LineChart(id: "t", title: "Trade <&> test", summary: "A test", yTitle: "trade, USD m", series: [
        ChartSeries(name: "baseline", points: (2026...2030).map { ChartPoint(x: Double($0), y: Double($0 - 2000)) }),
        ChartSeries(name: "scenario <with zone>", points: (2026...2030).map { ChartPoint(x: Double($0), y: Double($0 - 1990)) }),
    ])

    @Test func drawsOneDashedAndOneSolidLineWithLabels() {
        let svg = chart.svg()
        checkChart(svg, id: "t")
        #expect(svg.contains("Trade &lt;&amp;&gt; test"))
        #expect(svg.contains("scenario &lt;with zone&gt;"))
        #expect(svg.contains("stroke-dasharray=\"7 4\""), "the second line is dashed")
        #expect(svg.contains(">trade, USD m</text>"), "the value axis names its unit")
        #expect(svg.contains(">2026</text>") && svg.contains(">2030</text>"))
    }

    @Test func isDeterministicAndSurvivesMissingValues() {
        #expect(chart.svg() == chart.svg())
        let gappy = LineChart(id: "g", title: "g", summary: "g", yTitle: "y", series: [ChartSeries(name: "a", points: [ChartPoint(x: 2030, y: .nan), ChartPoint(x: 2031, y: 1)])])
        checkChart(gappy.svg(), id: "g")
        checkChart(LineChart(id: "e", title: "e", summary: "e", yTitle: "y", series: []).svg(), id: "e")
    }
}
