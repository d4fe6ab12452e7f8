import Foundation

/// Formalisation of shadow (unrecorded) trade: recorded trade is `(1 − s)` of true trade.
/// See `Docs/methodology/trade_effects.md#formalisation`.
public enum ShadowTrade {
    /// True trade behind a recorded flow: `X_true = X_recorded / (1 − s)`; 0 when `s ≥ 1`.
    public static func trueTrade(recorded x: Double, shadowShare s: Double) -> Double {
        guard s < 1 else { return 0 }
        return x / (1 - s)
    }

    /// The rise in recorded trade when the shadow share falls from `s0` to `s1`:
    /// `ΔX_recorded = X_true · (s0 − s1)`, no new trade created.
    public static func formalisation(recorded x: Double, shareBefore s0: Double, shareAfter s1: Double) -> Double {
        trueTrade(recorded: x, shadowShare: s0) * (s0 - s1)
    }
}
