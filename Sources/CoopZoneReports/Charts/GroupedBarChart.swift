/// One series of a grouped bar chart: a value (and optionally a range) per category.
public struct GroupedSeries: Sendable, Hashable {
    /// The name, shown in the legend.
    public var name: String
    /// One value per category (`nil` where the series has none).
    public var values: [Double?]
    /// One range per category drawn as a whisker (e.g. P5–P95), or `nil`.
    public var ranges: [ClosedRange<Double>?]

    /// Creates a series.
    public init(name: String, values: [Double?], ranges: [ClosedRange<Double>?] = []) {
        self.name = name
        self.values = values
        self.ranges = ranges
    }
}

/// Horizontal bars side by side: one group per category (a headline), one bar per series (a
/// design) in series order from the top, each series with its own lightness and pattern. The
/// value is written at the end of each bar; a whisker shows a range when one is given.
public struct GroupedBarChart: Sendable {
    /// The id of the `<svg>` element.
    public var id: String
    /// The accessible title.
    public var title: String
    /// The accessible description.
    public var summary: String
    /// The value axis title, with its unit.
    public var valueTitle: String
    /// Category labels, top to bottom.
    public var categories: [String]
    /// The series, drawn top to bottom within each group.
    public var series: [GroupedSeries]
    /// Width in pixels.
    public var width: Double

    /// Creates a grouped bar chart.
    public init(id: String, title: String, summary: String, valueTitle: String, categories: [String], series: [GroupedSeries], width: Double = 820) {
        self.id = id
        self.title = title
        self.summary = summary
        self.valueTitle = valueTitle
        self.categories = categories
        self.series = series
        self.width = width
    }

    static let barHeight = 14.0, barGap = 3.0, groupGap = 14.0

    var groupHeight: Double { Double(series.count) * (Self.barHeight + Self.barGap) - Self.barGap + Self.groupGap }

    /// The legend's height at this width.
    var legendHeight: Double {
        var scratch = SVGCanvas(id: id, width: width, height: 0)
        return scratch.legend(series.enumerated().map { i, s in (.swatch(SeriesStyle.fill(i), index: i), s.name) }, x: 12, y: 14, maxWidth: width - 24)
    }

    /// Height in pixels: grows with categories and series.
    public var height: Double { 14 + legendHeight + 10 + Double(categories.count) * groupHeight + 50 }

    /// The `<svg>` element.
    public func svg() -> String {
        var canvas = SVGCanvas(id: id, width: width, height: height)
        var values: [Double] = [0]
        for s in series {
            values += s.values.compactMap { $0 }.filter(\.isFinite)
            for r in s.ranges.compactMap({ $0 }) where r.lowerBound.isFinite && r.upperBound.isFinite { values += [r.lowerBound, r.upperBound] }
        }
        let low = values.min() ?? 0, high = values.max() ?? 1, pad = max(high - low, 1e-9) * 0.08
        let scale = AxisScale(minimum: low < 0 ? low - pad : low, maximum: high > 0 ? high + pad : high)
        let legendHeight = canvas.legend(
            series.enumerated().map { i, s in (.swatch(SeriesStyle.fill(i), index: i), s.name) },
            x: 12, y: 14, maxWidth: width - 24)
        // Labels shrink (down to 8.5 px) rather than spill when they need more than 42 % of the width.
        let needed = categories.map { ChartFormat.textWidth($0, fontSize: 11.5) }.max() ?? 0
        let room = width * 0.42 - 24
        let labelSize = needed > room ? max(8.5, 11.5 * room / needed) : 11.5
        let left = 12 + min(needed, room) + 12, right = width - 20
        let top = 14 + legendHeight + 10
        let bottom = top + Double(categories.count) * groupHeight
        canvas.valueAxisBottom(scale, left: left, right: right, top: top, bottom: bottom, title: valueTitle)
        func px(_ v: Double) -> Double { scale.position(v, from: left, to: right) }
        let zero = px(0)
        for (c, category) in categories.enumerated() {
            let groupTop = top + Double(c) * groupHeight + Self.groupGap / 2
            let inner = groupHeight - Self.groupGap
            canvas.text(category, x: left - 10, y: groupTop + inner / 2 + 4, anchor: .end, size: labelSize)
            for (i, s) in series.enumerated() {
                let y = groupTop + Double(i) * (Self.barHeight + Self.barGap)
                guard c < s.values.count, let v = s.values[c], v.isFinite else {
                    canvas.text("no value", x: zero + 4, y: y + 10.5, size: 10, fill: SVGCanvas.mutedInk)
                    continue
                }
                let fill = canvas.fill(SeriesStyle.fill(i), index: i)
                let x = px(v)
                canvas.rect(x: min(zero, x), y: y, width: max(abs(x - zero), 1), height: Self.barHeight, fill: fill)
                var labelEnd = max(zero, x)
                if c < s.ranges.count, let r = s.ranges[c], r.lowerBound.isFinite, r.upperBound.isFinite {
                    let a = px(r.lowerBound), b = px(r.upperBound), mid = y + Self.barHeight / 2
                    canvas.line(x1: a, y1: mid, x2: b, y2: mid, stroke: "#111111", width: 1.2)
                    canvas.line(x1: a, y1: mid - 4, x2: a, y2: mid + 4, stroke: "#111111", width: 1.2)
                    canvas.line(x1: b, y1: mid - 4, x2: b, y2: mid + 4, stroke: "#111111", width: 1.2)
                    labelEnd = max(labelEnd, b)
                }
                let onRight = v >= 0
                canvas.text(
                    ChartFormat.readable(v), x: onRight ? labelEnd + 4 : min(zero, x) - 4, y: y + 10.5, anchor: onRight ? .start : .end, size: 10.5, halo: true)
            }
        }
        return canvas.render(title: title, summary: summary)
    }
}
