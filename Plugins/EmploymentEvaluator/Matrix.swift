import Foundation

/// A small dense matrix of `Double`, stored row by row, with the inverse by Gauss–Jordan
/// elimination with partial pivoting. Enough for input–output tables of a few dozen sectors.
public struct Matrix: Sendable, Equatable {
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let columns: Int
    /// The entries, row by row: entry (i, j) is `elements[i * columns + j]`.
    public private(set) var elements: [Double]

    /// Why a matrix operation failed.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// The rows given do not all have the same length, or there are none.
        case ragged
        /// The operation needs a square matrix.
        case notSquare(rows: Int, columns: Int)
        /// The shapes of two operands do not fit.
        case shapeMismatch(String)
        /// An entry is NaN or infinite.
        case notFinite
        /// The matrix is singular (or numerically so): no pivot larger than the tolerance in `column`.
        case singular(column: Int)

        /// A readable description.
        public var description: String {
            switch self {
            case .ragged: "the rows of the matrix do not all have the same length"
            case .notSquare(let rows, let columns): "the matrix is \(rows)×\(columns), not square"
            case .shapeMismatch(let what): "shapes do not fit: \(what)"
            case .notFinite: "the matrix has an entry that is not a finite number"
            case .singular(let column): "the matrix is singular (no usable pivot in column \(column + 1))"
            }
        }
    }

    /// A `rows`×`columns` matrix filled with `value`.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        self.rows = max(rows, 0)
        self.columns = max(columns, 0)
        self.elements = Array(repeating: value, count: self.rows * self.columns)
    }

    /// A matrix from its rows; throws `Failure.ragged` when they differ in length or there are none.
    public init(_ rowArrays: [[Double]]) throws {
        guard let first = rowArrays.first, !first.isEmpty, rowArrays.allSatisfy({ $0.count == first.count }) else {
            throw Failure.ragged
        }
        self.rows = rowArrays.count
        self.columns = first.count
        self.elements = rowArrays.flatMap { $0 }
    }

    /// The `n`×`n` identity matrix.
    public static func identity(_ n: Int) -> Matrix {
        var m = Matrix(rows: n, columns: n)
        for i in 0..<m.rows { m[i, i] = 1 }
        return m
    }

    /// Entry (row `i`, column `j`), both 0-based.
    public subscript(i: Int, j: Int) -> Double {
        get { elements[i * columns + j] }
        set { elements[i * columns + j] = newValue }
    }

    /// The rows as arrays.
    public var rowArrays: [[Double]] {
        (0..<rows).map { i in Array(elements[(i * columns)..<((i + 1) * columns)]) }
    }

    /// `self − other`.
    public func subtracting(_ other: Matrix) throws -> Matrix {
        guard rows == other.rows, columns == other.columns else {
            throw Failure.shapeMismatch("\(rows)×\(columns) minus \(other.rows)×\(other.columns)")
        }
        var result = self
        for k in elements.indices { result.elements[k] -= other.elements[k] }
        return result
    }

    /// The product `self · v` with a column vector.
    public func multiplying(_ v: [Double]) throws -> [Double] {
        guard v.count == columns else { throw Failure.shapeMismatch("\(rows)×\(columns) times a vector of \(v.count)") }
        var out = [Double](repeating: 0, count: rows)
        for i in 0..<rows {
            var sum = 0.0
            for j in 0..<columns { sum += elements[i * columns + j] * v[j] }
            out[i] = sum
        }
        return out
    }

    /// The product `v' · self` of a row vector with the matrix.
    public func leftMultiplying(_ v: [Double]) throws -> [Double] {
        guard v.count == rows else { throw Failure.shapeMismatch("a row vector of \(v.count) times \(rows)×\(columns)") }
        var out = [Double](repeating: 0, count: columns)
        for i in 0..<rows where v[i] != 0 {
            for j in 0..<columns { out[j] += v[i] * elements[i * columns + j] }
        }
        return out
    }

    /// The inverse, by Gauss–Jordan elimination with partial pivoting (in each column the row
    /// with the largest absolute entry becomes the pivot). A pivot no larger than
    /// `relativeTolerance` × the largest absolute entry of the matrix counts as zero, and the
    /// matrix is reported singular rather than divided by it.
    public func inverse(relativeTolerance: Double = 1e-12) throws -> Matrix {
        guard rows == columns else { throw Failure.notSquare(rows: rows, columns: columns) }
        guard elements.allSatisfy(\.isFinite) else { throw Failure.notFinite }
        let n = rows
        var a = self
        var inv = Matrix.identity(n)
        let scale = elements.reduce(0) { max($0, abs($1)) }
        let tolerance = relativeTolerance * scale
        for col in 0..<n {
            var pivotRow = col
            var best = abs(a[col, col])
            for r in (col + 1)..<n where abs(a[r, col]) > best {
                best = abs(a[r, col])
                pivotRow = r
            }
            guard best > tolerance, best > 0 else { throw Failure.singular(column: col) }
            if pivotRow != col {
                a.swapRows(pivotRow, col)
                inv.swapRows(pivotRow, col)
            }
            let pivot = a[col, col]
            for j in 0..<n {
                a[col, j] /= pivot
                inv[col, j] /= pivot
            }
            for r in 0..<n where r != col {
                let factor = a[r, col]
                if factor == 0 { continue }
                for j in 0..<n {
                    a[r, j] -= factor * a[col, j]
                    inv[r, j] -= factor * inv[col, j]
                }
            }
        }
        guard inv.elements.allSatisfy(\.isFinite) else { throw Failure.notFinite }
        return inv
    }

    private mutating func swapRows(_ r1: Int, _ r2: Int) {
        for j in 0..<columns { elements.swapAt(r1 * columns + j, r2 * columns + j) }
    }
}
