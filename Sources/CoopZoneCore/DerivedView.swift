import Foundation

/// A view of a scenario that the core derives by its own rules and sends to an outside
/// evaluator that asks for it in its manifest (`views:`), so that the evaluator does not
/// re-implement the rule (and disagree with it). Each view is a list of records, computed for
/// each draw's scenario; Docs/writing-an-evaluator.md#derived-views shows their shape.
public enum DerivedView: String, Sendable, CaseIterable, Hashable {
    /// The stages that start within the horizon, by zone: `{zone, stage, first_year, last_year}`
    /// in calendar order (`Scenario.timeline(of:)`).
    case stageTimeline = "stage_timeline"
    /// Every flow's baseline by horizon year, USD m a year: `{link, sector, direction, year, value}`
    /// (`Scenario.baseline(of:)`).
    case flowsByYear = "flows_by_year"
    /// The link-level settings in force by horizon year: `{link, year, border_crossing_days,
    /// logistics_cost_share, shadow_share}`, `null` where the link gives no value (the
    /// persistence rule of `MeasureTimeline`).
    case measuresByYear = "measures_by_year"
    /// The importer's tariff in force on every flow by horizon year, a fraction:
    /// `{link, sector, direction, year, rate}` (`MeasureTimeline.tariffPath`).
    case tariffsByYear = "tariffs_by_year"

    /// Writes the `views` object of one draw: each of `views` (in the order given) as a list of
    /// records for `scenario`.
    public static func write(_ views: [DerivedView], of scenario: Scenario, to w: inout JSONWriter) {
        w.raw("{")
        let timeline = views.contains { $0 != .stageTimeline && $0 != .flowsByYear } ? MeasureTimeline(scenario) : nil
        for (i, view) in views.enumerated() {
            if i > 0 { w.raw(",") }
            w.string(view.rawValue)
            w.raw(":[")
            var first = true
            func record(_ body: (inout JSONWriter) -> Void) {
                w.raw(first ? "{" : ",{")
                first = false
                body(&w)
                w.raw("}")
            }
            switch view {
            case .stageTimeline:
                for zone in scenario.zones {
                    for stage in scenario.timeline(of: zone).stages {
                        record { w in
                            w.raw("\"zone\":")
                            w.string(zone.id)
                            w.raw(",\"stage\":")
                            w.string(stage.stage.id)
                            w.raw(",\"first_year\":")
                            w.integer(stage.first)
                            w.raw(",\"last_year\":")
                            w.integer(stage.last)
                        }
                    }
                }
            case .flowsByYear:
                for link in scenario.links {
                    for flow in link.flows {
                        guard let baseline = scenario.baseline(of: flow) else { continue }
                        for (offset, value) in baseline.values.enumerated() {
                            record { w in
                                writeFlowKey(link: link, flow: flow, year: scenario.horizon.lowerBound + offset, to: &w)
                                w.raw(",\"value\":")
                                w.number(value)
                            }
                        }
                    }
                }
            case .measuresByYear:
                guard let timeline else { break }
                for link in scenario.links {
                    let paths = [
                        ("border_crossing_days", timeline.borderDaysPath(link, in: scenario)),
                        ("logistics_cost_share", timeline.logisticsPath(link, in: scenario)),
                        ("shadow_share", timeline.shadowPath(link, in: scenario)),
                    ]
                    for offset in 0..<timeline.count {
                        record { w in
                            w.raw("\"link\":")
                            w.string(link.id)
                            w.raw(",\"year\":")
                            w.integer(timeline.firstYear + offset)
                            for (key, path) in paths {
                                w.raw(",")
                                w.string(key)
                                w.raw(":")
                                if let path { w.number(path.values[offset]) } else { w.raw("null") }
                            }
                        }
                    }
                }
            case .tariffsByYear:
                guard let timeline else { break }
                var matched = Set<SourceLocation>()
                for link in scenario.links {
                    for flow in link.flows {
                        let path = timeline.tariffPath(of: flow, on: link, in: scenario, matched: &matched, recordMatches: false).path
                        for (offset, rate) in path.values.enumerated() {
                            record { w in
                                writeFlowKey(link: link, flow: flow, year: timeline.firstYear + offset, to: &w)
                                w.raw(",\"rate\":")
                                w.number(rate)
                            }
                        }
                    }
                }
            }
            w.raw("]")
        }
        w.raw("}")
    }

    private static func writeFlowKey(link: TradeLink, flow: TradeFlow, year: Int, to w: inout JSONWriter) {
        w.raw("\"link\":")
        w.string(link.id)
        w.raw(",\"sector\":")
        w.string(flow.sector)
        w.raw(",\"direction\":")
        w.string(flow.direction.rawValue)
        w.raw(",\"year\":")
        w.integer(year)
    }
}
