import CoopZoneCore

/// A self-contained HTML report page under construction: inline styles, inline SVG, no
/// scripts and nothing fetched from anywhere (a Content-Security-Policy says so to the browser).
struct HTMLPage {
    let title: String
    private(set) var sections: [String] = []
    private(set) var contents: [(id: String, title: String)] = []

    /// The language of the page's own texts (`<html lang>`, the contents).
    var language: Language = .en

    init(title: String, language: Language = .en) {
        self.title = title
        self.language = language
    }

    /// Escaped text.
    static func text(_ string: String) -> String { ChartFormat.escape(string) }

    /// Escaped text in `<code>`.
    static func code(_ string: String) -> String { "<code>\(text(string))</code>" }

    mutating func raw(_ html: String) { sections.append(html) }

    /// A `<section>` with an `<h2>`, listed in the table of contents.
    mutating func section(id: String, title: String, _ body: String) {
        contents.append((id, title))
        sections.append("<section id=\"\(id)\">\n<h2>\(Self.text(title))</h2>\n\(body)</section>")
    }

    /// A table; `numeric` columns are right-aligned with tabular figures. Cells are HTML.
    static func table(_ header: [String], _ rows: [[String]], numeric: Set<Int> = [], caption: String? = nil, className: String? = nil) -> String {
        var out = "<table\(className.map { " class=\"\($0)\"" } ?? "")>\n"
        if let caption { out += "<caption>\(caption)</caption>\n" }
        out +=
            "<thead><tr>" + header.enumerated().map { i, h in "<th\(numeric.contains(i) ? " class=\"num\"" : "") scope=\"col\">\(h)</th>" }.joined()
            + "</tr></thead>\n<tbody>\n"
        for row in rows {
            out += "<tr>" + row.enumerated().map { i, cell in "<td\(numeric.contains(i) ? " class=\"num\"" : "")>\(cell)</td>" }.joined() + "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    /// A figure holding exactly one chart, with a heading and a caption on how to read it.
    static func figure(_ chart: ChartFigure) -> String {
        "<figure class=\"chart\" id=\"\(chart.id)\">\n<h3>\(text(chart.heading))</h3>\n\(chart.svg)\n<figcaption>\(text(chart.caption))</figcaption>\n</figure>\n"
    }

    static let style = """
        :root { color-scheme: light; }
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #222; background: #fff;
               max-width: 1000px; margin: 0 auto; padding: 24px 28px 48px; line-height: 1.45; font-size: 15px; }
        h1 { font-size: 1.7em; margin: 0.2em 0 0.3em; }
        h2 { font-size: 1.3em; margin-top: 2em; border-bottom: 2px solid #222; padding-bottom: 0.15em; }
        h3 { font-size: 1.05em; margin: 1.4em 0 0.4em; }
        p.lede { font-size: 1.05em; }
        .meta { color: #444; font-size: 0.92em; }
        code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; font-size: 0.88em; background: #f2f2f2; padding: 0 3px; border-radius: 3px; }
        nav.contents { border: 1px solid #bbb; padding: 8px 14px; margin: 1em 0; font-size: 0.92em; }
        nav.contents ol { margin: 0.2em 0; padding-left: 1.4em; columns: 2; }
        .about { border-left: 4px solid #222; background: #f5f5f5; padding: 8px 14px; margin: 1em 0; font-size: 0.92em; }
        ul.findings { list-style: none; padding-left: 0; }
        ul.findings li { margin: 0.35em 0; padding: 4px 10px; border-left: 4px solid #999; }
        ul.findings li.failure { border-left: 6px double #111; background: #eee; }
        ul.findings li.warning { border-left: 4px solid #111; background: #f3f3f3; }
        ul.findings li.recommendation { border-left: 4px dashed #555; }
        ul.findings li.info { border-left: 4px dotted #999; color: #333; }
        .kind { font-weight: 700; text-transform: uppercase; font-size: 0.78em; letter-spacing: 0.04em; margin-right: 0.4em; }
        table { border-collapse: collapse; margin: 0.6em 0 1.2em; font-size: 0.88em; }
        caption { text-align: left; font-weight: 600; padding-bottom: 4px; }
        th, td { border: 1px solid #c8c8c8; padding: 3px 8px; vertical-align: top; text-align: left; }
        thead th { background: #ececec; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        figure.chart { margin: 1.2em 0 1.8em; break-inside: avoid; page-break-inside: avoid; }
        figure.chart h3 { margin-top: 0; }
        figure.chart svg { display: block; max-width: 100%; height: auto; border: 1px solid #e2e2e2; background: #fff; }
        figcaption { font-size: 0.88em; color: #333; margin-top: 0.4em; max-width: 60em; }
        .charts-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(440px, 1fr)); gap: 0 24px; }
        footer { margin-top: 3em; font-size: 0.85em; color: #555; border-top: 1px solid #bbb; padding-top: 0.6em; }
        @media print {
          body { max-width: none; padding: 0; font-size: 11pt; }
          nav.contents { display: none; }
          h2 { break-after: avoid; }
          table { break-inside: auto; }
          tr { break-inside: avoid; }
        }
        """

    /// The finished document.
    func render(footer: String) -> String {
        var out = """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
            <meta name="generator" content="CoopZone">
            <title>\(Self.text(title))</title>
            <style>
            \(Self.style)
            </style>
            </head>
            <body>

            """
        var index = 0
        for section in sections {
            // The table of contents goes right after the page header (the first raw block).
            if index == 1 && !contents.isEmpty {
                let contentsTitle = Messages(language)("report.contents")
                out += "<nav class=\"contents\" aria-label=\"\(contentsTitle)\"><strong>\(contentsTitle)</strong>\n<ol>\n"
                out += contents.map { "<li><a href=\"#\($0.id)\">\(Self.text($0.title))</a></li>" }.joined(separator: "\n")
                out += "\n</ol>\n</nav>\n"
            }
            out += section + "\n"
            index += 1
        }
        out += "<footer>\(footer)</footer>\n</body>\n</html>\n"
        return out
    }
}
