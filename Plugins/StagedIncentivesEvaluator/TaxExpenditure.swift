import Foundation

/// The pure arithmetic of tax expenditure (revenue forgone): tax under the baseline regime
/// minus tax under the zone regime, instrument by instrument, and its present value.
/// See Docs/methodology/staged_incentives.md#tax-expenditure.
public enum TaxExpenditure {
    /// The share of a year's profit exempt under an income-tax holiday of `holidayYears`
    /// (possibly fractional), in the `operatingYear`-th year of operation (0 = the first):
    /// `clamp(H − k, 0, 1)`. A 3-year holiday exempts years 0, 1 and 2 in full; 2.5 years
    /// exempt half of year 2.
    @inlinable public static func holidayShare(operatingYear k: Int, holidayYears: Double) -> Double {
        guard k >= 0 else { return 0 }
        return min(1, max(0, holidayYears - Double(k)))
    }

    /// Income tax forgone on `profit` because of the holiday: `profit · s · u₀`, with `s` the
    /// exempt share and `u₀` the baseline rate.
    @inlinable public static func holidayIncomeTax(profit: Double, baselineRate: Double, exemptShare: Double) -> Double {
        profit * exemptShare * baselineRate
    }

    /// Income tax forgone on the taxable part of `profit` because of a reduced rate:
    /// `profit · (1 − s) · (u₀ − u₁)`.
    @inlinable public static func reducedRateIncomeTax(profit: Double, baselineRate: Double, zoneRate: Double, exemptShare: Double) -> Double {
        profit * (1 - exemptShare) * (baselineRate - zoneRate)
    }

    /// Income tax forgone on a profit stream that starts in its first year of operation, under a
    /// holiday of `holidayYears` followed by `rateAfterHoliday` (the baseline rate when `nil`):
    /// `TEₖ = Πₖ · (u₀ − (1 − sₖ) · u₁)`.
    public static func incomeTax(profits: [Double], baselineRate: Double, holidayYears: Double, rateAfterHoliday: Double? = nil) -> [Double] {
        let after = rateAfterHoliday ?? baselineRate
        return profits.enumerated().map { k, profit in
            let s = holidayShare(operatingYear: k, holidayYears: holidayYears)
            return holidayIncomeTax(profit: profit, baselineRate: baselineRate, exemptShare: s)
                + reducedRateIncomeTax(profit: profit, baselineRate: baselineRate, zoneRate: after, exemptShare: s)
        }
    }

    /// Tax forgone when the zone's rate replaces the baseline rate on a base:
    /// `base · (t₀ − t₁)` (property tax on assets, land tax per hectare on land).
    @inlinable public static func rateCut(base: Double, baselineRate: Double, zoneRate: Double) -> Double {
        base * (baselineRate - zoneRate)
    }

    /// Tax forgone when a share of the baseline charge is waived or discounted:
    /// `base · t₀ · e` (duty, land-rent exemptions; VAT and customs-duty discounts).
    @inlinable public static func waiver(base: Double, baselineRate: Double, share: Double) -> Double {
        base * baselineRate * share
    }

    /// The book value of a cohort of investment `k` years after its first year of operation,
    /// depreciated geometrically: `I · (1 − δ)^k` (0 before operation starts).
    @inlinable public static func assets(investment: Double, depreciation: Double, operatingYear k: Int) -> Double {
        guard k >= 0 else { return 0 }
        return investment * pow(1 - depreciation, Double(k))
    }

    /// The discount factor of `year` seen from `baseYear` at `rate`: `1/(1 + d)^(t − t₀)`.
    @inlinable public static func discountFactor(year: Int, baseYear: Int, rate: Double) -> Double {
        pow(1 + rate, -Double(year - baseYear))
    }

    /// The present value at `baseYear` of yearly values starting in `firstYear`:
    /// `Σₜ TEₜ / (1 + d)^(t − t₀)`.
    public static func presentValue(_ values: [Double], firstYear: Int, baseYear: Int, rate: Double) -> Double {
        var total = 0.0
        for (k, value) in values.enumerated() { total += value * discountFactor(year: firstYear + k, baseYear: baseYear, rate: rate) }
        return total
    }
}
