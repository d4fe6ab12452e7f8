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
                "staged_incentives: nominal_interest_rate − inflation + depreciation is \(decay), but must be positive for the investment to have a finite value")
        }
        self.parameters = parameters
    }

    /// The metrics this evaluator writes rows of, by position (see `M`).
    static let rowMetrics = RowMetrics(descriptor, ["redundancy", "investment", "tax_expenditure", "tax_expenditure_pv", "emtr", "eatr",
                                                    "public_infrastructure", "operation_lag", "capacity_life_years", "pre_tax_profit",
                                                    "tax_expenditure_existing", "existing_capacity"])

    /// Positions in `rowMetrics`.
    enum M {
        static let redundancy = 0, investment = 1, taxExpenditure = 2, taxExpenditurePV = 3, emtr = 4, eatr = 5, publicInfrastructure = 6
        static let operationLag = 7, capacityLifeYears = 8, preTaxProfit = 9, taxExpenditureExisting = 10, existingCapacity = 11
    }

    /// Runs the evaluator over every zone of `scenario`.
    public func evaluate(_ scenario: Scenario, context: EvaluationContext) throws -> EvaluationResult {
        var builder = ResultBuilder(Self.descriptor)
        var rows = try Self.rowMetrics.writer()
        rows.add(M.redundancy, year: nil, Dimensions(), parameters.redundancy)
        rows.add(M.operationLag, year: nil, Dimensions(), parameters.operationLag.rounded())
        rows.add(M.capacityLifeYears, year: nil, Dimensions(), parameters.capacityLifeYears)
        let shared = SharedInputs(scenario: scenario, parameters: parameters)
        var totals = Totals()
        for zone in scenario.zones {
            try ZoneRun(zone: zone, scenario: scenario, parameters: parameters, shared: shared).run(into: &builder, rows: &rows, totals: &totals)
        }
        try builder.headline("tax_expenditure_pv_total", totals.taxExpenditurePV)
        try builder.headline("investment_total", totals.investment)
        let eatrChange: Double
        if totals.eatrWeight > 0 {
            eatrChange = totals.eatrWeighted / totals.eatrWeight
        } else if totals.eatrCount > 0 {
            eatrChange = totals.eatrSum / Double(totals.eatrCount)
        } else {
            eatrChange = 0
        }
        try builder.headline("eatr_change", eatrChange)
        return rows.result(builder)
    }
}
