import CoopZoneCore
import CoopZoneTestSupport
import Testing

@testable import CoopZoneReports

struct ReportProvenanceTests {
    @Test func listsSourcesAssumptionsEvaluatorsEquationsHashAndSeed() async throws {
        let fixture = try Fixture(growthTriangle)
        let manifest = Engine.manifest(fixture.plan, scenario: fixture.scenario, seed: 42, draws: 10)
        let provenance = ReportProvenance(scenario: fixture.scenario, manifest: manifest, descriptors: fixture.descriptors)
        let markdown = provenance.markdown()
        #expect(markdown.contains("scenario hash `\(fixture.scenario.contentHash)`"))
        #expect(markdown.contains("seed 42, 10 draws"))
        for source in fixture.scenario.sources { #expect(markdown.contains("| \(source.id) | \(source.title) |")) }
        for record in manifest.evaluators { #expect(markdown.contains("| \(record.id) | \(record.version) | `\(record.documentation)` |")) }
        for d in fixture.descriptors {
            for m in d.metrics + d.headlines { #expect(markdown.contains("| \(d.id) | \(m.id) | \(m.unit.symbol) |")) }
            for p in d.parameters { #expect(markdown.contains("| \(p.name) | ")) }
        }
        HTMLChecks.listsAssumptions(markdown, of: fixture.scenario)
        #expect(provenance.assumptions.count + provenance.sourced.count + provenance.unspecified.count == fixture.scenario.inputs.count)
        #expect(!markdown.contains("assumption: Assumption"))
        let html = provenance.html()
        HTMLChecks.listsAssumptions(html, of: fixture.scenario)
        #expect(html.contains("seed 42, 10 draws"))
    }

    @Test func distributionsReadAsWords() {
        #expect(ReportProvenance.distributionText(.uniform(low: 0.3, high: 0.9)) == "uniform 0.3…0.9")
        #expect(ReportProvenance.distributionText(.triangular(low: 3, mode: 4, high: 6)) == "triangular 3 / 4 / 6")
        #expect(ReportProvenance.distributionText(.normal(mean: 1, sd: 0.2, low: 0, high: 2)) == "normal mean 1, sd 0.2, within 0…2")
    }

    @Test func findingsPutFailuresAndWarningsFirst() {
        let list = FindingsList(
            findings: [
                Finding(evaluator: "a", kind: .info, message: "i"), Finding(evaluator: "b", kind: .recommendation, message: "r"),
                Finding(evaluator: "c", kind: .warning, message: "w"),
            ],
            failures: [("d", "boom")], notes: ["not comparable"])
        let markdown = list.markdown()
        let order = ["**failed** `d`", "**warning** not comparable", "**warning** `c`", "**recommendation** `b`", "**info** `a`"].map {
            markdown.range(of: $0)?.lowerBound
        }
        #expect(order.allSatisfy { $0 != nil })
        #expect(zip(order, order.dropFirst()).allSatisfy { a, b in a! < b! })
        #expect(list.counts == "1 failed evaluator, 2 warnings, 1 recommendation, 1 note")
        #expect(list.html().contains("<li class=\"failure\">"))
    }
}
