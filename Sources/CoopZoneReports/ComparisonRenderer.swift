import CoopZoneCore

/// Renders a comparison of designs.
public struct ComparisonRenderer: Sendable {
    /// The comparison.
    public let comparison: Comparison
    /// The designs' scenarios, in the order of `comparison.designs`, for their sources and
    /// assumptions; may be empty (the reports then give each design's manifest only).
    public let scenarios: [Scenario]
    /// Descriptors of the evaluators, for equations and parameter specs.
    public let descriptors: [EvaluatorDescriptor]

    /// The language of the brief and the workbook.
    public var language: Language = .en

    /// Creates a renderer.
    public init(_ comparison: Comparison, scenarios: [Scenario] = [], descriptors: [EvaluatorDescriptor] = [], language: Language = .en) {
        self.language = language
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
            return ReportProvenance(scenario: i < scenarios.count ? scenarios[i] : nil, manifest: manifest, descriptors: descriptors, language: language)
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
    static let monteCarloCells =
        "Each design's cell is P50 (P5…P95) of its draws; Δ[i] is P50 (P5…P95) of design [i] minus the baseline draw by draw; "
        + "the central values (every input at its central value) are in the JSON and CSV. Findings are those of each design's run on central values."

    /// What "n/c" means, when a design is not comparable.
    static let notComparableMark = "n/c: not comparable with the baseline (see the notes), so its differences and shares do not compare like with like."

    /// The line on the draws of a comparison with Monte Carlo, or nil without.
    var drawsLine: String? {
        comparison.designs.compactMap(\.monteCarlo).first.map {
            "Monte Carlo: \(drawCount($0.draws)), seed \($0.seed), the same draws for every design (common random numbers)."
        }
    }

    /// A design's cell: P50 (P5…P95) of its draws with Monte Carlo, else its value.
    static func valueCell(_ line: Comparison.Line, _ i: Int, language: Language = .en) -> String {
        let h = { (x: Double) in ResultsRenderer.localized(x, in: language) }
        if let b = line.bands[i] { return "\(h(b.p50)) (\(h(b.p5))…\(h(b.p95)))" }
        return line.values[i].map(h) ?? "—"
    }

    /// A design's difference from the baseline: with Monte Carlo the P50 (P5…P95) of the
    /// draw-by-draw difference, else the difference of the values.
    static func differenceCell(_ line: Comparison.Line, _ i: Int, comparable: Bool = true, language: Language = .en) -> String {
        let h = { (x: Double) in ResultsRenderer.localized(x, in: language) }
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
        case .xlsx:
            // A workbook is bytes (`workbook()`); as text, its brief is what a reader opens first.
            return brief.markdown(level: 1)
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
                    var fields = [
                        line.evaluator, line.metric, line.unit.rawValue, line.higherIsBetter.map { $0 ? "higher" : "lower" } ?? "", name,
                        c.incomparable.contains(i) ? "false" : "true", line.values[i].map(JSONWriter.numberText) ?? "",
                        line.differences[i].map(JSONWriter.numberText) ?? "",
                    ]
                    if mc {
                        let b = line.bands[i], d = line.differenceBands[i]
                        fields += [
                            b.map { JSONWriter.numberText($0.p5) } ?? "", b.map { JSONWriter.numberText($0.p50) } ?? "",
                            b.map { JSONWriter.numberText($0.p95) } ?? "",
                            d.map { JSONWriter.numberText($0.p5) } ?? "", d.map { JSONWriter.numberText($0.p50) } ?? "",
                            d.map { JSONWriter.numberText($0.p95) } ?? "",
                            line.beatsBaseline[i].map(JSONWriter.numberText) ?? "", line.tiesBaseline[i].map(JSONWriter.numberText) ?? "",
                        ]
                    }
                    lines.append(fields.joined(separator: ","))
                }
            }
            return lines.joined(separator: "\n") + "\n"
        case .json:
            let lines = JSONValue.array(
                c.lines.map { line in
                    .object([
                        ("evaluator", .string(line.evaluator)), ("metric", .string(line.metric)), ("unit", .string(line.unit.rawValue)),
                        ("better_when", line.higherIsBetter.map { .string($0 ? "higher" : "lower") } ?? .null),
                        (
                            "designs",
                            .array(
                                names.indices.map { i in
                                    var pairs: [(String, JSONValue)] = [
                                        ("design", .string(names[i])), ("comparable", .bool(!c.incomparable.contains(i))),
                                        ("value", line.values[i].map(JSONValue.number) ?? .null),
                                        ("difference", line.differences[i].map(JSONValue.number) ?? .null),
                                    ]
                                    if let b = line.bands[i] { pairs += [("p5", .number(b.p5)), ("p50", .number(b.p50)), ("p95", .number(b.p95))] }
                                    if let d = line.differenceBands[i] {
                                        pairs += [("difference_p5", .number(d.p5)), ("difference_p50", .number(d.p50)), ("difference_p95", .number(d.p95))]
                                    }
                                    if let s = line.beatsBaseline[i] { pairs.append(("share_better_than_baseline", .number(s))) }
                                    if let s = line.tiesBaseline[i] { pairs.append(("share_tied_with_baseline", .number(s))) }
                                    return .object(pairs)
                                })
                        ),
                    ])
                })
            var top: [(String, JSONValue)] = [
                (
                    "designs",
                    .array(
                        zip(c.designs, provenances).map { d, p in
                            .object([
                                ("file", .string(d.file)), ("title", .string(d.title)), ("scenario_hash", .string(d.result.manifest.scenarioHash)),
                                ("manifest", ResultsRenderer.manifestJSON(p.manifest)),
                            ])
                        })
                )
            ]
            if let first = c.designs.compactMap(\.monteCarlo).first {
                top.append(("monte_carlo", .object([("draws", .int(first.draws)), ("seed", .string(String(first.seed)))])))
            }
            top += [("notes", .array(c.notes.map(JSONValue.string))), ("headlines", lines)]
            return JSONValue.object(top).prettyText + "\n"
        case .table, .markdown:
            let md = format == .markdown
            let m = Messages(md ? language : .en), labels = Labels(md ? language : .en)
            var out = md ? "# \(m("report.compare_title"))\n\n" : "COMPARISON (baseline: \(names.first ?? ""))\n"
            out +=
                c.designs.enumerated().map { i, d in
                    "\(md ? "- " : "  ")[\(i)] \(d.file) — \(md ? designName(i, d) : d.title)"
                        + (md ? " (scenario hash `\(d.result.manifest.scenarioHash)`)" : "")
                }.joined(separator: "\n") + "\n\n"
            if md {
                out += "[0] is the baseline; Δ[i] is design [i] minus the baseline."
                if let line = drawsLine { out += " " + line + " " + Self.monteCarloCells }
                if !c.incomparable.isEmpty { out += " " + Self.notComparableMark }
                out += "\n\n" + brief.markdown(level: 2)
                out += "## \(m("report.findings_plain"))\n\n" + findingsList.markdown(language) + "\n## \(m("report.headlines"))\n\n"
            } else {
                if let line = drawsLine { out += line + " " + Self.monteCarloCells + "\n\n" }
                if !c.notes.isEmpty {
                    out += "NOT COMPARABLE\n" + c.notes.map { "  \($0)" }.joined(separator: "\n") + "\n  " + Self.notComparableMark + "\n\n"
                }
            }
            var header = md ? [m("col.headline"), m("col.unit")] : ["evaluator", "metric", "unit"]
            for i in names.indices { header.append("[\(i)]"); if i > 0 { header.append("Δ[\(i)]") } }
            if md { header.append(m("col.id")) }
            let body = c.lines.map { line -> [String] in
                var row =
                    md
                    ? [labels.metric(line.evaluator, line.metric, descriptors: descriptors), labels.unit(line.unit)]
                    : [line.evaluator, line.metric, line.unit.symbol]
                for i in names.indices {
                    row.append(Self.valueCell(line, i, language: md ? language : .en))
                    if i > 0 { row.append(Self.differenceCell(line, i, comparable: !c.incomparable.contains(i), language: md ? language : .en)) }
                }
                if md { row.append("`\(line.evaluator).\(line.metric)`") }
                return row
            }
            out +=
                md
                ? markdownTable(header, body, alignRight: Set(2..<(header.count - 1))) + "\n" : ResultsRenderer.align([header] + body) + "\n"
            if mc {
                out +=
                    md
                    ? "\n## Share of draws in which each design does better than the baseline\n\n"
                    : "\nSHARE OF DRAWS BETTER THAN THE BASELINE (same seed, common random numbers)\n"
                let bh = ["evaluator", "metric", "better when"] + names.indices.dropFirst().map { "[\($0)]" }
                let bb = c.lines.map { line in
                    [line.evaluator, line.metric, Self.betterWhen(line)]
                        + names.indices.dropFirst().map { i in Self.shareCell(line, i, comparable: !c.incomparable.contains(i)) }
                }
                out += md ? markdownTable(bh, bb) + "\n" : ResultsRenderer.align([bh] + bb) + "\n"
            }
            if md {
                for (i, p) in provenances.enumerated() {
                    out += "\n" + p.markdown(level: 2, title: m("report.provenance_of", ["i": String(i), "name": names[i]]))
                }
            }
            return out.trimmingTrailingSpaces() + "\n"
        }
    }
}

extension ComparisonRenderer {
    /// Design `i`'s name in the report's language: its scenario's title, else its file.
    func designName(_ i: Int, _ design: Comparison.Design) -> String {
        i < scenarios.count ? scenarios[i].texts(language).title : design.title
    }

    /// The comparison's brief: for each headline of the brief roles, which design does best and,
    /// with Monte Carlo, whether its band overlaps the others'.
    public var brief: Brief {
        let c = comparison
        let t = Messages(language), labels = Labels(language)
        let names = c.designs.enumerated().map { i, d in "[\(i)] " + designName(i, d) }
        var items = [Brief.Item(heading: t("brief.designs_heading"), text: names.joined(separator: "; ") + ".")]
        var wins: [String] = []
        for line in c.lines {
            guard let role = descriptors.first(where: { $0.id == line.evaluator })?.metric(line.metric)?.presentation.brief, role != .breakEven,
                let higher = line.higherIsBetter
            else { continue }
            let central = line.values.indices.map { line.bands[$0]?.p50 ?? line.values[$0] }
            let ranked = central.indices.filter { central[$0]?.isFinite ?? false }.sorted { a, b in
                higher ? central[a]! > central[b]! : central[a]! < central[b]!
            }
            guard let best = ranked.first, ranked.count > 1 else { continue }
            let label = labels.metric(line.evaluator, line.metric, descriptors: descriptors)
            let top = central[best]!
            let tied = ranked.filter { abs(central[$0]! - top) <= 1e-9 * max(1, abs(top)) }
            var text: String
            if tied.count == ranked.count {
                text = t("brief.tie", ["headline": label, "value": labels.value(top, unit: line.unit)])
            } else if tied.count > 1 {
                text = t(
                    "brief.tie_best",
                    ["headline": label, "designs": tied.map { "[\($0)]" }.joined(separator: ", "), "value": labels.value(top, unit: line.unit)])
            } else {
                text = t("brief.wins", ["headline": label, "design": "[\(best)]", "value": labels.value(top, unit: line.unit)])
                if let band = line.bands[best] {
                    let overlapping = ranked.dropFirst().filter { i in line.bands[i].map { $0.p95 >= band.p5 && $0.p5 <= band.p95 } ?? false }
                    text +=
                        " "
                        + (overlapping.isEmpty
                            ? t("brief.bands_apart") : t("brief.bands_overlap", ["designs": overlapping.map { "[\($0)]" }.joined(separator: ", ")]))
                }
            }
            wins.append(text)
        }
        if c.designs.contains(where: { $0.monteCarlo != nil }) { wins.append(t("brief.medians")) }
        if !wins.isEmpty { items.append(Brief.Item(heading: t("brief.wins_heading"), text: wins.joined(separator: " "))) }
        if !c.incomparable.isEmpty { items.append(Brief.Item(heading: t("brief.not_comparable_heading"), text: c.notes.joined(separator: " "))) }
        return Brief(title: t("brief.compare_title"), items: items, language: language)
    }
}
