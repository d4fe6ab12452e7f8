import Testing
@testable import TradeEffectsEvaluator

struct TradeCostTests {
    @Test func adValoremEquivalentOfDaysAndLogistics() {
        // 2 days at 1.3 %/day plus a logistics share of 0.05: τ = 2 · 0.013 + 0.05 = 0.076.
        #expect(abs(TradeCost.adValorem(days: 2, costPerDay: 0.013, logisticsShare: 0.05) - 0.076) < 1e-12)
    }

    @Test func facilitationOfAOneDayCutInCrossingTime() {
        // Crossing 2 → 1 day, per-day AVE 0.013, logistics share 0.05 unchanged, θ = 4, X = 100.
        // τ0 = 2·0.013 + 0.05 = 0.076; τ1 = 1·0.013 + 0.05 = 0.063.
        // X1/X0 = (1.063/1.076)^(−4) = (1.076/1.063)^4; 1.076/1.063 = 1.012229539;
        // squared: 1 + 2·0.012229539 + 0.012229539² = 1 + 0.024459078 + 0.000149562 = 1.024608640;
        // squared again: 1 + 2·0.024608640 + 0.024608640² = 1 + 0.049217280 + 0.000605585 = 1.049822865.
        // ΔX = 100 · 0.049822865 = 4.9822865 (≈ 4.98 % for one day, i.e. ≈ θ · 1.3 % / (1 + τ)).
        let dx = TradeCost.facilitation(flow: 100, from: 0.076, to: 0.063, elasticity: 4)
        #expect(abs(dx - 4.982_286_5) < 1e-6)
    }

    @Test func noChangeNoEffect() {
        #expect(TradeCost.facilitation(flow: 100, from: 0.1, to: 0.1, elasticity: 4) == 0)
    }
}
