import Foundation

/// Decodes a resolved scenario tree (after `extends` and `--set`) into the typed model,
/// collecting every diagnostic rather than stopping at the first.
struct ScenarioDecoder {
    let context = DecodeContext()
    let file: String
    /// The directory relative paths in the scenario (its table files) are resolved against, with the files' own folders.
    var baseDirectory = FileManager.default.currentDirectoryPath

    func decode(_ root: YNode, extends: [String], hash: String) -> (Scenario?, [Diagnostic]) {
        let top = Fields(root, context: context, path: "", what: "the scenario", level: ScenarioFormat.top)
        guard top.isMapping else { return (nil, context.diagnostics) }
        if let format = top.integer("format"), format != 1 {
            context.error(
                "this scenario is in format \(format); this CoopZone reads format 1", at: top["format"]?.location,
                hint: "write 'format: 1', or use the CoopZone version the scenario was written for")
        }
        let title = top.string("title") ?? ""
        let description = top.string("description") ?? ""
        let authors = top.stringList("authors")
        let sources = decodeSources(top)
        let horizon = decodeHorizon(top)
        let priceYear = top.integer("price_year") ?? 0
        let currency = top.string("currency") ?? "USD"
        if currency.count != 3 || !currency.allSatisfy({ $0.isUppercase && $0.isASCII }) {
            context.error("currency '\(currency)' is not an ISO 4217 code", at: top["currency"]?.location, hint: "write a three-letter code such as USD")
        }
        let discountRate = top.quantity("discount_rate")
        let sectors = decodeSectors(top)
        let countries = decodeCountries(top, sectors: sectors)
        let regions = decodeRegions(top, countries: countries, sectors: sectors)
        let inputOutput = decodeInputOutput(top, countries: countries, regions: regions, sectors: sectors)
        let links = decodeLinks(top, countries: countries, regions: regions, sectors: sectors, horizon: horizon)
        let zones = decodeZones(top, countries: countries, regions: regions, links: links, sectors: sectors, horizon: horizon)
        checkZoneShares(links: links, zones: zones, countries: countries)
        let evaluators = decodeEvaluators(top)
        let levers = decodeLevers(top, root: root)
        checkSourceReferences(sources)

        // The stage timeline is checked even when there are other errors, so that every diagnostic of the file comes at once.
        guard let discountRate, let horizon else { return (nil, context.diagnostics) }
        var scenario = Scenario(
            file: file, title: title, description: description, authors: authors, sources: sources, extends: extends,
            horizon: horizon, priceYear: priceYear, currency: currency, discountRate: discountRate, sectors: sectors,
            countries: countries, regions: regions, links: links, zones: zones, evaluators: evaluators, levers: levers,
            values: context.values, inputs: context.inputs,
            contentHash: context.tableTexts.isEmpty ? hash : ScenarioLoader.contentHash(hash, extendedWith: context.tableTexts))
        scenario.inputOutput = inputOutput
        scenario.language = decodeLanguage(top)
        scenario.translations = decodeTranslations(
            top,
            ids: [
                "levers": ("lever", levers.map(\.id)), "countries": ("country", countries.map(\.code)), "regions": ("region", regions.map(\.id)),
                "zones": ("zone", zones.map(\.id)), "sectors": ("sector", sectors.map(\.id)),
            ])
        for zone in zones where !context.zonesWithUnreadStages.contains(zone.id) { checkTimeline(scenario, zone) }
        return (context.diagnostics.hasErrors ? nil : scenario, context.diagnostics)
    }

    // MARK: - Sections

    func decodeLanguage(_ top: Fields) -> Language {
        guard let text = top.string("language") else { return .en }
        guard let language = Language(rawValue: text) else {
            let codes = Language.allCases.map(\.rawValue)
            context.error(
                "unknown language '\(text)'" + (closestMatch(to: text, in: codes).map { "; did you mean '\($0)'?" } ?? ""), at: top["language"]?.location,
                hint: "write one of: \(codes.joined(separator: ", "))")
            return .en
        }
        return language
    }

    /// The `translations` block: per language, texts keyed by ids that must exist in the scenario.
    func decodeTranslations(_ top: Fields, ids: [String: (kind: String, ids: [String])]) -> [Language: ScenarioTexts] {
        guard let node = top["translations"], !node.isNull else { return [:] }
        let block = Fields(node, context: context, path: "translations", what: "'translations'", level: ScenarioFormat.translations)
        guard block.isMapping else { return [:] }
        var out: [Language: ScenarioTexts] = [:]
        for language in Language.allCases where language != .en {
            guard let languageNode = block[language.rawValue], !languageNode.isNull else { continue }
            let f = Fields(
                languageNode, context: context, path: "translations.\(language.rawValue)", what: "the \(language.englishName) translations",
                level: ScenarioFormat.translation)
            guard f.isMapping else { continue }
            var texts = ScenarioTexts(title: f.string("title") ?? "", description: f.string("description") ?? "")
            for (key, known) in ids.sorted(by: { $0.key < $1.key }) {
                guard let mapping = f[key], !mapping.isNull else { continue }
                guard let entries = mapping.entries else {
                    context.error(
                        "'\(key)' in the \(language.englishName) translations must map \(known.kind) ids to texts, found \(mapping.kindDescription)",
                        at: mapping.location, hint: "e.g. {\(known.ids.first ?? "id"): …}")
                    continue
                }
                var table: [String: String] = [:]
                for entry in entries {
                    guard known.ids.contains(entry.key) else {
                        let suggestion = closestMatch(to: entry.key, in: known.ids)
                        context.error(
                            "'\(entry.key)' in the \(language.englishName) translations of \(key) is not a \(known.kind) of the scenario"
                                + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
                            at: entry.keyLocation,
                            hint: known.ids.isEmpty ? "the scenario has no \(key)" : "its \(known.kind) ids: \(known.ids.joined(separator: ", "))")
                        continue
                    }
                    guard case .scalar(let text, _) = entry.value.value, !text.isEmpty else {
                        context.error(
                            "the \(language.englishName) text of \(known.kind) '\(entry.key)' must be text", at: entry.value.location,
                            hint: "write it as \(entry.key): \"…\"")
                        continue
                    }
                    table[entry.key] = text
                }
                switch key {
                case "levers": texts.levers = table
                case "countries": texts.countries = table
                case "regions": texts.regions = table
                case "zones": texts.zones = table
                default: texts.sectors = table
                }
            }
            out[language] = texts
        }
        return out
    }

    func decodeSources(_ top: Fields) -> [SourceReference] {
        var seen = Set<String>()
        return top.list("sources").enumerated().compactMap { index, node in
            let fields = Fields(node, context: context, path: "sources.\(index)", what: "source #\(index + 1)", level: ScenarioFormat.source)
            guard fields.isMapping, let id = fields.identifier("id") else { return nil }
            if !seen.insert(id).inserted { context.error("source '\(id)' is listed twice", at: fields["id"]?.location, hint: "give each source its own id") }
            return SourceReference(id: id, title: fields.string("title") ?? "", url: fields.string("url"))
        }
    }

    func decodeHorizon(_ top: Fields) -> ClosedRange<Int>? {
        guard let node = top.requireKey("horizon") else { return nil }
        let fields = Fields(node, context: context, path: "horizon", what: "'horizon'", level: ScenarioFormat.horizon)
        guard let first = fields.integer("first"),
            let last = fields.integer("last")
        else { return nil }
        guard first <= last else {
            context.error(
                "the horizon ends (\(last)) before it starts (\(first))", at: fields["last"]?.location, hint: "'last' must be the same year as 'first' or later"
            )
            return nil
        }
        if last - first > 100 {
            context.error("the horizon spans \(last - first + 1) years; at most 101 are supported", at: fields["last"]?.location)
            return nil
        }
        return first...last
    }

    func decodeSectors(_ top: Fields) -> [Sector] {
        var seen = Set<String>()
        return top.list("sectors").enumerated().compactMap { index, node in
            let fields = Fields(node, context: context, path: "sectors.\(index)", what: "sector #\(index + 1)", level: ScenarioFormat.sector)
            guard fields.isMapping, let id = fields.identifier("id") else { return nil }
            if id == "all" { context.error("'all' is reserved for total trade and cannot be a sector id", at: fields["id"]?.location) }
            if !seen.insert(id).inserted { context.error("sector '\(id)' is defined twice", at: fields["id"]?.location, hint: "give each sector its own id") }
            return Sector(id: id, name: fields.string("name") ?? id, perishable: fields.bool("perishable") ?? false)
        }
    }

    func decodeCountries(_ top: Fields, sectors: [Sector]) -> [Country] {
        var seen = Set<String>()
        return top.list("countries").enumerated().compactMap { index, node in
            let fields = Fields(node, context: context, path: "countries.\(index)", what: "country #\(index + 1)", level: ScenarioFormat.country)
            guard fields.isMapping, let code = fields.string("code") else { return nil }
            if code.count != 2 || !code.allSatisfy({ $0.isASCII && $0.isUppercase }) {
                context.error(
                    "'\(code)' is not an ISO 3166 alpha-2 country code", at: fields["code"]?.location,
                    hint: "write two capital letters, e.g. UZ, KG, TJ, KZ, CN")
            }
            if !seen.insert(code).inserted { context.error("country '\(code)' is defined twice", at: fields["code"]?.location) }
            let path = "countries.\(code)"
            let fiscalFields = fields["fiscal"].map {
                Fields(
                    $0, context: context, path: "\(path).fiscal", what: "the fiscal regime of \(code)", level: ScenarioFormat.fiscal,
                    inherited: fields.provenance)
            }
            var duties: [String: Quantity] = [:]
            if let f = fiscalFields, let byNode = f["import_duty_by_sector"] {
                let by = Fields(
                    byNode, context: context, path: "\(path).fiscal.import_duty_by_sector", what: "import duties by sector of \(code)",
                    allowed: sectors.map(\.id), inherited: f.provenance)
                for entry in byNode.entries ?? [] where sectors.contains(where: { $0.id == entry.key }) {
                    duties[entry.key] = by.quantity(entry.key, f.rule(of: "import_duty_by_sector"))
                }
            }
            let fiscal = FiscalRegime(
                corporateIncomeTax: fiscalFields?.quantity("corporate_income_tax"),
                propertyTax: fiscalFields?.quantity("property_tax"),
                landTax: fiscalFields?.quantity("land_tax"),
                vat: fiscalFields?.quantity("vat"),
                landRent: fiscalFields?.quantity("land_rent"),
                importDuty: fiscalFields?.quantity("import_duty"),
                importDutyBySector: duties,
                equipmentDuty: fiscalFields?.quantity("equipment_duty"),
                wageTax: fiscalFields?.quantity("wage_tax"))
            let totals = fields["trade_totals"].flatMap {
                decodeTradeTotals($0, of: code, path: "\(path).trade_totals", inherited: fields.provenance, sectors: sectors)
            }
            return Country(code: code, name: fields.string("name") ?? code, fiscal: fiscal, tradeTotals: totals)
        }
    }

    /// A country's `trade_totals`: the year, and exports and imports by sector, each a mapping of
    /// every scenario sector to money per year (0 for a sector the country does not trade).
    func decodeTradeTotals(_ node: YNode, of code: String, path: String, inherited: Provenance, sectors: [Sector]) -> TradeTotals? {
        let fields = Fields(node, context: context, path: path, what: "the trade totals of \(code)", level: ScenarioFormat.tradeTotals, inherited: inherited)
        guard fields.isMapping else { return nil }
        let year = fields.integer("year")
        let ids = sectors.map(\.id)
        func side(_ key: String) -> [String: Quantity] {
            guard let sideNode = fields.requireKey(key) else { return [:] }
            let what = "the \(key) of \(code) in trade_totals"
            let by = Fields(sideNode, context: context, path: "\(path).\(key)", what: what, allowed: ids, inherited: fields.provenance)
            guard by.isMapping else { return [:] }
            var values: [String: Quantity] = [:]
            for id in ids { if let q = by.quantity(id, fields.rule(of: key)) { values[id] = q } }
            let missing = ids.filter { by[$0] == nil }
            if !missing.isEmpty {
                context.error(
                    "\(what) give no value for sector(s) \(missing.joined(separator: ", "))", at: sideNode.location,
                    hint: "list every sector of the scenario, in millions a year with all partners; write 0 for a sector \(code) does not trade")
            }
            return values
        }
        let exports = side("exports")
        let imports = side("imports")
        return TradeTotals(year: year, exports: exports, imports: imports, location: node.location)
    }

    func reference(_ fields: Fields, _ key: String, kind: String, among ids: [String], required: Bool? = nil) -> String? {
        guard let id = fields.string(key, required: required) else { return nil }
        if !ids.contains(id) {
            let suggestion = closestMatch(to: id, in: ids)
            context.error(
                "\(kind) '\(id)' is not defined" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
                at: fields[key]?.location, hint: ids.isEmpty ? "define it first" : "defined \(kind) ids: \(ids.joined(separator: ", "))")
            return nil
        }
        return id
    }

    func decodeRegions(_ top: Fields, countries: [Country], sectors: [Sector]) -> [Region] {
        var seen = Set<String>()
        let codes = countries.map(\.code)
        return top.list("regions").enumerated().compactMap { index, node in
            let probe = node["id"]?.scalarText ?? "#\(index + 1)"
            let fields = Fields(node, context: context, path: "regions.\(probe)", what: "region '\(probe)'", level: ScenarioFormat.region)
            guard fields.isMapping, let id = fields.identifier("id") else { return nil }
            if !seen.insert(id).inserted { context.error("region '\(id)' is defined twice", at: fields["id"]?.location) }
            let country = reference(fields, "country", kind: "country", among: codes) ?? ""
            let regionSectors: [RegionSector] = fields.list("sectors").enumerated().compactMap { sIndex, sNode in
                let sid = sNode["sector"]?.scalarText ?? "#\(sIndex + 1)"
                let sf = Fields(
                    sNode, context: context, path: "regions.\(id).sectors.\(sid)", what: "sector '\(sid)' of region '\(id)'",
                    level: ScenarioFormat.regionSector, inherited: fields.provenance)
                guard sf.isMapping, let sector = reference(sf, "sector", kind: "sector", among: sectors.map(\.id)) else { return nil }
                return RegionSector(
                    sector: sector, output: sf.quantity("output"),
                    employment: sf.quantity("employment"), share: sf.quantity("share"))
            }
            let labour = fields.quantity("labour_force")
            let population = fields.quantity("population")
            if let labour, let population, context.values[labour.slot] > context.values[population.slot] {
                context.error(
                    "the labour force of region '\(id)' exceeds its population", at: fields["labour_force"]?.location,
                    hint: "labour force and population are both in persons")
            }
            return Region(
                id: id, name: fields.string("name") ?? id, country: country, population: population, labourForce: labour,
                unemploymentRate: fields.quantity("unemployment_rate"),
                labourForceGrowth: fields.quantity("labour_force_growth"),
                averageWage: fields.quantity("average_wage"), sectors: regionSectors)
        }
    }

    func yearSeries(_ node: YNode?, fields: Fields, key: String, what: String, horizonFirst: Int?) -> [YearValue] {
        guard let node, !node.isNull else { return [] }
        guard let entries = node.entries else {
            context.error("expected a series by year for \(what), e.g. {2020: 581.0, 2021: 625.2}, found \(node.kindDescription)", at: node.location)
            return []
        }
        var series: [YearValue] = []
        for entry in entries {
            guard let year = Int(entry.key), (1900...2200).contains(year) else {
                context.error("'\(entry.key)' is not a year in \(what)", at: entry.keyLocation, hint: "keys of a series are calendar years, e.g. 2021")
                continue
            }
            if let last = series.last, year <= last.year {
                context.error("years in \(what) must increase; \(year) comes after \(last.year)", at: entry.keyLocation)
                continue
            }
            let name = "\(what) in \(year)"
            if let q = Fields.quantity(
                entry.value, path: "\(fields.child(key)).\(year)", name: name,
                rule: NumberRule(unit: fields.rule(of: key).unit, range: nil), inherited: fields.provenance, context: context)
            {
                series.append(YearValue(year: year, value: q, location: entry.value.location))
            }
        }
        return series
    }

    func decodeLinks(_ top: Fields, countries: [Country], regions: [Region], sectors: [Sector], horizon: ClosedRange<Int>?) -> [TradeLink] {
        var seen = Set<String>()
        let ends = countries.map(\.code) + regions.map(\.id)
        return top.list("links").enumerated().compactMap { index, node in
            let probe = node["id"]?.scalarText ?? "#\(index + 1)"
            let fields = Fields(node, context: context, path: "links.\(probe)", what: "link '\(probe)'", level: ScenarioFormat.link)
            guard fields.isMapping, let id = fields.identifier("id") else { return nil }
            if !seen.insert(id).inserted { context.error("link '\(id)' is defined twice", at: fields["id"]?.location) }
            let from = reference(fields, "from", kind: "country or region", among: ends) ?? ""
            let to = reference(fields, "to", kind: "country or region", among: ends) ?? ""
            if !from.isEmpty, from == to { context.error("link '\(id)' goes from '\(from)' to itself", at: fields["to"]?.location) }
            let sectorIds = ["all"] + sectors.map(\.id)
            var flowKeys = Set<String>()
            let flows: [TradeFlow] = fields.list("flows").enumerated().compactMap { fIndex, fNode in
                let label = "\(fNode["sector"]?.scalarText ?? "?")/\(fNode["direction"]?.scalarText ?? "?")"
                let ff = Fields(
                    fNode, context: context, path: "links.\(id).flows.\(fIndex)", what: "flow \(label) of link '\(id)'",
                    level: ScenarioFormat.flow, inherited: fields.provenance)
                guard ff.isMapping, let sector = reference(ff, "sector", kind: "sector", among: sectorIds) else { return nil }
                guard let directionText = ff.string("direction") else { return nil }
                guard let direction = FlowDirection(rawValue: directionText) else {
                    let s = closestMatch(to: directionText, in: FlowDirection.allCases.map(\.rawValue))
                    context.error(
                        "unknown direction '\(directionText)'" + (s.map { "; did you mean '\($0)'?" } ?? ""), at: ff["direction"]?.location,
                        hint: "'export' goes from '\(from)' to '\(to)', 'import' the other way")
                    return nil
                }
                if !flowKeys.insert("\(sector)/\(direction)").inserted {
                    context.error(
                        "link '\(id)' has two \(direction.rawValue) flows of sector '\(sector)'", at: fNode.location, hint: "merge them into one flow")
                }
                let history = yearSeries(
                    ff["history"], fields: ff, key: "history", what: "the \(direction.rawValue) history of \(sector) on link '\(id)'",
                    horizonFirst: horizon?.lowerBound)
                for entry in history where context.values[entry.value.slot] < 0 {
                    // A negative flow is not silently used: the trade evaluator reports it; here it is only flagged.
                    context.warning(
                        "negative trade value \(format(context.values[entry.value.slot])) in \(entry.year)", at: entry.location,
                        hint: "trade flows are positive amounts; check the sign")
                }
                let baseYear = ff.integer("base_year")
                let baseValue = ff.quantity("value")
                if history.isEmpty && baseValue == nil && ff.isMapping {
                    context.error(
                        "flow \(label) of link '\(id)' needs either 'history' or 'base_year' and 'value'", at: fNode.location,
                        hint: "e.g. history: {2022: 793.0, 2023: 1147.2}, or base_year: 2023 and value: 1147.2")
                }
                if baseValue != nil && baseYear == nil {
                    context.error("flow \(label) of link '\(id)' gives 'value' without 'base_year'", at: ff["value"]?.location, hint: "add 'base_year: YYYY'")
                }
                return TradeFlow(
                    sector: sector, direction: direction, history: history, baseYear: baseYear, baseValue: baseValue,
                    growth: ff.quantity("growth"), tariff: ff.quantity("tariff"),
                    otherImports: ff.quantity("other_imports"), otherTariff: ff.quantity("other_tariff"),
                    location: fNode.location)
            }
            return TradeLink(
                id: id, from: from, to: to, distanceKm: fields.quantity("distance_km"),
                borderCrossingDays: fields.quantity("border_crossing_days"),
                logisticsCostShare: fields.quantity("logistics_cost_share"),
                lossShare: fields.quantity("loss_share"), shadowShare: fields.quantity("shadow_share"),
                zoneShare: fields.quantity("zone_share"), flows: flows,
                turnoverHistory: yearSeries(
                    fields["turnover"], fields: fields, key: "turnover", what: "the turnover of link '\(id)'",
                    horizonFirst: horizon?.lowerBound))
        }
    }

    func decodeZones(_ top: Fields, countries: [Country], regions: [Region], links: [TradeLink], sectors: [Sector], horizon: ClosedRange<Int>?) -> [Zone] {
        var seen = Set<String>()
        return top.list("zones").enumerated().compactMap { index, node in
            let probe = node["id"]?.scalarText ?? "#\(index + 1)"
            let fields = Fields(node, context: context, path: "zones.\(probe)", what: "zone '\(probe)'", level: ScenarioFormat.zone)
            guard fields.isMapping, let id = fields.identifier("id") else { return nil }
            if !seen.insert(id).inserted { context.error("zone '\(id)' is defined twice", at: fields["id"]?.location) }
            var kind = ZoneKind.freeTradeZone
            if let text = fields.string("kind") {
                if let k = ZoneKind(rawValue: text) {
                    kind = k
                } else {
                    let s = closestMatch(to: text, in: ZoneKind.allCases.map(\.rawValue))
                    context.error(
                        "unknown zone kind '\(text)'" + (s.map { "; did you mean '\($0)'?" } ?? ""), at: fields["kind"]?.location,
                        hint: "kinds: " + ZoneKind.allCases.map(\.rawValue).joined(separator: ", "))
                }
            }
            let regionIds = regions.map(\.id)
            var members: [String] = []
            for item in fields.list("regions") {
                guard let rid = item.scalarText else { context.error("expected a region id, found \(item.kindDescription)", at: item.location); continue }
                if regionIds.contains(rid) {
                    members.append(rid)
                } else {
                    let s = closestMatch(to: rid, in: regionIds)
                    context.error(
                        "region '\(rid)' is not defined" + (s.map { "; did you mean '\($0)'?" } ?? ""), at: item.location,
                        hint: "defined regions: \(regionIds.joined(separator: ", "))")
                }
            }
            let memberCountries = Set(members.compactMap { m in regions.first { $0.id == m }?.country })
            if members.count == fields.list("regions").count, !members.isEmpty {
                if kind == .growthTriangle, memberCountries.count < 3 {
                    context.error(
                        "a growth triangle needs regions in at least three countries; zone '\(id)' has \(memberCountries.count) (\(memberCountries.sorted().joined(separator: ", ")))",
                        at: fields["regions"]?.location, hint: "add a region of a third country, or choose kind 'cross_border_free_economic_zone'")
                } else if memberCountries.count < 2 {
                    context.error(
                        "zone '\(id)' is cross-border but all its regions are in \(memberCountries.first ?? "one country")",
                        at: fields["regions"]?.location, hint: "add a region across the border")
                }
            }
            let parties = decodeParties(fields, zone: id, memberCountries: memberCountries, membersSound: members.count == fields.list("regions").count)
            let stageNodes = fields.list("stages")
            let stages = stageNodes.enumerated().compactMap { sIndex, sNode in
                decodeStage(sNode, index: sIndex, zone: id, parent: fields, countries: countries, links: links, sectors: sectors, horizon: horizon)
            }
            if stages.count < stageNodes.count { context.zonesWithUnreadStages.insert(id) }
            var stageIds = Set<String>()
            for stage in stages where !stageIds.insert(stage.id).inserted {
                context.error("stage '\(stage.id)' is defined twice in zone '\(id)'", at: stage.location)
            }
            for stage in stages {
                if case .after(let other, _) = stage.start, !stageIds.contains(other) {
                    let s = closestMatch(to: other, in: stageIds)
                    context.error(
                        "stage '\(stage.id)' starts after stage '\(other)', which zone '\(id)' does not have" + (s.map { "; did you mean '\($0)'?" } ?? ""),
                        at: stage.location)
                }
            }
            let investment: [Investment] = fields.list("investment").enumerated().compactMap { iIndex, iNode in
                let inf = Fields(
                    iNode, context: context, path: "zones.\(id).investment.\(iIndex)", what: "investment line #\(iIndex + 1) of zone '\(id)'",
                    level: ScenarioFormat.investment, inherited: fields.provenance)
                guard inf.isMapping else { return nil }
                let year = inf.integer("year")
                if let year, let horizon, !horizon.contains(year) {
                    context.error("investment in \(year) is outside the horizon \(horizon.lowerBound)–\(horizon.upperBound)", at: inf["year"]?.location)
                }
                // Checked against every country and region first; membership only when the zone's own
                // region list is sound, so one misspelt member does not cascade into every investment line.
                let membersSound = members.count == fields.list("regions").count
                var country = reference(inf, "country", kind: "country", among: countries.map(\.code))
                if let c = country, membersSound, !memberCountries.contains(c) {
                    context.error(
                        "country '\(c)' has no region in zone '\(id)'", at: inf["country"]?.location,
                        hint:
                            "the zone's regions are in \(memberCountries.sorted().joined(separator: ", ")); add a region of \(c) to 'regions', or change the country"
                    )
                    country = nil
                }
                var region = reference(inf, "region", kind: "region", among: regions.map(\.id))
                if let r = region, membersSound, !members.contains(r) {
                    context.error(
                        "region '\(r)' is not a member of zone '\(id)'", at: inf["region"]?.location,
                        hint: "members: \(members.joined(separator: ", ")); add it to the zone's 'regions', or change the region")
                    region = nil
                }
                let sector = reference(inf, "sector", kind: "sector", among: sectors.map(\.id))
                let amount = inf.quantity("amount")
                guard let year, let country, let sector, let amount else { return nil }
                if let region, let r = regions.first(where: { $0.id == region }), r.country != country {
                    context.error("region '\(region)' is in \(r.country), not \(country)", at: inf["region"]?.location)
                }
                return Investment(
                    year: year, country: country, region: region, sector: sector, amount: amount,
                    equipmentShare: inf.quantity("equipment_share"), landHectares: inf.quantity("land_ha"),
                    existing: inf.bool("existing") ?? false, location: iNode.location)
            }
            return Zone(
                id: id, name: fields.string("name") ?? id, kind: kind, regions: members, parties: parties,
                areaHectares: fields.quantity("area_ha"), stages: stages, investment: investment, location: node.location)
        }
    }

    /// The zone's `parties`: country codes of member regions, each once; the member regions'
    /// countries (sorted) when the key is absent.
    func decodeParties(_ fields: Fields, zone id: String, memberCountries: Set<String>, membersSound: Bool) -> [String] {
        guard fields["parties"] != nil else { return memberCountries.sorted() }
        var parties: [String] = []
        for item in fields.list("parties") {
            guard let code = item.scalarText, !item.isNull else {
                context.error("expected a country code in 'parties' of zone '\(id)', found \(item.kindDescription)", at: item.location)
                continue
            }
            if parties.contains(code) {
                context.error("country '\(code)' is listed twice in 'parties' of zone '\(id)'", at: item.location, hint: "remove the repeated code")
            } else if membersSound, !memberCountries.contains(code) {
                let s = closestMatch(to: code, in: memberCountries)
                context.error(
                    "party '\(code)' of zone '\(id)' has no member region" + (s.map { "; did you mean '\($0)'?" } ?? ""), at: item.location,
                    hint:
                        "parties are countries of the zone's regions (\(memberCountries.sorted().joined(separator: ", "))); a party needs a region in 'regions'"
                )
            } else {
                parties.append(code)
            }
        }
        if parties.isEmpty, membersSound {
            context.error(
                "zone '\(id)' lists no parties", at: fields["parties"]?.location,
                hint:
                    "name the countries whose treasuries fund the zone, e.g. parties: [\(memberCountries.sorted().first ?? "KZ")], or remove the key to take every member region's country"
            )
        }
        return parties
    }

    func decodeStage(
        _ node: YNode, index: Int, zone: String, parent: Fields, countries: [Country], links: [TradeLink], sectors: [Sector],
        horizon: ClosedRange<Int>?
    ) -> Stage? {
        let probe = node["id"]?.scalarText ?? "#\(index + 1)"
        let path = "zones.\(zone).stages.\(probe)"
        let fields = Fields(
            node, context: context, path: path, what: "stage '\(probe)' of zone '\(zone)'", level: ScenarioFormat.stage, inherited: parent.provenance)
        guard fields.isMapping, let id = fields.identifier("id") else { return nil }
        var start: StageStart?
        if let startNode = fields.requireKey("start") {
            if case .scalar = startNode.value {
                if let year = Fields.integer(startNode, what: "'start' of stage '\(id)'", context: context, range: ScenarioFormat.years) { start = .year(year) }
            } else {
                let sf = Fields(
                    startNode, context: context, path: "\(path).start", what: "'start' of stage '\(id)'", level: ScenarioFormat.start,
                    inherited: fields.provenance)
                if let after = sf.string("after") {
                    start = .after(stage: after, lag: sf.integer("lag") ?? 0)
                } else if let amount = sf.quantity("infrastructure_spending") {
                    start = .infrastructureSpending(amount: amount, earliest: sf.integer("earliest"))
                } else if let year = sf.integer("year") {
                    start = .year(year)
                } else if sf.isMapping {
                    let asNumber = ["value", "uniform", "triangular", "normal"].contains { startNode[$0] != nil }
                    context.error(
                        "'start' of stage '\(id)' needs 'year', 'after' or 'infrastructure_spending'", at: startNode.location,
                        hint: asNumber
                            ? "a start year is a whole number and cannot carry a distribution: write start: 2026; to make the timing uncertain, start the stage on infrastructure_spending with a distribution"
                            : "e.g. start: 2026, start: {after: free_trade}, or start: {infrastructure_spending: 300, earliest: 2027}")
                }
            }
        }
        let end = fields.integer("end")
        let duration = fields.integer("duration")
        if end != nil && duration != nil {
            context.error("stage '\(id)' gives both 'end' and 'duration'", at: fields["duration"]?.location, hint: "keep one of them")
        }
        if case .year(let first)? = start, let end, end < first {
            context.error("stage '\(id)' ends (\(end)) before it starts (\(first))", at: fields["end"]?.location)
        }
        if let horizon {
            if case .year(let first)? = start, !horizon.contains(first) {
                context.error(
                    "stage '\(id)' starts in \(first), outside the horizon \(horizon.lowerBound)–\(horizon.upperBound)", at: fields["start"]?.location,
                    hint: "move the stage into the horizon, or widen 'horizon'")
            }
            if let end, !horizon.contains(end) {
                context.error(
                    "stage '\(id)' ends in \(end), outside the horizon \(horizon.lowerBound)–\(horizon.upperBound)", at: fields["end"]?.location,
                    hint: "move the stage into the horizon, or widen 'horizon'")
            }
        }
        let measures =
            fields["measures"].map {
                decodeMeasures($0, path: "\(path).measures", stage: id, parent: fields, countries: countries, links: links, sectors: sectors)
            } ?? .none
        let incentives = fields["incentives"].map { decodeIncentives($0, path: "\(path).incentives", stage: id, parent: fields) } ?? .none
        guard let start else { return nil }
        return Stage(
            id: id, name: fields.string("name") ?? id, start: start, end: end, duration: duration, measures: measures,
            incentives: incentives, location: node.location)
    }

    func decodeMeasures(_ node: YNode, path: String, stage: String, parent: Fields, countries: [Country], links: [TradeLink], sectors: [Sector]) -> Measures {
        let fields = Fields(
            node, context: context, path: path, what: "measures of stage '\(stage)'", level: ScenarioFormat.measures, inherited: parent.provenance)
        let linkIds = links.map(\.id)
        func items(_ key: String, _ level: FormatLevel, _ body: (Fields, YNode) -> Void) {
            for (i, item) in fields.list(key).enumerated() {
                let f = Fields(
                    item, context: context, path: "\(path).\(key).\(i)", what: "\(key) measure #\(i + 1) of stage '\(stage)'",
                    level: level, inherited: fields.provenance)
                if f.isMapping { body(f, item) }
            }
        }
        var m = Measures.none
        items("tariffs", ScenarioFormat.tariff) { f, item in
            let link = f["link"] == nil ? nil : reference(f, "link", kind: "link", among: linkIds)
            let sector = f["sector"] == nil ? nil : reference(f, "sector", kind: "sector", among: sectors.map(\.id))
            let direction = f.string("direction").flatMap { text -> FlowDirection? in
                guard let d = FlowDirection(rawValue: text) else {
                    context.error("unknown direction '\(text)'", at: f["direction"]?.location, hint: "'export' or 'import'")
                    return nil
                }
                return d
            }
            guard let ruleText = f.string("rule") else { return }
            let rule: TariffRule?
            switch ruleText {
            case "new_rate": rule = f.quantity("rate", required: true).map(TariffRule.newRate)
            case "maximum_rate": rule = f.quantity("rate", required: true).map(TariffRule.maximumRate)
            case "linear_cut": rule = f.quantity("cut", required: true).map(TariffRule.linearCut)
            case "swiss": rule = f.quantity("a", required: true).map(TariffRule.swiss)
            default:
                let s = closestMatch(to: ruleText, in: ScenarioFormat.tariffRules)
                context.error(
                    "unknown tariff rule '\(ruleText)'" + (s.map { "; did you mean '\($0)'?" } ?? ""), at: f["rule"]?.location,
                    hint: "rules (WITS-SMART): " + ScenarioFormat.tariffRules.joined(separator: ", "))
                rule = nil
            }
            if let rule { m.tariffs.append(TariffChange(link: link, sector: sector, direction: direction, rule: rule, location: item.location)) }
        }
        items("border_time", ScenarioFormat.borderTime) { f, item in
            if let link = reference(f, "link", kind: "link", among: linkIds), let days = f.quantity("days") {
                m.borderTime.append(BorderTimeChange(link: link, days: days, location: item.location))
            }
        }
        items("logistics_cost", ScenarioFormat.logistics) { f, item in
            if let link = reference(f, "link", kind: "link", among: linkIds), let share = f.quantity("cost_share") {
                m.logisticsCost.append(LogisticsCostChange(link: link, costShare: share, location: item.location))
            }
        }
        items("storage", ScenarioFormat.storage) { f, item in
            let sector = f["sector"] == nil ? nil : reference(f, "sector", kind: "sector", among: sectors.map(\.id))
            if let link = reference(f, "link", kind: "link", among: linkIds), let loss = f.quantity("loss_share") {
                m.storage.append(
                    StorageMeasure(
                        link: link, sector: sector, lossShare: loss,
                        capacityTonnes: f.quantity("capacity_tonnes"),
                        location: item.location))
            }
        }
        items("shadow_trade", ScenarioFormat.shadow) { f, item in
            if let link = reference(f, "link", kind: "link", among: linkIds), let share = f.quantity("shadow_share") {
                m.shadowTrade.append(ShadowTradeMeasure(link: link, shadowShare: share, location: item.location))
            }
        }
        items("infrastructure", ScenarioFormat.infrastructure) { f, item in
            if let country = reference(f, "country", kind: "country", among: countries.map(\.code)),
                let amount = f.quantity("amount_per_year")
            {
                m.infrastructure.append(
                    InfrastructureSpending(
                        country: country, amountPerYear: amount,
                        runningCostPerYear: f.quantity("running_cost_per_year"), location: item.location))
            }
        }
        return m
    }

    func decodeIncentives(_ node: YNode, path: String, stage: String, parent: Fields) -> Incentives {
        let f = Fields(
            node, context: context, path: path, what: "incentives of stage '\(stage)'", level: ScenarioFormat.incentives, inherited: parent.provenance)
        return Incentives(
            incomeTaxHolidayYears: f.quantity("income_tax_holiday_years"),
            corporateIncomeTaxRate: f.quantity("corporate_income_tax_rate"),
            propertyTaxRate: f.quantity("property_tax_rate"),
            landTax: f.quantity("land_tax"),
            inputDutyExemption: f.quantity("input_duty_exemption"),
            equipmentDutyExemption: f.quantity("equipment_duty_exemption"),
            landRentExemption: f.quantity("land_rent_exemption"),
            infrastructureReimbursement: f.quantity("infrastructure_reimbursement"),
            vatDiscount: f.quantity("vat_discount"),
            dutyDiscount: f.quantity("duty_discount"))
    }

    func decodeEvaluators(_ top: Fields) -> [EvaluatorSelection] {
        guard let node = top["evaluators"], !node.isNull else { return [] }
        guard let entries = node.entries else {
            context.error(
                "expected a mapping of evaluator ids to parameter overrides, found \(node.kindDescription)", at: node.location,
                hint: "e.g. evaluators: {staged_incentives: {semi_elasticity: -3.3}, employment: {}}")
            return []
        }
        return entries.map { entry in
            var overrides: [ParameterOverride] = []
            if !entry.value.isNull {
                let f = Fields(
                    entry.value, context: context, path: "evaluators.\(entry.key)", what: "parameters of evaluator '\(entry.key)'",
                    allowed: (entry.value.entries ?? []).map(\.key), carriesProvenance: false)
                for p in entry.value.entries ?? [] {
                    if case .scalar(let text, _) = p.value.value, Fields.parseNumber(text) == nil, !p.value.isNull, !text.hasSuffix("%") {
                        overrides.append(ParameterOverride(name: p.key, location: p.keyLocation, value: .text(text, p.value.location)))
                    } else if let q = Fields.quantity(
                        p.value, path: f.child(p.key), name: "parameter '\(p.key)' of '\(entry.key)'",
                        rule: .any, inherited: .unspecified, context: context)
                    {
                        overrides.append(ParameterOverride(name: p.key, location: p.keyLocation, value: .number(q)))
                    }
                }
            }
            return EvaluatorSelection(id: entry.key, location: entry.keyLocation, parameters: overrides)
        }
    }

    func decodeLevers(_ top: Fields, root: YNode) -> [Lever] {
        var seen = Set<String>()
        return top.list("levers").enumerated().compactMap { index, node in
            let f = Fields(node, context: context, path: "levers.\(index)", what: "lever #\(index + 1)", level: ScenarioFormat.lever)
            guard f.isMapping, let id = f.identifier("id"), let path = f.string("path") else { return nil }
            if !seen.insert(id).inserted { context.error("lever '\(id)' is defined twice", at: f["id"]?.location) }
            guard let min = f["min"].flatMap({ Fields.number($0, name: "'min' of lever '\(id)'", context: context) }),
                let max = f["max"].flatMap({ Fields.number($0, name: "'max' of lever '\(id)'", context: context) })
            else {
                if f["min"] == nil || f["max"] == nil { context.error("lever '\(id)' needs 'min' and 'max'", at: node.location) }
                return nil
            }
            let step = f["step"].flatMap { Fields.number($0, name: "'step' of lever '\(id)'", context: context) } ?? (max - min) / 100
            if min >= max { context.error("lever '\(id)' has min \(format(min)) ≥ max \(format(max))", at: f["max"]?.location) }
            if step <= 0 { context.error("lever '\(id)' needs a positive 'step'", at: f["step"]?.location) }
            let lever = Lever(id: id, label: f.string("label") ?? id, path: path, min: min, max: max, step: step, location: node.location)
            switch TreePath.resolve(path, in: root) {
            case .success(let target):
                if let current = target.scalarText.flatMap(Fields.parseNumber) ?? target["value"]?.scalarText.flatMap(Fields.parseNumber),
                    !lever.contains(current)
                {
                    context.error(
                        "lever '\(id)' has min \(format(min)) and max \(format(max)), but the scenario's value \(format(current)) lies outside",
                        at: f["path"]?.location, hint: "widen the lever's bounds or change the value")
                }
            case .failure(let message):
                context.error("lever '\(id)' points at '\(path)', which \(message.text)", at: f["path"]?.location, hint: message.hint)
            }
            return lever
        }
    }
}
