import CoopZoneCore
import CoopZoneEvaluators
import CoopZoneTestSupport
import Foundation
import Testing

@testable import CoopZoneReports

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The growth triangle: the shipped scenario with every evaluator's data (trade, jobs, tax expenditure).
let growthTriangle = packageRoot.appendingPathComponent("Scenarios/fergana-batken-sughd-growth-triangle.yaml").path
/// The free-trade zone: a second design for comparisons.
let freeTradeZone = packageRoot.appendingPathComponent("Scenarios/surkhandarya-khatlon-free-trade-zone.yaml").path

/// A loaded and planned scenario, and what the reports need from it.
struct Fixture {
    let scenario: Scenario
    let plan: RunPlan
    var descriptors: [EvaluatorDescriptor] { plan.evaluators.map(\.entry.descriptor) }

    init(_ path: String) throws {
        let outcome = ScenarioLoader.load(file: path)
        let scenario = try #require(outcome.scenario, "\(path): \(outcome.diagnostics.map(\.description))")
        switch Engine.plan(scenario, registry: BuiltInEvaluators.all) {
        case .success(let plan):
            self.scenario = scenario
            self.plan = plan
        case .failure(let error):
            Issue.record("\(path) does not plan: \(error.diagnostics.map(\.description))")
            throw error
        }
    }

    func run() async -> RunResult { await Engine.run(plan, on: scenario) }

    func results() async -> ResultsRenderer { ResultsRenderer(result: await run(), scenario: scenario, descriptors: descriptors) }

    func monteCarlo(draws: Int = 120, seed: UInt64 = 7, workers: Int = 2) async -> MonteCarloRenderer {
        let mc = await MonteCarlo.run(plan, on: scenario, draws: draws, seed: seed, workers: workers)
        return MonteCarloRenderer(
            result: mc, scenario: scenario, manifest: Engine.manifest(plan, scenario: scenario, seed: seed, draws: draws),
            central: await run(), descriptors: descriptors)
    }

    func sensitivity() async -> SensitivityRenderer {
        SensitivityRenderer(swings: Sensitivity.run(plan, on: scenario), scenario: scenario, central: await run(), descriptors: descriptors)
    }
}

/// Compares designs the way `coopzone compare` does.
func comparison(_ paths: [String], draws: Int? = nil) async throws -> ComparisonRenderer {
    var designs: [Comparison.Design] = [], scenarios: [Scenario] = [], descriptors: [EvaluatorDescriptor] = []
    for path in paths {
        let f = try Fixture(path)
        var mc: MonteCarloResult?
        if let draws { mc = await MonteCarlo.run(f.plan, on: f.scenario, draws: draws, seed: 3, workers: 2) }
        designs.append(Comparison.Design(file: path, title: f.scenario.title, result: await f.run(), monteCarlo: mc))
        scenarios.append(f.scenario)
        for d in f.descriptors where !descriptors.contains(where: { $0.id == d.id }) { descriptors.append(d) }
    }
    return ComparisonRenderer(Comparison(designs: designs, descriptors: descriptors), scenarios: scenarios, descriptors: descriptors)
}

/// Structural checks every HTML report must pass.
enum HTMLChecks {
    /// The number of non-overlapping occurrences of `needle`.
    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    /// The ids of the chart figures, in order.
    static func figureIDs(_ html: String) -> [String] {
        html.components(separatedBy: "<figure class=\"chart\" id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    /// The values of every `src`, `href`, `xlink:href`, `action` and `srcset` attribute.
    static func references(_ html: String) -> [String] {
        var values: [String] = []
        for attribute in [" src=\"", " href=\"", " xlink:href=\"", " action=\"", " srcset=\"", " data=\""] {
            for part in html.components(separatedBy: attribute).dropFirst() { values.append(String(part.prefix { $0 != "\"" })) }
        }
        return values
    }

    /// The `<svg>…</svg>` elements.
    static func svgs(_ html: String) -> [String] {
        html.components(separatedBy: "<svg ").dropFirst().map { "<svg " + ($0.components(separatedBy: "</svg>").first ?? "") + "</svg>" }
    }

    /// True when `xml` parses as well-formed XML.
    static func isWellFormed(_ xml: String) -> Bool {
        let parser = XMLParser(data: Data(xml.utf8))
        return parser.parse()
    }

    /// Checks a report: doctype, one `<svg>` per chart figure and each figure holding one, the
    /// promised figures, well-formed SVG, nothing referring outside the file, no script, and no
    /// `http(s)://` anywhere but in the text of a source's address.
    static func check(_ html: String, promised: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">") || html.hasPrefix("<!DOCTYPE html>\n<html lang=\"ru\">"), sourceLocation: sourceLocation)
        #expect(html.hasSuffix("</html>\n"), sourceLocation: sourceLocation)
        #expect(html.contains("<meta charset=\"utf-8\">"), sourceLocation: sourceLocation)
        #expect(html.contains("Content-Security-Policy\" content=\"default-src 'none'"), sourceLocation: sourceLocation)
        let ids = figureIDs(html)
        #expect(count("<svg", in: html) == ids.count, "one <svg per chart figure", sourceLocation: sourceLocation)
        for chunk in html.components(separatedBy: "<figure class=\"chart\"").dropFirst() {
            let figure = chunk.components(separatedBy: "</figure>").first ?? ""
            #expect(count("<svg", in: figure) == 1, "each figure holds exactly one chart", sourceLocation: sourceLocation)
            #expect(figure.contains("<figcaption>"), sourceLocation: sourceLocation)
        }
        for id in promised { #expect(ids.contains(id), "chart \(id) is missing", sourceLocation: sourceLocation) }
        #expect(Set(ids).count == ids.count, "figure ids are unique", sourceLocation: sourceLocation)
        for svg in svgs(html) {
            #expect(isWellFormed(svg), "SVG is well-formed XML: \(svg.prefix(120))", sourceLocation: sourceLocation)
            #expect(!svg.contains("NaN") && !svg.contains("Infinity"), "no NaN or infinite coordinates", sourceLocation: sourceLocation)
        }
        for reference in references(html) { #expect(reference.hasPrefix("#"), "external reference \(reference)", sourceLocation: sourceLocation) }
        #expect(!html.contains("<script"), sourceLocation: sourceLocation)
        #expect(!html.contains("<link"), sourceLocation: sourceLocation)
        #expect(!html.contains("<img"), sourceLocation: sourceLocation)
        #expect(!html.contains("@import") && !html.contains("url(http"), sourceLocation: sourceLocation)
        let withoutAddresses = html.components(separatedBy: "<span class=\"address\">").enumerated()
            .map { i, part in i == 0 ? part : String(part.drop { $0 != "<" }) }.joined()
        #expect(!withoutAddresses.contains("http://") && !withoutAddresses.contains("https://"), "URLs only as source text", sourceLocation: sourceLocation)
        #expect(!html.contains("<h1></h1>"), sourceLocation: sourceLocation)
        #expect(count("<h1>", in: html) == 1, sourceLocation: sourceLocation)
    }

    /// Checks that every assumption input of `scenario` is listed with its path and reason.
    static func listsAssumptions(_ text: String, of scenario: Scenario, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for input in scenario.inputs {
            guard case .assumption(let reason) = input.provenance else { continue }
            #expect(text.contains(input.path), "assumption \(input.path) listed", sourceLocation: sourceLocation)
            #expect(
                text.contains(ChartFormat.escape(reason)) || text.contains(reason.replacingOccurrences(of: "|", with: "\\|")),
                "reason of \(input.path) given", sourceLocation: sourceLocation)
        }
    }
}
