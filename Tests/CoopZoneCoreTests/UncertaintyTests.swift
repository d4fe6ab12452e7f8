import Foundation
import Testing

@testable import CoopZoneCore

/// headline `y` = slope_a · a + slope_b · b + 1, with a and b read from the scenario's two links' crossing days.
private struct Linear: Evaluator {
    struct Parameters: Decodable, Sendable { var slope_a: Double; var slope_b: Double }
    static let descriptor = EvaluatorDescriptor(
        id: "linear", summary: "test", version: "1.0.0",
        parameters: [
            ParameterSpec("slope_a", "coefficient of a", unit: .ratio, default: 3, allowed: -100...100, citation: "test"),
            ParameterSpec("slope_b", "coefficient of b", unit: .ratio, default: 1, allowed: -100...100, citation: "test"),
        ],
        metrics: [MetricSpec("y_by_year", unit: .count, "y in each year", equation: "none")],
        headlines: [MetricSpec("y", unit: .count, "slope_a·a + slope_b·b + 1", equation: "none", higherIsBetter: true)], documentation: "none")
    let p: Parameters
    init(parameters: Parameters) { p = parameters }
    func evaluate(_ scenario: Scenario, context: EvaluationContext) throws -> EvaluationResult {
        var b = ResultBuilder(Self.descriptor)
        let a = scenario[scenario.links[0].borderCrossingDays, default: 0]
        let bb = scenario[scenario.links[1].borderCrossingDays, default: 0]
        let y = p.slope_a * a + p.slope_b * bb + 1
        try b.headline("y", y)
        for year in scenario.years { try b.add("y_by_year", year: year, Dimensions(), y) }
        return b.result
    }
}

/// The same line as `Linear`, evaluated in batches; counts its calls and the draws they carry.
private final class BatchLog: @unchecked Sendable {
    let lock = NSLock()
    var calls: [Int] = []
    func record(_ n: Int) { lock.lock(); calls.append(n); lock.unlock() }
}

private struct BatchedLinear: BatchEvaluatorInstance {
    let inner: Linear
    let log: BatchLog
    func evaluate(_ scenario: Scenario, context: EvaluationContext) throws -> EvaluationResult { try inner.evaluate(scenario, context: context) }
    func evaluate(batch items: [(scenario: Scenario, context: EvaluationContext)]) -> [Result<EvaluationResult, EvaluatorFailure>] {
        log.record(items.count)
        return items.map { item in
            Result { try inner.evaluate(item.scenario, context: item.context) }.mapError { EvaluatorFailure(evaluator: "linear", message: "\($0)") }
        }
    }
}

private func scenario(a: String, b: String, evaluators: String = "evaluators: {linear: {}}") throws -> Scenario {
    try ScenarioLoader.loadOrThrow(
        text: """
            format: 1
            title: Uncertainty test
            horizon: {first: 2030, last: 2031}
            price_year: 2023
            discount_rate: {value: 0.1, assumption: test}
            sectors: [{id: goods}]
            countries: [{code: AA}, {code: BB}]
            regions: [{id: a, country: AA}, {id: b, country: BB}]
            links:
              - {id: one, from: a, to: b, border_crossing_days: \(a)}
              - {id: two, from: b, to: a, border_crossing_days: \(b)}
            zones: [{id: z, kind: free_trade_zone, regions: [a, b], stages: [{id: s, start: 2030}]}]
            \(evaluators)
            """, file: "uncertainty.yaml")
}

private func plan(_ s: Scenario) throws -> RunPlan { try Engine.plan(s, registry: [EvaluatorEntry(Linear.self)]).get() }

struct UncertaintyTests {
    @Test func sameSeedGivesIdenticalDrawsTwiceAndAcrossWorkerCounts() async throws {
        let s = try scenario(a: "{value: 1, uniform: [0, 2], assumption: t}", b: "{value: 0.5, triangular: [0, 0.5, 2], assumption: t}")
        let p = try plan(s)
        let one = await MonteCarlo.run(p, on: s, draws: 1000, seed: 42, workers: 1)
        let again = await MonteCarlo.run(p, on: s, draws: 1000, seed: 42, workers: 1)
        let two = await MonteCarlo.run(p, on: s, draws: 1000, seed: 42, workers: 2)
        #expect(one.values == again.values)
        #expect(one.values == two.values)
        let other = await MonteCarlo.run(p, on: s, draws: 1000, seed: 43, workers: 2)
        #expect(one.values != other.values)
    }

    @Test func medianOfALinearMetricUnderASymmetricDistributionIsItsCentralValue() async throws {
        // y = 3a + 1·b + 1 with a ~ uniform(0, 2) (central 1) and b fixed at 0: central y = 4.
        // The sample median of N = 4000 draws of a uniform on [0, 2] (density f = 0.5) has standard
        // error 1/(2 f √N) = 1/(2·0.5·63.25) = 0.0158; for y = 3a + 1 that is 0.047. We allow 4 standard
        // errors: |P50 − 4| < 0.19. P5 of a is 0.1, so P5 of y is 1.3; its standard error is
        // √(0.05·0.95/4000)/0.5 · 3 = 0.0207; 4 of them: 0.083.
        let s = try scenario(a: "{value: 1, uniform: [0, 2], assumption: t}", b: "0")
        let mc = await MonteCarlo.run(try plan(s), on: s, draws: 4000, seed: 7, workers: 2)
        let k = try #require(mc.index(of: SeriesKey(evaluator: "linear", metric: "y", year: nil)))
        let band = mc.band(k)
        #expect(abs(band.p50 - 4) < 0.19)
        #expect(abs(band.p5 - 1.3) < 0.083)
        // The total by year is the same line: 2031's series is y itself.
        let year = try #require(mc.index(of: SeriesKey(evaluator: "linear", metric: "y_by_year", year: 2031)))
        #expect(mc.values[year] == mc.values[k])
    }

    @Test func uniformAndTriangularSamplesStayInTheirBoundsAndHaveTheRightMean() {
        // Triangular(0, 0.5, 2) has mean (0 + 0.5 + 2)/3 = 0.8333 and variance (a²+b²+c²−ab−ac−bc)/18
        // = (0 + 0.25 + 4 − 0 − 0 − 1)/18 = 0.1806, sd 0.425; the mean of 20,000 draws has standard error
        // 0.425/√20000 = 0.0030; 4 of them: 0.012.
        var random = SeededRandom(seed: 5)
        let t = Distribution.triangular(low: 0, mode: 0.5, high: 2)
        let draws = (0..<20_000).map { _ in t.sample(&random) }
        #expect(draws.allSatisfy { (0...2).contains($0) })
        #expect(abs(draws.reduce(0, +) / 20_000 - 0.8333) < 0.012)
        let n = Distribution.normal(mean: 4, sd: 1, low: 3, high: 6)
        let normals = (0..<5000).map { _ in n.sample(&random) }
        #expect(normals.allSatisfy { (3...6).contains($0) })
    }

    @Test func portableLogarithmAndNormalQuantileMatchPublishedValues() {
        // ln 2 = 0.6931471805599453, ln 10 = 2.302585092994046 (to double precision).
        #expect(abs(PortableMath.log(2) - 0.6931471805599453) < 1e-15)
        #expect(abs(PortableMath.log(10) - 2.302585092994046) < 1e-14)
        #expect(abs(PortableMath.log(1e-300) - (-690.7755278982137)) < 1e-10)
        // Standard normal table: z(0.975) = 1.959964, z(0.05) = −1.644854, z(0.5) = 0.
        #expect(abs(PortableMath.normalQuantile(0.975) - 1.959964) < 1e-6)
        #expect(abs(PortableMath.normalQuantile(0.05) + 1.644854) < 1e-6)
        #expect(abs(PortableMath.normalQuantile(0.5)) < 1e-12)
    }

    @Test func generatorIsSeededByTheReferenceSplitMix64() {
        // Vigna's reference splitmix64.c, seeded with 0, first returns 0xE220A8397B1DCDAF,
        // then 0x6E789E6AA1B965F4: our state words are those outputs.
        let r = SeededRandom(seed: 0)
        #expect(r.s0 == 0xE220_A839_7B1D_CDAF)
        #expect(r.s1 == 0x6E78_9E6A_A1B9_65F4)
    }

    @Test func sensitivityRanksTheDominantInputFirst() throws {
        // a spans [0, 10] with slope 3: swing 30. b spans [0, 1] with slope 1: swing 1. a comes first.
        let s = try scenario(a: "{value: 5, uniform: [0, 10], assumption: t}", b: "{value: 0.5, uniform: [0, 1], assumption: t}")
        let swings = Sensitivity.run(try plan(s), on: s).filter { $0.metric == "y" }
        #expect(swings.map(\.input) == ["links.one.border_crossing_days", "links.two.border_crossing_days"])
        #expect(abs(swings[0].swing - 30) < 1e-12)
        #expect(abs(swings[1].swing - 1) < 1e-12)
        // Central y = 3·5 + 0.5 + 1 = 16.5; at a's low bound: 0 + 0.5 + 1 = 1.5.
        #expect(abs(swings[0].central - 16.5) < 1e-12 && abs(swings[0].atLow - 1.5) < 1e-12)
    }

    @Test func compareFlagsDesignsRunOnDifferentAssumptions() async throws {
        let base = try scenario(a: "1", b: "1")
        let other = try scenario(a: "1", b: "1", evaluators: "evaluators: {linear: {slope_a: 4}}")
        let same = try scenario(a: "2", b: "1")
        var designs: [Comparison.Design] = []
        for (name, s) in [("base", base), ("other", other), ("same", same)] {
            designs.append(.init(file: name, title: name, result: await Engine.run(try plan(s), on: s), monteCarlo: nil))
        }
        let comparison = Comparison(designs: designs, descriptors: [Linear.descriptor])
        #expect(comparison.notes.count == 1)
        #expect(comparison.notes[0].contains("'other' ran 'linear' on different assumptions"))
        #expect(comparison.notes[0].contains("slope_a 3 vs 4"))
        // y: base 3·1 + 1 + 1 = 5; other 4·1 + 1 + 1 = 6; same 3·2 + 1 + 1 = 8. Differences +1 and +3.
        let line = try #require(comparison.lines.first { $0.metric == "y" })
        #expect(line.values == [5, 6, 8])
        #expect(line.differences == [0, 1, 3])
    }

    @Test func batchEvaluatorsGetOneRequestPerBlockAndTheSameNumbers() async throws {
        // 2,500 draws with a block size of 2,000: the batch evaluator is called twice (2,000 + 500 draws),
        // and every draw equals the one the plain evaluator gives for the same seed.
        let s = try scenario(a: "{value: 1, uniform: [0, 2], assumption: t}", b: "{value: 0.5, uniform: [0, 1], assumption: t}")
        let plain = await MonteCarlo.run(try plan(s), on: s, draws: 2500, seed: 9, workers: 2)
        let log = BatchLog()
        let entry = EvaluatorEntry(descriptor: Linear.descriptor) { values in
            BatchedLinear(inner: Linear(parameters: try ParameterDecoder.decode(Linear.Parameters.self, from: values)), log: log)
        }
        let batchedPlan = try Engine.plan(s, registry: [entry]).get()
        let batched = await MonteCarlo.run(batchedPlan, on: s, draws: 2500, seed: 9, workers: 2)
        #expect(log.calls == [2000, 500])
        #expect(batched.values == plain.values)
    }

    @Test func aSobolDesignOnScenarioDataRunsEveryRowInFullAndTheBatchPathAgrees() async throws {
        // a ~ U(0, 2) and b ~ U(0, 1) are the links' crossing days, scenario data: no evaluator may be
        // taken from a base row, so every AB_i row runs in full. y = 3a + b + 1 in every row, and
        // S1 = ST = 9·Var(a) / (9·Var(a) + Var(b)) = 9·(4/12) / (9·(4/12) + 1/12) = 36/37 for a, 1/37 for b.
        let s = try scenario(a: "{value: 1, uniform: [0, 2], assumption: t}", b: "{value: 0.5, uniform: [0, 1], assumption: t}")
        let slots = MonteCarlo.uncertainSlots(s)
        let rows = SobolAnalysis.design(slots.compactMap { s.inputs[$0].distribution }, samples: 1024, seed: 3)
        let design = SobolAnalysis.drawDesign(slots: slots, rows: rows)
        #expect(MonteCarlo.constantEvaluators(try plan(s), slots: [slots[0]]).isEmpty)
        let plain = await MonteCarlo.run(try plan(s), on: s, draws: 0, seed: 1, workers: 2, design: design, headlinesOnly: true)
        let log = BatchLog()
        let entry = EvaluatorEntry(descriptor: Linear.descriptor) { values in
            BatchedLinear(inner: Linear(parameters: try ParameterDecoder.decode(Linear.Parameters.self, from: values)), log: log)
        }
        let batched = await MonteCarlo.run(
            try Engine.plan(s, registry: [entry]).get(), on: s, draws: 0, seed: 1, workers: 2, design: design, headlinesOnly: true)
        #expect(log.calls == [2000, 2000, 96])  // 4,096 rows in blocks of 2,000
        let y = try #require(plain.index(of: SeriesKey(evaluator: "linear", metric: "y", year: nil)))
        #expect(plain.keys.count == 1 && batched.values == plain.values)
        for (d, row) in rows.enumerated() { #expect(abs(plain.values[y][d] - (3 * row[0] + row[1] + 1)) < 1e-12, "row \(d)") }
        let h = SobolAnalysis.analyse(
            .init(series: plain.values[y], samples: 1024, inputs: 2), evaluator: "linear", metric: "y", unit: .count, seed: 3)
        #expect(h.first[0].covers(36.0 / 37) && h.total[0].covers(36.0 / 37) && h.first[1].covers(1.0 / 37) && h.total[1].covers(1.0 / 37))
    }

    @Test func compareWithMonteCarloCountsHowOftenADesignBeatsTheBaseline() async throws {
        // Both designs share input a ~ uniform(0, 2) (same path → same draw). Design B adds 0.5 to b, so
        // it beats A in every draw: share 1.0. Design C has b lower by 0.5: share 0.
        let a = "{value: 1, uniform: [0, 2], assumption: t}"
        var designs: [Comparison.Design] = []
        for (name, b) in [("A", "1"), ("B", "1.5"), ("C", "0.5")] {
            let s = try scenario(a: a, b: b)
            let p = try plan(s)
            designs.append(
                .init(
                    file: name, title: name, result: await Engine.run(p, on: s),
                    monteCarlo: await MonteCarlo.run(p, on: s, draws: 500, seed: 3, workers: 2)))
        }
        let line = try #require(Comparison(designs: designs, descriptors: [Linear.descriptor]).lines.first { $0.metric == "y" })
        #expect(line.beatsBaseline[1] == 1.0)
        #expect(line.beatsBaseline[2] == 0.0)
        // Draw by draw, y_B − y_A = (3a + 1.5 + 1) − (3a + 1 + 1) = +0.5 and y_C − y_A = −0.5, so
        // their difference bands are the points +0.5 and −0.5 (up to rounding), with no ties.
        let b = try #require(line.differenceBands[1]), c = try #require(line.differenceBands[2])
        for (band, expected) in [(b, 0.5), (c, -0.5)] {
            #expect([band.p5, band.p50, band.p95].allSatisfy { abs($0 - expected) < 1e-12 })
        }
        #expect(line.differenceBands[0] == nil)
        #expect(line.tiesBaseline[1] == 0 && line.tiesBaseline[2] == 0)
        // Had the descriptor declared no better direction, there would be no share of "better"
        // draws (higher is not better by default), but the same difference bands.
        var undirected = Linear.descriptor
        undirected.headlines[0].higherIsBetter = nil
        let plain = try #require(Comparison(designs: designs, descriptors: [undirected]).lines.first { $0.metric == "y" })
        #expect(plain.beatsBaseline.allSatisfy { $0 == nil })
        #expect(plain.differenceBands[1] == line.differenceBands[1])
    }

    @Test func aDesignEqualToTheBaselineTiesInEveryDraw() async throws {
        // The same scenario twice: every draw is equal, so it beats the baseline in no draw and
        // ties in all of them; the difference band is 0.
        let s = try scenario(a: "{value: 1, uniform: [0, 2], assumption: t}", b: "1")
        let p = try plan(s)
        var designs: [Comparison.Design] = []
        for name in ["A", "A again"] {
            designs.append(
                .init(file: name, title: name, result: await Engine.run(p, on: s), monteCarlo: await MonteCarlo.run(p, on: s, draws: 200, seed: 3, workers: 2)))
        }
        let line = try #require(Comparison(designs: designs, descriptors: [Linear.descriptor]).lines.first { $0.metric == "y" })
        #expect(line.beatsBaseline[1] == 0)
        #expect(line.tiesBaseline[1] == 1)
        #expect(line.differenceBands[1].map { [$0.p5, $0.p50, $0.p95] } == [0, 0, 0])
    }

    @Test func compareFlagsDesignsThatDrawAnEvaluatorParameterFromAnotherRange() async throws {
        // slope_a is 3 at the centre in all three designs (so no parameter-value note), but the second
        // draws it from uniform [2, 4] and the third from uniform [2.9, 3.1]: bands and shares are not
        // comparable with the baseline's. A design that draws a number of the scenario itself (a
        // link's crossing days) from another range is a different design, not a different assumption.
        let ranges = ["{value: 3, uniform: [2, 4], assumption: t}", "{value: 3, uniform: [2.9, 3.1], assumption: t}"]
        var designs: [Comparison.Design] = []
        for (name, slope, a) in [
            ("base", ranges[0], "{value: 1, uniform: [0, 2], assumption: t}"), ("narrow", ranges[1], "{value: 1, uniform: [0, 2], assumption: t}"),
            ("other-data", ranges[0], "{value: 1, uniform: [0.5, 1.5], assumption: t}"),
        ] {
            let s = try scenario(a: a, b: "1", evaluators: "evaluators: {linear: {slope_a: \(slope)}}")
            let p = try plan(s)
            designs.append(
                .init(file: name, title: name, result: await Engine.run(p, on: s), monteCarlo: await MonteCarlo.run(p, on: s, draws: 50, seed: 3, workers: 1)))
        }
        let comparison = Comparison(designs: designs, descriptors: [Linear.descriptor])
        let notes = comparison.notes
        #expect(comparison.incomparable == [1])
        #expect(notes.count == 1)
        #expect(notes.first?.contains("'narrow' draws evaluator parameters from ranges other than the baseline's") == true)
        #expect(notes.first?.contains("evaluators.linear.slope_a uniform [2, 4] vs uniform [2.9, 3.1]") == true)
    }
}

/// headline `t` = scale · (a + b), read from the same two links as `Linear`; counts its calls;
/// fails when scale > 5.
private struct Tally: EvaluatorInstance {
    struct Parameters: Decodable, Sendable { var scale: Double }
    static let descriptor = EvaluatorDescriptor(
        id: "tally", summary: "test", version: "1.0.0",
        parameters: [ParameterSpec("scale", "factor", unit: .ratio, default: 2, allowed: 0...10, citation: "test")],
        metrics: [], headlines: [MetricSpec("t", unit: .count, "scale·(a + b)", equation: "none", higherIsBetter: true)], documentation: "none")
    let p: Parameters
    let log: BatchLog
    func evaluate(_ scenario: Scenario, context: EvaluationContext) throws -> EvaluationResult {
        log.record(1)
        if p.scale > 5 { throw EvaluatorError.unusableScenario("scale above 5") }
        var b = ResultBuilder(Self.descriptor)
        try b.headline("t", p.scale * (scenario[scenario.links[0].borderCrossingDays, default: 0] + scenario[scenario.links[1].borderCrossingDays, default: 0]))
        return b.result
    }
}

/// headline `f` = 2 · linear's `y`: depends on `linear`.
private struct Follower: Evaluator {
    struct Parameters: Decodable, Sendable {}
    static let descriptor = EvaluatorDescriptor(
        id: "follower", summary: "test", version: "1.0.0", dependencies: ["linear"], parameters: [],
        metrics: [], headlines: [MetricSpec("f", unit: .count, "2·y", equation: "none", higherIsBetter: true)], documentation: "none")
    init(parameters: Parameters) {}
    func evaluate(_ scenario: Scenario, context: EvaluationContext) throws -> EvaluationResult {
        var b = ResultBuilder(Self.descriptor)
        try b.headline("f", 2 * (context.headline("linear", "y") ?? .nan))
        return b.result
    }
}

struct ConstantEvaluatorTests {
    private func threeEvaluatorPlan(_ s: Scenario, log: BatchLog) throws -> RunPlan {
        let tally = EvaluatorEntry(descriptor: Tally.descriptor) { values in
            Tally(p: try ParameterDecoder.decode(Tally.Parameters.self, from: values), log: log)
        }
        return try Engine.plan(s, registry: [EvaluatorEntry(Linear.self), tally, EvaluatorEntry(Follower.self)]).get()
    }

    @Test func anEvaluatorThatNoSampledNumberReachesRunsOnceAndGivesTheNumbersOfRunningItEveryDraw() async throws {
        // Only linear's slope_a is uncertain (uniform 2–4). tally has no sampled parameter and no
        // dependency: constant. linear is sampled; follower depends on linear: both vary.
        let s = try scenario(
            a: "1", b: "0.5",
            evaluators: """
                evaluators: {linear: {slope_a: {value: 3, uniform: [2, 4], assumption: t}}, tally: {}, follower: {}}
                """)
        let log = BatchLog()
        let p = try threeEvaluatorPlan(s, log: log)
        let slots = MonteCarlo.uncertainSlots(s)
        #expect(MonteCarlo.constantEvaluators(p, slots: slots) == ["tally"])

        let mc = await MonteCarlo.run(p, on: s, draws: 300, seed: 11, workers: 2)
        // tally ran once for the whole run (in the run on central values), not 300 times.
        #expect(log.calls == [1])
        // Its band is its central value: t = 2 · (1 + 0.5) = 3 in every draw.
        let t = try #require(mc.index(of: SeriesKey(evaluator: "tally", metric: "t", year: nil)))
        #expect(mc.values[t] == [Double](repeating: 3, count: 300))
        // The central run kept with the result is the single run: y = 3·1 + 1·0.5 + 1 = 4.5.
        let single = await Engine.run(p, on: s)
        #expect(mc.centralRun?.headlines == single.headlines)
        #expect(mc.central[try #require(mc.index(of: SeriesKey(evaluator: "linear", metric: "y", year: nil)))] == 4.5)

        // Every series equals what running every evaluator in every draw gives.
        let layout = SeriesLayout(plan: p, scenario: s)
        let keys = MonteCarlo.streamKeys(s, slots: slots)
        for d in [0, 1, 150, 299] {
            let draw = s.with(values: MonteCarlo.drawValues(s, slots: slots, keys: keys, seed: 11, index: d))
            var totals = [Double](repeating: 0, count: layout.keys.count)
            layout.collect(Engine.runSynchronously(p, on: draw).results, into: &totals)
            #expect(mc.keys.indices.map { mc.values[$0][d] } == mc.keys.map { totals[layout.keys.firstIndex(of: $0)!] })
        }
        // follower = 2 · y in every draw (y = slope_a · 1 + 1 · 0.5 + 1 varies with slope_a).
        let y = try #require(mc.index(of: SeriesKey(evaluator: "linear", metric: "y", year: nil)))
        let f = try #require(mc.index(of: SeriesKey(evaluator: "follower", metric: "f", year: nil)))
        #expect(mc.values[f] == mc.values[y].map { 2 * $0 })
        #expect(Set(mc.values[y]).count > 1)
    }

    @Test func aConstantEvaluatorThatFailsIsCountedAsFailedInEveryDraw() async throws {
        // tally fails (scale 6 > 5) and nothing sampled reaches it: it runs once, and each of the 250
        // draws records its failure, as running it in every draw would; its series is NaN throughout.
        let s = try scenario(
            a: "1", b: "0.5",
            evaluators: """
                evaluators: {linear: {slope_a: {value: 3, uniform: [2, 4], assumption: t}}, tally: {scale: 6}, follower: {}}
                """)
        let log = BatchLog()
        let mc = await MonteCarlo.run(try threeEvaluatorPlan(s, log: log), on: s, draws: 250, seed: 2, workers: 2)
        #expect(log.calls == [1])
        #expect(mc.failures["tally"]?.count == 250)
        // The run on central values, kept with the result, records the failure too.
        #expect(mc.centralRun?.failures.map(\.evaluator) == ["tally"])
        #expect(mc.failures["tally"]?.message.contains("scale above 5") == true)
        let t = try #require(mc.index(of: SeriesKey(evaluator: "tally", metric: "t", year: nil)))
        #expect(mc.values[t].allSatisfy { $0.isNaN })
        #expect(mc.failures["linear"] == nil)
    }

    @Test func aSampledNumberOfTheScenarioItselfMakesEveryEvaluatorRunEveryDraw() async throws {
        // Link one's crossing days is scenario data: any evaluator may read it (tally does), so none is constant.
        let s = try scenario(a: "{value: 1, uniform: [0, 2], assumption: t}", b: "0.5", evaluators: "evaluators: {linear: {}, tally: {}, follower: {}}")
        let log = BatchLog()
        let p = try threeEvaluatorPlan(s, log: log)
        #expect(MonteCarlo.constantEvaluators(p, slots: MonteCarlo.uncertainSlots(s)).isEmpty)
        let mc = await MonteCarlo.run(p, on: s, draws: 200, seed: 5, workers: 2)
        #expect(log.calls.count == 201)  // the run on central values, then each of the 200 draws
        // t = 2 · (a + 0.5) follows a: 2 · (a_d + 0.5) = 2·a_d + 1; linear's y = 3·a_d + 0.5 + 1.
        let t = try #require(mc.index(of: SeriesKey(evaluator: "tally", metric: "t", year: nil)))
        let y = try #require(mc.index(of: SeriesKey(evaluator: "linear", metric: "y", year: nil)))
        for d in 0..<200 {
            let a = (mc.values[y][d] - 1.5) / 3
            #expect(abs(mc.values[t][d] - (2 * a + 1)) < 1e-12)
        }
    }

    @Test func aSampledParameterOfAnEvaluatorMakesItsDependentsVaryToo() throws {
        // tally's scale is sampled: tally varies; linear does not; follower depends only on linear: constant.
        let s = try scenario(
            a: "1", b: "0.5",
            evaluators: """
                evaluators: {linear: {}, tally: {scale: {value: 2, uniform: [1, 3], assumption: t}}, follower: {}}
                """)
        let p = try threeEvaluatorPlan(s, log: BatchLog())
        #expect(MonteCarlo.constantEvaluators(p, slots: MonteCarlo.uncertainSlots(s)) == ["linear", "follower"])
    }
}

struct BandTests {
    @Test func quantilesAreType7OverTheFiniteDraws() {
        // Finite values sorted: 1 2 3 3 4 5 6 7 8 9 10 (n = 11; NaN and ∞ left out).
        // Type 7: h = (n − 1)·p. P5: h = 0.5 → 1 + 0.5·(2 − 1) = 1.5. P50: h = 5 → 5.
        // P95: h = 9.5 → 9 + 0.5·(10 − 9) = 9.5. Mean: 58 / 11 = 5.2727…
        let band = Band([10, 1, 7, 3, .nan, 3, 9, 5, 2, .infinity, 8, 4, 6])
        #expect(band.p5 == 1.5)
        #expect(band.p50 == 5)
        #expect(band.p95 == 9.5)
        #expect(abs(band.mean - 58.0 / 11) < 1e-12)
    }

    @Test func smallAndConstantSetsAndNoFiniteDraw() {
        // n = 2, values 4 and 2: P5 = 2 + 0.05·2 = 2.1, P50 = 3, P95 = 2 + 0.95·2 = 3.9.
        let two = Band([4, 2])
        #expect(abs(two.p5 - 2.1) < 1e-12)
        #expect(two.p50 == 3)
        #expect(abs(two.p95 - 3.9) < 1e-12)
        // 10,000 equal draws (a constant series): every quantile is the value.
        let constant = Band([Double](repeating: 7.25, count: 10_000))
        #expect([constant.p5, constant.p50, constant.p95, constant.mean] == [7.25, 7.25, 7.25, 7.25])
        #expect(Band([.nan, .nan]).p50.isNaN)
        #expect(Band([]).mean.isNaN)
    }

    @Test func selectionFindsTheSameOrderStatisticsAsSorting() {
        // 5,001 draws with many ties (values 0–99) and a run of sorted ones: for n = 5,001, P5 is
        // order statistic 250 (h = 5000·0.05 = 250 exactly), P50 is 2,500 and P95 is 4,750, read off a sorted copy.
        var random = SeededRandom(seed: 17)
        var values = (0..<4001).map { _ in Double(random.next() % 100) }
        values += (0..<1000).map(Double.init)
        let sorted = values.sorted()
        let band = Band(values)
        #expect(band.p5 == sorted[250])
        #expect(band.p50 == sorted[2500])
        #expect(band.p95 == sorted[4750])
    }
}

/// Writes nothing itself: the test hands `SeriesLayout.collect` rows as an outside evaluator's
/// would come (metric strings of their own, parsed from JSON).
private struct TwoLongMetrics: Evaluator {
    struct Parameters: Decodable, Sendable {}
    static let descriptor = EvaluatorDescriptor(
        id: "two_long", summary: "test", version: "1.0.0", parameters: [],
        metrics: [
            MetricSpec("long_metric_name_one", unit: .count, "first", equation: "none"),
            MetricSpec("long_metric_name_two", unit: .count, "second", equation: "none"),
            MetricSpec("long_metric_name_rate", unit: .ratio, "not additive", additive: false, equation: "none"),
        ],
        headlines: [], documentation: "none")
    init(parameters: Parameters) {}
    func evaluate(_ scenario: Scenario, context: EvaluationContext) throws -> EvaluationResult { EvaluationResult() }
}

struct SeriesTotalsTests {
    @Test func rowsWhoseMetricStringsAreTheirOwnAreSummedByTheirText() throws {
        // Metric ids of more than 15 bytes live on the heap; rebuilt from their characters (as a JSON
        // parser builds them) they are equal text in other storage. Rows, interleaved:
        //   one 2030: 1, two 2030: 10, one 2031: 2, rate 2031: 0.5, two 2031: 20, one 2030: 4
        //   …, one 2031: 8 (right after "one 2030: 4")
        // Totals: one 2030 = 1 + 4 = 5, one 2031 = 2 + 8 = 10; two 2030 = 10, two 2031 = 20; rate not summed.
        let s = try scenario(a: "1", b: "0.5", evaluators: "evaluators: {two_long: {}}")
        let p = try Engine.plan(s, registry: [EvaluatorEntry(TwoLongMetrics.self)]).get()
        func own(_ text: String) -> String { String(decoding: Array(text.utf8), as: UTF8.self) }
        // The last two rows are of one metric in a row, each with its own string: the second is
        // matched by the text of the row before it.
        let rows: [(String, Int, Double)] = [
            ("long_metric_name_one", 2030, 1), ("long_metric_name_two", 2030, 10), ("long_metric_name_one", 2031, 2),
            ("long_metric_name_rate", 2031, 0.5), ("long_metric_name_two", 2031, 20), ("long_metric_name_one", 2030, 4),
            ("long_metric_name_one", 2031, 8),
        ]
        let result = EvaluationResult(rows: rows.map { ResultRow(evaluator: "two_long", metric: own($0.0), unit: .count, year: $0.1, value: $0.2) })
        let layout = SeriesLayout(plan: p, scenario: s)
        var totals = [Double](repeating: .nan, count: layout.keys.count)
        layout.collect(["two_long": result], into: &totals)
        func total(_ metric: String, _ year: Int) throws -> Double {
            totals[try #require(layout.keys.firstIndex(of: SeriesKey(evaluator: "two_long", metric: metric, year: year)))]
        }
        #expect(try total("long_metric_name_one", 2030) == 5)
        #expect(try total("long_metric_name_one", 2031) == 10)
        #expect(try total("long_metric_name_two", 2030) == 10)
        #expect(try total("long_metric_name_two", 2031) == 20)
        #expect(!layout.keys.contains { $0.metric == "long_metric_name_rate" })
    }
}

struct DrawLimitTests {
    @Test func drawsWhoseNumbersDoNotFitInTwoGigabytesAreRefusedWithTheMostThatFit() throws {
        // 1,000 draws × 100 series × 8 bytes = 0.8 MB: fine.
        #expect(MonteCarlo.tooManyDraws(1000, series: 100) == nil)
        // 3,000,000 × 100 × 8 = 2.4 GB > 2 GiB (2,147,483,648 bytes); 2,147,483,648 / 800 = 2,684,354.56 → 2,684,354 fit.
        let message = try #require(MonteCarlo.tooManyDraws(3_000_000, series: 100))
        #expect(message.contains("(2.4 GB)"))
        #expect(message.contains("at most 2684354 draws fit"))
        // Exactly at the limit is allowed: 2,684,354 × 800 = 2,147,483,200 bytes ≤ 2 GiB.
        #expect(MonteCarlo.tooManyDraws(2_684_354, series: 100) == nil)
    }
}
