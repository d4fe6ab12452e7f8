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
