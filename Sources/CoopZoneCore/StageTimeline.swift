/// A stage placed on the calendar.
public struct ResolvedStage: Sendable {
    /// The stage.
    public var stage: Stage
    /// Its first year.
    public var first: Int
    /// Its last year (within the horizon).
    public var last: Int

    /// True when `year` falls in the stage.
    public func contains(_ year: Int) -> Bool { first <= year && year <= last }
}

/// A zone's stages placed on the calendar, with what could not be placed.
public struct StageTimeline: Sendable {
    /// An inconsistency in the stage definitions.
    public struct Problem: Sendable {
        /// What is wrong.
        public var message: String
        /// Where.
        public var location: SourceLocation
        /// What to do.
        public var hint: String?
    }

    /// The stages that start within the horizon, in calendar order.
    public var stages: [ResolvedStage]
    /// Stages whose start condition is not met within the horizon (ids).
    public var neverStarted: [String]
    /// Definitions that cannot be resolved.
    public var errors: [Problem]

    /// The stage active in `year`, if any.
    public func stage(in year: Int) -> ResolvedStage? { stages.first { $0.contains(year) } }
}

extension Scenario {
    /// Places a zone's stages on the calendar: a stage starts in its year, after another stage
    /// ends (plus a lag), or in the year after the zone's cumulative public infrastructure
    /// spending reaches a threshold; it ends at `end`, after `duration` years, the year before
    /// the next stage starts, or at the end of the horizon.
    public func timeline(of zone: Zone) -> StageTimeline {
        var firsts = [Int?](repeating: nil, count: zone.stages.count)
        var lasts = [Int?](repeating: nil, count: zone.stages.count)
        var pending = Set(zone.stages.indices)
        var problems: [StageTimeline.Problem] = []
        var neverStarted: [String] = []
        let indexById = Dictionary(zone.stages.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })

        func spending(through year: Int) -> Double {
            var total = 0.0
            for (i, stage) in zone.stages.enumerated() {
                guard let first = firsts[i], let last = lasts[i], first <= year else { continue }
                let years = Double(min(last, year) - first + 1)
                for item in stage.measures.infrastructure { total += self[item.amountPerYear] * years }
            }
            return total
        }

        // Resolving one stage may depend on another's end, so repeat until nothing changes.
        var progress = true
        while progress && !pending.isEmpty {
            progress = false
            for i in pending.sorted() {
                let stage = zone.stages[i]
                var first: Int?
                switch stage.start {
                case .year(let year): first = year
                case .after(let other, let lag):
                    guard let j = indexById[other] else { pending.remove(i); progress = true; continue }
                    if j == i {
                        problems.append(.init(message: "stage '\(stage.id)' starts after itself", location: stage.location, hint: "name the stage it follows"))
                        pending.remove(i); progress = true; continue
                    }
                    if neverStarted.contains(other) { neverStarted.append(stage.id); pending.remove(i); progress = true; continue }
                    guard let otherLast = lasts[j] else { continue }
                    first = otherLast + 1 + lag
                case .infrastructureSpending(let amount, let earliest):
                    // Only stages already placed can have spent; wait for the others unless none can progress.
                    let threshold = self[amount]
                    let start = max(earliest ?? horizon.lowerBound, horizon.lowerBound)
                    var year = start
                    while year <= horizon.upperBound && spending(through: year - 1) < threshold { year += 1 }
                    if year <= horizon.upperBound {
                        first = year
                    } else {
                        let blockers = pending.subtracting([i])
                        if !blockers.isEmpty { continue }
                        neverStarted.append(stage.id); pending.remove(i); progress = true; continue
                    }
                }
                guard let first else { continue }
                if first > horizon.upperBound { neverStarted.append(stage.id); pending.remove(i); progress = true; continue }
                var last: Int
                if let end = stage.end {
                    last = end
                } else if let duration = stage.duration {
                    last = first + duration - 1
                } else {
                    // Open-ended: until the next stage in the list starts, if that one is already placed.
                    if i + 1 < zone.stages.count {
                        if let next = firsts[i + 1] {
                            last = next - 1
                        } else if case .year(let y) = zone.stages[i + 1].start {
                            last = y - 1
                        } else {
                            if case .after(let o, _) = zone.stages[i + 1].start, o == stage.id {
                                problems.append(
                                    .init(
                                        message:
                                            "stage '\(stage.id)' has no 'end' or 'duration', so stage '\(zone.stages[i + 1].id)', which starts after it, can never start",
                                        location: stage.location, hint: "give stage '\(stage.id)' an 'end' year or a 'duration'"))
                                last = horizon.upperBound
                            } else {
                                last = horizon.upperBound
                            }
                        }
                    } else {
                        last = horizon.upperBound
                    }
                }
                firsts[i] = first
                lasts[i] = min(max(last, first), horizon.upperBound)
                pending.remove(i)
                progress = true
            }
        }
        for i in pending.sorted() {
            problems.append(
                .init(
                    message: "the start of stage '\(zone.stages[i].id)' cannot be resolved (stages wait on each other)",
                    location: zone.stages[i].location, hint: "break the circle: give one of the stages a start year"))
        }
        let placed = zone.stages.indices.compactMap { i -> ResolvedStage? in
            guard let f = firsts[i], let l = lasts[i] else { return nil }
            return ResolvedStage(stage: zone.stages[i], first: f, last: l)
        }.sorted { $0.first < $1.first }
        return StageTimeline(stages: placed, neverStarted: neverStarted, errors: problems)
    }
}
