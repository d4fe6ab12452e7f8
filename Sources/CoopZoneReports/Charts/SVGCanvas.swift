/// An inline SVG element under construction: every number goes through `ChartFormat`, every
/// text is escaped, and nothing refers outside the document (no `xmlns` URL is needed for SVG
/// inside HTML).
struct SVGCanvas {
    /// The chart's id: the prefix of every id inside it, so several charts share a page.
    let id: String
    let width: Double
    let height: Double
    private(set) var defs: [String] = []
    private(set) var body: [String] = []
    static let font = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
    static let axisInk = "#333333"
    static let gridInk = "#d9d9d9"
    static let mutedInk = "#555555"

    init(id: String, width: Double, height: Double) {
        self.id = id
        self.width = width
        self.height = height
    }

    static func n(_ value: Double) -> String { ChartFormat.coordinate(value) }

    mutating func add(_ element: String) { body.append(element) }

    mutating func define(_ definition: String) { if !defs.contains(definition) { defs.append(definition) } }

    /// The fill attribute for `style`, defining its pattern as `<id>-p<index>` when it needs one.
    mutating func fill(_ style: SeriesStyle, index: Int) -> String {
        let patternID = "\(id)-p\(index)"
        if let definition = style.patternDefinition(id: patternID) { define(definition) }
        return style.fillValue(patternID: patternID)
    }

    mutating func rect(
        x: Double, y: Double, width: Double, height: Double, fill: String, stroke: String? = "#222222", strokeWidth: Double = 0.6, extra: String = ""
    ) {
        var attributes = "x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" width=\"\(Self.n(max(0, width)))\" height=\"\(Self.n(max(0, height)))\" fill=\"\(fill)\""
        if let stroke { attributes += " stroke=\"\(stroke)\" stroke-width=\"\(Self.n(strokeWidth))\"" }
        add("<rect \(attributes)\(extra.isEmpty ? "" : " " + extra)/>")
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1, dash: String? = nil) {
        add(
            "<line x1=\"\(Self.n(x1))\" y1=\"\(Self.n(y1))\" x2=\"\(Self.n(x2))\" y2=\"\(Self.n(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(Self.n(width))\"\(dash.map { " stroke-dasharray=\"\($0)\"" } ?? "")/>"
        )
    }

    mutating func path(_ d: String, fill: String = "none", stroke: String? = nil, width: Double = 1, dash: String? = nil, opacity: Double? = nil) {
        var attributes = "d=\"\(d)\" fill=\"\(fill)\""
        if let stroke { attributes += " stroke=\"\(stroke)\" stroke-width=\"\(Self.n(width))\" stroke-linejoin=\"round\"" }
        if let dash { attributes += " stroke-dasharray=\"\(dash)\"" }
        if let opacity { attributes += " fill-opacity=\"\(Self.n(opacity))\"" }
        add("<path \(attributes)/>")
    }

    /// A polyline path through `points`.
    static func polyline(_ points: [(Double, Double)]) -> String {
        points.enumerated().map { i, p in "\(i == 0 ? "M" : "L")\(n(p.0)) \(n(p.1))" }.joined(separator: " ")
    }

    enum Anchor: String { case start, middle, end }

    /// Text; with `halo`, a white outline keeps it readable over lines, bars and patterns.
    mutating func text(
        _ string: String, x: Double, y: Double, anchor: Anchor = .start, size: Double = 12, weight: String? = nil,
        fill: String = "#222222", halo: Bool = false, rotate: Double? = nil, baseline: String? = nil
    ) {
        var attributes = "x=\"\(Self.n(x))\" y=\"\(Self.n(y))\""
        if anchor != .start { attributes += " text-anchor=\"\(anchor.rawValue)\"" }
        if size != 12 { attributes += " font-size=\"\(Self.n(size))\"" }
        if let weight { attributes += " font-weight=\"\(weight)\"" }
        if fill != "#222222" { attributes += " fill=\"\(fill)\"" }
        if let baseline { attributes += " dominant-baseline=\"\(baseline)\"" }
        if halo { attributes += " stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\"" }
        if let rotate { attributes += " transform=\"rotate(\(Self.n(rotate)) \(Self.n(x)) \(Self.n(y)))\"" }
        add("<text \(attributes)>\(ChartFormat.escape(string))</text>")
    }

    /// A point marker of `style` centred on `x`, `y`.
    mutating func marker(_ style: SeriesStyle, x: Double, y: Double, size: Double = 3.6) {
        add(Self.markerShape(style, x: x, y: y, size: size))
    }

    /// The shape of a marker of `style` centred on `x`, `y`, with a thin white outline.
    static func markerShape(_ style: SeriesStyle, x: Double, y: Double, size s: Double) -> String {
        let stroke = "stroke=\"#ffffff\" stroke-width=\"1\""
        switch style.marker {
        case .circle: return "<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"\(n(s))\" fill=\"\(style.color)\" \(stroke)/>"
        case .square:
            return "<rect x=\"\(n(x - s))\" y=\"\(n(y - s))\" width=\"\(n(2 * s))\" height=\"\(n(2 * s))\" fill=\"\(style.color)\" \(stroke)/>"
        case .triangle:
            return
                "<path d=\"M\(n(x)) \(n(y - s * 1.25)) L\(n(x + s * 1.15)) \(n(y + s * 0.85)) L\(n(x - s * 1.15)) \(n(y + s * 0.85)) Z\" fill=\"\(style.color)\" \(stroke)/>"
        case .diamond:
            return
                "<path d=\"M\(n(x)) \(n(y - s * 1.3)) L\(n(x + s * 1.1)) \(n(y)) L\(n(x)) \(n(y + s * 1.3)) L\(n(x - s * 1.1)) \(n(y)) Z\" fill=\"\(style.color)\" \(stroke)/>"
        }
    }

    /// A line through `points` with a marker of `style` at every point: the marker is defined
    /// once (an SVG `<marker>` in user units, so it looks as if drawn at each point) and the
    /// path refers to it, instead of an element per point.
    /// `index` tells the series' markers apart: `<id>-m<index>`.
    mutating func markedLine(_ points: [(Double, Double)], style: SeriesStyle, index: Int, width: Double, markerSize: Double = 3.6) {
        let markerID = "\(id)-m\(index)"
        let extent = Self.n(markerSize * 2 + 2)
        define(
            "<marker id=\"\(markerID)\" markerUnits=\"userSpaceOnUse\" viewBox=\"-\(extent) -\(extent) \(Self.n(markerSize * 4 + 4)) \(Self.n(markerSize * 4 + 4))\" "
                + "markerWidth=\"\(Self.n(markerSize * 4 + 4))\" markerHeight=\"\(Self.n(markerSize * 4 + 4))\" refX=\"0\" refY=\"0\" overflow=\"visible\">"
                + Self.markerShape(style, x: 0, y: 0, size: markerSize) + "</marker>")
        let reference = "url(#\(markerID))"
        add(
            "<path d=\"\(Self.polyline(points))\" fill=\"none\" stroke=\"\(style.color)\" stroke-width=\"\(Self.n(width))\" stroke-linejoin=\"round\""
                + (style.dash.map { " stroke-dasharray=\"\($0)\"" } ?? "")
                + " marker-start=\"\(reference)\" marker-mid=\"\(reference)\" marker-end=\"\(reference)\"/>")
    }

    /// One entry of a legend.
    enum LegendKey {
        /// A filled swatch of the `index`-th fill style.
        case swatch(SeriesStyle, index: Int)
        /// A line sample with its marker.
        case line(SeriesStyle, width: Double)
        /// A flat area of a colour with an outline.
        case area(String)
    }

    /// Lays out a legend from the left edge `x`, wrapping within `maxWidth`; returns its height.
    @discardableResult
    mutating func legend(_ items: [(LegendKey, String)], x: Double, y: Double, maxWidth: Double) -> Double {
        var cx = x, cy = y
        let rowHeight = 18.0
        for (key, label) in items {
            let itemWidth = 26 + ChartFormat.textWidth(label, fontSize: 11.5) + 16
            if cx > x && cx + itemWidth > x + maxWidth {
                cx = x
                cy += rowHeight
            }
            switch key {
            case .swatch(let style, let index):
                let value = fill(style, index: index)
                rect(x: cx, y: cy - 6, width: 20, height: 12, fill: value)
            case .line(let style, let width):
                line(x1: cx, y1: cy, x2: cx + 20, y2: cy, stroke: style.color, width: width, dash: style.dash)
                marker(style, x: cx + 10, y: cy, size: 3.2)
            case .area(let color):
                rect(x: cx, y: cy - 6, width: 20, height: 12, fill: color, stroke: "#7a8ea3", strokeWidth: 0.8)
            }
            text(label, x: cx + 26, y: cy + 4, size: 11.5)
            cx += itemWidth
        }
        return cy - y + rowHeight
    }

    /// Horizontal grid lines and labels of a value axis on the left, with its title rotated.
    mutating func valueAxisLeft(_ scale: AxisScale, left: Double, right: Double, top: Double, bottom: Double, title: String) {
        for tick in scale.ticks {
            let y = scale.position(tick, from: bottom, to: top)
            line(x1: left, y1: y, x2: right, y2: y, stroke: tick == 0 ? Self.axisInk : Self.gridInk, width: tick == 0 ? 1 : 0.8)
            text(scale.label(tick), x: left - 6, y: y + 4, anchor: .end, size: 11, fill: Self.mutedInk)
        }
        let labelWidth = scale.ticks.map { ChartFormat.textWidth(scale.label($0), fontSize: 11) }.max() ?? 0
        text(title, x: left - labelWidth - 16, y: (top + bottom) / 2, anchor: .middle, size: 12, rotate: -90)
    }

    /// Vertical grid lines and labels of a value axis along the bottom, with its title below.
    mutating func valueAxisBottom(_ scale: AxisScale, left: Double, right: Double, top: Double, bottom: Double, title: String) {
        for tick in scale.ticks {
            let x = scale.position(tick, from: left, to: right)
            line(x1: x, y1: top, x2: x, y2: bottom, stroke: tick == 0 ? Self.axisInk : Self.gridInk, width: tick == 0 ? 1 : 0.8)
            text(scale.label(tick), x: x, y: bottom + 15, anchor: .middle, size: 11, fill: Self.mutedInk)
        }
        text(title, x: (left + right) / 2, y: bottom + 34, anchor: .middle, size: 12)
    }

    /// The width a left value axis needs for its labels and title.
    static func leftAxisWidth(_ scale: AxisScale) -> Double {
        (scale.ticks.map { ChartFormat.textWidth(scale.label($0), fontSize: 11) }.max() ?? 0) + 30
    }

    /// The finished `<svg>` element, with an accessible title and description.
    func render(title: String, summary: String) -> String {
        var out = "<svg id=\"\(id)\" class=\"chart\" viewBox=\"0 0 \(Self.n(width)) \(Self.n(height))\" width=\"\(Self.n(width))\" height=\"\(Self.n(height))\""
        out += " role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" font-family=\"\(Self.font)\" font-size=\"12\" fill=\"#222222\">\n"
        out += "<title id=\"\(id)-title\">\(ChartFormat.escape(title))</title>\n<desc id=\"\(id)-desc\">\(ChartFormat.escape(summary))</desc>\n"
        if !defs.isEmpty { out += "<defs>\n" + defs.joined(separator: "\n") + "\n</defs>\n" }
        out += body.joined(separator: "\n")
        return out + "\n</svg>"
    }
}
