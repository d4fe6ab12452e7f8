import Testing

@testable import TradeEffectsEvaluator

struct ShadowTradeTests {
    @Test func formalisationRaisesRecordedTradeOnly() {
        // Recorded 80 with 20 % shadow: true trade = 80/(1 − 0.20) = 100.
        // Shadow share 0.20 → 0.05: ΔX_recorded = 100 · (0.20 − 0.05) = 15.
        #expect(abs(ShadowTrade.trueTrade(recorded: 80, shadowShare: 0.20) - 100) < 1e-12)
        #expect(abs(ShadowTrade.formalisation(recorded: 80, shareBefore: 0.20, shareAfter: 0.05) - 15) < 1e-12)
    }
}
