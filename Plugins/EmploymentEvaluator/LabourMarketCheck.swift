import Foundation

/// The labour-market check: net additional jobs in a region should not exceed the people who
/// could fill them, the unemployed in the first year plus the growth of the labour force since:
///
/// `available(t) = LF₀ · u + LF₀ · ((1 + g)^(t − t₀) − 1)`.
public struct LabourMarketCheck: Sendable, Equatable {
    /// Labour force in the first year of the horizon, persons (`LF₀`).
    public var labourForce: Double
    /// Unemployment rate, fraction of the labour force (`u`).
    public var unemploymentRate: Double
    /// Growth of the labour force, fraction per year (`g`).
    public var labourForceGrowth: Double
    /// The first year of the horizon (`t₀`).
    public var firstYear: Int

    /// Creates a check.
    public init(labourForce: Double, unemploymentRate: Double, labourForceGrowth: Double, firstYear: Int) {
        self.labourForce = labourForce
        self.unemploymentRate = unemploymentRate
        self.labourForceGrowth = labourForceGrowth
        self.firstYear = firstYear
    }

    /// People available for new jobs in `year`.
    public func available(in year: Int) -> Double {
        let growth = labourForce * (pow(1 + labourForceGrowth, Double(year - firstYear)) - 1)
        return labourForce * unemploymentRate + growth
    }

    /// The years (with the jobs and the people available) in which `netJobs[i]`, the net jobs of
    /// year `firstYear + i`, exceed the people available.
    public func shortfalls(netJobs: [Double]) -> [(year: Int, jobs: Double, available: Double)] {
        var out: [(year: Int, jobs: Double, available: Double)] = []
        for (i, jobs) in netJobs.enumerated() {
            let year = firstYear + i
            let available = available(in: year)
            if jobs > available { out.append((year, jobs, available)) }
        }
        return out
    }
}
