import CoopZoneTestSupport
import Foundation
import Testing

@testable import CoopZoneCore

/// Keeps the JSON Schema, its copy in Docs/, the format reference and the decoder in step with
/// the format's tables (`ScenarioFormat`), the format's one definition.
struct ScenarioSchemaTests {
    static let updatingDocs = ProcessInfo.processInfo.environment["COOPZONE_UPDATE_DOCS"] == "1"

    /// The schema as Swift values (dictionaries, arrays, strings, Int, Bool).
    static func native(_ value: SchemaJSON) -> Any {
        switch value {
        case .string(let s): s
        case .int(let i): i
        case .bool(let b): b
        case .array(let items): items.map(native)
        case .object(let entries): Dictionary(entries.map { ($0.0, native($0.1)) }, uniquingKeysWith: { a, _ in a })
        }
    }

    static func schema() throws -> [String: Any] {
        try #require(native(ScenarioSchema.document) as? [String: Any], "the schema's root is not an object")
    }

    static func object(_ definition: String?, in schema: [String: Any]) throws -> [String: Any] {
        guard let definition, definition != "top" else { return schema }
        let defs = try #require(schema["$defs"] as? [String: Any], "the schema has no $defs")
        return try #require(defs[definition] as? [String: Any], "the schema has no $defs/\(definition)")
    }

    static func enumeration(_ path: [String], in schema: [String: Any]) throws -> [String] {
        var node: Any = schema
        for key in path { node = try #require((node as? [String: Any])?[key], "no '\(key)' in \(path.joined(separator: "/"))") }
        return try #require((node as? [String: Any])?["enum"] as? [String], "no string enum at \(path.joined(separator: "/"))")
    }

    static func property(_ level: String, _ key: String) throws -> [String: Any] {
        let properties = try #require(try object(level, in: schema())["properties"] as? [String: Any])
        return try #require(properties[key] as? [String: Any], "no \(key) in \(level)")
    }

    @Test func schemaIsDraft2020JSON() throws {
        let object = try JSONSerialization.jsonObject(with: Data(ScenarioSchema.json.utf8)) as? [String: Any]
        #expect(object?["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect(object?["$defs"] is [String: Any])
    }

    @Test(arguments: ScenarioFormat.levels.map(\.name))
    func schemaObjectHasExactlyTheKeysOfTheLevel(_ name: String) throws {
        let level = try #require(ScenarioFormat.level(name))
        let object = try Self.object(level.name, in: try Self.schema())
        let properties = try #require(object["properties"] as? [String: Any], "\(level.name) has no properties")
        #expect(Set(properties.keys) == Set(level.allowedKeys))
        #expect(object["additionalProperties"] as? Bool == false, "\(level.name) must forbid other keys")
    }

    @Test func provenanceIsDefinedOnceAndReferredTo() throws {
        // The four keys sit once under $defs/provenance; a level that takes them refers there.
        let text = ScenarioSchema.json
        #expect(text.components(separatedBy: "\"Flags the numbers inside this mapping as an assumption").count - 1 == 1)
        #expect(try Self.property("region", "assumption")["$ref"] as? String == "#/$defs/provenance/properties/assumption")
    }

    @Test func enumerationsMatchTheModel() throws {
        let schema = try Self.schema()
        #expect(try Self.enumeration(["$defs", "zone", "properties", "kind"], in: schema) == ZoneKind.allCases.map(\.rawValue))
        #expect(try Self.enumeration(["$defs", "flow", "properties", "direction"], in: schema) == ["export", "import"])
        #expect(try Self.enumeration(["$defs", "tariff", "properties", "direction"], in: schema) == ["export", "import"])
        #expect(try Self.enumeration(["$defs", "tariff", "properties", "rule"], in: schema) == ["new_rate", "maximum_rate", "linear_cut", "swiss"])
        #expect(try Self.enumeration(["$defs", "quantity", "properties", "unit"], in: schema) == Unit.allCases.map(\.rawValue))
    }

    @Test func normalDistributionKeysMatchTheDecoder() throws {
        let normal = try Self.object("normal", in: try Self.schema())
        let properties = try #require(normal["properties"] as? [String: Any])
        // Fields.distribution reads exactly these four keys of `normal:`, each required.
        #expect(Set(properties.keys) == ["mean", "sd", "low", "high"])
        #expect(normal["required"] as? [String] == ["mean", "sd", "low", "high"])
    }

    /// Units, ranges, defaults and requirements in the schema are the table's. Worked by hand from
    /// the rules in DecodeContext.swift: growth is −0.99…10 a year, a Swiss `a` 0.000001…10, a
    /// stage's duration 1…100 years, a sector's name defaults to its id.
    @Test func rangesUnitsAndDefaultsInTheSchemaAreTheTables() throws {
        #expect(
            (try Self.property("region", "labour_force_growth")["description"] as? String)?
                .hasSuffix("Unit: fraction_per_year; range −0.99–10.") == true)
        #expect((try Self.property("tariff", "a")["description"] as? String)?.hasSuffix("Unit: fraction; range 0.000001–10.") == true)
        #expect((try Self.property("fiscal", "land_tax")["description"] as? String)?.hasSuffix("Unit: usd_million_per_ha_per_year; range ≥ 0.") == true)
        let duration = try Self.property("stage", "duration")
        #expect(duration["minimum"] as? Int == 1 && duration["maximum"] as? Int == 100)
        #expect((try Self.property("sector", "name")["description"] as? String) == "Display name. Default: the id.")
        // Every row: a number's unit and range, a whole number's bounds, a default, in the schema as in the table.
        for level in ScenarioFormat.levels {
            for field in level.fields {
                let property = try Self.property(level.name, field.key)
                let description = property["description"] as? String ?? ""
                if let rule = field.numberRule {
                    #expect(description.contains("Unit: \(rule.unit.rawValue); range \(ScenarioSchema.rangeText(rule.range))."), "\(level.name).\(field.key)")
                }
                if let range = field.integerRange {
                    #expect(property["minimum"] as? Int == range.lowerBound && property["maximum"] as? Int == range.upperBound, "\(level.name).\(field.key)")
                }
                if let value = field.defaultText { #expect(description.hasSuffix("Default: \(value)."), "\(level.name).\(field.key)") }
                let required = (try Self.object(level.name, in: try Self.schema())["required"] as? [String] ?? []).contains(field.key)
                #expect(required == (field.required == .yes && (!level.partial || level.identity.contains(field.key))), "\(level.name).\(field.key)")
            }
        }
        // The decoder reads by the same rules: a share's range is 0…1.
        #expect(ScenarioFormat.link.field("loss_share")?.numberRule?.range == 0...1)
    }

    @Test(arguments: shippedScenarios())
    func everyShippedScenarioValidatesAgainstTheSchema(_ path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let tree = try YAMLTree.parse(text, file: path).get()
        let validator = SchemaValidator(root: try Self.schema())
        let problem = validator.problem(SchemaValidator.json(tree))
        #expect(problem == nil, "\(problem ?? "")")
    }

    /// Documents the schema must refuse, each one mistake away from a valid scenario.
    static let refused: [(String, String)] = [
        ("unknown key in a region", "regions: [{id: a, country: AA, populaton: 5}]"),
        ("a percentage", "discount_rate: 8%"),
        ("two distributions", "discount_rate: {uniform: [0.05, 0.1], triangular: [0.05, 0.08, 0.1]}"),
        ("end and duration", "zones: [{id: z, kind: free_trade_zone, regions: [a, b], stages: [{id: s, start: 2030, end: 2031, duration: 2}]}]"),
        ("swiss without a", "zones: [{id: z, kind: free_trade_zone, regions: [a, b], stages: [{id: s, start: 2030, measures: {tariffs: [{rule: swiss}]}}]}]"),
        ("an unknown kind", "zones: [{id: z, kind: free_trade, regions: [a, b], stages: [{id: s, start: 2030}]}]"),
        ("a year out of range", "price_year: 1800"),
        ("format 2", "format: 2"),
        ("provenance at the top", "source: book"),
    ]

    @Test func theSchemaRefusesWhatItMust() throws {
        let base = """
            title: T
            horizon: {first: 2030, last: 2035}
            price_year: 2023
            discount_rate: 0.08
            sectors: [{id: goods}]
            countries: [{code: AA}, {code: BB}]
            regions: [{id: a, country: AA}, {id: b, country: BB}]
            zones: [{id: z, kind: free_trade_zone, regions: [a, b], stages: [{id: s, start: 2030}]}]
            """
        let validator = SchemaValidator(root: try Self.schema())
        #expect(validator.problem(SchemaValidator.json(try YAMLTree.parse(base, file: "base.yaml").get())) == nil)
        for (name, line) in Self.refused {
            // The line replaces the base's line with the same key, or is added.
            let key = String(line.prefix { $0 != ":" })
            let lines = base.components(separatedBy: "\n").filter { !$0.hasPrefix(key + ":") } + [line]
            let tree = try YAMLTree.parse(lines.joined(separator: "\n"), file: "refused.yaml").get()
            #expect(validator.problem(SchemaValidator.json(tree)) != nil, "the schema accepts \(name)")
        }
    }

    @Test func docsCopyEqualsTheSchema() throws {
        let url = packageRoot.appendingPathComponent("Docs/scenario.schema.json")
        if Self.updatingDocs { try (ScenarioSchema.json + "\n").write(to: url, atomically: true, encoding: .utf8) }
        let copy = try String(contentsOf: url, encoding: .utf8)
        #expect(
            copy == ScenarioSchema.json + "\n",
            "Docs/scenario.schema.json differs from the schema: regenerate it with 'coopzone schema > Docs/scenario.schema.json' (or COOPZONE_UPDATE_DOCS=1 swift test --filter ScenarioSchemaTests)"
        )
    }

    @Test func referenceKeyTablesAreCurrent() throws {
        let url = packageRoot.appendingPathComponent("Docs/scenario-format.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        let (updated, missing) = ScenarioFormat.updatingReference(text)
        #expect(missing.isEmpty, "Docs/scenario-format.md has no '<!-- format-table NAME -->' … '<!-- /format-table -->' for \(missing)")
        if Self.updatingDocs, updated != text { try updated.write(to: url, atomically: true, encoding: .utf8) }
        #expect(
            Self.updatingDocs || updated == text,
            "the key tables of Docs/scenario-format.md are not the format's: regenerate them with COOPZONE_UPDATE_DOCS=1 swift test --filter ScenarioSchemaTests"
        )
    }

    @Test func aTableRowIsWrittenFromItsField() {
        // The reference's row for a link's loss_share, as the table's row gives it.
        let table = ScenarioFormat.markdownTable(ScenarioFormat.link)
        #expect(
            table.contains(
                "| `loss_share` | [number](#number-forms) | `fraction`, 0–1 | no | — | Share of perishable goods lost between field and market. | `loss_share: 0.25` |"
            ))
        #expect(
            table.hasSuffix(
                "| `source`, `at`, `assumption`, `note` | text | | no | inherited | [Provenance](#provenance) of the numbers inside this mapping. | `source: book` |"
            ))
    }

    @Test func formatReferenceMentionsEveryEnumerationValue() throws {
        let url = packageRoot.appendingPathComponent("Docs/scenario-format.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        let values = ZoneKind.allCases.map(\.rawValue) + FlowDirection.allCases.map(\.rawValue) + ScenarioFormat.tariffRules + Unit.allCases.map(\.rawValue)
        let missing = values.filter { !text.contains("`\($0)`") }
        #expect(missing.isEmpty, "Docs/scenario-format.md does not mention: \(missing)")
    }
}
