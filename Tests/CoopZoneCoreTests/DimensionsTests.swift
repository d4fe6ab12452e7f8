import CoopZoneCore
import Foundation
import Testing

/// `Dimensions` keeps its values in a shared box: these check that it still behaves as a plain value.
struct DimensionsTests {
    @Test func aCopyIsIndependentOfTheOriginalWhenEitherChanges() {
        let original = Dimensions(region: "fergana", country: "UZ", sector: "textiles")
        var copy = original
        #expect(copy.isIdentical(to: original))
        copy.sector = "fruit"
        copy[.zone] = "fbs"
        #expect(original.sector == "textiles")
        #expect(original.zone == nil)
        #expect(copy.sector == "fruit")
        #expect(copy.zone == "fbs")
        #expect(copy.region == "fergana")
        #expect(!copy.isIdentical(to: original))
    }

    @Test func equalityAndHashingFollowTheValuesNotTheStorage() {
        let a = Dimensions(country: "KG", link: "osh-andijan")
        let b = Dimensions(country: "KG", link: "osh-andijan")
        #expect(!a.isIdentical(to: b))
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(a != Dimensions(country: "KG", link: "osh-batken"))
        // Setting every value to nil gives the empty value, equal to Dimensions().
        var c = a
        c.country = nil
        c.link = nil
        #expect(c == Dimensions())
        #expect(c.isIdentical(to: Dimensions()))
        #expect(Set([a, b, c]).count == 2)
    }

    @Test func jsonShowsOnlyTheValuesThatAreSetAndReadsBack() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let d = Dimensions(country: "TJ", stage: "s1", zone: "z")
        let text = String(decoding: try encoder.encode(d), as: UTF8.self)
        #expect(text == #"{"country":"TJ","stage":"s1","zone":"z"}"#)
        #expect(String(decoding: try encoder.encode(Dimensions()), as: UTF8.self) == "{}")
        #expect(try JSONDecoder().decode(Dimensions.self, from: Data(text.utf8)) == d)
    }
}

extension DimensionsTests {
    @Test func printingShowsTheValuesNotTheirStorage() {
        let text = String(describing: Dimensions(region: "osh", zone: "z"))
        #expect(text.hasPrefix("Dimensions(region: Optional(\"osh\"), country: nil"))
        #expect(text.contains("zone: Optional(\"z\")"))
    }
}
