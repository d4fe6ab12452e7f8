/// One uncertain input's effect on one headline, at the input's low and high bounds.
public struct Swing: Sendable, Hashable, Codable {
    /// The input's path.
    public var input: String
    /// Headline evaluator and metric.
    public var evaluator: String
    /// Headline metric.
    public var metric: String
    /// Unit of the headline.
    public var unit: Unit
    /// The input's low and high bounds.
    public var inputLow: Double
    /// The input's high bound.
    public var inputHigh: Double
    /// The headline with the input at its low bound, the others central.
    public var atLow: Double
    /// The headline with the input at its high bound.
    public var atHigh: Double
    /// The headline with every input central.
    public var central: Double
    /// |atHigh − atLow|.
    public var swing: Double { abs(atHigh - atLow) }
}

/// One-at-a-time sensitivity: each uncertain input at its low and high bound, the others at
/// their central values — the data behind a tornado chart.
public enum Sensitivity {
    /// Swings of every headline, for every uncertain input; per headline, sorted by swing, largest first.
    public static func run(_ plan: RunPlan, on scenario: Scenario) -> [Swing] {
        let headlineOf: (([String: EvaluationResult]) -> [Headline]) = { results in
            plan.evaluators.flatMap { results[$0.entry.descriptor.id]?.headlines ?? [] }
        }
        let central = headlineOf(Engine.runSynchronously(plan, on: scenario).results)
        var swings: [Swing] = []
        for slot in MonteCarlo.uncertainSlots(scenario) {
            guard let distribution = scenario.inputs[slot].distribution else { continue }
            var low = scenario.values, high = scenario.values
            low[slot] = distribution.low
            high[slot] = distribution.high
            let atLow = headlineOf(Engine.runSynchronously(plan, on: scenario.with(values: low)).results)
            let atHigh = headlineOf(Engine.runSynchronously(plan, on: scenario.with(values: high)).results)
            for c in central {
                let l = atLow.first { $0.evaluator == c.evaluator && $0.metric == c.metric }?.value ?? .nan
                let h = atHigh.first { $0.evaluator == c.evaluator && $0.metric == c.metric }?.value ?? .nan
                swings.append(
                    Swing(
                        input: scenario.inputs[slot].path, evaluator: c.evaluator, metric: c.metric, unit: c.unit,
                        inputLow: distribution.low, inputHigh: distribution.high, atLow: l, atHigh: h, central: c.value))
            }
        }
        return swings.sorted { a, b in
            if a.evaluator != b.evaluator { return a.evaluator < b.evaluator }
            if a.metric != b.metric { return a.metric < b.metric }
            if a.swing != b.swing { return a.swing > b.swing }
            return a.input < b.input
        }
    }
}
