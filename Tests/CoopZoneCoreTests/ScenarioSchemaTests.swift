import CoopZoneTestSupport
import Foundation
import Testing
@testable import CoopZoneCore

/// Keeps the JSON Schema, its copy in Docs/ and the format reference in step with the
/// decoder's `Keys`, the format's one definition.
struct ScenarioSchemaTests {
    /// One level of the format: the `Keys` list, the schema object that describes it, and
    /// whether the decoder also accepts the provenance keys (`source`, `at`, `assumption`, `note`) there.
    struct Level: Sendable, CustomTestStringConvertible {
        let name: String
        let keys: [String]
        let definition: String?
        let provenance: Bool
        var testDescription: String { name }
    }

    /// Every mapping level of `ScenarioDecoder.Keys`; `definition` nil is the schema's root.
    static let levels: [Level] = {
        typealias K = ScenarioDecoder.Keys
        return [
            Level(name: "top", keys: K.top, definition: nil, provenance: false),
            Level(name: "source", keys: K.source, definition: "source", provenance: false),
            Level(name: "horizon", keys: K.horizon, definition: "horizon", provenance: false),
            Level(name: "sector", keys: K.sector, definition: "sector", provenance: false),
            Level(name: "country", keys: K.country, definition: "country", provenance: true),
            Level(name: "fiscal", keys: K.fiscal, definition: "fiscal", provenance: true),
            Level(name: "tradeTotals", keys: K.tradeTotals, definition: "tradeTotals", provenance: true),
            Level(name: "region", keys: K.region, definition: "region", provenance: true),
            Level(name: "regionSector", keys: K.regionSector, definition: "regionSector", provenance: true),
            Level(name: "link", keys: K.link, definition: "link", provenance: true),
            Level(name: "flow", keys: K.flow, definition: "flow", provenance: true),
            Level(name: "zone", keys: K.zone, definition: "zone", provenance: true),
            Level(name: "stage", keys: K.stage, definition: "stage", provenance: true),
            Level(name: "start", keys: K.start, definition: "start", provenance: true),
            Level(name: "measures", keys: K.measures, definition: "measures", provenance: true),
            Level(name: "tariff", keys: K.tariff, definition: "tariff", provenance: true),
            Level(name: "borderTime", keys: K.borderTime, definition: "borderTime", provenance: true),
            Level(name: "logistics", keys: K.logistics, definition: "logistics", provenance: true),
            Level(name: "storage", keys: K.storage, definition: "storage", provenance: true),
            Level(name: "shadow", keys: K.shadow, definition: "shadow", provenance: true),
            Level(name: "infrastructure", keys: K.infrastructure, definition: "infrastructure", provenance: true),
            Level(name: "incentives", keys: K.incentives, definition: "incentives", provenance: true),
            Level(name: "investment", keys: K.investment, definition: "investment", provenance: true),
            Level(name: "lever", keys: K.lever, definition: "lever", provenance: false),
            Level(name: "quantity", keys: Fields.quantityKeys, definition: "quantity", provenance: true),
        ]
    }()


    static func schema() throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(ScenarioSchema.json.utf8))
        return try #require(object as? [String: Any], "the schema's root is not a JSON object")
    }

    static func object(_ definition: String?, in schema: [String: Any]) throws -> [String: Any] {
        guard let definition else { return schema }
        let defs = try #require(schema["$defs"] as? [String: Any], "the schema has no $defs")
        return try #require(defs[definition] as? [String: Any], "the schema has no $defs/\(definition)")
    }

    static func enumeration(_ path: [String], in schema: [String: Any]) throws -> [String] {
        var node: Any = schema
        for key in path { node = try #require((node as? [String: Any])?[key], "no '\(key)' in \(path.joined(separator: "/"))") }
        return try #require((node as? [String: Any])?["enum"] as? [String], "no string enum at \(path.joined(separator: "/"))")
    }

    @Test func schemaIsDraft2020JSON() throws {
        let schema = try Self.schema()
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect(schema["$defs"] is [String: Any])
    }

    @Test(arguments: levels)
    func schemaObjectHasExactlyTheDecoderKeys(_ level: Level) throws {
        let object = try Self.object(level.definition, in: try Self.schema())
        let properties = try #require(object["properties"] as? [String: Any], "\(level.name) has no properties")
        let expected = Set(level.keys + (level.provenance ? Fields.provenanceKeys : []))
        let found = Set(properties.keys)
        #expect(found.subtracting(expected).isEmpty, "keys in the schema but not allowed by the decoder: \(found.subtracting(expected).sorted())")
        #expect(expected.subtracting(found).isEmpty, "keys allowed by the decoder but missing from the schema: \(expected.subtracting(found).sorted())")
        #expect(object["additionalProperties"] as? Bool == false, "\(level.name) must forbid other keys")
    }

    @Test func enumerationsMatchTheModel() throws {
        let schema = try Self.schema()
        #expect(try Self.enumeration(["$defs", "zone", "properties", "kind"], in: schema) == ZoneKind.allCases.map(\.rawValue))
        #expect(try Self.enumeration(["$defs", "flow", "properties", "direction"], in: schema) == FlowDirection.allCases.map(\.rawValue))
        #expect(try Self.enumeration(["$defs", "tariff", "properties", "direction"], in: schema) == FlowDirection.allCases.map(\.rawValue))
        #expect(try Self.enumeration(["$defs", "tariff", "properties", "rule"], in: schema) == ScenarioDecoder.Keys.tariffRules)
        #expect(try Self.enumeration(["$defs", "quantity", "properties", "unit"], in: schema) == Unit.allCases.map(\.rawValue))
    }

    @Test func normalDistributionKeysMatchTheDecoder() throws {
        let normal = try Self.object("normal", in: try Self.schema())
        let properties = try #require(normal["properties"] as? [String: Any])
        // Fields.distribution reads exactly these four keys of `normal:`.
        #expect(Set(properties.keys) == ["mean", "sd", "low", "high"])
    }

    @Test func docsCopyEqualsTheSchema() throws {
        let url = packageRoot.appendingPathComponent("Docs/scenario.schema.json")
        let copy = try String(contentsOf: url, encoding: .utf8)
        #expect(copy.trimmingCharacters(in: .newlines) == ScenarioSchema.json.trimmingCharacters(in: .newlines),
                "Docs/scenario.schema.json differs from ScenarioSchema.json: regenerate it with 'coopzone schema > Docs/scenario.schema.json'")
    }

    @Test(arguments: levels)
    func formatReferenceMentionsEveryKey(_ level: Level) throws {
        let url = packageRoot.appendingPathComponent("Docs/scenario-format.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        let keys = level.keys + (level.provenance ? Fields.provenanceKeys : [])
        let missing = keys.filter { !text.contains("`\($0)`") }
        #expect(missing.isEmpty, "Docs/scenario-format.md does not mention (in backticks) these keys of \(level.name): \(missing)")
    }

    @Test func formatReferenceMentionsEveryEnumerationValue() throws {
        let url = packageRoot.appendingPathComponent("Docs/scenario-format.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        let values = ZoneKind.allCases.map(\.rawValue) + FlowDirection.allCases.map(\.rawValue) + ScenarioDecoder.Keys.tariffRules
            + Unit.allCases.map(\.rawValue)
        let missing = values.filter { !text.contains("`\($0)`") }
        #expect(missing.isEmpty, "Docs/scenario-format.md does not mention: \(missing)")
    }
}
