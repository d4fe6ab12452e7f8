import CoopZoneCore
import CoopZoneTestSupport
import Foundation
import Testing

@testable import CoopZoneExternal

/// The value at a path of the JSON.
func resolve(_ path: [JSONValue], in root: JSONValue) -> JSONValue? {
    var node: JSONValue? = root
    for component in path {
        switch component {
        case .string(let key): node = node?[key]
        case .number(let index): node = node?.arrayItems.flatMap { Int(index) < $0.count ? $0[Int(index)] : nil }
        default: return nil
        }
    }
    return node
}

struct ScenarioEncodingTests {
    @Test(arguments: shippedScenarios())
    func everyNumberOfTheScenarioIsAtItsPathInTheJSON(file: String) throws {
        let scenario = try ScenarioLoader.loadOrThrow(file: file)
        let encoding = ScenarioEncoding(scenario)
        let json = try JSONParser.parse(encoding.json)
        #expect(json["horizon"]?["first"] == .number(Double(scenario.horizon.lowerBound)))
        #expect(json["regions"]?.arrayItems?.count == scenario.regions.count)
        for leaf in encoding.leaves {
            let path = try #require(try JSONParser.parse(leaf.path).arrayItems)
            let value = resolve(path, in: json)
            #expect(value == (leaf.base.map(JSONValue.number) ?? .null), "\(leaf.path)")
        }
        // Every number of the scenario's model is sent (evaluator parameters travel as parameters).
        let sent = Set(encoding.leaves.compactMap { if case .slot(let s) = $0.source { s } else { nil } })
        let modelSlots = scenario.inputs.indices.filter { !scenario.inputs[$0].path.hasPrefix("evaluators.") }
        #expect(Set(modelSlots).subtracting(sent).isEmpty, "\(Set(modelSlots).subtracting(sent).map { scenario.inputs[$0].path })")
        #expect(encoding.changes(for: scenario) == "[]")
    }

    /// The keys of an object of the JSON, in order.
    func keys(_ value: JSONValue?) -> [String] {
        if case .object(let pairs)? = value { return pairs.map(\.0) }
        return []
    }

    @Test func keysAreSentInTheFormatsOrderWithTheProtocolsOwn() throws {
        // The order of each level's table in ScenarioFormat, as the protocol has always sent it: `file` first,
        // `content_hash` after `extends`, a stage's `first_year` and `last_year` after `duration`;
        // `format`, `evaluators` and `levers` are not sent (parameters travel with the request).
        let scenario = try ScenarioLoader.loadOrThrow(file: growthTriangle)
        let json = try JSONParser.parse(ScenarioEncoding(scenario).json)
        #expect(
            keys(json) == [
                "file", "title", "description", "authors", "sources", "extends", "content_hash", "horizon", "price_year",
                "currency", "discount_rate", "sectors", "countries", "regions", "input_output", "links", "zones",
            ])
        // An input–output table goes as its checked coefficients, inline, whatever the file gave (so no `file`).
        let table = json["input_output"]?.arrayItems?.first
        #expect(keys(table) == ["id", "country", "year", "unit", "values", "table", "household_income", "concordance"])
        #expect(
            keys(table?["table"]?["rows"]) == ["agriculture", "textiles", "machinery", "rest", "labour_income", "value_added", "employment", "gross_output"])
        let stage = json["zones"]?.arrayItems?.first?["stages"]?.arrayItems?.first
        #expect(keys(stage) == ["id", "name", "start", "end", "duration", "first_year", "last_year", "measures", "incentives"].filter { stage?[$0] != nil })
        #expect(keys(stage).starts(with: ["id", "name", "start"]))
        #expect(keys(stage).suffix(4) == ["first_year", "last_year", "measures", "incentives"])
        let link = json["links"]?.arrayItems?.first
        #expect(keys(link).prefix(3) == ["id", "from", "to"] && keys(link).last == "flows")
        #expect(keys(json["countries"]?.arrayItems?.first).prefix(3) == ["code", "name", "fiscal"])
    }

    @Test func aDrawIsSentAsTheNumbersThatDifferFromTheScenario() throws {
        let scenario = try ScenarioLoader.loadOrThrow(file: gravityScenario)
        let encoding = ScenarioEncoding(scenario)
        let slot = try #require(scenario.inputs.firstIndex { $0.path == "links.andijan_osh.distance_km" })
        var values = scenario.values
        values[slot] = 72.5
        let changes = try JSONParser.parse(encoding.changes(for: scenario.with(values: values)))
        #expect(changes == .array([.object([("path", .array([.string("links"), .number(0), .string("distance_km")])), ("value", .number(72.5))])]))
    }

    @Test func stageYearsThatDependOnSpendingAreResentWhenADrawMovesThem() throws {
        let text = """
            format: 1
            title: Spending start
            horizon: {first: 2030, last: 2040}
            price_year: 2030
            discount_rate: 0.08
            sectors: [{id: goods}]
            countries: [{code: AA}, {code: BB}]
            regions: [{id: a, country: AA}, {id: b, country: BB}]
            zones:
              - id: z
                kind: free_trade_zone
                regions: [a, b]
                stages:
                  - {id: build, start: 2030, end: 2032, measures: {infrastructure: [{country: AA, amount_per_year: 10}]}}
                  - {id: run, start: {infrastructure_spending: 25}}
            """
        let scenario = try ScenarioLoader.loadOrThrow(text: text, file: "spending.yaml")
        let encoding = ScenarioEncoding(scenario)
        let json = try JSONParser.parse(encoding.json)
        // 10 a year from 2030 to 2032: 20 spent by the end of 2031, 30 by the end of 2032, so 'run' starts in 2033
        // (the year after 25 is reached).
        let run = json["zones"]?.arrayItems?.first?["stages"]?.arrayItems?.last
        #expect(run?["first_year"] == .number(2033))
        // At 8 a year, 24 is spent by the end of 2032, when 'build' ends: 'run' never starts, so its years become null.
        let slot = try #require(scenario.inputs.firstIndex { $0.path.hasSuffix("amount_per_year") })
        var values = scenario.values
        values[slot] = 8
        let changes = try JSONParser.parse(encoding.changes(for: scenario.with(values: values)))
        let items = try #require(changes.arrayItems)
        let stagePath: [JSONValue] = [.string("zones"), .number(0), .string("stages"), .number(1)]
        #expect(items.contains { $0["path"] == .array(stagePath + [.string("first_year")]) && $0["value"] == .null })
        #expect(items.contains { $0["path"] == .array(stagePath + [.string("last_year")]) && $0["value"] == .null })
    }

    @Test func tradeTotalsAreSentWithTheCountryAndADrawMovesThem() throws {
        // The Andijan–Osh scenario (which the example extends) gives UZ's total exports of clothing as 1300.
        let scenario = try ScenarioLoader.loadOrThrow(file: gravityScenario)
        let encoding = ScenarioEncoding(scenario)
        let json = try JSONParser.parse(encoding.json)
        let uz = json["countries"]?.arrayItems?.first
        #expect(uz?["code"] == .string("UZ"))
        #expect(uz?["trade_totals"]?["year"] == .number(2022))
        #expect(uz?["trade_totals"]?["exports"]?["clothing"] == .number(1300))
        let slot = try #require(scenario.inputs.firstIndex { $0.path == "countries.UZ.trade_totals.imports.engineering" })
        var values = scenario.values
        values[slot] = 8000
        let changes = try JSONParser.parse(encoding.changes(for: scenario.with(values: values)))
        let path: [JSONValue] = [.string("countries"), .number(0), .string("trade_totals"), .string("imports"), .string("engineering")]
        #expect(changes == .array([.object([("path", .array(path)), ("value", .number(8000))])]))
    }
}
