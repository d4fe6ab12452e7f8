import CoopZoneCore

extension StagedIncentivesEvaluator {
    /// The evaluator's parameters (names as written in a scenario's `evaluators:` block). Their
    /// units, defaults, ranges and citations are in `StagedIncentivesEvaluator.descriptor`.
    public struct Parameters: Decodable, Sendable, Hashable {
        /// Nominal interest (discount) rate `i` of the representative investment.
        public var nominalInterestRate: Double
        /// Inflation `π`.
        public var inflation: Double
        /// Economic depreciation `δ` (geometric), also used to depreciate the zone's assets.
        public var depreciation: Double
        /// Real pre-tax return `p`: the EATR's inframarginal return and the profit per unit of assets.
        public var preTaxReturn: Double
        /// Straight-line tax allowance life `Y`, years.
        public var allowanceLife: Double
        /// Semi-elasticity `ε` of investment to the EATR.
        public var semiElasticity: Double
        /// 1 = scale the investment programme by the response to the EATR change; 0 = take it as given.
        public var investmentResponse: Double
        /// Share of incentivised investment that would have come anyway (passed downstream).
        public var redundancy: Double
        /// Years from the investment year to the first year of operation.
        public var operationLag: Double
        /// Years a cohort operates (profits, assets, sales, jobs), counted from its first year of operation.
        public var capacityLifeYears: Double
        /// Output (turnover) per unit of assets per year.
        public var outputCapitalRatio: Double
        /// Imported inputs for export production as a share of output.
        public var importedInputShare: Double
        /// Share of output sold on the domestic market (the base of VAT and customs-duty discounts).
        public var domesticSalesShare: Double
        /// Share of an investment spent on imported equipment where the programme line gives none.
        public var equipmentShare: Double
        /// Residents' own infrastructure costs (connections, site works) as a share of their investment.
        public var residentInfrastructureShare: Double

        enum CodingKeys: String, CodingKey {
            case nominalInterestRate = "nominal_interest_rate"
            case inflation
            case depreciation
            case preTaxReturn = "pre_tax_return"
            case allowanceLife = "allowance_life"
            case semiElasticity = "semi_elasticity"
            case investmentResponse = "investment_response"
            case redundancy
            case operationLag = "operation_lag"
            case capacityLifeYears = "capacity_life_years"
            case outputCapitalRatio = "output_capital_ratio"
            case importedInputShare = "imported_input_share"
            case domesticSalesShare = "domestic_sales_share"
            case equipmentShare = "equipment_share"
            case residentInfrastructureShare = "resident_infrastructure_share"
        }

        /// True when the programme is scaled by the investment response (`investment_response` ≥ 0.5).
        public var appliesResponse: Bool { investmentResponse >= 0.5 }

        /// The representative investment these parameters describe.
        public var representativeInvestment: EffectiveTaxRate {
            EffectiveTaxRate(nominalInterest: nominalInterestRate, inflation: inflation, depreciation: depreciation,
                             preTaxReturn: preTaxReturn, allowanceLife: allowanceLife)
        }
    }
}
