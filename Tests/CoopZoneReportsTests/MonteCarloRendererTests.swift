import CoopZoneCore
import CoopZoneTestSupport
import Testing

@testable import CoopZoneReports

struct MonteCarloRendererTests {
    @Test func markdownAndHTMLOfADrawnRun() async throws {
        let renderer = try await Fixture(growthTriangle).monteCarlo()
        let markdown = renderer.render(.markdown)
        for heading in ["# ", "## Findings", "## Sampled inputs", "## Headlines", "## Totals by year", "## Provenance", "### Inputs flagged as assumptions"] {
            #expect(markdown.contains(heading), "markdown has \(heading)")
        }
        #expect(markdown.contains("seed 7, 120 draws"))
        #expect(markdown.contains("| Headline | Central | P5 | P50 | P95 | Unit | Id (evaluator.metric) |"), "labels first, ids last")
        // The central NPV beside the band is the single run's NPV.
        let npv = try #require(renderer.result.keys.firstIndex(of: SeriesKey(evaluator: "cost_benefit", metric: "npv", year: nil)))
        let single = try #require(renderer.central?.headlines.first { $0.evaluator == "cost_benefit" && $0.metric == "npv" })
        #expect(renderer.result.central[npv] == single.value)
        // A present value has no totals by year: no band by year for it.
        #expect(!renderer.result.keys.contains { $0.metric == "net_benefit_pv" && $0.year != nil })
        #expect(renderer.result.keys.contains { $0.metric == "net_benefit" && $0.year != nil })
        for path in renderer.result.sampledInputs { #expect(markdown.contains("`\(path)`")) }
        HTMLChecks.listsAssumptions(markdown, of: renderer.scenario)

        let html = renderer.render(.html)
        let bands = renderer.bandCharts
        #expect(!bands.isEmpty, "the growth triangle has uncertain totals")
        let central = [
            "fig-central-trade", "fig-central-jobs-by-year", "fig-central-jobs-by-origin", "fig-central-jobs-by-side", "fig-central-tax-expenditure",
        ]
        HTMLChecks.check(html, promised: bands.map(\.id) + central)
        #expect(HTMLChecks.count("<svg", in: html) == bands.count + central.count)
        #expect(html.contains("fig-band-trade-effects-trade-scenario"))
        #expect(html.contains("P5–P95 (90 % of draws)"))
        #expect(html.contains("seed 7, 120 draws"))
        HTMLChecks.listsAssumptions(html, of: renderer.scenario)
    }

    @Test func bandChartsAreExactlyTheUncertainSeries() async throws {
        let renderer = try await Fixture(growthTriangle).monteCarlo(draws: 60)
        let uncertain = renderer.yearMetrics.filter { e, m in renderer.bands(e, m).map { MonteCarloRenderer.isUncertain($0.years) } ?? false }
        #expect(renderer.bandCharts.map(\.id) == uncertain.map { "fig-band-" + ChartFormat.slug("\($0.0).\($0.1)") })
        // Investment is fixed in the scenario: no band chart for it.
        #expect(!renderer.bandCharts.contains { $0.id == "fig-band-staged-incentives-investment" })
    }

    @Test func sameSeedGivesIdenticalReportsWhateverTheWorkers() async throws {
        let fixture = try Fixture(growthTriangle)
        let one = await fixture.monteCarlo(draws: 80, seed: 11, workers: 1)
        let two = await fixture.monteCarlo(draws: 80, seed: 11, workers: 2)
        for format in OutputFormat.allCases { #expect(one.render(format) == two.render(format), "\(format) is deterministic") }
    }
}
