/// A chart ready to place in a report: exactly one `<svg>` with its heading and a caption
/// saying how to read it.
public struct ChartFigure: Sendable {
    /// The id of the `<figure>` element (the `<svg>` inside has its own).
    public var id: String
    /// The heading above the chart.
    public var heading: String
    /// The `<svg>` element.
    public var svg: String
    /// How to read the chart.
    public var caption: String

    /// Creates a figure.
    public init(id: String, heading: String, svg: String, caption: String) {
        self.id = id
        self.heading = heading
        self.svg = svg
        self.caption = caption
    }
}
