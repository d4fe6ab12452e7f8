import CoopZoneCore
import CostBenefitEvaluator
import EmploymentEvaluator
import StagedIncentivesEvaluator
import TradeEffectsEvaluator
import ZoneFitEvaluator

/// The one sorted list of built-in evaluators. Each lives in its own target under
/// `Plugins/<Name>Evaluator`, depending only on the core's public API; a test checks that
/// this list and those folders agree.
public enum BuiltInEvaluators {
    /// Every built-in evaluator, sorted by id.
    public static let all: [EvaluatorEntry] = [
        EvaluatorEntry(CostBenefitEvaluator.self),
        EvaluatorEntry(EmploymentEvaluator.self),
        EvaluatorEntry(StagedIncentivesEvaluator.self),
        EvaluatorEntry(TradeEffectsEvaluator.self),
        EvaluatorEntry(ZoneFitEvaluator.self),
    ]

    /// The names of the plugin targets, as their folders are named.
    public static let targetNames = ["CostBenefitEvaluator", "EmploymentEvaluator", "StagedIncentivesEvaluator", "TradeEffectsEvaluator", "ZoneFitEvaluator"]
}
