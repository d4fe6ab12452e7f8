import CoopZoneCore

/// "1 draw", "120 draws".
func drawCount(_ n: Int) -> String { n == 1 ? "1 draw" : "\(n) draws" }

/// The unit to show for an input: an evaluator parameter's (`evaluators.ID.NAME`) from its
/// evaluator's descriptor, which the scenario file does not know; any other input's own.
func displayUnit(_ info: InputInfo, _ descriptors: [EvaluatorDescriptor]) -> Unit {
    let parts = info.path.split(separator: ".")
    guard parts.count == 3, parts[0] == "evaluators",
          let spec = descriptors.first(where: { $0.id == parts[1] })?.parameters.first(where: { $0.name == parts[2] }) else { return info.unit }
    return spec.unit
}

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
    public init(result: MonteCarloResult, scenario: Scenario, manifest: RunManifest, central: RunResult? = nil, descriptors: [EvaluatorDescriptor] = []) {
        self.result = result
        self.scenario = scenario
        self.manifest = manifest
        self.central = central
        self.descriptors = descriptors
    }

    /// The provenance of the draws (the manifest carries the seed and the number of draws).
    public var provenance: ReportProvenance { ReportProvenance(scenario: scenario, manifest: manifest, descriptors: descriptors) }

    /// The central run's findings, and a warning per evaluator that failed in some draws.
    var findingsList: FindingsList {
        FindingsList(findings: central?.findings ?? [], failures: (central?.failures ?? []).map { ($0.evaluator, $0.message) },
                     notes: result.failures.sorted { $0.key < $1.key }.map { id, f in "'\(id)' failed in \(f.count) of \(drawCount(result.draws)): \(f.message)" })
    }

    /// The sampled inputs: path, distribution, central value, unit and provenance.
    var sampledRows: [[String]] {
        scenario.inputs.filter { $0.distribution != nil }.map { info in
            [info.path, info.distribution.map(ReportProvenance.distributionText) ?? "", format(info.central), displayUnit(info, descriptors).symbol,
             Self.provenanceText(info.provenance)]
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

    /// Renders in `format`.
    public func render(_ format: OutputFormat) -> String {
        let bands = result.bands()
        let h = ResultsRenderer.human
        switch format {
        case .html:
            return html()
        case .csv:
            var lines = ["evaluator,metric,unit,year,central,p5,p50,p95,mean"]
            for (k, key) in result.keys.enumerated() {
                let b = bands[k]
                lines.append([key.evaluator, key.metric, result.units[k].rawValue, key.year.map(String.init) ?? "", JSONWriter.number(centralValue(k)),
                              JSONWriter.number(b.p5), JSONWriter.number(b.p50), JSONWriter.number(b.p95), JSONWriter.number(b.mean)].joined(separator: ","))
            }
            return lines.joined(separator: "\n") + "\n"
        case .json:
            let rows = JSON.array(result.keys.enumerated().map { k, key in
                .object([("evaluator", .string(key.evaluator)), ("metric", .string(key.metric)), ("unit", .string(result.units[k].rawValue)),
                         ("year", .optional(key.year)), ("central", .number(centralValue(k))), ("p5", .number(bands[k].p5)), ("p50", .number(bands[k].p50)),
                         ("p95", .number(bands[k].p95)), ("mean", .number(bands[k].mean))])
            })
            let failures = JSON.array(result.failures.keys.sorted().map { id in
                .object([("evaluator", .string(id)), ("draws", .int(result.failures[id]?.count ?? 0)), ("message", .string(result.failures[id]?.message ?? ""))])
            })
            return JSON.object([("draws", .int(result.draws)), ("seed", .string(String(result.seed))),
                                ("sampled_inputs", .array(result.sampledInputs.map(JSON.string))), ("bands", rows), ("failures", failures),
                                ("manifest", ResultsRenderer.manifestJSON(manifest))]).render() + "\n"
        case .table, .markdown:
            let md = format == .markdown
            var out = md ? "# \(scenario.title) — Monte Carlo\n\n" : "\(scenario.title) — Monte Carlo\n"
            if md {
                out += "\(drawCount(result.draws)), seed \(result.seed). Money in \(scenario.currency) million at \(scenario.priceYear) prices; horizon \(scenario.horizon.lowerBound)–\(scenario.horizon.upperBound).\n\n"
                out += "> " + provenance.summaryLine(markdown: true) + "\n\n"
                out += "## Findings\n\n" + findingsList.markdown() + (central == nil ? "" : "\nFindings are those of the run on central values.\n") + "\n"
                out += "## Sampled inputs\n\n"
                out += sampledRows.isEmpty ? "None: the scenario has no distributions, so every draw is the same.\n\n"
                    : markdownTable(["input", "distribution", "central", "unit", "provenance"], sampledRows.map { [ "`\($0[0])`"] + $0.dropFirst() }, alignRight: [2]) + "\n\n"
            } else {
                out += "\(drawCount(result.draws)), seed \(result.seed); sampled inputs: \(result.sampledInputs.isEmpty ? "none (the scenario has no distributions)" : result.sampledInputs.joined(separator: ", "))\n\n"
                for (id, f) in result.failures.sorted(by: { $0.key < $1.key }) { out += "warning: '\(id)' failed in \(f.count) draws: \(f.message)\n" }
            }
            let headlineRows = result.keys.enumerated().filter { $0.element.year == nil }.map { k, key in
                [key.evaluator, key.metric, h(centralValue(k)), h(bands[k].p5), h(bands[k].p50), h(bands[k].p95), result.units[k].symbol]
            }
            let header = ["evaluator", "metric", "central", "P5", "P50", "P95", "unit"]
            out += md ? "## Headlines\n\n" + markdownTable(header, headlineRows, alignRight: [2, 3, 4, 5])
                      : "HEADLINES (central value; P5 / P50 / P95 of the draws)\n" + ResultsRenderer.align([header] + headlineRows, rightAligned: [2, 3, 4, 5])
            out += "\n\nCentral: every input at its central value (its `value`; for a range without one, the midpoint, mode or mean). P5, P50, P95: percentiles of the draws.\n\n"
            if md { out += "## Totals by year\n\n" }
            for (evaluator, metric) in yearMetrics {
                let rows = result.keys.enumerated().filter { $0.element.evaluator == evaluator && $0.element.metric == metric && $0.element.year != nil }
                guard rows.contains(where: { bands[$0.offset].p95 != 0 || bands[$0.offset].p5 != 0 }) else { continue }
                let unit = result.units[rows[0].offset].symbol
                let body = rows.map { k, key in [String(key.year ?? 0), h(centralValue(k)), h(bands[k].p5), h(bands[k].p50), h(bands[k].p95)] }
                let columns = ["year", "central", "P5", "P50", "P95"]
                out += md ? "### \(evaluator).\(metric) (\(unit))\n\n" + markdownTable(columns, body, alignRight: [0, 1, 2, 3, 4]) + "\n\n"
                          : "\(evaluator).\(metric) (\(unit)), total by year\n" + ResultsRenderer.align([columns] + body, rightAligned: [1, 2, 3, 4]) + "\n\n"
            }
            if md { out += provenance.markdown(level: 2) }
            return out.trimmingTrailingSpaces() + "\n"
        }
    }
}

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

    /// Creates a renderer.
    public init(swings: [Swing], scenario: Scenario, central: RunResult? = nil, descriptors: [EvaluatorDescriptor] = []) {
        self.swings = swings
        self.scenario = scenario
        self.central = central
        self.descriptors = descriptors
    }

    /// The provenance, when the central run is known.
    public var provenance: ReportProvenance? { central.map { ReportProvenance(scenario: scenario, manifest: $0.manifest, descriptors: descriptors) } }

    /// The central run's findings.
    var findingsList: FindingsList { FindingsList(findings: central?.findings ?? [], failures: (central?.failures ?? []).map { ($0.evaluator, $0.message) }) }

    /// True when the input moves the headline (beyond rounding noise).
    static func moves(_ s: Swing) -> Bool { s.swing.isFinite ? s.swing > 1e-9 * max(1, abs(s.central)) : true }

    /// The headlines swung, in the central run's order when it is known, each with its swings ranked.
    var headlineGroups: [(evaluator: String, metric: String, swings: [Swing])] {
        var keys: [(String, String)] = (central?.headlines ?? []).map { ($0.evaluator, $0.metric) }.filter { key in swings.contains { $0.evaluator == key.0 && $0.metric == key.1 } }
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
            + text(": sampling \(idle.count == 1 ? "it" : "them") changes nothing in this scenario. "
                   + "Check in the evaluator's documentation when \(idle.count == 1 ? "it acts" : "they act") (a parameter may matter only with another switched on).")
    }

    /// The uncertain inputs: path, distribution (low…high), central value, unit and provenance.
    var inputRows: [[String]] {
        scenario.inputs.filter { $0.distribution != nil }.map { info in
            [info.path, info.distribution.map(ReportProvenance.distributionText) ?? "", format(info.central), displayUnit(info, descriptors).symbol,
             MonteCarloRenderer.provenanceText(info.provenance)]
        }
    }

    /// Renders in `format`.
    public func render(_ format: OutputFormat) -> String {
        let h = ResultsRenderer.human
        switch format {
        case .html:
            return html()
        case .csv:
            return (["evaluator,metric,unit,input,input_low,input_high,at_low,central,at_high,swing"] + swings.map { s in
                [s.evaluator, s.metric, s.unit.rawValue, s.input, JSONWriter.number(s.inputLow), JSONWriter.number(s.inputHigh),
                 JSONWriter.number(s.atLow), JSONWriter.number(s.central), JSONWriter.number(s.atHigh), JSONWriter.number(s.swing)].joined(separator: ",")
            }).joined(separator: "\n") + "\n"
        case .json:
            return JSON.array(swings.map { s in
                .object([("evaluator", .string(s.evaluator)), ("metric", .string(s.metric)), ("unit", .string(s.unit.rawValue)), ("input", .string(s.input)),
                         ("input_low", .number(s.inputLow)), ("input_high", .number(s.inputHigh)), ("at_low", .number(s.atLow)),
                         ("central", .number(s.central)), ("at_high", .number(s.atHigh)), ("swing", .number(s.swing))])
            }).render() + "\n"
        case .markdown:
            return markdown()
        case .table:
            var out = "\(scenario.title) — sensitivity (each uncertain input at its low and high bound, the others central)\n\n"
            if swings.isEmpty { return out + "The scenario has no uncertain inputs: give numbers a distribution (uniform, triangular or normal) to see their swing.\n" }
            if let note = idleInputsNote({ $0 }) { out += note + "\n\n" }
            var unmoved: [String] = []
            for group in headlineGroups {
                guard group.swings.contains(where: Self.moves) else {
                    unmoved.append("\(group.evaluator).\(group.metric)")
                    continue
                }
                let unit = group.swings.first?.unit.symbol ?? ""
                let body = group.swings.filter(Self.moves).map { s in [s.input, "\(h(s.inputLow))…\(h(s.inputHigh))", h(s.atLow), h(s.central), h(s.atHigh), h(s.swing)] }
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
        let h = ResultsRenderer.human
        var out = "# \(scenario.title) — sensitivity\n\n"
        out += "Each uncertain input at its low and at its high bound, every other input at its central value. Money in \(scenario.currency) million at \(scenario.priceYear) prices.\n\n"
        if let provenance { out += "> " + provenance.summaryLine(markdown: true) + "\n\n" }
        out += "## Findings\n\n" + findingsList.markdown() + "\n"
        out += "## Uncertain inputs\n\n"
        if inputRows.isEmpty {
            out += "The scenario has no uncertain inputs: give numbers a distribution (uniform, triangular or normal) to see their swing.\n\n"
        } else {
            out += markdownTable(["input", "distribution", "central", "unit", "provenance"], inputRows.map { ["`\($0[0])`"] + $0.dropFirst() }, alignRight: [2]) + "\n\n"
            if let note = idleInputsNote({ "`\($0)`" }) { out += note + "\n\n" }
        }
        var unmoved: [String] = []
        for group in headlineGroups {
            let moving = group.swings.filter(Self.moves)
            guard !moving.isEmpty else {
                unmoved.append("`\(group.evaluator).\(group.metric)`")
                continue
            }
            let unit = group.swings.first?.unit.symbol ?? ""
            out += "## \(group.evaluator).\(group.metric) (\(unit))\n\n"
            out += "Central value \(h(group.swings[0].central)) \(unit).\n\n"
            out += markdownTable(["input", "range", "at low", "central", "at high", "swing"], moving.map { s in
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

/// Renders a comparison of designs.
public struct ComparisonRenderer: Sendable {
    /// The comparison.
    public let comparison: Comparison
    /// The designs' scenarios, in the order of `comparison.designs`, for their sources and
    /// assumptions; may be empty (the reports then give each design's manifest only).
    public let scenarios: [Scenario]
    /// Descriptors of the evaluators, for equations and parameter specs.
    public let descriptors: [EvaluatorDescriptor]

    /// Creates a renderer.
    public init(_ comparison: Comparison, scenarios: [Scenario] = [], descriptors: [EvaluatorDescriptor] = []) {
        self.comparison = comparison
        self.scenarios = scenarios
        self.descriptors = descriptors
    }

    /// The provenance of each design.
    public var provenances: [ReportProvenance] {
        comparison.designs.enumerated().map { i, d in
            var manifest = d.result.manifest
            if let mc = d.monteCarlo {
                manifest.seed = mc.seed
                manifest.draws = mc.draws
            }
            return ReportProvenance(scenario: i < scenarios.count ? scenarios[i] : nil, manifest: manifest, descriptors: descriptors)
        }
    }

    /// Not-comparable notes first, then each design's failures and findings (warnings and
    /// recommendations; information stays in the single-run reports), labelled with the design.
    var findingsList: FindingsList {
        var findings: [Finding] = [], failures: [(evaluator: String, message: String)] = []
        for (i, d) in comparison.designs.enumerated() {
            findings += d.result.findings.filter { $0.kind != .info }.map { f in
                var f = f
                f.message = "[\(i)] \(f.message)"
                return f
            }
            failures += d.result.failures.map { ($0.evaluator, "[\(i)] \($0.message)") }
        }
        return FindingsList(findings: findings, failures: failures, notes: comparison.notes)
    }

    /// What the cells of a comparison with Monte Carlo mean.
    static let monteCarloCells = "Each design's cell is P50 (P5…P95) of its draws; Δ[i] is P50 (P5…P95) of design [i] minus the baseline draw by draw; "
        + "the central values (every input at its central value) are in the JSON and CSV. Findings are those of each design's run on central values."

    /// What "n/c" means, when a design is not comparable.
    static let notComparableMark = "n/c: not comparable with the baseline (see the notes), so its differences and shares do not compare like with like."

    /// The line on the draws of a comparison with Monte Carlo, or nil without.
    var drawsLine: String? {
        comparison.designs.compactMap(\.monteCarlo).first.map { "Monte Carlo: \(drawCount($0.draws)), seed \($0.seed), the same draws for every design (common random numbers)." }
    }

    /// A design's cell: P50 (P5…P95) of its draws with Monte Carlo, else its value.
    static func valueCell(_ line: Comparison.Line, _ i: Int) -> String {
        let h = ResultsRenderer.human
        if let b = line.bands[i] { return "\(h(b.p50)) (\(h(b.p5))…\(h(b.p95)))" }
        return line.values[i].map(h) ?? "—"
    }

    /// A design's difference from the baseline: with Monte Carlo the P50 (P5…P95) of the
    /// draw-by-draw difference, else the difference of the values.
    static func differenceCell(_ line: Comparison.Line, _ i: Int, comparable: Bool = true) -> String {
        let h = ResultsRenderer.human
        func signed(_ x: Double) -> String { (x > 0 ? "+" : "") + h(x) }
        let cell = line.differenceBands[i].map { d in "\(signed(d.p50)) (\(signed(d.p5))…\(signed(d.p95)))" } ?? line.differences[i].map(signed) ?? "—"
        return comparable || cell == "—" ? cell : cell + " n/c"
    }

    /// Which way is better for a headline, as the share table says it.
    static func betterWhen(_ line: Comparison.Line) -> String {
        line.higherIsBetter.map { $0 ? "higher" : "lower" } ?? "no direction declared"
    }

    /// The share of draws in which design `i` beats the baseline: "same" when every draw ties,
    /// else the share, with the share of ties when there are some.
    static func shareCell(_ line: Comparison.Line, _ i: Int, comparable: Bool = true) -> String {
        func percent(_ x: Double) -> String { "\(Int((x * 100).rounded())) %" }
        let ties = line.tiesBaseline[i] ?? 0
        let cell: String
        if ties == 1 {
            cell = "same"
        } else if let beats = line.beatsBaseline[i] {
            cell = ties > 0 ? "\(percent(beats)) better, \(percent(ties)) tied" : percent(beats)
        } else {
            return "—"
        }
        return comparable ? cell : cell + " n/c"
    }

    /// Renders in `format`.
    public func render(_ format: OutputFormat) -> String {
        let c = comparison
        let names = c.designs.map(\.file)
        let mc = c.designs.contains { $0.monteCarlo != nil }
        switch format {
        case .html:
            return html()
        case .csv:
            var header = ["evaluator", "metric", "unit", "better_when", "design", "comparable", "value", "difference"]
            if mc {
                header += ["p5", "p50", "p95", "difference_p5", "difference_p50", "difference_p95", "share_better_than_baseline", "share_tied_with_baseline"]
            }
            var lines = [header.joined(separator: ",")]
            for line in c.lines {
                for (i, name) in names.enumerated() {
                    var fields = [line.evaluator, line.metric, line.unit.rawValue, line.higherIsBetter.map { $0 ? "higher" : "lower" } ?? "", name,
                                  c.incomparable.contains(i) ? "false" : "true", line.values[i].map(JSONWriter.number) ?? "", line.differences[i].map(JSONWriter.number) ?? ""]
                    if mc {
                        let b = line.bands[i], d = line.differenceBands[i]
                        fields += [b.map { JSONWriter.number($0.p5) } ?? "", b.map { JSONWriter.number($0.p50) } ?? "", b.map { JSONWriter.number($0.p95) } ?? "",
                                   d.map { JSONWriter.number($0.p5) } ?? "", d.map { JSONWriter.number($0.p50) } ?? "", d.map { JSONWriter.number($0.p95) } ?? "",
                                   line.beatsBaseline[i].map(JSONWriter.number) ?? "", line.tiesBaseline[i].map(JSONWriter.number) ?? ""]
                    }
                    lines.append(fields.joined(separator: ","))
                }
            }
            return lines.joined(separator: "\n") + "\n"
        case .json:
            let lines = JSON.array(c.lines.map { line in
                .object([("evaluator", .string(line.evaluator)), ("metric", .string(line.metric)), ("unit", .string(line.unit.rawValue)),
                         ("better_when", line.higherIsBetter.map { .string($0 ? "higher" : "lower") } ?? .null),
                         ("designs", .array(names.indices.map { i in
                             var pairs: [(String, JSON)] = [("design", .string(names[i])), ("comparable", .bool(!c.incomparable.contains(i))),
                                                            ("value", line.values[i].map(JSON.number) ?? .null),
                                                            ("difference", line.differences[i].map(JSON.number) ?? .null)]
                             if let b = line.bands[i] { pairs += [("p5", .number(b.p5)), ("p50", .number(b.p50)), ("p95", .number(b.p95))] }
                             if let d = line.differenceBands[i] {
                                 pairs += [("difference_p5", .number(d.p5)), ("difference_p50", .number(d.p50)), ("difference_p95", .number(d.p95))]
                             }
                             if let s = line.beatsBaseline[i] { pairs.append(("share_better_than_baseline", .number(s))) }
                             if let s = line.tiesBaseline[i] { pairs.append(("share_tied_with_baseline", .number(s))) }
                             return .object(pairs)
                         }))])
            })
            var top: [(String, JSON)] = [("designs", .array(zip(c.designs, provenances).map { d, p in
                .object([("file", .string(d.file)), ("title", .string(d.title)), ("scenario_hash", .string(d.result.manifest.scenarioHash)),
                         ("manifest", ResultsRenderer.manifestJSON(p.manifest))])
            }))]
            if let first = c.designs.compactMap(\.monteCarlo).first {
                top.append(("monte_carlo", .object([("draws", .int(first.draws)), ("seed", .string(String(first.seed)))])))
            }
            top += [("notes", .array(c.notes.map(JSON.string))), ("headlines", lines)]
            return JSON.object(top).render() + "\n"
        case .table, .markdown:
            let md = format == .markdown
            var out = md ? "# Comparison of designs\n\n" : "COMPARISON (baseline: \(names.first ?? ""))\n"
            out += c.designs.enumerated().map { i, d in "\(md ? "- " : "  ")[\(i)] \(d.file) — \(d.title)" + (md ? " (scenario hash `\(d.result.manifest.scenarioHash)`)" : "") }.joined(separator: "\n") + "\n\n"
            if md {
                out += "[0] is the baseline; Δ[i] is design [i] minus the baseline."
                if let line = drawsLine { out += " " + line + " " + Self.monteCarloCells }
                if !c.incomparable.isEmpty { out += " " + Self.notComparableMark }
                out += "\n\n## Findings\n\n" + findingsList.markdown() + "\n## Headlines\n\n"
            } else {
                if let line = drawsLine { out += line + " " + Self.monteCarloCells + "\n\n" }
                if !c.notes.isEmpty {
                    out += "NOT COMPARABLE\n" + c.notes.map { "  \($0)" }.joined(separator: "\n") + "\n  " + Self.notComparableMark + "\n\n"
                }
            }
            var header = ["evaluator", "metric", "unit"]
            for i in names.indices { header.append("[\(i)]"); if i > 0 { header.append("Δ[\(i)]") } }
            let body = c.lines.map { line -> [String] in
                var row = [line.evaluator, line.metric, line.unit.symbol]
                for i in names.indices {
                    row.append(Self.valueCell(line, i))
                    if i > 0 { row.append(Self.differenceCell(line, i, comparable: !c.incomparable.contains(i))) }
                }
                return row
            }
            out += md ? markdownTable(header, body, alignRight: Set(3..<header.count)) + "\n" : ResultsRenderer.align([header] + body) + "\n"
            if mc {
                out += md ? "\n## Share of draws in which each design does better than the baseline\n\n" : "\nSHARE OF DRAWS BETTER THAN THE BASELINE (same seed, common random numbers)\n"
                let bh = ["evaluator", "metric", "better when"] + names.indices.dropFirst().map { "[\($0)]" }
                let bb = c.lines.map { line in
                    [line.evaluator, line.metric, Self.betterWhen(line)] + names.indices.dropFirst().map { i in Self.shareCell(line, i, comparable: !c.incomparable.contains(i)) }
                }
                out += md ? markdownTable(bh, bb) + "\n" : ResultsRenderer.align([bh] + bb) + "\n"
            }
            if md {
                for (i, p) in provenances.enumerated() { out += "\n" + p.markdown(level: 2, title: "Provenance of [\(i)] \(names[i])") }
            }
            return out.trimmingTrailingSpaces() + "\n"
        }
    }
}

/// A Markdown table; cells have `|` escaped and line breaks flattened; `alignRight` columns are right-aligned.
func markdownTable(_ header: [String], _ rows: [[String]], alignRight: Set<Int> = []) -> String {
    func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
    return "| " + header.map(cell).joined(separator: " | ") + " |\n|" + header.indices.map { alignRight.contains($0) ? "---:" : "---" }.joined(separator: "|") + "|\n" +
        rows.map { "| " + $0.map(cell).joined(separator: " | ") + " |" }.joined(separator: "\n")
}
