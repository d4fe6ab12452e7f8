import Testing

@testable import EmploymentEvaluator

struct MatrixTests {
    private func close(_ a: Double, _ b: Double, _ tol: Double = 1e-12) -> Bool { abs(a - b) < tol }

    @Test func inverseNeedsARowSwap() throws {
        // M = [[0, 1], [2, 3]]: the first pivot is 0, so partial pivoting swaps the rows.
        // det = 0·3 − 1·2 = −2; M⁻¹ = (1/det)·[[3, −1], [−2, 0]] = [[−1.5, 0.5], [1, 0]].
        // Check: [[0,1],[2,3]]·[[−1.5,0.5],[1,0]] = [[1, 0], [−3 + 3, 1 + 0]] = I.
        let inverse = try Matrix([[0, 1], [2, 3]]).inverse()
        #expect(close(inverse[0, 0], -1.5))
        #expect(close(inverse[0, 1], 0.5))
        #expect(close(inverse[1, 0], 1))
        #expect(close(inverse[1, 1], 0))
    }

    @Test func inverseOfAThreeByThree() throws {
        // M = [[2, 0, 0], [0, 4, 0], [1, 0, 1]] (lower triangular).
        // Solving M·X = I column by column: x11 = 1/2, x22 = 1/4, x31 = −1·(1/2)/1 = −0.5, x33 = 1, others 0.
        // So M⁻¹ = [[0.5, 0, 0], [0, 0.25, 0], [−0.5, 0, 1]].
        let inverse = try Matrix([[2, 0, 0], [0, 4, 0], [1, 0, 1]]).inverse()
        let expected: [[Double]] = [[0.5, 0, 0], [0, 0.25, 0], [-0.5, 0, 1]]
        for i in 0..<3 { for j in 0..<3 { #expect(close(inverse[i, j], expected[i][j])) } }
    }

    @Test func singularMatrixThrows() throws {
        // Row 2 = 2 × row 1, so det = 1·4 − 2·2 = 0: no inverse, an error rather than a crash.
        #expect(throws: Matrix.Failure.singular(column: 1)) { try Matrix([[1, 2], [2, 4]]).inverse() }
        // An all-zero matrix has no pivot in its first column.
        #expect(throws: Matrix.Failure.singular(column: 0)) { try Matrix(rows: 2, columns: 2).inverse() }
    }

    @Test func badShapesThrow() throws {
        #expect(throws: Matrix.Failure.ragged) { try Matrix([[1, 2], [3]]) }
        #expect(throws: Matrix.Failure.notSquare(rows: 1, columns: 2)) { try Matrix([[1, 2]]).inverse() }
        #expect(throws: Matrix.Failure.notFinite) { try Matrix([[Double.nan, 0], [0, 1]]).inverse() }
    }

    @Test func products() throws {
        // [[1, 2], [3, 4]]·[1, 1] = [1 + 2, 3 + 4] = [3, 7]; [1, 1]'·[[1, 2], [3, 4]] = [1 + 3, 2 + 4] = [4, 6].
        let m = try Matrix([[1, 2], [3, 4]])
        #expect(try m.multiplying([1, 1]) == [3, 7])
        #expect(try m.leftMultiplying([1, 1]) == [4, 6])
    }
}
