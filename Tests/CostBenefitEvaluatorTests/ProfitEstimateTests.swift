import Testing
@testable import CostBenefitEvaluator

/// The profit and profit-tax estimate, by hand.
struct ProfitEstimateTests {
    @Test func profitsOfACohortDepreciateAfterTheLag() {
        // p = 0.2, δ = 0.1, L = 1; 100 invested in index 0 operates from index 1:
        // Π = 0, 0.2·100 = 20, 0.2·90 = 18, 0.2·81 = 16.2.
        let estimate = ProfitEstimate(preTaxReturn: 0.2, depreciation: 0.1, operationLag: 1)
        var profits = [Double](repeating: 0, count: 4)
        estimate.addProfits(of: 100, investedAt: 0, into: &profits)
        let expected = [0, 20, 18, 16.2]
        for (a, b) in zip(profits, expected) { #expect(abs(a - b) < 1e-9) }
        // A cohort whose operation starts after the horizon adds nothing.
        var late = [Double](repeating: 0, count: 2)
        estimate.addProfits(of: 100, investedAt: 1, into: &late)
        #expect(late == [0, 0])
    }

    @Test func taxPaidIsBaselineTaxLessTaxExpenditure() {
        // Holiday year: u₀Π = 0.2·20 = 4, all forgone → 0. After: 0.2·18 = 3.6, nothing forgone → 3.6.
        // Reduced rate 0.05: forgone (0.2 − 0.05)·18 = 2.7 → paid 0.9.
        #expect(ProfitEstimate.taxPaid(baselineTax: 4, taxExpenditure: 4) == 0)
        #expect(ProfitEstimate.taxPaid(baselineTax: 3.6, taxExpenditure: 0) == 3.6)
        #expect(abs(ProfitEstimate.taxPaid(baselineTax: 3.6, taxExpenditure: 2.7) - 0.9) < 1e-12)
        #expect(ProfitEstimate.taxPaid(baselineTax: 1, taxExpenditure: 2) == 0)
    }
}
