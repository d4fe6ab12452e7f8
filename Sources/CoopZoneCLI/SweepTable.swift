import ArgumentParser
import CoopZoneCore
import Foundation

/// The formats of a sweep's table.
public enum SweepFormat: String, CaseIterable, Sendable, ExpressibleByArgument {
    /// One line per row, a header line first.
    case csv
    /// One object with the sweep's identity, the columns and one row object a line.
    case json
}

/// One row of a sweep's table: one headline at one point.
struct SweepRow: Sendable {
    /// The point (1-based).
    var point: Int
    /// The scenario file as the spec names it.
    var scenario: String
    /// The swept values, by index of the table's swept columns (nil: not swept at this point).
    var swept: [Double?]
    /// The headline's evaluator, metric and unit.
    var evaluator: String
    var metric: String
    var unit: CoopZoneCore.Unit
    /// The headline of the single run (with Monte Carlo: of the run on central values).
    var value: Double
    /// With Monte Carlo: the draws' P5, P50, P95 and mean.
    var band: Band?
}

/// Writes a sweep's table, whole or as a shard, and joins shards into the whole table.
///
/// A shard file is the table of its points framed by two lines `merge` reads: the first names
/// the sweep (its hash, the CoopZone version, the number of points), the shard and its points;
/// the last counts its rows and failed points, so a file cut short is refused. Merging drops
/// both and keeps one header, which gives exactly what one process writes.
struct SweepTable: Sendable {
    /// The swept columns (lever ids and paths).
    var columns: [String]
    /// True with Monte Carlo: P5, P50, P95 and the mean follow the value.
    var monteCarlo: Bool
    /// The sweep's hash (`SweepSpec.hash`).
    var hash: String
    /// The number of points of the whole sweep.
    var points: Int
    /// The format.
    var format: SweepFormat

    /// Every column of the table, in order.
    var allColumns: [String] {
        ["point", "scenario"] + columns + ["evaluator", "metric", "unit", "value"] + (monteCarlo ? ["p5", "p50", "p95", "mean"] : [])
    }

    /// The first line of a shard file, and the last.
    static let shardTag = "# coopzone sweep shard"
    static let endTag = "# coopzone sweep end"

    // MARK: Writing

    /// The whole table, as one process writes it.
    func document(_ rows: [SweepRow]) -> String {
        head() + body(rows) + tail()
    }

    /// Shard `k` of `n` (points `range`): its rows framed by the shard's first and last lines.
    func shard(_ rows: [SweepRow], k: Int, of n: Int, range: Range<Int>, failed: Int) -> String {
        let meta =
            "sweep=\(hash) coopzone=\(coopZoneVersion) points=\(points) shard=\(k)/\(n) first=\(range.lowerBound) last=\(range.upperBound - 1) format=\(format.rawValue)"
        let end = "rows=\(rows.count) failed=\(failed)"
        switch format {
        case .csv:
            return "\(Self.shardTag) \(meta)\n" + head() + body(rows) + "\(Self.endTag) \(end)\n"
        case .json:
            // The frame as two more keys of the object: a shard file is JSON too.
            var lines = head().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            lines.insert("  \"shard\": \(jsonString("\(Self.shardTag) \(meta)")),", at: 1)
            return lines.joined(separator: "\n") + body(rows) + "  ],\n  \"end\": \(jsonString("\(Self.endTag) \(end)"))\n}\n"
        }
    }

    /// What comes before the rows.
    func head() -> String {
        switch format {
        case .csv:
            return allColumns.map(csvField).joined(separator: ",") + "\n"
        case .json:
            var w = JSONWriter()
            w.raw("{\n  \"sweep\": {\"hash\": ")
            w.string(hash)
            w.raw(", \"coopzone\": ")
            w.string(coopZoneVersion)
            w.raw(", \"points\": \(points)},\n  \"columns\": [")
            for (i, c) in allColumns.enumerated() {
                if i > 0 { w.raw(", ") }
                w.string(c)
            }
            w.raw("],\n  \"rows\": [\n")
            return w.output
        }
    }

    /// What comes after the rows in the whole table.
    func tail() -> String { format == .json ? "  ]\n}\n" : "" }

    /// The rows: one line each (JSON rows end with a comma but the last of the table: see `merge`).
    func body(_ rows: [SweepRow]) -> String {
        var out = ""
        for (i, row) in rows.enumerated() {
            out += line(row)
            if format == .json && i < rows.count - 1 { out += "," }
            out += "\n"
        }
        return out
    }

    /// One row's line, without its end.
    func line(_ row: SweepRow) -> String {
        let numbers = [row.value] + (row.band.map { [$0.p5, $0.p50, $0.p95, $0.mean] } ?? (monteCarlo ? [.nan, .nan, .nan, .nan] : []))
        switch format {
        case .csv:
            var fields = [String(row.point), csvField(row.scenario)]
            fields += row.swept.map { $0.map(SweepSpec.numberText) ?? "" }
            fields += [csvField(row.evaluator), csvField(row.metric), row.unit.rawValue]
            fields += numbers.map(JSONWriter.numberText)
            return fields.joined(separator: ",")
        case .json:
            var w = JSONWriter()
            w.raw("    {\"point\": \(row.point), \"scenario\": ")
            w.string(row.scenario)
            for (c, value) in zip(columns, row.swept) {
                w.raw(", ")
                w.string(c)
                w.raw(": ")
                if let value { w.number(value) } else { w.raw("null") }
            }
            for (key, text) in [("evaluator", row.evaluator), ("metric", row.metric), ("unit", row.unit.rawValue)] {
                w.raw(", \"\(key)\": ")
                w.string(text)
            }
            for (key, value) in zip(["value", "p5", "p50", "p95", "mean"], numbers) {
                w.raw(", \"\(key)\": ")
                w.number(value)
            }
            w.raw("}")
            return w.output
        }
    }

    func csvField(_ text: String) -> String {
        text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    func jsonString(_ text: String) -> String {
        var w = JSONWriter()
        w.string(text)
        return w.output
    }

    // MARK: Merging

    /// One shard file, read back.
    struct Shard {
        var file: String
        var sweep: String
        var coopzone: String
        var points: Int
        var k: Int
        var n: Int
        var first: Int
        var last: Int
        var format: SweepFormat
        /// The table's lines before the rows, as the whole table writes them.
        var head: String
        /// The rows' lines, without their ends (and without JSON's separating commas).
        var rows: [String]
        var failed: Int
    }

    /// Why shards cannot be merged, in a sentence with what to do.
    struct MergeError: Error, CustomStringConvertible {
        var description: String
    }

    /// Reads a shard file's text.
    static func readShard(_ text: String, file: String) throws(MergeError) -> Shard {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.last == "" else { throw MergeError(description: "'\(file)' does not end with a line break: it was cut short; run its shard again") }
        lines.removeLast()
        let notShard = MergeError(
            description:
                "'\(file)' is not a shard of a sweep: a shard file starts with '\(shardTag) …' (write shards with 'coopzone sweep SPEC --shard K/N --output FILE')"
        )
        guard let firstLine = lines.first else { throw notShard }
        let format: SweepFormat
        let metaLine: String, endLine: String
        let head: [String]
        var rows: [String]
        if firstLine.hasPrefix(shardTag + " ") {
            format = .csv
            metaLine = firstLine
            guard lines.count >= 3, let last = lines.last, last.hasPrefix(endTag + " ") else {
                throw MergeError(description: "'\(file)' has no last line '\(endTag) …': it was cut short; run its shard again")
            }
            endLine = last
            head = [lines[1]]
            rows = Array(lines[2..<(lines.count - 1)])
        } else if firstLine == "{", lines.count >= 8, lines[1].hasPrefix("  \"shard\": \""), lines[lines.count - 1] == "}",
            lines[lines.count - 2].hasPrefix("  \"end\": \""), lines[lines.count - 3] == "  ],"
        {
            format = .json
            guard let meta = jsonText(lines[1], key: "shard", comma: true), let end = jsonText(lines[lines.count - 2], key: "end", comma: false) else {
                throw notShard
            }
            metaLine = meta
            endLine = end
            head = [lines[0], lines[2], lines[3], lines[4]]
            guard lines[4] == "  \"rows\": [" else { throw notShard }
            rows = Array(lines[5..<(lines.count - 3)])
            for i in rows.indices.dropLast() {
                guard rows[i].hasSuffix(",") else { throw MergeError(description: "'\(file)': row \(i + 1) does not end with ','; was the file edited?") }
                rows[i].removeLast()
            }
        } else if firstLine == "{" {
            throw MergeError(
                description:
                    "'\(file)' is not a shard of a sweep, or it was cut short: a JSON shard has \"shard\" in its second line and \"end\" before its last")
        } else {
            throw notShard
        }
        guard metaLine.hasPrefix(shardTag + " "), endLine.hasPrefix(endTag + " ") else { throw notShard }
        let meta = fields(String(metaLine.dropFirst(shardTag.count + 1)))
        let end = fields(String(endLine.dropFirst(endTag.count + 1)))
        let shardParts = meta["shard"]?.split(separator: "/").compactMap { Int($0) } ?? []
        guard let sweep = meta["sweep"], let coopzone = meta["coopzone"], let points = meta["points"].flatMap(Int.init), shardParts.count == 2,
            let first = meta["first"].flatMap(Int.init), let last = meta["last"].flatMap(Int.init), meta["format"] == format.rawValue,
            let rowCount = end["rows"].flatMap(Int.init), let failed = end["failed"].flatMap(Int.init)
        else { throw MergeError(description: "'\(file)': its first or last line is not as 'coopzone sweep --shard' writes it") }
        guard rowCount == rows.count else {
            throw MergeError(description: "'\(file)' has \(rows.count) rows where its last line says \(rowCount): was it edited? run its shard again")
        }
        return Shard(
            file: file, sweep: sweep, coopzone: coopzone, points: points, k: shardParts[0], n: shardParts[1], first: first, last: last, format: format,
            head: head.joined(separator: "\n") + "\n", rows: rows, failed: failed)
    }

    /// `key=value` pairs separated by spaces.
    static func fields(_ text: String) -> [String: String] {
        var out: [String: String] = [:]
        for part in text.split(separator: " ") {
            guard let eq = part.firstIndex(of: "=") else { continue }
            out[String(part[..<eq])] = String(part[part.index(after: eq)...])
        }
        return out
    }

    /// The string value of a line `  "key": "…"` (with a comma after it when `comma`).
    static func jsonText(_ line: String, key: String, comma: Bool) -> String? {
        var body = line.dropFirst("  \"\(key)\": ".count)
        if comma {
            guard body.hasSuffix(",") else { return nil }
            body = body.dropLast()
        }
        guard let data = "[\(body)]".data(using: .utf8), let array = try? JSONSerialization.jsonObject(with: data) as? [String] else { return nil }
        return array.first
    }

    /// The whole table from every shard's file text, or why not. `failed` is the number of
    /// points that failed in the shards (the table is still written; the command exits 1).
    static func merge(_ files: [(name: String, text: String)]) throws(MergeError) -> (table: String, failed: Int) {
        guard !files.isEmpty else { throw MergeError(description: "no shard files given") }
        var shards: [Shard] = []
        for (name, text) in files { shards.append(try readShard(text, file: name)) }
        let first = shards[0]
        for s in shards.dropFirst() {
            if s.sweep != first.sweep || s.points != first.points {
                throw MergeError(
                    description:
                        "'\(s.file)' is a shard of another sweep than '\(first.file)' (sweep \(s.sweep), \(s.points) points; '\(first.file)': sweep \(first.sweep), \(first.points) points): run every shard from the same spec and scenario files"
                )
            }
            if s.coopzone != first.coopzone {
                throw MergeError(
                    description:
                        "'\(s.file)' was written by CoopZone \(s.coopzone) and '\(first.file)' by \(first.coopzone): run every shard with the same coopzone binary"
                )
            }
            if s.format != first.format {
                throw MergeError(
                    description: "'\(s.file)' is \(s.format.rawValue) and '\(first.file)' is \(first.format.rawValue): run every shard with the same --format")
            }
            if s.n != first.n {
                throw MergeError(
                    description:
                        "'\(s.file)' is shard \(s.k)/\(s.n) and '\(first.file)' is shard \(first.k)/\(first.n): the shards of one merge split the sweep the same way (the same N)"
                )
            }
            if s.head != first.head {
                throw MergeError(description: "'\(s.file)' and '\(first.file)' have different columns: were they edited?")
            }
        }
        let n = first.n
        var byIndex: [Int: Shard] = [:]
        for s in shards {
            guard (1...n).contains(s.k) else { throw MergeError(description: "'\(s.file)' says it is shard \(s.k)/\(n)") }
            if let other = byIndex[s.k] {
                throw MergeError(description: "shard \(s.k)/\(n) is given twice: '\(other.file)' and '\(s.file)'; give each shard once")
            }
            let range = SweepSpec.shardRange(s.k, of: n, points: s.points)
            guard s.first == range.lowerBound, s.last == range.upperBound - 1 else {
                throw MergeError(
                    description: "'\(s.file)': shard \(s.k)/\(n) holds points \(s.first)–\(s.last), not \(range.lowerBound)–\(range.upperBound - 1)")
            }
            byIndex[s.k] = s
        }
        let missing = (1...n).filter { byIndex[$0] == nil }
        guard missing.isEmpty else {
            let list = missing.prefix(20).map { "\($0)/\(n)" }.joined(separator: ", ") + (missing.count > 20 ? " and \(missing.count - 20) more" : "")
            throw MergeError(
                description:
                    "\(missing.count) of \(n) shards missing: \(list); run \(missing.count == 1 ? "it" : "them") (coopzone sweep SPEC --shard \(missing[0])/\(n) --output FILE) and merge again"
            )
        }
        var table = first.head
        let rows = (1...n).flatMap { byIndex[$0]!.rows }
        if first.format == .json {
            table += rows.joined(separator: ",\n") + (rows.isEmpty ? "" : "\n") + "  ]\n}\n"
        } else {
            for row in rows { table += row + "\n" }
        }
        return (table, shards.reduce(0) { $0 + $1.failed })
    }
}
