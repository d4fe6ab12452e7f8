import CoopZoneCore

/// A stage's incentive package as numbers for one run: `nil` rates mean "the baseline rate",
/// absent exemptions and discounts are 0.
struct StagePackage {
    /// Income-tax holiday, years.
    var holidayYears: Double
    /// Reduced corporate income-tax rate after the holiday.
    var incomeTaxRate: Double?
    /// Property tax rate in the zone.
    var propertyTaxRate: Double?
    /// Land tax in the zone, money per hectare.
    var landTax: Double?
    /// Share of import duty on export-production inputs waived.
    var inputDutyExemption: Double
    /// Share of import duty on equipment waived.
    var equipmentDutyExemption: Double
    /// Share of land rent waived.
    var landRentExemption: Double
    /// Share of residents' infrastructure costs reimbursed.
    var infrastructureReimbursement: Double
    /// Discount on the VAT rate.
    var vatDiscount: Double
    /// Discount on customs-duty rates.
    var dutyDiscount: Double

    init(_ incentives: Incentives, in scenario: Scenario) {
        holidayYears = scenario[incentives.incomeTaxHolidayYears, default: 0]
        incomeTaxRate = incentives.corporateIncomeTaxRate.map { scenario[$0] }
        propertyTaxRate = incentives.propertyTaxRate.map { scenario[$0] }
        landTax = incentives.landTax.map { scenario[$0] }
        inputDutyExemption = scenario[incentives.inputDutyExemption, default: 0]
        equipmentDutyExemption = scenario[incentives.equipmentDutyExemption, default: 0]
        landRentExemption = scenario[incentives.landRentExemption, default: 0]
        infrastructureReimbursement = scenario[incentives.infrastructureReimbursement, default: 0]
        vatDiscount = scenario[incentives.vatDiscount, default: 0]
        dutyDiscount = scenario[incentives.dutyDiscount, default: 0]
    }

    /// True when the package changes land tax or land rent.
    var touchesLand: Bool { landTax != nil || landRentExemption != 0 }

    /// The regime the representative investment sees under this package, given the baseline.
    func regime(baselineIncomeTax: Double, baselinePropertyTax: Double) -> EffectiveTaxRate.Regime {
        EffectiveTaxRate.Regime(
            rate: incomeTaxRate ?? baselineIncomeTax, propertyTax: propertyTaxRate ?? baselinePropertyTax,
            holidayYears: max(0, holidayYears))
    }
}
