import CoopZoneCore
import Foundation
import Synchronization

/// The scenarios of the workshop's folder: lists them, maps a scenario id to its file without
/// ever leaving the folder, and keeps each one loaded and planned until its file (or a file it
/// extends) changes on disk.
///
/// A scenario id is the file's path below the folder without `.yaml`, with `~` between folder
/// and file (`fergana-batken-sughd-growth-triangle`, `variants~fbs-faster-border`). Only files
/// found by listing the folder (two levels deep, no hidden names, no symbolic links leading
/// outside) have ids, so no request can name a file outside it.
public final class ScenarioCatalog: Sendable {
    /// One listed scenario file.
    public struct Item: Sendable, Hashable {
        /// The id used in URLs.
        public var id: String
        /// The path relative to the folder (`variants/fbs-faster-border.yaml`).
        public var relativePath: String
        /// The absolute path.
        public var path: String
    }

    /// A scenario as loaded from its file at one version.
    public struct Entry: Sendable {
        /// The listed file.
        public var item: Item
        /// A short hash of the modification times and sizes of the file and what it extends.
        public var version: String
        /// The scenario, when it loaded without errors.
        public var scenario: Scenario?
        /// The evaluator plan, when the scenario loaded and planned without errors.
        public var plan: RunPlan?
        /// The resolved tree (after `extends`), when it could be parsed.
        public var tree: YNode?
        /// Errors and warnings of loading and planning.
        public var diagnostics: [Diagnostic]
        /// The value each lever has in the file, by lever id.
        public var leverDefaults: [String: Double]
        /// For each lever whose path is a number of the model, its slot in `Scenario.values`: a
        /// lever move then sets that number in the loaded model, as a Monte Carlo draw does,
        /// instead of reading the file again. Levers not here (a stage's start year, or a bound
        /// that makes the scenario invalid) are applied by reloading the file with overrides.
        public var leverSlots: [String: Int] = [:]
        /// What a page shows of the plan (cards and charts), when it planned.
        public var presentation: ScenarioPresentation?

        /// True when the scenario can be run.
        public var isRunnable: Bool { scenario != nil && plan != nil }
    }

    /// The folder, as an absolute, symlink-resolved path.
    public let directory: String
    let registry: [EvaluatorEntry]
    private let cache = Mutex<[String: Entry]>([:])
    private let loading = Mutex(())

    /// The longest id segment accepted (a file name without `.yaml`).
    static let maxSegmentLength = 120

    /// Creates a catalog of the scenarios in `directory`, run with `registry`.
    public init(directory: String, registry: [EvaluatorEntry]) {
        let absolute = URL(fileURLWithPath: directory).standardizedFileURL.path
        self.directory = ScenarioCatalog.realPath(absolute) ?? absolute
        self.registry = registry
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// True when `id` has the form of a scenario id: one or two segments of letters, digits,
    /// `_`, `-` and `.` (not starting with `.`), separated by `~`.
    public static func isWellFormed(_ id: String) -> Bool {
        let segments = id.split(separator: "~", omittingEmptySubsequences: false)
        guard (1...2).contains(segments.count) else { return false }
        return segments.allSatisfy(isWellFormedSegment)
    }

    static func isWellFormedSegment(_ segment: Substring) -> Bool {
        guard let first = segment.unicodeScalars.first, segment.unicodeScalars.count <= maxSegmentLength, first != "." else { return false }
        return segment.unicodeScalars.allSatisfy { s in
            (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") || (s >= "0" && s <= "9") || s == "_" || s == "-" || s == "."
        }
    }

    /// Every scenario file in the folder and its subfolders (one level), sorted by id.
    public func list() -> [Item] {
        relativePaths(endingIn: ".yaml").compactMap { makeItem(relativePath: $0) }.sorted { $0.id < $1.id }
    }

    /// The paths, relative to the folder, of the files ending in `suffix` in the folder and its
    /// subfolders (one level), hidden names left out, in listing order.
    func relativePaths(endingIn suffix: String) -> [String] {
        var paths: [String] = []
        let manager = FileManager.default
        let top = (try? manager.contentsOfDirectory(atPath: directory)) ?? []
        for name in top.sorted() where !name.hasPrefix(".") {
            if name.hasSuffix(suffix) {
                paths.append(name)
            } else if isDirectory(directory + "/" + name) {
                let inner = (try? manager.contentsOfDirectory(atPath: directory + "/" + name)) ?? []
                for file in inner.sorted() where !file.hasPrefix(".") && file.hasSuffix(suffix) { paths.append(name + "/" + file) }
            }
        }
        return paths
    }

    private func isDirectory(_ path: String) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &flag) && flag.boolValue
    }

    /// An item for a path below the folder, or nil when its name is not a valid id or it
    /// resolves (through a symbolic link) outside the folder or to something that is not a file.
    private func makeItem(relativePath: String) -> Item? {
        let stem = String(relativePath.dropLast(".yaml".count))
        let id = stem.replacingOccurrences(of: "/", with: "~")
        guard Self.isWellFormed(id) else { return nil }
        let path = directory + "/" + relativePath
        guard let resolved = Self.realPath(path), resolved.hasPrefix(directory + "/") else { return nil }
        var flag: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved, isDirectory: &flag), !flag.boolValue else { return nil }
        return Item(id: id, relativePath: relativePath, path: path)
    }

    /// The listed file with this id, or nil: ids that are not well formed, name no listed file
    /// or would leave the folder all give nil.
    public func item(_ id: String) -> Item? {
        guard Self.isWellFormed(id) else { return nil }
        let relative = id.replacingOccurrences(of: "~", with: "/") + ".yaml"
        return makeItem(relativePath: relative)
    }

    /// The scenario with this id at its current version on disk: reloaded when the file, or a
    /// file it extends, changed since the last call. Nil when there is no such scenario.
    public func entry(_ id: String) -> Entry? {
        guard let item = item(id) else {
            _ = cache.withLock { $0.removeValue(forKey: id) }
            return nil
        }
        if let cached = cache.withLock({ $0[id] }), cached.version == version(of: item, scenario: cached.scenario) {
            return cached
        }
        // One load at a time: requests that find the file changed together wait for one load
        // (a changed file costs one load plus two per lever) instead of each doing it.
        return loading.withLock { _ in
            if let cached = cache.withLock({ $0[id] }), cached.version == version(of: item, scenario: cached.scenario) {
                return cached
            }
            let fresh = load(item)
            cache.withLock { $0[id] = fresh }
            return fresh
        }
    }

    /// The current version of a scenario without reloading it (for pages that poll for changes).
    public func currentVersion(_ id: String) -> String? {
        guard let item = item(id) else { return nil }
        let known = cache.withLock { $0[id] }
        if let known, known.version == version(of: item, scenario: known.scenario) { return known.version }
        return entry(id)?.version
    }

    func load(_ item: Item) -> Entry {
        // An editor that saves in place truncates the file and then writes it: a load that reads
        // it half-way must not be kept under the finished file's version, or the half-read file
        // would stay in the cache until the next change. The file's stamp before and after the
        // load tells; when it moved, the entry gets a version no file has, and the next call
        // loads again.
        let stampBefore = Self.stamp(item.path)
        let outcome = ScenarioLoader.load(file: item.path)
        var diagnostics = outcome.diagnostics
        var plan: RunPlan?
        if let scenario = outcome.scenario {
            switch Engine.plan(scenario, registry: registry) {
            case .success(let planned): plan = planned
            case .failure(let error): diagnostics += error.diagnostics
            }
        }
        var defaults: [String: Double] = [:]
        if let scenario = outcome.scenario, let tree = outcome.tree {
            for lever in scenario.levers {
                if case .success(let node) = TreePath.resolve(lever.path, in: tree) {
                    let text = node.scalarText ?? node["value"]?.scalarText
                    if let value = text.flatMap(Self.parseNumber) { defaults[lever.id] = value }
                }
            }
        }
        var slots: [String: Int] = [:]
        if let scenario = outcome.scenario, plan != nil {
            for lever in scenario.levers {
                guard let slot = scenario.inputs.firstIndex(where: { $0.path == lever.numberPath }) else { continue }
                // Numbers read once when the file is decoded or planned go through the loader: a
                // table's numbers (copied into the table), and an evaluator's parameter without a
                // distribution (the plan keeps its value, not its slot).
                if lever.numberPath.hasPrefix("input_output.") { continue }
                if lever.numberPath.hasPrefix("evaluators."), scenario.inputs[slot].distribution == nil { continue }
                // Both bounds must give a valid scenario, or the lever goes through the loader, which says why.
                var problem: (bound: String, Diagnostic)?
                for (name, bound) in [("min", lever.min), ("max", lever.max)] where problem == nil {
                    let node = YNode(.scalar(LeverValues.numberText(bound), quoted: false), at: lever.location)
                    let moved = ScenarioLoader.load(file: item.path, overrides: [Override(path: lever.path, value: node, origin: "lever \(lever.id)")])
                    if let movedScenario = moved.scenario {
                        // The plan checks an evaluator parameter's allowed range.
                        if case .failure(let error) = Engine.plan(movedScenario, registry: registry),
                            let first = error.diagnostics.first(where: { $0.severity == .error })
                        {
                            problem = (name, first)
                        }
                    } else if let error = moved.diagnostics.first(where: { $0.severity == .error }) {
                        problem = (name, error)
                    }
                }
                if let (bound, error) = problem {
                    diagnostics.append(
                        Diagnostic(
                            .warning, "lever '\(lever.id)' at its \(bound) makes the scenario invalid: \(error.message)", at: lever.location,
                            hint: "narrow the lever's min and max to values the key accepts"))
                } else {
                    slots[lever.id] = slot
                }
            }
        }
        var version = version(of: item, scenario: outcome.scenario)
        if Self.stamp(item.path) != stampBefore { version += "-changed-while-read" }
        var entry = Entry(
            item: item, version: version, scenario: outcome.scenario, plan: plan, tree: outcome.tree,
            diagnostics: diagnostics, leverDefaults: defaults)
        entry.leverSlots = slots
        entry.presentation = plan.map(ScenarioPresentation.init(plan:))
        return entry
    }

    /// Reads a number as the scenario format writes it (`2_000`, `0.25`).
    static func parseNumber(_ text: String) -> Double? {
        let cleaned = text.replacingOccurrences(of: "_", with: "")
        guard !cleaned.isEmpty, cleaned.count < 64, let value = Double(cleaned), value.isFinite else { return nil }
        return value
    }

    /// The version: a hash of the size, modification time and inode of the file, of each file
    /// in its `extends` chain and of each input–output table it reads. When these are not known
    /// (the file has errors), every scenario file and every CSV file in the folder (two levels)
    /// counts, so fixing a parent or a table is seen too.
    func version(of item: Item, scenario: Scenario?) -> String {
        var paths = [item.path]
        if let scenario {
            var base = URL(fileURLWithPath: item.path).deletingLastPathComponent()
            for relative in scenario.extends {
                let url = relative.hasPrefix("/") ? URL(fileURLWithPath: relative) : base.appendingPathComponent(relative)
                paths.append(url.standardizedFileURL.path)
                base = url.deletingLastPathComponent()
            }
            paths += scenario.inputOutput.compactMap(\.resolvedPath)
        } else {
            paths += list().map(\.path).filter { $0 != item.path }
            paths += relativePaths(endingIn: ".csv").map { directory + "/" + $0 }
        }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func feed(_ text: String) {
            for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        }
        for path in paths { feed(Self.stamp(path)) }
        return String(hash, radix: 16)
    }

    /// A file's path, size, modification time and inode, or that it is missing.
    static func stamp(_ path: String) -> String {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return "\(path)|missing;" }
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? -1
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        let inode = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
        return "\(path)|\(size)|\(modified)|\(inode);"
    }
}
