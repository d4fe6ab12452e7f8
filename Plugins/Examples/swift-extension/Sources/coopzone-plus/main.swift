import CoopZoneCLI
import CoopZoneCore
import TimeSavingsEvaluator

// CoopZone's command-line tool with every built-in evaluator, plus `time_savings`.
await CoopZoneCommand.runMain(additionalEvaluators: [EvaluatorEntry(TimeSavingsEvaluator.self)])
