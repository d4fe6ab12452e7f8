import CoopZoneCore

/// The direct jobs of one evaluation, by (region, sector, origin) cell and year index, in flat arrays: a
/// cell is found by two array lookups, not by hashing, and its years are contiguous. Investment
/// is first collected as jobs starting per year, then spread over the ramp-up and life of the
/// capacity in one pass per cell.
struct JobTable {
    /// Years in the horizon.
    let yearCount: Int
    /// Sector ids by slot: the scenario's (a repeated id keeps its first slot), then any other id
    /// a row names (such as `all`), in order of first use.
    private(set) var sectorIds: [String]
    /// The (region index, sector slot, origin) of each cell, by cell number.
    private(set) var cells: [(region: Int, sector: Int, origin: JobOrigin)] = []
    /// Direct jobs by cell number and year index: `direct[cell * yearCount + t]`.
    private(set) var direct: [Double] = []
    /// Investment jobs at full operation starting in each year, laid out as `direct`.
    private var starts: [Double] = []
    /// For each region index, the cell number by `sector slot × JobOrigin.count + origin` (-1: none yet).
    private var cellOf: [[Int]]

    /// An empty table for `regionCount` regions, `yearCount` years and the scenario's sector ids.
    init(regionCount: Int, yearCount: Int, sectorIds: [String]) {
        self.yearCount = yearCount
        self.sectorIds = sectorIds
        cellOf = [[Int]](repeating: [], count: regionCount)
    }

    /// The slot of a sector id (its first slot), adding it if new.
    mutating func sectorSlot(_ id: String) -> Int {
        for i in sectorIds.indices where sectorIds[i] == id { return i }
        sectorIds.append(id)
        return sectorIds.count - 1
    }

    /// The number of the cell (region index, sector id, origin), adding it (with zero jobs) if new.
    mutating func cell(region r: Int, sector id: String, origin: JobOrigin) -> Int {
        let s = sectorSlot(id)
        let key = s * JobOrigin.count + origin.rawValue
        if key < cellOf[r].count, cellOf[r][key] >= 0 { return cellOf[r][key] }
        if key >= cellOf[r].count { cellOf[r].append(contentsOf: repeatElement(-1, count: key + 1 - cellOf[r].count)) }
        let number = cells.count
        cellOf[r][key] = number
        cells.append((r, s, origin))
        direct.append(contentsOf: repeatElement(0, count: yearCount))
        starts.append(contentsOf: repeatElement(0, count: yearCount))
        return number
    }

    /// Adds direct jobs in year index `t`.
    mutating func addDirect(_ jobs: Double, cell: Int, yearIndex t: Int) {
        direct[cell * yearCount + t] += jobs
    }

    /// Records `jobs` at full operation from capacity invested in year index `t` (may be before
    /// the horizon: negative `t`, spread at once with `ramp`).
    mutating func addStart(_ jobs: Double, cell: Int, yearIndex t: Int, ramp: RampUp) {
        let base = cell * yearCount
        if t >= 0 {
            starts[base + t] += jobs
        } else {
            for u in 0..<yearCount { direct[base + u] += jobs * ramp.share(yearsAfterInvestment: u - t) }
        }
    }

    /// Spreads the recorded starts over the ramp-up and life: `direct[t] += Σ_{y ≤ t} start[y] · share[t − y]`.
    mutating func spreadStarts(_ ramp: RampUp) {
        let shares = ramp.shares(count: yearCount)
        let count = yearCount
        for c in 0..<(starts.count / max(count, 1)) {
            let base = c * count
            for y in 0..<count where starts[base + y] != 0 {
                let start = starts[base + y]
                for t in y..<count { direct[base + t] += start * shares[t - y] }
            }
        }
    }

    /// The cells with a non-zero job count in some year, ordered by region index, then sector slot, then origin.
    func orderedNonZeroCells() -> [Int] {
        var out: [Int] = []
        out.reserveCapacity(cells.count)
        for r in cellOf.indices {
            for c in cellOf[r] where c >= 0 {
                let base = c * yearCount
                for t in 0..<yearCount where direct[base + t] != 0 {
                    out.append(c)
                    break
                }
            }
        }
        return out
    }
}

/// What decides where a row's jobs go: its dimensions that `ZoneGeography.recipients` and the
/// sector's data read (the stage for investment rows, the link and direction for trade rows), and
/// the origin of its jobs. It keeps the dimensions of the first row that had it: rows of one
/// series share that value, so most rows match at an identity test without comparing text.
struct PlacementKey {
    private let dimensions: Dimensions
    private let trade: Bool
    /// What causes the jobs of the rows with this key.
    let origin: JobOrigin

    /// The key of a row's dimensions: with the stage (investment) or with the link and direction (trade).
    init(_ d: Dimensions, trade: Bool, origin: JobOrigin) {
        dimensions = d
        self.trade = trade
        self.origin = origin
    }

    var region: String? { dimensions.region }
    var country: String? { dimensions.country }
    var sector: String? { dimensions.sector }
    var stage: String? { trade ? nil : dimensions.stage }
    var link: String? { trade ? dimensions.link : nil }
    var direction: String? { trade ? dimensions.direction : nil }

    /// True when dimensions `d` of a row whose jobs come from `origin` have this key.
    func matches(_ d: Dimensions, origin: JobOrigin) -> Bool {
        guard origin == self.origin else { return false }
        if d.isIdentical(to: dimensions) { return true }
        guard d.region == dimensions.region, d.country == dimensions.country, d.sector == dimensions.sector else { return false }
        return trade ? d.link == dimensions.link && d.direction == dimensions.direction : d.stage == dimensions.stage
    }
}

/// Where the jobs of a row go, by placement key: each distinct key is resolved once, at the
/// first row that has it, into (cell, jobs per USD m of the row's value) for each recipient region.
struct Placements {
    /// All placements, key after key.
    private(set) var all: [(cell: Int, jobsPerUSDMillion: Double)] = []
    private var keys: [PlacementKey] = []
    /// For each key: its range in `all` (start -1: not resolved yet).
    private var ranges: [(start: Int, count: Int)] = []
    /// The key looked up last (rows of one flow or line come in runs).
    private var last = -1

    /// The index of the key of row `i` of `rows`, whose jobs come from `origin` (see
    /// `PlacementKey.init`), adding it (unresolved) if new.
    mutating func index(of rows: [ResultRow], _ i: Int, trade: Bool, origin: JobOrigin = .investment) -> Int {
        let dimensions = rows[i].dimensions
        if last >= 0, keys[last].matches(dimensions, origin: origin) { return last }
        for k in keys.indices where keys[k].matches(dimensions, origin: origin) {
            last = k
            return k
        }
        keys.append(PlacementKey(dimensions, trade: trade, origin: origin))
        ranges.append((-1, 0))
        last = keys.count - 1
        return last
    }

    /// The key at `k`.
    func key(_ k: Int) -> PlacementKey { keys[k] }

    /// True when key `k` has been resolved.
    func isResolved(_ k: Int) -> Bool { ranges[k].start >= 0 }

    /// Resolves key `k`: `body` appends its placements (none when its jobs go nowhere).
    mutating func resolve(_ k: Int, _ body: (inout [(cell: Int, jobsPerUSDMillion: Double)]) -> Void) {
        let start = all.count
        body(&all)
        ranges[k] = (start, all.count - start)
    }

    /// The positions in `all` of key `k`'s placements.
    func range(_ k: Int) -> Range<Int> { ranges[k].start..<(ranges[k].start + ranges[k].count) }

    /// Forgets every key and placement.
    mutating func removeAll() {
        all.removeAll(keepingCapacity: true)
        keys.removeAll(keepingCapacity: true)
        ranges.removeAll(keepingCapacity: true)
        last = -1
    }
}

/// What caused a job: the zone's investment, or one kind of real trade gain. Written as the
/// `instrument` dimension of every employment row, so that `cost_benefit` (and a reader) can
/// tell jobs whose reference case is redundancy (investment) from those whose reference case is
/// deadweight (trade gains).
enum JobOrigin: Int, CaseIterable, Sendable {
    case investment, tradeCreation, tradeDiversion, tradeFacilitation

    static let count = allCases.count

    /// The `instrument` value of the rows: `investment` or the trade_effects metric behind the jobs.
    var id: String {
        switch self {
        case .investment: "investment"
        case .tradeCreation: "trade_creation"
        case .tradeDiversion: "trade_diversion"
        case .tradeFacilitation: "trade_facilitation"
        }
    }

    /// Words for findings.
    var label: String {
        switch self {
        case .investment: "investment"
        case .tradeCreation: "trade creation"
        case .tradeDiversion: "trade diversion"
        case .tradeFacilitation: "trade facilitation"
        }
    }

    /// The origin of the jobs behind a trade_effects metric: creation, diversion and facilitation
    /// are more output; loss reduction (produce already grown) and formalisation (trade already
    /// there) make no production jobs, and other metrics none either.
    init?(tradeMetric metric: MetricKey) {
        switch metric {
        case EmploymentEvaluator.Reads.tradeCreation.key: self = .tradeCreation
        case EmploymentEvaluator.Reads.tradeDiversion.key: self = .tradeDiversion
        case EmploymentEvaluator.Reads.tradeFacilitation.key: self = .tradeFacilitation
        default: return nil
        }
    }
}
