import Foundation

/// Storage and hub capacity that lowers the loss of perishables between field and market.
/// See `Docs/methodology/trade_effects.md#loss-reduction`.
public enum StorageLoss {
    /// The extra trade when the loss share falls from `lossBefore` (L0) to `lossAfter` (L1):
    /// `ΔX = s · X · ((1 − L1)/(1 − L0) − 1)`, with `s` the exportable share of the extra supply.
    /// A loss share of 1 or more before the measure leaves nothing to scale and gives 0.
    public static func volumeGain(flow x: Double, lossBefore l0: Double, lossAfter l1: Double, exportableShare s: Double = 1) -> Double {
        guard l0 < 1 else { return 0 }
        return s * x * ((1 - l1) / (1 - l0) - 1)
    }

    /// The value of produce no longer lost, net of the storage and handling costs of keeping it:
    /// `V = ΔX · (1 − c)`, with `ΔX` the loss reduction and `c` the cost share.
    /// See `Docs/methodology/trade_effects.md#saved-produce-value`.
    public static func savedValue(lossReduction dx: Double, storageCostShare c: Double) -> Double {
        dx * (1 - c)
    }
}
