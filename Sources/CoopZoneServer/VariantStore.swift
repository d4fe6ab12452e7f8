import Foundation
import GRDB

/// Saved variants, lever locks and the room's reset counter, in one SQLite file (GRDB, WAL
/// journal, `synchronous = FULL`): every save is a committed transaction on disk before the
/// page is told it is saved, so stopping or killing the server loses nothing.
///
/// Schema (migration `v1`):
/// ```sql
/// CREATE TABLE variant (id INTEGER PRIMARY KEY AUTOINCREMENT, scenario TEXT NOT NULL,
///   name TEXT NOT NULL, author TEXT NOT NULL DEFAULT '', lever_values TEXT NOT NULL,
///   headlines TEXT NOT NULL, scenario_version TEXT NOT NULL, created_at TEXT NOT NULL,
///   UNIQUE (scenario, name));
/// CREATE TABLE lever_lock (scenario TEXT NOT NULL, lever TEXT NOT NULL, value REAL NOT NULL,
///   PRIMARY KEY (scenario, lever));
/// CREATE TABLE room (scenario TEXT PRIMARY KEY, reset_generation INTEGER NOT NULL DEFAULT 0);
/// ```
/// Migration `v2`: `ALTER TABLE variant ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0` (the
/// facilitator hides a variant from participants without deleting it).
public struct VariantStore: Sendable {
    let pool: DatabasePool
    /// The database file.
    public let path: String

    /// Opens (creating when needed, with its folder) the store at `path` and migrates it.
    public init(path: String) throws {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.label = "coopzone-workshop"
        configuration.prepareDatabase { db in
            // WAL (set by DatabasePool) with a full sync at each commit: a saved variant survives
            // a killed process and a power cut.
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        pool = try DatabasePool(path: path, configuration: configuration)
        self.path = path
        try Self.migrator.migrate(pool)
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE variant (
                      id INTEGER PRIMARY KEY AUTOINCREMENT,
                      scenario TEXT NOT NULL,
                      name TEXT NOT NULL,
                      author TEXT NOT NULL DEFAULT '',
                      lever_values TEXT NOT NULL,
                      headlines TEXT NOT NULL,
                      scenario_version TEXT NOT NULL,
                      created_at TEXT NOT NULL,
                      UNIQUE (scenario, name)
                    );
                    CREATE INDEX variant_scenario ON variant (scenario);
                    CREATE TABLE lever_lock (
                      scenario TEXT NOT NULL,
                      lever TEXT NOT NULL,
                      value REAL NOT NULL,
                      PRIMARY KEY (scenario, lever)
                    );
                    CREATE TABLE room (
                      scenario TEXT PRIMARY KEY,
                      reset_generation INTEGER NOT NULL DEFAULT 0
                    );
                    """)
        }
        migrator.registerMigration("v2") { db in
            try db.execute(sql: "ALTER TABLE variant ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0")
        }
        return migrator
    }

    /// The default file: `$XDG_DATA_HOME/coopzone/workshop.sqlite`, else
    /// `~/.local/share/coopzone/workshop.sqlite`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return xdg + "/coopzone/workshop.sqlite"
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/share/coopzone/workshop.sqlite"
    }

    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) -> T? {
        try? JSONDecoder().decode(type, from: Data(text.utf8))
    }

    static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }

    /// Saves a variant; throws `WorkshopError.nameTaken` when the scenario already has one of this name.
    public func save(
        scenario: String, name: String, author: String, values: [String: Double], headlines: [String: Double?],
        scenarioVersion: String
    ) async throws -> StoredVariant {
        let created = Self.now()
        let valuesText = Self.encode(values), headlinesText = Self.encode(headlines)
        do {
            let id = try await pool.write { db -> Int64 in
                try db.execute(
                    sql: """
                        INSERT INTO variant (scenario, name, author, lever_values, headlines, scenario_version, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [scenario, name, author, valuesText, headlinesText, scenarioVersion, created])
                return db.lastInsertedRowID
            }
            return StoredVariant(
                id: id, scenario: scenario, name: name, author: author, values: values, headlines: headlines,
                scenarioVersion: scenarioVersion, createdAt: created, hidden: false)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            throw WorkshopError.nameTaken(name)
        } catch let error as DatabaseError {
            throw WorkshopError.storage(error.message ?? "SQLite error \(error.resultCode.rawValue)")
        }
    }

    static func variant(_ row: Row) -> StoredVariant {
        StoredVariant(
            id: row["id"], scenario: row["scenario"], name: row["name"], author: row["author"],
            values: decode([String: Double].self, row["lever_values"]) ?? [:],
            headlines: decode([String: Double?].self, row["headlines"]) ?? [:],
            scenarioVersion: row["scenario_version"], createdAt: row["created_at"], hidden: (row["hidden"] as Int?) == 1)
    }

    /// Renames and/or hides or shows a variant; nil when there is no such variant. Throws
    /// `nameTaken` when the scenario has another variant of the new name.
    public func update(_ id: Int64, name: String?, hidden: Bool?) async throws -> StoredVariant? {
        do {
            return try await pool.write { db -> StoredVariant? in
                if let name { try db.execute(sql: "UPDATE variant SET name = ? WHERE id = ?", arguments: [name, id]) }
                if let hidden { try db.execute(sql: "UPDATE variant SET hidden = ? WHERE id = ?", arguments: [hidden ? 1 : 0, id]) }
                return try Row.fetchOne(db, sql: "SELECT * FROM variant WHERE id = ?", arguments: [id]).map(Self.variant)
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            throw WorkshopError.nameTaken(name ?? "")
        } catch let error as DatabaseError {
            throw WorkshopError.storage(error.message ?? "SQLite error \(error.resultCode.rawValue)")
        }
    }

    /// Deletes a variant; false when there was none.
    public func delete(_ id: Int64) async throws -> Bool {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM variant WHERE id = ?", arguments: [id])
            return db.changesCount > 0
        }
    }

    /// The variants of a scenario, oldest first.
    public func variants(of scenario: String) async throws -> [StoredVariant] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM variant WHERE scenario = ? ORDER BY id", arguments: [scenario]).map(Self.variant)
        }
    }

    /// One variant.
    public func variant(_ id: Int64) async throws -> StoredVariant? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM variant WHERE id = ?", arguments: [id]).map(Self.variant)
        }
    }

    /// The number of variants per scenario.
    public func counts() async throws -> [String: Int] {
        try await pool.read { db in
            var counts: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT scenario, COUNT(*) AS n FROM variant GROUP BY scenario") {
                counts[row["scenario"]] = row["n"]
            }
            return counts
        }
    }

    /// The locked levers of every scenario.
    public func locks() async throws -> [String: [String: Double]] {
        try await pool.read { db in
            var locks: [String: [String: Double]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT scenario, lever, value FROM lever_lock") {
                locks[row["scenario"], default: [:]][row["lever"]] = row["value"]
            }
            return locks
        }
    }

    /// Locks a lever at a value, or unlocks it (`value` nil).
    public func setLock(scenario: String, lever: String, value: Double?) async throws {
        try await pool.write { db in
            if let value {
                try db.execute(
                    sql: "INSERT INTO lever_lock (scenario, lever, value) VALUES (?, ?, ?) ON CONFLICT (scenario, lever) DO UPDATE SET value = excluded.value",
                    arguments: [scenario, lever, value])
            } else {
                try db.execute(sql: "DELETE FROM lever_lock WHERE scenario = ? AND lever = ?", arguments: [scenario, lever])
            }
        }
    }

    /// The reset counters of every scenario.
    public func resetGenerations() async throws -> [String: Int] {
        try await pool.read { db in
            var out: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT scenario, reset_generation FROM room") { out[row["scenario"]] = row["reset_generation"] }
            return out
        }
    }

    /// Resets a scenario's room: unlocks every lever and increments the reset counter, which
    /// tells open pages to put their sliders back to the file's values. Saved variants stay.
    public func reset(scenario: String) async throws -> Int {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM lever_lock WHERE scenario = ?", arguments: [scenario])
            try db.execute(
                sql: """
                    INSERT INTO room (scenario, reset_generation) VALUES (?, 1)
                    ON CONFLICT (scenario) DO UPDATE SET reset_generation = reset_generation + 1
                    """, arguments: [scenario])
            return try Int.fetchOne(db, sql: "SELECT reset_generation FROM room WHERE scenario = ?", arguments: [scenario]) ?? 0
        }
    }
}
