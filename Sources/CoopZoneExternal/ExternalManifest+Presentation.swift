import CoopZoneCore

/// The presentation hints a manifest may declare, the same a Swift evaluator's descriptor carries:
/// `label`, `short_label` and (headlines) `card` on a metric, and a `charts:` list.
extension ExternalManifest {
    static let chartKeys = [
        "id", "kind", "order", "title", "heading", "summary", "caption", "x_title", "y_title", "height", "series",
        "split", "split_title", "categories", "other_label", "markdown_lead",
    ]
    static let seriesKeys = ["metric", "label", "role"]
    static let categoryKeys = ["value", "label"]

    /// The hints of one metric or headline (`label`, `short_label`, `card`, and `higher_is_better`).
    static func presentation(_ fields: ManifestReader.Mapping, what: String, reader: ManifestReader) -> MetricPresentation {
        let higher = fields["higher_is_better"].flatMap { reader.bool($0, what: "'higher_is_better' of \(what)") }
        var hints = MetricPresentation(
            label: fields["label"].flatMap { reader.text($0, what: "'label' of \(what)") },
            shortLabel: fields["short_label"].flatMap { reader.text($0, what: "'short_label' of \(what)") },
            better: higher.map { $0 ? .higher : .lower },
            card: fields["card"].flatMap { reader.integer($0, what: "'card' of \(what)") })
        // `translations: {ru: {label: …, short_label: …, summary: …}}`: the metric's texts in other languages.
        var translations: [String: [String: String]] = [:]
        for entry in fields.entries("translations") {
            let codes = Language.allCases.filter { $0 != .en }.map(\.rawValue)
            guard codes.contains(entry.key) else {
                reader.error(
                    "'\(entry.key)' in 'translations' of \(what) is not a language CoopZone writes"
                        + (closestMatch(to: entry.key, in: codes).map { "; did you mean '\($0)'?" } ?? ""), at: entry.keyLocation,
                    hint: "languages: \(codes.joined(separator: ", ")) (English is the manifest's own text)")
                continue
            }
            let texts = reader.mapping(entry.value, what: "the \(entry.key) translations of \(what)", allowed: ["label", "short_label", "summary"])
            guard texts.isMapping else { continue }
            var own: [String: String] = [:]
            for key in ["label", "short_label", "summary"] {
                if let text = texts[key].flatMap({ reader.text($0, what: "'\(key)' of the \(entry.key) translations of \(what)") }) { own[key] = text }
            }
            translations[entry.key] = own
        }
        if !translations.isEmpty { hints.translations = translations }
        return hints
    }

    /// The `charts:` list: each chart's series must be additive metrics the manifest declares.
    static func charts(_ node: YNode?, metrics: [MetricSpec], reader: ManifestReader) -> [ChartSpec] {
        guard let node, !node.isNull else { return [] }
        guard let items = node.items else {
            reader.error(
                "expected a list for 'charts', found \(node.kindDescription)", at: node.location, hint: "e.g. charts: [{id: my-chart, kind: line_by_year, …}]")
            return []
        }
        var out: [ChartSpec] = []
        for item in items {
            let fields = reader.mapping(item, what: "a chart", allowed: chartKeys)
            guard fields.isMapping else { continue }
            func text(_ key: String) -> String? { fields[key].flatMap { reader.text($0, what: "'\(key)' of a chart") } }
            let id = fields.require("id", hint: "add 'id: my-chart' (unique in a report)").flatMap { reader.text($0, what: "'id' of a chart") }
            let kindNode = fields.require("kind", hint: "add 'kind:' (\(ChartSpec.Kind.allCases.map(\.rawValue).joined(separator: ", ")))")
            var kind: ChartSpec.Kind?
            if let kindNode, let raw = reader.text(kindNode, what: "'kind' of a chart") {
                kind = ChartSpec.Kind(rawValue: raw)
                if kind == nil {
                    reader.error(
                        "unknown chart kind '\(raw)'", at: kindNode.location, hint: "kinds: \(ChartSpec.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
                }
            }
            var series: [ChartSpec.Series] = []
            for s in fields.require("series", hint: "add 'series:' (the metrics drawn)")?.items ?? [] {
                let f = reader.mapping(s, what: "a chart series", allowed: seriesKeys)
                guard f.isMapping, let metricNode = f.require("metric", hint: "add 'metric:' (one of the manifest's metrics)"),
                    let metric = reader.text(metricNode, what: "'metric' of a chart series")
                else { continue }
                guard metrics.contains(where: { $0.id == metric && $0.additive }) else {
                    reader.error(
                        "chart series '\(metric)' is not an additive metric of this manifest", at: metricNode.location,
                        hint: "charts draw totals: name a metric declared under 'metrics:' with additive true")
                    continue
                }
                let role = f["role"].flatMap { reader.text($0, what: "'role' of a chart series") }
                if let role, ChartSpec.Role(rawValue: role) == nil {
                    reader.error("unknown role '\(role)'", at: f["role"]?.location, hint: "roles: series, overlay")
                }
                let label = f["label"].flatMap { reader.text($0, what: "'label' of a chart series") } ?? metric
                series.append(ChartSpec.Series(metric, label, role: role.flatMap(ChartSpec.Role.init(rawValue:)) ?? .series))
            }
            var split: Dimension?
            if let raw = text("split") {
                split = Dimension(rawValue: raw)
                if split == nil { reader.error("unknown dimension '\(raw)'", at: fields["split"]?.location) }
            }
            let categories = (fields["categories"]?.items ?? []).compactMap { c -> ChartSpec.Category? in
                let f = reader.mapping(c, what: "a chart category", allowed: categoryKeys)
                guard f.isMapping, let value = f["value"].flatMap({ reader.text($0, what: "'value' of a chart category") }) else { return nil }
                return ChartSpec.Category(value, f["label"].flatMap { reader.text($0, what: "'label' of a chart category") } ?? value)
            }
            guard let id, let kind, !series.isEmpty else { continue }
            out.append(
                ChartSpec(
                    id: id, kind: kind, order: fields["order"].flatMap { reader.integer($0, what: "'order' of a chart") } ?? 100,
                    title: text("title") ?? id, heading: text("heading") ?? text("title") ?? id, summary: text("summary") ?? "",
                    caption: text("caption") ?? "", xTitle: text("x_title") ?? "year", yTitle: text("y_title") ?? "{unit}",
                    height: fields["height"].flatMap { reader.integer($0, what: "'height' of a chart") }, series: series,
                    split: split, splitTitle: text("split_title"), categories: categories, otherLabel: text("other_label"),
                    markdownLead: text("markdown_lead")))
        }
        return out
    }
}
