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

struct FinalDemandMultiplierTests {
    private func close(_ a: Double, _ b: Double, _ tol: Double = 1e-9) -> Bool { abs(a - b) < tol }

    /// The two-sector table of `InputOutputTests` with value added v = [0.35, 0.30] per unit of
    /// output (at most 1 − the column sums of A, [0.4, 0.4]: the rest is imports and taxes).
    private func table() throws -> InputOutput {
        try InputOutput(
            sectors: ["agriculture", "manufacturing"], technicalCoefficients: [[0.2, 0.2], [0.4, 0.4]],
            employmentCoefficients: [10, 20], householdIncome: [0.3, 0.2], householdConsumption: [0.25, 0.25],
            valueAdded: [0.35, 0.30])
    }

    @Test func typeIByHand() throws {
        // L = (I − A)⁻¹ = [[1.5, 0.5], [1.0, 2.0]] (worked in InputOutputTests).
        // output 1'L = [1.5 + 1.0, 0.5 + 2.0] = [2.5, 2.5];
        // jobs e'L = [10·1.5 + 20·1.0, 10·0.5 + 20·2.0] = [35, 45];
        // labour income h'L = [0.3·1.5 + 0.2·1.0, 0.3·0.5 + 0.2·2.0] = [0.65, 0.55];
        // value added v'L = [0.35·1.5 + 0.3·1.0, 0.35·0.5 + 0.3·2.0] = [0.825, 0.775].
        let m = try #require(try table().finalDemandMultipliers(typeII: false))
        #expect(close(m.output[0], 2.5) && close(m.output[1], 2.5))
        #expect(close(m.employment[0], 35) && close(m.employment[1], 45))
        #expect(close(m.labourIncome?[0] ?? 0, 0.65) && close(m.labourIncome?[1] ?? 0, 0.55))
        #expect(close(m.valueAdded?[0] ?? 0, 0.825) && close(m.valueAdded?[1] ?? 0, 0.775))
    }

    @Test func typeIIAgreesWithTheIncomeSpendingRoundByHand() throws {
        // An independent route to the household closure: income y from USD 1 m of final demand for
        // sector j satisfies y = (h'L)_j + (h'L c)·y, since households spend c·y, which is final demand
        // again. h'L c = 0.65·0.25 + 0.55·0.25 = 0.3, so y = (h'L)_j / 0.7 = [0.65/0.7, 0.55/0.7]
        // = [0.9285714, 0.7857143].
        // Output then is x̄ = L(e_j + c·y): for j = 1, f + c y = [1 + 0.25·0.9285714, 0.25·0.9285714]
        // = [1.2321429, 0.2321429], x̄ = [1.5·1.2321429 + 0.5·0.2321429, 1.0·1.2321429 + 2.0·0.2321429]
        // = [1.9642857, 1.6964286]; output multiplier 3.6607143; jobs 10·1.9642857 + 20·1.6964286 = 53.571429;
        // value added 0.35·1.9642857 + 0.3·1.6964286 = 1.1964286.
        // For j = 2, f + c y = [0.25·0.7857143, 1 + 0.25·0.7857143] = [0.1964286, 1.1964286],
        // x̄ = [1.5·0.1964286 + 0.5·1.1964286, 1.0·0.1964286 + 2.0·1.1964286] = [0.8928571, 2.5892857];
        // output 3.4821429; jobs 8.928571 + 51.785714 = 60.714286; value added 0.3125 + 0.7767857 = 1.0892857.
        let m = try #require(try table().finalDemandMultipliers(typeII: true))
        let tol = 1e-6
        #expect(close(m.labourIncome?[0] ?? 0, 0.65 / 0.7) && close(m.labourIncome?[1] ?? 0, 0.55 / 0.7))
        #expect(close(m.output[0], 3.6607143, tol) && close(m.output[1], 3.4821429, tol))
        #expect(close(m.employment[0], 53.571429, tol) && close(m.employment[1], 60.714286, tol))
        #expect(close(m.valueAdded?[0] ?? 0, 1.1964286, tol) && close(m.valueAdded?[1] ?? 0, 1.0892857, tol))
    }

    @Test func typeIINeedsAHouseholdClosure() throws {
        let open = try InputOutput(sectors: ["a", "b"], technicalCoefficients: [[0.2, 0.2], [0.4, 0.4]], employmentCoefficients: [10, 20])
        #expect(open.finalDemandMultipliers(typeII: true) == nil)
        #expect(open.finalDemandMultipliers(typeII: false)?.labourIncome == nil)
    }
}

struct FleggLocationQuotientTests {
    private func close(_ a: Double, _ b: Double, _ tol: Double = 1e-6) -> Bool { abs(a - b) < tol }

    /// A three-sector nation employing NE = [100, 200, 700] (TNE = 1,000) and a region employing
    /// RE = [30, 10, 60] (TRE = 100), with national coefficients
    /// A = [[0.10, 0.20, 0.05], [0.15, 0.10, 0.20], [0.05, 0.10, 0.15]] and δ = 0.25.
    let a = [[0.10, 0.20, 0.05], [0.15, 0.10, 0.20], [0.05, 0.10, 0.15]]
    let ne: [Double] = [100, 200, 700]
    let re: [Double] = [30, 10, 60]

    @Test func quotientsByHand() throws {
        // Shares: region [0.3, 0.1, 0.6], nation [0.1, 0.2, 0.7]; SLQ = [3, 0.5, 0.8571429].
        // λ* = [log₂(1 + 100/1000)]^0.25 = (ln 1.1 / ln 2)^0.25 = 0.1375035^0.25 = 0.6089455.
        let q = try FleggLocationQuotient.quotients(nationalEmployment: ne, regionalEmployment: re, delta: 0.25)
        #expect(close(q.simple[0] ?? 0, 3) && close(q.simple[1] ?? 0, 0.5) && close(q.simple[2] ?? 0, 6.0 / 7.0))
        #expect(close(q.size, 0.6089455))
    }

    @Test func regionalCoefficientsByHand() throws {
        // FLQ_ij = λ*·SLQ_i/SLQ_j off the diagonal, λ*·SLQ_i on it, capped at 1:
        // row 1 (SLQ 3):      diagonal 1.8268 → 1;  3/0.5·λ* = 3.6537 → 1;  3/0.857·λ* = 2.1313 → 1.
        // row 2 (SLQ 0.5):    0.5/3·λ* = 0.1014909;  diagonal 0.5·λ* = 0.3044728;  0.5/0.857·λ* = 0.3552182.
        // row 3 (SLQ 0.857):  0.857/3·λ* = 0.1739844;  0.857/0.5·λ* = 1.0439 → 1;  diagonal 0.857·λ* = 0.5219533.
        // r = a ⊙ min(FLQ, 1):
        //   [0.10, 0.20, 0.05]
        //   [0.15·0.1014909, 0.10·0.3044728, 0.20·0.3552182] = [0.0152236, 0.0304473, 0.0710436]
        //   [0.05·0.1739844, 0.10·1, 0.15·0.5219533] = [0.0086992, 0.10, 0.0782930]
        let r = try FleggLocationQuotient.regionalise(try Matrix(a), nationalEmployment: ne, regionalEmployment: re, delta: 0.25)
        let expected = [[0.10, 0.20, 0.05], [0.0152236, 0.0304473, 0.0710436], [0.0086992, 0.10, 0.0782930]]
        for i in 0..<3 { for j in 0..<3 { #expect(close(r[i, j], expected[i][j]), "r[\(i + 1),\(j + 1)] = \(r[i, j])") } }
    }

    @Test func deltaZeroIsTheCrossIndustryQuotientAndSectorsTheRegionLacks() throws {
        // δ = 0 gives λ* = 1: FLQ is then CILQ with SLQ on the diagonal (Flegg & Webber 1997).
        // Region RE = [50, 0, 50] of TRE 100: SLQ = [0.5/0.1, 0, 0.5/0.7] = [5, 0, 0.7142857].
        // Row 2 (no local supplier) is 0; column 2 (SLQ_j = 0, the region buys nothing) keeps a's column;
        // r[3,1] = 0.05·min(0.7142857/5, 1) = 0.05·0.1428571 = 0.0071429; r[3,3] = 0.15·0.7142857 = 0.1071429.
        let r = try FleggLocationQuotient.regionalise(try Matrix(a), nationalEmployment: ne, regionalEmployment: [50, 0, 50], delta: 0)
        #expect(r[1, 0] == 0 && r[1, 1] == 0 && r[1, 2] == 0)
        #expect(close(r[0, 1], 0.20) && close(r[2, 1], 0.10))
        #expect(close(r[2, 0], 0.0071429) && close(r[2, 2], 0.1071429))
        // Two sectors the region lacks: a lacking supplier supplies nothing locally, even to a buyer it also lacks
        // (RE = [100, 0, 0]: rows 2 and 3 are 0, including r[2,3] and r[3,2], where SLQ_i = SLQ_j = 0).
        let two = try FleggLocationQuotient.regionalise(try Matrix(a), nationalEmployment: ne, regionalEmployment: [100, 0, 0], delta: 0)
        #expect((0..<3).allSatisfy { two[1, $0] == 0 && two[2, $0] == 0 })
    }

    @Test func badInputsAreRefused() {
        #expect(throws: FleggLocationQuotient.Failure.self) {
            try FleggLocationQuotient.quotients(nationalEmployment: ne, regionalEmployment: re, delta: 1)
        }
        #expect(throws: FleggLocationQuotient.Failure.self) {
            try FleggLocationQuotient.quotients(nationalEmployment: ne, regionalEmployment: [1, 2], delta: 0.25)
        }
        #expect(throws: FleggLocationQuotient.Failure.self) {
            try FleggLocationQuotient.quotients(nationalEmployment: ne, regionalEmployment: [600, 500, 0], delta: 0.25)
        }
    }
}

/// The published example of Miller & Blair (2009), *Input–Output Analysis: Foundations and
/// Extensions*, 2nd ed., §2.3.1 (Tables 2.3 and 2.4) and §2.5 (the model closed for households).
struct MillerBlairExampleTests {
    // Table 2.3: flows Z = [[150, 500], [200, 100]], output x = (1000, 2000), so Table 2.4's
    // A = [[150/1000, 500/2000], [200/1000, 100/2000]] = [[0.15, 0.25], [0.20, 0.05]].
    // §2.5: households earn h = (0.30, 0.25) per unit of output, spend c = (0.05, 0.40) per unit of
    // income, and buy a_hh = 0.05 from households.
    private func table() throws -> InputOutput {
        try InputOutput(
            sectors: ["1", "2"], technicalCoefficients: [[0.15, 0.25], [0.20, 0.05]], employmentCoefficients: [1, 1],
            householdIncome: [0.30, 0.25], householdConsumption: [0.05, 0.40], householdOwnPurchase: 0.05)
    }

    @Test func leontiefInverseAndOutputMultipliersAsPublished() throws {
        // The book prints L = [[1.254, 0.330], [0.264, 1.122]] and output multipliers 1.518 and 1.452.
        let io = try table()
        let published = [[1.254, 0.330], [0.264, 1.122]]
        for i in 0..<2 { for j in 0..<2 { #expect(abs(io.leontiefInverse[i, j] - published[i][j]) < 0.0005) } }
        let m = try #require(io.finalDemandMultipliers(typeII: false))
        #expect(abs(m.output[0] - 1.518) < 0.0005 && abs(m.output[1] - 1.452) < 0.0005)
    }

    @Test func closedModelAsPublished() throws {
        // The book prints the closed inverse L̄ = [[1.365, .425, .251], [.527, 1.348, .595], [.570, .489, 1.289]]:
        // its sector block, its household row (total household income per unit of final demand), and
        // total output multipliers with the household row, 1.365 + .527 + .570 = 2.462 and .425 + 1.348 + .489 = 2.262.
        let io = try table()
        let closed = try #require(io.closedLeontiefInverse)
        let block = [[1.365, 0.425], [0.527, 1.348]]
        for i in 0..<2 { for j in 0..<2 { #expect(abs(closed[i, j] - block[i][j]) < 0.0005, "L̄[\(i + 1),\(j + 1)] = \(closed[i, j])") } }
        let m = try #require(io.finalDemandMultipliers(typeII: true))
        let income = try #require(m.labourIncome)
        #expect(abs(income[0] - 0.570) < 0.0005 && abs(income[1] - 0.489) < 0.0005)
        #expect(abs(m.output[0] + income[0] - 2.462) < 0.001 && abs(m.output[1] + income[1] - 2.262) < 0.001)
    }
}
