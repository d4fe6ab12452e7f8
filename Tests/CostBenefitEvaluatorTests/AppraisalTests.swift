import Testing

@testable import CostBenefitEvaluator

/// The appraisal arithmetic on short streams worked by hand.
struct AppraisalTests {
    static func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool { abs(a - b) < tolerance }

    @Test func discountFactorsStartUndiscounted() {
        // d = 0.10: 1, 1/1.1 = 0.909090…, 1/1.21 = 0.826446…
        let f = Appraisal.discountFactors(count: 3, rate: 0.10)
        #expect(f.count == 3)
        #expect(Self.close(f[0], 1))
        #expect(Self.close(f[1], 1 / 1.1))
        #expect(Self.close(f[2], 1 / 1.21))
        #expect(Appraisal.discountFactors(count: 0, rate: 0.1).isEmpty)
    }

    @Test func npvAndBenefitCostRatioOfAShortStream() {
        // Costs 100 in year 0; benefits 60 in year 1 and 60.5 in year 2; d = 0.10.
        // PV(benefits) = 60/1.1 + 60.5/1.21 = 600/11 + 50 = 1150/11 = 104.5454…
        // PV(costs) = 100. NPV = 1150/11 − 100 = 50/11 = 4.5454…
        // BCR = (1150/11)/100 = 23/22 = 1.0454…
        let f = Appraisal.discountFactors(count: 3, rate: 0.10)
        let benefits = Appraisal.presentValue([0, 60, 60.5], discountFactors: f)
        let costs = Appraisal.presentValue([100, 0, 0], discountFactors: f)
        #expect(Self.close(benefits, 1150.0 / 11))
        #expect(Self.close(benefits - costs, 50.0 / 11))
        #expect(Self.close(Appraisal.benefitCostRatio(benefitsPV: benefits, costsPV: costs) ?? .nan, 23.0 / 22))
        // No cost: undefined.
        #expect(Appraisal.benefitCostRatio(benefitsPV: 5, costsPV: 0) == nil)
    }

    @Test func paybackYearIsWhereTheCumulativeTurnsNonNegative() {
        let f = Appraisal.discountFactors(count: 4, rate: 0.10)
        // −100, then +60/1.1 = 54.545 → −45.45, then +60.5/1.21 = 50 → +4.545: pays back in index 2.
        let p = Appraisal.payback([-100, 60, 60.5], discountFactors: f)
        #expect(p.index == 2)
        #expect(p.earlierIndex == nil)
        #expect(Self.close(p.finalCumulative, 50.0 / 11))
        // −100 + 10/1.1 + 10/1.21 = −100 + 9.0909 + 8.2645 = −82.6446…: never (nil).
        let never = Appraisal.payback([-100, 10, 10], discountFactors: f)
        #expect(never.index == nil)
        #expect(Self.close(never.finalCumulative, -100 + 10 / 1.1 + 10 / 1.21))
        // Leading zero year: 0, −10/1.1 = −9.09, +22/1.21 = +18.18 → +9.09: index 2.
        #expect(Appraisal.payback([0, -10, 22], discountFactors: f).index == 2)
        // Only a gain, in index 1: pays back from the first non-zero year, 1 (not 0).
        #expect(Appraisal.payback([0, 5, 0], discountFactors: f).index == 1)
        // Nothing at all: index 0.
        #expect(Appraisal.payback([0, 0, 0], discountFactors: f).index == 0)
    }

    @Test func paybackThatFallsBackCountsTheLastCrossing() {
        // −10; +11/1.1 = +10 → 0 (paid back once, index 1); −5/1.21 = −4.13 → −4.13;
        // +10/1.331 = +7.51 → +3.38: stays ≥ 0 from index 3.
        let f = Appraisal.discountFactors(count: 4, rate: 0.10)
        let p = Appraisal.payback([-10, 11, -5, 10], discountFactors: f)
        #expect(p.index == 3)
        #expect(p.earlierIndex == 1)
    }

    @Test func breakEvenRedundancyIsTheRootOfALinearNPV() {
        // NPV(0) = 30, NPV(1) = −10: NPV(r) = 30 − 40r = 0 at r = 0.75.
        let falling = Appraisal.breakEvenRedundancy(npvAtZero: 30, npvAtOne: -10)
        #expect(Self.close(falling.value, 0.75))
        #expect(falling.shape == .falling)
        // Negative at both ends: 0; positive at both ends: 1.
        #expect(Appraisal.breakEvenRedundancy(npvAtZero: -1, npvAtOne: -5) == .init(value: 0, shape: .negativeEverywhere))
        #expect(Appraisal.breakEvenRedundancy(npvAtZero: 5, npvAtOne: 1) == .init(value: 1, shape: .positiveEverywhere))
        // NPV(0) = −2, NPV(1) = 6: NPV(r) = −2 + 8r = 0 at r = 0.25, negative below.
        let rising = Appraisal.breakEvenRedundancy(npvAtZero: -2, npvAtOne: 6)
        #expect(Self.close(rising.value, 0.25))
        #expect(rising.shape == .rising)
    }
}
