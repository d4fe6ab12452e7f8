import CoopZoneCore

/// Renders one-at-a-time sensitivity: the swing of each headline per uncertain input, ranked.
public struct SensitivityRenderer: Sendable {
    /// The swings, ranked per headline.
    public let swings: [Swing]
    /// The scenario.
    public let scenario: Scenario
    /// The run on central values, when it was made: its findings, manifest and headline order
    /// go into the Markdown and HTML reports.
    public let central: RunResult?
    /// Descriptors of the evaluators, for equations and parameter specs.
    public let descriptors: [EvaluatorDescriptor]

    /// The language of the brief and the workbook.
    public var language: Language = .en

    /// Creates a renderer.
    public init(swings: [Swing], scenario: Scenario, central: RunResult? = nil, descriptors: [EvaluatorDescriptor] = [], language: Language = .en) {
        self.language = language
        self.swings = swings
        self.scenario = scenario
        self.central = central
        self.descriptors = descriptors
    }

    /// The provenance, when the central run is known.
    public var provenance: ReportProvenance? {
        central.map { ReportProvenance(scenario: scenario, manifest: $0.manifest, descriptors: descriptors, language: language) }
    }

    /// The central run's findings.
    var findingsList: FindingsList { FindingsList(findings: central?.findings ?? [], failures: (central?.failures ?? []).map { ($0.evaluator, $0.message) }) }

    /// True when the input moves the headline (beyond rounding noise).
    /// The brief of the run on central values, naming the inputs that move its NPV most.
    public var brief: Brief? {
        central.map {
            Brief(scenario: scenario, descriptors: descriptors, headlines: $0.headlines, rows: $0.rows, swings: swings, language: language)
        }
    }

    static func moves(_ s: Swing) -> Bool { s.swing.isFinite ? s.swing > 1e-9 * max(1, abs(s.central)) : true }

    /// The headlines swung, in the central run's order when it is known, each with its swings ranked.
    var headlineGroups: [(evaluator: String, metric: String, swings: [Swing])] {
        var keys: [(String, String)] = (central?.headlines ?? []).map { ($0.evaluator, $0.metric) }.filter { key in
            swings.contains { $0.evaluator == key.0 && $0.metric == key.1 }
        }
        for s in swings where !keys.contains(where: { $0 == (s.evaluator, s.metric) }) { keys.append((s.evaluator, s.metric)) }
        return keys.map { key in (key.0, key.1, swings.filter { $0.evaluator == key.0 && $0.metric == key.1 }) }
    }

    /// The uncertain inputs that move no headline at all, in the scenario's order: sampling them
    /// changes nothing in this scenario (an evaluator may use a parameter only in some settings).
    var idleInputs: [String] {
        var seen: [String] = []
        for s in swings where !seen.contains(s.input) { seen.append(s.input) }
        return seen.filter { input in !swings.contains { $0.input == input && Self.moves($0) } }
    }

    /// The sentence that names the idle inputs, or nil when there are none: `name` formats an
    /// input, `text` the words around them (HTML escapes them).
    func idleInputsNote(_ name: (String) -> String, text: (String) -> String = { $0 }) -> String? {
        let idle = idleInputs
        guard !idle.isEmpty else { return nil }
        return text("No headline moves with ") + idle.map(name).joined(separator: text(", "))
            + text(
                ": sampling \(idle.count == 1 ? "it" : "them") changes nothing in this scenario. "
                    + "Check in the evaluator's documentation when \(idle.count == 1 ? "it acts" : "they act") (a parameter may matter only with another switched on)."
            )
    }

    /// The uncertain inputs: path, distribution (low…high), central value, unit and provenance.
    var inputRows: [[String]] { uncertainInputRows(scenario, descriptors) }

    static let noInputs = "The scenario has no uncertain inputs: give numbers a distribution (uniform, triangular or normal) to see their swing."

    /// Renders in `format`.
    public func render(_ format: OutputFormat) -> String {
        let h = ResultsRenderer.human
        switch format {
        case .xlsx:
            // A workbook is bytes (`workbook()`); as text, the Markdown report.
            return markdown()
        case .html:
            return html()
        case .csv:
            return
                (["evaluator,metric,unit,input,input_low,input_high,at_low,central,at_high,swing"]
                + swings.map { s in
                    [
                        s.evaluator, s.metric, s.unit.rawValue, s.input, JSONWriter.numberText(s.inputLow), JSONWriter.numberText(s.inputHigh),
                        JSONWriter.numberText(s.atLow), JSONWriter.numberText(s.central), JSONWriter.numberText(s.atHigh), JSONWriter.numberText(s.swing),
                    ].joined(separator: ",")
                }).joined(separator: "\n") + "\n"
        case .json:
            return JSONValue.array(
                swings.map { s in
                    .object([
                        ("evaluator", .string(s.evaluator)), ("metric", .string(s.metric)), ("unit", .string(s.unit.rawValue)), ("input", .string(s.input)),
                        ("input_low", .number(s.inputLow)), ("input_high", .number(s.inputHigh)), ("at_low", .number(s.atLow)),
                        ("central", .number(s.central)), ("at_high", .number(s.atHigh)), ("swing", .number(s.swing)),
                    ])
                }
            ).prettyText + "\n"
        case .markdown:
            return markdown()
        case .table:
            var out = "\(scenario.title) — sensitivity (each uncertain input at its low and high bound, the others central)\n\n"
            if swings.isEmpty {
                return out + "The scenario has no uncertain inputs: give numbers a distribution (uniform, triangular or normal) to see their swing.\n"
            }
            if let note = idleInputsNote({ $0 }) { out += note + "\n\n" }
            var unmoved: [String] = []
            for group in headlineGroups {
                guard group.swings.contains(where: Self.moves) else {
                    unmoved.append("\(group.evaluator).\(group.metric)")
                    continue
                }
                let unit = group.swings.first?.unit.symbol ?? ""
                let body = group.swings.filter(Self.moves).map { s in
                    [s.input, "\(h(s.inputLow))…\(h(s.inputHigh))", h(s.atLow), h(s.central), h(s.atHigh), h(s.swing)]
                }
                let header = ["input", "range", "at low", "central", "at high", "swing"]
                out += "\(group.evaluator).\(group.metric) (\(unit))\n" + ResultsRenderer.align([header] + body, rightAligned: [2, 3, 4, 5]) + "\n"
                let still = group.swings.filter { !Self.moves($0) }.map(\.input)
                out += still.isEmpty ? "\n" : "No effect: \(still.joined(separator: ", ")).\n\n"
            }
            if !unmoved.isEmpty { out += "Headlines no input moves when swung alone: \(unmoved.joined(separator: ", ")).\n" }
            return out
        }
    }

    /// The Markdown report: findings, the uncertain inputs, then per headline the inputs that
    /// move it, ranked by swing, and the provenance.
    public func markdown() -> String {
        let m = Messages(language), labels = Labels(language)
        let h = { (x: Double) in ResultsRenderer.localized(x, in: language) }
        var out = "# \(m("report.sensitivity_title", ["title": scenario.texts(language).title]))\n\n"
        out +=
            language == .en
            ? "Each uncertain input at its low and at its high bound, every other input at its central value. Money in \(scenario.currency) million at \(scenario.priceYear) prices.\n\n"
            : m("report.sensitivity_subtitle") + " " + HTMLReport.moneyAndHorizon(scenario, language: language) + "\n\n"
        if let provenance { out += "> " + provenance.summaryLine(markdown: true) + "\n\n" }
        if let brief { out += brief.markdown(level: 2) }
        out += "## \(m("report.findings_plain"))\n\n" + findingsList.markdown(language) + "\n"
        out += "## \(m("report.uncertain_inputs", ["n": String(inputRows.count)]))\n\n"
        out += uncertainInputsMarkdown(inputRows, language: language, none: Self.noInputs)
        if let note = idleInputsNote({ "`\($0)`" }) { out += note + "\n\n" }
        var unmoved: [String] = []
        for group in headlineGroups {
            let moving = group.swings.filter(Self.moves)
            guard !moving.isEmpty else {
                unmoved.append("`\(group.evaluator).\(group.metric)`")
                continue
            }
            let unit = group.swings.first.map { labels.unit($0.unit) } ?? ""
            out +=
                "## \(labels.metric(group.evaluator, group.metric, descriptors: descriptors)) (\(unit), `\(group.evaluator).\(group.metric)`)\n\n"
            out += m("report.central_value", ["value": h(group.swings[0].central), "unit": unit]) + "\n\n"
            out +=
                markdownTable(
                    [m("col.input"), m("col.range"), m("col.at_low"), m("col.central"), m("col.at_high"), m("col.swing")],
                    moving.map { s in
                        ["`\(s.input)`", "\(h(s.inputLow))…\(h(s.inputHigh))", h(s.atLow), h(s.central), h(s.atHigh), h(s.swing)]
                    }, alignRight: [2, 3, 4, 5]) + "\n\n"
            let still = group.swings.filter { !Self.moves($0) }.map { "`\($0.input)`" }
            if !still.isEmpty { out += "No effect: \(still.joined(separator: ", ")).\n\n" }
        }
        if !unmoved.isEmpty { out += "## Headlines no input moves when swung alone\n\n" + unmoved.joined(separator: ", ") + ".\n\n" }
        if let provenance { out += provenance.markdown(level: 2) }
        return out.trimmingTrailingSpaces() + "\n"
    }
}
