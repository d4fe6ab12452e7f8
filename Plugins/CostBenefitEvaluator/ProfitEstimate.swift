import Foundation

/// The profits of the zone's investment cohorts, modelled as `staged_incentives` models them
/// (Docs/methodology/staged_incentives.md#tax-expenditure): a cohort of `I` invested in year `y`
/// operates from `y + L` and earns `Π(t) = p · I · (1 − δ)^(t − y − L)`. Used to estimate the
/// corporate income tax zone residents pay once their holidays end.
/// See Docs/methodology/cost_benefit.md#profit-tax.
public struct ProfitEstimate: Sendable {
    /// Profit per unit of assets per year, `p`.
    public var preTaxReturn: Double
    /// Geometric depreciation of the assets, `δ`.
    public var depreciation: Double
    /// Years from investment to the first year of operation, `L`.
    public var operationLag: Int

    /// Creates the estimate.
    public init(preTaxReturn: Double, depreciation: Double, operationLag: Int) {
        self.preTaxReturn = preTaxReturn
        self.depreciation = depreciation
        self.operationLag = operationLag
    }

    /// Adds the profits of a cohort of `amount` invested in year index `start` to `profits`
    /// (indexed by year from the base year), from its first year of operation to the end.
    public func addProfits(of amount: Double, investedAt start: Int, into profits: inout [Double]) {
        let first = start + operationLag
        guard first < profits.count else { return }
        var assets = amount
        let keep = 1 - depreciation
        for t in first..<profits.count {
            if t > first { assets *= keep }
            if t >= 0 { profits[t] += preTaxReturn * assets }
        }
    }

    /// The corporate income tax paid under the zone regime: the tax at the baseline rate `u₀ · Π`
    /// less the income-tax expenditure of the same year, not below zero.
    @inlinable public static func taxPaid(baselineTax: Double, taxExpenditure: Double) -> Double {
        max(0, baselineTax - taxExpenditure)
    }
}
