import Foundation

/// An input–output table of a region with the Leontief machinery: output `x = (I − A)⁻¹ f`,
/// jobs `e'(I − A)⁻¹ f`, and the Type II (household-closed) model for induced effects.
///
/// `A` holds technical coefficients: `A[i][j]` is the input bought from sector `i` per unit of
/// output of sector `j` (both in money). `e[j]` is jobs per USD million of output of sector `j`.
/// For Type II, `householdIncome[j]` is the labour income paid to households per unit of output of
/// `j` (the household row) and `householdConsumption[i]` the spending on sector `i` per unit of
/// household income (the household column); the closed table is
/// `Ā = [[A, c], [h', a_hh]]` (`a_hh` households' purchases from households, usually 0), and its
/// upper-left block of `(I − Ā)⁻¹` equals `(I − A − c h' / (1 − a_hh))⁻¹` (Miller & Blair 2009, §2.5).
public struct InputOutput: Sendable {
    /// Why a table cannot be used.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// A shape, sign or value is wrong; the text says which.
        case invalid(String)
        /// `(I − A)` is singular.
        case singular
        /// The table is not productive: `(I − A)⁻¹` has a negative entry (some column of `A` sums to 1 or more).
        case notProductive

        /// A readable description.
        public var description: String {
            switch self {
            case .invalid(let message): "input–output table: \(message)"
            case .singular: "input–output table: I − A is singular, so the Leontief inverse does not exist"
            case .notProductive: "input–output table: the economy it describes is not productive ((I − A)⁻¹ has a negative entry)"
            }
        }
    }

    /// The jobs a final-demand change supports, by the sector in which the jobs are.
    public struct JobEffects: Sendable, Equatable {
        /// Jobs producing the final demand itself: `e_j · f_j`.
        public var direct: [Double]
        /// Jobs in the supply chain: `e_j · ((I − A)⁻¹ f)_j − direct_j`.
        public var indirect: [Double]
        /// Jobs from household spending of the extra wages (Type II − Type I); `nil` without a household closure.
        public var induced: [Double]?
    }

    /// Employment multipliers of one sector: total jobs per direct job.
    public struct Multipliers: Sendable, Equatable {
        /// Type I: (direct + indirect) / direct.
        public var typeI: Double
        /// Type II: (direct + indirect + induced) / direct; `nil` without a household closure.
        public var typeII: Double?
    }

    /// The effects of USD 1 m of final demand for each sector's output, summed over the sectors
    /// where they arise (the final-demand multipliers of RIMS II, IMPLAN's per-dollar multipliers).
    /// Type I uses `(I − A)⁻¹`, Type II the household-closed block `(I − A − c h')⁻¹`.
    public struct FinalDemandMultipliers: Sendable, Equatable {
        /// Output, USD m per USD m of final demand: column sums `1'L`.
        public var output: [Double]
        /// Jobs per USD m of final demand: `e'L`.
        public var employment: [Double]
        /// Labour income (household income), USD m per USD m of final demand: `h'L` (Type I), the
        /// household row of the closed inverse `h'B / (1 − a_hh)` (Type II); `nil` without `h`.
        public var labourIncome: [Double]?
        /// Value added, USD m per USD m of final demand: `v'L`; `nil` without `v`.
        public var valueAdded: [Double]?
    }

    /// Sector ids, in the order of the rows and columns.
    public let sectors: [String]
    /// Technical coefficients `A` (n×n).
    public let technicalCoefficients: Matrix
    /// Jobs per USD million of output, by sector (`e`).
    public let employmentCoefficients: [Double]
    /// Household income per unit of output, by sector (`h`), for Type II.
    public let householdIncome: [Double]?
    /// Household spending per unit of household income, by sector (`c`), for Type II.
    public let householdConsumption: [Double]?
    /// Value added per unit of output, by sector (`v`), for value-added multipliers.
    public let valueAdded: [Double]?
    /// Households' purchases from households per unit of household income (`a_hh`), for Type II.
    public let householdOwnPurchase: Double
    /// `(I − A)⁻¹`, computed once.
    public let leontiefInverse: Matrix
    /// `(I − A − c h')⁻¹`, the sector block of the household-closed inverse; `nil` without a closure.
    public let closedLeontiefInverse: Matrix?

    /// Creates and checks a table; computes its Leontief inverses once.
    /// Throws `Failure` when shapes disagree, a coefficient is negative or not finite, or the
    /// (open or closed) table is singular or not productive.
    public init(
        sectors: [String], technicalCoefficients a: [[Double]], employmentCoefficients e: [Double],
        householdIncome h: [Double]? = nil, householdConsumption c: [Double]? = nil, valueAdded v: [Double]? = nil,
        householdOwnPurchase ahh: Double = 0
    ) throws {
        let n = sectors.count
        guard n > 0 else { throw Failure.invalid("no sectors") }
        guard Set(sectors).count == n else { throw Failure.invalid("a sector is listed twice") }
        guard a.count == n, a.allSatisfy({ $0.count == n }) else {
            throw Failure.invalid("the coefficient matrix must be \(n)×\(n), one row and one column per sector")
        }
        guard e.count == n else { throw Failure.invalid("\(e.count) employment coefficients for \(n) sectors") }
        if let v, v.count != n { throw Failure.invalid("\(v.count) value-added coefficients for \(n) sectors") }
        let values = a.flatMap { $0 } + e + (h ?? []) + (c ?? []) + (v ?? [])
        guard values.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
            throw Failure.invalid("coefficients must be finite and not negative")
        }
        switch (h, c) {
        case (nil, nil): break
        case (let h?, let c?):
            guard h.count == n, c.count == n else { throw Failure.invalid("household row and column need one entry per sector") }
        default:
            throw Failure.invalid("a household closure needs both the income row and the consumption column")
        }
        self.sectors = sectors
        self.employmentCoefficients = e
        self.householdIncome = h
        self.householdConsumption = c
        self.valueAdded = v
        guard ahh.isFinite, ahh >= 0, ahh < 1 else { throw Failure.invalid("households' purchases from households must be in [0, 1)") }
        self.householdOwnPurchase = ahh
        let matrixA = try Matrix(a)
        self.technicalCoefficients = matrixA
        self.leontiefInverse = try Self.productiveInverse(of: matrixA)
        if let h, let c {
            var closed = matrixA
            for i in 0..<n { for j in 0..<n { closed[i, j] += c[i] * h[j] / (1 - ahh) } }
            self.closedLeontiefInverse = try Self.productiveInverse(of: closed)
        } else {
            self.closedLeontiefInverse = nil
        }
    }

    /// `(I − M)⁻¹`, checked to be non-negative (a productive table).
    private static func productiveInverse(of m: Matrix) throws -> Matrix {
        let inverse: Matrix
        do {
            inverse = try Matrix.identity(m.rows).subtracting(m).inverse()
        } catch Matrix.Failure.singular {
            throw Failure.singular
        }
        // Rounding can leave -1e-17 where the exact entry is 0; anything clearly negative means
        // the spectral radius of M is not below 1.
        guard inverse.elements.allSatisfy({ $0 > -1e-9 }) else { throw Failure.notProductive }
        return inverse
    }

    /// Output by sector needed to deliver final demand `f` (USD million): `x = (I − A)⁻¹ f`.
    public func output(finalDemand f: [Double]) throws -> [Double] {
        try leontiefInverse.multiplying(f)
    }

    /// Jobs supported by final demand `f` (USD million by sector), split into direct, indirect and
    /// (with a household closure) induced, by the sector where the jobs are.
    public func jobs(finalDemand f: [Double]) throws -> JobEffects {
        let e = employmentCoefficients
        let x = try leontiefInverse.multiplying(f)
        let direct = zip(e, f).map { $0 * $1 }
        let typeI = zip(e, x).map { $0 * $1 }
        let indirect = zip(typeI, direct).map { $0 - $1 }
        var induced: [Double]?
        if let closedLeontiefInverse {
            let closedX = try closedLeontiefInverse.multiplying(f)
            induced = zip(zip(e, closedX), typeI).map { $0.0 * $0.1 - $1 }
        }
        return JobEffects(direct: direct, indirect: indirect, induced: induced)
    }

    /// Employment multipliers by sector: Type I `(e'(I − A)⁻¹)_j / e_j` and Type II the same with
    /// the closed inverse; `nil` for a sector with no jobs per unit of output (`e_j = 0`).
    public func employmentMultipliers() -> [Multipliers?] {
        let e = employmentCoefficients
        // Both products are shape-safe by construction; fall back to no multipliers if not.
        guard let totalI = try? leontiefInverse.leftMultiplying(e) else { return Array(repeating: nil, count: e.count) }
        let totalII = closedLeontiefInverse.flatMap { try? $0.leftMultiplying(e) }
        return e.indices.map { j in
            guard e[j] > 0 else { return nil }
            return Multipliers(typeI: totalI[j] / e[j], typeII: totalII.map { $0[j] / e[j] })
        }
    }

    /// The final-demand multipliers of every sector: Type I, or Type II with the household closure
    /// (`nil` when the table has none).
    public func finalDemandMultipliers(typeII: Bool) -> FinalDemandMultipliers? {
        guard let inverse = typeII ? closedLeontiefInverse : leontiefInverse else { return nil }
        let n = sectors.count
        // Every product is n-long against an n×n matrix by construction, so none can throw.
        func weighted(_ w: [Double]) -> [Double] { (try? inverse.leftMultiplying(w)) ?? Array(repeating: .nan, count: n) }
        return FinalDemandMultipliers(
            output: weighted(Array(repeating: 1, count: n)), employment: weighted(employmentCoefficients),
            labourIncome: householdIncome.map { weighted($0).map { typeII ? $0 / (1 - householdOwnPurchase) : $0 } },
            valueAdded: valueAdded.map(weighted))
    }
}
