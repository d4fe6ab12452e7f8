import CoopZoneCore

/// Renders a Monte Carlo run: P5/P50/P95 of every headline and of each additive metric's total by year.
public struct MonteCarloRenderer: Sendable {
    /// The draws.
    public let result: MonteCarloResult
    /// The scenario.
    public let scenario: Scenario
    /// The manifest of the run (central parameters, seed, draws).
    public let manifest: RunManifest

    /// Creates a renderer.
    public init(result: MonteCarloResult, scenario: Scenario, manifest: RunManifest) {
        self.result = result
        self.scenario = scenario
        self.manifest = manifest
    }

    /// Renders in `format`.
    public func render(_ format: OutputFormat) -> String {
        let bands = result.keys.indices.map(result.band)
        let h = ResultsRenderer.human
        switch format {
        case .csv:
            var lines = ["evaluator,metric,unit,year,p5,p50,p95,mean"]
            for (k, key) in result.keys.enumerated() {
                let b = bands[k]
                lines.append([key.evaluator, key.metric, result.units[k].rawValue, key.year.map(String.init) ?? "",
                              JSONWriter.number(b.p5), JSONWriter.number(b.p50), JSONWriter.number(b.p95), JSONWriter.number(b.mean)].joined(separator: ","))
            }
            return lines.joined(separator: "\n") + "\n"
        case .json:
            let rows = JSON.array(result.keys.enumerated().map { k, key in
                .object([("evaluator", .string(key.evaluator)), ("metric", .string(key.metric)), ("unit", .string(result.units[k].rawValue)),
                         ("year", .optional(key.year)), ("p5", .number(bands[k].p5)), ("p50", .number(bands[k].p50)),
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
            out += "\(result.draws) draws, seed \(result.seed); sampled inputs: \(result.sampledInputs.isEmpty ? "none (the scenario has no distributions)" : result.sampledInputs.joined(separator: ", "))\n\n"
            for (id, f) in result.failures.sorted(by: { $0.key < $1.key }) { out += "warning: '\(id)' failed in \(f.count) draws: \(f.message)\n" }
            let headlineRows = result.keys.enumerated().filter { $0.element.year == nil }.map { k, key in
                [key.evaluator, key.metric, h(bands[k].p5), h(bands[k].p50), h(bands[k].p95), result.units[k].symbol]
            }
            let header = ["evaluator", "metric", "P5", "P50", "P95", "unit"]
            out += md ? "## Headlines\n\n" + markdownTable(header, headlineRows) : "HEADLINES (P5 / P50 / P95)\n" + ResultsRenderer.align([header] + headlineRows, rightAligned: [2, 3, 4])
            out += "\n\n"
            var metrics: [(String, String)] = []
            for key in result.keys where key.year != nil && !metrics.contains(where: { $0 == (key.evaluator, key.metric) }) { metrics.append((key.evaluator, key.metric)) }
            for (evaluator, metric) in metrics {
                let rows = result.keys.enumerated().filter { $0.element.evaluator == evaluator && $0.element.metric == metric && $0.element.year != nil }
                guard rows.contains(where: { bands[$0.offset].p95 != 0 || bands[$0.offset].p5 != 0 }) else { continue }
                let unit = result.units[rows[0].offset].symbol
                let body = rows.map { k, key in [String(key.year ?? 0), h(bands[k].p5), h(bands[k].p50), h(bands[k].p95)] }
                out += md ? "### \(evaluator).\(metric) (\(unit))\n\n" + markdownTable(["year", "P5", "P50", "P95"], body) + "\n\n"
                          : "\(evaluator).\(metric) (\(unit)), total by year\n" + ResultsRenderer.align([["year", "P5", "P50", "P95"]] + body, rightAligned: [1, 2, 3]) + "\n\n"
            }
            return out
        }
    }
}

/// Renders one-at-a-time sensitivity: the swing of each headline per uncertain input, ranked.
public struct SensitivityRenderer: Sendable {
    /// The swings, ranked per headline.
    public let swings: [Swing]
    /// The scenario.
    public let scenario: Scenario

    /// Creates a renderer.
    public init(swings: [Swing], scenario: Scenario) {
        self.swings = swings
        self.scenario = scenario
    }

    /// Renders in `format`.
    public func render(_ format: OutputFormat) -> String {
        let h = ResultsRenderer.human
        switch format {
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
        case .table, .markdown:
            let md = format == .markdown
            var out = md ? "# \(scenario.title) — sensitivity\n\n" : "\(scenario.title) — sensitivity (each uncertain input at its low and high bound, the others central)\n\n"
            if swings.isEmpty { return out + "The scenario has no uncertain inputs: give numbers a distribution (uniform, triangular or normal) to see their swing.\n" }
            var headlines: [(String, String)] = []
            for s in swings where !headlines.contains(where: { $0 == (s.evaluator, s.metric) }) { headlines.append((s.evaluator, s.metric)) }
            for (evaluator, metric) in headlines {
                let rows = swings.filter { $0.evaluator == evaluator && $0.metric == metric }
                let unit = rows.first?.unit.symbol ?? ""
                let body = rows.map { s in [s.input, "\(h(s.inputLow))…\(h(s.inputHigh))", h(s.atLow), h(s.central), h(s.atHigh), h(s.swing)] }
                let header = ["input", "range", "at low", "central", "at high", "swing"]
                out += md ? "## \(evaluator).\(metric) (\(unit))\n\n" + markdownTable(header, body) + "\n\n"
                          : "\(evaluator).\(metric) (\(unit))\n" + ResultsRenderer.align([header] + body, rightAligned: [2, 3, 4, 5]) + "\n\n"
            }
            return out
        }
    }
}

/// Renders a comparison of designs.
public struct ComparisonRenderer: Sendable {
    /// The comparison.
    public let comparison: Comparison

    /// Creates a renderer.
    public init(_ comparison: Comparison) { self.comparison = comparison }

    /// Renders in `format`.
    public func render(_ format: OutputFormat) -> String {
        let h = ResultsRenderer.human
        let c = comparison
        let names = c.designs.map(\.file)
        let mc = c.designs.contains { $0.monteCarlo != nil }
        switch format {
        case .csv:
            var header = ["evaluator", "metric", "unit", "design", "value", "difference"]
            if mc { header += ["p5", "p50", "p95", "share_better_than_baseline"] }
            var lines = [header.joined(separator: ",")]
            for line in c.lines {
                for (i, name) in names.enumerated() {
                    var fields = [line.evaluator, line.metric, line.unit.rawValue, name, line.values[i].map(JSONWriter.number) ?? "", line.differences[i].map(JSONWriter.number) ?? ""]
                    if mc {
                        let b = line.bands[i]
                        fields += [b.map { JSONWriter.number($0.p5) } ?? "", b.map { JSONWriter.number($0.p50) } ?? "", b.map { JSONWriter.number($0.p95) } ?? "",
                                   line.beatsBaseline[i].map(JSONWriter.number) ?? ""]
                    }
                    lines.append(fields.joined(separator: ","))
                }
            }
            return lines.joined(separator: "\n") + "\n"
        case .json:
            let lines = JSON.array(c.lines.map { line in
                .object([("evaluator", .string(line.evaluator)), ("metric", .string(line.metric)), ("unit", .string(line.unit.rawValue)),
                         ("designs", .array(names.indices.map { i in
                             var pairs: [(String, JSON)] = [("design", .string(names[i])), ("value", line.values[i].map(JSON.number) ?? .null),
                                                            ("difference", line.differences[i].map(JSON.number) ?? .null)]
                             if let b = line.bands[i] { pairs += [("p5", .number(b.p5)), ("p50", .number(b.p50)), ("p95", .number(b.p95))] }
                             if let s = line.beatsBaseline[i] { pairs.append(("share_better_than_baseline", .number(s))) }
                             return .object(pairs)
                         }))])
            })
            return JSON.object([("designs", .array(c.designs.map { d in .object([("file", .string(d.file)), ("title", .string(d.title)),
                                                                                  ("scenario_hash", .string(d.result.manifest.scenarioHash))]) })),
                                ("notes", .array(c.notes.map(JSON.string))), ("headlines", lines)]).render() + "\n"
        case .table, .markdown:
            let md = format == .markdown
            var out = md ? "# Comparison of designs\n\n" : "COMPARISON (baseline: \(names.first ?? ""))\n"
            out += c.designs.enumerated().map { i, d in "\(md ? "- " : "  ")[\(i)] \(d.file) — \(d.title)" }.joined(separator: "\n") + "\n\n"
            if !c.notes.isEmpty {
                out += (md ? "**Not comparable:**\n\n" : "NOT COMPARABLE\n") + c.notes.map { "\(md ? "- " : "  ")\($0)" }.joined(separator: "\n") + "\n\n"
            }
            var header = ["evaluator", "metric", "unit"]
            for i in names.indices { header.append("[\(i)]"); if i > 0 { header.append("Δ[\(i)]") } }
            let body = c.lines.map { line -> [String] in
                var row = [line.evaluator, line.metric, line.unit.symbol]
                for i in names.indices {
                    if let b = line.bands[i] { row.append("\(h(b.p50)) (\(h(b.p5))…\(h(b.p95)))") } else { row.append(line.values[i].map(h) ?? "—") }
                    if i > 0 { row.append(line.differences[i].map { ($0 > 0 ? "+" : "") + h($0) } ?? "—") }
                }
                return row
            }
            out += md ? markdownTable(header, body) + "\n" : ResultsRenderer.align([header] + body) + "\n"
            if mc {
                out += md ? "\n## Share of draws in which each design does better than the baseline\n\n" : "\nSHARE OF DRAWS BETTER THAN THE BASELINE (same seed, common random numbers)\n"
                let bh = ["evaluator", "metric"] + names.indices.dropFirst().map { "[\($0)]" }
                let bb = c.lines.map { line in [line.evaluator, line.metric] + names.indices.dropFirst().map { i in line.beatsBaseline[i].map { "\(Int(($0 * 100).rounded())) %" } ?? "—" } }
                out += md ? markdownTable(bh, bb) + "\n" : ResultsRenderer.align([bh] + bb) + "\n"
            }
            return out
        }
    }
}

func markdownTable(_ header: [String], _ rows: [[String]]) -> String {
    "| " + header.joined(separator: " | ") + " |\n|" + header.map { _ in "---" }.joined(separator: "|") + "|\n" +
        rows.map { "| " + $0.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |" }.joined(separator: "\n")
}
