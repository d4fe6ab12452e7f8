import CoopZoneCore
import Foundation

/// A report's first page, in plain words: what the design is, what it costs the treasuries,
/// what it brings, the net present value (with its band when Monte Carlo ran), the break-even
/// condition, the inputs that move the answer most, and what the model leaves out. Built from
/// the headlines whose descriptors give them a `BriefRole`; no metric is named here.
public struct Brief: Sendable {
    /// One paragraph: a heading and its sentences.
    public struct Item: Sendable, Hashable {
        /// The heading (`What it costs the treasuries`).
        public var heading: String
        /// The text.
        public var text: String
    }

    /// The paragraphs, in reading order.
    public let items: [Item]
    /// The title (the scenario's).
    public let title: String
    /// The language.
    public let language: Language

    /// A brief of given paragraphs (a comparison's).
    public init(title: String, items: [Item], language: Language) {
        self.title = title
        self.items = items
        self.language = language
    }

    /// The brief of a run.
    /// - Parameters:
    ///   - headlines: the run's headlines (on central values when Monte Carlo ran).
    ///   - rows: the run's rows (for a headline's split by side).
    ///   - bands: P5–P95 of headlines by `evaluator.metric`, when Monte Carlo ran, with `draws`.
    ///   - swings: one-at-a-time swings (`Sensitivity.run`), for the inputs that move the NPV most.
    public init(
        scenario: Scenario, descriptors: [EvaluatorDescriptor], headlines: [Headline], rows: [ResultRow], bands: [String: Band] = [:], draws: Int? = nil,
        swings: [Swing] = [], language: Language = .en
    ) {
        let t = Messages(language)
        self.language = language
        let texts = scenario.texts(language)
        title = texts.title
        var items: [Item] = []
        func metric(_ h: Headline) -> MetricSpec? { descriptors.first { $0.id == h.evaluator }?.metric(h.metric) }
        func role(_ h: Headline) -> BriefRole? { metric(h)?.presentation.brief }
        func label(_ h: Headline) -> String { Labels(language).metric(h.evaluator, h.metric, descriptors: descriptors) }
        func value(_ h: Headline) -> String { Labels(language).value(h.value, unit: h.unit) }
        func with(_ r: BriefRole) -> [Headline] { headlines.filter { role($0) == r } }

        // What the design is.
        let zones = scenario.zones.map { zone in
            t(
                "brief.zone",
                [
                    "name": texts.zones[zone.id] ?? zone.name, "kind": t("zone_kind." + zone.kind.rawValue),
                    "parties": zone.parties.map { code in texts.countries[code].map { "\($0) (\(code))" } ?? code }.joined(separator: ", "),
                ])
        }
        items.append(
            Item(
                heading: t("brief.what_heading"),
                text: zones.joined(separator: " ") + " "
                    + t(
                        "brief.horizon",
                        [
                            "first": String(scenario.horizon.lowerBound), "last": String(scenario.horizon.upperBound),
                            "money": t("brief.money", ["currency": scenario.currency, "year": String(scenario.priceYear)]),
                        ])))
        func sentence(_ list: [Headline], end: String = ".") -> String {
            list.map { h in
                var text = label(h) + ": " + value(h)
                if let band = bands["\(h.evaluator).\(h.metric)"], let draws {
                    text +=
                        " "
                        + t(
                            "brief.band",
                            [
                                "low": Labels(language).value(band.p5, unit: h.unit), "high": Labels(language).value(band.p95, unit: h.unit),
                                "draws": Labels(language).count(draws),
                            ])
                }
                if let side = metric(h)?.presentation.bySide {
                    let last = scenario.horizon.upperBound
                    var bySide: [String: Double] = [:]
                    for row in rows where row.evaluator == h.evaluator && row.metric == side && row.year == last {
                        if let country = row.dimensions.country { bySide[country, default: 0] += row.value }
                    }
                    let order = scenario.countries.map(\.code).filter { bySide[$0] != nil }
                    if !order.isEmpty {
                        text += " (" + order.map { "\($0) " + Labels(language).value(bySide[$0]!, unit: h.unit) }.joined(separator: "; ") + ")"
                    }
                }
                return text
            }.joined(separator: "; ") + end
        }
        // An input by what it is: an evaluator parameter by its description, other inputs by path.
        func inputLabel(_ path: String) -> String {
            let parts = path.split(separator: ".").map(String.init)
            if parts.count == 3, parts[0] == "evaluators", let spec = descriptors.first(where: { $0.id == parts[1] })?.parameter(parts[2]) {
                // The description's first clause: what the input is, not how it is used.
                let own = Messages(language).ownText("parameter.\(parts[1]).\(parts[2])")
                return own ?? String(spec.summary.prefix { $0 != "(" && $0 != ";" && $0 != ":" }).trimmingCharacters(in: .whitespaces)
            }
            return path
        }
        let cost = with(.treasuryCost)
        if !cost.isEmpty { items.append(Item(heading: t("brief.cost_heading"), text: sentence(cost))) }
        let brings = with(.netJobs) + with(.trade) + with(.investment)
        if !brings.isEmpty { items.append(Item(heading: t("brief.brings_heading"), text: sentence(brings))) }
        for npv in with(.npv) {
            var text = sentence([npv])
            let moving = swings.filter { $0.evaluator == npv.evaluator && $0.metric == npv.metric && $0.swing > 0 }.sorted { $0.swing > $1.swing }.prefix(3)
            if !moving.isEmpty {
                let names = moving.map { swing -> String in
                    let low = Labels(language).value(swing.atLow, unit: npv.unit), high = Labels(language).value(swing.atHigh, unit: npv.unit)
                    return inputLabel(swing.input) + " (" + low + " – " + high + ")"
                }
                text += " " + t("brief.movers", ["inputs": names.joined(separator: "; ")])
            } else if draws == nil {
                text += " " + t("brief.no_band")
            }
            items.append(Item(heading: t("brief.npv_heading"), text: text))
        }
        for breakEven in with(.breakEven) {
            let summary = metric(breakEven).map { Labels(language).metricSummary(breakEven.evaluator, $0) } ?? ""
            var text = sentence([breakEven], end: "") + (summary.isEmpty ? "" : " (" + summary + ")") + "."
            // A share clamped to 0 or 1 is not a point where the NPV turns: say what it means.
            let npv = with(.npv).first { $0.evaluator == breakEven.evaluator }?.value
            if let npv, breakEven.value <= 0, npv < 0 {
                text += " " + t("brief.never_breaks_even")
            } else if let npv, breakEven.value >= 1, npv > 0 {
                text += " " + t("brief.always_breaks_even")
            }
            items.append(Item(heading: t("brief.break_even_heading"), text: text))
        }
        // What the model leaves out: each evaluator that ran says it in the catalogue.
        let left = descriptors.filter { d in headlines.contains { $0.evaluator == d.id } }.compactMap { t.optional("leaves_out." + $0.id) }
        if !left.isEmpty { items.append(Item(heading: t("brief.leaves_out_heading"), text: left.joined(separator: " "))) }
        self.items = items
    }

    /// The brief as Markdown, under a heading of `level`.
    public func markdown(level: Int = 2) -> String {
        var out = String(repeating: "#", count: level) + " " + Messages(language)("brief.title") + "\n\n"
        for item in items { out += "**\(item.heading).** \(item.text)\n\n" }
        return out
    }

    /// The brief as an HTML section body.
    public func html() -> String {
        items.map { "<p><strong>\(HTMLPage.text($0.heading)).</strong> \(HTMLPage.text($0.text))</p>\n" }.joined()
    }
}

/// Labels, not ids, where a reader looks: a metric's label and unit in a language (the
/// catalogue's `metric.<evaluator>.<metric>` for built-in evaluators, else the descriptor's
/// own label), numbers in the language's format.
public struct Labels: Sendable {
    /// The language.
    public let language: Language

    /// Labels in `language`.
    public init(_ language: Language) { self.language = language }

    /// The label of `metric` of `evaluator`.
    public func metric(_ evaluator: String, _ metric: String, descriptors: [EvaluatorDescriptor]) -> String {
        let m = descriptors.first { $0.id == evaluator }?.metric(metric)
        return translatedLabel(evaluator, metric, m) ?? m?.presentation.label ?? m?.presentation.shortLabel ?? metric.replacingOccurrences(of: "_", with: " ")
    }

    /// The label a metric has in this language beside its descriptor's English one: the
    /// catalogue's `metric.<evaluator>.<metric>` (built-in evaluators), else the metric's own
    /// `translations` (outside evaluators); nil when neither has one. `short` prefers the short
    /// forms (`….short`, `short_label`), for a card or a legend.
    public func translatedLabel(_ evaluator: String, _ id: String, _ metric: MetricSpec?, short: Bool = false) -> String? {
        let key = "metric.\(evaluator).\(id)"
        let keys = short ? [key + ".short", key] : [key]
        if let text = keys.lazy.compactMap({ Messages(language).ownText($0) }).first { return text }
        guard let own = metric?.presentation.translations?[language.rawValue] else { return nil }
        return short ? own["short_label"] ?? own["label"] : own["label"] ?? own["short_label"]
    }

    /// What a metric measures, in the language when the catalogue has it, else the descriptor's summary.
    public func metricSummary(_ evaluator: String, _ metric: MetricSpec) -> String {
        translatedSummary(evaluator, metric) ?? metric.summary
    }

    /// What a metric measures in this language beside its descriptor's English summary: the
    /// catalogue's `metric.<evaluator>.<metric>.summary`, else the metric's own translation; nil without one.
    public func translatedSummary(_ evaluator: String, _ metric: MetricSpec) -> String? {
        Messages(language).ownText("metric.\(evaluator).\(metric.id).summary") ?? metric.presentation.translations?[language.rawValue]?["summary"]
    }

    /// A unit's symbol in the language.
    public func unit(_ unit: CoopZoneCore.Unit) -> String { Messages(language).ownText("unit." + unit.rawValue) ?? unit.symbol }

    /// A value with its unit, as a reader writes it: fractions as percent, years plain.
    public func value(_ value: Double, unit: CoopZoneCore.Unit) -> String {
        switch unit {
        case .fraction: return language.readable(value * 100) + "\u{00A0}%"
        case .calendarYear: return value.isFinite ? String(Int(value.rounded())) : language.readable(value)
        default: return language.readable(value) + "\u{00A0}" + self.unit(unit)
        }
    }

    /// A count (draws, jobs) without decimals.
    public func count(_ n: Int) -> String { language.number(Double(n), decimals: 0) }
}
