import CoopZoneCore
import CoopZoneTestSupport
import Foundation
import Testing

@testable import CoopZoneReports

struct ComparisonRendererTests {
    @Test func markdownAndHTMLOfTwoShippedDesigns() async throws {
        let renderer = try await comparison([growthTriangle, freeTradeZone])
        let markdown = renderer.render(.markdown)
        for heading in ["# Comparison of designs", "## Findings", "## Headlines", "## Provenance of [0]", "## Provenance of [1]"] {
            #expect(markdown.contains(heading), "markdown has \(heading)")
        }
        #expect(markdown.contains("| Headline | Unit | [0] | [1] | Δ[1] | Id (evaluator.metric) |"), "labels first, ids last")
        for (i, d) in renderer.comparison.designs.enumerated() {
            #expect(markdown.contains(d.result.manifest.scenarioHash))
            HTMLChecks.listsAssumptions(markdown, of: renderer.scenarios[i])
        }

        let html = renderer.render(.html)
        var units: [CoopZoneCore.Unit] = []
        for line in renderer.comparison.lines where line.unit != .calendarYear && !units.contains(line.unit) { units.append(line.unit) }
        let promised = units.map { "fig-compare-" + ChartFormat.slug($0.rawValue) }
        HTMLChecks.check(html, promised: promised)
        #expect(HTMLChecks.figureIDs(html) == promised, "one side-by-side chart per unit, calendar years in the table only")
        #expect(!html.contains("fig-compare-calendar-year"))
        #expect(html.contains("[0] Fergana–Batken–Sughd growth triangle (baseline)"))
        #expect(html.contains("<section id=\"provenance\">") && html.contains("<section id=\"provenance-1\">"))
        for scenario in renderer.scenarios { HTMLChecks.listsAssumptions(html, of: scenario) }
    }

    @Test func monteCarloComparisonShowsBandsAndShares() async throws {
        let renderer = try await comparison([growthTriangle, freeTradeZone], draws: 40)
        let markdown = renderer.render(.markdown)
        #expect(markdown.contains("40 draws, seed 3"))
        #expect(markdown.contains("## Share of draws in which each design does better than the baseline"))
        let html = renderer.render(.html)
        HTMLChecks.check(html, promised: ["fig-compare-usd-million", "fig-compare-jobs"])
        #expect(html.contains("<section id=\"beats-baseline\">"))
        #expect(html.contains("Whiskers span P5 to P95"))
        #expect(html.contains("seed 3, 40 draws"))
        // The JSON says which draws, and carries each design's manifest.
        let json = try #require(try JSONSerialization.jsonObject(with: Data(renderer.render(.json).utf8)) as? [String: Any])
        let draws = try #require(json["monte_carlo"] as? [String: Any])
        #expect(draws["draws"] as? Int == 40 && draws["seed"] as? String == "3")
        let designs = try #require(json["designs"] as? [[String: Any]])
        #expect(designs.count == 2)
        for design in designs {
            let manifest = try #require(design["manifest"] as? [String: Any])
            #expect(manifest["draws"] as? Int == 40)
            #expect((manifest["evaluators"] as? [Any])?.isEmpty == false)
        }
    }

    @Test func cellsSayWhatTheyAre() {
        // A line with three designs: the baseline, one better in 3 of 4 draws and tied in the
        // fourth, one equal in every draw.
        let line = Comparison.Line(
            evaluator: "e", metric: "npv", unit: .usdMillion, higherIsBetter: true, values: [1, 2, 1],
            bands: [Band([1, 1]), Band([1, 3]), Band([1, 1])],
            differenceBands: [nil, Band([-2, 0, 4]), Band([0, 0])],
            beatsBaseline: [nil, 0.75, 0], tiesBaseline: [nil, 0.25, 1])
        // Type 7 on the differences −2, 0, 4 (n = 3): P5 at h = 0.1 → −2 + 0.1·2 = −1.8; P50 = 0;
        // P95 at h = 1.9 → 0 + 0.9·4 = 3.6.
        #expect(ComparisonRenderer.differenceCell(line, 1) == "0 (-1.8…+3.6)")
        #expect(ComparisonRenderer.shareCell(line, 1) == "75 % better, 25 % tied")
        #expect(ComparisonRenderer.shareCell(line, 2) == "same")
        #expect(ComparisonRenderer.betterWhen(line) == "higher")
        #expect(ComparisonRenderer.valueCell(line, 1) == "2 (1.1…2.9)")
        // A design flagged as not comparable keeps its numbers, marked.
        #expect(ComparisonRenderer.differenceCell(line, 1, comparable: false) == "0 (-1.8…+3.6) n/c")
        #expect(ComparisonRenderer.shareCell(line, 1, comparable: false) == "75 % better, 25 % tied n/c")
        // Without a declared direction there is no "better": no share, unless every draw ties.
        var undirected = line
        undirected.higherIsBetter = nil
        undirected.beatsBaseline = [nil, nil, nil]
        #expect(ComparisonRenderer.betterWhen(undirected) == "no direction declared")
        #expect(ComparisonRenderer.shareCell(undirected, 1) == "—")
        #expect(ComparisonRenderer.shareCell(undirected, 2) == "same")
    }

    @Test func twoRendersAreByteIdentical() async throws {
        let a = try await comparison([growthTriangle, freeTradeZone]), b = try await comparison([growthTriangle, freeTradeZone])
        for format in OutputFormat.allCases { #expect(a.render(format) == b.render(format), "\(format) is deterministic") }
    }
}
