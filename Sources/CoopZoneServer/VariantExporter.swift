import CoopZoneCore
import Foundation

/// Writes a saved variant as a scenario file that `extends` the workshop's scenario and sets
/// each lever's value as nested keys, so `coopzone validate` and `coopzone run` take it like any
/// other design.
///
/// `extends` merges mappings key by key and lists item by item when the items carry an `id`
/// (or `code`); a list whose items have none (a stage's `border_time` measures) is replaced
/// whole, so for those the exporter copies the whole list with the lever's value set, and the
/// same for a number in mapping form. The result loads to the same numbers as the lever values
/// given as overrides (a test checks this for every shipped scenario with levers). The YAML is
/// written by libyaml's emitter (`YAMLWriter`), under a header of comments.
///
/// Only the levers moved in the room are written, each as `{value: …, assumption: "workshop
/// variant …"}`: a participant's value never passes as the file's sourced figure, so
/// `validate --strict` counts it as an assumption. A stored value for a lever the file no longer
/// has is dropped with a comment; one the lever no longer allows refuses the export.
public enum VariantExporter {
    /// The YAML text of `variant` of the scenario `entry`.
    public static func yaml(_ variant: StoredVariant, entry: ScenarioCatalog.Entry) throws(WorkshopError) -> String {
        guard let scenario = entry.scenario, let tree = entry.tree else { throw .scenarioInvalid(entry.diagnostics) }
        let base = URL(fileURLWithPath: entry.item.relativePath).lastPathComponent
        var lines: [String] = []
        let author = variant.author.isEmpty ? "" : " by \(oneLine(variant.author))"
        lines.append("# CoopZone workshop variant \"\(oneLine(variant.name))\"\(author), saved \(variant.createdAt).")
        lines.append("# It extends \(entry.item.relativePath) (\(oneLine(scenario.title))): keep it in the same folder as that file,")
        lines.append("# then: coopzone validate THIS_FILE; coopzone run THIS_FILE")
        lines.append("# Lever values (lever: path = value); each moved value is written as an assumption of the room:")
        var targets: [(segments: ArraySlice<String>, value: YNode)] = []
        let location = SourceLocation(file: "variant", line: 1, column: 1)
        // Values of levers the file no longer has are dropped, and said so; a value the lever
        // no longer allows refuses the export, with the reason.
        let known = Set(scenario.levers.map(\.id))
        let dropped = variant.values.keys.filter { !known.contains($0) }.sorted()
        for lever in scenario.levers {
            guard let value = variant.values[lever.id] ?? entry.leverDefaults[lever.id] else { continue }
            let fileValue = entry.leverDefaults[lever.id]
            guard value != fileValue else {
                lines.append("#   \(lever.id): \(lever.path) = \(LeverValues.numberText(value)) (as in the file, inherited)")
                continue
            }
            let checked: Double
            do {
                checked = try LeverValues.check(value, lever: lever)
            } catch {
                throw .badRequest(
                    "variant '\(oneLine(variant.name))' cannot be exported: \(error.message); the lever changed in the file since the variant was saved (move the lever in the room and save again)"
                )
            }
            let from = fileValue.map { " from the file's \(LeverValues.numberText($0))" } ?? ""
            lines.append("#   \(lever.id): \(lever.path) = \(LeverValues.numberText(checked)) (moved in the room\(from))")
            // Every moved value is an assumption of the room, never the file's source.
            let author = variant.author.isEmpty ? "" : " by \(oneLine(variant.author))"
            let node = YNode(
                .mapping([
                    YNode.Entry(key: "value", keyLocation: location, value: YNode(.scalar(LeverValues.numberText(checked), quoted: false), at: location)),
                    YNode.Entry(
                        key: "assumption", keyLocation: location,
                        value: YNode(
                            .scalar(
                                "workshop variant '\(oneLine(variant.name))'\(author), \(variant.createdAt): lever '\(oneLine(lever.label))' moved in the room\(from); a participant's choice, not a sourced figure",
                                quoted: true), at: location)),
                ]), at: location)
            // At the number itself (a lever pointing into `{value: …, source: …}` replaces the whole mapping).
            targets.append((lever.numberPath.split(separator: ".", omittingEmptySubsequences: false).map(String.init)[...], node))
        }
        for id in dropped {
            lines.append("#   dropped: lever '\(oneLine(id))' = \(LeverValues.numberText(variant.values[id]!)) (the scenario no longer has this lever)")
        }
        let title = "\(scenario.title) — workshop variant: \(oneLine(variant.name))"
        let description =
            "Variant '\(oneLine(variant.name))'\(author) of \(entry.item.relativePath), saved in a CoopZone workshop on \(variant.createdAt). "
            + "Every value not listed here is inherited from \(base)."
        var document = YNode(
            .mapping([
                YNode.Entry(key: "extends", keyLocation: location, value: YNode(.scalar(base, quoted: true), at: location)),
                YNode.Entry(key: "title", keyLocation: location, value: YNode(.scalar(title, quoted: true), at: location)),
                YNode.Entry(key: "description", keyLocation: location, value: YNode(.scalar(description, quoted: true), at: location)),
            ]), at: location)
        if case .mapping(let body) = skeleton(targets, base: tree).value, case .mapping(var head) = document.value {
            head += body
            document.value = .mapping(head)
        }
        do {
            return lines.joined(separator: "\n") + "\n" + (try YAMLWriter.text(of: document))
        } catch {
            throw .scenarioInvalid([Diagnostic(.error, "\(error)", at: nil, hint: "this is a bug in the exporter; the variant's values are still stored")])
        }
    }

    static func oneLine(_ text: String) -> String {
        String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 }.prefix(200))
    }

    /// The smallest tree that, merged onto `base` by `extends`, sets every target.
    ///
    /// Mappings are written key by key, and list items that carry an `id` (or `code`) item by
    /// item with that key. Anything `extends` could replace whole rather than merge is written
    /// whole, from the base with the targets set in it: a number in mapping form (`{value: …,
    /// source: …}`, so its provenance and distribution stay as the override leaves them) and a
    /// list whose items have no `id` or `code`. Either way the merged tree equals the base with
    /// the targets set, whichever of these two ways `extends` treats such nodes. A moved number
    /// itself is written as the room's `{value, assumption}`: its file's distribution is not kept
    /// (the room chose a point, and the workshop's bands hold it fixed too).
    static func skeleton(_ targets: [(segments: ArraySlice<String>, value: YNode)], base: YNode?) -> YNode {
        let location = SourceLocation(file: "variant", line: 1, column: 1)
        var order: [String] = []
        var groups: [String: [(segments: ArraySlice<String>, value: YNode)]] = [:]
        for target in targets {
            guard let first = target.segments.first else { continue }
            if groups[first] == nil { order.append(first) }
            groups[first, default: []].append((target.segments.dropFirst(), target.value))
        }
        if let base, base.entries != nil, base["value"] != nil {
            return wholeCopy(base, targets)
        }
        if let base, let items = base.items {
            var picked: [(index: Int, group: [(segments: ArraySlice<String>, value: YNode)])] = []
            for segment in order {
                guard let index = itemIndex(segment, in: items) else { continue }
                picked.append((index, groups[segment] ?? []))
            }
            guard picked.allSatisfy({ identityEntries(items[$0.index]) != nil }) else { return wholeCopy(base, targets) }
            let partial = picked.map { index, group -> YNode in
                var entries = identityEntries(items[index]) ?? []
                if case .mapping(let rest) = skeleton(group, base: items[index]).value {
                    entries += rest.filter { entry in !entries.contains { $0.key == entry.key } }
                }
                return YNode(.mapping(entries), at: location)
            }
            return YNode(.sequence(partial), at: location)
        }
        var entries: [YNode.Entry] = []
        for key in order {
            let group = groups[key] ?? []
            if let leaf = group.last(where: { $0.segments.isEmpty }) {
                entries.append(YNode.Entry(key: key, keyLocation: location, value: leaf.value))
            } else {
                entries.append(YNode.Entry(key: key, keyLocation: location, value: skeleton(group, base: base?[key])))
            }
        }
        return YNode(.mapping(entries), at: location)
    }

    /// `base` with every target set in it (paths relative to `base`).
    static func wholeCopy(_ base: YNode, _ targets: [(segments: ArraySlice<String>, value: YNode)]) -> YNode {
        var copy = base
        for target in targets where !target.segments.isEmpty {
            _ = TreePath.set(target.segments.joined(separator: "."), to: target.value, in: &copy, origin: "workshop variant")
        }
        return copy
    }

    /// The item a path segment picks, as `TreePath` does: by `id`, `code`, `sector`, then index.
    static func itemIndex(_ segment: String, in items: [YNode]) -> Int? {
        for key in ["id", "code", "sector"] {
            if let i = items.firstIndex(where: { $0[key]?.scalarText == segment }) { return i }
        }
        if let i = Int(segment), items.indices.contains(i) { return i }
        return nil
    }

    /// The key `extends` matches a list item by (`id`, else `code`), or nil when the item has
    /// neither (items matched by `sector` are written with their whole list, which is right
    /// however `extends` matches them).
    static func identityEntries(_ item: YNode) -> [YNode.Entry]? {
        guard let entries = item.entries else { return nil }
        for key in ["id", "code"] {
            if let entry = entries.first(where: { $0.key == key }), entry.value.scalarText != nil { return [entry] }
        }
        return nil
    }
}
