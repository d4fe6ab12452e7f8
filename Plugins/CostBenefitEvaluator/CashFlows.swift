/// The yearly money flows of the appraisal by component, country slot and year, in flat arrays
/// (no string keys in the loops). Components are kept apart because the redundancy share acts on
/// some of them and not others (and the break-even needs the investment-linked ones apart). See Docs/methodology/cost_benefit.md#redundancy.
struct CashFlows {
    /// What a flow is, and how redundancy acts on it.
    enum Component: Int, CaseIterable {
        /// Tax expenditure other than infrastructure reimbursement; a cost in the redundant share `r`.
        case taxExpenditure
        /// The part of `taxExpenditure` on capacity already in place; a cost in full.
        case taxExpenditureExisting
        /// Infrastructure reimbursements to residents; a cost in full.
        case reimbursement
        /// Public infrastructure capital and running cost; a cost in full.
        case infrastructure
        /// Tax on the wages of net jobs from investment (already net of redundancy in `employment`).
        case wageTaxInvestment
        /// Tax on the wages of net jobs from trade.
        case wageTaxTrade
        /// The worker's part of the benefit of net jobs from investment, `w·(1 − SWRF − t)`.
        case wagesInvestment
        /// The same for net jobs from trade.
        case wagesTrade
        /// Corporate income tax paid by residents under the zone regime; a gain in the share `1 − r`.
        case profitTax
        /// Customs revenue change; in full.
        case customs
        /// Trade welfare; in full.
        case welfare
        /// Trade-cost savings of facilitation; in full.
        case tradeCostSaving
        /// The value of produce no longer lost, net of storage costs; in full.
        case savedProduce
        /// Net jobs from investment (not money; for the cost per job).
        case jobsInvestment
        /// Net jobs from trade (not money).
        case jobsTrade
    }

    /// Country slots (the scenario's countries, then one for flows without a known country).
    let slots: Int
    /// Years of the horizon.
    let years: Int
    private var values: [Double]

    init(slots: Int, years: Int) {
        self.slots = slots
        self.years = years
        values = [Double](repeating: 0, count: Component.allCases.count * slots * years)
    }

    @inline(__always) private func index(_ component: Component, _ slot: Int, _ year: Int) -> Int {
        (component.rawValue * slots + slot) * years + year
    }

    /// Adds `value` to a component of a slot in a year (index from the base year).
    mutating func add(_ component: Component, slot: Int, year: Int, _ value: Double) {
        values[index(component, slot, year)] += value
    }

    /// The value of a component of a slot in a year.
    func value(_ component: Component, slot: Int, year: Int) -> Double {
        values[index(component, slot, year)]
    }

    /// True when any component of the slot is non-zero in any year.
    func isActive(slot: Int) -> Bool {
        for component in Component.allCases {
            let base = index(component, slot, 0)
            for k in 0..<years where values[base + k] != 0 { return true }
        }
        return false
    }
}
