import CoopZoneReports

/// The workshop's charts, drawn on the server by the same chart code as the HTML reports
/// (`LineChart` in CoopZoneReports: its axis scale, tick steps, number format, styles and
/// legend), so a figure reads the same in the room and in the memo. The page only places the
/// SVG it receives in the run's and the bands' JSON; it draws nothing itself.
enum WorkshopCharts {
    /// The drawing size in SVG units: the page scales it to the figure's width, and at this
    /// size the 11-pixel labels stay readable from a phone to a projector.
    static let width = 440.0
    /// The drawing height.
    static let height = 280.0

    /// Every chart of `charts` by id: its series over `years` from `values` (chart id, then
    /// series key, one value per year, nil where there is none), with the P5–P95 band of each
    /// series from `bands` when given (a Monte Carlo run of `draws` draws).
    static func svg(
        _ charts: [ChartInfo], years: [Int], values: [String: [String: [Double?]]],
        bands: [String: [String: SeriesBand]]? = nil, draws: Int? = nil
    ) -> [String: String] {
        var out: [String: String] = [:]
        for chart in charts {
            out[chart.id] = svg(chart, years: years, values: values[chart.id] ?? [:], bands: bands?[chart.id], draws: draws)
        }
        return out
    }

    /// One chart: a `LineChart` with a line per series, and a band per series when `bands` has it.
    static func svg(_ chart: ChartInfo, years: [Int], values: [String: [Double?]], bands: [String: SeriesBand]? = nil, draws: Int? = nil) -> String {
        let xs = years.map(Double.init)
        let series = chart.series.map { s in
            let points = zip(xs, values[s.key] ?? []).compactMap { x, y in y.map { ChartPoint(x: x, y: $0) } }
            let band = bands?[s.key].map { b in
                // The page's band has no median: LineChart draws the P5–P95 area only.
                zip(xs, zip(b.p5, b.p95)).compactMap { x, pair -> BandPoint? in
                    guard let low = pair.0, let high = pair.1 else { return nil }
                    return BandPoint(x: x, low: low, median: .nan, high: high)
                }
            }
            return ChartSeries(name: s.label, points: points, band: band)
        }
        var summary = "\(chart.title) by year, \(chart.unitSymbol): " + chart.series.map(\.label).joined(separator: ", ") + "."
        if bands != nil { summary += " Shaded: P5 to P95 of \(draws.map(String.init) ?? "the") Monte Carlo draws." }
        return LineChart(
            id: "svg-" + ChartFormat.slug(chart.id), title: chart.title, summary: summary, yTitle: chart.unitSymbol,
            series: series, width: width, height: height
        ).svg()
    }
}
