/// One input of a tornado chart: the headline with the input at its low and at its high bound.
public struct TornadoBar: Sendable, Hashable {
    /// The input's name (its path).
    public var label: String
    /// A second line under the name, e.g. the input's range.
    public var detail: String
    /// The headline with the input at its low bound, the others central.
    public var atLow: Double
    /// The headline with the input at its high bound.
    public var atHigh: Double

    /// Creates a bar.
    public init(label: String, detail: String, atLow: Double, atHigh: Double) {
        self.label = label
        self.detail = detail
        self.atLow = atLow
        self.atHigh = atHigh
    }
}

/// A tornado chart: one row per input, widest swing on top. Each row has two half-height bars
/// from the central value: the upper (dark, solid) to the headline with the input at its low
/// bound, the lower (light, hatched) to the headline with the input at its high bound; values
/// are written at the bar ends and a vertical line marks the central value.
public struct TornadoChart: Sendable {
    /// The id of the `<svg>` element.
    public var id: String
    /// The accessible title.
    public var title: String
    /// The accessible description.
    public var summary: String
    /// The value axis title, with its unit.
    public var valueTitle: String
    /// The headline with every input central.
    public var central: Double
    /// The rows, in the order to draw them from the top.
    public var bars: [TornadoBar]
    /// The legend name of the low-bound bars.
    public var lowName: String
    /// The legend name of the high-bound bars.
    public var highName: String
    /// Width in pixels.
    public var width: Double

    /// Creates a tornado chart.
    public init(
        id: String, title: String, summary: String, valueTitle: String, central: Double, bars: [TornadoBar],
        lowName: String = "input at its low bound", highName: String = "input at its high bound", width: Double = 820
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.valueTitle = valueTitle
        self.central = central
        self.bars = bars
        self.lowName = lowName
        self.highName = highName
        self.width = width
    }

    /// Height in pixels: grows with the number of rows.
    public var height: Double { 14 + 18 + 16 + Double(bars.count) * 36 + 52 }

    static let lowStyle = SeriesStyle(color: "#1d3557")
    static let highStyle = SeriesStyle(color: "#e9c46a", pattern: .hatch)

    /// The `<svg>` element.
    public func svg() -> String {
        var canvas = SVGCanvas(id: id, width: width, height: height)
        let values = bars.flatMap { [$0.atLow, $0.atHigh] }.filter(\.isFinite) + [central]
        // Room at both ends for the values written beside the bars.
        let low = values.min() ?? 0, high = values.max() ?? 1, pad = max(high - low, abs(central) * 0.01, 1e-9) * 0.16
        let scale = AxisScale(minimum: low - pad, maximum: high + pad, targetTicks: 6, includeZero: false)
        let legendHeight = canvas.legend(
            [(.swatch(Self.lowStyle, index: 0), lowName), (.swatch(Self.highStyle, index: 1), highName)],
            x: 12, y: 14, maxWidth: width - 24)
        // Labels shrink (down to 8.5 px) rather than spill when they need more than 45 % of the width.
        let needed = bars.map { max(ChartFormat.textWidth($0.label, fontSize: 11.5), ChartFormat.textWidth($0.detail, fontSize: 10.5)) }.max() ?? 0
        let room = width * 0.45 - 24
        let shrink = needed > room ? max(8.5 / 11.5, room / needed) : 1
        let left = 12 + min(needed, room) + 12, right = width - 56
        let top = 14 + legendHeight + 16, rowHeight = 36.0
        let bottom = top + Double(bars.count) * rowHeight
        canvas.valueAxisBottom(scale, left: left, right: right, top: top, bottom: bottom, title: valueTitle)
        func px(_ v: Double) -> Double { scale.position(v, from: left, to: right) }
        let lowFill = canvas.fill(Self.lowStyle, index: 0), highFill = canvas.fill(Self.highStyle, index: 1)
        let c = px(central)
        for (row, bar) in bars.enumerated() {
            let y = top + Double(row) * rowHeight + 4
            canvas.text(bar.label, x: left - 10, y: y + 12, anchor: .end, size: 11.5 * shrink)
            canvas.text(bar.detail, x: left - 10, y: y + 25, anchor: .end, size: 10.5 * shrink, fill: SVGCanvas.mutedInk)
            for (value, fill, offset) in [(bar.atLow, lowFill, 0.0), (bar.atHigh, highFill, 14.0)] where value.isFinite {
                let x = px(value)
                canvas.rect(x: min(c, x), y: y + offset, width: max(abs(x - c), 1), height: 13, fill: fill)
                let onRight = value >= central
                canvas.text(
                    ChartFormat.readable(value), x: onRight ? max(c, x) + 4 : min(c, x) - 4, y: y + offset + 10.5,
                    anchor: onRight ? .start : .end, size: 10.5, halo: true)
            }
        }
        canvas.line(x1: c, y1: top - 6, x2: c, y2: bottom, stroke: "#111111", width: 1.5)
        canvas.text("central " + ChartFormat.readable(central), x: c, y: top - 9, anchor: .middle, size: 10.5, weight: "600", halo: true)
        return canvas.render(title: title, summary: summary)
    }
}
