/// The corporate income tax zone residents pay on the profits `staged_incentives` reports for
/// their cohorts (`pre_tax_profit`): the tax at the baseline rate less the income-tax expenditure
/// of the same year. See Docs/methodology/cost_benefit.md#profit-tax.
public enum ProfitTax {
    /// The tax paid under the zone regime: `u₀ · Π − TE_income`, not below zero.
    @inlinable public static func paid(baselineTax: Double, taxExpenditure: Double) -> Double {
        max(0, baselineTax - taxExpenditure)
    }
}
