import CoopZoneCore
import Foundation

/// The `staged_incentives` evaluator: for each zone and each stage of its timeline, the tax
/// expenditure of the incentive package by country side and instrument (and its present value),
/// the effective marginal and average tax rates of a representative investment, the private
/// investment (the programme, or its response to the change in the EATR), the public
/// infrastructure spending, and the redundancy share passed downstream.
/// Equations: Docs/methodology/staged_incentives.md.
public struct StagedIncentivesEvaluator: Evaluator {
    /// The parameters in force.
    public let parameters: Parameters

    /// Creates the evaluator; throws when the representative investment has no finite value
    /// (`nominal_interest_rate − inflation + depreciation` must be positive).
    public init(parameters: Parameters) throws {
        let decay = parameters.nominalInterestRate - parameters.inflation + parameters.depreciation
        guard decay > 0 else {
            throw EvaluatorError.unusableScenario(
                "staged_incentives: nominal_interest_rate − inflation + depreciation is \(decay), but must be positive for the investment to have a finite value"
            )
        }
        self.parameters = parameters
    }

    /// The rows it may write: its descriptor's metrics.
    static let rows = RowTable(descriptor)

    /// Runs the evaluator over every zone of `scenario`.
    public func evaluate(_ scenario: Scenario, context: EvaluationContext) throws -> EvaluationResult {
        var builder = ResultBuilder(Self.descriptor)
        var rows = Self.rows.writer()
        rows.add(Metrics.redundancy, year: nil, Dimensions(), parameters.redundancy)
        rows.add(Metrics.operationLag, year: nil, Dimensions(), parameters.operationLag.rounded())
        rows.add(Metrics.capacityLifeYears, year: nil, Dimensions(), parameters.capacityLifeYears)
        let shared = SharedInputs(scenario: scenario, parameters: parameters)
        var totals = Totals()
        for zone in scenario.zones {
            try ZoneRun(zone: zone, scenario: scenario, parameters: parameters, shared: shared).run(into: &builder, rows: &rows, totals: &totals)
        }
        try builder.headline(Metrics.taxExpenditurePVTotal, totals.taxExpenditurePV)
        try builder.headline(Metrics.investmentTotal, totals.investment)
        let eatrChange: Double
        if totals.eatrWeight > 0 {
            eatrChange = totals.eatrWeighted / totals.eatrWeight
        } else if totals.eatrCount > 0 {
            eatrChange = totals.eatrSum / Double(totals.eatrCount)
        } else {
            eatrChange = 0
        }
        try builder.headline(Metrics.eatrChange, eatrChange)
        return try rows.result(builder)
    }
}
