import Foundation
import Testing

@testable import CoopZoneCore

/// The Sobol' sequence, the quantile functions and the Sobol' index estimators.
@Suite struct SobolTests {
    // MARK: The sequence

    @Test func theFirstEightPointsInThreeDimensionsAreTheHandComputedOnes() {
        // Direction numbers as binary fractions v_k, point i = XOR of v_k over the set bits k of
        // the Gray code g = i ^ (i >> 1) (g for i = 0…7: 0, 1, 3, 2, 6, 7, 5, 4).
        // Dimension 1: v_k = 2^-k, so v1 = .1, v2 = .01, v3 = .001 (binary):
        //   0, .1, .11, .01, .011, .111, .101, .001 = 0, .5, .75, .25, .375, .875, .625, .125.
        // Dimension 2 (s = 1, a = 0, m1 = 1): v1 = .1, v_k = v_{k-1} ^ (v_{k-1} >> 1): v2 = .11, v3 = .101:
        //   g=3: .10^.11 = .01; g=2: .11; g=6: .110^.101 = .011; g=7: .111; g=5: .100^.101 = .001; g=4: .101
        //   = 0, .5, .25, .75, .375, .875, .125, .625.
        // Dimension 3 (s = 2, a = 1, m = 1, 3): v1 = .1, v2 = .11, v3 = v1 ^ (v1 >> 2) ^ v2 = .100^.001^.110 = .011:
        //   g=3: .01; g=2: .11; g=6: .110^.011 = .101; g=7: .100^.110^.011 = .001; g=5: .100^.011 = .111; g=4: .011
        //   = 0, .5, .25, .75, .625, .125, .875, .375.
        let expected: [[Double]] = [
            [0, 0.5, 0.75, 0.25, 0.375, 0.875, 0.625, 0.125],
            [0, 0.5, 0.25, 0.75, 0.375, 0.875, 0.125, 0.625],
            [0, 0.5, 0.25, 0.75, 0.625, 0.125, 0.875, 0.375],
        ]
        let sequence = SobolSequence(dimensions: 3)
        for i in 0..<8 {
            let point = sequence.integerPoint(i).map { Double($0) * 0x1.0p-32 }
            #expect(point == expected.map { $0[i] }, "point \(i)")
        }
    }

    @Test func everyDimensionOfTheTableStratifiesTheFirst1024Points() {
        // With valid direction numbers (odd m_k below 2^k) the first 2^m points of every
        // dimension are the 2^m multiples of 2^-m in some order: one point in each interval.
        let sequence = SobolSequence(dimensions: SobolSequence.maxDimensions)
        let points = (0..<1024).map { sequence.integerPoint($0) }
        for j in 0..<SobolSequence.maxDimensions {
            let cells = Set(points.map { Int($0[j] >> 22) })
            #expect(cells.count == 1024, "dimension \(j + 1)")
        }
    }

    @Test func pointsAgreeWithSciPysSobolSequenceInHigherDimensions() {
        // The first 1,024 unscrambled points of dimensions 2 … 1,024 as SciPy 1.17 gives them
        // (Joe–Kuo's table, Gray-code order), each dimension's 10-bit values x·1024 folded into
        // h = (h·1,000,003 + v) mod (2^61 − 1), computed with:
        //   p = scipy.stats.qmc.Sobol(d=1024, scramble=False, bits=32).random(1024)
        //   for v in numpy.rint(p[:, d - 1] * 1024).astype(int): h = (h * 1000003 + int(v)) % (2**61 - 1)
        // (A wrong initial number or polynomial still stratifies, but gives another sequence.)
        let expected: [Int: UInt64] = [
            2: 1_003_275_888_371_373_093, 3: 1_908_800_621_783_739_137, 7: 144_260_936_180_772_790, 40: 1_935_128_201_794_006_078,
            100: 6_949_806_514_303_368, 513: 691_984_757_383_293_556, 777: 2_297_834_445_849_154_368, 1024: 164_432_436_265_145_862,
        ]
        let sequence = SobolSequence(dimensions: 1024)
        let points = (0..<1024).map { sequence.integerPoint($0) }
        let m: UInt64 = (1 << 61) - 1
        for (d, want) in expected {
            var h: UInt64 = 0
            for p in points { h = UInt64((UInt128(h) * 1_000_003 + UInt128(p[d - 1] >> 22)) % UInt128(m)) }
            #expect(h == want, "dimension \(d)")
        }
    }

    @Test func scramblingKeepsTheStratificationAndTheTwoDimensionalNet() {
        let sequence = SobolSequence(dimensions: 16)
        let points = sequence.points(256, seed: 42)
        // One point in each of the 256 intervals of width 1/256, in every dimension.
        for j in 0..<16 { #expect(Set(points.map { Int($0[j] * 256) }).count == 256, "dimension \(j + 1)") }
        // Dimensions 1 and 2 form a (0, 8, 2)-net: every box 2^-a × 2^-(8-a) holds exactly one point.
        for a in 0...8 {
            let cells = Set(points.map { Int($0[0] * Double(1 << a)) * 1000 + Int($0[1] * Double(1 << (8 - a))) })
            #expect(cells.count == 256, "boxes 2^-\(a) × 2^-\(8 - a)")
        }
        // Scrambled, the points are inside (0, 1), not the lattice, and depend on the seed only.
        #expect(points.allSatisfy { $0.allSatisfy { $0 > 0 && $0 < 1 } })
        #expect(points[0][0] != 0.5 * 0x1.0p-32)
        #expect(sequence.points(256, seed: 42) == points)
        #expect(sequence.points(256, seed: 43) != points)
    }

    // MARK: Quantile functions

    @Test func normalDistributionFunctionMatchesPublishedValuesAndTheSystemsErrorFunction() {
        // Φ from Abramowitz & Stegun table 26.1 and 1 − Φ(6) from table 26.2, to the tables' digits.
        #expect(abs(PortableMath.normalCDF(1) - 0.841_344_746_068_543) < 1e-15)
        #expect(abs(PortableMath.normalCDF(2) - 0.977_249_868_051_821) < 1e-15)
        #expect(abs(PortableMath.normalCDF(-3) / 0.001_349_898_031_630_095 - 1) < 1e-13)
        #expect(abs(PortableMath.normalCDF(-6) / 9.865_876_450_377e-10 - 1) < 1e-12)
        // Against Φ(x) = erfc(−x/√2)/2 from the C library (an independent method), x from −30 to 8:
        // relative error below 2e-13 (the series below |x| = 2.5, the continued fraction beyond).
        var x = -30.0
        while x <= 8 {
            let reference = erfc(-x / 2.0.squareRoot()) / 2
            #expect(abs(PortableMath.normalCDF(x) / reference - 1) < 2e-13, "x = \(x)")
            x += 0.0625
        }
        // The 97.5 % point, 1.959963984540054 (A&S table 26.5 gives 1.959963985).
        #expect(abs(PortableMath.preciseNormalQuantile(0.975) - 1.959_963_984_540_054) < 1e-13)
        // Within rounding: two units in the last place.
        #expect(abs(PortableMath.exp(1) - 2.718_281_828_459_045) <= 2 * 2.718_281_828_459_045.ulp)
        #expect(abs(PortableMath.exp(-20) / 2.061_153_622_438_558e-9 - 1) < 1e-15)
    }

    @Test func quantilesInvertTheDistributionFunctions() {
        // Uniform(2, 6): a quarter of the way, 3.
        #expect(Distribution.uniform(low: 2, high: 6).quantile(0.25) == 3)
        // Triangular(0, 1, 4): F(x) = x² / ((4 − 0)(1 − 0)) below the mode; F(x) = 1/8 at x = √0.5.
        #expect(abs(Distribution.triangular(low: 0, mode: 1, high: 4).quantile(0.125) - 0.5.squareRoot()) < 1e-15)
        // Above the mode, 1 − F(x) = (4 − x)² / (4·3): 1 − F = 3/12 at x = 4 − √3.
        #expect(abs(Distribution.triangular(low: 0, mode: 1, high: 4).quantile(0.75) - (4 - 3.0.squareRoot())) < 1e-14)
        // Normal(1, 0.5) truncated to [0.2, 1.6]: the density integrated by Simpson's rule (2,000
        // panels, e^x from Foundation) from 0.2 to the quantile is u times the integral to 1.6.
        let normal = Distribution.normal(mean: 1, sd: 0.5, low: 0.2, high: 1.6)
        func mass(_ x: Double) -> Double {
            let n = 2000, h = (x - 0.2) / Double(n)
            var sum = 0.0
            for i in 0...n {
                let t = 0.2 + Double(i) * h, w = i == 0 || i == n ? 1.0 : (i % 2 == 1 ? 4.0 : 2.0)
                sum += w * Foundation.exp(-0.5 * ((t - 1) / 0.5) * ((t - 1) / 0.5))
            }
            return sum * h / 3
        }
        for u in [0.01, 0.3, 0.5, 0.9, 0.999] {
            let x = normal.quantile(u)
            #expect(abs(mass(x) / mass(1.6) - u) < 1e-10, "u = \(u): \(x)")
        }
    }

    // MARK: Indices

    /// The indices of `f` over uniform inputs, computed by the design and estimators directly.
    func indices(_ distributions: [Distribution], samples: Int, seed: UInt64 = 1, _ f: ([Double]) -> Double) -> SobolHeadline {
        let rows = SobolAnalysis.design(distributions, samples: samples, seed: seed)
        let outputs = SobolAnalysis.Outputs(series: rows.map(f), samples: samples, inputs: distributions.count)
        return SobolAnalysis.analyse(outputs, evaluator: "test", metric: "y", unit: .ratio, seed: seed)
    }

    @Test func ishigamiIndicesLieInTheirBootstrapIntervals() {
        // Ishigami & Homma (1990): f = sin x1 + a sin² x2 + b x3⁴ sin x1, x_i ~ U(−π, π), a = 7,
        // b = 0.1. Its variance terms (Sobol' & Levitan 1999; Saltelli et al. 2008, §4.5):
        //   V1 = ½(1 + bπ⁴/5)², V2 = a²/8, V13 = b²π⁸·8/225, V = V1 + V2 + V13,
        // so S1 = (V1, V2, 0)/V and ST = (V1 + V13, V2, V13)/V
        // (0.3139, 0.4424, 0 and 0.5576, 0.4424, 0.2437).
        let a = 7.0, b = 0.1, pi4 = pow(Double.pi, 4)
        let v1 = 0.5 * (1 + b * pi4 / 5) * (1 + b * pi4 / 5), v2 = a * a / 8, v13 = b * b * pi4 * pi4 * 8 / 225
        let v = v1 + v2 + v13
        let s1 = [v1 / v, v2 / v, 0], st = [(v1 + v13) / v, v2 / v, v13 / v]
        #expect(abs(s1[0] - 0.3139) < 1e-4 && abs(st[2] - 0.2437) < 1e-4)
        let range = Distribution.uniform(low: -.pi, high: .pi)
        let h = indices([range, range, range], samples: 4096) { x in
            sin(x[0]) + a * sin(x[1]) * sin(x[1]) + b * pow(x[2], 4) * sin(x[0])
        }
        #expect(h.samplesUsed == 4096)
        for i in 0..<3 {
            #expect(h.first[i].covers(s1[i]), "S1 of x\(i + 1): \(h.first[i]) against \(s1[i])")
            #expect(h.total[i].covers(st[i]), "ST of x\(i + 1): \(h.total[i]) against \(st[i])")
            // At N = 4096 the estimates are also close in absolute terms.
            #expect(abs(h.first[i].value - s1[i]) < 0.03 && abs(h.total[i].value - st[i]) < 0.03)
        }
        // ΣS1 = (V1 + V2)/V = 0.7563: the rest, 0.2437, is the x1–x3 interaction.
        #expect(h.firstSum.covers((v1 + v2) / v), "ΣS1 \(h.firstSum)")
        #expect(h.firstSum.high < 1)
    }

    @Test func anAdditiveModelHasEqualFirstAndTotalIndicesAndAnUnusedInputHasNone() {
        // y = 2·x1 + x2 with x1 ~ U(0, 1), x2 ~ U(0, 2), x3 ~ U(0, 1) unused.
        // Var(2·x1) = 4/12, Var(x2) = 4/12: S1 = ST = ½ for x1 and x2, ΣS1 = 1; x3 changes nothing,
        // so every f(AB_3) equals its f(A): both of its indices are exactly 0.
        let h = indices([.uniform(low: 0, high: 1), .uniform(low: 0, high: 2), .uniform(low: 0, high: 1)], samples: 1024) { x in 2 * x[0] + x[1] }
        for i in 0..<2 {
            #expect(abs(h.first[i].value - 0.5) < 0.02 && h.first[i].covers(0.5))
            #expect(abs(h.total[i].value - 0.5) < 0.02 && h.total[i].covers(0.5))
        }
        #expect(h.first[2] == SobolEstimate(value: 0, low: 0, high: 0) && h.total[2] == SobolEstimate(value: 0, low: 0, high: 0))
        #expect(h.firstSum.covers(1))
        // Variance over A and B: 8/12 within 1 %.
        #expect(abs(h.variance / (8.0 / 12) - 1) < 0.01)
    }

    @Test func aConstantHeadlineAndFailedRunsAreNotGivenIndices() {
        let h = indices([.uniform(low: 0, high: 1)], samples: 64) { _ in 3 }
        #expect(!h.varies && h.first[0].value.isNaN && h.variance == 0)
        // A run with no value (NaN) leaves its sample out: x1 above 0.75 fails. AB_1 takes x1 from B,
        // so a sample is used when x1 of A and x1 of B are both at most 0.75: 16 of the 64 values of
        // each are above it (the scrambled points put one in each 1/64 interval), so 48 samples have
        // a good A; of those, the ones whose B is good too are counted from the design here.
        let rows = SobolAnalysis.design([.uniform(low: 0, high: 1), .uniform(low: 0, high: 1)], samples: 64, seed: 1)
        #expect(stride(from: 0, to: rows.count, by: 4).filter { rows[$0][0] > 0.75 }.count == 16)
        let good = (0..<64).filter { rows[4 * $0][0] <= 0.75 && rows[4 * $0 + 1][0] <= 0.75 }.count
        let failing = indices([.uniform(low: 0, high: 1), .uniform(low: 0, high: 1)], samples: 64) { x in x[0] > 0.75 ? .nan : x[0] + x[1] }
        #expect(failing.samplesUsed == good && good < 48 && good > 24)
        #expect(failing.varies)
    }

    @Test func samplesMustBeAPowerOfTwoAndTheDimensionsAndTheMemoryFit() {
        #expect(SobolAnalysis.samplesProblem(1024, inputs: 8) == nil)
        #expect(SobolAnalysis.samplesProblem(100, inputs: 8)?.contains("try 64 or 128") == true)
        #expect(SobolAnalysis.samplesProblem(8, inputs: 8)?.contains("from 16 to 1048576, got 8") == true)
        #expect(SobolAnalysis.samplesProblem(1 << 21, inputs: 8)?.contains("more samples narrow the intervals little") == true)
        #expect(SobolAnalysis.samplesProblem(64, inputs: 513)?.contains("at most 512") == true)
        // 100 inputs and 26 headlines at N = 2^16: 65,536 · 102 runs of 126 numbers, 8 bytes each,
        // = 6.74 GB > 2 GiB; halving to 2^14 gives 1.68 GB, which fits.
        let memory = SobolAnalysis.samplesProblem(1 << 16, inputs: 100, headlines: 26)
        #expect(memory?.contains("(6.7 GB)") == true && memory?.contains("at most --samples 16384 fits") == true, "\(memory ?? "")")
        #expect(SobolAnalysis.samplesProblem(1 << 14, inputs: 100, headlines: 26) == nil)
    }

    @Test func shiftingAHeadlineByALargeConstantLeavesItsIndicesAlone() {
        // The variance and every index are the same for f and f + 10^8 (a net present value in
        // hundreds of millions that moves by tens): centring f(B) keeps S1 from losing its digits.
        let ranges: [Distribution] = [.uniform(low: 0, high: 1), .uniform(low: 0, high: 2)]
        let f = { (x: [Double]) in x[0] * x[1] + x[0] }
        let plain = indices(ranges, samples: 256, f), shifted = indices(ranges, samples: 256) { f($0) + 1e8 }
        for i in 0..<2 {
            #expect(abs(plain.first[i].value - shifted.first[i].value) < 1e-6)
            #expect(abs(plain.total[i].value - shifted.total[i].value) < 1e-6)
        }
    }

    @Test func percentilesAreType7() {
        // Hyndman–Fan type 7 on 1…5: p = 0.25 gives h = 4·0.25 = 1, the second value, 2; p = 0.1 gives
        // h = 0.4, 1 + 0.4·(2 − 1) = 1.4.
        #expect(SobolAnalysis.quantile([1, 2, 3, 4, 5], 0.25) == 2)
        #expect(abs(SobolAnalysis.quantile([1, 2, 3, 4, 5], 0.1) - 1.4) < 1e-15)
        #expect(SobolAnalysis.quantile([], 0.5).isNaN)
    }

    @Test func theDesignHoldsABAndEachABMatrix() {
        // Per sample r, rows A_r, B_r, AB_1,r, AB_2,r; AB_i,r is A_r with column i from B_r, and its base is A_r.
        let rows = SobolAnalysis.design([.uniform(low: 0, high: 1), .uniform(low: 10, high: 20)], samples: 16, seed: 3)
        #expect(rows.count == 16 * 4)
        for r in 0..<16 {
            let a = rows[4 * r], b = rows[4 * r + 1]
            #expect(rows[4 * r + 2] == [b[0], a[1]])
            #expect(rows[4 * r + 3] == [a[0], b[1]])
            #expect(a[1] >= 10 && a[1] <= 20 && b[0] >= 0 && b[0] <= 1)
        }
        let design = SobolAnalysis.drawDesign(slots: [7, 9], rows: rows)
        #expect(design.groupSize == 4 && Array(design.base.prefix(8)) == [nil, nil, 0, 0, nil, nil, 4, 4])
    }
}
