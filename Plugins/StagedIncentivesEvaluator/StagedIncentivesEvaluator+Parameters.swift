import CoopZoneCore

extension StagedIncentivesEvaluator {
    /// The evaluator's parameters (names as written in a scenario's `evaluators:` block). Each
    /// default is the property's initial value; names, units, ranges and citations are in `table`.
    public struct Parameters: ParameterSet, Hashable {
        /// The defaults.
        public init() {}

        /// Nominal interest (discount) rate `i` of the representative investment.
        public var nominalInterestRate = 0.10
        /// Inflation `π`.
        public var inflation = 0.05
        /// Economic depreciation `δ` (geometric), also used to depreciate the zone's assets.
        public var depreciation = 0.10
        /// Real pre-tax return `p`: the EATR's inframarginal return and the profit per unit of assets.
        public var preTaxReturn = 0.20
        /// Straight-line tax allowance life `Y`, years.
        public var allowanceLife = 10.0
        /// Semi-elasticity `ε` of investment to the EATR.
        public var semiElasticity = -3.3
        /// 1 = scale the investment programme by the response to the EATR change; 0 = take it as given.
        public var investmentResponse = 0.0
        /// Share of incentivised investment that would have come anyway (passed downstream).
        public var redundancy = 0.5
        /// Years from the investment year to the first year of operation.
        public var operationLag = 1.0
        /// Years a cohort operates (profits, assets, sales, jobs), counted from its first year of operation.
        public var capacityLifeYears = 20.0
        /// Output (turnover) per unit of assets per year.
        public var outputCapitalRatio = 1.0
        /// Imported inputs for export production as a share of output.
        public var importedInputShare = 0.3
        /// Share of output sold on the domestic market (the base of VAT and customs-duty discounts).
        public var domesticSalesShare = 0.3
        /// Share of an investment spent on imported equipment where the programme line gives none.
        public var equipmentShare = 0.4
        /// Residents' own infrastructure costs (connections, site works) as a share of their investment.
        public var residentInfrastructureShare = 0.05

        /// True when the programme is scaled by the investment response (`investment_response` ≥ 0.5).
        public var appliesResponse: Bool { investmentResponse >= 0.5 }

        /// The representative investment these parameters describe.
        public var representativeInvestment: EffectiveTaxRate {
            EffectiveTaxRate(
                nominalInterest: nominalInterestRate, inflation: inflation, depreciation: depreciation,
                preTaxReturn: preTaxReturn, allowanceLife: allowanceLife)
        }
    }
}
