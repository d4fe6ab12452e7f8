import Testing

@testable import CoopZoneReports

struct AxisScaleTests {
    @Test func niceTicksCoverTheDataFromZero() {
        let scale = AxisScale(minimum: 293.6, maximum: 836.8)
        #expect(scale.lower == 0)
        #expect(scale.upper >= 836.8)
        #expect(scale.ticks == [0, 200, 400, 600, 800, 1000])
        #expect(scale.label(1000) == "1,000")
    }

    @Test func smallAndNegativeRanges() {
        let scale = AxisScale(minimum: -0.12, maximum: 0.03, includeZero: false)
        #expect(scale.lower <= -0.12 && scale.upper >= 0.03)
        #expect(scale.decimals == 2)
        #expect(scale.ticks.contains(0))
        #expect(scale.label(-0.1) == "\u{2212}0.10")
        for (a, b) in zip(scale.ticks, scale.ticks.dropFirst()) { #expect(abs((b - a) - scale.step) < 1e-12) }
    }

    @Test func degenerateRangesStillHaveTwoTicks() {
        #expect(AxisScale(minimum: 0, maximum: 0).ticks.count >= 2)
        #expect(AxisScale(minimum: 41.39, maximum: 41.39, includeZero: false).ticks.count >= 2)
        #expect(AxisScale(minimum: .nan, maximum: .infinity).ticks.count >= 2)
    }

    @Test func yearAxesTickEveryYearUpToSixteen() {
        #expect(AxisScale(years: 2026, 2040).ticks.count == 15)
        let long = AxisScale(years: 2020, 2070)
        #expect(long.ticks.count <= 16)
        #expect(long.ticks.first == 2020)
        #expect(long.label(2030) == "2030")
    }

    @Test func positionsMapLinearly() {
        let scale = AxisScale(minimum: 0, maximum: 100)
        #expect(scale.position(scale.lower, from: 300, to: 20) == 300)
        #expect(scale.position(scale.upper, from: 300, to: 20) == 20)
    }
}
