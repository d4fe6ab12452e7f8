import Foundation

/// The JSON Schema (draft 2020-12) of the scenario format, for editors and for
/// `coopzone schema`, built from the format's tables (`ScenarioFormat`).
/// `Docs/scenario.schema.json` is this text (a test keeps them equal). The schema checks the
/// shape of a file: the keys allowed at each level, types, enumerations; the loader checks the
/// rest (references between ids, ranges by unit, stage timelines, levers). Items that `extends`
/// merges require only their identity keys (`id`, `code`, `sector`…), so that a file with
/// `extends`, which gives only what it changes, validates.
public enum ScenarioSchema {
    /// The schema, as JSON text (two-space indentation, no final newline).
    public static let json: String = document.pretty()

    /// The schema as a value.
    static var document: SchemaJSON {
        let top = ScenarioFormat.top
        var root: [(String, SchemaJSON)] = [
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("title", .string(top.title)),
        ]
        if let description = top.description { root.append(("description", .string(description))) }
        root += [
            ("type", .string("object")),
            ("properties", properties(of: top)),
            ("additionalProperties", .bool(false)),
            ("if", .object([("required", .array([.string("extends")]))])),
            ("then", .object([("description", .string("a file that extends another needs only what it changes"))])),
            ("else", .object([("required", .array(top.fields.filter { $0.required == .yes }.map { .string($0.key) }))])),
            ("$defs", .object(ScenarioFormat.levels.filter { $0.name != "top" }.map { ($0.name, definition(of: $0)) } + commonDefinitions)),
        ]
        return .object(root)
    }

    static func definition(of level: FormatLevel) -> SchemaJSON {
        var object: [(String, SchemaJSON)] = [("title", .string(level.title))]
        if let description = level.description { object.append(("description", .string(description))) }
        object += [("type", .string("object")), ("properties", properties(of: level)), ("additionalProperties", .bool(false))]
        let required = level.schemaRequired
        if !required.isEmpty { object.append(("required", .array(required.map(SchemaJSON.string)))) }
        return .object(object + level.extras)
    }

    static func properties(of level: FormatLevel) -> SchemaJSON {
        var properties = level.fields.map { ($0.key, property($0, in: level)) }
        if level.provenance {
            properties += ScenarioFormat.provenance.map { ($0.key, .object([("$ref", .string("#/$defs/provenance/properties/\($0.key)"))])) }
        }
        return .object(properties)
    }

    /// The description the schema gives a key: its doc, its unit and range, whether it is required, its default.
    static func description(of field: FormatField, in level: FormatLevel) -> String {
        var text = field.doc
        if let rule = field.numberRule { text += " Unit: \(rule.unit.rawValue); range \(rangeText(rule.range))." }
        if field.required == .yes {
            let enforced = level.name == "top" || !level.partial || level.identity.contains(field.key)
            text += enforced ? " Required." : " Required (checked by the loader; not enforced here, so that an 'extends' file may leave it out)."
        }
        if let defaultText = field.defaultText { text += " Default: \(defaultText)." }
        return text.trimmingCharacters(in: .whitespaces)
    }

    static func property(_ field: FormatField, in level: FormatLevel) -> SchemaJSON {
        let description = description(of: field, in: level)
        let head: [(String, SchemaJSON)] = description.isEmpty ? [] : [("description", .string(description))]
        return .object(head + type(of: field.kind))
    }

    static func ref(_ name: String) -> SchemaJSON { .object([("$ref", .string("#/$defs/\(name)"))]) }

    static func integer(_ range: ClosedRange<Int>) -> [(String, SchemaJSON)] {
        [("type", .string("integer")), ("minimum", .int(range.lowerBound)), ("maximum", .int(range.upperBound))]
    }

    /// The schema keywords for a kind of value.
    static func type(of kind: FieldKind) -> [(String, SchemaJSON)] {
        switch kind {
        case .number: [("$ref", .string("#/$defs/number"))]
        case .plainNumber: [("$ref", .string("#/$defs/plainNumber"))]
        case .year: integer(ScenarioFormat.years)
        case .wholeNumber(let range): integer(range)
        case .version(let version): [("type", .string("integer")), ("const", .int(version))]
        case .text(let pattern): [("type", .string("string"))] + (pattern.map { [("pattern", .string($0))] } ?? [])
        case .id: [("$ref", .string("#/$defs/id"))]
        case .reference: [("type", .string("string"))]
        case .boolean: [("type", .string("boolean"))]
        case .choice(let values, _): [("enum", .array(values.map(SchemaJSON.string)))]
        case .texts: [("type", .string("array")), ("items", .object([("type", .string("string"))]))]
        case .list(let level): [("type", .string("array")), ("items", ref(level))]
        case .mapping(let level): [("$ref", .string("#/$defs/\(level)"))]
        case .series: [("$ref", .string("#/$defs/series"))]
        case .bySector(_, let definition): [("$ref", .string("#/$defs/\(definition)"))]
        case .stageStart: [("oneOf", .array([.object(integer(ScenarioFormat.years)), ref("start")]))]
        case .evaluators: [("$ref", .string("#/$defs/evaluators"))]
        case .keyed(let definition, _): [("$ref", .string("#/$defs/\(definition)"))]
        case .locator: [("type", .array([.string("string"), .string("number")]))]
        case .unitName: [("enum", .array(Unit.allCases.map { .string($0.rawValue) }))]
        case .numbers(let count):
            [("type", .string("array")), ("items", ref("plainNumber")), ("minItems", .int(count)), ("maxItems", .int(count))]
        }
    }

    /// A range as the reference writes it: "0–1", "≥ 0", "−0.99–10".
    static func rangeText(_ range: ClosedRange<Double>?) -> String {
        guard let range else { return "any" }
        if range.upperBound == .greatestFiniteMagnitude { return "≥ \(bound(range.lowerBound))" }
        return "\(bound(range.lowerBound))–\(bound(range.upperBound))"
    }

    static func bound(_ value: Double) -> String {
        var text = value == value.rounded() ? String(Int(value)) : String(format: "%.6f", value)
        if text.contains(".") { while text.hasSuffix("0") { text.removeLast() } }
        return text.replacingOccurrences(of: "-", with: "−")
    }

    /// The definitions that are not levels: provenance, ids, numbers, series, maps by sector, evaluators.
    static var commonDefinitions: [(String, SchemaJSON)] {
        let provenance = ScenarioSchema.provenanceDefinition
        func bySector(_ description: String) -> SchemaJSON {
            .object([
                ("description", .string(description)), ("type", .string("object")),
                ("properties", .object(ScenarioFormat.provenance.map { ($0.key, .object([("$ref", .string("#/$defs/provenance/properties/\($0.key)"))])) })),
                ("additionalProperties", ref("number")),
            ])
        }
        return [
            ("provenance", provenance),
            (
                "id",
                .object([
                    ("description", .string("An identifier: letters, digits, '_' and '-', at most 64 characters.")), ("type", .string("string")),
                    ("pattern", .string(#"^[0-9A-Za-z_\-\u00AA-\uFFFF]{1,64}$"#)),
                ])
            ),
            (
                "plainNumber",
                .object([
                    (
                        "description",
                        .string(
                            "A plain number. '_' may separate digits (3_900_000); YAML 1.2 tools read such a number as text, so the text form is accepted here. Percentages ('15%') and quoted numbers are errors: write 0.15."
                        )
                    ),
                    (
                        "anyOf",
                        .array([
                            .object([("type", .string("number"))]),
                            .object([("type", .string("string")), ("pattern", .string(#"^[+-]?[0-9][0-9_]*(\.[0-9_]*)?([eE][+-]?[0-9]+)?$"#))]),
                        ])
                    ),
                ])
            ),
            (
                "number",
                .object([
                    (
                        "description",
                        .string(
                            "A number: plain (0.15), or a mapping with its provenance and an optional distribution ({value: 0.15, source: pwc, at: \"Uzbekistan, 2023\"}, {value: 0.5, assumption: \"…\"}, {triangular: [0.1, 0.2, 0.4], assumption: \"…\"}). Null means absent (useful to drop an inherited value in an 'extends' file)."
                        )
                    ),
                    ("anyOf", .array([ref("plainNumber"), ref("quantity"), .object([("type", .string("null"))])])),
                ])
            ),
            (
                "series",
                .object([
                    (
                        "description",
                        .string("Values by calendar year, years increasing: {2020: 581.0, 2021: 625.2}. Each value is a number in any of its forms.")
                    ),
                    ("type", .string("object")), ("propertyNames", .object([("pattern", .string("^[0-9]{4}$"))])), ("additionalProperties", ref("number")),
                ])
            ),
            ("amountsBySector", bySector("Money per year by sector id; the keys must be ids of 'sectors'.")),
            ("dutiesBySector", bySector("Import duty rates by sector id (fractions 0–1); the keys must be ids of 'sectors'.")),
            (
                "concordance",
                .object([
                    (
                        "description",
                        .string(
                            "Scenario sector id → the input–output table's sector labels it sums (one label or a list); table sectors listed nowhere are summed into the rest of the economy."
                        )
                    ),
                    ("type", .string("object")),
                    (
                        "additionalProperties",
                        .object([
                            (
                                "anyOf",
                                .array([
                                    .object([("type", .string("string"))]),
                                    .object([("type", .string("array")), ("items", .object([("type", .string("string"))]))]),
                                ])
                            )
                        ])
                    ),
                ])
            ),
            (
                "textsById",
                .object([
                    ("description", .string("An id of the scenario (a lever, country code, region, zone or sector) → its text in the language.")),
                    ("type", .string("object")), ("additionalProperties", .object([("type", .string("string"))])),
                ])
            ),
            (
                "tableRows",
                .object([
                    (
                        "description",
                        .string(
                            "Row label → one number per column, in the order of 'columns': plain, or in mapping form with a distribution that Monte Carlo and sensitivity vary; null (~) leaves a cell empty."
                        )
                    ),
                    ("type", .string("object")),
                    ("additionalProperties", .object([("type", .string("array")), ("items", ref("number"))])),
                ])
            ),
            (
                "evaluators",
                .object([
                    (
                        "description",
                        .string(
                            "Evaluator ids mapped to their parameter overrides (an empty mapping {} keeps every default). Parameter names and ranges are checked when the scenario is run: see 'coopzone evaluators'."
                        )
                    ),
                    ("type", .array([.string("object"), .string("null")])),
                    (
                        "additionalProperties",
                        .object([
                            ("type", .array([.string("object"), .string("null")])),
                            ("additionalProperties", .object([("anyOf", .array([ref("number"), .object([("type", .string("string"))])]))])),
                        ])
                    ),
                ])
            ),
        ]
    }

    /// The provenance keys, defined once; every level that takes them refers to these.
    static var provenanceDefinition: SchemaJSON {
        .object([
            ("title", .string("provenance keys")),
            (
                "description",
                .string(
                    "The keys that say where the numbers of a mapping come from; plain numbers inside inherit them (see Docs/scenario-format.md#provenance).")
            ),
            ("type", .string("object")),
            ("properties", .object(ScenarioFormat.provenance.map { ($0.key, property($0, in: ScenarioFormat.quantity)) })),
        ])
    }
}

/// A JSON value with ordered keys, for the schema.
indirect enum SchemaJSON: Sendable, Equatable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case array([SchemaJSON])
    case object([(String, SchemaJSON)])

    static func == (a: SchemaJSON, b: SchemaJSON) -> Bool {
        switch (a, b) {
        case (.string(let x), .string(let y)): x == y
        case (.int(let x), .int(let y)): x == y
        case (.bool(let x), .bool(let y)): x == y
        case (.array(let x), .array(let y)): x == y
        case (.object(let x), .object(let y)): x.map(\.0) == y.map(\.0) && x.map(\.1) == y.map(\.1)
        default: false
        }
    }

    /// Two-space indented text, one key or item a line.
    func pretty(indent: String = "") -> String {
        let inner = indent + "  "
        switch self {
        case .string(let text): return Self.quote(text)
        case .int(let value): return String(value)
        case .bool(let value): return value ? "true" : "false"
        case .array(let items):
            if items.isEmpty { return "[]" }
            return "[\n" + items.map { inner + $0.pretty(indent: inner) }.joined(separator: ",\n") + "\n\(indent)]"
        case .object(let entries):
            if entries.isEmpty { return "{}" }
            return "{\n" + entries.map { inner + Self.quote($0.0) + ": " + $0.1.pretty(indent: inner) }.joined(separator: ",\n") + "\n\(indent)}"
        }
    }

    /// A JSON string literal, by Foundation's writer (non-ASCII text stays as it is).
    static func quote(_ text: String) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes])) ?? Data("[\"\"]".utf8)
        return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
    }
}
