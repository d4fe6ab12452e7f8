/// The levels that describe places and trade: countries with their fiscal regimes and trade
/// totals, regions with their sectors, links with their flows.
extension ScenarioFormat {
    public static let country = FormatLevel(
        "country", title: "countries item", anchor: "countries", provenance: true, partial: true, identity: ["code"],
        fields: [
            FormatField(
                "code", .text(pattern: "^[A-Z]{2}$"), required: .yes,
                doc: "ISO 3166-1 alpha-2 code (two capital letters); kept as text, so `NO` stays \"NO\".", example: "code: UZ"),
            FormatField("name", .text(), default: "the code", doc: "Display name.", example: "name: Uzbekistan"),
            FormatField(
                "fiscal", .mapping("fiscal"), default: "no taxes given", doc: "The baseline fiscal regime, before any zone incentive.",
                example: "fiscal: {source: pwc, corporate_income_tax: 0.15}"),
            FormatField(
                "trade_totals", .mapping("tradeTotals"), default: "none (complementarity is not measured)",
                doc: "The country's total exports and imports (with all partners) by sector, for the zone fit's complementarity index.",
                example: "trade_totals: {year: 2022, exports: {agriculture: 2100}, imports: {agriculture: 3500}}"),
        ])

    public static let fiscal = FormatLevel(
        "fiscal", title: "fiscal (of a country)", anchor: "fiscal", provenance: true, partial: true,
        fields: [
            FormatField("corporate_income_tax", .number(.rate), doc: "Corporate income tax rate on profits.", example: "corporate_income_tax: 0.15"),
            FormatField("property_tax", .number(.rate), doc: "Property tax rate on the book value of assets, per year.", example: "property_tax: 0.015"),
            FormatField(
                "land_tax", .number(.moneyPerHectare), doc: "Land tax, millions per hectare per year (0.0005 = 500 a hectare).", example: "land_tax: 0.0005"),
            FormatField("vat", .number(.rate), doc: "Value-added tax rate.", example: "vat: 0.12"),
            FormatField(
                "land_rent", .number(.moneyPerHectare), doc: "Land rent charged by the state, millions per hectare per year.", example: "land_rent: 0.001"),
            FormatField(
                "import_duty", .number(.rate), doc: "Import duty rate on goods of a sector not listed in `import_duty_by_sector`.", example: "import_duty: 0.10"
            ),
            FormatField(
                "import_duty_by_sector", .bySector(.rate, definition: "dutiesBySector"),
                doc: "Import duty rates by sector id (a mapping of sector id to rate; may carry provenance keys).",
                example: "import_duty_by_sector: {agriculture: 0.15, textiles: 0.10}"),
            FormatField("equipment_duty", .number(.rate), doc: "Import duty rate on equipment.", example: "equipment_duty: 0.05"),
            FormatField(
                "wage_tax", .number(.rate), doc: "Personal income tax and social contributions on wages, as a share of the wage.", example: "wage_tax: 0.24"),
        ])

    public static let tradeTotals = FormatLevel(
        "tradeTotals", title: "trade_totals (of a country)", anchor: "trade_totals", provenance: true, partial: true,
        fields: [
            FormatField("year", .year, doc: "The year of the statistics.", example: "year: 2022"),
            FormatField(
                "exports", .bySector(.moneyPerYear, definition: "amountsBySector"), required: .yes,
                doc: "Total exports by sector: every sector of the scenario, 0 for one the country does not export.",
                example: "exports: {agriculture: 2100, textiles: 3200}"),
            FormatField(
                "imports", .bySector(.moneyPerYear, definition: "amountsBySector"), required: .yes,
                doc: "Total imports by sector, every sector of the scenario.", example: "imports: {agriculture: 3500, textiles: 900}"),
        ])

    public static let region = FormatLevel(
        "region", title: "regions item", anchor: "regions", provenance: true, partial: true, identity: ["id"],
        fields: [
            FormatField("id", .id, required: .yes, doc: "Identifier.", example: "id: fergana"),
            FormatField("name", .text(), default: "the id", doc: "Display name.", example: "name: Fergana region"),
            FormatField("country", .reference("country code"), required: .yes, doc: "Code of a country in `countries`.", example: "country: UZ"),
            FormatField("population", .number(.persons), doc: "Residents.", example: "population: 3_900_000"),
            FormatField("labour_force", .number(.persons), doc: "Labour force; not more than `population`.", example: "labour_force: 1_700_000"),
            FormatField("unemployment_rate", .number(.share), doc: "Unemployment rate, fraction of the labour force.", example: "unemployment_rate: 0.09"),
            FormatField("labour_force_growth", .number(.growth), doc: "Growth of the labour force per year.", example: "labour_force_growth: 0.015"),
            FormatField("average_wage", .number(.wage), doc: "Average wage, thousands of the currency per job-year.", example: "average_wage: 3.0"),
            FormatField(
                "sectors", .list("regionSector"), default: "none", doc: "The region's output and employment by sector.",
                example: "sectors: [{sector: textiles, output: 1100}]"),
        ])

    public static let regionSector = FormatLevel(
        "regionSector", title: "sectors item of a region", anchor: "region-sectors", provenance: true, partial: true, identity: ["sector"],
        fields: [
            FormatField("sector", .reference("sector id"), required: .yes, doc: "Id of a sector in `sectors`.", example: "sector: textiles"),
            FormatField("output", .number(.moneyPerYear), doc: "Gross output or value added, millions per year.", example: "output: 1100"),
            FormatField("employment", .number(.persons), doc: "Employment in the sector.", example: "employment: 110000"),
            FormatField(
                "share", .number(.share), doc: "Share of the region's value added produced in the sector.",
                example: "share: {value: 0.504, source: book, at: \"zones chapter, text after Table 2\"}"),
        ])

    public static let link = FormatLevel(
        "link", title: "links item", anchor: "links", provenance: true, partial: true, identity: ["id"],
        fields: [
            FormatField("id", .id, required: .yes, doc: "Identifier.", example: "id: kz_kg"),
            FormatField(
                "from", .reference("country code or region id"), required: .yes, doc: "A country code or region id; exports go from here to `to`.",
                example: "from: KZ"),
            FormatField(
                "to", .reference("country code or region id"), required: .yes, doc: "The other end (a country code or region id, not `from`).",
                example: "to: KG"),
            FormatField(
                "distance_km", .number(.kilometres), doc: "Road distance.",
                example: "distance_km: {value: 33, source: book, at: \"zones chapter, on the Tashkent–Sughd zone\"}"),
            FormatField("border_crossing_days", .number(.days), doc: "Time to cross the border, days.", example: "border_crossing_days: 1.5"),
            FormatField(
                "logistics_cost_share", .number(.share), doc: "Logistics cost as a share of the goods' value (ad valorem).",
                example: "logistics_cost_share: 0.12"),
            FormatField("loss_share", .number(.share), doc: "Share of perishable goods lost between field and market.", example: "loss_share: 0.25"),
            FormatField("shadow_share", .number(.share), doc: "Share of true trade that is unrecorded (shadow trade).", example: "shadow_share: 0.3"),
            FormatField(
                "zone_share", .number(.share), required: .when("on a link with a country at an end that a zone measure names"),
                doc:
                    "The share of the link's trade that the zone's regions produce or that crosses at the zone. Only this share of the link's trade gains makes jobs in the zone's regions (Docs/methodology/employment.md#allocation-to-regions); without it, a measure naming the link is an error.",
                example: "zone_share: {value: 0.35, assumption: \"…\"}"),
            FormatField(
                "turnover", .series(.moneyPerYear),
                doc: "Reported turnover by year, to check against exports + imports (a mismatch is reported by the trade evaluator).",
                example: "turnover: {2022: 1246.9, 2023: 1688.1}"),
            FormatField(
                "flows", .list("flow"), default: "none", doc: "Trade by sector and direction.",
                example: "flows: [{sector: all, direction: export, history: {2023: 1147.2}}]"),
        ])

    public static let flow = FormatLevel(
        "flow", title: "flows item of a link", anchor: "flows", provenance: true, partial: true, identity: ["sector", "direction"],
        fields: [
            FormatField("sector", .reference("sector id or `all`"), required: .yes, doc: "A sector id, or `all` for total trade.", example: "sector: all"),
            FormatField(
                "direction", .choice(FlowDirection.allCases.map(\.rawValue)), required: .yes,
                doc: "`export` (from → to) or `import` (to → from); one flow per sector and direction.", example: "direction: export"),
            FormatField(
                "history", .series(.moneyPerYear), default: "none", doc: "Recorded values by year (years increasing); negative values are warned about.",
                example: "history: {2020: 581.0, 2021: 625.2}"),
            FormatField("base_year", .year, required: .when("with `value`"), doc: "Year of `value`; needed with `value`.", example: "base_year: 2023"),
            FormatField(
                "value", .number(.moneyPerYear), doc: "The flow in `base_year`; a flow needs `history` or `base_year` + `value`.", example: "value: 60"),
            FormatField(
                "growth", .number(.growth), default: "the history's compound growth", doc: "Growth per year for the projection.",
                example: "growth: {value: 0.05, triangular: [0.02, 0.05, 0.09], assumption: \"…\"}"),
            FormatField(
                "tariff", .number(.rate), default: "the importer's duty on the sector", doc: "The importer's baseline tariff on this flow.",
                example: "tariff: 0.05"),
            FormatField(
                "other_imports", .number(.moneyPerYear), doc: "The importer's imports of this sector from everyone else, millions per year.",
                example: "other_imports: 150"),
            FormatField(
                "other_tariff", .number(.rate), default: "`tariff`", doc: "The importer's tariff on those other imports.", example: "other_tariff: 0.10"),
        ])
}
