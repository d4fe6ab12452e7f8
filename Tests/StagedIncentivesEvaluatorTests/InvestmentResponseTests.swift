import Testing

@testable import StagedIncentivesEvaluator

/// The semi-elasticity response of investment to the EATR.
struct InvestmentResponseTests {
    @Test func tenPointCutRaisesInvestmentByAThird() {
        // I = 100 × (1 + (−3.3) × (−0.10)) = 100 × 1.33 = 133
        #expect(abs(InvestmentResponse.investment(base: 100, semiElasticity: -3.3, eatrChange: -0.10) - 133) < 1e-12)
    }

    @Test func neverNegative() {
        // 1 + (−6) × 0.2 = −0.2 → clamped to 0.
        #expect(InvestmentResponse.factor(semiElasticity: -6, eatrChange: 0.2) == 0)
    }
}
