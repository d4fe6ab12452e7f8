import Testing

@testable import CoopZoneReports

struct GroupedBarChartTests {
    @Test func drawsDesignsSideBySideWithWhiskers() {
        let chart = GroupedBarChart(
            id: "g", title: "Designs", summary: "s", valueTitle: "USD m", categories: ["trade_creation_total", "tariff_revenue_change_pv"],
            series: [
                GroupedSeries(name: "[0] A (baseline)", values: [787.4, -367], ranges: [448...1397, nil]),
                GroupedSeries(name: "[1] B", values: [115.1, nil]),
            ])
        let svg = chart.svg()
        checkChart(svg, id: "g")
        #expect(svg.contains(">787</text>") && svg.contains(">\u{2212}367</text>"))
        #expect(svg.contains(">no value</text>"))
        #expect(svg.contains(">[0] A (baseline)</text>") && svg.contains(">[1] B</text>"))
        #expect(svg.contains(">USD m</text>"))
        #expect(svg == chart.svg())
    }
}
