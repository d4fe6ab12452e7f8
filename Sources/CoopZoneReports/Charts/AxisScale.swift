import CoopZoneCore
import Foundation

/// A linear axis with "nice" ticks: steps of 1, 2 or 5 times a power of ten, bounds on a
/// multiple of the step (Heckbert's labelling algorithm).
public struct AxisScale: Sendable, Hashable {
    /// The lowest value of the axis (the first tick).
    public let lower: Double
    /// The highest value of the axis (the last tick).
    public let upper: Double
    /// The distance between ticks.
    public let step: Double
    /// The tick values, from `lower` to `upper`.
    public let ticks: [Double]
    /// Decimals needed to label the ticks exactly.
    public let decimals: Int
    /// True for an axis of calendar years: labels are not grouped by thousands.
    public let isYear: Bool
    /// The language tick labels are written in (numbers as its readers write them).
    public var language: Language = .en

    /// An axis covering `minimum…maximum` with about `targetTicks` ticks; zero is included
    /// when `includeZero` is true (the honest choice for bars and for money over time).
    public init(minimum: Double, maximum: Double, targetTicks: Int = 6, includeZero: Bool = true) {
        var low = minimum.isFinite ? minimum : 0, high = maximum.isFinite ? maximum : 0
        if low > high { swap(&low, &high) }
        if includeZero { low = min(low, 0); high = max(high, 0) }
        if low == high {
            let pad = low == 0 ? 1 : abs(low) * 0.1
            low -= includeZero && low >= 0 ? 0 : pad
            high += includeZero && high <= 0 && low < 0 ? 0 : pad
        }
        let (step, exponent) = Self.niceStep((high - low) / Double(max(1, targetTicks - 1)))
        var first = (low / step).rounded(.down), last = (high / step).rounded(.up)
        if first == last { last += 1 }
        if last - first > 100 { first = max(first, last - 100) }
        self.step = step
        lower = first * step
        upper = last * step
        ticks = (0...Int(last - first)).map { i in
            let v = (first + Double(i)) * step
            return abs(v) < step * 1e-9 ? 0 : v
        }
        decimals = max(0, -exponent)
        isYear = false
    }

    /// An axis of calendar years from `first` to `last`: a tick every 1, 2, 5 or 10 years so
    /// that there are at most `maxTicks` of them.
    public init(years first: Int, _ last: Int, maxTicks: Int = 16) {
        let span = max(0, last - first)
        let step = [1, 2, 5, 10, 20, 50, 100].first { span / $0 + 1 <= maxTicks } ?? 100
        self.step = Double(step)
        lower = Double(first)
        upper = Double(max(last, first))
        var ticks: [Double] = []
        var year = first
        while year <= max(last, first) {
            ticks.append(Double(year))
            year += step
        }
        self.ticks = ticks
        decimals = 0
        isYear = true
    }

    /// A nice step at or above `raw` (1, 2 or 5 times 10^k) and k.
    static func niceStep(_ raw: Double) -> (Double, Int) {
        guard raw > 0, raw.isFinite else { return (1, 0) }
        var exponent = Int(log10(raw).rounded(.down))
        var power = pow(10, Double(exponent))
        let fraction = raw / power
        let nice: Double
        if fraction <= 1.0000001 {
            nice = 1
        } else if fraction <= 2.0000001 {
            nice = 2
        } else if fraction <= 5.0000001 {
            nice = 5
        } else {
            nice = 1
            exponent += 1
            power *= 10
        }
        return (nice * power, exponent)
    }

    /// The tick label of `value`: years as plain integers, other values grouped by thousands.
    public func label(_ value: Double) -> String {
        if isYear { return ChartFormat.fixed(value, decimals: 0) }
        return language == .en ? ChartFormat.grouped(value, decimals: decimals) : language.number(value, decimals: decimals)
    }

    /// Maps `value` onto the pixel range `start…end` (`start` at `lower`).
    public func position(_ value: Double, from start: Double, to end: Double) -> Double {
        guard upper != lower else { return (start + end) / 2 }
        return start + (value - lower) / (upper - lower) * (end - start)
    }
}
