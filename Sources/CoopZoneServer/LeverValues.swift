import CoopZoneCore
import Foundation

/// Checks lever values sent by a page against the scenario's levers, on the server: every
/// value must name a lever of the scenario, be a finite number within the lever's bounds and
/// on its step grid. Levers not given keep the file's value; locked levers take the lock's value.
public enum LeverValues {
    /// The most levers one request may set.
    public static let maxCount = 64

    /// Parses a number as a page sends it: digits, sign, decimal point and exponent only
    /// (no `nan`, `inf` or hexadecimal), at most 32 characters.
    public static func parse(_ text: String) -> Double? {
        guard !text.isEmpty, text.utf8.count <= 32,
            text.unicodeScalars.allSatisfy({ ($0 >= "0" && $0 <= "9") || "+-.eE".unicodeScalars.contains($0) }),
            let value = Double(text), value.isFinite
        else { return nil }
        return value
    }

    /// Parses `lever=value` pairs (from a query string), refusing unknown levers and bad numbers.
    public static func parse(_ pairs: [(String, String)], levers: [Lever]) throws(WorkshopError) -> [String: Double] {
        guard pairs.count <= maxCount else { throw .badRequest("too many lever values (at most \(maxCount))") }
        var values: [String: Double] = [:]
        for (name, text) in pairs {
            guard let value = parse(text) else {
                throw .badRequest("lever '\(String(name.prefix(64)))' needs a finite number, got '\(String(text.prefix(32)))'")
            }
            values[name] = value
        }
        return values
    }

    /// The complete, checked values: the file's value for every lever, replaced by `given`
    /// (each checked against its lever), then by `locks`.
    public static func resolve(_ given: [String: Double], entry: ScenarioCatalog.Entry, locks: [String: Double]) throws(WorkshopError) -> [String: Double] {
        guard let scenario = entry.scenario else { throw .scenarioInvalid(entry.diagnostics) }
        guard given.count <= maxCount else { throw .badRequest("too many lever values (at most \(maxCount))") }
        let byId = Dictionary(scenario.levers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var values = entry.leverDefaults
        for (id, value) in given.sorted(by: { $0.key < $1.key }) {
            guard let lever = byId[id] else {
                let suggestion = closestMatch(to: id, in: byId.keys)
                let known = scenario.levers.map(\.id).joined(separator: ", ")
                throw .badRequest(
                    "unknown lever '\(String(id.prefix(64)))'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
                        + (known.isEmpty ? " (this scenario has no levers)" : " (levers: \(known))"))
            }
            values[id] = try check(value, lever: lever)
        }
        // A lock applies while the lever still allows its value (the file may have changed since).
        for (id, value) in locks {
            guard let lever = byId[id], let checked = try? check(value, lever: lever) else { continue }
            values[id] = checked
        }
        return values
    }

    /// The value on the lever's grid that `value` stands for (`Lever.snapped`, the loader's
    /// tolerance), so near-duplicates share a cache entry; throws when `value` is not finite,
    /// outside `[min, max]` or off the step grid.
    @discardableResult
    public static func check(_ value: Double, lever: Lever) throws(WorkshopError) -> Double {
        guard value.isFinite else { throw .badRequest("lever '\(lever.id)' needs a finite number") }
        guard lever.contains(value) else {
            throw .badRequest("lever '\(lever.id)' (\(lever.label)) is \(format(value)); it must be between \(format(lever.min)) and \(format(lever.max))")
        }
        guard let snapped = lever.snapped(value) else {
            throw .badRequest("lever '\(lever.id)' (\(lever.label)) is \(format(value)); it moves in steps of \(format(lever.step)) from \(format(lever.min))")
        }
        return snapped
    }

    /// A canonical text of the values (sorted by lever id), for cache keys.
    static func canonical(_ values: [String: Double]) -> String {
        values.sorted { $0.key < $1.key }.map { "\($0.key)=\(numberText($0.value))" }.joined(separator: "&")
    }

    /// A number as YAML text that reads back as the same double: `3`, `0.25`.
    public static func numberText(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }

    /// The overrides that set each lever whose value differs from the file's.
    static func overrides(_ values: [String: Double], entry: ScenarioCatalog.Entry) -> [Override] {
        guard let scenario = entry.scenario else { return [] }
        return scenario.levers.compactMap { lever in
            guard let value = values[lever.id], value != entry.leverDefaults[lever.id] else { return nil }
            let origin = SourceLocation(file: "lever \(lever.id)", line: 1, column: 1)
            return Override(path: lever.path, value: YNode(.scalar(numberText(value), quoted: false), at: origin), origin: "lever \(lever.id)")
        }
    }
}
