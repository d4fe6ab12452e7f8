import Foundation

/// The pure arithmetic of the cost–benefit appraisal: discounting, present values, the
/// benefit–cost ratio, the payback year and the break-even redundancy. No scenario is needed,
/// so each equation is tested on a hand-worked stream.
/// See Docs/methodology/cost_benefit.md.
public enum Appraisal {
    /// Discount factors `1/(1 + d)^k` for `k = 0 … count − 1`: the first year of the horizon is the
    /// base year, undiscounted.
    public static func discountFactors(count: Int, rate: Double) -> [Double] {
        guard count > 0 else { return [] }
        var factors = [Double](repeating: 1, count: count)
        let step = 1 / (1 + rate)
        for k in 1..<count { factors[k] = factors[k - 1] * step }
        return factors
    }

    /// The present value `Σₖ vₖ · fₖ` of yearly values with their discount factors.
    @inlinable public static func presentValue(_ values: [Double], discountFactors: [Double]) -> Double {
        var total = 0.0
        for k in 0..<min(values.count, discountFactors.count) { total += values[k] * discountFactors[k] }
        return total
    }

    /// The benefit–cost ratio `PV(benefits)/PV(costs)`, or `nil` when the costs' present value is
    /// not positive (the ratio is then undefined).
    @inlinable public static func benefitCostRatio(benefitsPV: Double, costsPV: Double) -> Double? {
        costsPV > 0 ? benefitsPV / costsPV : nil
    }

    /// When a stream of net benefits pays back.
    public struct Payback: Sendable, Equatable {
        /// Index (years after the base year) of the payback year: the first year, not before the
        /// first year with a non-zero net benefit, from which the cumulative discounted net benefit
        /// stays at or above zero to the end of the stream; `nil` when it is negative at the end.
        public var index: Int?
        /// The first year at or after the first non-zero flow in which the cumulative discounted
        /// net benefit was at or above zero, when that is earlier than `index` (the stream paid back
        /// once, then fell below zero again); `nil` otherwise.
        public var earlierIndex: Int?
        /// The cumulative discounted net benefit at the end of the stream.
        public var finalCumulative: Double
    }

    /// The payback of yearly net benefits `net` with their discount factors. Cumulative values
    /// within `1e-9` of the stream's discounted volume of zero count as zero, so an exact
    /// cancellation is not lost to rounding.
    public static func payback(_ net: [Double], discountFactors: [Double]) -> Payback {
        let count = min(net.count, discountFactors.count)
        var volume = 0.0
        for k in 0..<count { volume += abs(net[k] * discountFactors[k]) }
        let tolerance = 1e-9 * volume
        var cumulative = 0.0
        var firstActive: Int?
        var lastNegative: Int?
        var firstNonNegative: Int?
        for k in 0..<count {
            let flow = net[k] * discountFactors[k]
            if firstActive == nil, flow != 0 { firstActive = k }
            cumulative += flow
            if cumulative < -tolerance {
                lastNegative = k
            } else if firstActive != nil, firstNonNegative == nil {
                firstNonNegative = k
            }
        }
        guard count > 0 else { return Payback(index: 0, earlierIndex: nil, finalCumulative: 0) }
        if let last = lastNegative, last == count - 1 {
            return Payback(index: nil, earlierIndex: firstNonNegative, finalCumulative: cumulative)
        }
        let index = max(firstActive ?? 0, (lastNegative ?? -1) + 1)
        let earlier = firstNonNegative.flatMap { $0 < index ? $0 : nil }
        return Payback(index: index, earlierIndex: earlier, finalCumulative: cumulative)
    }

    /// Where the net present value, linear in the redundancy share `r`, turns negative.
    public struct BreakEven: Sendable, Equatable {
        /// How the NPV behaves over `r ∈ [0, 1]`.
        public enum Shape: Sendable, Equatable {
            /// NPV ≥ 0 at `r = 0` and < 0 at `r = 1`: it turns negative above `value`.
            case falling
            /// NPV < 0 at `r = 0` and ≥ 0 at `r = 1`: it is negative below `value` (benefits that do
            /// not depend on investment outweigh the rest; unusual).
            case rising
            /// NPV < 0 for every `r`: `value` is 0.
            case negativeEverywhere
            /// NPV ≥ 0 for every `r`: `value` is 1.
            case positiveEverywhere
        }

        /// The break-even redundancy share, in `[0, 1]`.
        public var value: Double
        /// How the NPV behaves.
        public var shape: Shape
    }

    /// The redundancy share at which `NPV(r) = NPV(0) + r · (NPV(1) − NPV(0))` is zero, clamped to
    /// `[0, 1]`: `r* = NPV(0)/(NPV(0) − NPV(1))`.
    public static func breakEvenRedundancy(npvAtZero n0: Double, npvAtOne n1: Double) -> BreakEven {
        switch (n0 >= 0, n1 >= 0) {
        case (false, false): return BreakEven(value: 0, shape: .negativeEverywhere)
        case (true, true): return BreakEven(value: 1, shape: .positiveEverywhere)
        case (true, false): return BreakEven(value: min(1, max(0, n0 / (n0 - n1))), shape: .falling)
        case (false, true): return BreakEven(value: min(1, max(0, n0 / (n0 - n1))), shape: .rising)
        }
    }
}
