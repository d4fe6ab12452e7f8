/// The running totals behind the headlines, summed over zones.
struct Totals {
    /// Σ of `tax_expenditure_pv` over zones, countries and instruments.
    var taxExpenditurePV = 0.0
    /// Σ of `investment` over the horizon.
    var investment = 0.0
    /// Σ amount × ΔEATR over investment made under a stage.
    var eatrWeighted = 0.0
    /// Σ amount over investment made under a stage.
    var eatrWeight = 0.0
    /// Σ ΔEATR over stage × country pairs (used when no investment falls in a stage).
    var eatrSum = 0.0
    /// The number of stage × country pairs in `eatrSum`.
    var eatrCount = 0
}
