import CoopZoneCore
import Foundation
import Testing

@testable import CoopZoneExternal

/// Decodes `response` as the answer to request 5 with `draws` draws, for the demo manifest.
func decode(_ response: String, draws: Int = 1) throws -> [Result<EvaluationResult, EvaluatorFailure>] {
    let manifest = try parseManifest(goodManifest + "headlines:\n  demo_total: {unit: usd_million, summary: Total}\n").get()
    let scenario = try ScenarioLoader.loadOrThrow(file: andijanOsh)
    do {
        return try ExternalProtocol.decodeResponse(Array(response.utf8), id: 5, draws: draws, descriptor: manifest.descriptor, scenario: scenario)
    } catch {
        throw error
    }
}

/// The message of the error `response` is refused with.
func refusal(_ response: String, draws: Int = 1) -> String {
    do {
        _ = try decode(response, draws: draws)
        return "accepted"
    } catch let error as ExternalError {
        return error.description
    } catch {
        return "\(error)"
    }
}

let row = #"{"metric":"demo_value","unit":"usd_million","year":2030,"link":"andijan_osh","value":2.5}"#

struct ExternalProtocolTests {
    @Test func aValidResponseBecomesResultsInTheBuiltInShape() throws {
        let results = try decode(
            #"{"protocol_version":1,"id":5,"results":[{"rows":[\#(row)],"headlines":[{"metric":"demo_total","unit":"usd_million","value":9}],"#
                + #""findings":[{"kind":"warning","message":"check this","input":"links.andijan_osh.distance_km"}]},{"error":"bad draw"}]}"#, draws: 2)
        let first = try results[0].get()
        #expect(
            first.rows == [
                ResultRow(evaluator: "demo", metric: "demo_value", unit: .usdMillion, year: 2030, dimensions: Dimensions(link: "andijan_osh"), value: 2.5)
            ])
        #expect(first.headlines == [Headline(evaluator: "demo", metric: "demo_total", unit: .usdMillion, value: 9)])
        #expect(first.findings.first?.location?.file.hasSuffix("andijan-osh-cross-border-free-economic-zone.yaml") == true)
        guard case .failure(let failure) = results[1] else { Issue.record("draw 2 failed in the program"); return }
        #expect(failure.evaluator == "demo" && failure.message == "the program reported an error: draw 2: bad draw")
    }

    @Test(arguments: [
        (
            #"{"protocol_version":2,"id":5,"results":[]}"#,
            "protocol version mismatch: CoopZone speaks evaluator protocol version 1, the program answered with version 2; update the program or CoopZone (see Docs/writing-an-evaluator.md, 'Protocol versions')"
        ),
        (#"{"id":5,"results":[]}"#, "the program's answer breaks the protocol: the response has no 'protocol_version'"),
        (
            #"{"protocol_version":1,"id":4,"results":[{}]}"#,
            "the program's answer breaks the protocol: the response answers request 4, not request 5 (one response line per request, in order; logs go to standard error)"
        ),
        (
            #"{"protocol_version":1,"id":5,"results":[]}"#,
            "the program's answer breaks the protocol: 'results' has 0 items for 1 draws (one per draw, in order)"
        ),
        (
            #"{"protocol_version":1,"id":5,"result":[]}"#,
            "the program's answer breaks the protocol: unknown key 'result' in the response; did you mean 'results'?"
        ),
        (#"{"protocol_version":1,"id":5,"error":{"message":"no data for this zone"}}"#, "the program reported an error: no data for this zone"),
        (#"[1]"#, "the program's answer breaks the protocol: the response is an array, not an object"),
        (
            #"{"protocol_version":1,"id":5,"results":[{"rows":[{"metric":"demo_value","unit":"usd_million_per_year","year":2030,"link":"x","value":1}]}]}"#,
            "the program's answer breaks the protocol: row 1 (metric 'demo_value') has unit 'usd_million_per_year', but the manifest declares 'usd_million' for metric 'demo_value'"
        ),
        (
            #"{"protocol_version":1,"id":5,"results":[{"rows":[{"metric":"demo_value","unit":"usd_million","year":2030,"region":"x","value":1}]}]}"#,
            "the program's answer breaks the protocol: row 1 (metric 'demo_value') has dimension 'region', which the manifest does not declare for it (declared: link)"
        ),
        (
            #"{"protocol_version":1,"id":5,"results":[{"rows":[{"metric":"demo_total","unit":"usd_million","value":1}]}]}"#,
            "the program's answer breaks the protocol: row 1: 'demo_total' is a headline; write it under 'headlines', not as a row"
        ),
        (
            #"{"protocol_version":1,"id":5,"results":[{"rows":[{"metric":"demo_value","unit":"usd_million","year":2030.5,"value":1}]}]}"#,
            "the program's answer breaks the protocol: row 1: 'year' is 2030.5, not a calendar year (or null for a value over the whole horizon)"
        ),
        (
            #"{"protocol_version":1,"id":5,"results":[{"rows":[{"metric":"demo_value","unit":"usd_million","year":2030,"value":"1"}]}]}"#,
            "the program's answer breaks the protocol: row 1: 'value' is a string, not a number"
        ),
        (
            #"{"protocol_version":1,"id":5,"results":[{"rows":[{"evaluator":"other","metric":"demo_value","unit":"usd_million","value":1}]}]}"#,
            "the program's answer breaks the protocol: row 1 names evaluator 'other', not 'demo' (leave 'evaluator' out, or write the manifest's id)"
        ),
        (
            #"{"protocol_version":1,"id":5,"results":[{"findings":[{"kind":"note","message":"x"}]}]}"#,
            "the program's answer breaks the protocol: finding 1 needs 'kind': warning, recommendation or info"
        ),
        (
            #"{"protocol_version":1,"id":5,"results":[{"findings":[{"kind":"info","message":"x","input":"links.nowhere.distance_km"}]}]}"#,
            "the program's answer breaks the protocol: finding 1 names input links.nowhere.distance_km, which is not a number of the scenario (write its path as --set takes it, e.g. links.kz_kg.distance_km)"
        ),
        (
            #"{"protocol_version":1,"id":5,"results":[{"rowz":[]}]}"#,
            "the program's answer breaks the protocol: unknown key 'rowz' in a result; did you mean 'rows'?"
        ),
        (
            #"{"protocol_version":1,"id":5,"results":[{"rows":[\#(row)]},{"rows":[{"metric":"x","unit":"usd_million","value":1}]}]}"#,
            "the program's answer breaks the protocol: draw 2: row 1 has metric 'x', which the manifest does not declare (declare every metric under 'metrics' in evaluator.yaml)"
        ),
    ])
    func aBrokenResponseIsRefusedWithWhatIsWrong(response: String, message: String) {
        let draws = response.contains("draw 2") || message.contains("draw 2") ? 2 : 1
        #expect(refusal(response, draws: draws) == message)
    }

    @Test func garbageIsMalformedJSONWithItsBeginning() {
        #expect(
            refusal("Traceback (most recent call last):")
                == "the program's answer is not valid JSON (unexpected 'T' where a value should start at byte 0; it begins: Traceback (most recent call last):); write exactly one JSON object per line on standard output, and anything else on standard error"
        )
    }

    @Test func aRequestCarriesTheProtocolTheScenarioParametersAndDraws() throws {
        let manifest = try ExternalManifest.load(directory: gravityDirectory).get()
        let scenario = try ScenarioLoader.loadOrThrow(file: gravityScenario)
        let encoding = ScenarioEncoding(scenario)
        let dependency = EvaluationResult(rows: [
            ResultRow(evaluator: "dep", metric: "m", unit: .jobs, year: nil, dimensions: Dimensions(region: "r"), value: 3)
        ])
        var descriptor = manifest.descriptor
        descriptor.dependencies = ["dep"]
        let bytes = ExternalProtocol.request(
            id: 9, descriptor: descriptor, parameters: ["km_per_border_day": .number(50)], scenarioJSON: encoding.json,
            draws: [.init(changes: "[]", dependencies: ["dep": dependency])])
        #expect(bytes.last == 0x0A && bytes.dropLast().allSatisfy { $0 != 0x0A }, "one line")
        let request = try JSONParser.parse(bytes)
        #expect(request["protocol"] == .string("coopzone-evaluator"))
        #expect(request["protocol_version"] == .number(1))
        #expect(request["type"] == .string("evaluate"))
        #expect(request["id"] == .number(9))
        #expect(request["parameters"]?["km_per_border_day"] == .number(50))
        #expect(request["parameters"]?["size_elasticity"] == .number(0.9), "defaults fill the parameters not given")
        #expect(request["scenario"]?["title"] == .string(scenario.title))
        let sent = request["draws"]?.arrayItems?.first?["dependencies"]?["dep"]?["rows"]?.arrayItems?.first
        #expect(
            sent
                == .object([
                    ("evaluator", .string("dep")), ("metric", .string("m")), ("unit", .string("jobs")), ("year", .null), ("region", .string("r")),
                    ("value", .number(3)),
                ]))
    }
}
