import CoopZoneCore
import Foundation

/// Runs scenarios with lever values, as overrides on the file (the same path `--set` takes),
/// and keeps recent results: participants moving the same sliders hit the cache, and identical
/// requests arriving together are computed once.
public actor WorkshopRunner {
    /// The default number of Monte Carlo draws for bands.
    public static let defaultDraws = 100
    /// The most draws a page may ask for.
    public static let maxDraws = 400

    let registry: [EvaluatorEntry]
    private var runs = LRUCache<String, RunPayload>(capacity: 2048)
    /// The JSON of cached runs as a cache hit reports them, encoded once.
    private var encodedHits = LRUCache<String, Data>(capacity: 2048)
    private var bands = LRUCache<String, BandsPayload>(capacity: 128)
    private var runsInFlight: [String: Task<RunPayload, any Error>] = [:]
    private var bandsInFlight: [String: Task<BandsPayload, any Error>] = [:]
    /// Monte Carlo runs in progress and waiting for the bands' thread (bounded: beyond it, `busy`, which pages retry).
    private var bandJobs = 0
    private let maxBandJobs: Int

    /// Creates a runner for scenarios planned against `registry`.
    public init(registry: [EvaluatorEntry], maxBandJobs: Int = 4) {
        self.registry = registry
        self.maxBandJobs = maxBandJobs
    }

    /// Runs `entry` with checked lever `values`; with `charts`, the charts drawn too. A page
    /// asks for the numbers alone while a slider is dragged and for the charts when it settles:
    /// the charts of a cached run are drawn from its numbers, without running it again.
    public func run(_ entry: ScenarioCatalog.Entry, values: [String: Double], charts: Bool = true) async throws -> RunPayload {
        let key = entry.item.id + "|" + entry.version + "|" + LeverValues.canonical(values)
        var payload: RunPayload
        if var hit = runs[key] {
            hit.cached = true
            hit.computeMs = 0
            payload = hit
        } else if let running = runsInFlight[key] {
            payload = try await running.value
        } else {
            let registry = registry
            let task = Task.detached { try Self.computeTimed(entry, values: values, registry: registry, charts: charts).payload }
            runsInFlight[key] = task
            defer { runsInFlight[key] = nil }
            payload = try await task.value
            runs[key] = payload
        }
        if charts && payload.svg == nil {
            // Numbers cached, or computed without charts by a request this one joined: the
            // charts drawn from the run's series, and kept with it. A cache hit's time is the
            // drawing's alone.
            let start = DispatchTime.now().uptimeNanoseconds
            payload.svg = entry.presentation.map { WorkshopCharts.svg($0.charts, years: payload.years, values: payload.charts) } ?? [:]
            if payload.cached { payload.computeMs = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6 }
            runs[key]?.svg = payload.svg
        }
        if !charts { payload.svg = nil }
        return payload
    }

    /// The run's JSON: a cache hit's bytes are encoded once and reused, which is most of the
    /// work when a room of participants moves the same sliders.
    public func runJSON(_ entry: ScenarioCatalog.Entry, values: [String: Double], charts: Bool = true, encoder: JSONEncoder) async throws -> Data {
        let key = entry.item.id + "|" + entry.version + "|" + LeverValues.canonical(values) + (charts ? "" : "|numbers")
        if let bytes = encodedHits[key] { return bytes }
        let payload = try await run(entry, values: values, charts: charts)
        if payload.cached {
            let bytes = try encoder.encode(payload)
            encodedHits[key] = bytes
            return bytes
        }
        return try encoder.encode(payload)
    }

    /// Monte Carlo bands for `entry` with checked lever `values`.
    public func bands(_ entry: ScenarioCatalog.Entry, values: [String: Double], draws: Int) async throws -> BandsPayload {
        let key = entry.item.id + "|" + entry.version + "|" + LeverValues.canonical(values) + "|\(draws)"
        if var hit = bands[key] {
            hit.cached = true
            hit.computeMs = 0
            return hit
        }
        // The lines the bands are drawn around: the run for the same values (usually cached).
        let lines = try await run(entry, values: values, charts: false).charts
        if let running = bandsInFlight[key] { return try await running.value }
        guard bandJobs < maxBandJobs else { throw WorkshopError.busy }
        bandJobs += 1
        defer { bandJobs -= 1 }
        let registry = registry
        // On the bands' own thread, one job at a time, one worker: never the threads runs and polls need.
        let task = Task.detached(executorPreference: BandsExecutor.shared) {
            try await Self.computeBands(entry, values: values, draws: draws, lines: lines, registry: registry)
        }
        bandsInFlight[key] = task
        defer { bandsInFlight[key] = nil }
        let payload = try await task.value
        bands[key] = payload
        return payload
    }

    /// Forgets every cached result (after a scenario file changed, old versions are never asked for again anyway).
    public func clear() {
        runs.removeAll()
        encodedHits.removeAll()
        bands.removeAll()
    }

    /// The scenario and plan for `values`: the file's own when no lever moves; the loaded model
    /// with the moved levers' numbers set in place (as a Monte Carlo draw sets its numbers) when
    /// every moved lever is a number of the model; else the file loaded again with the moved
    /// levers as overrides.
    static func prepare(
        _ entry: ScenarioCatalog.Entry, values: [String: Double], registry: [EvaluatorEntry], forMonteCarlo: Bool = false
    ) throws -> (Scenario, RunPlan) {
        guard let base = entry.scenario, let basePlan = entry.plan else { throw WorkshopError.scenarioInvalid(entry.diagnostics) }
        let moved = base.levers.filter { lever in values[lever.id].map { $0 != entry.leverDefaults[lever.id] } ?? false }
        if moved.isEmpty { return (base, basePlan) }
        // Two moved levers on one region or country may break a check between their keys (a
        // labour force above the population): those go through the loader, which makes it.
        let owners = moved.map { $0.numberPath.split(separator: ".").prefix(2).joined(separator: ".") }
            .filter { $0.hasPrefix("regions.") || $0.hasPrefix("countries.") }
        if moved.allSatisfy({ entry.leverSlots[$0.id] != nil }), Set(owners).count == owners.count {
            var numbers = base.values
            for lever in moved { numbers[entry.leverSlots[lever.id]!] = values[lever.id]! }
            var scenario = base.with(values: numbers)
            // A moved number is the room's value: Monte Carlo draws the others, not this one, as a
            // reload with the lever as an override would.
            if forMonteCarlo {
                for lever in moved { scenario.inputs[entry.leverSlots[lever.id]!].distribution = nil }
            }
            return (scenario, basePlan)
        }
        let overrides = LeverValues.overrides(values, entry: entry)
        let outcome = ScenarioLoader.load(file: entry.item.path, overrides: overrides)
        guard let scenario = outcome.scenario else { throw WorkshopError.scenarioInvalid(outcome.diagnostics) }
        switch Engine.plan(scenario, registry: registry) {
        case .success(let plan): return (scenario, plan)
        case .failure(let error): throw WorkshopError.scenarioInvalid(error.diagnostics)
        }
    }

    /// The parts of answering a lever move, in milliseconds: setting the values in the model,
    /// the evaluators' run, summing the chart series, drawing the charts.
    public struct MoveTimes: Sendable {
        public var prepare = 0.0, run = 0.0, series = 0.0, charts = 0.0
        /// The whole: what a run's `computeMs` reports.
        public var total: Double { prepare + run + series + charts }
    }

    /// A run for the page, timed part by part (what `compute` does, and `coopzone bench` measures).
    static func computeTimed(_ entry: ScenarioCatalog.Entry, values: [String: Double], registry: [EvaluatorEntry], charts drawing: Bool = true) throws -> (
        payload: RunPayload, times: MoveTimes
    ) {
        var times = MoveTimes()
        var mark = DispatchTime.now().uptimeNanoseconds
        func lap() -> Double {
            let now = DispatchTime.now().uptimeNanoseconds
            defer { mark = now }
            return Double(now - mark) / 1e6
        }
        let (scenario, plan) = try prepare(entry, values: values, registry: registry)
        times.prepare = lap()
        // On the calling thread, in order, as a Monte Carlo draw runs: the server's requests
        // already keep the cores busy, and the page needs no rows, findings or manifest.
        let outcomes = Engine.runSynchronously(plan, on: scenario)
        times.run = lap()
        let presentation = entry.presentation ?? ScenarioPresentation(plan: plan)
        let years = scenario.years
        let charts = presentation.chartValues(outcomes, years: years)
        let headlines = presentation.headlineValues(outcomes)
        times.series = lap()
        let svg = drawing ? WorkshopCharts.svg(presentation.charts, years: years, values: charts) : nil
        times.charts = lap()
        let payload = RunPayload(
            scenario: entry.item.id, version: entry.version, values: values, headlines: headlines,
            years: years, charts: charts, svg: svg,
            failures: outcomes.failures.map { "\($0.evaluator): \($0.message)" }, computeMs: times.total, cached: false)
        return (payload, times)
    }

    /// Times `moves` lever moves none of which is cached: a random walk over the levers' grids
    /// (one lever a step or two at a time, as a dragged slider moves), each run as the server
    /// runs it. For `coopzone bench`.
    public static func timeMoves(_ entry: ScenarioCatalog.Entry, registry: [EvaluatorEntry], moves: Int, seed: UInt64 = 1) throws -> [MoveTimes] {
        guard let scenario = entry.scenario, !scenario.levers.isEmpty else { return [] }
        var random = SeededRandom(seed: seed)
        var values = entry.leverDefaults
        var seen = Set<String>()
        var out: [MoveTimes] = []
        var attempts = 0
        while out.count < moves, attempts < moves * 20 {
            attempts += 1
            let lever = scenario.levers[Int(random.next() % UInt64(scenario.levers.count))]
            let steps = Double(Int(random.next() % 4)) - 1.5
            let moved = (values[lever.id] ?? lever.min) + (steps < 0 ? floor(steps) : ceil(steps)) * lever.step
            guard let value = lever.snapped(Swift.min(lever.max, Swift.max(lever.min, moved))) else { continue }
            values[lever.id] = value
            guard seen.insert(LeverValues.canonical(values)).inserted else { continue }
            out.append(try computeTimed(entry, values: values, registry: registry).times)
        }
        return out
    }

    static func computeBands(
        _ entry: ScenarioCatalog.Entry, values: [String: Double], draws: Int, lines: [String: [String: [Double?]]],
        registry: [EvaluatorEntry]
    ) async throws -> BandsPayload {
        let start = DispatchTime.now().uptimeNanoseconds
        let (scenario, plan) = try prepare(entry, values: values, registry: registry, forMonteCarlo: true)
        let seed: UInt64 = 1
        let mc = await MonteCarlo.run(plan, on: scenario, draws: draws, seed: seed, workers: 1)
        let presentation = entry.presentation ?? ScenarioPresentation(plan: plan)
        func finite(_ x: Double) -> Double? { x.isFinite ? x : nil }
        // SeriesKey has no public initialiser: index the keys by their parts.
        var index: [String: Int] = [:]
        for (k, key) in mc.keys.enumerated() { index["\(key.evaluator).\(key.metric)|\(key.year.map(String.init) ?? "")"] = k }
        var headlines: [String: BandInfo] = [:]
        for h in presentation.headlines {
            guard let k = index["\(h.key)|"] else { continue }
            let band = mc.band(k)
            headlines[h.key] = BandInfo(p5: finite(band.p5), p50: finite(band.p50), p95: finite(band.p95))
        }
        var charts: [String: [String: SeriesBand]] = [:]
        for chart in presentation.charts {
            var series: [String: SeriesBand] = [:]
            for s in chart.series {
                var low: [Double?] = [], high: [Double?] = []
                for year in scenario.years {
                    if let k = index["\(s.key)|\(year)"] {
                        let band = mc.band(k)
                        low.append(finite(band.p5))
                        high.append(finite(band.p95))
                    } else {
                        low.append(nil)
                        high.append(nil)
                    }
                }
                series[s.key] = SeriesBand(p5: low, p95: high)
            }
            charts[chart.id] = series
        }
        let svg = WorkshopCharts.svg(presentation.charts, years: scenario.years, values: lines, bands: charts, draws: draws)
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        return BandsPayload(
            scenario: entry.item.id, version: entry.version, values: values, draws: draws, seed: seed,
            sampledInputs: mc.sampledInputs.count, headlines: headlines, charts: charts, svg: svg, computeMs: elapsed, cached: false)
    }
}
