import Testing

@testable import CoopZoneReports

struct LineChartTests {
    let chart = LineChart(
        id: "t", title: "Trade <&> test", summary: "A test", yTitle: "trade, USD m",
        series: [
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
        // A marker at every point: each line refers to its series' marker, defined once.
        #expect(svg.components(separatedBy: "<marker id=").count - 1 == 2, "one marker definition per line")
        #expect(svg.contains("<marker id=\"t-m0\"") && svg.contains("<marker id=\"t-m1\""))
        #expect(svg.components(separatedBy: "marker-mid=\"url(#t-m1)\"").count - 1 == 1)
    }

    @Test func isDeterministicAndSurvivesMissingValues() {
        #expect(chart.svg() == chart.svg())
        let gappy = LineChart(
            id: "g", title: "g", summary: "g", yTitle: "y", series: [ChartSeries(name: "a", points: [ChartPoint(x: 2030, y: .nan), ChartPoint(x: 2031, y: 1)])])
        checkChart(gappy.svg(), id: "g")
        checkChart(LineChart(id: "e", title: "e", summary: "e", yTitle: "y", series: []).svg(), id: "e")
    }

    @Test func drawsABandBehindEachLineThatHasOneAndScalesToIt() throws {
        let band = (2026...2030).map { BandPoint(x: Double($0), low: -50, median: .nan, high: Double($0 - 1900)) }
        let banded = LineChart(
            id: "b", title: "b", summary: "b", yTitle: "y",
            series: [
                ChartSeries(name: "with band", points: (2026...2030).map { ChartPoint(x: Double($0), y: 10) }, band: band),
                ChartSeries(name: "without", points: (2026...2030).map { ChartPoint(x: Double($0), y: 20) }),
            ])
        let svg = banded.svg()
        checkChart(svg, id: "b")
        #expect(svg.components(separatedBy: "fill-opacity=\"0.16\"").count - 1 == 1, "one band, for the series that has one")
        #expect(svg.contains("fill=\"\(SeriesStyle.line(0).color)\" fill-opacity"), "the band takes its line's colour")
        // The axis reaches the band's extremes (−50 and 130), not only the lines' values.
        let scale = AxisScale(minimum: -50, maximum: 130)
        #expect(svg.contains(">\(scale.label(scale.lower))</text>") && svg.contains(">\(scale.label(scale.upper))</text>"))
        // The area comes before the lines, so the lines are drawn over it.
        let area = try #require(svg.range(of: "fill-opacity")), line = try #require(svg.range(of: "stroke-width=\"2.2\" stroke-linejoin"))
        #expect(area.lowerBound < line.lowerBound)
    }
}
