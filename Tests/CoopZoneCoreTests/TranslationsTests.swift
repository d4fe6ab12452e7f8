import Foundation
import Testing

@testable import CoopZoneCore

/// The `language` and `translations` keys: texts per language keyed by the scenario's own ids,
/// every mistake located, and English wherever a text is not given.
struct TranslationsTests {
    static let block = """
        language: ru
        translations:
          ru:
            title: Минимальный треугольник
            countries: {KG: Кыргызстан, TJ: Таджикистан}
            regions: {batken: Баткенская область}
            zones: {fbs: Треугольник роста}

        """

    @Test func textsInALanguageFallBackToEnglishKeyByKey() throws {
        let outcome = MarkedText(Fixture.minimal + Self.block).load()
        #expect(outcome.diagnostics.isEmpty, "\(DiagnosticsError(outcome.diagnostics))")
        let scenario = try #require(outcome.scenario)
        #expect(scenario.language == .ru)
        let ru = scenario.texts(.ru)
        #expect(ru.title == "Минимальный треугольник")
        #expect(ru.countries["KG"] == "Кыргызстан" && ru.countries["UZ"] == "UZ", "UZ has no Russian name: its English one (the code) stays")
        #expect(ru.regions["batken"] == "Баткенская область" && ru.regions["fergana"] == scenario.region("fergana")?.name)
        #expect(ru.description == scenario.description)
        #expect(scenario.texts(.en).title == "Minimal triangle", "English is the file's own text")
    }

    static let mistakes: [FixtureEdit] = [
        FixtureEdit(
            "an id that is not the scenario's", "regions: {batken: Баткенская область}", "regions: {↓batkn: Баткенская область}",
            "'batkn' in the Russian translations of regions is not a region of the scenario; did you mean 'batken'?"),
        FixtureEdit("a language not supported", "  ru:\n    title", "  ↓fr:\n    title", "unknown key 'fr' in 'translations'"),
        FixtureEdit("an unknown language", "language: ru", "language: ↓rus", "unknown language 'rus'; did you mean 'ru'?"),
        FixtureEdit("a key not translated", "    zones:", "    ↓zone:", "unknown key 'zone' in the Russian translations; did you mean 'zones'?"),
        FixtureEdit("a name that is not text", "zones: {fbs: Треугольник роста}", "zones: {fbs: ↓[a, b]}", "the Russian text of zone 'fbs' must be text"),
    ]

    @Test(arguments: mistakes)
    func everyMistakeIsLocatedWithWhatToDo(_ edit: FixtureEdit) throws {
        var text = Fixture.minimal + Self.block
        let occurrences = text.components(separatedBy: edit.old).count - 1
        try #require(occurrences == 1, "'\(edit.old)' occurs \(occurrences) times")
        text = text.replacingOccurrences(of: edit.old, with: edit.new)
        let marked = MarkedText(text)
        let outcome = marked.load()
        #expect(outcome.scenario == nil)
        for fragment in edit.fragments { marked.expectError(outcome.diagnostics, fragment, at: MarkedText.arrow) }
    }
}
