import CoopZoneCore
import CoopZoneTestSupport
import Testing

@testable import CoopZoneReports

struct SensitivityRendererTests {
    @Test func markdownAndHTMLWithATornadoPerMovedHeadline() async throws {
        let renderer = try await Fixture(growthTriangle).sensitivity()
        let markdown = renderer.render(.markdown)
        for heading in ["# ", "## Findings", "## Uncertain inputs", "## Provenance", "### Inputs flagged as assumptions"] {
            #expect(markdown.contains(heading), "markdown has \(heading)")
        }
        let moved = renderer.headlineGroups.filter { $0.swings.contains(where: SensitivityRenderer.moves) }
        #expect(!moved.isEmpty)
        // Each moved headline by its label, its unit and its id.
        for group in moved {
            let label = Labels(.en).metric(group.evaluator, group.metric, descriptors: renderer.descriptors)
            #expect(markdown.contains("## \(label) (\(group.swings[0].unit.symbol), `\(group.evaluator).\(group.metric)`)"))
        }
        #expect(markdown.contains("| Input | Range | Headline at low | Central | Headline at high | Swing |"))

        let html = renderer.render(.html)
        let promised = moved.map { "fig-tornado-" + ChartFormat.slug("\($0.evaluator).\($0.metric)") }
        HTMLChecks.check(html, promised: promised)
        #expect(HTMLChecks.figureIDs(html) == promised, "one tornado per moved headline, in run order")
        #expect(html.contains("input at its low bound") && html.contains("input at its high bound"))
        HTMLChecks.listsAssumptions(html, of: renderer.scenario)
        // Inputs that move nothing are not drawn.
        let net = try #require(moved.first { $0.metric == "net_job_years" })
        let figure = try #require(html.components(separatedBy: "id=\"fig-tornado-employment-net-job-years\"").last?.components(separatedBy: "</figure>").first)
        for s in net.swings where !SensitivityRenderer.moves(s) { #expect(!figure.contains(">\(s.input)</text>")) }
        for s in net.swings where SensitivityRenderer.moves(s) { #expect(figure.contains(">\(s.input)</text>")) }
    }

    @Test func inputsThatMoveNoHeadlineAreNamedInEveryReadableFormat() async throws {
        // The growth triangle's investment is a fixed programme (staged_incentives'
        // investment_response is 0, its default), so the EATR semi-elasticity, though sampled,
        // never acts: it is the one input that moves no headline.
        let renderer = try await Fixture(growthTriangle).sensitivity()
        #expect(renderer.idleInputs == ["evaluators.staged_incentives.semi_elasticity"])
        let sentence = "No headline moves with"
        #expect(renderer.render(.table).contains("\(sentence) evaluators.staged_incentives.semi_elasticity: sampling it changes nothing"))
        #expect(renderer.render(.markdown).contains("\(sentence) `evaluators.staged_incentives.semi_elasticity`: sampling it"))
        #expect(renderer.render(.html).contains("\(sentence) <code>evaluators.staged_incentives.semi_elasticity</code>: sampling it"))
        // The table lists headlines no input moves at the end instead of a table of zeros.
        let table = renderer.render(.table)
        #expect(!table.contains("staged_incentives.investment_total (USD m)\n"))
        #expect(table.contains("Headlines no input moves when swung alone: ") && table.contains("staged_incentives.investment_total"))
    }

    @Test func twoRendersAreByteIdentical() async throws {
        let fixture = try Fixture(growthTriangle)
        let a = await fixture.sensitivity(), b = await fixture.sensitivity()
        for format in OutputFormat.allCases { #expect(a.render(format) == b.render(format), "\(format) is deterministic") }
    }
}
