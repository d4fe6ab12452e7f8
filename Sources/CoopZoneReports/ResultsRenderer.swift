import CoopZoneCore

/// Renders a run's results. Every renderer is deterministic: the same result gives the same bytes.
public struct ResultsRenderer: Sendable {
    /// The run.
    public let result: RunResult
    /// The scenario it ran on.
    public let scenario: Scenario
    /// Descriptors of the evaluators that ran, for metric descriptions and equation references.
    public let descriptors: [EvaluatorDescriptor]
    /// The language of the brief and the workbook.
    public let language: Language
    /// One-at-a-time swings of the run's headlines (`Sensitivity.run`), for the brief's inputs
    /// that move the answer most; empty when not computed.
    public let swings: [Swing]

    /// Creates a renderer.
    public init(result: RunResult, scenario: Scenario, descriptors: [EvaluatorDescriptor], language: Language = .en, swings: [Swing] = []) {
        self.result = result
        self.scenario = scenario
        self.descriptors = descriptors
        self.language = language
        self.swings = swings
    }

    /// Renders in `format`.
    public func render(_ format: OutputFormat) -> String {
        switch format {
        case .table: table()
        case .json: json()
        case .csv: csv()
        case .markdown: markdown()
        case .html: html()
        // A workbook is bytes (`workbook()`); as text, its brief is what a reader opens first.
        case .xlsx: brief.markdown(level: 1)
        }
    }

    /// The dimensions that appear in at least one row, in the fixed order of `Dimension`.
    public var dimensionColumns: [Dimension] {
        Dimension.allCases.filter { d in result.rows.contains { $0.dimensions[d] != nil } }
    }

    // MARK: CSV

    /// `evaluator,metric,unit,year,<dimensions>,value`, one line per row.
    public func csv() -> String {
        let dims = dimensionColumns
        var lines = [(["evaluator", "metric", "unit", "year"] + dims.map(\.rawValue) + ["value"]).joined(separator: ",")]
        lines.reserveCapacity(result.rows.count + 1)
        for row in result.rows {
            var fields = [row.evaluator, row.metric, row.unit.rawValue, row.year.map(String.init) ?? ""]
            for d in dims { fields.append(csvField(row.dimensions[d] ?? "")) }
            fields.append(JSONWriter.numberText(row.value))
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func csvField(_ text: String) -> String {
        text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    // MARK: JSON

    /// The whole run as one JSON object.
    public func json() -> String {
        let dims = dimensionColumns
        let rows = JSONValue.array(
            result.rows.map { row in
                var pairs: [(String, JSONValue)] = [
                    ("evaluator", .string(row.evaluator)), ("metric", .string(row.metric)), ("unit", .string(row.unit.rawValue)),
                    ("year", .optional(row.year)),
                ]
                for d in dims { pairs.append((d.rawValue, .optional(row.dimensions[d]))) }
                pairs.append(("value", .number(row.value)))
                return .object(pairs)
            })
        let findings = JSONValue.array(
            result.findings.map { f in
                .object([
                    ("evaluator", .string(f.evaluator)), ("kind", .string(f.kind.rawValue)), ("message", .string(f.message)),
                    ("location", .optional(f.location?.description)),
                ])
            })
        let headlines = JSONValue.array(
            result.headlines.map { h in
                .object([("evaluator", .string(h.evaluator)), ("metric", .string(h.metric)), ("unit", .string(h.unit.rawValue)), ("value", .number(h.value))])
            })
        let failures = JSONValue.array(result.failures.map { .object([("evaluator", .string($0.evaluator)), ("message", .string($0.message))]) })
        return JSONValue.object([
            ("rows", rows), ("findings", findings), ("headlines", headlines), ("failures", failures),
            ("manifest", Self.manifestJSON(result.manifest)),
        ]).prettyText + "\n"
    }

    static func manifestJSON(_ m: RunManifest) -> JSONValue {
        .object([
            ("coopzone_version", .string(m.coopzoneVersion)), ("scenario", .string(m.scenario)), ("extends", .array(m.extends.map(JSONValue.string))),
            ("scenario_hash", .string(m.scenarioHash)),
            (
                "evaluators",
                .array(
                    m.evaluators.map { e in
                        .object([
                            ("id", .string(e.id)), ("version", .string(e.version)), ("documentation", .string(e.documentation)),
                            (
                                "parameters",
                                .object(
                                    e.parameters.keys.sorted().map { key in
                                        switch e.parameters[key] {
                                        case .number(let n)?: (key, JSONValue.number(n))
                                        case .text(let t)?: (key, JSONValue.string(t))
                                        case nil: (key, JSONValue.null)
                                        }
                                    })
                            ),
                        ])
                    })
            ),
            ("seed", m.seed.map { .string(String($0)) } ?? .null), ("draws", .optional(m.draws)),
        ])
    }

    // MARK: Table

    func descriptor(_ id: String) -> EvaluatorDescriptor? { descriptors.first { $0.id == id } }

    /// Aligned text columns.
    static func align(_ rows: [[String]], rightAligned: Set<Int> = []) -> String {
        guard let first = rows.first else { return "" }
        var widths = [Int](repeating: 0, count: first.count)
        for row in rows { for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) } }
        return rows.map { row in
            row.enumerated().map { i, cell in rightAligned.contains(i) ? cell.leftPad(widths[i], with: " ") : cell.rightPad(widths[i]) }
                .joined(separator: "  ").trimmingTrailingSpaces()
        }.joined(separator: "\n")
    }

    /// `text` broken into lines of at most `width` characters at spaces, each starting with `indent`.
    static func wrapped(_ text: String, width: Int, indent: String) -> String {
        var lines: [String] = [], line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && indent.count + line.count + 1 + word.count > width {
                lines.append(indent + line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(indent + line) }
        return lines.joined(separator: "\n")
    }

    /// A number for people: thousands grouped, at most 4 significant decimals.
    public static func human(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "n/a" : (value > 0 ? "∞" : "−∞") }
        let magnitude = abs(value)
        let decimals = magnitude >= 1000 ? 0 : magnitude >= 100 ? 1 : magnitude >= 1 ? 2 : 4
        let rounded = (value * pow10(decimals)).rounded() / pow10(decimals)
        var text = CoopZoneCore.format(rounded)
        if magnitude >= 10000, let dot = text.firstIndex(of: ".") { text = String(text[..<dot]) }
        if magnitude >= 10000 {
            let negative = text.hasPrefix("-")
            var digits = Array(negative ? text.dropFirst() : Substring(text))
            var i = digits.count - 3
            while i > 0 { digits.insert(",", at: i); i -= 3 }
            text = (negative ? "-" : "") + String(digits)
        }
        return text
    }

    /// `human(value)` as a reader of `language` writes it: Russian groups thousands with a
    /// narrow no-break space, takes a decimal comma and a true minus sign.
    public static func localized(_ value: Double, in language: Language) -> String {
        let text = human(value)
        guard language != .en else { return text }
        // One pass, so that separators which swap (Russian `.` and `,`) are not replaced twice.
        var out = ""
        for character in text {
            switch character {
            case ",": out += language.groupSeparator
            case ".": out += language.decimalSeparator
            case "-": out += "\u{2212}"
            default: out.append(character)
            }
        }
        return out.replacingOccurrences(of: "n/a", with: Messages(language)("number.not_available"))
    }

    static func pow10(_ n: Int) -> Double { var p = 1.0; for _ in 0..<n { p *= 10 }; return p }

    /// Totals by year of every additive metric of one evaluator, and the non-additive rows.
    func yearTable(_ evaluator: String, language: Language = .en) -> (header: [String], rows: [[String]], other: [[String]]) {
        let labels = Labels(language), m = Messages(language)
        func number(_ x: Double) -> String { Self.localized(x, in: language) }
        let rows = result.rows.filter { $0.evaluator == evaluator }
        var metrics: [String] = []
        for row in rows where row.year != nil && !metrics.contains(row.metric) {
            if descriptor(evaluator)?.metric(row.metric)?.additive ?? true { metrics.append(row.metric) }
        }
        var totals: [String: [Int: Double]] = [:]
        for row in rows where metrics.contains(row.metric) {
            if let year = row.year { totals[row.metric, default: [:]][year, default: 0] += row.value }
        }
        let years = Set(rows.compactMap(\.year)).sorted()
        let header =
            [language == .en ? "year" : m("col.year")] + metrics.map { id in "\(id) (\(descriptor(evaluator)?.metric(id).map { labels.unit($0.unit) } ?? ""))" }
        let body = years.map { y in [String(y)] + metrics.map { id in totals[id]?[y].map(number) ?? "" } }
        let other = rows.filter { !metrics.contains($0.metric) }.map { row -> [String] in
            let dims = Dimension.allCases.compactMap { d in row.dimensions[d].map { "\(d.rawValue)=\($0)" } }.joined(separator: " ")
            return [
                row.metric, row.year.map(String.init) ?? (language == .en ? "all years" : m("report.all_years")), dims, number(row.value),
                labels.unit(row.unit),
            ]
        }
        return (header, body, other)
    }

    /// At most this many non-additive rows per evaluator in the table and Markdown views.
    static let otherRowLimit = 60

    /// The note under a table cut at `otherRowLimit` rows.
    static func cutNote(_ total: Int) -> String? {
        total > otherRowLimit ? "\(total - otherRowLimit) more rows not shown; '--format csv' or '--format json' gives every row." : nil
    }

    /// The terminal view: headlines, failures, findings, then per evaluator its totals by year.
    public func table() -> String {
        let title = scenario.texts(language).title
        var out = "\(title)\n\(String(repeating: "=", count: min(80, title.count)))\n"
        out +=
            "scenario \(scenario.file) · hash \(result.manifest.scenarioHash) · horizon \(scenario.horizon.lowerBound)–\(scenario.horizon.upperBound) · money in \(scenario.currency) million, \(scenario.priceYear) prices\n\n"
        let m = Messages(language), labels = Labels(language)
        out += m("brief.title").uppercased() + "\n"
        for item in brief.items { out += Self.wrapped("\(item.heading). \(item.text)", width: 100, indent: "  ") + "\n" }
        out += "\n" + m("report.headlines").uppercased() + "\n"
        out +=
            Self.align(
                [[m("col.headline"), m("col.value"), m("col.unit"), m("col.id")]]
                    + result.headlines.map {
                        [
                            labels.metric($0.evaluator, $0.metric, descriptors: descriptors), Self.localized($0.value, in: language), labels.unit($0.unit),
                            "\($0.evaluator).\($0.metric)",
                        ]
                    },
                rightAligned: [1]) + "\n"
        if !result.failures.isEmpty {
            out += "\nFAILED EVALUATORS\n" + result.failures.map { "  \($0.evaluator): \($0.message)" }.joined(separator: "\n") + "\n"
        }
        if !result.findings.isEmpty {
            out +=
                "\nFINDINGS\n"
                + result.findings.map { f in "  [\(f.kind.rawValue)] \(f.evaluator): \(f.message)" + (f.location.map { " (\($0))" } ?? "") }.joined(
                    separator: "\n") + "\n"
        }
        for record in result.manifest.evaluators where result.byEvaluator[record.id] != nil {
            let t = yearTable(record.id)
            out += "\n\(record.id.uppercased()) v\(record.version) — totals by year (equations: \(record.documentation))\n"
            if t.header.count > 1 { out += Self.align([t.header] + t.rows, rightAligned: Set(1..<t.header.count)) + "\n" }
            if !t.other.isEmpty {
                out += "\n" + Self.align([["metric", "year", "dimensions", "value", "unit"]] + t.other.prefix(Self.otherRowLimit), rightAligned: [3]) + "\n"
                if let note = Self.cutNote(t.other.count) { out += note + "\n" }
            }
        }
        out += "\n\(result.rows.count) rows in all; '--format csv' or '--format json' gives every row with its dimensions.\n"
        return out
    }

    // MARK: Markdown

    /// The provenance of this run.
    public var provenance: ReportProvenance { ReportProvenance(scenario: scenario, manifest: result.manifest, descriptors: descriptors, language: language) }

    /// The run's one-page brief.
    public var brief: Brief {
        Brief(scenario: scenario, descriptors: descriptors, headlines: result.headlines, rows: result.rows, swings: swings, language: language)
    }

    /// The findings, failures first.
    var findingsList: FindingsList { FindingsList(findings: result.findings, failures: result.failures.map { ($0.evaluator, $0.message) }) }

    /// A Markdown report: findings and a provenance summary first, then headlines, totals by
    /// year per evaluator, and the full provenance (sources, assumptions, evaluators, equations).
    public func markdown() -> String {
        let m = Messages(language), labels = Labels(language), texts = scenario.texts(language)
        var out = "# \(texts.title)\n\n"
        if !texts.description.isEmpty { out += texts.description.trimmingTrailingSpaces() + "\n\n" }
        out += HTMLReport.moneyAndHorizon(scenario, language: language) + "\n\n"
        out += "> " + provenance.summaryLine(markdown: true) + "\n\n"
        out += brief.markdown(level: 2)
        out += "## \(m("report.findings_plain"))\n\n" + findingsList.markdown(language) + "\n"
        out += "## \(m("report.headlines"))\n\n"
        out +=
            markdownTable(
                [m("col.headline"), m("col.value"), m("col.unit"), m("col.equation"), m("col.id")],
                result.headlines.map { h in
                    [
                        labels.metric(h.evaluator, h.metric, descriptors: descriptors), Self.localized(h.value, in: language), labels.unit(h.unit),
                        descriptor(h.evaluator)?.metric(h.metric).map { "`\($0.equation)`" } ?? "", "`\(h.evaluator).\(h.metric)`",
                    ]
                }, alignRight: [1]) + "\n"
        let charts = RunCharts(result: result, scenario: scenario, descriptors: descriptors, language: language)
        for (evaluator, spec) in charts.specs {
            let chart = charts.localized(evaluator.id, spec)
            guard let lead = chart.markdownLead, let origins = charts.splitByYear(evaluator, chart), !origins.isEmpty else { continue }
            out += "\n## \(chart.heading)\n\n\(lead)\n\n"
            let years = scenario.years.enumerated().filter { i, year in i % 5 == 0 || year == scenario.horizon.upperBound }
            let total = years.map { i, _ in origins.reduce(0) { $0 + $1.values[i] } }
            out +=
                markdownTable(
                    [chart.splitTitle ?? chart.split?.rawValue ?? ""] + years.map { String($0.1) },
                    origins.map { o in [o.label] + years.map { i, _ in Self.human(o.values[i]) } } + [["total"] + total.map(Self.human)],
                    alignRight: Set(1...years.count)) + "\n"
        }
        for record in result.manifest.evaluators where result.byEvaluator[record.id] != nil {
            let t = yearTable(record.id, language: language)
            out += "\n## \(record.id) (v\(record.version))\n\n\(m("report.equations")): `\(record.documentation)`. \(m("report.totals_caption")).\n\n"
            if t.header.count > 1 { out += markdownTable(t.header, t.rows, alignRight: Set(0..<t.header.count)) + "\n" }
            if !t.other.isEmpty {
                out +=
                    "\n"
                    + markdownTable(
                        language == .en
                            ? ["metric", "year", "dimensions", "value", "unit"]
                            : [m("col.metric"), m("col.year"), m("col.dimensions"), m("col.value"), m("col.unit")],
                        Array(t.other.prefix(Self.otherRowLimit)), alignRight: [3]) + "\n"
                if let note = Self.cutNote(t.other.count) { out += "\n" + note + "\n" }
            }
        }
        out += "\n" + provenance.markdown(level: 2)
        return out.trimmingTrailingSpaces() + "\n"
    }
}
