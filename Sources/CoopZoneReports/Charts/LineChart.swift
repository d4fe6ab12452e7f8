import CoopZoneCore

/// A point of a line: `x` is usually a calendar year.
public struct ChartPoint: Sendable, Hashable {
    /// The horizontal value.
    public var x: Double
    /// The vertical value.
    public var y: Double

    /// Creates a point.
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// A named series of points.
public struct ChartSeries: Sendable, Hashable {
    /// The name, shown in the legend and at the line's end.
    public var name: String
    /// The points, in increasing `x`.
    public var points: [ChartPoint]
    /// An uncertainty band around the line (P5–P95 by `x`; the median is not drawn), or `nil`.
    public var band: [BandPoint]?

    /// Creates a series.
    public init(name: String, points: [ChartPoint], band: [BandPoint]? = nil) {
        self.name = name
        self.points = points
        self.band = band
    }
}

/// Lines over years: each series with its own dash and marker, labelled at its last point, and
/// with its uncertainty band, when it has one, as a light area of its colour behind the lines.
public struct LineChart: Sendable {
    /// The id of the `<svg>` element (and prefix of the ids inside it).
    public var id: String
    /// The accessible title.
    public var title: String
    /// The accessible description: what the chart shows.
    public var summary: String
    /// The horizontal axis title.
    public var xTitle: String
    /// The vertical axis title, with its unit.
    public var yTitle: String
    /// The lines.
    public var series: [ChartSeries]
    /// Width in pixels.
    public var width: Double
    /// Height in pixels.
    public var height: Double
    /// The language of the axis numbers.
    public var language: Language = .en

    /// Creates a line chart.
    public init(
        id: String, title: String, summary: String, xTitle: String = "year", yTitle: String, series: [ChartSeries],
        width: Double = 720, height: Double = 360
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.series = series
        self.width = width
        self.height = height
    }

    /// The opacity of a band's area: light enough for the lines and the other bands to show through.
    static let bandOpacity = 0.16

    /// The `<svg>` element.
    public func svg() -> String {
        var canvas = SVGCanvas(id: id, width: width, height: height)
        let points = series.flatMap(\.points).filter { $0.x.isFinite && $0.y.isFinite }
        let bands = series.map { ($0.band ?? []).filter { $0.x.isFinite && $0.low.isFinite && $0.high.isFinite } }
        let xs = points.map(\.x), ys = points.map(\.y) + bands.joined().flatMap { [$0.low, $0.high] }
        // About 40 pixels per year label.
        let xScale = AxisScale(years: Int((xs.min() ?? 0).rounded()), Int((xs.max() ?? 0).rounded()), maxTicks: max(2, Int((width - 100) / 40)))
        var yScale = AxisScale(minimum: ys.min() ?? 0, maximum: ys.max() ?? 1)
        yScale.language = language
        let legendHeight = canvas.legend(
            series.enumerated().map { i, s in (.line(SeriesStyle.line(i), width: 2.2), s.name) },
            x: 12, y: 14, maxWidth: width - 24)
        let left = 12 + SVGCanvas.leftAxisWidth(yScale)
        let labelWidth = series.map { ChartFormat.textWidth($0.name, fontSize: 11) }.max() ?? 0
        let right = width - min(labelWidth + 14, width * 0.3)
        let top = 14 + legendHeight + 8, bottom = height - 44
        canvas.valueAxisLeft(yScale, left: left, right: right, top: top, bottom: bottom, title: yTitle)
        YearAxis.draw(&canvas, xScale, left: left, right: right, bottom: bottom, title: xTitle, inset: 10)
        for (i, band) in bands.enumerated() where band.count > 1 {
            let upper = band.map { (YearAxis.x($0.x, xScale, left: left, right: right, inset: 10), yScale.position($0.high, from: bottom, to: top)) }
            let lower = band.reversed().map { (YearAxis.x($0.x, xScale, left: left, right: right, inset: 10), yScale.position($0.low, from: bottom, to: top)) }
            canvas.path(SVGCanvas.polyline(upper + lower) + " Z", fill: SeriesStyle.line(i).color, opacity: Self.bandOpacity)
        }
        var endLabels: [(y: Double, text: String, color: String)] = []
        for (i, s) in series.enumerated() {
            let style = SeriesStyle.line(i)
            let pixels = s.points.filter { $0.x.isFinite && $0.y.isFinite }.map { p in
                (YearAxis.x(p.x, xScale, left: left, right: right, inset: 10), yScale.position(p.y, from: bottom, to: top))
            }
            guard !pixels.isEmpty else { continue }
            canvas.markedLine(pixels, style: style, index: i, width: 2.2)
            if let last = pixels.last { endLabels.append((last.1, s.name, style.color)) }
        }
        for label in YearAxis.spread(endLabels.map(\.y), gap: 13, top: top, bottom: bottom).enumerated() {
            canvas.text(endLabels[label.offset].text, x: right + 6, y: label.element + 4, size: 11, fill: endLabels[label.offset].color, halo: true)
        }
        return canvas.render(title: title, summary: summary)
    }
}
