import Testing

@testable import EmploymentEvaluator

struct AdditionalityTests {
    private func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 1e-9 }

    @Test func defaultChainOnARoundNumber() {
        // Gross 1,000 jobs; leakage 0.10, displacement 0.25, substitution 0, deadweight 0.20.
        // Adjusted = 1000 × 0.90 × 0.75 × 1.00 = 675; reference case = 0.20 × 675 = 135;
        // net = 675 − 135 = 540 (= 1000 × 0.9 × 0.75 × 0.8).
        let chain = Additionality(leakage: 0.10, displacement: 0.25, substitution: 0, deadweight: 0.20)
        #expect(close(chain.adjustmentFactor, 0.675))
        #expect(close(chain.referenceCase(gross: 1000), 135))
        #expect(close(chain.net(gross: 1000), 540))
        #expect(close(chain.netFactor, 0.54))
    }

    @Test func substitutionEntersTheChain() {
        // Same, with substitution 0.20: adjusted = 1000 × 0.9 × 0.75 × 0.8 = 540;
        // reference = 0.2 × 540 = 108; net = 540 − 108 = 432.
        let chain = Additionality(leakage: 0.10, displacement: 0.25, substitution: 0.20, deadweight: 0.20)
        #expect(close(chain.net(gross: 1000), 432))
    }

    @Test func noAdjustmentsLeaveGross() {
        // All factors 0: net = 250 × 1 × 1 × 1 × 1 = 250.
        let chain = Additionality(leakage: 0, displacement: 0, substitution: 0, deadweight: 0)
        #expect(close(chain.net(gross: 250), 250))
    }
}
