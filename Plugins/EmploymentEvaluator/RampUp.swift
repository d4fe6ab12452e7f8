import Foundation

/// How the jobs of an investment build up and how long they last.
///
/// In the `k`-th year after the investment (`k = 0` is the year of the investment) the capacity
/// operates at `min(1, (k + 1) / rampUpYears)` of its full employment, and only while it lasts:
/// the share is multiplied by `min(1, max(0, lifeYears − k))`, so a life of 20 years gives jobs
/// in years `k = 0…19`, and a fractional life (a Monte Carlo draw) a fractional last year.
public struct RampUp: Sendable, Equatable {
    /// Years to reach full employment (≥ 1); 1 means full employment in the investment year.
    public var rampUpYears: Double
    /// Years the capacity operates, counted from the investment year.
    public var lifeYears: Double

    /// Creates a profile. `rampUpYears` below 1 is treated as 1.
    public init(rampUpYears: Double, lifeYears: Double) {
        self.rampUpYears = max(1, rampUpYears)
        self.lifeYears = max(0, lifeYears)
    }

    /// The share of full employment `k` years after the investment year (0 before it).
    public func share(yearsAfterInvestment k: Int) -> Double {
        guard k >= 0 else { return 0 }
        let ramp = min(1, Double(k + 1) / rampUpYears)
        let operating = min(1, max(0, lifeYears - Double(k)))
        return ramp * operating
    }

    /// The shares for `k = 0 ..< count`, computed once per evaluation.
    public func shares(count: Int) -> [Double] {
        (0..<max(count, 0)).map { share(yearsAfterInvestment: $0) }
    }
}
