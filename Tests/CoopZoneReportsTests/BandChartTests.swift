import Testing

@testable import CoopZoneReports

struct BandChartTests {
    @Test func drawsAnAreaAndAMedian() {
        let points = (2026...2035).map { (year: Int) -> BandPoint in
            let x = Double(year)
            return BandPoint(x: x, low: x - 2026, median: x - 2020, high: x - 2010)
        }
        let svg = BandChart(id: "b", title: "Band", summary: "A band", yTitle: "jobs", points: points).svg()
        checkChart(svg, id: "b")
        #expect(svg.contains("P5–P95 (90 % of draws)") && svg.contains("P50 (median)"))
        #expect(svg.contains("fill=\"\(BandChart.areaColor)\""), "the band is a filled area")
        #expect(svg.contains(">P95 25</text>") && svg.contains(">P5 9</text>"), "the last year's bounds are labelled")
        #expect(svg == BandChart(id: "b", title: "Band", summary: "A band", yTitle: "jobs", points: points).svg())
    }

    @Test func emptyBandsStillRender() {
        checkChart(BandChart(id: "e", title: "e", summary: "e", yTitle: "y", points: []).svg(), id: "e")
    }
}
