import CoopZoneCore

/// Renders a variance-based (Sobol') sensitivity analysis: per headline, each uncertain input's
/// first-order and total-order index with its bootstrap interval, and the sum of first-order
/// indices.
public struct SobolRenderer: Sendable {
    /// The analysis.
    public let result: SobolResult
    /// The scenario.
    public let scenario: Scenario
    /// Descriptors of the evaluators, for labels, equations and parameter specs.
    public let descriptors: [EvaluatorDescriptor]
    /// The language of the Markdown, HTML and workbook reports.
    public var language: Language = .en

    /// Creates a renderer.
    public init(result: SobolResult, scenario: Scenario, descriptors: [EvaluatorDescriptor] = [], language: Language = .en) {
        self.result = result
        self.scenario = scenario
        self.descriptors = descriptors
        self.language = language
    }

    /// The provenance, when the central run is known.
    public var provenance: ReportProvenance? {
        result.centralRun.map { ReportProvenance(scenario: scenario, manifest: $0.manifest, descriptors: descriptors, language: language) }
    }

    /// The central run's findings and the failed runs of the design.
    var findingsList: FindingsList {
        let central = result.centralRun
        return FindingsList(
            findings: central?.findings ?? [],
            failures: (central?.failures ?? []).map { ($0.evaluator, $0.message) }
                + result.failures.sorted { $0.key < $1.key }.map { ($0.key, "failed in \($0.value.count) of \(result.runs) runs: \($0.value.message)") })
    }

    /// The headlines that vary; those that do not; and those too few runs gave to tell.
    var varying: [SobolHeadline] { result.headlines.filter(\.varies) }
    var flat: [SobolHeadline] { result.headlines.filter { !$0.varies && !$0.tooFewSamples } }
    var starved: [SobolHeadline] { result.headlines.filter(\.tooFewSamples) }

    /// The inputs of a headline, by total-order index, largest first (then by path).
    func ranked(_ h: SobolHeadline) -> [Int] {
        result.inputs.indices.sorted { a, b in
            let x = h.total[a].value, y = h.total[b].value
            if x != y { return x > y }
            return result.inputs[a] < result.inputs[b]
        }
    }

    /// An index to two decimals, in the report's language.
    func index(_ x: Double) -> String {
        guard x.isFinite else { return "–" }
        return language.number(x, decimals: 2)
    }

    /// "0.54 [0.42, 0.65]" ("0,54 [0,42; 0,65]" in Russian).
    func estimate(_ e: SobolEstimate) -> String {
        "\(index(e.value)) [\(index(e.low))\(language.decimalSeparator == "," ? ";" : ",") \(index(e.high))]"
    }

    /// The inputs of a headline that move it, by total-order index, largest first; and those
    /// that do not move it at all (every AB_i run equal to its A run: both indices exactly 0).
    func moving(_ h: SobolHeadline) -> (moving: [Int], idle: [String]) {
        let order = ranked(h)
        let idle = order.filter { h.total[$0].value == 0 && h.total[$0].high == 0 }
        return (order.filter { !idle.contains($0) }, idle.map { result.inputs[$0] }.sorted())
    }

    /// "No effect: a, b." for the inputs that do not move `h`, or nil.
    func idleLine(_ h: SobolHeadline, name: (String) -> String = { $0 }) -> String? {
        let idle = moving(h).idle
        return idle.isEmpty ? nil : Messages(language)("report.no_effect", ["inputs": idle.map(name).joined(separator: ", ")])
    }

    /// The design in one sentence.
    var designLine: String {
        Messages(language)(
            "report.sobol_design",
            [
                "n": String(result.samples), "k": String(result.inputs.count), "runs": String(result.runs), "seed": String(result.seed),
                "confidence": String(Int((result.confidence * 100).rounded())), "resamples": String(result.resamples),
            ])
    }

    /// The sentence under a headline's table: ΣS1 and what it says about interactions.
    func sumLine(_ h: SobolHeadline) -> String {
        Messages(language)("report.sobol_sum", ["estimate": estimate(h.firstSum), "used": String(h.samplesUsed)])
    }

    /// The sentences for headlines with no indices, or nil.
    var flatLine: String? {
        let m = Messages(language)
        func names(_ list: [SobolHeadline]) -> String { list.map { "\($0.evaluator).\($0.metric)" }.joined(separator: ", ") }
        var lines: [String] = []
        if !flat.isEmpty { lines.append(m("report.sobol_flat", ["headlines": names(flat)])) }
        if !starved.isEmpty {
            lines.append(m("report.sobol_starved", ["headlines": names(starved), "minimum": String(SobolAnalysis.minimumSamplesUsed)]))
        }
        return lines.isEmpty ? nil : lines.joined(separator: " ")
    }

    /// Renders in `format`.
    public func render(_ format: OutputFormat) -> String {
        switch format {
        case .xlsx, .markdown: return markdown()
        case .html: return html()
        case .csv: return csv()
        case .json: return json()
        case .table: return table()
        }
    }

    /// One line per headline and input, then a line per headline with ΣS1 as input `(sum of first-order)`.
    func csv() -> String {
        var lines = ["evaluator,metric,unit,input,s1,s1_low,s1_high,st,st_low,st_high,samples_used"]
        // A headline that does not vary has no indices: its cells are empty.
        let n = { (x: Double) in x.isFinite ? JSONWriter.numberText(x) : "" }
        for h in result.headlines {
            for i in ranked(h) {
                lines.append(
                    [
                        h.evaluator, h.metric, h.unit.rawValue, result.inputs[i], n(h.first[i].value), n(h.first[i].low), n(h.first[i].high),
                        n(h.total[i].value), n(h.total[i].low), n(h.total[i].high), String(h.samplesUsed),
                    ].joined(separator: ","))
            }
            lines.append(
                [
                    h.evaluator, h.metric, h.unit.rawValue, "(sum of first-order)", n(h.firstSum.value), n(h.firstSum.low), n(h.firstSum.high), "", "", "",
                    String(h.samplesUsed),
                ].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func json() -> String {
        func e(_ x: SobolEstimate) -> JSONValue { .object([("value", .number(x.value)), ("low", .number(x.low)), ("high", .number(x.high))]) }
        let inputs = zip(result.inputs, result.distributions).map { path, d in
            JSONValue.object([("path", .string(path)), ("distribution", .string(ReportProvenance.distributionText(d)))])
        }
        let headlines = result.headlines.map { h in
            JSONValue.object([
                ("evaluator", .string(h.evaluator)), ("metric", .string(h.metric)), ("unit", .string(h.unit.rawValue)), ("mean", .number(h.mean)),
                ("variance", .number(h.variance)), ("samples_used", .number(Double(h.samplesUsed))), ("varies", .bool(h.varies)),
                ("first_order_sum", e(h.firstSum)),
                (
                    "indices",
                    .array(
                        ranked(h).map { i in
                            .object([("input", .string(result.inputs[i])), ("first_order", e(h.first[i])), ("total_order", e(h.total[i]))])
                        })
                ),
            ])
        }
        let failures = result.failures.sorted { $0.key < $1.key }.map { id, f in
            JSONValue.object([("evaluator", .string(id)), ("runs", .number(Double(f.count))), ("message", .string(f.message))])
        }
        return JSONValue.object([
            ("method", .string("sobol")), ("scenario", .string(scenario.file)), ("scenario_hash", .string(scenario.contentHash)),
            ("samples", .number(Double(result.samples))), ("runs", .number(Double(result.runs))), ("seed", .string(String(result.seed))),
            ("resamples", .number(Double(result.resamples))), ("confidence", .number(result.confidence)),
            (
                "estimators",
                .string("S1: Saltelli et al. 2010 (f(B) centred); ST: Jansen 1999; Saltelli design on an Owen-scrambled Sobol' sequence (Joe–Kuo 6.21201)")
            ),
            ("inputs", .array(inputs)), ("headlines", .array(headlines)), ("failures", .array(failures)),
        ]).prettyText + "\n"
    }

    func table() -> String {
        var out = "\(scenario.title) — Sobol' indices (share of each headline's variance each input explains)\n" + designLine + "\n\n"
        guard !result.inputs.isEmpty else {
            return out + Self.noInputs + "\n"
        }
        for h in varying {
            let rows = moving(h).moving.map { i in [result.inputs[i], estimate(h.first[i]), estimate(h.total[i])] }
            out += "\(h.evaluator).\(h.metric) (\(h.unit.symbol))\n"
            out += ResultsRenderer.align([["input", "S1 alone [95 %]", "ST with interactions [95 %]"]] + rows, rightAligned: [1, 2]) + "\n"
            if let line = idleLine(h) { out += line + "\n" }
            out += sumLine(h) + "\n\n"
        }
        if let flatLine { out += flatLine + "\n" }
        for (id, f) in result.failures.sorted(by: { $0.key < $1.key }) { out += "\(id) failed in \(f.count) of \(result.runs) runs: \(f.message)\n" }
        return out
    }

    /// The uncertain inputs: path, distribution, central value, unit and provenance.
    var inputRows: [[String]] { uncertainInputRows(scenario, descriptors) }

    static let noInputs = "The scenario has no uncertain inputs: give numbers a distribution (uniform, triangular or normal) to see their indices."

    /// The Markdown report.
    public func markdown() -> String {
        let m = Messages(language), labels = Labels(language)
        var out = "# \(m("report.sobol_title", ["title": scenario.texts(language).title]))\n\n"
        out += m("report.sobol_subtitle") + " " + designLine + "\n\n"
        if let provenance { out += "> " + provenance.summaryLine(markdown: true) + "\n\n" }
        out += "## \(m("report.findings_plain"))\n\n" + findingsList.markdown(language) + "\n"
        out += "## \(m("report.uncertain_inputs", ["n": String(inputRows.count)]))\n\n"
        out += uncertainInputsMarkdown(inputRows, language: language, none: Self.noInputs)
        for h in varying {
            out += "## \(labels.metric(h.evaluator, h.metric, descriptors: descriptors)) (\(labels.unit(h.unit)), `\(h.evaluator).\(h.metric)`)\n\n"
            out +=
                markdownTable(
                    [m("col.input"), m("col.first_order"), m("col.total_order")],
                    moving(h).moving.map { i in ["`\(result.inputs[i])`", estimate(h.first[i]), estimate(h.total[i])] }, alignRight: [1, 2]) + "\n\n"
            if let line = idleLine(h, name: { "`\($0)`" }) { out += line + "\n\n" }
            out += sumLine(h) + "\n\n"
        }
        if let flatLine { out += flatLine + "\n\n" }
        if let provenance { out += provenance.markdown(level: 2) }
        return out.trimmingTrailingSpaces() + "\n"
    }
}
