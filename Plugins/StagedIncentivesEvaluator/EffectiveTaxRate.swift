import Foundation

/// Forward-looking effective tax rates of a representative investment (Devereux–Griffith),
/// in the closed form of a constant tax rate and, for a tax holiday, from the discounted cash
/// flows of a permanent investment after Klemm (2008, IMF WP/08/56).
///
/// Time is continuous: a unit of capital bought at t = 0 decays at the economic depreciation
/// rate δ in real terms, earns the real pre-tax return `p` on its remaining value, and is
/// discounted at the nominal interest rate `i`; tax allowances are straight line over `Y`
/// years on the historic cost. With a constant tax rate these cash flows give exactly the
/// closed form of Docs/methodology/staged_incentives.md#effective-tax-rates.
public struct EffectiveTaxRate: Sendable, Hashable {
    /// Nominal interest (discount) rate `i`, fraction per year.
    public var nominalInterest: Double
    /// Inflation `π`, fraction per year.
    public var inflation: Double
    /// Economic depreciation `δ`, fraction per year.
    public var depreciation: Double
    /// Real pre-tax return `p` of the inframarginal project used for the EATR.
    public var preTaxReturn: Double
    /// Tax allowance life `Y`, years (straight line).
    public var allowanceLife: Double

    /// Sets out the economic assumptions of the representative investment.
    public init(nominalInterest: Double, inflation: Double, depreciation: Double, preTaxReturn: Double, allowanceLife: Double) {
        self.nominalInterest = nominalInterest
        self.inflation = inflation
        self.depreciation = depreciation
        self.preTaxReturn = preTaxReturn
        self.allowanceLife = allowanceLife
    }

    /// A tax regime as the representative investment sees it from its first year.
    public struct Regime: Sendable, Hashable {
        /// Years of the holiday from the start (may be fractional); 0 for none.
        public var holidayYears: Double
        /// The corporate income-tax rate during the holiday (0 for a full exemption).
        public var holidayRate: Double
        /// The corporate income-tax rate after the holiday (or throughout, without one).
        public var rate: Double
        /// The property tax rate on the value of the asset, per year (deductible from the income-tax base).
        public var propertyTax: Double

        /// Creates a regime.
        public init(rate: Double, propertyTax: Double = 0, holidayYears: Double = 0, holidayRate: Double = 0) {
            self.holidayYears = holidayYears
            self.holidayRate = holidayRate
            self.rate = rate
            self.propertyTax = propertyTax
        }
    }

    /// The cost of capital and the effective tax rates under one regime.
    public struct Rates: Sendable, Hashable {
        /// The cost of capital `ρ`: the real pre-tax return at which the investment just breaks even.
        public var costOfCapital: Double
        /// The effective marginal tax rate `(ρ − r)/ρ`; `nil` when `ρ` is (close to) zero, where it is undefined.
        public var emtr: Double?
        /// The effective average tax rate of a project earning `p`.
        public var eatr: Double
    }

    /// The real interest rate `r = i − π`.
    public var realInterest: Double { nominalInterest - inflation }

    /// `a = r + δ`: the rate at which a unit of capital's income is discounted in real terms.
    var decayDiscount: Double { realInterest + depreciation }

    /// The present value of straight-line allowances per unit invested,
    /// `z = (1 − e^(−iY))/(iY)` (1 when `iY` is zero).
    public var allowancePresentValue: Double {
        allowanceLife > 0 ? Self.allowanceShare(rate: nominalInterest, from: 0, to: allowanceLife, life: allowanceLife) : 1
    }

    /// `(1/Y)·∫ₛᵗ e^(−i·x) dx` for `0 ≤ s ≤ t ≤ Y`, `Y > 0`: the present value of the allowances
    /// claimed between `s` and `t`; its limit `(t − s)/Y` when `i` is zero.
    static func allowanceShare(rate i: Double, from s: Double, to t: Double, life y: Double) -> Double {
        if abs(i * y) < 1e-12 { return (t - s) / y }
        return (exp(-i * s) - exp(-i * t)) / (i * y)
    }

    /// The closed form (constant rate `u`, property tax `w`):
    /// `ρ = (i − π + δ)/(1 − u)·(1 − u·z) − δ + w`, `EMTR = (ρ − r)/ρ`,
    /// `EATR = ((p − ρ)/p)·u + (ρ/p)·EMTR`, evaluated as `(u·(p − ρ) + ρ − r)/p`, which is the same
    /// and stays defined when `ρ` is zero.
    public func closedForm(taxRate u: Double, propertyTax w: Double = 0) -> Rates {
        let r = realInterest
        let p = preTaxReturn
        let z = allowancePresentValue
        let rho = decayDiscount / (1 - u) * (1 - u * z) - depreciation + w
        let emtr: Double? = abs(rho) < 1e-12 ? nil : (rho - r) / rho
        let eatr = (u * (p - rho) + rho - r) / p
        return Rates(costOfCapital: rho, emtr: emtr, eatr: eatr)
    }

    /// The rates under a regime whose income-tax rate changes once, at the end of a holiday,
    /// from the discounted cash flows of the investment (Klemm 2008). With `a = r + δ`, `H` the
    /// holiday, `uₕ` the rate during it and `u` the rate after it:
    ///
    /// - `Φ = ∫₀^∞ e^(−a t)(1 − u(t)) dt = (1 − uₕ)(1 − e^(−aH))/a + (1 − u)e^(−aH)/a`;
    /// - allowances `A = uₕ·(1/Y)∫₀^m e^(−i t)dt + u·(1/Y)∫ₘ^Y e^(−i t)dt`, `m = min(H, Y)`
    ///   (allowances falling in the holiday are worth only `uₕ`: they are lost, not deferred);
    /// - post-tax rent `R = (p + δ − w)·Φ + A − 1`, pre-tax rent `R* = (p − r)/a`;
    /// - `EATR = (R* − R)/(p/a)`; cost of capital from `R(ρ) = 0`: `ρ = (1 − A)/Φ − δ + w`.
    public func rates(under regime: Regime) -> Rates {
        let a = decayDiscount
        let r = realInterest
        let p = preTaxReturn
        let w = regime.propertyTax
        let h = max(0, regime.holidayYears)
        let uh = regime.holidayRate
        let u = regime.rate
        let survive = exp(-a * h)
        let phi = (1 - uh) * (1 - survive) / a + (1 - u) * survive / a
        let life = allowanceLife
        let allowances: Double
        if life > 0 {
            let m = min(h, life)
            allowances = uh * Self.allowanceShare(rate: nominalInterest, from: 0, to: m, life: life)
                + u * Self.allowanceShare(rate: nominalInterest, from: m, to: life, life: life)
        } else {
            allowances = h > 0 ? uh : u  // immediate expensing at t = 0
        }
        let rent = (p + depreciation - w) * phi + allowances - 1
        let pureRent = (p - r) / a
        let eatr = (pureRent - rent) / (p / a)
        let rho = (1 - allowances) / phi - depreciation + w
        let emtr: Double? = abs(rho) < 1e-12 ? nil : (rho - r) / rho
        return Rates(costOfCapital: rho, emtr: emtr, eatr: eatr)
    }
}
