import Foundation

extension TariffRule {
    /// The new rate this rule gives an old rate `t0`, reading the rule's number with `value`
    /// (`{ scenario[$0] }` in an evaluator). Rates are fractions; the result is never negative.
    public func apply(to t0: Double, value: (Quantity) -> Double) -> Double {
        switch self {
        case .newRate(let q): Self.newRate(t0, rate: value(q))
        case .maximumRate(let q): Self.maximumRate(t0, maximum: value(q))
        case .linearCut(let q): Self.linearCut(t0, cut: value(q))
        case .swiss(let q): Self.swiss(t0, a: value(q))
        }
    }

    /// WITS "new rate": `t1 = rate`.
    public static func newRate(_ t0: Double, rate: Double) -> Double { max(rate, 0) }

    /// WITS "maximum rate": rates above the ceiling are cut to it, `t1 = min(t0, maximum)`.
    public static func maximumRate(_ t0: Double, maximum: Double) -> Double { max(min(t0, maximum), 0) }

    /// WITS "linear cut": `t1 = (1 − cut) · t0`, `cut` a fraction (0.5 halves the rate).
    public static func linearCut(_ t0: Double, cut: Double) -> Double { max((1 - cut) * t0, 0) }

    /// The Swiss formula `t1 = a · t0 / (a + t0)` with `a` and the rates as fractions: WITS's
    /// coefficient 16 (percentage points) is `a = 0.16`. `a ≤ 0` removes the tariff.
    public static func swiss(_ t0: Double, a: Double) -> Double {
        guard a > 0, t0 > 0 else { return 0 }
        return a * t0 / (a + t0)
    }
}
