/// The starting file `coopzone new scenario NAME --kind KIND` writes: a scenario that validates
/// as written, with the keys, comments and examples of the format's tables (`ScenarioFormat`).
/// Every number is a placeholder flagged as an assumption ("PLACEHOLDER: …"), and every
/// optional key of a level is shown once, commented out, with what it means.
public enum ScenarioTemplate {
    /// The countries a zone of `kind` needs: three for a growth triangle, else two.
    static func countryCount(_ kind: ZoneKind) -> Int { kind == .growthTriangle ? 3 : 2 }

    /// The file's text. `name` is the scenario's file name without `.yaml` (letters, digits, '-', '_').
    public static func text(name: String, kind: ZoneKind) -> String {
        let zoneId = String(name.map { $0 == "-" ? "_" : $0 })
        let sides = ["a", "b", "c"].prefix(countryCount(kind))
        var w = TemplateWriter()
        w.comment("A CoopZone scenario, format 1 (Docs/scenario-format.md). Written by 'coopzone new scenario \(name) --kind \(kind.rawValue)'.", indent: 0)
        w.comment("Every number below is a PLACEHOLDER flagged as an assumption: replace each with a figure and its source", indent: 0)
        w.comment("(add the publication to 'sources' and write {value: …, source: ID, at: \"chapter, table or page\"}).", indent: 0)
        w.comment("Keys that are commented out are optional. Check the file with: coopzone validate \(name).yaml", indent: 0)
        w.comment("Editor completion: put '# yaml-language-server: $schema=PATH/TO/Docs/scenario.schema.json' on the first line.", indent: 0)
        w.blank()
        let top = ScenarioFormat.top
        w.key(top, "format", "1", indent: 0)
        w.key(top, "title", "\"\(name): TODO, a short title\"", indent: 0)
        w.key(top, "description", "\"TODO: what the scenario describes, citing its sources in prose, e.g. (book, zones chapter, Table 2)\"", indent: 0)
        w.key(top, "authors", "[TODO]", indent: 0)
        w.key(top, "sources", nil, indent: 0)
        w.item(
            ScenarioFormat.source, [("id", "placeholder"), ("title", "\"TODO: the full reference (author, title, publisher, year) your numbers come from\"")],
            indent: 2, optional: true)
        w.comment("extends: a scenario file this one builds on; see Docs/scenario-format.md#extends-building-on-another-scenario", indent: 0)
        w.key(top, "horizon", "{first: 2026, last: 2040}", indent: 0)
        w.key(top, "price_year", "2024", indent: 0)
        w.key(top, "currency", "USD", indent: 0)
        w.key(top, "discount_rate", "{value: 0.08, assumption: \"PLACEHOLDER: replace with the discount rate of your appraisal, and cite it\"}", indent: 0)
        w.key(top, "sectors", nil, indent: 0)
        w.item(ScenarioFormat.sector, [("id", "agriculture"), ("name", "Agriculture"), ("perishable", "true")], indent: 2, optional: false)
        w.item(ScenarioFormat.sector, [("id", "manufacturing"), ("name", "Manufacturing")], indent: 2, optional: false)
        w.key(top, "countries", nil, indent: 0)
        for (i, side) in sides.enumerated() {
            w.item(
                ScenarioFormat.country,
                [
                    ("code", "X\(side.uppercased())"), ("name", "\"TODO: country \(side.uppercased())\""),
                    ("assumption", "\"PLACEHOLDER: illustrative rates; replace with the country's regime and its source\""),
                    ("fiscal", "{corporate_income_tax: 0.15, vat: 0.12, import_duty: 0.10}"),
                ],
                indent: 2, optional: i == 0, note: i == 0 ? "XA, XB, XC are placeholder codes: write ISO 3166-1 alpha-2 codes (UZ, KG, TJ, KZ, CN…)" : nil)
        }
        w.key(top, "regions", nil, indent: 0)
        for (i, side) in sides.enumerated() {
            w.item(
                ScenarioFormat.region,
                [
                    ("id", "region_\(side)"), ("name", "\"TODO: border region \(side.uppercased())\""), ("country", "X\(side.uppercased())"),
                    ("population", "{value: 1_000_000, assumption: \"PLACEHOLDER: replace with the region's population and its source\"}"),
                ],
                indent: 2, optional: i == 0)
        }
        w.comment(
            "input_output: national or regional input–output tables for multipliers by region and sector (default: the flat Type I 1.4 and Type II 1.8); see Docs/input-output.md",
            indent: 0)
        w.key(top, "links", nil, indent: 0)
        w.item(
            ScenarioFormat.link,
            [
                ("id", "a_b"), ("from", "region_a"), ("to", "region_b"),
                ("assumption", "\"PLACEHOLDER: illustrative trade; replace with recorded figures and their source\""),
                ("border_crossing_days", "2"), ("flows", "[{sector: agriculture, direction: export, base_year: 2024, value: 10, growth: 0.03}]"),
            ],
            indent: 2, optional: true)
        w.key(top, "zones", nil, indent: 0)
        w.item(
            ScenarioFormat.zone,
            [
                ("id", zoneId), ("name", "\"TODO: the zone's name\""), ("kind", kind.rawValue),
                ("regions", "[" + sides.map { "region_\($0)" }.joined(separator: ", ") + "]"),
            ],
            indent: 2, optional: true)
        w.key(ScenarioFormat.zone, "stages", nil, indent: 2)
        w.item(
            ScenarioFormat.stage,
            [
                ("id", "first_stage"), ("name", "\"TODO: what the zone does first\""), ("start", "2027"),
                ("assumption", "\"PLACEHOLDER: illustrative measure; replace with the design's and its source\""),
            ],
            indent: 4, optional: true, skip: ["measures", "incentives"])
        w.key(ScenarioFormat.stage, "measures", nil, indent: 4)
        w.key(ScenarioFormat.measures, "border_time", "[{link: a_b, days: 1}]", indent: 6)
        w.optionals(ScenarioFormat.measures, except: ["border_time"], indent: 6)
        w.comment("incentives: the package for zone residents during the stage, e.g.", indent: 4)
        w.optionals(ScenarioFormat.incentives, except: [], indent: 4, prefix: "  ")
        w.comment("evaluators: which evaluators run, with parameter overrides (default: every built-in one); see 'coopzone evaluators'", indent: 0)
        w.comment("levers: sliders for a workshop, e.g. levers: [{id: border_days, path: links.a_b.border_crossing_days, min: 0, max: 5}]", indent: 0)
        return w.text
    }
}

/// Writes the template's lines, taking each key's explanation from its level's table.
struct TemplateWriter {
    var text = ""

    mutating func blank() { text += "\n" }

    mutating func comment(_ line: String, indent: Int) {
        text += String(repeating: " ", count: indent) + "# " + line + "\n"
    }

    /// A comment on `field`: its doc, and whether it is required or what its default is.
    static func explanation(_ field: FormatField) -> String {
        var parts = [field.doc]
        if field.required == .yes { parts.append("Required.") } else if let d = field.defaultText { parts.append("Default: \(d).") }
        if let rule = field.numberRule { parts.append("Unit: \(rule.unit.rawValue), \(ScenarioSchema.rangeText(rule.range)).") }
        return parts.joined(separator: " ")
    }

    /// `key: value` (or `key:` to open a block when `value` is nil), with its explanation above it.
    mutating func key(_ level: FormatLevel, _ key: String, _ value: String?, indent: Int, dash: Bool = false) {
        let field = level.field(key) ?? ScenarioFormat.provenance.first { $0.key == key }
        if let field, !dash { comment(Self.explanation(field), indent: indent) }
        let lead = dash ? String(repeating: " ", count: indent - 2) + "- " : String(repeating: " ", count: indent)
        text += lead + key + ":" + (value.map { " " + $0 } ?? "") + "\n"
    }

    /// One item of a list of `level` mappings, its keys at `indent`; with `optional`, the level's
    /// other keys follow, commented out, with their examples.
    mutating func item(_ level: FormatLevel, _ entries: [(String, String?)], indent: Int, optional: Bool, skip: Set<String> = [], note: String? = nil) {
        if let note { comment(note, indent: indent - 2) }
        for (i, (key, value)) in entries.enumerated() {
            if i == 0, let field = level.field(key) { comment("\(level.title): " + Self.explanation(field), indent: indent - 2) }
            self.key(level, key, value, indent: indent, dash: i == 0)
        }
        if optional { optionals(level, except: Set(entries.map(\.0)).union(skip), indent: indent) }
    }

    /// The optional keys of `level` not in `except`, commented out: an example and what the key means.
    mutating func optionals(_ level: FormatLevel, except: Set<String>, indent: Int, prefix: String = "") {
        for field in level.fields where !except.contains(field.key) && field.required != .yes {
            comment(prefix + field.example + "   # " + Self.explanation(field), indent: indent)
        }
    }
}
