import Foundation

/// A yearly series (a flow's or a link turnover's history): year-over-year indices, compound
/// growth, gaps, and the baseline projection. See `Docs/methodology/trade_effects.md#baseline`.
public struct HistorySeries: Sendable, Equatable {
    /// The years, ascending and distinct.
    public let years: [Int]
    /// The values, one per year.
    public let values: [Double]

    /// A series from `(year, value)` points in any order; a repeated year keeps its last value.
    public init(_ points: [(year: Int, value: Double)]) {
        var byYear: [Int: Double] = [:]
        for point in points { byYear[point.year] = point.value }
        let sorted = byYear.keys.sorted()
        years = sorted
        values = sorted.map { byYear[$0] ?? 0 }
    }

    /// True when the series has no points.
    public var isEmpty: Bool { years.isEmpty }

    /// The value in `year`, if the series has it.
    public func value(in year: Int) -> Double? {
        var low = 0, high = years.count - 1
        while low <= high {
            let mid = (low + high) / 2
            if years[mid] == year { return values[mid] }
            if years[mid] < year { low = mid + 1 } else { high = mid - 1 }
        }
        return nil
    }

    /// Year-over-year indices, previous year = 100: `I_y = 100 · v_y / v_{y−1}`, for every year
    /// whose previous year is in the series with a positive value.
    public func yearOverYearIndices() -> [(year: Int, index: Double)] {
        var out: [(year: Int, index: Double)] = []
        guard years.count > 1 else { return out }
        for i in 1..<years.count where years[i - 1] == years[i] - 1 && values[i - 1] > 0 {
            out.append((years[i], 100 * values[i] / values[i - 1]))
        }
        return out
    }

    /// Compound annual growth from the first to the last year: `(v_last/v_first)^(1/(y_last − y_first)) − 1`;
    /// `nil` with fewer than two years or a non-positive end value.
    public func compoundGrowth() -> Double? {
        guard let first = years.first, let last = years.last, last > first,
            let v0 = values.first, let v1 = values.last, v0 > 0, v1 > 0
        else { return nil }
        return pow(v1 / v0, 1 / Double(last - first)) - 1
    }

    /// The years missing between the first and the last year.
    public func gaps() -> [Int] {
        var missing: [Int] = []
        guard years.count > 1 else { return missing }
        for i in 1..<years.count where years[i] > years[i - 1] + 1 {
            missing.append(contentsOf: (years[i - 1] + 1)..<years[i])
        }
        return missing
    }

    /// The baseline in `year`: the series' own value where it has the year; between two years
    /// of the series, geometric interpolation (linear if either end is not positive); after the
    /// last year `v_last · (1 + g)^(y − y_last)`; before the first `v_first · (1 + g)^(y − y_first)`.
    /// `nil` for an empty series.
    public func baseline(in year: Int, growth g: Double) -> Double? {
        guard let firstYear = years.first, let lastYear = years.last, let v0 = values.first, let vN = values.last else { return nil }
        if year >= lastYear { return vN * pow(1 + g, Double(year - lastYear)) }
        if year <= firstYear { return v0 * pow(1 + g, Double(year - firstYear)) }
        // Inside the series: exact, or between the nearest years on either side.
        var upper = 1
        while years[upper] < year { upper += 1 }
        if years[upper] == year { return values[upper] }
        let (ya, yb, va, vb) = (years[upper - 1], years[upper], values[upper - 1], values[upper])
        let w = Double(year - ya) / Double(yb - ya)
        if va > 0, vb > 0 { return va * pow(vb / va, w) }
        return va + (vb - va) * w
    }
}
