import CoopZoneCore
import Foundation

/// Where a report's numbers come from: the manifest (version, scenario hash, seed), the
/// scenario's sources, every input with its source or its reason for being an assumption, each
/// evaluator with its version, the parameter values it used and the Docs/ reference of every
/// equation. Every report kind ends with it, in Markdown or HTML.
public struct ReportProvenance: Sendable {
    /// The scenario, when the report has it (a comparison built without scenarios has only manifests).
    public let scenario: Scenario?
    /// The run's manifest.
    public let manifest: RunManifest
    /// Descriptors of the evaluators, for parameter specs and metric equations.
    public let descriptors: [EvaluatorDescriptor]

    /// Creates the provenance of one run.
    /// The language of the section's headings and table headers.
    public var language: Language = .en

    /// A heading or header in the section's language.
    func m(_ key: String, _ arguments: [String: String] = [:]) -> String { Messages(language)(key, arguments) }

    public init(scenario: Scenario?, manifest: RunManifest, descriptors: [EvaluatorDescriptor], language: Language = .en) {
        self.language = language
        self.scenario = scenario
        self.manifest = manifest
        self.descriptors = descriptors
    }

    func descriptor(_ id: String) -> EvaluatorDescriptor? { descriptors.first { $0.id == id } }

    /// The publications the parameter citations of the evaluators that ran name, with their
    /// full references (the tables cite them by author and year).
    var citedReferences: [Bibliography.Entry] {
        Bibliography.cited(in: manifest.evaluators.flatMap { descriptor($0.id)?.parameters.map(\.citation) ?? [] })
    }

    /// `seed S, N draws` or a note that the run made no random draws.
    var seedText: String {
        if let seed = manifest.seed { return "seed \(seed)" + (manifest.draws.map { ", \($0) draws" } ?? "") }
        return "no random draws (central values only)"
    }

    /// The inputs flagged as assumptions, in the order they are written.
    var assumptions: [(info: InputInfo, reason: String)] {
        (scenario?.inputs ?? []).compactMap { info in if case .assumption(let reason) = info.provenance { (info, reason) } else { nil } }
    }

    /// The inputs citing a source, in the order they are written.
    var sourced: [(info: InputInfo, source: String, locator: String?)] {
        (scenario?.inputs ?? []).compactMap { info in if case .source(let id, let locator) = info.provenance { (info, id, locator) } else { nil } }
    }

    /// The inputs with neither a source nor an assumption flag.
    var unspecified: [InputInfo] {
        (scenario?.inputs ?? []).filter { if case .unspecified = $0.provenance { true } else { false } }
    }

    /// Where an input is written: `file.yaml:line:column`, with the file's name (the scenario's,
    /// or the file it `extends` that gives the number), so the same report reads the same on
    /// every machine.
    func place(_ location: SourceLocation) -> String {
        "\(URL(fileURLWithPath: location.file).lastPathComponent):\(location.line):\(location.column)"
    }

    static func value(_ info: InputInfo) -> String { format(info.central) }

    /// What a parameter's default rests on: its citation, flagged when it is an assumption
    /// (unless the citation already says so).
    static func basis(_ spec: ParameterSpec) -> (flag: Bool, text: String) {
        (spec.isAssumption && !spec.citation.lowercased().hasPrefix("assumption"), spec.citation)
    }

    static func parameterText(_ value: ParameterValue?) -> String {
        switch value {
        case .number(let n)?: format(n)
        case .text(let t)?: t
        case nil: "—"
        }
    }

    /// The distribution of an uncertain input, in words.
    public static func distributionText(_ distribution: Distribution) -> String {
        switch distribution {
        case .uniform(let low, let high): "uniform \(format(low))…\(format(high))"
        case .triangular(let low, let mode, let high): "triangular \(format(low)) / \(format(mode)) / \(format(high))"
        case .normal(let mean, let sd, let low, let high): "normal mean \(format(mean)), sd \(format(sd)), within \(format(low))…\(format(high))"
        }
    }

    /// The one-paragraph summary a report shows near its top.
    func summaryLine(markdown: Bool) -> String {
        let code: (String) -> String = markdown ? { "`\($0)`" } : { HTMLPage.code($0) }
        let text: (String) -> String = markdown ? { $0 } : { HTMLPage.text($0) }
        var parts = [
            "CoopZone \(text(manifest.coopzoneVersion))", "scenario \(code(manifest.scenario))", "hash \(code(manifest.scenarioHash))", text(seedText),
        ]
        if scenario != nil {
            let counts = (sourced.count, assumptions.count, unspecified.count)
            parts.append("inputs: \(counts.0) sourced, \(counts.1) assumptions, \(counts.2) unspecified")
        }
        parts.append("evaluators " + manifest.evaluators.map { "\(code($0.id)) \(text($0.version))" }.joined(separator: ", "))
        return parts.joined(separator: " · ")
    }

    // MARK: Markdown

    /// The provenance as Markdown under the heading `title`, at `level` (2 gives `##`).
    public func markdown(level: Int = 2, title: String? = nil) -> String {
        let h = String(repeating: "#", count: level), h3 = h + "#"
        var out = "\(h) \(title ?? m("report.provenance"))\n\n"
        out += "Manifest: CoopZone \(manifest.coopzoneVersion); scenario `\(manifest.scenario)`"
        if !manifest.extends.isEmpty { out += " (extends " + manifest.extends.map { "`\($0)`" }.joined(separator: ", ") + ")" }
        out += "; scenario hash `\(manifest.scenarioHash)`; \(seedText).\n\n"
        if let scenario {
            out += "\(h3) \(m("provenance.sources"))\n\n"
            out +=
                scenario.sources.isEmpty
                ? "The scenario lists no sources.\n\n"
                : markdownTable(["id", m("provenance.col_reference"), m("provenance.col_address")], scenario.sources.map { [$0.id, $0.title, $0.url ?? "—"] })
                    + "\n\n"
        }
        out += Bibliography.note + "\n\n"
        out += "\(h3) \(m("provenance.evaluators"))\n\n"
        out +=
            markdownTable(
                [m("col.evaluator_lower"), m("provenance.col_version"), m("provenance.col_equations")],
                manifest.evaluators.map { [$0.id, $0.version, "`\($0.documentation)`"] }) + "\n\n"
        for record in manifest.evaluators {
            let specs = descriptor(record.id)?.parameters ?? []
            let names = specs.isEmpty ? record.parameters.keys.sorted() : specs.map(\.name)
            guard !names.isEmpty else { continue }
            out += "Parameters of `\(record.id)` as used:\n\n"
            out +=
                markdownTable(
                    [
                        m("provenance.col_parameter"), m("provenance.col_value"), m("provenance.col_unit"), m("provenance.col_default"),
                        m("provenance.col_basis"),
                    ],
                    names.map { name in
                        let spec = specs.first { $0.name == name }
                        return [
                            name, Self.parameterText(record.parameters[name]), spec?.unit.symbol ?? "", spec.map { format($0.defaultValue) } ?? "",
                            spec.map { Self.basis($0).flag ? "assumption: " + $0.citation : $0.citation } ?? "",
                        ]
                    }) + "\n\n"
        }
        let references = citedReferences
        if !references.isEmpty {
            out +=
                "References the parameters' citations name:\n\n"
                + markdownTable(["id", m("provenance.col_reference")], references.map { [$0.id, $0.reference] }) + "\n\n"
        }
        let metrics = metricRows()
        if !metrics.isEmpty {
            out +=
                "\(h3) \(m("provenance.metrics"))\n\n"
                + markdownTable(
                    [
                        m("col.evaluator_lower"), m("provenance.col_metric"), m("provenance.col_unit"), m("provenance.col_meaning"),
                        m("provenance.col_equation"),
                    ],
                    metrics.map { r in
                        [r.0, r.1, r.2, r.3, "`\(r.4)`"]
                    }) + "\n\n"
        }
        if scenario != nil {
            let a = assumptions
            out += "\(h3) \(m("provenance.assumptions", ["n": String(a.count)]))\n\n"
            out +=
                a.isEmpty
                ? m("findings.none") + "\n\n"
                : markdownTable(
                    [
                        m("provenance.col_input"), m("provenance.col_value"), m("provenance.col_unit"), m("provenance.col_reason"),
                        m("provenance.col_written_at"),
                    ],
                    a.map { item in
                        [
                            "`\(item.info.path)`", Self.value(item.info), Labels(language).unit(displayUnit(item.info, descriptors)), item.reason,
                            place(item.info.location),
                        ]
                    }) + "\n\n"
            let s = sourced
            out += "\(h3) \(m("provenance.sourced", ["n": String(s.count)]))\n\n"
            out +=
                s.isEmpty
                ? m("findings.none") + "\n\n"
                : markdownTable(
                    [
                        m("provenance.col_input"), m("provenance.col_value"), m("provenance.col_unit"), m("provenance.col_source"),
                        m("provenance.col_written_at"),
                    ],
                    s.map { item in
                        [
                            "`\(item.info.path)`", Self.value(item.info), Labels(language).unit(displayUnit(item.info, descriptors)),
                            item.source + (item.locator.map { " \($0)" } ?? ""),
                            place(item.info.location),
                        ]
                    }) + "\n\n"
            let u = unspecified
            if !u.isEmpty {
                out += "\(h3) \(m("provenance.unspecified", ["n": String(u.count)]))\n\n"
                out +=
                    markdownTable(
                        [m("provenance.col_input"), m("provenance.col_value"), m("provenance.col_unit"), m("provenance.col_written_at")],
                        u.map { ["`\($0.path)`", Self.value($0), Labels(language).unit(displayUnit($0, descriptors)), place($0.location)] })
                    + "\n\n"
            }
        }
        return out
    }

    /// Every declared metric and headline of the evaluators that ran: evaluator, metric, unit, meaning, equation.
    func metricRows() -> [(String, String, String, String, String)] {
        manifest.evaluators.flatMap { record -> [(String, String, String, String, String)] in
            guard let d = descriptor(record.id) else { return [] }
            return (d.metrics + d.headlines).map { (d.id, $0.id, $0.unit.symbol, $0.summary, $0.equation) }
        }
    }

    // MARK: HTML

    /// The body of the provenance section as HTML (headings `<h3>`).
    func html() -> String {
        let t = HTMLPage.text, c = HTMLPage.code
        var out = "<p>Manifest: CoopZone \(t(manifest.coopzoneVersion)); scenario \(c(manifest.scenario))"
        if !manifest.extends.isEmpty { out += " (extends " + manifest.extends.map(c).joined(separator: ", ") + ")" }
        out += "; scenario hash \(c(manifest.scenarioHash)); \(t(seedText)).</p>\n"
        if let scenario {
            out += "<h3>\(t(m("provenance.sources")))</h3>\n"
            // Addresses are shown as text, never as links: the report fetches and links nothing outside itself.
            out +=
                scenario.sources.isEmpty
                ? "<p>The scenario lists no sources.</p>\n"
                : HTMLPage.table(
                    ["id", m("provenance.col_reference"), m("provenance.col_address")],
                    scenario.sources.map { [c($0.id), t($0.title), $0.url.map { "<span class=\"address\">\(t($0))</span>" } ?? "—"] })
        }
        out += "<p>\(t(Bibliography.note))</p>\n"
        out += "<h3>\(t(m("provenance.evaluators")))</h3>\n"
        out += HTMLPage.table(
            [m("col.evaluator_lower"), m("provenance.col_version"), m("provenance.col_equations")],
            manifest.evaluators.map { [c($0.id), t($0.version), c($0.documentation)] })
        for record in manifest.evaluators {
            let specs = descriptor(record.id)?.parameters ?? []
            let names = specs.isEmpty ? record.parameters.keys.sorted() : specs.map(\.name)
            guard !names.isEmpty else { continue }
            out += HTMLPage.table(
                [m("provenance.col_parameter"), m("provenance.col_value"), m("provenance.col_unit"), m("provenance.col_default"), m("provenance.col_basis")],
                names.map { name in
                    let spec = specs.first { $0.name == name }
                    let used = Self.parameterText(record.parameters[name])
                    let changed = spec.map { used != format($0.defaultValue) } ?? false
                    return [
                        c(name), changed ? "<strong>\(t(used))</strong>" : t(used), t(spec?.unit.symbol ?? ""), t(spec.map { format($0.defaultValue) } ?? ""),
                        spec.map { (Self.basis($0).flag ? "<span class=\"kind\">assumption</span>" : "") + t($0.citation) } ?? "",
                    ]
                }, numeric: [1, 3], caption: "Parameters of \(c(record.id)) as used (bold: differs from the default)")
        }
        let references = citedReferences
        if !references.isEmpty {
            out += HTMLPage.table(
                ["id", m("provenance.col_reference")], references.map { [c($0.id), t($0.reference)] }, caption: "References the parameters' citations name")
        }
        let metrics = metricRows()
        if !metrics.isEmpty {
            out += "<h3>\(t(m("provenance.metrics")))</h3>\n"
            out += HTMLPage.table(
                [m("col.evaluator_lower"), m("provenance.col_metric"), m("provenance.col_unit"), m("provenance.col_meaning"), m("provenance.col_equation")],
                metrics.map { [c($0.0), c($0.1), t($0.2), t($0.3), c($0.4)] })
        }
        if scenario != nil {
            let a = assumptions
            out += "<h3>\(t(m("provenance.assumptions", ["n": String(a.count)])))</h3>\n"
            out +=
                a.isEmpty
                ? "<p>\(t(m("findings.none")))</p>\n"
                : HTMLPage.table(
                    [
                        m("provenance.col_input"), m("provenance.col_value"), m("provenance.col_unit"), m("provenance.col_reason"),
                        m("provenance.col_written_at"),
                    ],
                    a.map { item in
                        [
                            c(item.info.path), t(Self.value(item.info)), t(Labels(language).unit(displayUnit(item.info, descriptors))), t(item.reason),
                            t(place(item.info.location)),
                        ]
                    }, numeric: [1])
            let s = sourced
            out += "<h3>\(t(m("provenance.sourced", ["n": String(s.count)])))</h3>\n"
            out +=
                s.isEmpty
                ? "<p>\(t(m("findings.none")))</p>\n"
                : HTMLPage.table(
                    [
                        m("provenance.col_input"), m("provenance.col_value"), m("provenance.col_unit"), m("provenance.col_source"),
                        m("provenance.col_written_at"),
                    ],
                    s.map { item in
                        [
                            c(item.info.path), t(Self.value(item.info)), t(Labels(language).unit(displayUnit(item.info, descriptors))),
                            c(item.source) + t(item.locator.map { " \($0)" } ?? ""),
                            t(place(item.info.location)),
                        ]
                    }, numeric: [1])
            let u = unspecified
            if !u.isEmpty {
                out += "<h3>\(t(m("provenance.unspecified", ["n": String(u.count)])))</h3>\n"
                out += HTMLPage.table(
                    [m("provenance.col_input"), m("provenance.col_value"), m("provenance.col_unit"), m("provenance.col_written_at")],
                    u.map { [c($0.path), t(Self.value($0)), t(Labels(language).unit(displayUnit($0, descriptors))), t(place($0.location))] }, numeric: [1])
            }
        }
        return out
    }
}
