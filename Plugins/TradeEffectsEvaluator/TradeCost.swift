import Foundation

/// Border time and logistics cost as ad-valorem trade costs, the trade response to them, and
/// the importer's saving on trade costs. The response uses SMART's trade-creation equation with
/// the trade cost in place of the tariff, so an ad-valorem cut of the same size moves trade by
/// the same amount whether it cuts a tariff or a trade cost.
/// See `Docs/methodology/trade_effects.md#trade-facilitation`.
public enum TradeCost {
    /// The ad-valorem equivalent of crossing time and logistics cost:
    /// `τ = days · costPerDay + logisticsShare` (Hummels & Schaur 2013: 0.6–2.1 % a day).
    public static func adValorem(days: Double, costPerDay: Double, logisticsShare: Double) -> Double {
        days * costPerDay + logisticsShare
    }

    /// The facilitation effect on a flow `x` when the ad-valorem trade cost moves from `tau0` to
    /// `tau1`: SMART's trade creation with `τ` for `t` and `−θ` for `Em`,
    /// `ΔX = X · θ · (τ0 − τ1) / ((1 + τ0) · (1 + θ/Ex))` (`Ex` infinite: `1 + θ/Ex = 1`),
    /// bounded below by `−X`.
    public static func facilitation(
        flow x: Double, from tau0: Double, to tau1: Double, elasticity theta: Double,
        exportSupplyElasticity ex: Double = .infinity
    ) -> Double {
        max(
            SMART.tradeCreation(
                imports: x, oldTariff: tau0, newTariff: tau1, importDemandElasticity: -theta,
                exportSupplyElasticity: ex), -x)
    }

    /// The importer's saving on trade that already crossed: `m · (τ0 − τ1)/(1 + τ0)`, with `m`
    /// valued at the delivered price before the measure (trade cost included, tariff excluded),
    /// so that `m/(1 + τ0)` is its value at the exporter's price.
    public static func savingOnExistingTrade(flow m: Double, from tau0: Double, to tau1: Double) -> Double {
        guard 1 + tau0 > 0 else { return 0 }
        return m * (tau0 - tau1) / (1 + tau0)
    }

    /// The rule of a half on the trade the measure creates: `½ · ΔX · (τ0 − τ1)/(1 + τ0)`, the
    /// triangle under the (linear) import-demand curve between the old and the new delivered price.
    public static func savingOnNewTrade(newTrade dx: Double, from tau0: Double, to tau1: Double) -> Double {
        guard 1 + tau0 > 0 else { return 0 }
        return 0.5 * dx * (tau0 - tau1) / (1 + tau0)
    }
}
