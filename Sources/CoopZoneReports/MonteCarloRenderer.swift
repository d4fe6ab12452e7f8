import CoopZoneCore
import Foundation

/// Renders a Monte Carlo run: P5/P50/P95 of every headline and of each additive metric's total by year.
public struct MonteCarloRenderer: Sendable {
    /// The draws.
    public let result: MonteCarloResult
    /// The scenario.
    public let scenario: Scenario
    /// The manifest of the run (central parameters, seed, draws).
    public let manifest: RunManifest
    /// The run on central values, when it was made: its findings and charts go into the
    /// Markdown and HTML reports.
    public let central: RunResult?
    /// Descriptors of the evaluators, for equations and parameter specs.
    public let descriptors: [EvaluatorDescriptor]

    /// Creates a renderer.
    /// The language of the brief and the workbook.
    public let language: Language
    /// One-at-a-time swings on central values, for the brief's inputs that move the NPV most.
    public let swings: [Swing]

    /// Creates a renderer.
    public init(
        result: MonteCarloResult, scenario: Scenario, manifest: RunManifest, central: RunResult? = nil, descriptors: [EvaluatorDescriptor] = [],
        language: Language = .en, swings: [Swing] = []
    ) {
        self.language = language
        self.swings = swings
        self.result = result
        self.scenario = scenario
        self.manifest = manifest
        self.central = central
        self.descriptors = descriptors
    }

    /// The provenance of the draws (the manifest carries the seed and the number of draws).
    public var provenance: ReportProvenance { ReportProvenance(scenario: scenario, manifest: manifest, descriptors: descriptors, language: language) }

    /// The central run's findings, and a warning per evaluator that failed in some draws.
    var findingsList: FindingsList {
        FindingsList(
            findings: central?.findings ?? [], failures: (central?.failures ?? []).map { ($0.evaluator, $0.message) },
            notes: result.failures.sorted { $0.key < $1.key }.map { id, f in "'\(id)' failed in \(f.count) of \(drawCount(result.draws)): \(f.message)" })
    }

    /// The sampled inputs: path, distribution, central value, unit and provenance.
    var sampledRows: [[String]] {
        scenario.inputs.filter { $0.distribution != nil }.map { info in
            [
                info.path, info.distribution.map(ReportProvenance.distributionText) ?? "", format(info.central), displayUnit(info, descriptors).symbol,
                Self.provenanceText(info.provenance),
            ]
        }
    }

    static func provenanceText(_ provenance: Provenance) -> String {
        switch provenance {
        case .source(let id, let locator): "source \(id)" + (locator.map { " \($0)" } ?? "")
        case .assumption(let reason): "assumption: \(reason)"
        case .unspecified: "unspecified"
        }
    }

    /// Series `k` in the run on central values (NaN where that run has no such number).
    func centralValue(_ k: Int) -> Double { k < result.central.count ? result.central[k] : .nan }

    /// The headlines' bands (P5–P95 of the draws) by `evaluator.metric`.
    public var headlineBands: [String: Band] {
        var out: [String: Band] = [:]
        for (k, key) in result.keys.enumerated() where key.year == nil { out["\(key.evaluator).\(key.metric)"] = result.band(k) }
        return out
    }

    /// The one-page brief: the central run's headlines with their bands.
    public var brief: Brief {
        Brief(
            scenario: scenario, descriptors: descriptors, headlines: central?.headlines ?? [], rows: central?.rows ?? [], bands: headlineBands,
            draws: result.draws, swings: swings, language: language)
    }

    /// The draws as an Excel workbook: the brief, headlines with central value and P5/P50/P95,
    /// the bands of every series, the central run's charts, findings and inputs.
    public func workbook() throws -> Data {
        let book = try ReportWorkbook(title: scenario.title, language: language)
        let t = Messages(language), labels = Labels(language)
        book.brief(brief)
        book.headlines(central?.headlines ?? [], descriptors: descriptors, bands: headlineBands)
        if let central { book.charts(RunCharts(result: central, scenario: scenario, descriptors: descriptors, language: language).allData) }
        book.findings(central?.findings ?? [], failures: central?.failures ?? [])
        book.inputs(scenario, descriptors: descriptors)
        let bands = result.bands()
        book.book.addSheet(t("sheet.bands")) { sheet in
            let rows = result.keys.enumerated().map { k, key -> [XLSXWorkbook.Cell] in
                [
                    .text(key.evaluator), .text(key.metric), .text(labels.unit(result.units[k])), key.year.map { .number(Double($0)) } ?? .empty,
                    .number(centralValue(k)), .number(bands[k].p5), .number(bands[k].p50), .number(bands[k].p95), .number(bands[k].mean),
                ]
            }
            sheet.table(
                header: [t("col.evaluator"), t("col.metric"), t("col.unit"), t("col.year"), t("col.central"), "P5", "P50", "P95", t("col.mean")],
                rows: rows, widths: [20, 30, 18, 8, 14, 14, 14, 14, 14])
        }
        return try book.data()
    }

    /// Renders in `format`.
    public func render(_ format: OutputFormat) -> String {
        let bands = result.bands()
        let h = ResultsRenderer.human
        switch format {
        case .xlsx:
            // A workbook is bytes (`workbook()`); as text, its brief is what a reader opens first.
            return brief.markdown(level: 1)
        case .html:
            return html()
        case .csv:
            var lines = ["evaluator,metric,unit,year,central,p5,p50,p95,mean"]
            for (k, key) in result.keys.enumerated() {
                let b = bands[k]
                lines.append(
                    [
                        key.evaluator, key.metric, result.units[k].rawValue, key.year.map(String.init) ?? "", JSONWriter.numberText(centralValue(k)),
                        JSONWriter.numberText(b.p5), JSONWriter.numberText(b.p50), JSONWriter.numberText(b.p95), JSONWriter.numberText(b.mean),
                    ].joined(separator: ","))
            }
            return lines.joined(separator: "\n") + "\n"
        case .json:
            let rows = JSONValue.array(
                result.keys.enumerated().map { k, key in
                    .object([
                        ("evaluator", .string(key.evaluator)), ("metric", .string(key.metric)), ("unit", .string(result.units[k].rawValue)),
                        ("year", .optional(key.year)), ("central", .number(centralValue(k))), ("p5", .number(bands[k].p5)), ("p50", .number(bands[k].p50)),
                        ("p95", .number(bands[k].p95)), ("mean", .number(bands[k].mean)),
                    ])
                })
            let failures = JSONValue.array(
                result.failures.keys.sorted().map { id in
                    .object([
                        ("evaluator", .string(id)), ("draws", .int(result.failures[id]?.count ?? 0)), ("message", .string(result.failures[id]?.message ?? "")),
                    ])
                })
            return JSONValue.object([
                ("draws", .int(result.draws)), ("seed", .string(String(result.seed))),
                ("sampled_inputs", .array(result.sampledInputs.map(JSONValue.string))), ("bands", rows), ("failures", failures),
                ("manifest", ResultsRenderer.manifestJSON(manifest)),
            ]).prettyText + "\n"
        case .table, .markdown:
            let md = format == .markdown
            let m = Messages(md ? language : .en), labels = Labels(md ? language : .en)
            var out = md ? "# \(m("report.monte_carlo_title", ["title": scenario.texts(language).title]))\n\n" : "\(scenario.title) — Monte Carlo\n"
            if md {
                out +=
                    (language == .en
                        ? "\(drawCount(result.draws)), seed \(result.seed). "
                        : m("report.monte_carlo_subtitle", ["draws": labels.count(result.draws), "seed": String(result.seed)]) + " ")
                    + HTMLReport.moneyAndHorizon(scenario, language: language) + "\n\n"
                out += "> " + provenance.summaryLine(markdown: true) + "\n\n"
                out += brief.markdown(level: 2)
                out +=
                    "## \(m("report.findings_plain"))\n\n" + findingsList.markdown(language)
                    + (central == nil ? "" : "\n" + m("report.findings_central") + "\n") + "\n"
                out += "## \(m("report.sampled_inputs", ["n": String(sampledRows.count)]))\n\n"
                out +=
                    sampledRows.isEmpty
                    ? m("report.no_distributions") + "\n\n"
                    : markdownTable(
                        [m("col.input"), m("col.distribution"), m("col.central"), m("col.unit"), m("col.source")],
                        sampledRows.map { ["`\($0[0])`"] + $0.dropFirst() }, alignRight: [2])
                        + "\n\n"
            } else {
                out +=
                    "\(drawCount(result.draws)), seed \(result.seed); sampled inputs: \(result.sampledInputs.isEmpty ? "none (the scenario has no distributions)" : result.sampledInputs.joined(separator: ", "))\n\n"
                for (id, f) in result.failures.sorted(by: { $0.key < $1.key }) { out += "warning: '\(id)' failed in \(f.count) draws: \(f.message)\n" }
            }
            func number(_ x: Double) -> String { md ? ResultsRenderer.localized(x, in: language) : h(x) }
            let headlineRows = result.keys.enumerated().filter { $0.element.year == nil }.map { k, key in
                md
                    ? [
                        labels.metric(key.evaluator, key.metric, descriptors: descriptors), number(centralValue(k)), number(bands[k].p5),
                        number(bands[k].p50), number(bands[k].p95), labels.unit(result.units[k]), "`\(key.evaluator).\(key.metric)`",
                    ]
                    : [key.evaluator, key.metric, h(centralValue(k)), h(bands[k].p5), h(bands[k].p50), h(bands[k].p95), result.units[k].symbol]
            }
            out +=
                md
                ? "## \(m("report.headlines"))\n\n"
                    + markdownTable(
                        [m("col.headline"), m("col.central"), "P5", "P50", "P95", m("col.unit"), m("col.id")], headlineRows, alignRight: [1, 2, 3, 4])
                : "HEADLINES (central value; P5 / P50 / P95 of the draws)\n"
                    + ResultsRenderer.align([["evaluator", "metric", "central", "P5", "P50", "P95", "unit"]] + headlineRows, rightAligned: [2, 3, 4, 5])
            out +=
                language == .en || !md
                ? "\n\nCentral: every input at its central value (its `value`; for a range without one, the midpoint, mode or mean). P5, P50, P95: percentiles of the draws.\n\n"
                : "\n\n" + m("report.central_note") + "\n\n"
            if md { out += "## \(language == .en ? "Totals by year" : m("report.totals_by_year"))\n\n" }
            for (evaluator, metric) in yearMetrics {
                let rows = result.keys.enumerated().filter { $0.element.evaluator == evaluator && $0.element.metric == metric && $0.element.year != nil }
                guard rows.contains(where: { bands[$0.offset].p95 != 0 || bands[$0.offset].p5 != 0 }) else { continue }
                let unit = result.units[rows[0].offset].symbol
                let body = rows.map { k, key in [String(key.year ?? 0), h(centralValue(k)), h(bands[k].p5), h(bands[k].p50), h(bands[k].p95)] }
                let columns = ["year", "central", "P5", "P50", "P95"]
                out +=
                    md
                    ? "### \(evaluator).\(metric) (\(unit))\n\n" + markdownTable(columns, body, alignRight: [0, 1, 2, 3, 4]) + "\n\n"
                    : "\(evaluator).\(metric) (\(unit)), total by year\n" + ResultsRenderer.align([columns] + body, rightAligned: [1, 2, 3, 4]) + "\n\n"
            }
            if md { out += provenance.markdown(level: 2) }
            return out.trimmingTrailingSpaces() + "\n"
        }
    }
}
