import Foundation

/// The grid a lever moves on, defined once for the loader (the file's value must lie within the
/// bounds) and the workshop server (a page's value must lie on the grid): one tolerance, and
/// every accepted value snapped to the grid point it stands for, so 3.0000001 is 3.
extension Lever {
    /// How far, in steps, a value may lie off the grid or outside `[min, max]` and still be taken
    /// for the nearest grid point: what rounding in a page or a text file leaves.
    public static let tolerance = 1e-6

    /// True when `value` lies within `[min, max]`, give or take the tolerance.
    public func contains(_ value: Double) -> Bool {
        let slack = step * Self.tolerance
        return value.isFinite && value >= min - slack && value <= max + slack
    }

    /// The grid point (`min + k · step`, or `max`) that `value` stands for, written with no more
    /// decimals than `min` and `step` have; nil when `value` is outside the bounds or off the grid.
    public func snapped(_ value: Double) -> Double? {
        guard contains(value), step > 0 else { return nil }
        if abs(value - max) <= step * Self.tolerance { return max }
        let steps = (value - min) / step
        let k = steps.rounded()
        guard abs(steps - k) < Self.tolerance else { return nil }
        let scale = pow(10, Double(Swift.max(Self.decimals(min), Self.decimals(step))))
        return Swift.min(max, ((min + k * step) * scale).rounded() / scale)
    }

    /// The path of the number the lever sets, as `Scenario.inputs` names it: its `path` without a
    /// final `.value` (a lever may point into a number written in mapping form).
    public var numberPath: String { path.hasSuffix(".value") ? String(path.dropLast(".value".count)) : path }

    /// The decimals a number needs (at most 10): 0.25 → 2, 3 → 0.
    static func decimals(_ x: Double) -> Int {
        var scale = 1.0
        for d in 0...10 {
            let scaled = x * scale
            if abs(scaled - scaled.rounded()) < 1e-9 * Swift.max(1, abs(scaled)) { return d }
            scale *= 10
        }
        return 10
    }
}
