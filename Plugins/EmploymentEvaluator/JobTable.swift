/// The direct jobs of one evaluation, by (region, sector) cell and year index, filled row by row
/// with as little hashing as possible: each distinct placement of a row (where its jobs go and
/// how many per USD m) is resolved once and cached, and investment is first collected as jobs
/// starting per year, then spread over the ramp-up and life of the capacity in one pass per cell.
struct JobTable {
    /// A (region index, sector slot) pair.
    struct Cell: Hashable {
        var region: Int
        var sector: Int
    }

    /// Where part of a row's jobs go: a cell slot, and jobs per USD m of the row's value there.
    struct Placement {
        var slot: Int
        var jobsPerUSDMillion: Double
    }

    /// What decides a row's placements.
    struct PlacementKey: Hashable {
        var region: String?
        var country: String?
        var stage: String?
        var linkEnd: String?
        var sector: String
    }

    /// Years in the horizon.
    let yearCount: Int
    /// Sector ids by slot: the scenario's, then any other id a row names (such as `all`).
    private(set) var sectorIds: [String]
    private var sectorIndex: [String: Int]
    /// Cells by slot.
    private(set) var cells: [Cell] = []
    private var cellIndex: [Cell: Int] = [:]
    /// Direct jobs by cell slot and year index.
    private(set) var direct: [[Double]] = []
    /// Investment jobs at full operation starting in each year, by cell slot and year index.
    private var starts: [[Double]] = []

    /// An empty table for `yearCount` years and the scenario's sector ids.
    init(yearCount: Int, sectorIds: [String]) {
        self.yearCount = yearCount
        self.sectorIds = sectorIds
        self.sectorIndex = Dictionary(sectorIds.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The slot of a sector id, adding it if new.
    mutating func sectorSlot(_ id: String) -> Int {
        if let i = sectorIndex[id] { return i }
        sectorIndex[id] = sectorIds.count
        sectorIds.append(id)
        return sectorIds.count - 1
    }

    /// The slot of a cell, adding it if new.
    mutating func slot(region: Int, sector: String) -> Int {
        let cell = Cell(region: region, sector: sectorSlot(sector))
        if let i = cellIndex[cell] { return i }
        cellIndex[cell] = cells.count
        cells.append(cell)
        direct.append([Double](repeating: 0, count: yearCount))
        starts.append([Double](repeating: 0, count: yearCount))
        return cells.count - 1
    }

    /// Adds direct jobs in year index `t`.
    mutating func addDirect(_ jobs: Double, slot: Int, yearIndex t: Int) {
        direct[slot][t] += jobs
    }

    /// Records `jobs` at full operation from capacity invested in year index `t` (may be before
    /// the horizon: negative `t`, spread at once with `ramp`).
    mutating func addStart(_ jobs: Double, slot: Int, yearIndex t: Int, ramp: RampUp) {
        if t >= 0 {
            starts[slot][t] += jobs
        } else {
            for u in 0..<yearCount { direct[slot][u] += jobs * ramp.share(yearsAfterInvestment: u - t) }
        }
    }

    /// Spreads the recorded starts over the ramp-up and life: `direct[t] += Σ_{y ≤ t} start[y] · share[t − y]`.
    mutating func spreadStarts(_ ramp: RampUp) {
        let shares = ramp.shares(count: yearCount)
        for slot in cells.indices {
            let start = starts[slot]
            for y in 0..<yearCount where start[y] != 0 {
                for t in y..<yearCount { direct[slot][t] += start[y] * shares[t - y] }
            }
        }
    }
}
