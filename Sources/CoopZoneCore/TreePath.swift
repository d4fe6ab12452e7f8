/// Paths into a scenario tree, as `--set`, levers and the workshop use them:
/// `zones.fbs.stages.investment.incentives.income_tax_holiday_years`. A segment names a
/// mapping key, or an item of a list by its `id` (`code` for countries, `sector` for a
/// region's sectors) or by its 0-based index.
public enum TreePath {
    /// Why a path does not resolve.
    public struct Failure: Error, Sendable {
        /// "does not exist: 'fbs' has no key 'stagse'".
        public var text: String
        /// What to do.
        public var hint: String?
    }

    static func segments(_ path: String) -> [String] { path.split(separator: ".", omittingEmptySubsequences: false).map(String.init) }

    static func index(of segment: String, in items: [YNode]) -> Int? {
        for key in ["id", "code", "sector"] {
            if let i = items.firstIndex(where: { $0[key]?.scalarText == segment }) { return i }
        }
        if let i = Int(segment), items.indices.contains(i) { return i }
        return nil
    }

    static func names(in node: YNode) -> [String] {
        if let entries = node.entries { return entries.map(\.key) }
        if let items = node.items {
            return items.enumerated().map { i, item in item["id"]?.scalarText ?? item["code"]?.scalarText ?? item["sector"]?.scalarText ?? String(i) }
        }
        return []
    }

    /// The node at `path`.
    public static func resolve(_ path: String, in root: YNode) -> Result<YNode, Failure> {
        var node = root
        var walked: [String] = []
        for segment in segments(path) {
            let next: YNode?
            if let entries = node.entries {
                next = entries.first { $0.key == segment }?.value
            } else if let items = node.items {
                next = index(of: segment, in: items).map { items[$0] }
            } else {
                next = nil
            }
            guard let next else {
                let here = walked.isEmpty ? "the scenario" : "'\(walked.joined(separator: "."))'"
                let suggestion = closestMatch(to: segment, in: names(in: node))
                return .failure(
                    Failure(
                        text: "does not exist: \(here) has no '\(segment)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
                        hint: names(in: node).isEmpty ? nil : "available: " + names(in: node).prefix(20).joined(separator: ", ")))
            }
            walked.append(segment)
            node = next
        }
        return .success(node)
    }

    /// Sets the value at `path`, creating missing mapping keys along the way. A number that
    /// carried a source becomes an assumption ("set by …"): the new value is the user's, not the source's.
    public static func set(_ path: String, to value: YNode, in root: inout YNode, origin: String) -> Failure? {
        let parts = segments(path)
        guard !parts.isEmpty, !parts.contains(where: \.isEmpty) else {
            return Failure(text: "is not a valid path", hint: "write dotted names, e.g. regions.fergana.population")
        }
        return set(parts[...], value: value, in: &root, walked: [], origin: origin)
    }

    private static func set(_ parts: ArraySlice<String>, value: YNode, in node: inout YNode, walked: [String], origin: String) -> Failure? {
        guard let segment = parts.first else {
            node = replacement(for: node, with: value, origin: origin)
            return nil
        }
        let here = walked.isEmpty ? "the scenario" : "'\(walked.joined(separator: "."))'"
        switch node.value {
        case .mapping(var entries):
            if let i = entries.firstIndex(where: { $0.key == segment }) {
                if let failure = set(parts.dropFirst(), value: value, in: &entries[i].value, walked: walked + [segment], origin: origin) { return failure }
            } else {
                var fresh = YNode(.mapping([]), at: value.location)
                if parts.count == 1 {
                    fresh = value
                } else if let failure = set(parts.dropFirst(), value: value, in: &fresh, walked: walked + [segment], origin: origin) {
                    return failure
                }
                entries.append(YNode.Entry(key: segment, keyLocation: value.location, value: fresh))
            }
            node.value = .mapping(entries)
            return nil
        case .sequence(var items):
            guard let i = index(of: segment, in: items) else {
                let suggestion = closestMatch(to: segment, in: names(in: node))
                return Failure(
                    text: "does not exist: \(here) has no item '\(segment)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
                    hint: "available: " + names(in: node).prefix(20).joined(separator: ", "))
            }
            if let failure = set(parts.dropFirst(), value: value, in: &items[i], walked: walked + [segment], origin: origin) { return failure }
            node.value = .sequence(items)
            return nil
        case .scalar:
            return Failure(text: "does not exist: \(here) is a single value, not a mapping", hint: "set \(here) itself")
        }
    }

    /// A new scalar replacing a number written as `{value: …, source: …}` keeps the mapping form
    /// and is flagged as an assumption; anything else is replaced whole.
    private static func replacement(for old: YNode, with new: YNode, origin: String) -> YNode {
        guard case .mapping(let entries) = old.value, entries.contains(where: { $0.key == "value" }), case .scalar = new.value else { return new }
        var kept = entries.filter { !["value", "source", "at", "assumption", "uniform", "triangular", "normal"].contains($0.key) }
        kept.insert(YNode.Entry(key: "value", keyLocation: new.location, value: new), at: 0)
        kept.append(YNode.Entry(key: "assumption", keyLocation: new.location, value: YNode(.scalar("set by \(origin)", quoted: true), at: new.location)))
        return YNode(.mapping(kept), at: new.location)
    }

    /// Merges `child` onto `parent` (for `extends`): mappings key by key (but a number in mapping
    /// form, with a `value`, replaces the parent's whole); lists whose items all
    /// have an identity — `id` (or `code` for countries), `sector` + `direction` under `flows`,
    /// `sector` under a region's `sectors` — item by item; any other list (an investment
    /// programme, the measures of a stage) is replaced whole by the child's.
    public static func merge(_ parent: YNode, _ child: YNode, key: String? = nil) -> YNode {
        switch (parent.value, child.value) {
        case (.mapping(var base), .mapping(let over)) where !over.contains(where: { $0.key == "value" }):
            // A number written as {value: …, source: …} is replaced whole, so a changed value never
            // keeps the parent's source.
            for entry in over {
                if let i = base.firstIndex(where: { $0.key == entry.key }) {
                    base[i].value = merge(base[i].value, entry.value, key: entry.key)
                    base[i].keyLocation = entry.keyLocation
                } else {
                    base.append(entry)
                }
            }
            return YNode(.mapping(base), at: child.location)
        case (.sequence(var base), .sequence(let over)) where over.allSatisfy({ identity(of: $0, in: key) != nil }):
            for item in over {
                if let i = base.firstIndex(where: { identity(of: $0, in: key) == identity(of: item, in: key) }) {
                    base[i] = merge(base[i], item)
                } else {
                    base.append(item)
                }
            }
            return YNode(.sequence(base), at: child.location)
        default:
            return child
        }
    }

    /// What identifies an item of the list under `key` for merging, or nil when items of that
    /// list have no identity.
    static func identity(of node: YNode, in key: String?) -> String? {
        for name in ["id", "code"] { if let v = node[name]?.scalarText { return "\(name)=\(v)" } }
        guard let sector = node["sector"]?.scalarText else { return nil }
        switch key {
        case "flows": return "sector=\(sector)/\(node["direction"]?.scalarText ?? "")"
        case "sectors": return "sector=\(sector)"
        default: return nil
        }
    }
}
