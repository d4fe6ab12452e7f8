import CoopZoneCore
import Testing

struct HistorySeriesTests {
    /// KZ → KG exports 2020–2023, DIGEST §4.1 (article 000, Table 1).
    private let exports = HistorySeries([(2020, 581.0), (2021, 625.2), (2022, 793.0), (2023, 1147.2)])

    @Test func yearOverYearIndices() {
        // 625.2/581.0 = 1.076076 → 107.61; 793.0/625.2 = 1.268394 → 126.84; 1147.2/793.0 = 1.446658 → 144.67.
        let idx = exports.yearOverYearIndices()
        #expect(idx.map(\.year) == [2021, 2022, 2023])
        #expect(abs(idx[0].index - 107.6076) < 1e-4)
        #expect(abs(idx[1].index - 126.8394) < 1e-4)
        #expect(abs(idx[2].index - 144.6658) < 1e-4)
    }

    @Test func compoundGrowthAndProjection() {
        // CAGR = (1147.2/581.0)^(1/3) − 1 = 1.974527^(1/3) − 1 = 0.254549 (DIGEST: 25.45 %).
        let g = exports.compoundGrowth() ?? .nan
        #expect(abs(g - 0.254_549) < 1e-6)
        // 2025 at 10 %: 1147.2 · 1.1² = 1147.2 · 1.21 = 1388.112. 2022 is the history itself: 793.0.
        #expect(abs((exports.baseline(in: 2025, growth: 0.10) ?? 0) - 1388.112) < 1e-9)
        #expect(exports.baseline(in: 2022, growth: 0.10) == 793.0)
    }

    @Test func gapsAndInterpolation() {
        // 2020 = 100, 2022 = 121: 2021 is a gap; geometric interpolation gives √(100·121) = 110.
        let s = HistorySeries([(2022, 121), (2020, 100)])
        #expect(s.gaps() == [2021])
        #expect(abs((s.baseline(in: 2021, growth: 0) ?? 0) - 110) < 1e-9)
        // Before the first year at 10 %: 100 / 1.1 = 90.909…
        #expect(abs((s.baseline(in: 2019, growth: 0.10) ?? 0) - 100 / 1.1) < 1e-9)
    }
}
