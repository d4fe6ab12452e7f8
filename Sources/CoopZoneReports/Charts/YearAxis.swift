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
