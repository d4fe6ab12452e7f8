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
        #expect(
            abs(other.closedForm(taxRate: rate, propertyTax: propertyTax).eatr - other.rates(under: .init(rate: rate, propertyTax: propertyTax)).eatr) < 1e-12)
    }

    @Test func threeYearHolidayOfAPermanentInvestment() {
        // H = 3, uₕ = 0, u = 0.20, w = 0, r = 0.08, δ = 0.10, c = u − uₕ = 0.2, z = 0.6321205588285577:
        // income r·Φ = (1 − u) + c·(1 − e^(−rH)) = 0.8 + 0.2 × (1 − 0.7866278610665535) = 0.8426744277866893
        // first vintage's lost allowances F = (1 − e^(−iH))/(iY) = 1 − 0.7408182206817179 = 0.2591817793182821
        // replacement vintages bought in [0, 3] (all straddle the holiday's end, as H < Y):
        //   D = ∫₀³ e^(πs)∫ₛ³ e^(−it) dt ds = [∫₀³ e^(−rs)ds − e^(−iH)∫₀³ e^(πs)ds]/i
        //     = [(1 − e^(−0.24))/0.08 − 0.7408182206817179 × (e^(0.06) − 1)/0.02]/0.1
        //     = [2.6671517366680817 − 0.7408182206817179 × 3.091827327267982]/0.1 = 3.7666971742630384
        //   L = D/Y = 0.37666971742630384
        // r·A = r(uz − cF) + δ(uz − r·c·L) = 0.08 × (0.12642411176571154 − 0.05183635586365642)
        //     + 0.1 × (0.12642411176571154 − 0.08 × 0.2 × 0.37666971742630384)
        //     = 0.005967020472164408 + 0.012039739628689067 = 0.018006760100853475
        // r·R = (p + δ)·r·Φ + r·A − (r + δ) = 0.3 × 0.8426744277866893 + 0.018006760100853475 − 0.18 = 0.09080908843686036
        // EATR = (p − r − r·R)/p = (0.12 − 0.09080908843686036)/0.2 = 0.1459545578156982
        // ρ = (r + δ − r·A)/(r·Φ) − δ = 0.16199323989914652/0.8426744277866893 − 0.1 = 0.092237042631787
        let rates = standard.rates(under: .init(rate: 0.20, holidayYears: 3))
        #expect(abs(rates.eatr - 0.1459545578156982) < 1e-12)
        #expect(abs(rates.costOfCapital - 0.092237042631787) < 1e-12)
        // The holiday lowers the EATR below the no-holiday 0.18621829941085964, by far less than the
        // single asset's 0.10769549540034717 (the definition before issue 16; the methodology doc compares them).
        #expect(rates.eatr < standard.closedForm(taxRate: 0.20).eatr)
        #expect(rates.eatr > 0.10769549540034717)
    }

    @Test func permanentHolidayIsNoTax() {
        // H → ∞ (1000 years): e^(−rH) ≈ 0, so r·Φ = 1; every vintage's allowances fall in the holiday:
        // F = z and L → z/r, so r·A = r(uz − uz) + δ(uz − uz) = 0 and r·R = (p + δ) − (r + δ) = p − r:
        // EATR = (p − r − (p − r))/p = 0 and ρ = (r + δ)/1 − δ = r = 0.08.
        let rates = standard.rates(under: .init(rate: 0.20, holidayYears: 1000))
        #expect(abs(rates.eatr) < 1e-12)
        #expect(abs(rates.costOfCapital - 0.08) < 1e-12)
        // H = ∞ exactly: the closed form at the holiday rate 0, i.e. no tax.
        let endless = standard.rates(under: .init(rate: 0.20, holidayYears: .infinity))
        #expect(abs(endless.eatr) < 1e-12)
        #expect(abs(endless.costOfCapital - 0.08) < 1e-12)
        // A long holiday with property tax w leaves only w: r·R = (p + δ − w) − (r + δ), EATR = w/p = 0.01/0.2 = 0.05.
        let withProperty = standard.rates(under: .init(rate: 0.20, propertyTax: 0.01, holidayYears: 1000))
        #expect(abs(withProperty.eatr - 0.05) < 1e-12)
    }

    /// Parameter sets for the independent quadrature: different holiday lengths (shorter and longer than
    /// the allowance life, fractional), holiday rates, depreciation, interest, inflation (zero and negative,
    /// which takes the other branch of `claimsInHoliday`), property tax.
    static let quadratureCases: [(economy: EffectiveTaxRate, regime: EffectiveTaxRate.Regime)] = [
        (
            EffectiveTaxRate(nominalInterest: 0.10, inflation: 0.02, depreciation: 0.10, preTaxReturn: 0.20, allowanceLife: 10),
            .init(rate: 0.20, holidayYears: 3)
        ),
        (
            EffectiveTaxRate(nominalInterest: 0.12, inflation: 0.06, depreciation: 0.15, preTaxReturn: 0.25, allowanceLife: 8),
            .init(rate: 0.15, propertyTax: 0.01, holidayYears: 2.5, holidayRate: 0.05)
        ),
        (
            EffectiveTaxRate(nominalInterest: 0.08, inflation: 0, depreciation: 0.05, preTaxReturn: 0.20, allowanceLife: 20),
            .init(rate: 0.30, holidayYears: 12)
        ),
        (
            EffectiveTaxRate(nominalInterest: 0.10, inflation: 0.05, depreciation: 0.175, preTaxReturn: 0.30, allowanceLife: 5),
            .init(rate: 0.25, propertyTax: 0.02, holidayYears: 12)
        ),
        (
            EffectiveTaxRate(nominalInterest: 0.01, inflation: -0.04, depreciation: 0.08, preTaxReturn: 0.15, allowanceLife: 10),
            .init(rate: 0.20, holidayYears: 6, holidayRate: 0.10)
        ),
    ]

    @Test(arguments: 0..<quadratureCases.count)
    func permanentInvestmentMatchesQuadratureOfItsCashFlows(index: Int) {
        let (economy, regime) = Self.quadratureCases[index]
        let expected = PermanentInvestmentQuadrature(economy: economy, regime: regime).rates()
        let rates = economy.rates(under: regime)
        // Simpson’s rule with a step of 0.05 years and 32 steps for each claim: about 1e-10 here; 1e-8 allowed.
        #expect(abs(rates.eatr - expected.eatr) < 1e-8, "EATR \(rates.eatr) vs quadrature \(expected.eatr)")
        #expect(abs(rates.costOfCapital - expected.costOfCapital) < 1e-8, "ρ \(rates.costOfCapital) vs quadrature \(expected.costOfCapital)")
        // And a holiday still lowers the rate below the closed form at u.
        #expect(rates.eatr < economy.closedForm(taxRate: regime.rate, propertyTax: regime.propertyTax).eatr)
    }

    @Test func noHolidayMatchesQuadratureToo() {
        // The quadrature itself, with H = 0, reproduces the closed form (a check of the check).
        for (economy, regime) in Self.quadratureCases {
            var none = regime
            none.holidayYears = 0
            let expected = PermanentInvestmentQuadrature(economy: economy, regime: none).rates()
            #expect(abs(economy.closedForm(taxRate: regime.rate, propertyTax: regime.propertyTax).eatr - expected.eatr) < 1e-8)
        }
    }

    @Test func eatrRisesWithDepreciationForAFixedHoliday() {
        // With H = 5 the replacement bought in the holiday loses its allowances there, and without a holiday
        // dEATR/dδ = u(1 − z)/p > 0 (allowances slower than decay): the permanent investment's EATR rises with δ.
        // (The single asset's fell: 0.1064 at δ = 0.03 to −0.0159 at δ = 0.30 for these numbers.)
        for holidayRate in [0.0, 0.10] {
            var previous = -Double.infinity
            for delta in [0.03, 0.06, 0.10, 0.15, 0.20, 0.30, 0.50] {
                let economy = EffectiveTaxRate(nominalInterest: 0.10, inflation: 0.02, depreciation: delta, preTaxReturn: 0.20, allowanceLife: 10)
                let eatr = economy.rates(under: .init(rate: 0.20, holidayYears: 5, holidayRate: holidayRate)).eatr
                #expect(eatr > previous, "δ = \(delta): EATR \(eatr) not above \(previous)")
                previous = eatr
            }
        }
    }

    @Test func nonPositiveRealInterestGivesTheSteadyState() {
        // r = i − π ≤ 0: a permanent investment's income has no finite present value, and over ever longer
        // horizons the holiday's share of it vanishes, so the rate is the closed form at u.
        let economy = EffectiveTaxRate(nominalInterest: 0.05, inflation: 0.08, depreciation: 0.10, preTaxReturn: 0.20, allowanceLife: 10)
        let rates = economy.rates(under: .init(rate: 0.20, holidayYears: 5))
        #expect(rates == economy.closedForm(taxRate: 0.20))
        // As r falls to 0 from above the permanent-investment rate tends to the same value.
        let near = EffectiveTaxRate(nominalInterest: 0.08 + 1e-7, inflation: 0.08, depreciation: 0.10, preTaxReturn: 0.20, allowanceLife: 10)
        let atZero = EffectiveTaxRate(nominalInterest: 0.08, inflation: 0.08, depreciation: 0.10, preTaxReturn: 0.20, allowanceLife: 10)
        #expect(abs(near.rates(under: .init(rate: 0.20, holidayYears: 5)).eatr - atZero.closedForm(taxRate: 0.20).eatr) < 1e-5)
    }
}

/// The permanent investment valued by numerical integration of its cash flows over calendar time,
/// written independently of `EffectiveTaxRate.rates(under:)` (which integrates vintage by vintage in
/// closed form). Per unit of real capital kept from t = 0, at time t (real terms, discounted at r):
///
/// - operating income after property and income tax `(p + δ − w)(1 − u(t))·e^(−rt)`;
/// - replacement purchases `δ·e^(−rt)`, and the unit bought at t = 0;
/// - the tax value of the allowances claimed at t: `u(t)·e^(−it)·claim(t)`, with the nominal claim
///   `claim(t) = (1/Y)·[1{t < Y} + ∫ from max(0, t − Y) to t of δ·e^(πs) ds]` (every vintage bought in the
///   last Y years claims 1/Y of its historic cost), the inner integral also by Simpson's rule.
///
/// `R = ∫ income + ∫ allowances − 1 − ∫ replacement`, `R* = ∫ (p + δ)e^(−rt) − 1 − ∫ replacement`,
/// `EATR = (R* − R)/∫ p·e^(−rt)`; R is linear in p with slope `∫ (1 − u(t))e^(−rt)`, so ρ = p − R/slope.
/// Integrated to T = 32/r (e^(−32) ≈ 1e−14), split at the jumps t = H (the rate) and t = Y (the first unit's claims).
struct PermanentInvestmentQuadrature {
    let i: Double, pi: Double, delta: Double, p: Double, life: Double
    let u: Double, uh: Double, h: Double, w: Double

    init(economy: EffectiveTaxRate, regime: EffectiveTaxRate.Regime) {
        i = economy.nominalInterest; pi = economy.inflation; delta = economy.depreciation
        p = economy.preTaxReturn; life = economy.allowanceLife
        u = regime.rate; uh = regime.holidayRate; h = regime.holidayYears; w = regime.propertyTax
    }

    /// Composite Simpson's rule on [a, b] with an even number n of steps.
    static func simpson(_ a: Double, _ b: Double, steps n: Int, _ f: (Double) -> Double) -> Double {
        guard b > a else { return 0 }
        let step = (b - a) / Double(n)
        var sum = f(a) + f(b)
        for k in 1..<n { sum += (k % 2 == 1 ? 4 : 2) * f(a + Double(k) * step) }
        return sum * step / 3
    }

    /// ∫₀^T g(t, inHoliday, firstUnitClaims) dt, piece by piece between the jumps.
    func integrate(_ g: (Double, Bool, Bool) -> Double) -> Double {
        let r = i - pi
        let end = 32 / r
        let cuts = Set([0, h, life, end].filter { $0 >= 0 && $0 <= end }).sorted()
        var total = 0.0
        for (a, b) in zip(cuts, cuts.dropFirst()) {
            let middle = (a + b) / 2
            let holiday = middle < h
            let first = middle < life
            let steps = max(2, 2 * Int(((b - a) / 0.05 / 2).rounded(.up)))
            total += Self.simpson(a, b, steps: steps) { g($0, holiday, first) }
        }
        return total
    }

    func rates() -> (eatr: Double, costOfCapital: Double) {
        let r = i - pi
        let afterTaxShare = integrate { t, holiday, _ in (1 - (holiday ? uh : u)) * exp(-r * t) }
        let replacement = integrate { t, _, _ in delta * exp(-r * t) }
        let allowances = integrate { t, holiday, first in
            let bought = Self.simpson(max(0, t - life), t, steps: 32) { s in delta * exp(pi * s) }
            let claim = ((first ? 1 : 0) + bought) / life
            return (holiday ? uh : u) * exp(-i * t) * claim
        }
        let gross = integrate { t, _, _ in (p + delta) * exp(-r * t) }
        let pretaxIncome = integrate { t, _, _ in p * exp(-r * t) }
        let rent = (p + delta - w) * afterTaxShare + allowances - 1 - replacement
        let pureRent = gross - 1 - replacement
        return ((pureRent - rent) / pretaxIncome, p - rent / afterTaxShare)
    }
}
