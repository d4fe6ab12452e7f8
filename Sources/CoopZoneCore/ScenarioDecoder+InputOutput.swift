import Foundation

/// Reads the `input_output` tables: the item's keys, the table (a CSV file beside the scenario,
/// or inline), its checks (`InputOutputTable.body`) and the concordance to the scenario's sectors.
extension ScenarioDecoder {
    func decodeInputOutput(_ top: Fields, countries: [Country], regions: [Region], sectors: [Sector]) -> [InputOutputTable] {
        var seen = Set<String>()
        var scopes: [InputOutputTable.Scope: String] = [:]
        return top.list("input_output").enumerated().compactMap { index, node in
            let probe = node["id"]?.scalarText ?? "#\(index + 1)"
            let f = Fields(node, context: context, path: "input_output.\(probe)", what: "input–output table '\(probe)'", level: ScenarioFormat.inputOutput)
            guard f.isMapping, let id = f.identifier("id") else { return nil }
            if !seen.insert(id).inserted {
                context.error("input–output table '\(id)' is defined twice", at: f["id"]?.location, hint: "give each table its own id")
            }
            let scope: InputOutputTable.Scope?
            switch (f["country"], f["region"]) {
            case (nil, nil):
                context.error(
                    "input–output table '\(id)' needs 'country' (a national table) or 'region' (a regional one)", at: node.location,
                    hint: "add 'country: UZ' for a national table")
                scope = nil
            case (.some, .some):
                context.error(
                    "input–output table '\(id)' gives both 'country' and 'region'", at: f.location(of: "region"),
                    hint: "a table is national (country) or regional (region), not both")
                scope = nil
            case (.some, nil): scope = reference(f, "country", kind: "country", among: countries.map(\.code)).map { .country($0) }
            case (nil, .some): scope = reference(f, "region", kind: "region", among: regions.map(\.id)).map { .region($0) }
            }
            if let scope {
                if let other = scopes[scope] {
                    context.error(
                        "input–output tables '\(other)' and '\(id)' are both for \(scope.text)", at: f["id"]?.location,
                        hint: "keep one table per country and per region")
                } else {
                    scopes[scope] = id
                }
            }
            let year = f.integer("year")
            _ = f.string("unit")  // its one allowed value is checked by the format's choice
            let valuesText = f.string("values") ?? "flows"
            let values = InputOutputTable.Values(rawValue: valuesText)
            if values == nil {
                context.error("'values' of input–output table '\(id)' is '\(valuesText)'", at: f["values"]?.location, hint: "write 'flows' or 'coefficients'")
            }
            let householdIncome = f.quantity("household_income", required: values == .flows)
            if let q = householdIncome {
                if context.inputs[q.slot].distribution != nil {
                    context.error(
                        "household_income of input–output table '\(id)' has a distribution, but a table's numbers are fixed",
                        at: f["household_income"]?.location,
                        hint: "give one value; only employment's flq_delta can vary the multipliers in Monte Carlo and sensitivity runs")
                } else if values == .flows, context.values[q.slot] <= 0 {
                    context.error(
                        "household_income of input–output table '\(id)' must be above 0", at: f["household_income"]?.location,
                        hint: "total household income in USD million: compensation, mixed income, transfers and remittances")
                }
            }
            guard let values, let (labelled, resolved, uncertain) = readTable(f, id: id) else { return nil }
            let income = householdIncome.map { context.values[$0.slot] }
            let (body, found) = InputOutputTable.body(of: labelled, values: values, householdIncome: income, what: "input–output table '\(id)'")
            context.diagnostics.append(contentsOf: found)
            guard let body, let scope, let year else { return nil }
            guard let concordance = readConcordance(f, id: id, tableSectors: body.sectors, sectors: sectors) else { return nil }
            var table = InputOutputTable(
                id: id, scope: scope, year: year, file: f.string("file"), resolvedPath: resolved, location: node.location, provenance: f.provenance,
                householdIncome: householdIncome,
                sectors: body.sectors,
                coefficients: body.coefficients, grossOutput: body.grossOutput, employment: body.employment, labourIncome: body.labourIncome,
                valueAdded: body.valueAdded, householdConsumption: body.householdConsumption, concordance: concordance)
            if !uncertain.isEmpty { table.uncertainty = .init(cells: uncertain, table: labelled, values: values, householdIncome: income) }
            return table
        }
    }

    /// The item's table: its CSV file (relative to the file that names it, inside that file's
    /// folder) or its inline `table`; exactly one of the two.
    private func readTable(_ f: Fields, id: String) -> (LabelledTable, String?, [InputOutputTable.UncertainCell])? {
        switch (f["file"], f["table"]) {
        case (nil, nil):
            context.error(
                "input–output table '\(id)' needs 'file' (a CSV beside the scenario) or an inline 'table'", at: f.node.location,
                hint: "add 'file: io/table.csv'")
            return nil
        case (.some, .some):
            context.error("input–output table '\(id)' gives both 'file' and 'table'", at: f.location(of: "table"), hint: "keep one of the two")
            return nil
        case (let fileNode?, nil):
            guard let path = f.string("file") else { return nil }
            return readCSV(path, at: fileNode.location, id: id).map { ($0.0, $0.1, []) }
        case (nil, let tableNode?):
            return inlineTable(tableNode, path: f.child("table"), id: id, inherited: f.provenance).map { ($0.0, nil, $0.1) }
        }
    }

    private func readCSV(_ path: String, at location: SourceLocation, id: String) -> (LabelledTable, String)? {
        let fm = FileManager.default
        // The folder of the file that names the table (an `extends` parent names its own).
        let namingFile = URL(fileURLWithPath: location.file, relativeTo: URL(fileURLWithPath: baseDirectory, isDirectory: true))
        let folder = namingFile.deletingLastPathComponent().standardizedFileURL.resolvingSymlinksInPath()
        guard !path.hasPrefix("/"), !path.hasPrefix("~") else {
            context.error(
                "the file of input–output table '\(id)' is an absolute path", at: location,
                hint: "write the path relative to the scenario file, e.g. io/table.csv")
            return nil
        }
        let target = URL(fileURLWithPath: path, relativeTo: folder).standardizedFileURL.resolvingSymlinksInPath()
        guard target.path.hasPrefix(folder.path.hasSuffix("/") ? folder.path : folder.path + "/") else {
            context.error(
                "the file of input–output table '\(id)', '\(path)', lies outside the scenario's folder", at: location,
                hint: "put the CSV in the scenario's folder or a folder below it (e.g. io/), and write the path relative to the scenario")
            return nil
        }
        // The file as the user would name it in messages: relative to the current directory when it lies below it.
        let cwd = URL(fileURLWithPath: fm.currentDirectoryPath).standardizedFileURL.resolvingSymlinksInPath().path + "/"
        let shown = target.path.hasPrefix(cwd) ? String(target.path.dropFirst(cwd.count)) : target.path
        guard let data = fm.contents(atPath: target.path) else {
            context.error(
                "cannot read the file of input–output table '\(id)': \(shown)", at: location,
                hint: fm.fileExists(atPath: target.path) ? "check that the file is readable" : "no such file; the path is relative to the scenario file")
            return nil
        }
        guard data.count <= 16 << 20 else {
            context.error(
                "the file of input–output table '\(id)' is \(data.count >> 20) MB; at most 16 MB is read", at: location, hint: "aggregate the table first")
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            context.error("the file of input–output table '\(id)' is not UTF-8 text", at: location, hint: "save the table as CSV in UTF-8")
            return nil
        }
        context.tableTexts.append(text)
        switch LabelledTable.read(csv: text, file: shown) {
        case .success(let table): return (table, target.path)
        case .failure(let error):
            context.diagnostics.append(contentsOf: error.diagnostics)
            return nil
        }
    }

    /// An inline table: `columns` (labels) and `rows` (label → one number per column; `~` for an empty cell).
    /// An inline table and its uncertain cells: a cell written as a number with a distribution
    /// (`{value: 0.2, triangular: [0.15, 0.2, 0.25], assumption: …}`) is a scenario number that
    /// Monte Carlo and sensitivity vary; its central value is the table's.
    private func inlineTable(_ node: YNode, path: String, id: String, inherited: Provenance) -> (LabelledTable, [InputOutputTable.UncertainCell])? {
        let f = Fields(node, context: context, path: path, what: "the table of input–output table '\(id)'", level: ScenarioFormat.inputOutputTable)
        guard f.isMapping else { return nil }
        let columns = f.stringList("columns")
        let columnLocations = f["columns"]?.items?.map(\.location) ?? []
        guard let rowsNode = f.requireKey("rows"), !columns.isEmpty else { return nil }
        guard let entries = rowsNode.entries else {
            context.error(
                "'rows' of input–output table '\(id)' must map each row label to its numbers", at: rowsNode.location,
                hint: "e.g. rows: {agriculture: [10, 5, 20]}")
            return nil
        }
        var labels: [String] = [], rowLocations: [SourceLocation] = [], values: [[Double?]] = [], cells: [[SourceLocation]] = []
        var uncertain: [InputOutputTable.UncertainCell] = []
        var sound = true
        for entry in entries {
            guard let items = entry.value.items, items.count == columns.count else {
                context.error(
                    "row '\(entry.key)' of input–output table '\(id)' has \(entry.value.items?.count ?? 0) numbers; there are \(columns.count) columns",
                    at: entry.value.location, hint: "one number per column, in the order of 'columns' (~ for an empty cell)")
                sound = false
                continue
            }
            var row: [Double?] = []
            for (c, item) in items.enumerated() {
                let name = "the cell of row '\(entry.key)', column '\(columns[c])' of input–output table '\(id)'"
                if item.isNull {
                    row.append(nil)
                } else if item.entries != nil {
                    guard
                        let q = Fields.quantity(
                            item, path: "\(path).rows.\(entry.key).\(c)", name: name, rule: NumberRule(unit: .ratio, range: nil), inherited: inherited,
                            context: context)
                    else {
                        sound = false
                        row.append(nil)
                        continue
                    }
                    row.append(context.values[q.slot])
                    if context.inputs[q.slot].distribution != nil { uncertain.append(.init(row: values.count, column: c, slot: q.slot)) }
                } else if let v = Fields.number(item, name: name, context: context) {
                    row.append(v)
                } else {
                    sound = false
                    row.append(nil)
                }
            }
            labels.append(entry.key)
            rowLocations.append(entry.keyLocation)
            values.append(row)
            cells.append(items.map(\.location))
        }
        guard sound else { return nil }
        let table = LabelledTable(
            rowLabels: labels, columnLabels: columns, values: values, file: node.location.file, rowLocations: rowLocations,
            columnLocations: columnLocations.count == columns.count ? columnLocations : columns.map { _ in node.location }, cellLocations: cells)
        return (table, uncertain)
    }

    /// The concordance: for each scenario sector, the table sectors it sums. Without one, each
    /// scenario sector is the table sector with its id.
    private func readConcordance(_ f: Fields, id: String, tableSectors: [String], sectors: [Sector]) -> [[Int]]? {
        let ids = sectors.map(\.id)
        guard let node = f["concordance"], !node.isNull else {
            let missing = ids.filter { !tableSectors.contains($0) }
            if !missing.isEmpty {
                context.error(
                    "input–output table '\(id)' has no sector \(missing.map { "'\($0)'" }.joined(separator: ", ")) of the scenario, and no concordance",
                    at: f.node.location,
                    hint:
                        "add 'concordance:' mapping each scenario sector to the table's sectors, e.g. {\(missing[0]): [\(tableSectors.prefix(2).joined(separator: ", "))]}"
                )
                return nil
            }
            return ids.map { [tableSectors.firstIndex(of: $0)!] }
        }
        guard let entries = node.entries else {
            context.error(
                "'concordance' of input–output table '\(id)' must map scenario sector ids to table sectors", at: node.location,
                hint: "e.g. {agriculture: [c1, c3]}")
            return nil
        }
        var groups = [[Int]](repeating: [], count: ids.count)
        var owner: [Int: String] = [:]
        var sound = true
        for entry in entries {
            guard let s = ids.firstIndex(of: entry.key) else {
                let suggestion = closestMatch(to: entry.key, in: ids)
                context.error(
                    "'\(entry.key)' in the concordance of input–output table '\(id)' is not a sector of the scenario"
                        + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
                    at: entry.keyLocation, hint: "the keys are the scenario's sector ids: \(ids.joined(separator: ", "))")
                sound = false
                continue
            }
            let members: [YNode] = entry.value.items ?? [entry.value]
            for member in members {
                guard let label = member.scalarText, let t = tableSectors.firstIndex(of: label) else {
                    let label = member.scalarText ?? member.kindDescription
                    let suggestion = closestMatch(to: label, in: tableSectors)
                    context.error(
                        "'\(label)' is not a sector of input–output table '\(id)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
                        at: member.location, hint: "the table's sectors: \(tableSectors.joined(separator: ", "))")
                    sound = false
                    continue
                }
                if owner[t] == entry.key {
                    context.error(
                        "table sector '\(label)' is listed twice for '\(entry.key)' in the concordance of input–output table '\(id)'", at: member.location,
                        hint: "list each table sector once")
                    sound = false
                    continue
                }
                if let first = owner[t] {
                    context.error(
                        "table sector '\(label)' is given to both '\(first)' and '\(entry.key)' in the concordance of input–output table '\(id)'",
                        at: member.location,
                        hint: "each table sector belongs to one scenario sector (or to none: the rest of the economy)")
                    sound = false
                    continue
                }
                owner[t] = entry.key
                groups[s].append(t)
            }
        }
        let uncovered = ids.indices.filter { groups[$0].isEmpty }.map { ids[$0] }
        if sound, !uncovered.isEmpty {
            context.error(
                "the concordance of input–output table '\(id)' does not cover sector \(uncovered.map { "'\($0)'" }.joined(separator: ", ")) of the scenario",
                at: node.location, hint: "map every scenario sector to at least one of the table's sectors")
            sound = false
        }
        return sound ? groups : nil
    }
}

extension InputOutputTable.Scope {
    /// "country UZ", "region fergana".
    var text: String {
        switch self {
        case .country(let code): "country \(code)"
        case .region(let id): "region \(id)"
        }
    }
}
