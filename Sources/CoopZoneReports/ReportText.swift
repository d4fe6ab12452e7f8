import CoopZoneCore

// Text helpers shared by the renderers.

/// "1 draw", "120 draws".
func drawCount(_ n: Int) -> String { n == 1 ? "1 draw" : "\(n) draws" }

/// The unit to show for an input: an evaluator parameter's (`evaluators.ID.NAME`) from its
/// evaluator's descriptor, which the scenario file does not know; any other input's own.
func displayUnit(_ info: InputInfo, _ descriptors: [EvaluatorDescriptor]) -> Unit {
    let parts = info.path.split(separator: ".")
    guard parts.count == 3, parts[0] == "evaluators",
        let spec = descriptors.first(where: { $0.id == parts[1] })?.parameters.first(where: { $0.name == parts[2] })
    else { return info.unit }
    return spec.unit
}

/// A Markdown table; cells have `|` escaped and line breaks flattened; `alignRight` columns are right-aligned.
func markdownTable(_ header: [String], _ rows: [[String]], alignRight: Set<Int> = []) -> String {
    func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
    return "| " + header.map(cell).joined(separator: " | ") + " |\n|" + header.indices.map { alignRight.contains($0) ? "---:" : "---" }.joined(separator: "|")
        + "|\n" + rows.map { "| " + $0.map(cell).joined(separator: " | ") + " |" }.joined(separator: "\n")
}

/// The uncertain inputs of a scenario (every number with a distribution) as report rows: path,
/// distribution, central value, unit and provenance.
func uncertainInputRows(_ scenario: Scenario, _ descriptors: [EvaluatorDescriptor]) -> [[String]] {
    scenario.inputs.filter { $0.distribution != nil }.map { info in
        [
            info.path, info.distribution.map(ReportProvenance.distributionText) ?? "", format(info.central), displayUnit(info, descriptors).symbol,
            MonteCarloRenderer.provenanceText(info.provenance),
        ]
    }
}

/// The uncertain inputs' table in Markdown, or `none` when there are none.
func uncertainInputsMarkdown(_ rows: [[String]], language: Language, none: String) -> String {
    let m = Messages(language)
    guard !rows.isEmpty else { return none + "\n\n" }
    return markdownTable(
        [m("col.input"), m("col.distribution"), m("col.central"), m("col.unit"), m("col.source")], rows.map { ["`\($0[0])`"] + $0.dropFirst() },
        alignRight: [2]) + "\n\n"
}

/// The uncertain inputs' table in HTML, or `none` as a paragraph when there are none.
func uncertainInputsHTML(_ rows: [[String]], language: Language, none: String) -> String {
    let m = Messages(language), t = HTMLPage.text
    guard !rows.isEmpty else { return "<p>\(t(none))</p>\n" }
    return HTMLPage.table(
        [m("col.input"), m("col.distribution"), m("col.central"), m("col.unit"), m("col.source")].map(t),
        rows.map { r in [HTMLPage.code(r[0])] + r.dropFirst().map(t) }, numeric: [2])
}
