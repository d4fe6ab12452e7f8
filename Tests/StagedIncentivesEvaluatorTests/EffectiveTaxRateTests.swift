import Foundation
import Testing
@testable import StagedIncentivesEvaluator

/// The Devereux–Griffith closed form and the holiday-aware cash-flow version.
struct EffectiveTaxRateTests {
    /// i = 0.10, π = 0.02, δ = 0.10, p = 0.20, Y = 10: r = 0.08, a = r + δ = 0.18.
    let standard = EffectiveTaxRate(nominalInterest: 0.10, inflation: 0.02, depreciation: 0.10, preTaxReturn: 0.20, allowanceLife: 10)

    @Test func allowancePresentValueOfStraightLine() {
        // z = (1 − e^(−iY))/(iY) = (1 − e^(−1))/1 = 1 − 0.36787944117144233 = 0.6321205588285577
        #expect(abs(standard.allowancePresentValue - 0.6321205588285577) < 1e-12)
        // i = 0: no discounting, z = 1.
        let flat = EffectiveTaxRate(nominalInterest: 0, inflation: 0, depreciation: 0.1, preTaxReturn: 0.2, allowanceLife: 10)
        #expect(abs(flat.allowancePresentValue - 1) < 1e-12)
    }

    @Test func closedFormOfAStandardInvestment() {
        // u = 0.20, w = 0:
        // u·z = 0.2 × 0.6321205588285577 = 0.12642411176571153;  1 − u·z = 0.8735758882342885
        // ρ = 0.18/(1 − 0.2) × 0.8735758882342885 − 0.10 = 0.225 × 0.8735758882342885 − 0.10
        //   = 0.19655457485271491 − 0.10 = 0.09655457485271491
        // EMTR = (ρ − r)/ρ = (0.09655457485271491 − 0.08)/0.09655457485271491
        //      = 0.01655457485271491/0.09655457485271491 = 0.1714530344933666
        // EATR = ((p − ρ)/p)·u + (ρ/p)·EMTR
        //      = (0.10344542514728509/0.2)·0.2 + (0.09655457485271491/0.2)·0.1714530344933666
        //      = 0.10344542514728509 + 0.4827728742635745·0.1714530344933666
        //      = 0.10344542514728509 + 0.08277287426357455 = 0.18621829941085964
        let rates = standard.closedForm(taxRate: 0.20)
        #expect(abs(rates.costOfCapital - 0.09655457485271491) < 1e-12)
        #expect(abs((rates.emtr ?? .nan) - 0.1714530344933666) < 1e-12)
        #expect(abs(rates.eatr - 0.18621829941085964) < 1e-12)
    }

    @Test func propertyTaxAddsToTheCostOfCapital() {
        // w = 0.01 adds to ρ: ρ = 0.09655457485271491 + 0.01 = 0.10655457485271491
        // EMTR = (0.10655457485271491 − 0.08)/0.10655457485271491 = 0.02655457485271491/0.10655457485271491 = 0.24921102533063
        // EATR = (u·(p − ρ) + ρ − r)/p = (0.2 × 0.09344542514728509 + 0.02655457485271491)/0.2
        //      = (0.018689085029457018 + 0.02655457485271491)/0.2 = 0.04524365988217193/0.2 = 0.22621829941085964
        let rates = standard.closedForm(taxRate: 0.20, propertyTax: 0.01)
        #expect(abs(rates.costOfCapital - 0.10655457485271491) < 1e-12)
        #expect(abs((rates.emtr ?? .nan) - 0.24921102533063) < 1e-12)
        #expect(abs(rates.eatr - 0.22621829941085964) < 1e-12)
    }

    @Test func noTaxGivesZeroRates() {
        // u = 0, w = 0: ρ = a − δ = r = 0.08, EMTR = 0, EATR = (0 + 0.08 − 0.08)/0.2 = 0
        let rates = standard.closedForm(taxRate: 0)
        #expect(abs(rates.costOfCapital - 0.08) < 1e-12)
        #expect(abs(rates.emtr ?? .nan) < 1e-12)
        #expect(abs(rates.eatr) < 1e-12)
    }

    @Test(arguments: [(0.20, 0.0), (0.15, 0.01), (0.35, 0.02), (0.0, 0.015), (0.5, 0.0)])
    func cashFlowsWithoutHolidayEqualTheClosedForm(rate: Double, propertyTax: Double) {
        // With H = 0 the cash-flow version must reproduce the closed form (algebra in the methodology doc).
        let closed = standard.closedForm(taxRate: rate, propertyTax: propertyTax)
        let flows = standard.rates(under: .init(rate: rate, propertyTax: propertyTax))
        #expect(abs(closed.eatr - flows.eatr) < 1e-12)
        #expect(abs(closed.costOfCapital - flows.costOfCapital) < 1e-12)
        #expect(abs((closed.emtr ?? .nan) - (flows.emtr ?? .nan)) < 1e-12)
        // Another economy: i = 0.15, π = 0.07, δ = 0.05, p = 0.25, Y = 20.
        let other = EffectiveTaxRate(nominalInterest: 0.15, inflation: 0.07, depreciation: 0.05, preTaxReturn: 0.25, allowanceLife: 20)
        #expect(abs(other.closedForm(taxRate: rate, propertyTax: propertyTax).eatr - other.rates(under: .init(rate: rate, propertyTax: propertyTax)).eatr) < 1e-12)
    }

    @Test func threeYearHolidayFromCashFlows() {
        // H = 3, uₕ = 0, u = 0.20, w = 0, a = 0.18:
        // e^(−aH) = e^(−0.54) = 0.5827482523739896
        // Φ = (1 − 0.5827482523739896)/0.18 + 0.8 × 0.5827482523739896/0.18
        //   = (0.4172517476260104 + 0.4661986018991917)/0.18 = 0.8834503495252021/0.18 = 4.908057497362234
        // A = u·(e^(−iH) − e^(−iY))/(iY) = 0.2 × (e^(−0.3) − e^(−1))/1 = 0.2 × (0.7408182206817179 − 0.36787944117144233)
        //   = 0.2 × 0.37293877951027557 = 0.07458775590205511
        // R = (p + δ)·Φ + A − 1 = 0.3 × 4.908057497362234 + 0.07458775590205511 − 1 = 0.5470050051107253
        // R* = (p − r)/a = 0.12/0.18 = 0.6666666666666666
        // EATR = (R* − R)/(p/a) = 0.1196616615559413/1.1111111111111112 = 0.10769549540034717
        // ρ = (1 − A)/Φ − δ = 0.9254122440979449/4.908057497362234 − 0.1 = 0.18854959311199889 − 0.1 = 0.08854959311199889
        let rates = standard.rates(under: .init(rate: 0.20, holidayYears: 3))
        #expect(abs(rates.eatr - 0.10769549540034717) < 1e-12)
        #expect(abs(rates.costOfCapital - 0.08854959311199889) < 1e-12)
        // The holiday lowers the EATR below the no-holiday 0.18621829941085964.
        #expect(rates.eatr < standard.closedForm(taxRate: 0.20).eatr)
    }

    @Test func permanentHolidayIsNoTax() {
        // H → ∞ (1000 years): e^(−aH) ≈ 0, Φ = 1/a, A = 0, so R = (p + δ)/a − 1 = R* and EATR = 0, ρ = a − δ = r = 0.08.
        let rates = standard.rates(under: .init(rate: 0.20, holidayYears: 1000))
        #expect(abs(rates.eatr) < 1e-12)
        #expect(abs(rates.costOfCapital - 0.08) < 1e-12)
    }
}
