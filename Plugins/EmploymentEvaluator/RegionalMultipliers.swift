import CoopZoneCore
import Foundation
import Synchronization

/// Type I and Type II multipliers of one region by scenario sector, from the scenario's
/// input–output tables: the region's own table when it has one, else its country's national
/// table regionalised with Flegg's location quotient. See Docs/input-output.md.
///
/// The table is first aggregated to the scenario's sectors plus the rest of the economy (the
/// table sectors no scenario sector takes), because the region's employment is known only by
/// scenario sector; then regionalised; then inverted once for Type I and once for Type II.
struct RegionMultipliers: Sendable {
    /// Where the multipliers come from.
    enum Basis: Sendable {
        /// The region's own table.
        case regionalTable
        /// The national table scaled by FLQ, with the region's size λ* and the δ used.
        case regionalised(lambda: Double, delta: Double)
    }

    /// Type I and Type II of one multiplier.
    struct Pair: Sendable, Equatable {
        var typeI: Double
        var typeII: Double
    }

    /// The multipliers of one sector.
    struct Sector: Sendable, Equatable {
        /// Output per unit of final demand for the sector (column sum of the inverse).
        var output: Pair
        /// Jobs in all sectors per direct job in the sector.
        var employment: Pair
        /// Labour income in all sectors per unit of direct labour income.
        var labourIncome: Pair
        /// Value added in all sectors per unit of direct value added; nil without value added.
        var valueAdded: Pair?
    }

    /// The table used.
    var table: String
    var basis: Basis
    /// By scenario sector (in `Scenario.sectors` order).
    var sectors: [Sector]
    /// Employment multipliers for jobs whose sector is not a scenario sector (`all`): the
    /// per-sector multipliers weighted by the region's employment (rest of the economy included).
    var all: Pair

    /// The employment multipliers of a sector id: a scenario sector's own, else the weighted average.
    func employment(sector index: Int?) -> Pair {
        guard let index, index < sectors.count else { return all }
        return sectors[index].employment
    }
}

/// The national or regional table aggregated to the scenario's sectors and the rest of the
/// economy: coefficients weighted by gross output, employment and output summed, the household
/// column summed.
struct AggregatedTable {
    var a: [[Double]]
    var output: [Double]
    var jobs: [Double]
    var h: [Double]
    var v: [Double]?
    var c: [Double]
    /// True when the last sector is the rest of the economy.
    var hasRest: Bool

    init(_ t: InputOutputTable) {
        let rest = t.restOfEconomy
        let groups = t.concordance + (rest.isEmpty ? [] : [rest])
        hasRest = !rest.isEmpty
        let m = groups.count
        // Flows Z_ij = a_ij x_j, summed over the groups; then divided by each group's output.
        let x = t.grossOutput
        output = groups.map { $0.reduce(0) { $0 + x[$1] } }
        jobs = groups.map { $0.reduce(0) { $0 + t.employment[$1] } }
        a = [[Double]](repeating: [Double](repeating: 0, count: m), count: m)
        for (gi, rows) in groups.enumerated() {
            for (gj, columns) in groups.enumerated() {
                var flow = 0.0
                for i in rows { for j in columns { flow += t.coefficients[i][j] * x[j] } }
                a[gi][gj] = flow / output[gj]
            }
        }
        let output = output
        func weighted(_ perUnit: [Double]) -> [Double] {
            groups.enumerated().map { g, members in members.reduce(0) { $0 + perUnit[$1] * x[$1] } / output[g] }
        }
        h = weighted(t.labourIncome)
        v = t.valueAdded.map(weighted)
        c = groups.map { $0.reduce(0) { $0 + t.householdConsumption[$1] } }
    }

    /// Jobs per USD m of output.
    var e: [Double] { zip(jobs, output).map { $0 / $1 } }
}

extension RegionMultipliers {
    /// Why a region gets no multipliers from a table; the text ends a finding's sentence.
    enum Unavailable: Error, Sendable {
        case reason(String)
    }

    /// The multipliers of `region` (an index into `scenario.regions`) from `table` (regional
    /// when `table.scope` is the region, else national, regionalised with `delta`).
    static func compute(scenario: Scenario, region r: Int, table: InputOutputTable, delta: Double) throws(Unavailable) -> RegionMultipliers {
        let region = scenario.regions[r]
        let agg = AggregatedTable(table)
        var a = agg.a
        var c = agg.c
        let basis: Basis
        var weights = agg.jobs
        if table.scope == .region(region.id) {
            basis = .regionalTable
        } else {
            // Regional employment by aggregated sector: the region's figures by scenario sector,
            // the rest of the economy the region's employed (labour force × (1 − unemployment)) less those.
            var re = scenario.sectors.map { s in ZoneGeography.sectorEmployment(region, s.id, in: scenario) ?? 0 }
            if agg.hasRest {
                guard let lf = region.labourForce.map({ scenario[$0] }), let u = region.unemploymentRate.map({ scenario[$0] }) else {
                    let missing = [region.labourForce == nil ? "labour_force" : nil, region.unemploymentRate == nil ? "unemployment_rate" : nil].compactMap {
                        $0
                    }
                    throw .reason(
                        "region '\(region.id)' gives no \(missing.joined(separator: " and ")), which the regionalisation needs for the employment of the rest of its economy; add it to the region"
                    )
                }
                let employed = lf * (1 - u)
                let inSectors = re.reduce(0, +)
                guard employed > inSectors else {
                    throw .reason(
                        "region '\(region.id)' employs \(format(inSectors.rounded())) in its sectors, not fewer than its \(format(employed.rounded())) employed in all (labour_force × (1 − unemployment_rate))"
                    )
                }
                re.append(employed - inSectors)
            }
            let q: FleggLocationQuotient.Quotients
            do {
                q = try FleggLocationQuotient.quotients(nationalEmployment: agg.jobs, regionalEmployment: re, delta: delta)
            } catch {
                throw .reason("\(error)")
            }
            for i in a.indices { for j in a.indices { a[i][j] *= q.cappedFLQ[i, j] } }
            // Households buy locally as a sector with a location quotient of 1 would: c_i · min(1, SLQ_i · λ*).
            for i in c.indices { c[i] *= min(1, (q.simple[i] ?? 0) * q.size) }
            basis = .regionalised(lambda: q.size, delta: delta)
            weights = re
        }
        let io: InputOutput
        do {
            io = try InputOutput(
                sectors: agg.output.indices.map { "s\($0)" }, technicalCoefficients: a, employmentCoefficients: agg.e, householdIncome: agg.h,
                householdConsumption: c, valueAdded: agg.v)
        } catch {
            throw .reason("\(error)")
        }
        guard let open = io.finalDemandMultipliers(typeII: false), let closed = io.finalDemandMultipliers(typeII: true) else {
            throw .reason("the table has no household closure")
        }
        let n = agg.output.count
        // Jobs per direct job: the table's own employment multipliers (e'L / e_j, e'B / e_j).
        let employment: [Pair?] = io.employmentMultipliers().map { m in m.flatMap { m in m.typeII.map { Pair(typeI: m.typeI, typeII: $0) } } }
        // Labour income and value added per direct unit: the final-demand multiplier over the sector's own coefficient.
        func perDirect(_ k: KeyPath<InputOutput.FinalDemandMultipliers, [Double]?>, _ direct: [Double]?, _ j: Int) -> Pair? {
            guard let o = open[keyPath: k], let c = closed[keyPath: k], let direct, direct[j] > 0 else { return nil }
            return Pair(typeI: o[j] / direct[j], typeII: c[j] / direct[j])
        }
        var sectors: [Sector] = []
        for j in 0..<min(n, scenario.sectors.count) {
            guard let jobs = employment[j], let income = perDirect(\.labourIncome, agg.h, j) else {
                throw .reason("sector '\(scenario.sectors[j].id)' has no employment or no labour income in table '\(table.id)'")
            }
            sectors.append(
                Sector(
                    output: Pair(typeI: open.output[j], typeII: closed.output[j]), employment: jobs, labourIncome: income,
                    valueAdded: perDirect(\.valueAdded, agg.v, j)))
        }
        // `all`: the employment multipliers weighted by the region's jobs in each sector.
        var total = 0.0, sumI = 0.0, sumII = 0.0
        for j in 0..<n {
            guard let m = employment[j], weights[j] > 0 else { continue }
            total += weights[j]
            sumI += weights[j] * m.typeI
            sumII += weights[j] * m.typeII
        }
        let all = total > 0 ? Pair(typeI: sumI / total, typeII: sumII / total) : Pair(typeI: 1, typeII: 1)
        return RegionMultipliers(table: table.id, basis: basis, sectors: sectors, all: all)
    }
}

/// The multipliers of the last inputs seen, so that Monte Carlo draws that change nothing a
/// table depends on (δ, the region's employment and labour force, the table's uncertain cells)
/// reuse the inverses instead of computing them again: a draw computes them only when they change.
final class MultiplierCache: Sendable {
    struct Key: Hashable {
        var scenario: String
        var table: String
        var region: Int
        var delta: Double
        var inputs: [Double]
    }

    private let store = Mutex<[Key: Result<RegionMultipliers, RegionMultipliers.Unavailable>]>([:])

    static let shared = MultiplierCache()

    /// The multipliers of `region` from `table` with `delta`, computed once per distinct input.
    func multipliers(scenario: Scenario, region r: Int, table: InputOutputTable, delta: Double) -> Result<RegionMultipliers, RegionMultipliers.Unavailable> {
        let region = scenario.regions[r]
        // The scenario numbers the computation reads: the region's sector employment, labour force, unemployment.
        var inputs = region.sectors.map { $0.employment.map { scenario[$0] } ?? -1 }
        inputs.append(region.labourForce.map { scenario[$0] } ?? -1)
        inputs.append(region.unemploymentRate.map { scenario[$0] } ?? -1)
        // And the table's uncertain cells, when it has any.
        for cell in table.uncertainty?.cells ?? [] { inputs.append(scenario.values[cell.slot]) }
        let key = Key(scenario: scenario.contentHash, table: table.id, region: r, delta: delta, inputs: inputs)
        if let hit = store.withLock({ $0[key] }) { return hit }
        let result = Result { () throws(RegionMultipliers.Unavailable) in
            let (drawn, diagnostics) = table.drawn(in: scenario)
            guard let drawn else {
                let why = diagnostics.first { $0.severity == .error }?.message ?? "it fails its checks"
                throw .reason("with this draw's values of its uncertain cells, table '\(table.id)' fails its checks: \(why)")
            }
            return try RegionMultipliers.compute(scenario: scenario, region: r, table: drawn, delta: delta)
        }
        store.withLock { cache in
            if cache.count >= 256 { cache.removeAll() }
            cache[key] = result
        }
        return result
    }
}
