/// The output formats of `coopzone run`.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// Aligned columns for a terminal: headlines first.
    case table
    /// One JSON object with `rows`, `findings`, `headlines`, `failures` and `manifest`.
    case json
    /// The tidy rows: `evaluator,metric,unit,year,<dimensions…>,value`.
    case csv
    /// A Markdown report for a memo.
    case markdown
    /// One self-contained HTML file with inline SVG charts: nothing is fetched from anywhere.
    case html
    /// An Excel workbook (binary; `--output FILE.xlsx`): the brief, headlines, findings, inputs
    /// with provenance, the tidy rows, and native charts.
    case xlsx
}
