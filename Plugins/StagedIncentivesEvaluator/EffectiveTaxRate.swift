import Foundation

/// Forward-looking effective tax rates of a representative investment (Devereux–Griffith),
/// in the closed form of a constant tax rate and, for a tax holiday, from the discounted cash
/// flows of a permanent investment after Klemm (2008, IMF WP/08/56).
///
/// Time is continuous: capital decays at the economic depreciation rate δ in real terms and
/// earns the real pre-tax return `p` plus δ on its value; the permanent investment replaces what
/// decays, so its real stock stays at one unit. Nominal flows are discounted at the nominal
/// interest rate `i` (real flows at `r = i − π`); tax allowances are straight line over `Y`
/// years on each vintage's historic cost. With a constant tax rate these cash flows give
/// exactly the closed form of Docs/methodology/staged_incentives.md#effective-tax-rates.
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

    /// `a = r + δ`: the user cost of a unit of capital before tax (real interest plus decay).
    var decayDiscount: Double { realInterest + depreciation }

    /// The present value of straight-line allowances per unit invested,
    /// `z = (1 − e^(−iY))/(iY)` (1 when `iY` is zero or `Y` is 0, immediate expensing).
    public var allowancePresentValue: Double {
        allowanceLife > 0 ? Self.integral(nominalInterest, from: 0, to: allowanceLife) / allowanceLife : 1
    }

    /// `∫ₐᵇ e^(−k·x) dx` (0 when `b ≤ a`; `b − a` when `k` is 0), accurate for small `k·(b − a)`.
    static func integral(_ k: Double, from a: Double, to b: Double) -> Double {
        guard b > a else { return 0 }
        guard k != 0 else { return b - a }
        return exp(-k * a) * -expm1(-k * (b - a)) / k
    }

    /// `∫ₛ₀ᴴ e^(π·s) ∫ₛᴴ e^(−i·t) dt ds`: the allowances (nominal, discounted at `i`, before the
    /// `1/Y`) that vintages bought in `[s₀, H]` at `e^(π·s)` per unit claim inside the holiday.
    /// Either order of integration gives a closed form; the one dividing by the larger of `|i|`,
    /// `|π|` is used, so the difference in its numerator loses no precision worth speaking of.
    static func claimsInHoliday(interest i: Double, inflation pi: Double, from s0: Double, to h: Double) -> Double {
        guard h > s0 else { return 0 }
        let r = i - pi
        if i == 0, pi == 0 { return (h - s0) * (h - s0) / 2 }
        if abs(i) >= abs(pi) {
            // Inner integral first: ∫ e^(−r s)(1 − e^(−i(H − s)))/i ds.
            return (integral(r, from: s0, to: h) - exp(-i * h) * integral(-pi, from: s0, to: h)) / i
        }
        // Outer integral first: ∫ e^(−i t)(e^(π t) − e^(π s₀))/π dt.
        return (integral(r, from: s0, to: h) - exp(pi * s0) * integral(i, from: s0, to: h)) / pi
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

    /// The rates under a regime whose income-tax rate changes once, at the end of a holiday, for a
    /// **permanent investment** (Klemm 2008): the firm raises its capital stock by one unit at
    /// `t = 0` and keeps it there, buying `δ` of replacement each year (nominal cost `δ·e^(π·s)`);
    /// every vintage has its own straight-line allowances over `Y` years on its historic cost, each
    /// worth the tax rate in force when claimed (allowances claimed in the holiday are worth only
    /// `uₕ`: lost, not deferred). Real flows are discounted at `r`, nominal allowances at `i`.
    /// Everything is multiplied by `r` (annuity values), with `H` the holiday, `uₕ` the rate during
    /// it, `u` the rate after it and `c = u − uₕ`:
    ///
    /// - income `r·Φ = r∫₀^∞ e^(−rt)(1 − u(t)) dt = (1 − u) + c·(1 − e^(−rH))`;
    /// - cost `r·(1 + δ/r) = r + δ` (the unit at `t = 0` and the replacement);
    /// - allowances `r·A = r·(u·z − c·F) + δ·(u·z − r·c·L)`, where `F = (1/Y)∫₀^min(H,Y) e^(−it)dt`
    ///   is the first vintage's loss and `L = z·∫₀^(H−Y) e^(−rs)ds + (1/Y)·claimsInHoliday(max(0, H − Y), H)`
    ///   the replacement vintages' loss (over `r`);
    /// - post-tax rent `r·R = (p + δ − w)·r·Φ + r·A − (r + δ)`, pre-tax rent `r·R* = p − r`;
    /// - `EATR = (R* − R)/(p/r) = (p − r − r·R)/p`; the cost of capital solves `R(ρ) = 0`:
    ///   `ρ = (r + δ − r·A)/(r·Φ) − δ + w`.
    ///
    /// With `H = 0` this is the closed form exactly. A holiday without end (`H = ∞`) is the closed
    /// form at `uₕ`. When `r ≤ 0` the pre-tax income of a permanent investment has no finite
    /// present value; the limit of the EATR over ever longer horizons is then the closed form at
    /// `u` (the holiday's years carry no weight), which is returned.
    public func rates(under regime: Regime) -> Rates {
        let u = regime.rate
        let uh = regime.holidayRate
        let w = regime.propertyTax
        let h = max(0, regime.holidayYears)
        if h.isInfinite { return closedForm(taxRate: uh, propertyTax: w) }
        let r = realInterest
        guard r > 0 else { return closedForm(taxRate: u, propertyTax: w) }
        let d = depreciation
        let p = preTaxReturn
        let y = allowanceLife
        let z = allowancePresentValue
        let cut = u - uh
        let firstLoss: Double
        let replacementLoss: Double
        if y > 0 {
            firstLoss = Self.integral(nominalInterest, from: 0, to: min(h, y)) / y
            let s0 = max(0, h - y)
            replacementLoss =
                z * Self.integral(r, from: 0, to: s0)
                + Self.claimsInHoliday(interest: nominalInterest, inflation: inflation, from: s0, to: h) / y
        } else {
            // Immediate expensing: each vintage's allowance is worth the rate at its purchase.
            firstLoss = h > 0 ? 1 : 0
            replacementLoss = Self.integral(r, from: 0, to: h)
        }
        let income = (1 - u) + cut * -expm1(-r * h)
        let allowances = r * (u * z - cut * firstLoss) + d * (u * z - r * cut * replacementLoss)
        let cost = r + d
        let rent = (p + d - w) * income + allowances - cost
        let eatr = (p - r - rent) / p
        let rho = (cost - allowances) / income - d + w
        let emtr: Double? = abs(rho) < 1e-12 ? nil : (rho - r) / rho
        return Rates(costOfCapital: rho, emtr: emtr, eatr: eatr)
    }
}
