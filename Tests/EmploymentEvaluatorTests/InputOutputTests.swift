import Testing

@testable import EmploymentEvaluator

struct InputOutputTests {
    private func close(_ a: Double, _ b: Double, _ tol: Double = 1e-9) -> Bool { abs(a - b) < tol }

    /// Two sectors: A = [[0.2, 0.2], [0.4, 0.4]] (column sums 0.6 < 1), e = [10, 20] jobs per USD m,
    /// households earn h = [0.3, 0.2] per unit of output and spend c = [0.25, 0.25] per unit of income.
    private func table(closed: Bool = true) throws -> InputOutput {
        try InputOutput(
            sectors: ["agriculture", "manufacturing"],
            technicalCoefficients: [[0.2, 0.2], [0.4, 0.4]],
            employmentCoefficients: [10, 20],
            householdIncome: closed ? [0.3, 0.2] : nil,
            householdConsumption: closed ? [0.25, 0.25] : nil)
    }

    @Test func leontiefInverseByHand() throws {
        // I − A = [[0.8, −0.2], [−0.4, 0.6]]; det = 0.8·0.6 − (−0.2)(−0.4) = 0.48 − 0.08 = 0.40.
        // (I − A)⁻¹ = (1/0.40)·[[0.6, 0.2], [0.4, 0.8]] = [[1.5, 0.5], [1.0, 2.0]].
        let l = try table().leontiefInverse
        #expect(close(l[0, 0], 1.5))
        #expect(close(l[0, 1], 0.5))
        #expect(close(l[1, 0], 1.0))
        #expect(close(l[1, 1], 2.0))
    }

    @Test func typeIMultipliersByHand() throws {
        // e'(I − A)⁻¹ = [10·1.5 + 20·1.0, 10·0.5 + 20·2.0] = [35, 45] jobs per USD m of final demand.
        // Type I = [35/10, 45/20] = [3.5, 2.25].
        let m = try table(closed: false).employmentMultipliers()
        #expect(close(m[0]?.typeI ?? 0, 3.5))
        #expect(close(m[1]?.typeI ?? 0, 2.25))
        #expect(m[0]?.typeII == nil)
    }

    @Test func typeIIMultipliersByHand() throws {
        // Closing for households, the sector block of (I − Ā)⁻¹ is (I − A − c h')⁻¹.
        // c h' = [[0.25·0.3, 0.25·0.2], [0.25·0.3, 0.25·0.2]] = [[0.075, 0.05], [0.075, 0.05]].
        // I − A − c h' = [[0.725, −0.25], [−0.475, 0.55]]; det = 0.725·0.55 − 0.25·0.475 = 0.39875 − 0.11875 = 0.28.
        // Inverse = (1/0.28)·[[0.55, 0.25], [0.475, 0.725]].
        // e'·inverse = [(10·0.55 + 20·0.475)/0.28, (10·0.25 + 20·0.725)/0.28] = [15/0.28, 17/0.28].
        // Type II = [15/(0.28·10), 17/(0.28·20)] = [75/14, 85/28] ≈ [5.357143, 3.035714].
        let m = try table().employmentMultipliers()
        #expect(close(m[0]?.typeII ?? 0, 75.0 / 14.0))
        #expect(close(m[1]?.typeII ?? 0, 85.0 / 28.0))
        #expect(close(m[0]?.typeI ?? 0, 3.5))
    }

    @Test func jobsFromFinalDemandByHand() throws {
        // f = [1, 0] (USD 1 m of final demand for agriculture).
        // x = (I − A)⁻¹ f = [1.5, 1.0]; direct = e ⊙ f = [10, 0];
        // Type I jobs = e ⊙ x = [15, 20], so indirect = [15 − 10, 20 − 0] = [5, 20].
        // Closed x̄ = [0.55/0.28, 0.475/0.28] = [1.9642857, 1.6964286]; jobs = [19.642857, 33.928571];
        // induced = [19.642857 − 15, 33.928571 − 20] = [4.642857, 13.928571] (= [5.5/0.28 − 15, 9.5/0.28 − 20]).
        let io = try table()
        let x = try io.output(finalDemand: [1, 0])
        #expect(close(x[0], 1.5) && close(x[1], 1.0))
        let jobs = try io.jobs(finalDemand: [1, 0])
        #expect(jobs.direct == [10, 0])
        #expect(close(jobs.indirect[0], 5) && close(jobs.indirect[1], 20))
        #expect(close(jobs.induced?[0] ?? 0, 5.5 / 0.28 - 15))
        #expect(close(jobs.induced?[1] ?? 0, 9.5 / 0.28 - 20))
    }

    @Test func singularTableThrows() throws {
        // A = [[1, 0], [0, 0.5]]: I − A = [[0, 0], [0, 0.5]] has a zero column, so it is singular.
        #expect(throws: InputOutput.Failure.singular) {
            try InputOutput(sectors: ["a", "b"], technicalCoefficients: [[1, 0], [0, 0.5]], employmentCoefficients: [1, 1])
        }
    }

    @Test func unproductiveTableThrows() throws {
        // A = [[0.5, 0.6], [0.6, 0.5]]: I − A = [[0.5, −0.6], [−0.6, 0.5]], det = 0.25 − 0.36 = −0.11,
        // inverse = (1/−0.11)·[[0.5, 0.6], [0.6, 0.5]]: every entry negative, so not productive.
        #expect(throws: InputOutput.Failure.notProductive) {
            try InputOutput(sectors: ["a", "b"], technicalCoefficients: [[0.5, 0.6], [0.6, 0.5]], employmentCoefficients: [1, 1])
        }
    }

    @Test func badInputsThrow() throws {
        #expect(throws: InputOutput.Failure.self) {
            try InputOutput(sectors: ["a", "b"], technicalCoefficients: [[0.1, 0.1]], employmentCoefficients: [1, 1])
        }
        #expect(throws: InputOutput.Failure.self) {
            try InputOutput(sectors: ["a"], technicalCoefficients: [[-0.1]], employmentCoefficients: [1])
        }
        #expect(throws: InputOutput.Failure.self) {
            try InputOutput(sectors: ["a"], technicalCoefficients: [[0.1]], employmentCoefficients: [1], householdIncome: [0.2])
        }
    }

    @Test func sectorWithoutJobsHasNoMultiplier() throws {
        // e = [0, 5]: the Type I multiplier of sector 1 would divide by e₁ = 0, so it is nil.
        let io = try InputOutput(sectors: ["a", "b"], technicalCoefficients: [[0.2, 0.2], [0.4, 0.4]], employmentCoefficients: [0, 5])
        #expect(io.employmentMultipliers()[0] == nil)
        // Sector 2: e'(I − A)⁻¹ column 2 = 0·0.5 + 5·2.0 = 10, over e₂ = 5 gives 2.
        #expect(close(io.employmentMultipliers()[1]?.typeI ?? 0, 2))
    }
}
