import CoopZoneCore
import Foundation
import Synchronization

/// The workshop: scenarios, runs, saved variants and the room's state (locks, resets), behind
/// the HTTP routes. Everything here checks its input; the routes only translate.
public final class Workshop: Sendable {
    /// The configuration.
    public let configuration: WorkshopConfiguration
    /// The scenario folder.
    public let catalog: ScenarioCatalog
    /// Runs and caches.
    public let runner: WorkshopRunner
    /// Saved variants, locks and resets.
    public let store: VariantStore
    let readLimiter: RateLimiter
    let writeLimiter: RateLimiter

    struct Room {
        var locks: [String: [String: Double]] = [:]
        var generations: [String: Int] = [:]
        var counts: [String: Int] = [:]
        var revisions: [String: Int] = [:]
    }

    private let room = Mutex(Room())

    /// Opens the store and reads the room's state; throws when the page's assets are missing
    /// from the resource bundle.
    public init(configuration: WorkshopConfiguration) async throws {
        try WorkshopAssets.check()
        self.configuration = configuration
        catalog = ScenarioCatalog(directory: configuration.directory, registry: configuration.registry)
        runner = WorkshopRunner(registry: configuration.registry)
        store = try VariantStore(path: configuration.dataFile)
        readLimiter = RateLimiter(configuration.readLimit, limitLoopback: configuration.limitLoopback)
        writeLimiter = RateLimiter(configuration.writeLimit, limitLoopback: configuration.limitLoopback)
        let locks = try await store.locks(), generations = try await store.resetGenerations(), counts = try await store.counts()
        room.withLock { $0 = Room(locks: locks, generations: generations, counts: counts) }
    }

    /// The scenario, or `unknownScenario`.
    public func entry(_ id: String) throws(WorkshopError) -> ScenarioCatalog.Entry {
        guard let entry = catalog.entry(id) else { throw .unknownScenario(String(id.prefix(80))) }
        return entry
    }

    /// Locks of a scenario.
    public func locks(_ id: String) -> [String: Double] { room.withLock { $0.locks[id] ?? [:] } }

    /// Every scenario in the folder.
    public func list() -> [ScenarioSummary] {
        let counts = room.withLock { $0.counts }
        return catalog.list().map { item in
            let entry = catalog.entry(item.id)
            return ScenarioSummary(
                id: item.id, file: item.relativePath, title: entry?.scenario?.title ?? item.relativePath,
                ok: entry?.isRunnable ?? false, levers: entry?.scenario?.levers.count ?? 0, variants: counts[item.id] ?? 0)
        }
    }

    /// What a page needs to draw a scenario.
    public func meta(_ id: String) throws(WorkshopError) -> ScenarioMeta {
        let entry = try entry(id)
        let locks = locks(id)
        let generation = room.withLock { $0.generations[id] ?? 0 }
        let diagnostics = entry.diagnostics.filter { $0.severity != .note }.map { DiagnosticInfo($0, directory: catalog.directory) }
        let presentation = entry.presentation
        let levers = (entry.scenario?.levers ?? []).map { lever in
            LeverInfo(
                id: lever.id, label: lever.label, path: lever.path, min: lever.min, max: lever.max, step: lever.step,
                value: entry.leverDefaults[lever.id] ?? lever.min, locked: locks[lever.id],
                unit: entry.scenario?.inputs.first { $0.path == lever.numberPath }?.unit.rawValue)
        }
        return ScenarioMeta(
            id: id, file: entry.item.relativePath, title: entry.scenario?.title ?? entry.item.relativePath,
            description: entry.scenario?.description ?? "", version: entry.version, ok: entry.isRunnable,
            diagnostics: diagnostics, levers: levers, headlines: presentation?.headlines ?? [],
            charts: presentation?.charts ?? [], years: entry.scenario?.years ?? [],
            requiresCode: configuration.access.participantCode != nil, resetGeneration: generation,
            language: entry.scenario?.language.rawValue ?? "en",
            texts: Dictionary(
                uniqueKeysWithValues: Language.allCases.compactMap { language in
                    entry.scenario.map { (language.rawValue, ScenarioTextsInfo($0.texts(language))) }
                }))
    }

    /// What polling pages compare to notice a change.
    public func state(_ id: String) throws(WorkshopError) -> ScenarioState {
        guard let version = catalog.currentVersion(id) else { throw .unknownScenario(String(id.prefix(80))) }
        return room.withLock { room in
            ScenarioState(
                version: version, resetGeneration: room.generations[id] ?? 0, locks: room.locks[id] ?? [:], variants: room.counts[id] ?? 0,
                variantRevision: room.revisions[id] ?? 0)
        }
    }

    /// Runs a scenario with lever values (checked; locks applied).
    public func run(_ id: String, given: [String: Double]) async throws -> RunPayload {
        let entry = try entry(id)
        let values = try LeverValues.resolve(given, entry: entry, locks: locks(id))
        return try await runner.run(entry, values: values)
    }

    /// The JSON of a run with lever values (checked; locks applied).
    public func runJSON(_ id: String, given: [String: Double], charts: Bool = true, encoder: JSONEncoder) async throws -> Data {
        let entry = try entry(id)
        let values = try LeverValues.resolve(given, entry: entry, locks: locks(id))
        return try await runner.runJSON(entry, values: values, charts: charts, encoder: encoder)
    }

    /// Monte Carlo bands for lever values.
    public func bands(_ id: String, given: [String: Double], draws: Int) async throws -> BandsPayload {
        guard (10...WorkshopRunner.maxDraws).contains(draws) else {
            throw WorkshopError.badRequest("draws must be between 10 and \(WorkshopRunner.maxDraws), got \(draws)")
        }
        let entry = try entry(id)
        let values = try LeverValues.resolve(given, entry: entry, locks: locks(id))
        return try await runner.bands(entry, values: values, draws: draws)
    }

    /// The longest variant name.
    public static let maxNameLength = 80
    /// The longest author name.
    public static let maxAuthorLength = 60

    /// Checks a name typed by a participant: trimmed, 1…`limit` characters, no control characters.
    static func cleanName(_ raw: String, what: String, limit: Int, required: Bool) throws(WorkshopError) -> String {
        let name = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty && required { throw .badRequest("give the \(what) a name") }
        guard name.count <= limit else { throw .badRequest("the \(what) is longer than \(limit) characters") }
        guard !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format }) else {
            throw .badRequest("the \(what) contains control characters")
        }
        return name
    }

    /// Saves a participant's variant (values checked against the levers; locks applied).
    public func save(_ id: String, name rawName: String, author rawAuthor: String, given: [String: Double]) async throws -> VariantInfo {
        let name = try Self.cleanName(rawName, what: "variant", limit: Self.maxNameLength, required: true)
        let author = try Self.cleanName(rawAuthor, what: "author's name", limit: Self.maxAuthorLength, required: false)
        let entry = try entry(id)
        let values = try LeverValues.resolve(given, entry: entry, locks: locks(id))
        let result = try await runner.run(entry, values: values)
        let stored = try await store.save(
            scenario: id, name: name, author: author, values: values, headlines: result.headlines,
            scenarioVersion: entry.version)
        room.withLock { room in
            room.counts[id, default: 0] += 1
            room.revisions[id, default: 0] += 1
        }
        return VariantInfo(stored)
    }

    /// Every saved variant of a scenario, with headlines for the current version of the file,
    /// ranked by `rankBy` (a headline key; default: the first card). Hidden variants are left out
    /// unless `includeHidden` (the facilitator). While the file is broken the variants are still
    /// listed, each `waiting` with the numbers of when it was saved, and none is ranked.
    public func compare(_ id: String, rankBy: String?, includeHidden: Bool = false) async throws -> ComparePayload {
        let entry = try entry(id)
        let stored = try await store.variants(of: id).filter { includeHidden || !$0.hidden }
        guard entry.isRunnable else {
            let note =
                "the scenario file has errors, so this variant cannot be computed now: its numbers are from when it was saved; it is compared again when the file is fixed"
            let variants = stored.map { v in
                var i = VariantInfo(v)
                i.status = "waiting"
                i.note = note
                return i
            }
            return ComparePayload(
                scenario: id, rankedBy: rankBy ?? "", higherFirst: true, baseline: [:], baselineValues: entry.leverDefaults, variants: variants)
        }
        let meta = try meta(id)
        let key = rankBy ?? meta.headlines.first(where: \.featured)?.key ?? meta.headlines.first?.key ?? ""
        guard let headline = meta.headlines.first(where: { $0.key == key }) else {
            throw WorkshopError.badRequest("cannot rank by '\(String(key.prefix(80)))'; choose one of: \(meta.headlines.map(\.key).joined(separator: ", "))")
        }
        let higherFirst = headline.higherIsBetter ?? true
        let baselineValues = entry.leverDefaults
        let baseline = try await runner.run(entry, values: baselineValues).headlines
        var variants: [VariantInfo] = []
        for v in stored {
            var i = VariantInfo(v)
            if v.scenarioVersion != entry.version {
                do {
                    let values = try LeverValues.resolve(v.values, entry: entry, locks: [:])
                    i.headlines = try await runner.run(entry, values: values).headlines
                } catch let error as WorkshopError {
                    i.stale = "saved for an earlier version of the file; its numbers are from then (\(error.message))"
                }
            }
            variants.append(i)
        }
        variants.sort { a, b in
            switch (a.headlines[key] ?? nil, b.headlines[key] ?? nil) {
            case (let x?, let y?): return x != y ? (higherFirst ? x > y : x < y) : a.id < b.id
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a.id < b.id
            }
        }
        var rank = 0
        for i in variants.indices where (variants[i].headlines[key] ?? nil) != nil {
            rank += 1
            variants[i].rank = rank
        }
        return ComparePayload(
            scenario: id, rankedBy: key, higherFirst: higherFirst, baseline: baseline, baselineValues: baselineValues,
            variants: variants)
    }

    /// The facilitator renames a variant and/or hides or shows it.
    public func updateVariant(_ variantId: Int64, name rawName: String?, hidden: Bool?) async throws -> VariantInfo {
        let name = try rawName.map { raw throws(WorkshopError) in try Self.cleanName(raw, what: "variant", limit: Self.maxNameLength, required: true) }
        guard name != nil || hidden != nil else { throw WorkshopError.badRequest("give 'name' or 'hidden'") }
        guard let v = try await store.update(variantId, name: name, hidden: hidden) else { throw WorkshopError.unknownVariant(variantId) }
        room.withLock { $0.revisions[v.scenario, default: 0] += 1 }
        return VariantInfo(v)
    }

    /// The facilitator deletes a variant.
    public func deleteVariant(_ variantId: Int64) async throws {
        guard let v = try await store.variant(variantId) else { throw WorkshopError.unknownVariant(variantId) }
        guard try await store.delete(variantId) else { throw WorkshopError.unknownVariant(variantId) }
        room.withLock { room in
            room.counts[v.scenario] = max(0, (room.counts[v.scenario] ?? 1) - 1)
            room.revisions[v.scenario, default: 0] += 1
        }
    }

    /// The variant as a scenario file, and a file name for it.
    public func export(_ variantId: Int64) async throws -> (name: String, yaml: String) {
        guard let variant = try await store.variant(variantId) else { throw WorkshopError.unknownVariant(variantId) }
        let entry = try entry(variant.scenario)
        let yaml = try VariantExporter.yaml(variant, entry: entry)
        let stem = URL(fileURLWithPath: entry.item.relativePath).deletingPathExtension().lastPathComponent
        return ("\(stem)--\(Self.slug(variant.name)).yaml", yaml)
    }

    /// A file-name-safe form of a name.
    static func slug(_ name: String) -> String {
        var out = ""
        for scalar in name.lowercased().unicodeScalars {
            if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
                out.unicodeScalars.append(scalar)
            } else if !out.hasSuffix("-") {
                out += "-"
            }
        }
        let trimmed = out.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        return trimmed.isEmpty ? "variant" : String(trimmed.prefix(60))
    }

    /// Locks a lever at a value (checked against its bounds), or unlocks it.
    public func setLock(_ id: String, lever leverId: String, value: Double?) async throws -> ScenarioState {
        let entry = try entry(id)
        guard let lever = entry.scenario?.levers.first(where: { $0.id == leverId }) else {
            throw WorkshopError.badRequest("unknown lever '\(String(leverId.prefix(64)))'")
        }
        let value = try value.map { v throws(WorkshopError) in try LeverValues.check(v, lever: lever) }
        try await store.setLock(scenario: id, lever: leverId, value: value)
        room.withLock { room in
            if let value { room.locks[id, default: [:]][leverId] = value } else { room.locks[id]?[leverId] = nil }
        }
        return try state(id)
    }

    /// Resets the room for a scenario: unlocks the levers and tells pages to go back to the file's values.
    public func reset(_ id: String) async throws -> ScenarioState {
        _ = try entry(id)
        let generation = try await store.reset(scenario: id)
        room.withLock { room in
            room.locks[id] = [:]
            room.generations[id] = generation
        }
        return try state(id)
    }

    /// Every scenario's variants, for the facilitator's room view.
    public func roomOverview(includeHidden: Bool = false) async throws -> [ComparePayload] {
        var out: [ComparePayload] = []
        for item in catalog.list() where (room.withLock { $0.counts[item.id] ?? 0 }) > 0 {
            if let payload = try? await compare(item.id, rankBy: nil, includeHidden: includeHidden) { out.append(payload) }
        }
        return out
    }
}
