import Testing

@testable import EmploymentEvaluator

struct LabourMarketCheckTests {
    @Test func availableLabourAndShortfall() {
        // LF₀ = 100,000, u = 0.05, g = 0.02, t₀ = 2030.
        // 2030: 100,000 × 0.05 + 100,000 × (1.02⁰ − 1) = 5,000.
        // 2031: 5,000 + 100,000 × 0.02 = 7,000.
        // 2032: 5,000 + 100,000 × (1.0404 − 1) = 5,000 + 4,040 = 9,040.
        // Net jobs [4,000, 6,000, 9,100]: only 2032 exceeds (9,100 > 9,040).
        let check = LabourMarketCheck(labourForce: 100_000, unemploymentRate: 0.05, labourForceGrowth: 0.02, firstYear: 2030)
        #expect(abs(check.available(in: 2030) - 5_000) < 1e-6)
        #expect(abs(check.available(in: 2031) - 7_000) < 1e-6)
        #expect(abs(check.available(in: 2032) - 9_040) < 1e-6)
        let short = check.shortfalls(netJobs: [4_000, 6_000, 9_100])
        #expect(short.count == 1)
        #expect(short.first?.year == 2032)
    }
}
