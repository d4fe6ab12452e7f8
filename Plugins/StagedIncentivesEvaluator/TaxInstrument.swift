/// The instruments tax expenditure is reported by (the `instrument` dimension of
/// `tax_expenditure` and `tax_expenditure_pv`), in reporting order.
public enum TaxInstrument: String, Sendable, CaseIterable {
    /// Corporate income tax: holiday and reduced rate.
    case incomeTax = "income_tax"
    /// Property tax on the zone residents' assets.
    case propertyTax = "property_tax"
    /// Land tax on the land residents occupy.
    case landTax = "land_tax"
    /// Import duty waived on inputs for export production.
    case inputDuty = "input_duty"
    /// Import duty waived on equipment.
    case equipmentDuty = "equipment_duty"
    /// State land rent waived.
    case landRent = "land_rent"
    /// VAT discount on residents' domestic sales.
    case vat
    /// Customs duty discount on residents' domestic sales.
    case customsDuty = "customs_duty"
    /// The state's reimbursement of residents' infrastructure costs.
    case infrastructureReimbursement = "infrastructure_reimbursement"

    /// The position in `allCases`, for array-indexed accumulators.
    var ordinal: Int {
        switch self {
        case .incomeTax: 0
        case .propertyTax: 1
        case .landTax: 2
        case .inputDuty: 3
        case .equipmentDuty: 4
        case .landRent: 5
        case .vat: 6
        case .customsDuty: 7
        case .infrastructureReimbursement: 8
        }
    }
}
