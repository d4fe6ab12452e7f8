import CoopZoneCore
import CoopZoneReports
import Foundation

/// What a scenario page shows of a plan: which headlines are cards, which additive metrics are
/// charted. Chosen from the evaluators' descriptors alone: headlines with a card order
/// (`MetricPresentation.card`) are cards, charts of kind `workshopByYear` are drawn; an evaluator
/// that declares neither gets its first headlines and first additive metric.
public struct ScenarioPresentation: Sendable {
    /// Every headline of the plan, in run order.
    public var headlines: [HeadlineInfo]
    /// The charts.
    public var charts: [ChartInfo]

    /// The presentation of `plan`.
    public init(plan: RunPlan) {
        let descriptors = plan.evaluators.map(\.entry.descriptor)
        var headlines: [HeadlineInfo] = []
        var cards: [(key: String, order: Int)] = []
        for d in descriptors {
            for h in d.headlines {
                let key = "\(d.id).\(h.id)"
                headlines.append(
                    HeadlineInfo(
                        key: key, evaluator: d.id, metric: h.id,
                        label: h.presentation.shortLabel ?? h.presentation.label ?? Self.humanize(h.id),
                        summary: h.summary, unit: h.unit.rawValue, unitSymbol: h.unit.symbol,
                        higherIsBetter: h.higherIsBetter, featured: false,
                        labels: Self.inEveryLanguage { Labels($0).translatedLabel(d.id, h.id, h, short: true) }
                            .merging(["en": h.presentation.shortLabel ?? h.presentation.label ?? Self.humanize(h.id)]) { own, _ in own },
                        summaries: Self.inEveryLanguage { Labels($0).translatedSummary(d.id, h) }.merging(["en": h.summary]) { own, _ in own },
                        unitSymbols: Self.inEveryLanguage { Messages($0).ownText("unit.\(h.unit.rawValue)") }.merging(["en": h.unit.symbol]) { own, _ in own }))
                if let order = h.presentation.card { cards.append((key, order)) }
            }
        }
        var featuredKeys = cards.enumerated().sorted { ($0.element.order, $0.offset) < ($1.element.order, $1.offset) }.map(\.element.key)
        if featuredKeys.isEmpty { featuredKeys = headlines.prefix(4).map(\.key) }
        for i in headlines.indices where featuredKeys.contains(headlines[i].key) { headlines[i].featured = true }
        // Cards in the featured order first, then the rest in run order.
        headlines.sort { a, b in
            let ia = featuredKeys.firstIndex(of: a.key) ?? Int.max, ib = featuredKeys.firstIndex(of: b.key) ?? Int.max
            return ia < ib
        }
        self.headlines = headlines

        var planned: [(order: Int, chart: ChartInfo)] = []
        for d in descriptors {
            for spec in d.charts where spec.kind == .workshopByYear {
                let series = spec.series.compactMap { s in d.metrics.first { $0.id == s.metric && $0.additive }.map { (s, $0) } }
                guard let unit = series.first?.1.unit else { continue }
                let sameUnit = series.filter { $0.1.unit == unit }
                planned.append(
                    (
                        spec.order,
                        ChartInfo(
                            id: spec.id, title: spec.title, unitSymbol: unit.symbol,
                            series: sameUnit.map { SeriesInfo(key: "\(d.id).\($0.0.metric)", label: $0.0.label) })
                    ))
            }
        }
        var charts = planned.enumerated().sorted { ($0.element.order, $0.offset) < ($1.element.order, $1.offset) }.map(\.element.chart)
        if charts.isEmpty {
            for d in descriptors {
                guard let m = d.metrics.first(where: \.additive), charts.count < 4 else { continue }
                charts.append(
                    ChartInfo(
                        id: "\(d.id)_\(m.id)", title: m.presentation.label ?? Self.humanize(m.id), unitSymbol: m.unit.symbol,
                        series: [SeriesInfo(key: "\(d.id).\(m.id)", label: m.presentation.shortLabel ?? Self.humanize(m.id))]))
            }
        }
        self.charts = charts
    }

    /// The texts `text` gives for each language but English (which the caller fills), by language code.
    static func inEveryLanguage(_ text: (Language) -> String?) -> [String: String] {
        var out: [String: String] = [:]
        for language in Language.allCases where language != .en { if let own = text(language) { out[language.rawValue] = own } }
        return out
    }

    /// `queue_cost_total` → `Queue cost total`.
    static func humanize(_ id: String) -> String {
        let words = id.replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// Headline values by key (nil for non-finite or missing ones).
    func headlineValues(_ outcomes: Engine.Outcomes) -> [String: Double?] {
        var values: [String: Double?] = [:]
        for h in headlines { values[h.key] = .some(nil) }
        for (evaluator, result) in outcomes.results {
            for h in result.headlines {
                let key = "\(evaluator).\(h.metric)"
                if values[key] != nil { values[key] = h.value.isFinite ? h.value : nil }
            }
        }
        return values
    }

    /// Chart series: each metric's rows summed by year over its dimensions; nil throughout for
    /// a series whose evaluator failed.
    func chartValues(_ outcomes: Engine.Outcomes, years: [Int]) -> [String: [String: [Double?]]] {
        guard let first = years.first else { return [:] }
        // One running sum per series, found from a row's integer metric key (no text per row),
        // over the rows of the charted evaluators only.
        var slotOf: [Int: Int] = [:]
        var names: [String] = []
        var evaluators = Set<String>()
        for chart in charts {
            for s in chart.series {
                let parts = s.key.split(separator: ".", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { continue }
                let key = MetricKey(evaluator: parts[0], metric: parts[1]).rawValue
                evaluators.insert(parts[0])
                if slotOf[key] == nil {
                    slotOf[key] = names.count
                    names.append(s.key)
                }
            }
        }
        let lookup = (slotOf.keys.max() ?? -1) + 1
        var slotByKey = [Int](repeating: -1, count: lookup)
        for (key, slot) in slotOf { slotByKey[key] = slot }
        var sums = [[Double]](repeating: [Double](repeating: 0, count: years.count), count: names.count)
        for evaluator in evaluators {
            guard let rows = outcomes.results[evaluator]?.rows else { continue }
            for row in rows {
                let raw = row.key.rawValue
                guard raw < lookup, let year = row.year else { continue }
                let slot = slotByKey[raw], offset = year - first
                guard slot >= 0, offset >= 0, offset < years.count else { continue }
                sums[slot][offset] += row.value
            }
        }
        var wanted: [String: [Double]] = [:]
        for (slot, name) in names.enumerated() { wanted[name] = sums[slot] }
        var out: [String: [String: [Double?]]] = [:]
        for chart in charts {
            var series: [String: [Double?]] = [:]
            for s in chart.series {
                let failed = outcomes.results[String(s.key.split(separator: ".")[0])] == nil
                series[s.key] = failed ? [Double?](repeating: nil, count: years.count) : (wanted[s.key] ?? []).map { $0.isFinite ? $0 : nil }
            }
            out[chart.id] = series
        }
        return out
    }
}
