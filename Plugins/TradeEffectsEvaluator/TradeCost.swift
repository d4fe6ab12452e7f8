import Foundation

/// Border time and logistics cost as ad-valorem trade costs, and the trade response to them
/// (`Δln X = −θ · Δln(1 + τ)`). See `Docs/methodology/trade_effects.md#trade-facilitation`.
public enum TradeCost {
    /// The ad-valorem equivalent of crossing time and logistics cost:
    /// `τ = days · costPerDay + logisticsShare` (Hummels & Schaur 2013: 0.6–2.1 % a day).
    public static func adValorem(days: Double, costPerDay: Double, logisticsShare: Double) -> Double {
        days * costPerDay + logisticsShare
    }

    /// The ratio of new to old trade when the ad-valorem trade cost moves from `tau0` to
    /// `tau1`: `X1/X0 = ((1 + τ1)/(1 + τ0))^(−θ)`, the exact form of `Δln X = −θ · Δln(1 + τ)`.
    public static func tradeRatio(from tau0: Double, to tau1: Double, elasticity theta: Double) -> Double {
        guard 1 + tau0 > 0, 1 + tau1 > 0 else { return 1 }
        return exp(-theta * (log1p(tau1) - log1p(tau0)))
    }

    /// The facilitation effect on a flow `x`: `ΔX = X · (((1 + τ1)/(1 + τ0))^(−θ) − 1)`.
    public static func facilitation(flow x: Double, from tau0: Double, to tau1: Double, elasticity theta: Double) -> Double {
        x * (tradeRatio(from: tau0, to: tau1, elasticity: theta) - 1)
    }
}
