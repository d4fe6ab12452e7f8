import Foundation

/// The partial-equilibrium equations of WITS-SMART (Laird & Yeats 1986; Jammes & Olarreaga 2005;
/// WITS online help), with world prices normalised to 1 so that trade values are quantities.
///
/// Tariffs are fractions (0.10, not 10). The import-demand elasticity `Em` is negative; the
/// export-supply elasticity `Ex` is positive, `.infinity` for perfectly elastic supply (SMART's
/// default, which the WITS software enters as 99). See `Docs/methodology/trade_effects.md`.
public enum SMART {
    /// Trade creation on one flow: `TC = M · Em · Δt / ((1 + t0) · (1 − Em/Ex))`, with
    /// `Δt = t1 − t0`; with infinite `Ex` it is `M · Em · Δt / (1 + t0)`.
    ///
    /// A tariff cut (`t1 < t0`) with `Em < 0` gives a positive value.
    public static func tradeCreation(
        imports m: Double, oldTariff t0: Double, newTariff t1: Double,
        importDemandElasticity em: Double, exportSupplyElasticity ex: Double = .infinity
    ) -> Double {
        let supplyFactor = ex.isFinite && ex > 0 ? 1 - em / ex : 1
        let denominator = (1 + t0) * supplyFactor
        guard denominator > 0 else { return 0 }
        return m * em * (t1 - t0) / denominator
    }

    /// The change in the preferred partner's domestic price relative to the rest of the world's:
    /// `rel = ((1 + t_k1)/(1 + t_k0)) / ((1 + t_K1)/(1 + t_K0)) − 1`. Negative when the
    /// preferred partner becomes relatively cheaper.
    public static func relativePriceChange(
        preferredOld tk0: Double, preferredNew tk1: Double,
        otherOld tK0: Double, otherNew tK1: Double
    ) -> Double {
        ((1 + tk1) / (1 + tk0)) / ((1 + tK1) / (1 + tK0)) - 1
    }

    /// Trade diverted toward the preferred partner `k` from the rest of the world `K`:
    /// `TD_k = M_k · M_K · Es · (−rel) / (M_k + M_K + M_k · Es · (−rel))`.
    ///
    /// This is the exact solution of "total imports `M_k + M_K` unchanged, and the quantity ratio
    /// `M_k/M_K` moves by `Es · (−rel)`": `(M_k + TD)/(M_K − TD) = (M_k/M_K)·(1 + Es·(−rel))`.
    /// The result lies between `−M_k` and `M_K` (diversion is capped by existing trade); when
    /// `1 + Es·(−rel) ≤ 0` all of `k`'s trade is diverted away (`−M_k`). `TD_K = −TD_k`.
    public static func tradeDiversion(
        preferredImports mk: Double, otherImports mK: Double,
        substitutionElasticity es: Double, relativePriceChange rel: Double
    ) -> Double {
        guard mk > 0, mK > 0, es > 0, rel != 0 else { return 0 }
        let shift = es * -rel
        if 1 + shift <= 0 { return -mk }
        let diverted = mk * mK * shift / (mk + mK + mk * shift)
        return min(max(diverted, -mk), mK)
    }

    /// The importer's tariff revenue change `ΔTR = Σ t1·M1 − Σ t0·M0` over the preferred flow
    /// and the rest of the world (`otherImportsChange` is `TD_K`, the rest of the world's change).
    public static func tariffRevenueChange(
        oldTariff t0: Double, newTariff t1: Double, importsBefore m0: Double, importsAfter m1: Double,
        otherTariff tK: Double = 0, otherImportsChange dMK: Double = 0
    ) -> Double {
        t1 * m1 - t0 * m0 + tK * dMK
    }

    /// The deadweight-triangle welfare gain `W = ½ · |Δt| · ΔM`, with `ΔM` the created trade
    /// (negative when a tariff rise destroys trade).
    public static func welfare(oldTariff t0: Double, newTariff t1: Double, importChange dM: Double) -> Double {
        0.5 * abs(t1 - t0) * dM
    }
}
