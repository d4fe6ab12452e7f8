/// The checks between levels that run once the scenario is read: zone shares on national
/// links, sources that numbers cite, and each zone's stage timeline.
extension ScenarioDecoder {
    /// A link with a country at an end (a national link) that a zone measure names must say
    /// which share of its trade is the zone's (`zone_share`): otherwise every gain on the national
    /// trade would be placed in the zone's regions.
    func checkZoneShares(links: [TradeLink], zones: [Zone], countries: [Country]) {
        let codes = Set(countries.map(\.code))
        var reported = Set<String>()
        for zone in zones {
            for stage in zone.stages {
                let m = stage.measures
                let named: [(String?, SourceLocation)] =
                    m.tariffs.map { ($0.link, $0.location) } + m.borderTime.map { ($0.link, $0.location) }
                    + m.logisticsCost.map { ($0.link, $0.location) } + m.storage.map { ($0.link, $0.location) }
                    + m.shadowTrade.map { ($0.link, $0.location) }
                for (id, location) in named {
                    guard let id, let link = links.last(where: { $0.id == id }), link.zoneShare == nil,
                        codes.contains(link.from) || codes.contains(link.to), reported.insert(id).inserted
                    else { continue }
                    context.error(
                        "link '\(id)' joins countries, not regions, so zone '\(zone.id)' needs to know how much of its trade is the zone's",
                        at: location,
                        hint: "give link '\(id)' a 'zone_share': the share of its trade that the zone's regions produce or that crosses at the zone, "
                            + "with a source or an assumption, e.g. zone_share: {value: 0.3, assumption: \"…\"}; or describe the zone's trade as a link between its regions"
                    )
                }
            }
        }
    }

    func checkSourceReferences(_ sources: [SourceReference]) {
        let ids = sources.map(\.id)
        for info in context.inputs {
            if case .source(let id, _) = info.provenance, !ids.contains(id) {
                let s = closestMatch(to: id, in: ids)
                context.error(
                    "source '\(id)' of '\(info.path)' is not in the scenario's 'sources'" + (s.map { "; did you mean '\($0)'?" } ?? ""),
                    at: info.location, hint: "add it to 'sources' with an id and a title")
            }
        }
    }

    func checkTimeline(_ scenario: Scenario, _ zone: Zone) {
        let timeline = scenario.timeline(of: zone)
        for error in timeline.errors { context.error(error.message, at: error.location, hint: error.hint) }
        let stages = timeline.stages
        for (a, b) in zip(stages, stages.dropFirst()) where b.first <= a.last {
            context.error(
                "stage '\(b.stage.id)' (\(b.first)–\(b.last)) overlaps stage '\(a.stage.id)' (\(a.first)–\(a.last)) in zone '\(zone.id)'",
                at: b.stage.location, hint: "a zone is in one stage at a time: end '\(a.stage.id)' before \(b.first), or start '\(b.stage.id)' later")
        }
    }
}
