/// How one series of a chart is drawn. Series differ in lightness (steps of about 15 L*),
/// in fill pattern and, for lines, in dash and marker, so a chart stays readable when it is
/// printed in grey — never by hue alone.
public struct SeriesStyle: Sendable, Hashable {
    /// A fill texture laid over the colour.
    public enum Pattern: String, Sendable, Hashable, CaseIterable {
        /// A flat fill.
        case solid
        /// Diagonal lines.
        case hatch
        /// A grid of dots.
        case dots
        /// Crossed diagonal lines.
        case crosshatch
        /// Horizontal lines.
        case horizontal
    }

    /// The shape marking each point of a line.
    public enum Marker: String, Sendable, Hashable, CaseIterable {
        /// A filled circle.
        case circle
        /// A filled square.
        case square
        /// A filled triangle.
        case triangle
        /// A filled diamond.
        case diamond
    }

    /// The fill or stroke colour (`#rrggbb`).
    public var color: String
    /// The fill texture.
    public var pattern: Pattern
    /// The stroke dash array of a line (`nil` for solid).
    public var dash: String?
    /// The point marker of a line.
    public var marker: Marker

    /// Creates a style.
    public init(color: String, pattern: Pattern = .solid, dash: String? = nil, marker: Marker = .circle) {
        self.color = color
        self.pattern = pattern
        self.dash = dash
        self.marker = marker
    }

    /// Fill colours by lightness (L* 22, 67, 38, 81, 52, 92): neighbours in a stack differ by at least 29.
    static let fillTones = ["#1d3557", "#ef8a5a", "#6a4c93", "#e9c46a", "#2e8a80", "#dfeaf1"]
    /// Patterns of the first six fills; the next six use the same tones with the patterns shifted.
    static let fillPatterns: [Pattern] = [.solid, .solid, .hatch, .dots, .crosshatch, .horizontal]

    /// The style of the `index`-th filled series (bars, stacks).
    public static func fill(_ index: Int) -> SeriesStyle {
        let i = max(0, index)
        let tone = fillTones[i % fillTones.count]
        let cycle = i / fillTones.count
        let pattern = fillPatterns[(i + cycle * 2) % fillPatterns.count]
        return SeriesStyle(color: tone, pattern: pattern)
    }

    /// Line colours, all dark enough on white (L* 22 to 52).
    static let lineTones = ["#1d3557", "#c0392b", "#2e8a80", "#6a4c93"]
    /// Dash arrays of lines: solid, dashed, dotted, dash-dot.
    static let lineDashes: [String?] = [nil, "7 4", "2 3", "9 3 2 3"]

    /// The style of the `index`-th line series.
    public static func line(_ index: Int) -> SeriesStyle {
        let i = max(0, index)
        return SeriesStyle(
            color: lineTones[i % lineTones.count], pattern: .solid, dash: lineDashes[i % lineDashes.count],
            marker: Marker.allCases[i % Marker.allCases.count])
    }

    /// True when the colour is dark (L* below about 55): patterns and labels on it are drawn in white.
    public var isDark: Bool {
        let hex = color.dropFirst()
        guard hex.count == 6, let value = Int(hex, radix: 16) else { return true }
        let r = Double((value >> 16) & 0xFF), g = Double((value >> 8) & 0xFF), b = Double(value & 0xFF)
        // Relative luminance approximated without gamma curves; 0.23 is about L* 55.
        let y = (0.2126 * r * r + 0.7152 * g * g + 0.0722 * b * b) / (255 * 255)
        return y < 0.23
    }

    /// The ink of pattern lines and of labels drawn on the fill.
    public var ink: String { isDark ? "#ffffff" : "#222222" }

    /// The `fill` attribute value: the colour, or a reference to the pattern `patternID`.
    public func fillValue(patternID: String) -> String { pattern == .solid ? color : "url(#\(patternID))" }

    /// The `<pattern>` definition for this style under `id`, or `nil` for a flat fill.
    public func patternDefinition(id: String) -> String? {
        let ground = "<rect width=\"8\" height=\"8\" fill=\"\(color)\"/>"
        let ink = self.ink
        let marks: String
        switch pattern {
        case .solid: return nil
        case .hatch:
            marks = "<path d=\"M-2 2 L2 -2 M0 8 L8 0 M6 10 L10 6\" stroke=\"\(ink)\" stroke-width=\"1.5\"/>"
        case .crosshatch:
            marks = "<path d=\"M-2 2 L2 -2 M0 8 L8 0 M6 10 L10 6 M-2 6 L2 10 M0 0 L8 8 M6 -2 L10 2\" stroke=\"\(ink)\" stroke-width=\"1.1\"/>"
        case .dots:
            marks = "<circle cx=\"2\" cy=\"2\" r=\"1.3\" fill=\"\(ink)\"/><circle cx=\"6\" cy=\"6\" r=\"1.3\" fill=\"\(ink)\"/>"
        case .horizontal:
            marks = "<path d=\"M0 2 L8 2 M0 6 L8 6\" stroke=\"\(ink)\" stroke-width=\"1.2\"/>"
        }
        return "<pattern id=\"\(id)\" patternUnits=\"userSpaceOnUse\" width=\"8\" height=\"8\">\(ground)\(marks)</pattern>"
    }
}
