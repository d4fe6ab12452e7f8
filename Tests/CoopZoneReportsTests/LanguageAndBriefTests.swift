import CoopZoneCore
import CoopZoneEvaluators
import Foundation
import Testing

@testable import CoopZoneReports

struct MessageCatalogueTests {
    let en = Messages.catalogues[.en] ?? [:]
    let ru = Messages.catalogues[.ru] ?? [:]

    @Test func bothCataloguesAreReadFromTheResources() {
        #expect(en.count > 40 && ru.count > 40)
    }

    @Test func everyEnglishKeyHasItsRussianText() {
        let missing = Set(en.keys).subtracting(ru.keys).sorted()
        #expect(missing.isEmpty, "keys without Russian text: \(missing)")
    }

    /// Russian keys beyond the English catalogue translate texts the code gives in English:
    /// a built-in metric's label or summary, a unit's symbol, an evaluator parameter, a chart's text.
    @Test func everyRussianOnlyKeyTranslatesSomethingThatExists() {
        let descriptors = BuiltInEvaluators.all.map(\.descriptor)
        for key in Set(ru.keys).subtracting(en.keys).sorted() {
            let parts = key.split(separator: ".").map(String.init)
            switch parts.first {
            case "unit": #expect(parts.count == 2 && Unit(rawValue: parts[1]) != nil, "\(key): no such unit")
            case "metric":
                let metric = parts.count >= 3 ? descriptors.first { $0.id == parts[1] }?.metric(parts[2]) : nil
                #expect(metric != nil && (parts.count == 3 || ["summary", "short"].contains(parts[3])), "\(key): no such metric of a built-in evaluator")
            case "parameter":
                #expect(parts.count == 3 && descriptors.first { $0.id == parts[1] }?.parameter(parts[2]) != nil, "\(key): no such parameter")
            case "chart":
                // chart.<evaluator>.<chart>.<field>, or .series.<metric> / .category.<value> of that chart.
                let chart = parts.count >= 4 ? descriptors.first { $0.id == parts[1] }?.charts.first { $0.id == parts[2] } : nil
                let fields = ["heading", "title", "summary", "caption", "x_title", "y_title", "other", "split_title", "markdown_lead"]
                let exists =
                    chart.map { c in
                        (parts.count == 4 && fields.contains(parts[3]))
                            || (parts.count == 5 && parts[3] == "series" && c.series.contains { $0.metric == parts[4] })
                            || (parts.count == 5 && parts[3] == "category" && c.categories.contains { $0.value == parts[4] })
                    } ?? false
                #expect(exists, "\(key): no such chart text of a built-in evaluator")
            default: Issue.record("\(key) is only in the Russian catalogue")
            }
        }
    }

    @Test func everyBuiltInHeadlineAndUnitHasARussianLabel() {
        for d in BuiltInEvaluators.all.map(\.descriptor) {
            for h in d.headlines { #expect(ru["metric.\(d.id).\(h.id)"] != nil, "\(d.id).\(h.id) has no Russian label") }
            #expect(ru["leaves_out.\(d.id)"] != nil, "\(d.id) says in Russian what it leaves out")
        }
        for unit in Unit.allCases { #expect(ru["unit.\(unit.rawValue)"] != nil, "\(unit.rawValue) has no Russian symbol") }
    }

    @Test func aMissingKeyFallsBackToEnglishThenToItself() {
        #expect(Messages(.ru)("brief.title") == "Кратко")
        #expect(Messages(.en)("brief.title") == "In brief")
        #expect(Messages(.ru)("no.such.key") == "no.such.key")
        #expect(Messages(.en)("brief.band", ["low": "1", "high": "2", "draws": "3"]) == "(90 % range 1 to 2 over 3 Monte Carlo draws)")
    }
}

struct NumberFormatTests {
    @Test func englishGroupsWithCommasAndRussianWithANarrowSpaceAndADecimalComma() {
        // 1234.5 with one decimal: English 1,234.5; Russian 1 234,5 (U+202F between thousands).
        #expect(Language.en.number(1234.5, decimals: 1) == "1,234.5")
        #expect(Language.ru.number(1234.5, decimals: 1) == "1\u{202F}234,5")
        // 1,234,567.891 to two decimals: the third decimal 1 rounds down.
        #expect(Language.ru.number(1_234_567.891, decimals: 2) == "1\u{202F}234\u{202F}567,89")
        // Half away from zero, with a true minus sign; a value that rounds to zero has none.
        #expect(Language.en.number(-2.5, decimals: 0) == "\u{2212}3")
        #expect(Language.ru.number(-0.004, decimals: 2) == "0,00")
        #expect(Language.ru.number(999, decimals: 0) == "999")
        #expect(Language.ru.number(.nan, decimals: 1) == "н/д")
    }

    @Test func readableNumbersKeepTheDecimalsTheirSizeNeeds() {
        // 7942 → no decimals; 41.39 → one (41.4); 0.5664 → three (0.566); 2.50 → 2.5 (zero trimmed).
        #expect(Language.ru.readable(7942) == "7\u{202F}942")
        #expect(Language.ru.readable(41.39) == "41,4")
        #expect(Language.en.readable(0.5664) == "0.566")
        #expect(Language.ru.readable(2.5) == "2,5")
        #expect(Language.en.readable(-0.0001) == "0")
    }
}

struct BriefTests {
    @Test func theGrowthTrianglesBriefSaysWhatItCostsAndBringsBySide() async throws {
        let fixture = try Fixture(growthTriangle)
        let result = await fixture.run()
        let brief = Brief(scenario: fixture.scenario, descriptors: fixture.descriptors, headlines: result.headlines, rows: result.rows)
        #expect(
            brief.items.map(\.heading) == [
                "What the design is", "What it costs the treasuries", "What it brings", "Whether it pays", "When it breaks even",
                "What the model leaves out",
            ])
        // Net jobs by side: the last year's jobs_net rows summed by country, each side as the brief writes it.
        let last = fixture.scenario.horizon.upperBound
        var bySide: [String: Double] = [:]
        for row in result.rows where row.evaluator == "employment" && row.metric == "jobs_net" && row.year == last {
            bySide[row.dimensions.country ?? "?", default: 0] += row.value
        }
        let total = try #require(result.headlines.first { $0.metric == "net_jobs_final_year" }).value
        #expect(abs(bySide.values.reduce(0, +) - total) < 1e-6 * total, "the sides add up to the headline")
        let brings = try #require(brief.items.first { $0.heading == "What it brings" }).text
        for (side, jobs) in bySide { #expect(brings.contains("\(side) \(Language.en.readable(jobs))\u{00A0}jobs"), "\(side) in: \(brings)") }
        // No country that is not a party appears as a side.
        let parties = Set(fixture.scenario.zones.flatMap(\.parties))
        #expect(Set(bySide.keys).isSubset(of: parties))
        #expect(brief.items[0].text.contains("growth triangle between Kyrgyzstan (KG), Tajikistan (TJ), Uzbekistan (UZ)"))
        #expect(brief.items[3].text.contains("No uncertainty band"), "without Monte Carlo the brief says how to get a band")
        // The growth triangle's NPV (−182 USD m) is negative even at redundancy 0 (cost_benefit's
        // finding npv_negative_everywhere), so the break-even share of 0 % is said to be no break-even.
        let npv = try #require(result.headlines.first { $0.metric == "npv" }).value
        let breakEven = try #require(result.headlines.first { $0.metric == "break_even_redundancy" }).value
        #expect(npv < 0 && breakEven == 0)
        #expect(result.findings.contains { $0.evaluator == "cost_benefit" && $0.message.contains("negative") && $0.kind == .warning })
        #expect(brief.items[4].text.hasSuffix("no share makes this design break even."), "\(brief.items[4].text)")
    }

    @Test func withMonteCarloTheNPVCarriesItsBandAndTheSwingsNameTheInputsThatMoveItMost() async throws {
        let fixture = try Fixture(growthTriangle)
        let renderer = await fixture.monteCarlo(draws: 60)
        let npv = try #require(renderer.headlineBands["cost_benefit.npv"])
        let text = try #require(renderer.brief.items.first { $0.heading == "Whether it pays" }).text
        #expect(
            text.contains("90 % range \(Language.en.readable(npv.p5))\u{00A0}USD m to \(Language.en.readable(npv.p95))\u{00A0}USD m over 60 Monte Carlo draws"),
            "\(text)")
        // The inputs named are the three largest one-at-a-time swings of the NPV.
        let swings = Sensitivity.run(fixture.plan, on: fixture.scenario).filter { $0.evaluator == "cost_benefit" && $0.metric == "npv" }
        let top = swings.sorted { $0.swing > $1.swing }.prefix(3)
        let result = await fixture.run()
        let brief = Brief(scenario: fixture.scenario, descriptors: fixture.descriptors, headlines: result.headlines, rows: result.rows, swings: swings)
        let named = try #require(brief.items.first { $0.heading == "Whether it pays" }).text
        for swing in top { #expect(named.contains(Language.en.readable(swing.atLow) + "\u{00A0}USD m – "), "\(swing.input) in: \(named)") }
    }

    @Test func theRussianBriefIsInRussianWithRussianNumbers() async throws {
        let fixture = try Fixture(growthTriangle)
        let result = await fixture.run()
        let brief = Brief(scenario: fixture.scenario, descriptors: fixture.descriptors, headlines: result.headlines, rows: result.rows, language: .ru)
        #expect(brief.items.map(\.heading).first == "Что предлагается")
        let brings = try #require(brief.items.first { $0.heading == "Что это даёт" }).text
        #expect(brings.contains("Чистые новые рабочие места в последнем году: 7\u{202F}942\u{00A0}раб. мест"), "\(brings)")
        #expect(brief.markdown().hasPrefix("## Кратко\n"))
    }
}

/// Monte Carlo, comparison and sensitivity reports in Russian: headings, labels first, numbers
/// in Russian format; the English ones keep their ids in a last column.
struct RussianReportsTests {
    @Test func monteCarloComparisonAndSensitivityReportsReadInRussian() async throws {
        let fixture = try Fixture(growthTriangle)
        let central = await fixture.run()
        let mc = await MonteCarlo.run(fixture.plan, on: fixture.scenario, draws: 40, seed: 7, workers: 2)
        let manifest = Engine.manifest(fixture.plan, scenario: fixture.scenario, seed: 7, draws: 40)
        let mcRU = MonteCarloRenderer(
            result: mc, scenario: fixture.scenario, manifest: manifest, central: central, descriptors: fixture.descriptors, language: .ru)
        let md = mcRU.render(.markdown)
        #expect(md.hasPrefix("# \(fixture.scenario.texts(.ru).title) — Монте-Карло\n"))
        for heading in ["## Кратко", "## Выводы", "## Основные показатели", "## Итоги по годам"] { #expect(md.contains("\n\(heading)\n"), "\(heading)") }
        #expect(md.contains("| Показатель | Центральное | P5 | P50 | P95 | Единица | Код (модуль.показатель) |"))
        let html = mcRU.html()
        #expect(html.contains("<html lang=\"ru\">") && html.contains("<h2>Интервалы неопределённости</h2>"))
        HTMLChecks.check(html, promised: [])

        var compare = try await comparison([growthTriangle, freeTradeZone])
        compare.language = .ru
        let cmd = compare.render(.markdown)
        #expect(cmd.hasPrefix("# Сравнение вариантов\n") && cmd.contains("## Кратко\n\n**Сравниваемые варианты.**"))
        #expect(cmd.contains("| Показатель | Единица | [0] | [1] | Δ[1] |"))
        // The NPV's row: label, unit, each design's value in Russian format, the difference, the id last.
        let npv = try #require(compare.comparison.lines.first { $0.metric == "npv" })
        let row = "| Чистая приведённая стоимость | млн долл. США | \(ResultsRenderer.localized(npv.values[0]!, in: .ru)) |"
        #expect(cmd.contains(row), "\(row)")

        let sensitivity = SensitivityRenderer(
            swings: Sensitivity.run(fixture.plan, on: fixture.scenario), scenario: fixture.scenario, central: central, descriptors: fixture.descriptors,
            language: .ru)
        let smd = sensitivity.markdown()
        #expect(smd.contains("## Чистая приведённая стоимость (млн долл. США, `cost_benefit.npv`)"))
        #expect(smd.contains("| Параметр | Диапазон | Показатель при нижнем | Центральное | Показатель при верхнем | Размах |"))
    }
}
