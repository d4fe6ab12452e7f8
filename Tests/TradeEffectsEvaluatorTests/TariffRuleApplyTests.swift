import CoopZoneCore
import Testing

@testable import TradeEffectsEvaluator

struct TariffRuleApplyTests {
    /// Every rule reads its number through this closure; the slot is irrelevant here.
    private static let q = Quantity(slot: 0)

    @Test func swissFormulaWithWITSCoefficient16() {
        // a = 16 percentage points = 0.16 as a fraction; t0 = 0.20:
        // t1 = a·t0/(a + t0) = 0.16 · 0.20 / (0.16 + 0.20) = 0.032 / 0.36 = 0.088888…
        let t1 = TariffRule.swiss(Self.q).apply(to: 0.20) { _ in 0.16 }
        #expect(abs(t1 - 0.088_888_888_888_888_9) < 1e-12)
        // t0 = 0.05: 0.16 · 0.05 / 0.21 = 0.008 / 0.21 = 0.038095…
        #expect(abs(TariffRule.swiss(0.05, a: 0.16) - 0.008 / 0.21) < 1e-12)
    }

    @Test func linearCutMaximumAndNewRate() {
        // Linear cut 0.5 of 0.12: (1 − 0.5) · 0.12 = 0.06.
        #expect(abs(TariffRule.linearCut(Self.q).apply(to: 0.12) { _ in 0.5 } - 0.06) < 1e-12)
        // Maximum 0.10: 0.15 → 0.10; 0.08 stays 0.08.
        #expect(abs(TariffRule.maximumRate(Self.q).apply(to: 0.15) { _ in 0.10 } - 0.10) < 1e-12)
        #expect(abs(TariffRule.maximumRate(Self.q).apply(to: 0.08) { _ in 0.10 } - 0.08) < 1e-12)
        // New rate 0.02 replaces 0.15.
        #expect(abs(TariffRule.newRate(Self.q).apply(to: 0.15) { _ in 0.02 } - 0.02) < 1e-12)
    }
}
