import Foundation
import Testing

@testable import StagedIncentivesEvaluator

/// The tax-expenditure arithmetic, without a scenario.
struct TaxExpenditureTests {
    @Test func threeYearHolidayOnAProfitStream() {
        // Profits 10, 12, 14, 16, 18 from the first year of operation, baseline rate 0.20, 3-year holiday,
        // baseline rate after it: years 0–2 are exempt, so TE = Π × 0.20 there and 0 afterwards:
        // 10 × 0.2 = 2.0, 12 × 0.2 = 2.4, 14 × 0.2 = 2.8, 0, 0  (total 7.2)
        let te = TaxExpenditure.incomeTax(profits: [10, 12, 14, 16, 18], baselineRate: 0.20, holidayYears: 3)
        let expected = [2.0, 2.4, 2.8, 0, 0]
        #expect(te.count == 5)
        for (a, b) in zip(te, expected) { #expect(abs(a - b) < 1e-12) }
        #expect(abs(te.reduce(0, +) - 7.2) < 1e-12)
    }

    @Test func holidayThenReducedRate() {
        // Same stream, reduced rate 0.10 after the holiday: years 3–4 forgo Π × (0.20 − 0.10):
        // 16 × 0.1 = 1.6, 18 × 0.1 = 1.8 → 2.0, 2.4, 2.8, 1.6, 1.8 (total 10.6)
        let te = TaxExpenditure.incomeTax(profits: [10, 12, 14, 16, 18], baselineRate: 0.20, holidayYears: 3, rateAfterHoliday: 0.10)
        let expected = [2.0, 2.4, 2.8, 1.6, 1.8]
        for (a, b) in zip(te, expected) { #expect(abs(a - b) < 1e-12) }
    }

    @Test func fractionalHoliday() {
        // H = 2.5: shares 1, 1, 0.5, 0. Profit 10 each year, rate 0.2 → 2, 2, 1, 0.
        #expect(TaxExpenditure.holidayShare(operatingYear: 2, holidayYears: 2.5) == 0.5)
        #expect(TaxExpenditure.holidayShare(operatingYear: 3, holidayYears: 2.5) == 0)
        #expect(TaxExpenditure.holidayShare(operatingYear: -1, holidayYears: 2.5) == 0)
        let te = TaxExpenditure.incomeTax(profits: [10, 10, 10, 10], baselineRate: 0.2, holidayYears: 2.5)
        for (a, b) in zip(te, [2.0, 2.0, 1.0, 0]) { #expect(abs(a - b) < 1e-12) }
    }

    @Test func zeroPropertyTaxForgoesTheBaselineTaxOnAssets() {
        // Assets 100 with δ = 0.10: 100, 90, 81 in operating years 0, 1, 2.
        // Baseline property tax 0.02, zone rate 0 → TE = assets × 0.02 = 2.0, 1.8, 1.62.
        let assets = (0..<3).map { TaxExpenditure.assets(investment: 100, depreciation: 0.10, operatingYear: $0) }
        for (a, b) in zip(assets, [100.0, 90, 81]) { #expect(abs(a - b) < 1e-12) }
        let te = assets.map { TaxExpenditure.rateCut(base: $0, baselineRate: 0.02, zoneRate: 0) }
        for (a, b) in zip(te, [2.0, 1.8, 1.62]) { #expect(abs(a - b) < 1e-12) }
    }

    @Test func waiverOfDuty() {
        // Equipment 40 × duty 0.05 × exemption 1.0 = 2.0; half a VAT of 0.12 on sales 50 = 50 × 0.12 × 0.5 = 3.0
        #expect(abs(TaxExpenditure.waiver(base: 40, baselineRate: 0.05, share: 1) - 2) < 1e-12)
        #expect(abs(TaxExpenditure.waiver(base: 50, baselineRate: 0.12, share: 0.5) - 3) < 1e-12)
    }

    @Test func presentValue() {
        // 10 a year in 2030, 2031, 2032 at 10 % seen from 2030: 10 + 10/1.1 + 10/1.21 = 10 + 9.090909090909 + 8.264462809917 = 27.355371900826
        let pv = TaxExpenditure.presentValue([10, 10, 10], firstYear: 2030, baseYear: 2030, rate: 0.10)
        #expect(abs(pv - 27.355371900826446) < 1e-9)
    }
}
