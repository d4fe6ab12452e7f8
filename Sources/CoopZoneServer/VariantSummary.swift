import CSV
import CoopZoneReports
import Foundation

/// The facilitator's summary of a scenario's variants, for after the session: the scenario as
/// written, then every variant (hidden ones marked), with its lever values and headlines under
/// their labels and units. As CSV (written with CSV.swift) and as a printable HTML page.
enum VariantSummary {
    /// The columns: what each is called and how a variant fills it.
    struct Column {
        var title: String
        var value: (VariantInfo) -> String
        var baseline: String
    }

    static func columns(_ payload: ComparePayload, meta: ScenarioMeta) -> [Column] {
        var columns = [
            Column(title: "rank", value: { $0.rank.map(String.init) ?? "" }, baseline: ""),
            Column(title: "variant", value: \.name, baseline: "the scenario as written"),
            Column(title: "author", value: \.author, baseline: ""),
            Column(title: "status", value: { v in v.hidden ? "hidden" : (v.status == "ok" ? (v.stale == nil ? "ok" : "stale") : v.status) }, baseline: ""),
            Column(title: "saved at (UTC)", value: \.createdAt, baseline: ""),
        ]
        for lever in meta.levers {
            columns.append(
                Column(
                    title: lever.label, value: { v in v.values[lever.id].map(LeverValues.numberText) ?? "" },
                    baseline: payload.baselineValues[lever.id].map(LeverValues.numberText) ?? ""))
        }
        for h in meta.headlines {
            func text(_ x: Double??) -> String { (x ?? nil).map(LeverValues.numberText) ?? "" }
            columns.append(Column(title: "\(h.label) (\(h.unitSymbol))", value: { v in text(v.headlines[h.key]) }, baseline: text(payload.baseline[h.key])))
        }
        return columns
    }

    /// A cell a spreadsheet would take for a formula (`=`, `+`, `-`, `@` first) gets a leading
    /// apostrophe: names are typed by participants. Numbers are written as numbers.
    static func spreadsheetSafe(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), Double(text) == nil else { return text }
        return "'" + text
    }

    static func csv(_ payload: ComparePayload, meta: ScenarioMeta) throws -> String {
        let columns = columns(payload, meta: meta)
        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream)
        try writer.write(row: columns.map(\.title))
        try writer.write(row: columns.map { spreadsheetSafe($0.baseline) })
        for v in payload.variants { try writer.write(row: columns.map { spreadsheetSafe($0.value(v)) }) }
        writer.stream.close()
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func html(_ payload: ComparePayload, meta: ScenarioMeta) -> String {
        let e = ChartFormat.escape
        let columns = columns(payload, meta: meta)
        var out = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Variants: \(e(meta.title))</title>
            <style>body{font:16px/1.4 system-ui,sans-serif;margin:1.5rem}table{border-collapse:collapse}th,td{border:1px solid #999;padding:.3rem .5rem;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}tr.hidden{color:#777}@media print{body{margin:0}}</style>
            </head><body><h1>Variants: \(e(meta.title))</h1>
            <p>Ranked by \(e(meta.headlines.first { $0.key == payload.rankedBy }?.label ?? payload.rankedBy)); \(payload.variants.count) variant(s); file \(e(meta.file)), version \(e(meta.version)).</p>
            <table><thead><tr>
            """
        out += columns.map { "<th>\(e($0.title))</th>" }.joined() + "</tr></thead><tbody>"
        func row(_ cells: [String], hidden: Bool) -> String {
            "<tr\(hidden ? " class=\"hidden\"" : "")>" + cells.map { c in Double(c) != nil ? "<td class=\"n\">\(e(c))</td>" : "<td>\(e(c))</td>" }.joined()
                + "</tr>"
        }
        out += row(columns.map(\.baseline), hidden: false)
        for v in payload.variants { out += row(columns.map { $0.value(v) }, hidden: v.hidden) }
        out += "</tbody></table>"
        let notes = payload.variants.compactMap { v in (v.note ?? v.stale).map { "<li>\(e(v.name)): \(e($0))</li>" } }
        if !notes.isEmpty { out += "<h2>Notes</h2><ul>" + notes.joined() + "</ul>" }
        return out + "</body></html>\n"
    }
}
