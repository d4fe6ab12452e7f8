import Testing

@testable import TradeEffectsEvaluator

struct TradeCostTests {
    @Test func adValoremEquivalentOfDaysAndLogistics() {
        // 2 days at 1.3 %/day plus a logistics share of 0.05: τ = 2 · 0.013 + 0.05 = 0.076.
        #expect(abs(TradeCost.adValorem(days: 2, costPerDay: 0.013, logisticsShare: 0.05) - 0.076) < 1e-12)
    }

    @Test func facilitationOfAOneDayCutInCrossingTime() {
        // Crossing 2 → 1 day, per-day AVE 0.006 (the default), logistics share 0.05 unchanged, θ = 2, X = 100.
        // τ0 = 2·0.006 + 0.05 = 0.062; τ1 = 1·0.006 + 0.05 = 0.056.
        // ΔX = X · θ · (τ0 − τ1)/(1 + τ0) = 100 · 2 · 0.006 / 1.062 = 1.2/1.062 = 1.1299435 (1.13 % for one day).
        let dx = TradeCost.facilitation(flow: 100, from: 0.062, to: 0.056, elasticity: 2)
        #expect(abs(dx - 1.129_943_5) < 1e-6)
        // With a finite export-supply elasticity Ex = 4 the divisor gains 1 + θ/Ex = 1.5 (SMART's 1 − Em/Ex with Em = −θ):
        // 1.1299435/1.5 = 0.7532957.
        #expect(abs(TradeCost.facilitation(flow: 100, from: 0.062, to: 0.056, elasticity: 2, exportSupplyElasticity: 4) - 0.753_295_7) < 1e-6)
    }

    @Test func facilitationIsSMARTsTradeCreationWithTheTradeCostForTheTariff() {
        // The same cut 0.10 → 0.09 on 100 as a tariff (SMART, Em = −2) and as a trade cost (θ = 2):
        // 100 · 2 · 0.01 / 1.10 = 1.8181818 both.
        let tariff = SMART.tradeCreation(imports: 100, oldTariff: 0.10, newTariff: 0.09, importDemandElasticity: -2)
        let cost = TradeCost.facilitation(flow: 100, from: 0.10, to: 0.09, elasticity: 2)
        #expect(abs(tariff - 1.818_181_8) < 1e-6 && abs(cost - 1.818_181_8) < 1e-6)
    }

    @Test func aLargeCostRiseLosesAtMostTheFlow() {
        // τ 0.10 → 0.80, θ = 2: 100 · 2 · (−0.70)/1.10 = −127.27 is bounded at −100.
        #expect(TradeCost.facilitation(flow: 100, from: 0.10, to: 0.80, elasticity: 2) == -100)
    }

    @Test func savingsOnExistingAndNewTrade() {
        // m = 100 valued at the delivered price with τ0 = 0.10, so at the exporter's price 100/1.10 = 90.909;
        // τ 0.10 → 0.09 saves 0.01 of that per unit: 90.909 · 0.01 = 0.9090909.
        #expect(abs(TradeCost.savingOnExistingTrade(flow: 100, from: 0.10, to: 0.09) - 0.909_090_9) < 1e-6)
        // New trade 1.8181818 by the rule of a half: ½ · 1.8181818 · 0.01/1.10 = 0.0082645.
        #expect(abs(TradeCost.savingOnNewTrade(newTrade: 1.818_181_8, from: 0.10, to: 0.09) - 0.008_264_5) < 1e-6)
        // A cost rise: the loss on existing trade is negative; the trade it destroys no longer bears the rise, so the
        // rule-of-a-half term is positive (ΔX < 0 and τ0 − τ1 < 0): −Δp·(q0 + q1)/2 in both cases.
        #expect(TradeCost.savingOnExistingTrade(flow: 100, from: 0.09, to: 0.10) < 0)
        #expect(TradeCost.savingOnNewTrade(newTrade: -1, from: 0.09, to: 0.10) > 0)
    }

    @Test func noChangeNoEffect() {
        #expect(TradeCost.facilitation(flow: 100, from: 0.1, to: 0.1, elasticity: 2) == 0)
        #expect(TradeCost.savingOnExistingTrade(flow: 100, from: 0.1, to: 0.1) == 0)
    }
}
