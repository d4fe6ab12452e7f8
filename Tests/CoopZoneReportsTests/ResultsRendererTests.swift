import CoopZoneCore
import CoopZoneTestSupport
import Foundation
import Testing

@testable import CoopZoneReports

struct ResultsRendererTests {
    @Test(arguments: shippedScenarios())
    func tableMarkdownAndHTMLOfEveryShippedScenario(path: String) async throws {
        let renderer = try await Fixture(path).results()
        let table = renderer.render(.table)
        #expect(table.contains("IN BRIEF\n  What the design is.") && table.contains("HEADLINES"))
        // The terminal's headline table: labels first, ids last.
        for h in renderer.result.headlines {
            #expect(
                table.contains(Labels(.en).metric(h.evaluator, h.metric, descriptors: renderer.descriptors)) && table.contains("\(h.evaluator).\(h.metric)"))
        }
        #expect(table.contains("hash \(renderer.result.manifest.scenarioHash)"))

        let markdown = renderer.render(.markdown)
        #expect(markdown.hasPrefix("# \(renderer.scenario.title)\n"))
        for heading in [
            "## Findings", "## Headlines", "## Provenance", "### Sources", "### Evaluators and equations", "### Metrics and their equations",
            "### Inputs flagged as assumptions", "### Inputs citing a source",
        ] {
            #expect(markdown.contains("\n\(heading)"), "markdown has \(heading)")
        }
        #expect(markdown.components(separatedBy: "\n## Findings").first?.contains("## Headlines") == false, "findings come before headlines")
        #expect(markdown.contains("| Headline | Value | Unit | Equation | Id (evaluator.metric) |"), "labels first, ids last")
        for record in renderer.result.manifest.evaluators {
            #expect(markdown.contains("## \(record.id) (v\(record.version))"))
            #expect(markdown.contains("`\(record.documentation)`"))
        }
        for h in renderer.result.headlines {
            let label = Labels(.en).metric(h.evaluator, h.metric, descriptors: renderer.descriptors)
            #expect(markdown.contains("| \(label) | \(ResultsRenderer.human(h.value)) |") && markdown.contains("`\(h.evaluator).\(h.metric)` |"))
        }
        HTMLChecks.listsAssumptions(markdown, of: renderer.scenario)

        let html = renderer.render(.html)
        HTMLChecks.check(html, promised: [])
        #expect(html.contains("<h2>Headlines</h2>"))
        #expect(html.contains("<section id=\"provenance\">"))
        HTMLChecks.listsAssumptions(html, of: renderer.scenario)
        for source in renderer.scenario.sources {
            #expect(html.contains(ChartFormat.escape(source.title)))
            if let url = source.url { #expect(html.contains("<span class=\"address\">\(ChartFormat.escape(url))</span>"), "address as text, not a link") }
        }
    }

    /// With `--lang ru` the frame of the report is Russian: title, headings, labels, units, and
    /// numbers with a decimal comma and grouped with U+202F.
    @Test func theRussianReportReadsInRussian() async throws {
        let fixture = try Fixture(growthTriangle)
        let renderer = ResultsRenderer(result: await fixture.run(), scenario: fixture.scenario, descriptors: fixture.descriptors, language: .ru)
        let markdown = renderer.render(.markdown)
        #expect(markdown.hasPrefix("# \(fixture.scenario.texts(.ru).title)\n") && fixture.scenario.texts(.ru).title != fixture.scenario.title)
        for heading in ["## Кратко", "## Выводы", "## Основные показатели", "## Происхождение данных", "### Источники", "### Модули и уравнения"] {
            #expect(markdown.contains("\n\(heading)\n"), "\(heading)")
        }
        #expect(markdown.contains("\n### Параметры, помеченные как допущения ("))
        // An evaluator parameter's unit as its descriptor declares it (a fraction), not the loader's generic ratio.
        #expect(markdown.contains("| `evaluators.employment.displacement` | 0.25 | доля |"))
        // Net job-years 86,606 in English is 86 606 in Russian; 132.8 USD m is 132,8 млн долл. США.
        let jobYears = try #require(renderer.result.headlines.first { $0.metric == "net_job_years" })
        #expect(markdown.contains("| Чистые человеко-годы занятости | \(ResultsRenderer.localized(jobYears.value, in: .ru)) | раб. мест |"))
        #expect(ResultsRenderer.localized(86_606, in: .ru) == "86\u{202F}606" && ResultsRenderer.localized(-0.0936, in: .ru) == "\u{2212}0,0936")
        // The most common findings read in Russian; the English message stays the JSON's.
        let stage = try #require(renderer.result.findings.first { $0.message.hasPrefix("stage 'free_trade' of zone 'fbs' runs 2026–2029") })
        #expect(stage.text(in: .ru) == "этап 'free_trade' зоны 'fbs' действует в 2026–2029 гг.")
        #expect(markdown.contains("- **примечание** `staged_incentives`: этап 'investment' зоны 'fbs' действует в 2030–2035 гг. (когда накопленные"))
        #expect(markdown.contains("- **предупреждение** `cost_benefit`: зона не окупается в пределах периода расчёта"))
        let html = renderer.render(.html)
        #expect(html.contains("<html lang=\"ru\">") && html.contains("<h2>Основные показатели</h2>") && html.contains("<strong>Содержание</strong>"))
        HTMLChecks.check(html, promised: [])
    }

    @Test func growthTriangleHTMLHasEveryRunChart() async throws {
        let renderer = try await Fixture(growthTriangle).results()
        let html = renderer.html()
        let promised = ["fig-trade", "fig-jobs-by-year", "fig-jobs-by-origin", "fig-jobs-by-side", "fig-tax-expenditure"]
        HTMLChecks.check(html, promised: promised)
        #expect(HTMLChecks.figureIDs(html) == promised)
        #expect(HTMLChecks.count("<svg", in: html) == 5)
        // Axis titles carry units.
        #expect(html.contains("trade, USD m (2023 prices)"))
        #expect(html.contains("jobs (annual average)"))
        #expect(html.contains("tax expenditure, USD m (undiscounted)"))
        // Findings and the provenance summary come before the charts; the full provenance after.
        let findings = try #require(html.range(of: "<section id=\"findings\">"))
        let charts = try #require(html.range(of: "<section id=\"charts\">"))
        let provenance = try #require(html.range(of: "<section id=\"provenance\">"))
        let summary = try #require(html.range(of: "Provenance in brief:"))
        #expect(summary.lowerBound < findings.lowerBound && findings.lowerBound < charts.lowerBound && charts.lowerBound < provenance.lowerBound)
        #expect(html.contains(renderer.result.manifest.scenarioHash))
        #expect(html.contains("no random draws"))
        for record in renderer.result.manifest.evaluators {
            #expect(html.contains("<code>\(record.id)</code></td><td>\(record.version)</td><td><code>\(record.documentation)</code>"))
        }
        // Every metric's equation reference is listed.
        for d in renderer.descriptors { for m in d.metrics { #expect(html.contains("<code>\(m.equation)</code>")) } }
    }

    @Test func markdownTablesAreWellFormed() async throws {
        let markdown = try await Fixture(growthTriangle).results().markdown()
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        for (i, line) in lines.enumerated() where line.hasPrefix("|---") || line.hasPrefix("|:--") || line.hasPrefix("|---:") {
            let header = lines[i - 1]
            #expect(header.hasPrefix("| "), "a separator follows a header row")
            let columns = header.filter { $0 == "|" }.count - header.components(separatedBy: "\\|").count + 1
            var j = i + 1
            while j < lines.count, lines[j].hasPrefix("| ") {
                let cells = lines[j].filter { $0 == "|" }.count - lines[j].components(separatedBy: "\\|").count + 1
                #expect(cells == columns, "row \(j + 1) has as many cells as its header")
                j += 1
            }
        }
    }

    @Test func twoRendersAreByteIdentical() async throws {
        let fixture = try Fixture(growthTriangle)
        let a = await fixture.results(), b = await fixture.results()
        for format in OutputFormat.allCases { #expect(a.render(format) == b.render(format), "\(format) is deterministic") }
    }
}
