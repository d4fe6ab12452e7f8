/// Which way a metric is better, for saying which design "beats" another.
public enum Better: String, Sendable, Codable, Hashable {
    /// A higher value is better (jobs, NPV).
    case higher
    /// A lower value is better (fiscal cost per job).
    case lower
}

/// How a metric is shown: its labels, which way is better, and whether it is a headline card in
/// the workshop. Every field is optional; reports fall back to the metric's id.
public struct MetricPresentation: Sendable, Codable, Hashable {
    /// A readable name (`Net additional jobs in the last year`).
    public var label: String?
    /// A short name for a card or a legend (`Net jobs, last year`).
    public var shortLabel: String?
    /// Which way is better; `nil` when neither is.
    public var better: Better?
    /// For headlines: shown as a card on the workshop's scenario page, in this order among the
    /// cards of every evaluator run (lower first); `nil` for no card.
    public var card: Int?
    /// For headlines: the line of a report's one-page brief this headline belongs to, if any.
    public var brief: BriefRole?
    /// For a headline in the brief: a metric of the same evaluator whose rows, summed by
    /// country in the horizon's last year, split the headline by side of the zone.
    public var bySide: String?
    /// The metric's texts in other languages, by language code (`ru`) then field (`label`,
    /// `short_label`, `summary`): how an outside evaluator gives its own translations.
    public var translations: [String: [String: String]]?

    /// Creates presentation hints.
    public init(
        label: String? = nil, shortLabel: String? = nil, better: Better? = nil, card: Int? = nil, brief: BriefRole? = nil, bySide: String? = nil
    ) {
        self.label = label
        self.shortLabel = shortLabel
        self.better = better
        self.card = card
        self.brief = brief
        self.bySide = bySide
    }
}

/// Where a headline goes in a report's one-page brief, which is written in plain words from
/// the headlines that declare a role (no metric is named in the report code).
public enum BriefRole: String, Sendable, Codable, Hashable, CaseIterable {
    /// What the design costs the treasuries (a present value; a cost is positive or a change negative).
    case treasuryCost = "treasury_cost"
    /// Private investment the design brings.
    case investment
    /// Jobs the design brings (net of what would have happened anyway).
    case netJobs = "net_jobs"
    /// Trade the design brings.
    case trade
    /// The net present value: the answer, with its band when Monte Carlo ran; the inputs that
    /// move it most are named beside it.
    case npv
    /// The condition under which the design breaks even.
    case breakEven = "break_even"
}

/// A chart an evaluator offers of its own metrics, drawn by the HTML report or the workshop
/// without either naming a metric: the kind says how the rows become a chart, the series say
/// which metrics, the texts what the reader is told. In the texts, `{money}` becomes the
/// scenario's money unit (`USD million, 2023 prices`), `{unit}` the first series' unit symbol,
/// `{price_year}` the price year and `{last_year}` the horizon's last year.
public struct ChartSpec: Sendable, Codable, Hashable {
    /// How rows become the chart.
    public enum Kind: String, Sendable, Codable, Hashable, CaseIterable {
        /// Report: one line per series, each the total by year over every dimension; drawn only
        /// when every series has rows. The caption ends with the last year's values.
        case lineByYear = "line_by_year"
        /// Report: stacked bars by year, one segment per series with rows, and the overlay series
        /// (if any) as a line.
        case stackByYear = "stack_by_year"
        /// Report: the one series by year, stacked by the values of `split` listed in
        /// `categories` (rows with another value under `otherLabel`).
        case stackByYearSplit = "stack_by_year_split"
        /// Report: the last year's totals by country (one bar per side of the zone), stacked by
        /// series, with the overlay series as a marker.
        case stackBySideLastYear = "stack_by_side_last_year"
        /// Report: the one series summed over the years of each stage (by zone when there are
        /// several), stacked by instrument.
        case stackByStage = "stack_by_stage"
        /// Workshop: lines by year on a scenario page, totals over every dimension.
        case workshopByYear = "workshop_by_year"
    }

    /// How a series is drawn.
    public enum Role: String, Sendable, Codable, Hashable {
        /// A line, or a segment of a stacked bar.
        case series
        /// The line (or marker) drawn over stacked bars.
        case overlay
    }

    /// One metric of the chart.
    public struct Series: Sendable, Codable, Hashable {
        /// The metric's id (one of the evaluator's additive metrics).
        public var metric: String
        /// Its name in the legend.
        public var label: String
        /// How it is drawn.
        public var role: Role

        /// Creates a series.
        public init(_ metric: String, _ label: String, role: Role = .series) {
            self.metric = metric
            self.label = label
            self.role = role
        }

        /// A series of `metric`.
        public init(_ metric: Metric, _ label: String, role: Role = .series) { self.init(metric.id, label, role: role) }
    }

    /// A value of the split dimension and its label.
    public struct Category: Sendable, Codable, Hashable {
        /// The dimension's value.
        public var value: String
        /// Its label.
        public var label: String

        /// Creates a category.
        public init(_ value: String, _ label: String) {
            self.value = value
            self.label = label
        }
    }

    /// Its id, unique in a report (`trade`, `jobs-by-year`); element ids are made from it.
    public var id: String
    /// How rows become the chart.
    public var kind: Kind
    /// Where it goes among every evaluator's charts of its place (report or workshop): lower first.
    public var order: Int
    /// The chart's title (in the SVG; the workshop's chart title).
    public var title: String
    /// The figure's heading in the report.
    public var heading: String
    /// The SVG's description for screen readers.
    public var summary: String
    /// The figure's caption.
    public var caption: String
    /// The horizontal axis title.
    public var xTitle: String
    /// The vertical axis title.
    public var yTitle: String
    /// The chart's height in pixels, when not the default.
    public var height: Int?
    /// The metrics drawn, in legend order.
    public var series: [Series]
    /// For `stackByYearSplit`: the dimension that splits the series.
    public var split: Dimension?
    /// For `stackByYearSplit`: what the split's values are called (`origin`), for a table's header.
    public var splitTitle: String?
    /// For `stackByYearSplit`: its values in stacking order, with their labels.
    public var categories: [Category]
    /// For `stackByYearSplit`: the label of rows with any other value.
    public var otherLabel: String?
    /// When set, the Markdown report shows the chart's data as a table (every fifth year and the
    /// last) under the heading, with this sentence before it.
    public var markdownLead: String?

    /// Creates a chart specification.
    public init(
        id: String, kind: Kind, order: Int, title: String, heading: String = "", summary: String = "", caption: String = "",
        xTitle: String = "year", yTitle: String = "", height: Int? = nil, series: [Series], split: Dimension? = nil, splitTitle: String? = nil,
        categories: [Category] = [], otherLabel: String? = nil, markdownLead: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.order = order
        self.title = title
        self.heading = heading
        self.summary = summary
        self.caption = caption
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.height = height
        self.series = series
        self.split = split
        self.splitTitle = splitTitle
        self.categories = categories
        self.otherLabel = otherLabel
        self.markdownLead = markdownLead
    }
}
