import CoopZoneCore
import EmploymentEvaluator
import StagedIncentivesEvaluator
import TradeEffectsEvaluator

/// The one sorted list of built-in evaluators. Each lives in its own target under
/// `Plugins/<Name>Evaluator`, depending only on the core's public API; a test checks that
/// this list and those folders agree.
public enum BuiltInEvaluators {
    /// Every built-in evaluator, sorted by id.
    public static let all: [EvaluatorEntry] = [
        EvaluatorEntry(EmploymentEvaluator.self),
        EvaluatorEntry(StagedIncentivesEvaluator.self),
        EvaluatorEntry(TradeEffectsEvaluator.self),
    ]

    /// The names of the plugin targets, as their folders are named.
    public static let targetNames = ["EmploymentEvaluator", "StagedIncentivesEvaluator", "TradeEffectsEvaluator"]
}
