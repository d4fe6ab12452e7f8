import Foundation

/// The additionality chain of the HM Treasury Green Book and the HCA (English Partnerships)
/// Additionality Guide, applied to jobs:
///
/// `net = gross × (1 − leakage) × (1 − displacement) × (1 − substitution) − reference case`,
/// with the reference case (deadweight) taken as the share `deadweight` of the adjusted gross,
/// so `net = gross × (1 − leakage) × (1 − displacement) × (1 − substitution) × (1 − deadweight)`.
///
/// `gross` here already includes the multiplier (gross = direct × Type II multiplier): because
/// every factor multiplies, applying the chain to the direct jobs and then the multiplier (the
/// Guide's order) gives the same totals, and lets direct, indirect and induced be reported apart.
public struct Additionality: Sendable, Equatable {
    /// Share of the gross jobs taken by people from outside the target region.
    public var leakage: Double
    /// Share of the jobs that displace jobs elsewhere in the target region (product or labour market).
    public var displacement: Double
    /// Share of the jobs that a firm would have filled anyway by substituting one activity for another.
    public var substitution: Double
    /// Share of the adjusted jobs that the reference case would have brought anyway.
    public var deadweight: Double

    /// Creates the chain; every share is a fraction.
    public init(leakage: Double, displacement: Double, substitution: Double, deadweight: Double) {
        self.leakage = leakage
        self.displacement = displacement
        self.substitution = substitution
        self.deadweight = deadweight
    }

    /// Gross after leakage, displacement and substitution: `(1 − L)(1 − D)(1 − S)`.
    public var adjustmentFactor: Double { (1 - leakage) * (1 - displacement) * (1 - substitution) }

    /// Net jobs per gross job with deadweight as the reference case (jobs from trade gains):
    /// `(1 − L)(1 − D)(1 − S)(1 − DW)`. Jobs from investment take `adjustmentFactor · (1 − redundancy)`.
    public var netFactor: Double { adjustmentFactor * (1 - deadweight) }

    /// The reference case (deadweight) for `gross` jobs: `DW × gross × (1 − L)(1 − D)(1 − S)`.
    public func referenceCase(gross: Double) -> Double { deadweight * gross * adjustmentFactor }

    /// Net additional jobs for `gross` jobs: the adjusted gross minus the reference case.
    public func net(gross: Double) -> Double { gross * adjustmentFactor - referenceCase(gross: gross) }
}
