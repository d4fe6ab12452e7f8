/// The response of investment to a change in the effective average tax rate:
/// `I = I_base · (1 + ε · ΔEATR)`, with `ε` a semi-elasticity (De Mooij & Ederveen 2003),
/// never below zero. See Docs/methodology/staged_incentives.md#investment-response.
public enum InvestmentResponse {
    /// The factor `max(0, 1 + ε · ΔEATR)` that scales the base investment.
    @inlinable public static func factor(semiElasticity: Double, eatrChange: Double) -> Double {
        max(0, 1 + semiElasticity * eatrChange)
    }

    /// The investment after the response: `I_base · max(0, 1 + ε · ΔEATR)`.
    @inlinable public static func investment(base: Double, semiElasticity: Double, eatrChange: Double) -> Double {
        base * factor(semiElasticity: semiElasticity, eatrChange: eatrChange)
    }
}
