import Testing

@testable import EmploymentEvaluator

struct RampUpTests {
    private func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 1e-12 }

    @Test func threeYearRamp() {
        // Ramp over 3 years, life 20: k = 0 → 1/3, k = 1 → 2/3, k = 2 → 3/3 = 1, k = 19 → 1,
        // k = 20 → life over (20 − 20 = 0) → 0; before the investment (k = −1) → 0.
        let ramp = RampUp(rampUpYears: 3, lifeYears: 20)
        #expect(close(ramp.share(yearsAfterInvestment: -1), 0))
        #expect(close(ramp.share(yearsAfterInvestment: 0), 1.0 / 3.0))
        #expect(close(ramp.share(yearsAfterInvestment: 1), 2.0 / 3.0))
        #expect(close(ramp.share(yearsAfterInvestment: 2), 1))
        #expect(close(ramp.share(yearsAfterInvestment: 19), 1))
        #expect(close(ramp.share(yearsAfterInvestment: 20), 0))
    }

    @Test func fractionalLifeEndsWithAPartYear() {
        // Life 2.5 years, ramp 3: k = 0 → 1/3 × 1; k = 1 → 2/3 × 1; k = 2 → 1 × (2.5 − 2) = 0.5; k = 3 → 0.
        let ramp = RampUp(rampUpYears: 3, lifeYears: 2.5)
        #expect(ramp.shares(count: 4).enumerated().allSatisfy { k, s in close(s, [1.0 / 3.0, 2.0 / 3.0, 0.5, 0][k]) })
    }

    @Test func directJobsFromAnInvestmentWithRampUp() {
        // USD 10 m at 9 jobs per USD m = 90 jobs at full operation; ramp over 3 years:
        // year of investment 90 × 1/3 = 30, next 90 × 2/3 = 60, then 90, 90.
        let ramp = RampUp(rampUpYears: 3, lifeYears: 25)
        let jobs = ramp.shares(count: 4).map { 10 * 9 * $0 }
        #expect(close(jobs[0], 30) && close(jobs[1], 60) && close(jobs[2], 90) && close(jobs[3], 90))
    }

    @Test func operationLagShiftsTheWholeProfile() {
        // Lag 2, ramp 2, life 3: k = 0, 1 → not operating (0); operating years j = k − 2:
        // k = 2 → 1/2, k = 3 → 1, k = 4 → 1, k = 5 → life over (3 − 3 = 0) → 0.
        let ramp = RampUp(rampUpYears: 2, lifeYears: 3, lagYears: 2)
        #expect(ramp.shares(count: 6).enumerated().allSatisfy { k, s in close(s, [0, 0, 0.5, 1, 1, 0][k]) })
    }

    @Test func rampBelowOneMeansImmediate() {
        // rampUpYears 0.5 is raised to 1: full employment in the investment year, share 1/1 = 1.
        #expect(close(RampUp(rampUpYears: 0.5, lifeYears: 10).share(yearsAfterInvestment: 0), 1))
    }
}
