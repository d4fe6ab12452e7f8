import Testing

@testable import CoopZoneReports

struct StackedBarChartTests {
    @Test func stacksSeriesWithTotalsPatternsAndAnOverlay() {
        let chart = StackedBarChart(
            id: "s", title: "Jobs", summary: "Jobs", xTitle: "side", yTitle: "jobs", categories: ["UZ", "KG", "TJ"],
            series: [
                StackedSeries(name: "direct", values: [100, 50, 20]), StackedSeries(name: "indirect", values: [40, 20, 8]),
                StackedSeries(name: "induced", values: [40, 20, 8]),
            ],
            overlay: (name: "net", values: [90, nil, 20]), connectOverlay: false)
        let svg = chart.svg()
        checkChart(svg, id: "s")
        #expect(svg.contains(">180</text>") && svg.contains(">90</text>") && svg.contains(">36</text>"), "totals above the bars")
        #expect(svg.contains("<pattern id=\"s-p2\""), "the third series is patterned")
        #expect(HTMLChecks.count("<rect", in: svg) >= 9 + 4)
        #expect(svg.contains(">net</text>"))
    }

    @Test func negativeValuesStackBelowZeroAndLongLabelsRotate() {
        let names = (0..<12).map { "a rather long category name \($0)" }
        let chart = StackedBarChart(
            id: "n", title: "n", summary: "n", xTitle: "x", yTitle: "y", categories: names,
            series: [StackedSeries(name: "up", values: Array(repeating: 5, count: 12)), StackedSeries(name: "down", values: Array(repeating: -3, count: 12))])
        let svg = chart.svg()
        checkChart(svg, id: "n")
        #expect(svg.contains("rotate(-35"))
        #expect(svg.contains(">\u{2212}"), "the axis reaches below zero")
    }
}
