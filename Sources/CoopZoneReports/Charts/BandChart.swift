/// One year of an uncertainty band.
public struct BandPoint: Sendable, Hashable {
    /// The year (or other horizontal value).
    public var x: Double
    /// The low percentile (P5).
    public var low: Double
    /// The median (P50).
    public var median: Double
    /// The high percentile (P95).
    public var high: Double

    /// Creates a band point.
    public init(x: Double, low: Double, median: Double, high: Double) {
        self.x = x
        self.low = low
        self.median = median
        self.high = high
    }
}

/// An uncertainty band over years: the P5–P95 range as a light area edged by thin dashed
/// lines, the median as a dark solid line with markers.
public struct BandChart: Sendable {
    /// The id of the `<svg>` element.
    public var id: String
    /// The accessible title.
    public var title: String
    /// The accessible description.
    public var summary: String
    /// The horizontal axis title.
    public var xTitle: String
    /// The vertical axis title, with its unit.
    public var yTitle: String
    /// The band, in increasing `x`.
    public var points: [BandPoint]
    /// The legend name of the area.
    public var bandName: String
    /// The legend name of the median line.
    public var medianName: String
    /// Width in pixels.
    public var width: Double
    /// Height in pixels.
    public var height: Double

    /// Creates a band chart.
    public init(
        id: String, title: String, summary: String, xTitle: String = "year", yTitle: String, points: [BandPoint],
        bandName: String = "P5–P95 (90 % of draws)", medianName: String = "P50 (median)", width: Double = 720, height: Double = 320
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.points = points
        self.bandName = bandName
        self.medianName = medianName
        self.width = width
        self.height = height
    }

    static let areaColor = "#bcd0e3"
    static let edgeColor = "#5b7590"

    /// The `<svg>` element.
    public func svg() -> String {
        var canvas = SVGCanvas(id: id, width: width, height: height)
        let valid = points.filter { $0.x.isFinite && $0.low.isFinite && $0.median.isFinite && $0.high.isFinite }
        let xs = valid.map(\.x)
        // About 40 pixels per year label.
        let xScale = AxisScale(years: Int((xs.min() ?? 0).rounded()), Int((xs.max() ?? 0).rounded()), maxTicks: max(2, Int((width - 100) / 40)))
        let yScale = AxisScale(minimum: valid.map { min($0.low, $0.median) }.min() ?? 0, maximum: valid.map { max($0.high, $0.median) }.max() ?? 1)
        let medianStyle = SeriesStyle.line(0)
        let legendHeight = canvas.legend(
            [(.area(Self.areaColor), bandName), (.line(medianStyle, width: 2.2), medianName)],
            x: 12, y: 14, maxWidth: width - 24)
        let left = 12 + SVGCanvas.leftAxisWidth(yScale), right = width - 16
        let top = 14 + legendHeight + 8, bottom = height - 44
        canvas.valueAxisLeft(yScale, left: left, right: right, top: top, bottom: bottom, title: yTitle)
        YearAxis.draw(&canvas, xScale, left: left, right: right, bottom: bottom, title: xTitle, inset: 10)
        func px(_ x: Double) -> Double { YearAxis.x(x, xScale, left: left, right: right, inset: 10) }
        func py(_ y: Double) -> Double { yScale.position(y, from: bottom, to: top) }
        guard !valid.isEmpty else { return canvas.render(title: title, summary: summary) }
        let upper = valid.map { (px($0.x), py($0.high)) }, lower = valid.reversed().map { (px($0.x), py($0.low)) }
        canvas.path(SVGCanvas.polyline(upper + lower) + " Z", fill: Self.areaColor)
        canvas.path(SVGCanvas.polyline(upper), stroke: Self.edgeColor, width: 1, dash: "4 3")
        canvas.path(SVGCanvas.polyline(Array(lower.reversed())), stroke: Self.edgeColor, width: 1, dash: "4 3")
        let median = valid.map { (px($0.x), py($0.median)) }
        canvas.path(SVGCanvas.polyline(median), stroke: medianStyle.color, width: 2.2)
        for p in median { canvas.marker(medianStyle, x: p.0, y: p.1, size: 3) }
        if let last = valid.last {
            canvas.text(
                "P95 " + ChartFormat.readable(last.high), x: px(last.x) - 4, y: py(last.high) - 7, anchor: .end, size: 10.5, fill: SVGCanvas.mutedInk,
                halo: true)
            canvas.text(
                "P5 " + ChartFormat.readable(last.low), x: px(last.x) - 4, y: py(last.low) + 15, anchor: .end, size: 10.5, fill: SVGCanvas.mutedInk, halo: true)
        }
        return canvas.render(title: title, summary: summary)
    }
}
