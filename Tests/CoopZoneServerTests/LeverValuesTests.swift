import CoopZoneCore
import Foundation
import Testing

@testable import CoopZoneServer

struct LeverValuesTests {
    @Test(arguments: ["3", "0.25", "-1", "1e2", "+2"])
    func parsesPlainNumbers(_ text: String) {
        #expect(LeverValues.parse(text) == Double(text))
    }

    @Test(arguments: ["", "nan", "NaN", "inf", "-inf", "0x10", "1e400", "3 ", "1,5", String(repeating: "1", count: 40)])
    func refusesAnythingElse(_ text: String) {
        #expect(LeverValues.parse(text) == nil)
    }

    @Test func checksBoundsAndSteps() throws {
        // The growth triangle's border lever: 0 to 3 days in steps of 0.25.
        let scenario = try ScenarioLoader.loadOrThrow(file: scenariosFolder + "/\(triangle).yaml")
        let lever = try #require(scenario.levers.first { $0.id == "uz_kg_days" })
        #expect(lever.min == 0 && lever.max == 3 && lever.step == 0.25)
        for ok in [0, 0.25, 1.5, 3] { #expect(throws: Never.self) { try LeverValues.check(ok, lever: lever) } }
        for bad in [-0.25, 3.25, 0.1, .nan, .infinity] { #expect(throws: WorkshopError.self) { try LeverValues.check(bad, lever: lever) } }
    }

    @Test func writesNumbersThatReadBackTheSame() {
        for value in [0, 3, 0.25, 1.0 / 3, 1e-7, 12345.678, -2.5] {
            #expect(Double(LeverValues.numberText(value)) == value)
        }
        #expect(LeverValues.numberText(3) == "3")
    }
}
