import CoopZoneCore
import Foundation
import Testing

@testable import CoopZoneServer

/// What the page needs to show a scenario in another language: its texts, the headlines'
/// labels and units per language, and the message catalogue with English filling the gaps.
struct WorkshopLanguageTests {
    @Test func theMetaCarriesTheScenariosTextsAndLabelsInEveryLanguage() async throws {
        let (workshop, _) = try await makeWorkshop()
        let meta = try workshop.meta(triangle)
        #expect(meta.language == "en")
        let ru = try #require(meta.texts["ru"])
        let en = try #require(meta.texts["en"])
        #expect(en.title == meta.title && ru.title != en.title && ru.title.contains("Фергана"))
        #expect(Set(ru.levers.keys) == Set(meta.levers.map(\.id)), "every lever has a label in Russian")
        let npv = try #require(meta.headlines.first { $0.key == "cost_benefit.npv" })
        #expect(npv.labels["en"] == npv.label && npv.labels["ru"] == "Чистая приведённая стоимость")
        #expect(npv.unitSymbols["en"] == "USD m" && npv.unitSymbols["ru"] == "млн долл. США")
    }

    @Test func theCatalogueFillsWhatALanguageLacksWithEnglish() {
        let ru = MessagesPayload(.ru)
        #expect(ru.language == "ru" && ru.texts["brief.title"] == "Кратко")
        let english = Messages.catalogues[.en] ?? [:]
        #expect(Set(english.keys).isSubset(of: Set(ru.texts.keys)), "every English key is there")
    }
}
