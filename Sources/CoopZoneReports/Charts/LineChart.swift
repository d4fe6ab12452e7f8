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

    /// Creates a series.
    public init(name: String, points: [ChartPoint]) {
        self.name = name
        self.points = points
    }
}

/// Lines over years: each series with its own dash and marker, labelled at its last point.
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

    /// Creates a line chart.
    public init(id: String, title: String, summary: String, xTitle: String = "year", yTitle: String, series: [ChartSeries],
                width: Double = 720, height: Double = 360) {
        self.id = id
        self.title = title
        self.summary = summary
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.series = series
        self.width = width
        self.height = height
    }

    /// The `<svg>` element.
    public func svg() -> String {
        var canvas = SVGCanvas(id: id, width: width, height: height)
        let points = series.flatMap(\.points).filter { $0.x.isFinite && $0.y.isFinite }
        let xs = points.map(\.x), ys = points.map(\.y)
        // About 40 pixels per year label.
        let xScale = AxisScale(years: Int((xs.min() ?? 0).rounded()), Int((xs.max() ?? 0).rounded()), maxTicks: max(2, Int((width - 100) / 40)))
        let yScale = AxisScale(minimum: ys.min() ?? 0, maximum: ys.max() ?? 1)
        let legendHeight = canvas.legend(series.enumerated().map { i, s in (.line(SeriesStyle.line(i), width: 2.2), s.name) },
                                         x: 12, y: 14, maxWidth: width - 24)
        let left = 12 + SVGCanvas.leftAxisWidth(yScale)
        let labelWidth = series.map { ChartFormat.textWidth($0.name, fontSize: 11) }.max() ?? 0
        let right = width - min(labelWidth + 14, width * 0.3)
        let top = 14 + legendHeight + 8, bottom = height - 44
        canvas.valueAxisLeft(yScale, left: left, right: right, top: top, bottom: bottom, title: yTitle)
        YearAxis.draw(&canvas, xScale, left: left, right: right, bottom: bottom, title: xTitle, inset: 10)
        var endLabels: [(y: Double, text: String, color: String)] = []
        for (i, s) in series.enumerated() {
            let style = SeriesStyle.line(i)
            let pixels = s.points.filter { $0.x.isFinite && $0.y.isFinite }.map { p in
                (YearAxis.x(p.x, xScale, left: left, right: right, inset: 10), yScale.position(p.y, from: bottom, to: top))
            }
            guard !pixels.isEmpty else { continue }
            canvas.path(SVGCanvas.polyline(pixels), stroke: style.color, width: 2.2, dash: style.dash)
            for p in pixels { canvas.marker(style, x: p.0, y: p.1) }
            if let last = pixels.last { endLabels.append((last.1, s.name, style.color)) }
        }
        for label in YearAxis.spread(endLabels.map(\.y), gap: 13, top: top, bottom: bottom).enumerated() {
            canvas.text(endLabels[label.offset].text, x: right + 6, y: label.element + 4, size: 11, fill: endLabels[label.offset].color, halo: true)
        }
        return canvas.render(title: title, summary: summary)
    }
}

/// Helpers shared by charts with a year axis.
enum YearAxis {
    /// The horizontal position of `year`, with `inset` pixels kept free at both ends.
    static func x(_ year: Double, _ scale: AxisScale, left: Double, right: Double, inset: Double) -> Double {
        scale.position(year, from: left + inset, to: right - inset)
    }

    /// Tick marks and labels of years along the bottom, and the axis title.
    static func draw(_ canvas: inout SVGCanvas, _ scale: AxisScale, left: Double, right: Double, bottom: Double, title: String, inset: Double) {
        canvas.line(x1: left, y1: bottom, x2: right, y2: bottom, stroke: SVGCanvas.axisInk)
        for tick in scale.ticks {
            let x = Self.x(tick, scale, left: left, right: right, inset: inset)
            canvas.line(x1: x, y1: bottom, x2: x, y2: bottom + 4, stroke: SVGCanvas.axisInk)
            canvas.text(scale.label(tick), x: x, y: bottom + 16, anchor: .middle, size: 11, fill: SVGCanvas.mutedInk)
        }
        canvas.text(title, x: (left + right) / 2, y: bottom + 35, anchor: .middle, size: 12)
    }

    /// Vertical label positions near `wanted`, at least `gap` apart and within `top…bottom`.
    static func spread(_ wanted: [Double], gap: Double, top: Double, bottom: Double) -> [Double] {
        let order = wanted.indices.sorted { wanted[$0] != wanted[$1] ? wanted[$0] < wanted[$1] : $0 < $1 }
        var placed = [Double](repeating: 0, count: wanted.count)
        var previous = -Double.infinity
        for i in order {
            let y = max(wanted[i], previous + gap)
            placed[i] = y
            previous = y
        }
        // If the stack ran past the bottom, push it back up.
        if let lastIndex = order.last, placed[lastIndex] > bottom {
            var next = bottom + gap
            for i in order.reversed() {
                placed[i] = min(placed[i], next - gap)
                next = placed[i]
            }
        }
        return placed.map { max(top, $0) }
    }
}
