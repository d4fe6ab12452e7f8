import Testing

@testable import CoopZoneCore

/// One mistake gives one error, not a cascade of consequences.
struct ScenarioDecoderCascadeTests {
    func text(members: String, investmentCountry: String) -> String {
        """
        format: 1
        title: Cascade
        horizon: {first: 2030, last: 2032}
        price_year: 2023
        discount_rate: {value: 0.1, assumption: t}
        sectors: [{id: goods}]
        countries: [{code: AA}, {code: BB}, {code: CC}]
        regions: [{id: a, country: AA}, {id: b, country: BB}, {id: c, country: CC}]
        zones:
          - id: z
            kind: free_trade_zone
            regions: \(members)
            stages: [{id: s, start: 2030}]
            investment:
              - {year: 2031, country: \(investmentCountry), sector: goods, amount: {value: 5, assumption: t}}
        """
    }

    @Test func aMisspeltMemberRegionIsOneError() {
        // 'bb' is misspelt; the investment line of BB is not reported as well.
        let outcome = ScenarioLoader.load(text: text(members: "[a, bb]", investmentCountry: "BB"), file: "c.yaml")
        let errors = outcome.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.message) == ["region 'bb' is not defined; did you mean 'b'?"])
    }

    @Test func anInvestmentOutsideTheZonesCountriesSaysSo() {
        // CC is a defined country, but the zone's regions are in AA and BB.
        let outcome = ScenarioLoader.load(text: text(members: "[a, b]", investmentCountry: "CC"), file: "c.yaml")
        let errors = outcome.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.message) == ["country 'CC' has no region in zone 'z'"])
    }
}
