import Foundation

/// How the jobs of an investment build up and how long they last: the same operating years as
/// `staged_incentives` gives the cohort's profits, assets and tax expenditure.
///
/// The capacity starts operating `lagYears` after the investment year (`staged_incentives`'
/// `operation_lag`). In its `j`-th operating year (`j = 0` is the first) it employs
/// `min(1, (j + 1) / rampUpYears)` of its full employment, and only while it lasts: the share is
/// multiplied by `min(1, max(0, lifeYears − j))` (`capacity_life_years`, counted from the first
/// operating year, as for the cohort's profits), so a life of 20 years gives jobs in operating
/// years `j = 0…19`, and a fractional life (a Monte Carlo draw) a fractional last year.
public struct RampUp: Sendable, Equatable {
    /// Years to reach full employment (≥ 1); 1 means full employment in the first operating year.
    public var rampUpYears: Double
    /// Years the capacity operates, counted from its first operating year.
    public var lifeYears: Double
    /// Years from the investment year to the first operating year (≥ 0).
    public var lagYears: Int

    /// Creates a profile. `rampUpYears` below 1 is treated as 1, a negative lag as 0.
    public init(rampUpYears: Double, lifeYears: Double, lagYears: Int = 0) {
        self.rampUpYears = max(1, rampUpYears)
        self.lifeYears = max(0, lifeYears)
        self.lagYears = max(0, lagYears)
    }

    /// The share of full employment `k` years after the investment year (0 before operation).
    public func share(yearsAfterInvestment k: Int) -> Double {
        let j = k - lagYears
        guard j >= 0 else { return 0 }
        let ramp = min(1, Double(j + 1) / rampUpYears)
        let operating = min(1, max(0, lifeYears - Double(j)))
        return ramp * operating
    }

    /// The shares for `k = 0 ..< count`, computed once per evaluation.
    public func shares(count: Int) -> [Double] {
        (0..<max(count, 0)).map { share(yearsAfterInvestment: $0) }
    }
}
