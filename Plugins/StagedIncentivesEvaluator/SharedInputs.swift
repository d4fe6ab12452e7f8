import CoopZoneCore

/// What every zone of a run shares, resolved once per `evaluate` call: the calendar, the
/// discount factors, the countries' baseline rates and the baseline effective tax rates.
struct SharedInputs {
    /// First year of the horizon (also the base year of present values).
    let firstYear: Int
    /// Last year of the horizon.
    let lastYear: Int
    /// Years in the horizon.
    let yearCount: Int
    /// `1/(1 + d)^(t − t₀)` by year index.
    let discountFactors: [Double]
    /// The country codes of `scenario.countries`, by index.
    private let countryCodes: [String]
    /// Baseline rates by country index.
    let baselines: [Baseline]
    /// The representative investment.
    let representative: EffectiveTaxRate
    /// Baseline effective tax rates by country index (`nil` when the rate is 100 % or more).
    let baselineRates: [EffectiveTaxRate.Rates?]

    /// A country's baseline regime as numbers; absent rates are 0.
    struct Baseline {
        var incomeTax: Double
        var propertyTax: Double
        var landTax: Double
        var landRent: Double
        var vat: Double
        var equipmentDuty: Double
        /// True when the country gives no corporate income-tax rate.
        var incomeTaxMissing: Bool
    }

    /// The index of the first country with code `code` (a scan of the scenario's short list,
    /// cheaper than building and hashing into a table on every call).
    func countryIndex(_ code: String) -> Int? {
        for i in countryCodes.indices where countryCodes[i] == code { return i }
        return nil
    }

    init(scenario: Scenario, parameters: StagedIncentivesEvaluator.Parameters) {
        firstYear = scenario.horizon.lowerBound
        lastYear = scenario.horizon.upperBound
        yearCount = lastYear - firstYear + 1
        let rate = scenario[scenario.discountRate]
        let first = firstYear
        discountFactors = (0..<yearCount).map { TaxExpenditure.discountFactor(year: first + $0, baseYear: first, rate: rate) }
        countryCodes = scenario.countries.map(\.code)
        baselines = scenario.countries.map { country in
            let f = country.fiscal
            return Baseline(
                incomeTax: scenario[f.corporateIncomeTax, default: 0], propertyTax: scenario[f.propertyTax, default: 0],
                landTax: scenario[f.landTax, default: 0], landRent: scenario[f.landRent, default: 0],
                vat: scenario[f.vat, default: 0], equipmentDuty: scenario[f.equipmentDuty, default: 0],
                incomeTaxMissing: f.corporateIncomeTax == nil)
        }
        let investment = parameters.representativeInvestment
        representative = investment
        baselineRates = baselines.map { b in
            b.incomeTax < 1 ? investment.closedForm(taxRate: b.incomeTax, propertyTax: b.propertyTax) : nil
        }
    }
}
