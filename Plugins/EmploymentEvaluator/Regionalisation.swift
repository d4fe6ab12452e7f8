import Foundation

/// Flegg's location quotient (FLQ): regional technical coefficients from a national table and
/// employment by sector, as regional models do when no survey table of the region exists
/// (Flegg & Webber 1997; Flegg & Tohmo 2013). See Docs/input-output.md#regionalisation.
///
/// With `RE_i`, `NE_i` the region's and the nation's employment in sector `i` and `TRE`, `TNE`
/// their totals over the table's sectors:
/// - simple location quotient `SLQ_i = (RE_i / TRE) / (NE_i / TNE)`;
/// - cross-industry quotient `CILQ_ij = SLQ_i / SLQ_j` (supplying sector `i`, buying sector `j`);
/// - the region's size `λ* = [log₂(1 + TRE / TNE)]^δ`, `0 ≤ δ < 1`;
/// - `FLQ_ij = λ* · CILQ_ij` off the diagonal and `λ* · SLQ_i` on it;
/// - the regional coefficient `r_ij = a_ij · min(FLQ_ij, 1)`: a quotient below 1 says the region
///   buys part of the input from elsewhere, and it never buys more of it locally than the nation does.
public enum FleggLocationQuotient {
    /// Why a regionalisation cannot be made.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// Shapes, signs or δ are wrong; the text says which.
        case invalid(String)

        /// A readable description.
        public var description: String {
            switch self {
            case .invalid(let message): "FLQ regionalisation: \(message)"
            }
        }
    }

    /// The quotients used for one region.
    public struct Quotients: Sendable, Equatable {
        /// `SLQ_i` by sector; `nil` where the nation has no employment in the sector.
        public var simple: [Double?]
        /// `λ*`.
        public var size: Double
        /// `min(FLQ_ij, 1)` (row `i` supplying, column `j` buying).
        public var cappedFLQ: Matrix
    }

    /// The quotients of a region with `regionalEmployment` in a nation with `nationalEmployment`
    /// (same sectors, same order) for `delta`.
    ///
    /// A sector the region lacks (`RE_j = 0`) buys nothing, so its column is kept at the nation's
    /// coefficients (cap 1); a sector it lacks as a supplier (`RE_i = 0`) supplies nothing locally
    /// (row 0). A sector the nation lacks (`NE_i = 0`) has no national coefficients to scale; its
    /// row and column are 0.
    public static func quotients(nationalEmployment ne: [Double], regionalEmployment re: [Double], delta: Double) throws -> Quotients {
        let n = ne.count
        guard n > 0, re.count == n else {
            throw Failure.invalid("\(re.count) regional employment figures for \(n) sectors of the national table")
        }
        guard (ne + re).allSatisfy({ $0.isFinite && $0 >= 0 }) else { throw Failure.invalid("employment must be finite and not negative") }
        guard delta.isFinite, delta >= 0, delta < 1 else { throw Failure.invalid("δ must be in [0, 1), got \(delta)") }
        let tne = ne.reduce(0, +), tre = re.reduce(0, +)
        guard tne > 0, tre > 0 else { throw Failure.invalid("the nation and the region need employment in at least one sector") }
        guard tre <= tne else {
            throw Failure.invalid("the region employs \(tre) in the table's sectors, more than the nation's \(tne)")
        }
        let slq: [Double?] = (0..<n).map { i in ne[i] > 0 ? (re[i] / tre) / (ne[i] / tne) : nil }
        let size = pow(log2(1 + tre / tne), delta)
        var capped = Matrix(rows: n, columns: n)
        for i in 0..<n {
            for j in 0..<n {
                guard let si = slq[i], let sj = slq[j] else { continue }
                let flq: Double
                if i == j || si == 0 {
                    flq = size * si  // a supplier the region lacks supplies nothing locally
                } else if sj > 0 {
                    flq = size * si / sj
                } else {
                    flq = .infinity  // the region has no sector j: its column is never used
                }
                capped[i, j] = min(flq, 1)
            }
        }
        return Quotients(simple: slq, size: size, cappedFLQ: capped)
    }

    /// Regional coefficients `r_ij = a_ij · min(FLQ_ij, 1)` from the national `a`.
    public static func regionalise(_ a: Matrix, nationalEmployment ne: [Double], regionalEmployment re: [Double], delta: Double) throws -> Matrix {
        guard a.rows == ne.count, a.columns == ne.count else {
            throw Failure.invalid("a \(a.rows)×\(a.columns) table with \(ne.count) national employment figures")
        }
        let q = try quotients(nationalEmployment: ne, regionalEmployment: re, delta: delta)
        var r = a
        for i in 0..<a.rows { for j in 0..<a.columns { r[i, j] *= q.cappedFLQ[i, j] } }
        return r
    }
}
