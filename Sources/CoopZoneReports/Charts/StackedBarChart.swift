import CoopZoneCore

/// One layer of a stacked bar chart: a value per category.
public struct StackedSeries: Sendable, Hashable {
    /// The name, shown in the legend (and on the segment when it fits).
    public var name: String
    /// One value per category; positive values stack up from zero, negative ones down.
    public var values: [Double]

    /// Creates a layer.
    public init(name: String, values: [Double]) {
        self.name = name
        self.values = values
    }
}

/// Vertical stacked bars: one bar per category, one segment per series in series order from
/// the axis outwards. Each series has its own lightness and pattern; the total is written above
/// each bar, and segments large enough carry their series' name. An optional overlay draws a
/// line with markers across the bars (e.g. net jobs over gross jobs).
public struct StackedBarChart: Sendable {
    /// The id of the `<svg>` element.
    public var id: String
    /// The accessible title.
    public var title: String
    /// The accessible description.
    public var summary: String
    /// The category axis title.
    public var xTitle: String
    /// The value axis title, with its unit.
    public var yTitle: String
    /// Category labels, left to right.
    public var categories: [String]
    /// The layers, from the axis outwards.
    public var series: [StackedSeries]
    /// A line drawn over the bars, one value per category (`nil` skips a category).
    public var overlay: (name: String, values: [Double?])?
    /// True to join the overlay's markers with a line (for ordered categories such as years);
    /// false to draw markers only (for categories without an order, such as countries).
    public var connectOverlay: Bool
    /// The language of the axis and total numbers.
    public var language: Language = .en
    /// Width in pixels.
    public var width: Double
    /// Height in pixels.
    public var height: Double

    /// Creates a stacked bar chart.
    public init(
        id: String, title: String, summary: String, xTitle: String, yTitle: String, categories: [String], series: [StackedSeries],
        overlay: (name: String, values: [Double?])? = nil, connectOverlay: Bool = true, width: Double = 720, height: Double = 380
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.categories = categories
        self.series = series
        self.overlay = overlay
        self.connectOverlay = connectOverlay
        self.width = width
        self.height = height
    }

    /// The `<svg>` element.
    public func svg() -> String {
        var canvas = SVGCanvas(id: id, width: width, height: height)
        let count = categories.count
        func value(_ s: StackedSeries, _ c: Int) -> Double { c < s.values.count && s.values[c].isFinite ? s.values[c] : 0 }
        let positive = (0..<count).map { c in series.reduce(0) { $0 + max(0, value($1, c)) } }
        let negative = (0..<count).map { c in series.reduce(0) { $0 + min(0, value($1, c)) } }
        let overlayValues = overlay?.values.compactMap { $0 }.filter(\.isFinite) ?? []
        var yScale = AxisScale(minimum: min(negative.min() ?? 0, overlayValues.min() ?? 0), maximum: max(positive.max() ?? 0, overlayValues.max() ?? 0))
        yScale.language = language
        var legend: [(SVGCanvas.LegendKey, String)] = series.enumerated().map { i, s in (.swatch(SeriesStyle.fill(i), index: i), s.name) }
        let overlayStyle = SeriesStyle(color: "#111111", dash: "5 3", marker: .diamond)
        if let overlay { legend.append((.line(overlayStyle, width: 2), overlay.name)) }
        let legendHeight = canvas.legend(legend, x: 12, y: 14, maxWidth: width - 24)
        let left = 12 + SVGCanvas.leftAxisWidth(yScale), right = width - 12
        let slot = (right - left) / Double(max(1, count))
        let barWidth = min(slot * 0.68, 90)
        let labelSize = 11.0
        let longestLabel = categories.map { ChartFormat.textWidth($0, fontSize: labelSize) }.max() ?? 0
        let rotateLabels = longestLabel > slot - 4
        let top = 14 + legendHeight + 18, bottom = height - (rotateLabels ? min(longestLabel * 0.58 + 24, height * 0.4) : 46)
        canvas.valueAxisLeft(yScale, left: left, right: right, top: top, bottom: bottom, title: yTitle)
        func py(_ v: Double) -> Double { yScale.position(v, from: bottom, to: top) }
        for c in 0..<count {
            let centre = left + slot * (Double(c) + 0.5)
            let x = centre - barWidth / 2
            var up = 0.0, down = 0.0
            for (i, s) in series.enumerated() {
                let v = value(s, c)
                guard v != 0 else { continue }
                let from = v > 0 ? up : down
                let to = from + v
                if v > 0 { up = to } else { down = to }
                let y1 = py(max(from, to)), y2 = py(min(from, to))
                let fill = canvas.fill(SeriesStyle.fill(i), index: i)
                canvas.rect(x: x, y: y1, width: barWidth, height: y2 - y1, fill: fill)
                if y2 - y1 >= 16 && ChartFormat.textWidth(s.name, fontSize: 10.5) + 8 <= barWidth {
                    // White on a flat dark fill, dark with a white outline on light or patterned fills.
                    let style = SeriesStyle.fill(i)
                    let plain = style.pattern == .solid
                    canvas.text(s.name, x: centre, y: (y1 + y2) / 2 + 4, anchor: .middle, size: 10.5, fill: plain ? style.ink : "#222222", halo: !plain)
                }
            }
            if positive[c] != 0 || negative[c] != 0 {
                let total = positive[c] + negative[c]
                canvas.text(
                    language == .en ? ChartFormat.readable(total) : language.readable(total), x: centre, y: py(positive[c]) - 5, anchor: .middle, size: 10.5,
                    fill: SVGCanvas.mutedInk)
            }
            let labelY = bottom + 15
            if rotateLabels {
                canvas.text(categories[c], x: centre + 4, y: labelY - 4, anchor: .end, size: labelSize, rotate: -35)
            } else {
                canvas.text(categories[c], x: centre, y: labelY, anchor: .middle, size: labelSize)
            }
        }
        canvas.line(x1: left, y1: py(0), x2: right, y2: py(0), stroke: SVGCanvas.axisInk)
        if let overlay {
            var run: [(Double, Double)] = []
            var runs: [[(Double, Double)]] = []
            for c in 0..<count {
                if c < overlay.values.count, let v = overlay.values[c], v.isFinite {
                    run.append((left + slot * (Double(c) + 0.5), py(v)))
                } else if !run.isEmpty {
                    runs.append(run)
                    run = []
                }
            }
            if !run.isEmpty { runs.append(run) }
            for r in runs {
                if connectOverlay {
                    canvas.path(SVGCanvas.polyline(r), stroke: "#ffffff", width: 4.5)
                    canvas.path(SVGCanvas.polyline(r), stroke: overlayStyle.color, width: 2, dash: overlayStyle.dash)
                    for p in r { canvas.marker(overlayStyle, x: p.0, y: p.1, size: 3.6) }
                } else {
                    // A bar-wide tick with a diamond marks the value on each bar.
                    for p in r {
                        canvas.line(x1: p.0 - barWidth / 2 - 4, y1: p.1, x2: p.0 + barWidth / 2 + 4, y2: p.1, stroke: "#ffffff", width: 4.5)
                        canvas.line(
                            x1: p.0 - barWidth / 2 - 4, y1: p.1, x2: p.0 + barWidth / 2 + 4, y2: p.1, stroke: overlayStyle.color, width: 2,
                            dash: overlayStyle.dash)
                        canvas.marker(overlayStyle, x: p.0, y: p.1, size: 4.2)
                    }
                }
            }
        }
        if !rotateLabels { canvas.text(xTitle, x: (left + right) / 2, y: bottom + 36, anchor: .middle, size: 12) }
        return canvas.render(title: title, summary: summary)
    }
}
