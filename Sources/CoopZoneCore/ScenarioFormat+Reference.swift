/// The key tables of Docs/scenario-format.md, written from the format's tables. Each sits
/// between `<!-- format-table NAME -->` and `<!-- /format-table -->`; a test checks they are
/// current, and `COOPZONE_UPDATE_DOCS=1 swift test --filter ScenarioSchemaTests` rewrites them.
extension ScenarioFormat {
    /// The levels the reference gives a table (the number forms and distributions are prose).
    static var referenceLevels: [FormatLevel] { levels.filter { $0.name != "quantity" && $0.name != "normal" } }

    /// The opening marker of a level's table.
    static func tableMarker(_ level: FormatLevel) -> String { "<!-- format-table \(level.name) -->" }
    static let tableEnd = "<!-- /format-table -->"

    /// The reference's table of `level`, header included, without a final newline.
    static func markdownTable(_ level: FormatLevel) -> String {
        var lines = ["| Key | Type | Unit, range | Required | Default | Meaning | Example |", "|---|---|---|---|---|---|---|"]
        for field in level.fields {
            let required: String
            switch field.required {
            case .yes: required = "yes"
            case .no: required = "no"
            case .when(let text): required = text
            }
            let cells = ["`\(field.key)`", typeText(field), unitText(field), required, field.defaultText ?? "—", field.doc, "`\(field.example)`"]
            lines.append("| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |")
        }
        if level.provenance {
            lines.append(
                "| " + ScenarioFormat.provenance.map { "`\($0.key)`" }.joined(separator: ", ")
                    + " | text | | no | inherited | [Provenance](#provenance) of the numbers inside this mapping. | `source: book` |")
        }
        return lines.joined(separator: "\n")
    }

    /// What the Type column says.
    static func typeText(_ field: FormatField) -> String {
        func link(_ name: String, _ text: String) -> String { "[\(text)](#\(level(name)?.anchor ?? name))" }
        switch field.kind {
        case .number: return "[number](#number-forms)"
        case .plainNumber: return "plain number"
        case .year: return "year"
        case .wholeNumber, .version: return "whole number"
        case .text: return "text"
        case .id: return "id"
        case .reference(let what): return what
        case .boolean: return "true / false"
        case .choice(let values, let label): return label ?? values.map { "`\($0)`" }.joined(separator: " / ")
        case .texts(let what): return what
        case .list(let name): return "list of " + link(name, name)
        case .mapping(let name): return "mapping (" + link(name, field.key) + ")"
        case .series: return "[series](#series)"
        case .bySector: return "mapping: sector id → [number](#number-forms)"
        case .stageStart: return "year or [mapping](#start)"
        case .evaluators: return "mapping"
        case .keyed(_, let label): return label
        case .locator: return "text or number"
        case .unitName: return "unit name"
        case .numbers(let count): return "list of \(count) plain numbers"
        }
    }

    /// What the "Unit, range" column says.
    static func unitText(_ field: FormatField) -> String {
        if let rule = field.numberRule { return "`\(rule.unit.rawValue)`, \(ScenarioSchema.rangeText(rule.range))" }
        if case .wholeNumber(let range) = field.kind { return "\(range.lowerBound)–\(range.upperBound)" }
        return ""
    }

    /// `text` (the reference) with every level's table rewritten from the format; the names of
    /// levels whose markers are missing.
    static func updatingReference(_ text: String) -> (text: String, missing: [String]) {
        var result = text
        var missing: [String] = []
        for level in referenceLevels {
            let marker = tableMarker(level)
            guard let open = result.range(of: marker), let close = result.range(of: tableEnd, range: open.upperBound..<result.endIndex) else {
                missing.append(level.name)
                continue
            }
            result.replaceSubrange(open.upperBound..<close.lowerBound, with: "\n" + markdownTable(level) + "\n")
        }
        return (result, missing)
    }
}
