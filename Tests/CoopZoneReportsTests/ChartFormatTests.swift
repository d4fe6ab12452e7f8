import Testing

@testable import CoopZoneReports

struct ChartFormatTests {
    @Test(arguments: [
        (1.25, 1, "1.3"), (-1.5, 0, "-2"), (2.5, 0, "3"), (-0.001, 2, "0.00"), (1.005, 2, "1.00"), (0, 3, "0.000"), (123456.789, 1, "123456.8"),
        (1e-7, 4, "0.0000"),
    ])
    func fixedRoundsHalfAwayFromZeroWithoutMinusZero(value: Double, decimals: Int, expected: String) {
        #expect(ChartFormat.fixed(value, decimals: decimals) == expected)
    }

    @Test func coordinatesTrimZeros() {
        #expect(ChartFormat.coordinate(12.5) == "12.5")
        #expect(ChartFormat.coordinate(12.0) == "12")
        #expect(ChartFormat.coordinate(-0.004) == "0")
        #expect(ChartFormat.coordinate(3.14159) == "3.14")
    }

    @Test func groupedUsesCommasAndATrueMinus() {
        #expect(ChartFormat.grouped(1234567, decimals: 0) == "1,234,567")
        #expect(ChartFormat.grouped(-1234.5, decimals: 1) == "\u{2212}1,234.5")
        #expect(ChartFormat.grouped(999, decimals: 0) == "999")
        #expect(ChartFormat.readable(0.12345) == "0.123")
        #expect(ChartFormat.readable(41757.2) == "41,757")
        #expect(ChartFormat.readable(52.5) == "52.5")
        #expect(ChartFormat.readable(-0.0001) == "0")
    }

    @Test func escapeCoversMarkupCharacters() {
        #expect(ChartFormat.escape("a<b & \"c\" 'd'>") == "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;")
        #expect(ChartFormat.escape("x\u{1}y") == "x y")
    }

    @Test func slugsAreSafeIDs() {
        #expect(ChartFormat.slug("trade_effects.trade_scenario") == "trade-effects-trade-scenario")
        #expect(ChartFormat.slug("USD m/yr") == "usd-m-yr")
        #expect(ChartFormat.slug("—") == "x")
    }

    @Test func textWidthGrowsWithTextAndSize() {
        #expect(ChartFormat.textWidth("", fontSize: 12) == 0)
        #expect(ChartFormat.textWidth("mmmm", fontSize: 12) > ChartFormat.textWidth("iiii", fontSize: 12))
        #expect(ChartFormat.textWidth("abc", fontSize: 24) == 2 * ChartFormat.textWidth("abc", fontSize: 12))
    }
}
