import Foundation

/// One input a sweep moves: a lever of the scenario (by its id) or any number by its `--set` path.
public struct SweepAxis: Sendable, Hashable {
    /// The column the sweep's table names it by: the lever's id, or the path.
    public var name: String
    /// The path of the number it sets, as `--set` takes it.
    public var path: String
    /// True for a lever.
    public var isLever: Bool
    /// The values it takes: a grid's values in the order written, or the values a sample draws
    /// from (every point of the lever's grid, or of the range given).
    public var values: [Double]
    /// Where each value is written in the spec (the range's place for values a range expands to),
    /// by index of `values`: the loader's diagnostics about a value point there.
    public var locations: [SourceLocation]
}

/// One scenario file of a sweep with its design: a grid (every combination of its axes'
/// values) or a seeded sample of points.
public struct SweepScenario: Sendable {
    /// How the scenario's points are chosen.
    public enum Design: Sendable, Hashable {
        /// Every combination of the axes' values, the first axis varying slowest.
        case grid
        /// `points` points, each axis's value drawn uniformly from its values, seeded.
        case sample(points: Int, seed: UInt64)
    }

    /// The file as the spec writes it (relative to the spec): the table's `scenario` column.
    public var file: String
    /// The path to load it from (the spec's folder joined with `file`).
    public var path: String
    /// Where the file is named in the spec.
    public var location: SourceLocation
    /// Grid or sample.
    public var design: Design
    /// The inputs moved, in the order written.
    public var axes: [SweepAxis]

    /// How many points the scenario contributes.
    public var pointCount: Int {
        switch design {
        case .grid: axes.reduce(1) { $0 * $1.values.count }
        case .sample(let points, _): points
        }
    }

    /// The values of the scenario's `n`-th point (0-based), by index of `axes`.
    public func values(ofPoint n: Int) -> [Double] {
        switch design {
        case .grid:
            // Mixed radix, the last axis the fastest digit.
            var rest = n
            var out = [Double](repeating: 0, count: axes.count)
            for a in axes.indices.reversed() {
                let count = axes[a].values.count
                out[a] = axes[a].values[rest % count]
                rest /= count
            }
            return out
        case .sample(_, let seed):
            // Each point its own stream, so a point's values do not depend on the others (or on a shard).
            var random = SeededRandom(seed: seed, stream: n)
            return axes.map { axis in axis.values[Swift.min(axis.values.count - 1, Int(random.unit() * Double(axis.values.count)))] }
        }
    }

    /// The locations of the values of the scenario's `n`-th point, by index of `axes`.
    func locations(of values: [Double]) -> [SourceLocation] {
        axes.indices.map { a in
            let i = axes[a].values.firstIndex(of: values[a]) ?? 0
            return axes[a].locations[i]
        }
    }
}

/// One point of a sweep: a scenario file and a value for each of its axes.
public struct SweepPoint: Sendable {
    /// 1-based, over the whole sweep: the table's `point` column.
    public var index: Int
    /// The index of its scenario in `SweepSpec.scenarios`.
    public var scenario: Int
    /// Its values, by index of the scenario's axes.
    public var values: [Double]
}

/// Monte Carlo at every point of a sweep.
public struct SweepMonteCarlo: Sendable, Hashable {
    /// Draws per point.
    public var draws: Int
    /// The seed, the same at every point (so points differ by their inputs, not by their draws).
    public var seed: UInt64
}

/// A sweep spec: scenario files, a grid or a sample over their levers and numbers, and Monte
/// Carlo per point if asked (`coopzone sweep SPEC.yaml`; Docs/scaling.md). Read with the
/// scenario loader's YAML tree, every problem a diagnostic at its line and column.
public struct SweepSpec: Sendable {
    /// The keys of a spec.
    public static let keys = ["format", "title", "scenarios", "grid", "sample", "monte_carlo"]
    static let scenarioKeys = ["file", "grid", "sample"]
    static let gridKeys = ["levers", "paths"]
    static let sampleKeys = ["points", "seed", "levers", "paths"]
    static let rangeKeys = ["from", "to", "step"]
    static let monteCarloKeys = ["draws", "seed"]
    /// The most points a sweep may have.
    public static let maxPoints = 1_000_000
    /// The most values one axis may have.
    public static let maxValuesPerAxis = 100_000

    /// The spec file as named.
    public var file: String
    /// Its title, if given.
    public var title: String?
    /// The scenario files, in the order written.
    public var scenarios: [SweepScenario]
    /// Monte Carlo per point, or nil for one run per point.
    public var monteCarlo: SweepMonteCarlo?
    /// FNV-1a (64 bits) of the spec's text and of each scenario's content hash: what a shard
    /// file carries so that `coopzone sweep merge` refuses shards of different sweeps.
    public var hash: String

    /// The swept columns of the table: every axis name, in the order first met.
    public var columns: [String] {
        var seen: [String] = []
        for axis in scenarios.flatMap(\.axes) where !seen.contains(axis.name) { seen.append(axis.name) }
        return seen
    }

    /// The number of points.
    public var pointCount: Int { scenarios.reduce(0) { $0 + $1.pointCount } }

    /// The points whose 1-based indices are in `range`, in order.
    public func points(_ range: Range<Int>? = nil) -> [SweepPoint] {
        let wanted = range ?? 1..<(pointCount + 1)
        var out: [SweepPoint] = []
        var first = 1
        for (s, scenario) in scenarios.enumerated() {
            let count = scenario.pointCount
            let lo = Swift.max(first, wanted.lowerBound), hi = Swift.min(first + count, wanted.upperBound)
            if lo < hi {
                for index in lo..<hi { out.append(SweepPoint(index: index, scenario: s, values: scenario.values(ofPoint: index - first))) }
            }
            first += count
        }
        return out
    }

    /// The points of shard `k` of `n` (1-based): a contiguous run of points, shard `k` taking
    /// points `⌊(k−1)·P/n⌋ + 1` to `⌊k·P/n⌋` of P (so shard sizes differ by at most one, and a
    /// shard may be empty when n > P).
    public static func shardRange(_ k: Int, of n: Int, points: Int) -> Range<Int> {
        ((k - 1) * points / n + 1)..<(k * points / n + 1)
    }

    /// The overrides that set a point's values, each located where the spec writes the value.
    public func overrides(for point: SweepPoint) -> [Override] {
        let scenario = scenarios[point.scenario]
        let locations = scenario.locations(of: point.values)
        return scenario.axes.indices.map { a in
            let axis = scenario.axes[a]
            return Override(
                path: axis.path, value: YNode(.scalar(Self.numberText(point.values[a]), quoted: false), at: locations[a]),
                origin: axis.isLever ? "sweep lever \(axis.name)" : "sweep")
        }
    }

    /// A value as the table and the overrides write it: the shortest text that reads back to
    /// the same double (`JSONWriter.numberText`).
    public static func numberText(_ value: Double) -> String { JSONWriter.numberText(value) }

    /// Reads the spec at `file`: every problem a diagnostic (spec and scenarios alike).
    public static func load(file: String) -> Result<SweepSpec, DiagnosticsError> {
        let start = SourceLocation(file: file, line: 1, column: 1)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue else {
            return .failure(
                DiagnosticsError([
                    Diagnostic(
                        .error, "'\(file)' \(isDirectory.boolValue ? "is a directory, not a sweep spec" : "does not exist")", at: nil,
                        hint: "give the sweep spec's YAML file (see Docs/scaling.md)")
                ]))
        }
        guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
            return .failure(DiagnosticsError([Diagnostic(.error, "cannot read the spec as UTF-8 text", at: start, hint: "check the file and its permissions")]))
        }
        return parse(text, file: file)
    }

    /// Parses a spec's text; scenario paths are relative to `file`'s folder.
    public static func parse(_ text: String, file: String) -> Result<SweepSpec, DiagnosticsError> {
        let tree: YNode
        switch YAMLTree.parse(text, file: file) {
        case .failure(let error): return .failure(error)
        case .success(let node): tree = node
        }
        let reader = TreeReader.spec()
        let top = reader.mapping(tree, what: "the sweep spec", allowed: keys)
        guard top.isMapping else { return .failure(DiagnosticsError(reader.diagnostics)) }
        if let node = top["format"], let v = reader.integer(node, what: "'format'"), v != 1 {
            reader.error("sweep spec format \(v) is not known; this CoopZone reads format 1", at: node.location, hint: "write 'format: 1'")
        }
        let title = top["title"].flatMap { reader.text($0, what: "'title'") }
        var monteCarlo: SweepMonteCarlo?
        if let node = top["monte_carlo"] {
            let mc = reader.mapping(node, what: "'monte_carlo'", allowed: monteCarloKeys)
            if let draws = mc.require("draws", hint: "e.g. monte_carlo: {draws: 1000, seed: 7}").flatMap({ reader.integer($0, what: "'draws'") }) {
                if (1...10_000_000).contains(draws) {
                    monteCarlo = SweepMonteCarlo(draws: draws, seed: mc["seed"].flatMap { reader.seed($0) } ?? 1)
                } else {
                    reader.error("'draws' is \(draws); it must be between 1 and 10000000", at: mc["draws"]?.location, hint: "draws per point")
                }
            }
        }
        let folder = (file as NSString).deletingLastPathComponent
        var scenarios: [SweepScenario] = []
        var hashInput = "coopzone sweep 1\u{1F}" + text
        if let list = top.require("scenarios", hint: "list the scenario files, relative to the spec: scenarios: [../my-scenario.yaml]") {
            guard let items = list.items, !items.isEmpty else {
                reader.error(
                    "expected a list of scenario files for 'scenarios', found \(list.kindDescription)", at: list.location,
                    hint: "e.g. scenarios: [../fergana-batken-sughd-growth-triangle.yaml]")
                return .failure(DiagnosticsError(reader.diagnostics.sortedByLocation()))
            }
            for item in items {
                var name: String?
                var design = (grid: top["grid"], sample: top["sample"], own: false)
                var nameLocation = item.location
                if item.entries != nil {
                    let m = reader.mapping(item, what: "a scenario of the sweep", allowed: scenarioKeys)
                    if let node = m.require("file", hint: "e.g. - {file: ../my-scenario.yaml, grid: {levers: {holiday_years: [0, 5]}}}") {
                        name = reader.text(node, what: "'file'")
                        nameLocation = node.location
                    }
                    if m["grid"] != nil || m["sample"] != nil { design = (m["grid"], m["sample"], true) }
                } else {
                    name = reader.text(item, what: "a scenario file")
                }
                guard let name else { continue }
                guard !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                    reader.error("the file name has a control character", at: nameLocation)
                    continue
                }
                let path = name.hasPrefix("/") || folder.isEmpty ? name : (folder as NSString).appendingPathComponent(name)
                let outcome = ScenarioLoader.load(file: (path as NSString).standardizingPath)
                guard let scenario = outcome.scenario, let scenarioTree = outcome.tree else {
                    reader.diagnostics += outcome.diagnostics.filter { $0.severity == .error }
                    reader.error(
                        "the scenario '\(name)' does not load (see the errors above)", at: nameLocation,
                        hint: "scenario paths are relative to the spec's folder ('\(folder.isEmpty ? "." : folder)')")
                    continue
                }
                hashInput += "\u{1F}\(name)\u{1F}\(scenario.contentHash)"
                if design.grid != nil && design.sample != nil {
                    reader.error(
                        "give a scenario either 'grid' or 'sample', not both", at: (design.own ? item : tree).location,
                        hint: "list the file twice to have both: once with its grid, once with its sample")
                    continue
                }
                let context = design.own ? "" : " (the spec's \(design.grid != nil ? "grid" : "sample"), applied to '\(name)')"
                let axes: [SweepAxis]
                let kind: SweepScenario.Design
                if let sample = design.sample {
                    let m = reader.mapping(sample, what: "'sample'", allowed: sampleKeys)
                    guard m.isMapping else { continue }
                    let points =
                        m.require("points", hint: "e.g. sample: {points: 20, seed: 7}").flatMap { reader.integer($0, what: "'points'") } ?? 0
                    if !(1...maxPoints).contains(points), let node = m["points"] {
                        reader.error("'points' is \(points); it must be between 1 and \(maxPoints)", at: node.location)
                    }
                    kind = .sample(points: Swift.max(points, 0), seed: m["seed"].flatMap { reader.seed($0) } ?? 1)
                    axes = reader.sampleAxes(m, scenario: scenario, tree: scenarioTree, name: name, context: context)
                } else if let grid = design.grid {
                    let m = reader.mapping(grid, what: "'grid'", allowed: gridKeys)
                    guard m.isMapping else { continue }
                    kind = .grid
                    axes = reader.gridAxes(m, scenario: scenario, tree: scenarioTree, name: name, context: context)
                } else {
                    kind = .grid
                    axes = []
                }
                reader.checkDistinct(axes, name: name)
                reader.checkPathValues(axes, path: (path as NSString).standardizingPath, name: name)
                scenarios.append(SweepScenario(file: name, path: (path as NSString).standardizingPath, location: nameLocation, design: kind, axes: axes))
            }
        }
        let total = scenarios.reduce(0) { $0 + $1.pointCount }
        if total > maxPoints || scenarios.contains(where: { $0.pointCount > maxPoints }) {
            reader.error(
                "the sweep has more than \(maxPoints) points", at: top["scenarios"]?.location ?? tree.location,
                hint: "split it into several specs, or sample: {points: N} instead of a grid")
        }
        let diagnostics = Array(Set(reader.diagnostics)).sortedByLocation()
        if diagnostics.hasErrors { return .failure(DiagnosticsError(diagnostics)) }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in hashInput.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return .success(
            SweepSpec(file: file, title: title, scenarios: scenarios, monteCarlo: monteCarlo, hash: String(hash, radix: 16).leftPadded(to: 16)))
    }
}

/// The reader of a sweep spec: the shared `TreeReader` and the spec's own fields below.
typealias SpecReader = TreeReader

extension TreeReader {
    /// A reader of sweep specs.
    static func spec() -> TreeReader { TreeReader(entriesExample: { "one line per name: '\($0): {name: [values]}'" }) }

    func seed(_ node: YNode) -> UInt64? {
        guard case .scalar(let raw, false) = node.value, let seed = UInt64(raw.replacingOccurrences(of: "_", with: "")) else {
            error("expected a seed (a whole number from 0 to 18446744073709551615) for 'seed', found \(node.kindDescription)", at: node.location)
            return nil
        }
        return seed
    }

    /// The values a node gives an axis: a list of numbers, or `{from, to, step}`; with their locations.
    func values(_ node: YNode, what: String) -> [(Double, SourceLocation)] {
        if let items = node.items {
            if items.isEmpty { error("\(what) has no values", at: node.location, hint: "e.g. [0, 5, 10] or {from: 0, to: 10, step: 5}") }
            if items.count > SweepSpec.maxValuesPerAxis { error("\(what) has more than \(SweepSpec.maxValuesPerAxis) values", at: node.location) }
            return items.prefix(SweepSpec.maxValuesPerAxis).compactMap { item in number(item, what: "a value of \(what)").map { ($0, item.location) } }
        }
        if node.entries != nil {
            let m = mapping(node, what: what, allowed: SweepSpec.rangeKeys)
            let hint = "e.g. {from: 0, to: 10, step: 2.5}"
            guard let fromNode = m.require("from", hint: hint), let toNode = m.require("to", hint: hint), let stepNode = m.require("step", hint: hint),
                let from = number(fromNode, what: "'from'"), let to = number(toNode, what: "'to'"), let step = number(stepNode, what: "'step'")
            else { return [] }
            guard step > 0 else {
                error("'step' is \(format(step)); it must be more than 0", at: stepNode.location)
                return []
            }
            guard from <= to else {
                error("'from' (\(format(from))) is above 'to' (\(format(to)))", at: fromNode.location, hint: "write the lower end under 'from'")
                return []
            }
            let steps = (to - from) / step
            let count = steps.rounded()
            guard abs(steps - count) < Lever.tolerance else {
                let last = from + steps.rounded(.down) * step
                error(
                    "'to' (\(format(to))) is not 'from' (\(format(from))) plus a whole number of steps of \(format(step))", at: toNode.location,
                    hint: "the last value would be \(format(last)); write to: \(format(last)), or another step")
                return []
            }
            guard count < Double(SweepSpec.maxValuesPerAxis) else {
                error("\(what) has more than \(SweepSpec.maxValuesPerAxis) values", at: node.location, hint: "take a larger step")
                return []
            }
            // Written with no more decimals than 'from' and 'step' have: 0.1 + 2 × 0.1 is 0.3, not 0.30000000000000004.
            let scale = pow(10, Double(Swift.max(Lever.decimals(from), Lever.decimals(step))))
            return (0...Int(count)).map { k in (((from + Double(k) * step) * scale).rounded() / scale, node.location) }
        }
        error(
            "expected a list of values or {from, to, step} for \(what), found \(node.kindDescription)", at: node.location,
            hint: "e.g. [0, 5, 10] or {from: 0, to: 10, step: 5}")
        return []
    }

    /// The lever `id` of a scenario, or nil with a diagnostic (did-you-mean) at `location`.
    func lever(_ id: String, in scenario: Scenario, name: String, at location: SourceLocation, context: String) -> Lever? {
        if let lever = scenario.levers.first(where: { $0.id == id }) { return lever }
        let suggestion = closestMatch(to: id, in: scenario.levers.map(\.id))
        let known = scenario.levers.map(\.id).joined(separator: ", ")
        error(
            "the scenario '\(name)' has no lever '\(id)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "") + context, at: location,
            hint: known.isEmpty
                ? "it has no levers: sweep its numbers by path under 'paths:'"
                : "its levers: \(known)" + (context.isEmpty ? "" : "; give this scenario a grid or sample of its own: - {file: \(name), grid: …}"))
        return nil
    }

    /// Each value on the lever's grid (snapped to the grid point it stands for), or a diagnostic at the value.
    func leverValues(_ values: [(Double, SourceLocation)], lever: Lever, name: String, context: String) -> [(Double, SourceLocation)] {
        values.compactMap { value, location in
            guard lever.contains(value) else {
                error(
                    "\(format(value)) is outside lever '\(lever.id)' of '\(name)', which moves from \(format(lever.min)) to \(format(lever.max))"
                        + context, at: location, hint: "\(lever.label): a value from \(format(lever.min)) to \(format(lever.max))")
                return nil
            }
            guard let snapped = lever.snapped(value) else {
                let below = lever.min + ((value - lever.min) / lever.step).rounded(.down) * lever.step
                let near = [below, Swift.min(lever.max, below + lever.step)].compactMap { lever.snapped($0) }.map(format)
                error(
                    "\(format(value)) is off the grid of lever '\(lever.id)' of '\(name)', which moves in steps of \(format(lever.step)) from \(format(lever.min))"
                        + context, at: location, hint: "the nearest values on its grid: \(near.joined(separator: " and "))")
                return nil
            }
            return (snapped, location)
        }
    }

    /// The grid's axes: `levers:` then `paths:`, each in the order written.
    func gridAxes(_ grid: Mapping, scenario: Scenario, tree: YNode, name: String, context: String) -> [SweepAxis] {
        var axes: [SweepAxis] = []
        for entry in grid.entries("levers") {
            guard let lever = lever(entry.key, in: scenario, name: name, at: entry.keyLocation, context: context) else { continue }
            let values = leverValues(values(entry.value, what: "lever '\(entry.key)'"), lever: lever, name: name, context: context)
            guard !values.isEmpty else { continue }
            axes.append(SweepAxis(name: lever.id, path: lever.path, isLever: true, values: values.map(\.0), locations: values.map(\.1)))
        }
        for entry in grid.entries("paths") {
            guard checkPath(entry.key, in: tree, name: name, at: entry.keyLocation) else { continue }
            let values = values(entry.value, what: "'\(entry.key)'")
            guard !values.isEmpty else { continue }
            axes.append(SweepAxis(name: entry.key, path: entry.key, isLever: false, values: values.map(\.0), locations: values.map(\.1)))
        }
        for axis in axes where Set(axis.values).count < axis.values.count {
            error("a value of '\(axis.name)' is listed twice", at: axis.locations.first, hint: "each point of a grid is run once: list each value once")
        }
        return axes
    }

    /// A sample's axes: the levers named (every lever of the scenario when neither `levers` nor
    /// `paths` is given), each over its whole grid, then the paths with their values.
    func sampleAxes(_ sample: Mapping, scenario: Scenario, tree: YNode, name: String, context: String) -> [SweepAxis] {
        var axes: [SweepAxis] = []
        var levers: [(Lever, SourceLocation)] = []
        if let node = sample["levers"] {
            if let items = node.items {
                for item in items {
                    guard let id = text(item, what: "a lever id"), let lever = lever(id, in: scenario, name: name, at: item.location, context: context)
                    else { continue }
                    levers.append((lever, item.location))
                }
            } else {
                error("expected a list of lever ids for 'levers', found \(node.kindDescription)", at: node.location, hint: "e.g. levers: [holiday_years]")
            }
        } else if sample["paths"] == nil {
            if scenario.levers.isEmpty {
                error(
                    "the scenario '\(name)' has no levers to sample" + context, at: sample.node.location,
                    hint: "sample its numbers by path: sample: {points: 20, paths: {discount_rate: {from: 0.04, to: 0.1, step: 0.01}}}")
            }
            levers = scenario.levers.map { ($0, sample.node.location) }
        }
        for (lever, location) in levers {
            // Every grid point: min + k · step, then max (which need not be on the steps).
            var values: [Double] = []
            var k = 0
            while let v = lever.snapped(lever.min + Double(k) * lever.step), values.count < SweepSpec.maxValuesPerAxis {
                values.append(v)
                if v >= lever.max { break }
                k += 1
            }
            if values.last.map({ $0 < lever.max }) ?? true { values.append(lever.max) }
            axes.append(SweepAxis(name: lever.id, path: lever.path, isLever: true, values: values, locations: values.map { _ in location }))
        }
        for entry in sample.entries("paths") {
            guard checkPath(entry.key, in: tree, name: name, at: entry.keyLocation) else { continue }
            let values = values(entry.value, what: "'\(entry.key)'")
            guard !values.isEmpty else { continue }
            axes.append(SweepAxis(name: entry.key, path: entry.key, isLever: false, values: values.map(\.0), locations: values.map(\.1)))
        }
        return axes
    }

    /// True when `path` names a number the scenario has (or may have: its last segment may be a new optional key).
    func checkPath(_ path: String, in tree: YNode, name: String, at location: SourceLocation) -> Bool {
        let parts = path.split(separator: ".", omittingEmptySubsequences: false)
        guard !parts.contains(where: \.isEmpty) else {
            error("'\(path)' is not a valid path", at: location, hint: "write dotted names, as --set takes them: regions.fergana.population")
            return false
        }
        if let failure = ScenarioLoader.checkOverridePath(path, in: tree) {
            error("'\(path)' \(failure.text) in '\(name)'", at: location, hint: failure.hint)
            return false
        }
        return true
    }

    /// Two axes of one scenario may not set the same number.
    func checkDistinct(_ axes: [SweepAxis], name: String) {
        var seen: [String: SweepAxis] = [:]
        for axis in axes {
            let key = axis.path.hasSuffix(".value") ? String(axis.path.dropLast(".value".count)) : axis.path
            if let first = seen[key] ?? seen.values.first(where: { $0.name == axis.name }) {
                error(
                    "'\(axis.name)' sets the same number of '\(name)' as '\(first.name)' (\(key))", at: axis.locations.first,
                    hint: "sweep each number once")
                continue
            }
            seen[key] = axis
        }
    }

    /// The lowest and highest value of each path axis, set alone, must load: the loader's
    /// diagnostics (a value out of its key's range) point at the value in the spec.
    func checkPathValues(_ axes: [SweepAxis], path: String, name: String) {
        for axis in axes where !axis.isLever {
            guard let lo = axis.values.indices.min(by: { axis.values[$0] < axis.values[$1] }),
                let hi = axis.values.indices.max(by: { axis.values[$0] < axis.values[$1] })
            else { continue }
            for i in Set([lo, hi]).sorted() {
                let value = YNode(.scalar(SweepSpec.numberText(axis.values[i]), quoted: false), at: axis.locations[i])
                let outcome = ScenarioLoader.load(file: path, overrides: [Override(path: axis.path, value: value, origin: "sweep")])
                let errors = outcome.diagnostics.filter { $0.severity == .error }
                guard !errors.isEmpty else { continue }
                diagnostics += errors.filter { $0.location?.file == axis.locations[i].file }
                let elsewhere = errors.filter { $0.location?.file != axis.locations[i].file }
                error(
                    "'\(name)' does not load with \(axis.name) = \(SweepSpec.numberText(axis.values[i]))"
                        + (elsewhere.isEmpty ? "" : ": " + elsewhere.map(\.message).prefix(3).joined(separator: "; ")), at: axis.locations[i],
                    hint: "run 'coopzone run \(name) --set \(axis.path)=\(SweepSpec.numberText(axis.values[i]))' for the details")
            }
        }
    }
}
