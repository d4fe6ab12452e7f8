import CoopZoneCore

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
}

/// Renders a run's results. Every renderer is deterministic: the same result gives the same bytes.
public struct ResultsRenderer: Sendable {
    /// The run.
    public let result: RunResult
    /// The scenario it ran on.
    public let scenario: Scenario
    /// Descriptors of the evaluators that ran, for metric descriptions and equation references.
    public let descriptors: [EvaluatorDescriptor]

    /// Creates a renderer.
    public init(result: RunResult, scenario: Scenario, descriptors: [EvaluatorDescriptor]) {
        self.result = result
        self.scenario = scenario
        self.descriptors = descriptors
    }

    /// Renders in `format`.
    public func render(_ format: OutputFormat) -> String {
        switch format {
        case .table: table()
        case .json: json()
        case .csv: csv()
        case .markdown: markdown()
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
            fields.append(JSONWriter.number(row.value))
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
        let rows = JSON.array(result.rows.map { row in
            var pairs: [(String, JSON)] = [("evaluator", .string(row.evaluator)), ("metric", .string(row.metric)), ("unit", .string(row.unit.rawValue)),
                                           ("year", .optional(row.year))]
            for d in dims { pairs.append((d.rawValue, .optional(row.dimensions[d]))) }
            pairs.append(("value", .number(row.value)))
            return .object(pairs)
        })
        let findings = JSON.array(result.findings.map { f in
            .object([("evaluator", .string(f.evaluator)), ("kind", .string(f.kind.rawValue)), ("message", .string(f.message)),
                     ("location", .optional(f.location?.description))])
        })
        let headlines = JSON.array(result.headlines.map { h in
            .object([("evaluator", .string(h.evaluator)), ("metric", .string(h.metric)), ("unit", .string(h.unit.rawValue)), ("value", .number(h.value))])
        })
        let failures = JSON.array(result.failures.map { .object([("evaluator", .string($0.evaluator)), ("message", .string($0.message))]) })
        return JSON.object([("rows", rows), ("findings", findings), ("headlines", headlines), ("failures", failures),
                            ("manifest", Self.manifestJSON(result.manifest))]).render() + "\n"
    }

    static func manifestJSON(_ m: RunManifest) -> JSON {
        .object([
            ("coopzone_version", .string(m.coopzoneVersion)), ("scenario", .string(m.scenario)), ("extends", .array(m.extends.map(JSON.string))),
            ("scenario_hash", .string(m.scenarioHash)),
            ("evaluators", .array(m.evaluators.map { e in
                .object([("id", .string(e.id)), ("version", .string(e.version)), ("documentation", .string(e.documentation)),
                         ("parameters", .object(e.parameters.keys.sorted().map { key in
                             switch e.parameters[key] {
                             case .number(let n)?: (key, JSON.number(n))
                             case .text(let t)?: (key, JSON.string(t))
                             case nil: (key, JSON.null)
                             }
                         }))])
            })),
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

    static func pow10(_ n: Int) -> Double { var p = 1.0; for _ in 0..<n { p *= 10 }; return p }

    /// Totals by year of every additive metric of one evaluator, and the non-additive rows.
    func yearTable(_ evaluator: String) -> (header: [String], rows: [[String]], other: [[String]]) {
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
        let header = ["year"] + metrics.map { m in "\(m) (\(descriptor(evaluator)?.metric(m)?.unit.symbol ?? ""))" }
        let body = years.map { y in [String(y)] + metrics.map { m in totals[m]?[y].map(Self.human) ?? "" } }
        let other = rows.filter { !metrics.contains($0.metric) }.prefix(60).map { row -> [String] in
            let dims = Dimension.allCases.compactMap { d in row.dimensions[d].map { "\(d.rawValue)=\($0)" } }.joined(separator: " ")
            return [row.metric, row.year.map(String.init) ?? "all years", dims, Self.human(row.value), row.unit.symbol]
        }
        return (header, body, Array(other))
    }

    /// The terminal view: headlines, failures, findings, then per evaluator its totals by year.
    public func table() -> String {
        var out = "\(scenario.title)\n\(String(repeating: "=", count: min(80, scenario.title.count)))\n"
        out += "scenario \(scenario.file) · hash \(result.manifest.scenarioHash) · horizon \(scenario.horizon.lowerBound)–\(scenario.horizon.upperBound) · money in \(scenario.currency) million, \(scenario.priceYear) prices\n\n"
        out += "HEADLINES\n"
        out += Self.align([["evaluator", "metric", "value", "unit"]] + result.headlines.map { [$0.evaluator, $0.metric, Self.human($0.value), $0.unit.symbol] },
                          rightAligned: [2]) + "\n"
        if !result.failures.isEmpty {
            out += "\nFAILED EVALUATORS\n" + result.failures.map { "  \($0.evaluator): \($0.message)" }.joined(separator: "\n") + "\n"
        }
        if !result.findings.isEmpty {
            out += "\nFINDINGS\n" + result.findings.map { f in "  [\(f.kind.rawValue)] \(f.evaluator): \(f.message)" + (f.location.map { " (\($0))" } ?? "") }.joined(separator: "\n") + "\n"
        }
        for record in result.manifest.evaluators where result.byEvaluator[record.id] != nil {
            let t = yearTable(record.id)
            out += "\n\(record.id.uppercased()) v\(record.version) — totals by year (equations: \(record.documentation))\n"
            if t.header.count > 1 { out += Self.align([t.header] + t.rows, rightAligned: Set(1..<t.header.count)) + "\n" }
            if !t.other.isEmpty { out += "\n" + Self.align([["metric", "year", "dimensions", "value", "unit"]] + t.other, rightAligned: [3]) + "\n" }
        }
        out += "\n\(result.rows.count) rows in all; '--format csv' or '--format json' gives every row with its dimensions.\n"
        return out
    }

    // MARK: Markdown

    /// A Markdown report: provenance and findings first, then headlines and totals by year.
    public func markdown() -> String {
        var out = "# \(scenario.title)\n\n"
        if !scenario.description.isEmpty { out += scenario.description.trimmingTrailingSpaces() + "\n\n" }
        out += "Money in \(scenario.currency) million at \(scenario.priceYear) prices; horizon \(scenario.horizon.lowerBound)–\(scenario.horizon.upperBound).\n\n"
        out += "## Findings\n\n"
        out += result.findings.isEmpty && result.failures.isEmpty ? "None.\n\n" :
            (result.failures.map { "- **failed** `\($0.evaluator)`: \($0.message)" } + result.findings.map { "- **\($0.kind.rawValue)** `\($0.evaluator)`: \($0.message)" }).joined(separator: "\n") + "\n\n"
        out += "## Headlines\n\n| evaluator | metric | value | unit |\n|---|---|---:|---|\n"
        out += result.headlines.map { "| \($0.evaluator) | \($0.metric) | \(Self.human($0.value)) | \($0.unit.symbol) |" }.joined(separator: "\n") + "\n"
        for record in result.manifest.evaluators where result.byEvaluator[record.id] != nil {
            let t = yearTable(record.id)
            out += "\n## \(record.id) (v\(record.version))\n\nEquations: `\(record.documentation)`.\n\n"
            if t.header.count > 1 {
                out += "| " + t.header.joined(separator: " | ") + " |\n|" + t.header.map { _ in "---:" }.joined(separator: "|") + "|\n"
                out += t.rows.map { "| " + $0.joined(separator: " | ") + " |" }.joined(separator: "\n") + "\n"
            }
            if !t.other.isEmpty {
                out += "\n| metric | year | dimensions | value | unit |\n|---|---|---|---:|---|\n"
                out += t.other.map { "| " + $0.joined(separator: " | ") + " |" }.joined(separator: "\n") + "\n"
            }
        }
        out += "\n## Provenance\n\n"
        let counts = ProvenanceSummary(scenario)
        out += "Inputs: \(counts.sourced) sourced, \(counts.assumptions) flagged as assumptions, \(counts.unspecified) unspecified.\n\n"
        out += scenario.sources.map { "- `\($0.id)`: \($0.title)" + ($0.url.map { " (\($0))" } ?? "") }.joined(separator: "\n") + "\n\n"
        out += "Manifest: CoopZone \(result.manifest.coopzoneVersion), scenario hash `\(result.manifest.scenarioHash)`"
        out += result.manifest.seed.map { ", seed \($0)" } ?? ""
        out += "; evaluators " + result.manifest.evaluators.map { "`\($0.id)` \($0.version)" }.joined(separator: ", ") + ".\n"
        return out
    }
}

/// How many of a scenario's inputs are sourced, assumptions or neither.
public struct ProvenanceSummary: Sendable {
    /// Inputs citing a source.
    public var sourced = 0
    /// Inputs flagged as assumptions.
    public var assumptions = 0
    /// Inputs with neither.
    public var unspecified = 0

    /// Counts the inputs of `scenario`.
    public init(_ scenario: Scenario) {
        for input in scenario.inputs {
            switch input.provenance {
            case .source: sourced += 1
            case .assumption: assumptions += 1
            case .unspecified: unspecified += 1
            }
        }
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " || s.last == "\n" { s.removeLast() }
        return s
    }
}
