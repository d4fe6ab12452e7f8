/// The levels that describe zones: the zone, its stages with their starts, measures and
/// incentives, and its investment programme.
extension ScenarioFormat {
    /// The WITS-SMART tariff rules, as `rule:` takes them.
    static let tariffRules = ["new_rate", "maximum_rate", "linear_cut", "swiss"]

    /// The rule of the Swiss formula's `a`.
    static let swissA = NumberRule(unit: .fraction, range: 0.000001...10, rangeHint: "WITS's a = 16 points is 0.16 as a fraction")

    public static let zone = FormatLevel(
        "zone", title: "zones item", anchor: "zones", provenance: true, partial: true, identity: ["id"],
        fields: [
            FormatField("id", .id, required: .yes, doc: "Identifier.", example: "id: fbs"),
            FormatField("name", .text(), default: "the id", doc: "Display name.", example: "name: Fergana–Batken–Sughd growth triangle"),
            FormatField(
                "kind", .choice(ZoneKind.allCases.map(\.rawValue), label: "one of the [zone kinds](#zones)"), required: .yes,
                doc: "`free_trade_zone`, `cross_border_economic_zone`, `cross_border_free_economic_zone` or `growth_triangle`.",
                example: "kind: growth_triangle"),
            FormatField(
                "regions", .texts("list of region ids"), required: .yes,
                doc: "Member region ids: regions of at least two countries (three for a growth triangle).", example: "regions: [fergana, batken, sughd]"),
            FormatField(
                "parties", .texts("list of country codes"), default: "the member regions' countries",
                doc:
                    "The countries party to the zone, each with a member region. The appraisal (`employment`, `cost_benefit`) counts their jobs, treasuries and benefits; other countries' are reported on their own lines and kept out of the headlines.",
                example: "parties: [KZ]"),
            FormatField(
                "area_ha", .number(.hectares), doc: "Area of the zone.",
                example: "area_ha: {value: 4591.5, source: book, at: \"zones chapter, on the Khorgos–Eastern Gate FEZ\"}"),
            FormatField(
                "stages", .list("stage"), required: .yes, doc: "The stages of the zone, in order.",
                example: "stages: [{id: free_trade, start: 2026, end: 2029}]"),
            FormatField(
                "investment", .list("investment"), default: "none", doc: "The private investment programme.",
                example: "investment: [{year: 2030, country: UZ, sector: textiles, amount: 40}]"),
        ])

    public static let stage = FormatLevel(
        "stage", title: "stages item of a zone", anchor: "stages", provenance: true, partial: true, identity: ["id"],
        fields: [
            FormatField("id", .id, required: .yes, doc: "Identifier, unique in the zone.", example: "id: investment"),
            FormatField("name", .text(), default: "the id", doc: "Display name.", example: "name: \"Stage 2: private investment\""),
            FormatField(
                "start", .stageStart, required: .yes,
                doc:
                    "A year, or a mapping: `{year: Y}`, `{after: STAGE, lag: N}` or `{infrastructure_spending: AMOUNT, earliest: Y}`; see \"Stage starts and ends\".",
                example: "start: {after: free_trade}"),
            FormatField(
                "end", .year, default: "see \"Stage starts and ends\"", doc: "Last year of the stage (inside the horizon); not with `duration`.",
                example: "end: 2029"),
            FormatField(
                "duration", .wholeNumber(1...100), default: "see \"Stage starts and ends\"", doc: "Length in years (1–100), instead of `end`.",
                example: "duration: 6"),
            FormatField(
                "measures", .mapping("measures"), default: "none", doc: "Trade and infrastructure measures taking effect in the stage.",
                example: "measures: {border_time: [{link: uz_kg, days: 0.5}]}"),
            FormatField(
                "incentives", .mapping("incentives"), default: "the baseline regime", doc: "The incentive package for zone residents during the stage.",
                example: "incentives: {income_tax_holiday_years: 3}"),
        ],
        extras: [
            ("not", .object([("required", .array([.string("end"), .string("duration")])), ("description", .string("give 'end' or 'duration', not both"))]))
        ])

    public static let start = FormatLevel(
        "start", title: "start of a stage, as a mapping", anchor: "start", provenance: true, partial: true,
        fields: [
            FormatField("year", .year, doc: "The stage starts in this year (same as `start: Y`).", example: "start: {year: 2030}"),
            FormatField(
                "after", .reference("stage id"), doc: "Id of another stage of the same zone: this one starts the year after it ends (plus `lag`).",
                example: "start: {after: free_trade}"),
            FormatField(
                "lag", .wholeNumber(0...100), default: "0", doc: "Years between the end of the `after` stage and this start (0–100).",
                example: "start: {after: investment, lag: 1}"),
            FormatField(
                "infrastructure_spending", .number(.money),
                doc: "The stage starts in the first year after the zone's cumulative public infrastructure spending reaches this amount (millions).",
                example: "start: {infrastructure_spending: 200, earliest: 2029}"),
            FormatField(
                "earliest", .year, default: "the first year of the horizon", doc: "With `infrastructure_spending`: not before this year.",
                example: "earliest: 2029"),
        ],
        extras: [("anyOf", .array(["year", "after", "infrastructure_spending"].map { .object([("required", .array([.string($0)]))]) }))])

    public static let measures = FormatLevel(
        "measures", title: "measures of a stage", anchor: "measures", provenance: true, partial: true,
        fields: [
            FormatField(
                "tariffs", .list("tariff"), default: "none", doc: "Tariff changes by the WITS-SMART rules.", example: "tariffs: [{rule: new_rate, rate: 0}]"),
            FormatField(
                "border_time", .list("borderTime"), default: "none", doc: "New border crossing times.", example: "border_time: [{link: uz_kg, days: 0.5}]"),
            FormatField(
                "logistics_cost", .list("logistics"), default: "none", doc: "New logistics costs.", example: "logistics_cost: [{link: uz_kg, cost_share: 0.09}]"
            ),
            FormatField(
                "storage", .list("storage"), default: "none", doc: "Storage that lowers losses of perishables.",
                example: "storage: [{link: uz_kg, loss_share: 0.10}]"),
            FormatField(
                "shadow_trade", .list("shadow"), default: "none", doc: "Formalisation of shadow trade.",
                example: "shadow_trade: [{link: uz_kg, shadow_share: 0.15}]"),
            FormatField(
                "infrastructure", .list("infrastructure"), default: "none", doc: "Public infrastructure spending per year of the stage.",
                example: "infrastructure: [{country: UZ, amount_per_year: 30}]"),
        ])

    public static let tariff = FormatLevel(
        "tariff", title: "tariffs item", anchor: "tariffs", provenance: true, partial: false,
        fields: [
            FormatField("link", .reference("link id"), default: "every link of the zone's countries", doc: "Id of a link.", example: "link: uz_kg"),
            FormatField("sector", .reference("sector id"), default: "every sector", doc: "Id of a sector.", example: "sector: textiles"),
            FormatField(
                "direction", .choice(FlowDirection.allCases.map(\.rawValue)), default: "both", doc: "`export` or `import`.", example: "direction: import"),
            FormatField(
                "rule", .choice(tariffRules, label: "one of the [tariff rules](#tariffs)"), required: .yes,
                doc: "`new_rate`, `maximum_rate`, `linear_cut` or `swiss`.", example: "rule: linear_cut"),
            FormatField(
                "rate", .number(.rate), required: .when("with its rule"),
                doc: "With `new_rate` (the new rate) and `maximum_rate` (rates above it are cut to it); required for these rules.", example: "rate: 0"),
            FormatField(
                "cut", .number(.share), required: .when("with its rule"), doc: "With `linear_cut`: t1 = (1 − cut) · t0; required for this rule.",
                example: "cut: 0.5"),
            FormatField(
                "a", .number(swissA), required: .when("with its rule"),
                doc: "With `swiss`: t1 = a · t0 / (a + t0), a as a fraction (WITS's 16 points = 0.16); required for this rule.", example: "a: 0.16"),
        ],
        extras: [
            (
                "allOf",
                .array(
                    [(["new_rate", "maximum_rate"], "rate"), (["linear_cut"], "cut"), (["swiss"], "a")].map { rules, key in
                        let match: SchemaJSON =
                            rules.count == 1 ? .object([("const", .string(rules[0]))]) : .object([("enum", .array(rules.map(SchemaJSON.string)))])
                        return .object([
                            ("if", .object([("properties", .object([("rule", match)])), ("required", .array([.string("rule")]))])),
                            ("then", .object([("required", .array([.string(key)]))])),
                        ])
                    })
            )
        ])

    public static let borderTime = FormatLevel(
        "borderTime", title: "border_time item", anchor: "border_time", provenance: true, partial: false,
        fields: [
            FormatField("link", .reference("link id"), required: .yes, doc: "Id of a link.", example: "link: uz_kg"),
            FormatField("days", .number(.days), required: .yes, doc: "The new crossing time.", example: "days: 0.5"),
        ])

    public static let logistics = FormatLevel(
        "logistics", title: "logistics_cost item", anchor: "logistics_cost", provenance: true, partial: false,
        fields: [
            FormatField("link", .reference("link id"), required: .yes, doc: "Id of a link.", example: "link: uz_kg"),
            FormatField("cost_share", .number(.share), required: .yes, doc: "The new logistics cost, ad valorem.", example: "cost_share: 0.09"),
        ])

    public static let storage = FormatLevel(
        "storage", title: "storage item", anchor: "storage", provenance: true, partial: false,
        fields: [
            FormatField("link", .reference("link id"), required: .yes, doc: "Id of a link.", example: "link: karasu_corridor"),
            FormatField("sector", .reference("sector id"), default: "every perishable sector", doc: "Id of a sector.", example: "sector: fruit_veg"),
            FormatField("loss_share", .number(.share), required: .yes, doc: "The loss share once the storage works.", example: "loss_share: 0.10"),
            FormatField(
                "capacity_tonnes", .number(NumberRule(unit: .count, range: 0...Double.greatestFiniteMagnitude)),
                doc: "Storage capacity in tonnes (informative).", example: "capacity_tonnes: 50000"),
        ])

    public static let shadow = FormatLevel(
        "shadow", title: "shadow_trade item", anchor: "shadow_trade", provenance: true, partial: false,
        fields: [
            FormatField("link", .reference("link id"), required: .yes, doc: "Id of a link.", example: "link: kz_kg"),
            FormatField("shadow_share", .number(.share), required: .yes, doc: "The unrecorded share once the measure works.", example: "shadow_share: 0.15"),
        ])

    public static let infrastructure = FormatLevel(
        "infrastructure", title: "infrastructure item", anchor: "infrastructure", provenance: true, partial: false,
        fields: [
            FormatField("country", .reference("country code"), required: .yes, doc: "Code of the country paying.", example: "country: UZ"),
            FormatField(
                "amount_per_year", .number(.moneyPerYear), required: .yes, doc: "Capital spending in each year of the stage.", example: "amount_per_year: 30"),
            FormatField("running_cost_per_year", .number(.moneyPerYear), doc: "Running cost per year once built.", example: "running_cost_per_year: 2"),
        ])

    public static let incentives = FormatLevel(
        "incentives", title: "incentives of a stage", anchor: "incentives", provenance: true, partial: true,
        fields: [
            FormatField(
                "income_tax_holiday_years", .number(.years), doc: "Years of full corporate income-tax exemption from a resident's first year.",
                example: "income_tax_holiday_years: 3"),
            FormatField(
                "corporate_income_tax_rate", .number(.rate), default: "the country's rate", doc: "Reduced corporate income-tax rate (after any holiday).",
                example: "corporate_income_tax_rate: 0.05"),
            FormatField(
                "property_tax_rate", .number(.rate), default: "the country's rate", doc: "Property tax rate in the zone.", example: "property_tax_rate: 0"),
            FormatField(
                "land_tax", .number(.moneyPerHectare), default: "the country's land tax", doc: "Land tax in the zone, millions per hectare per year.",
                example: "land_tax: 0"),
            FormatField(
                "input_duty_exemption", .number(.share), default: "0", doc: "Share of import duty on inputs for export production that is waived.",
                example: "input_duty_exemption: 1"),
            FormatField(
                "equipment_duty_exemption", .number(.share), default: "0", doc: "Share of import duty on equipment that is waived.",
                example: "equipment_duty_exemption: 1"),
            FormatField("land_rent_exemption", .number(.share), default: "0", doc: "Share of land rent that is waived.", example: "land_rent_exemption: 1"),
            FormatField(
                "infrastructure_reimbursement", .number(.share), default: "0", doc: "Share of residents' infrastructure costs the state reimburses.",
                example: "infrastructure_reimbursement: 0.5"),
            FormatField("vat_discount", .number(.share), default: "0", doc: "Discount on the VAT rate (0.5 = half the rate).", example: "vat_discount: 0.5"),
            FormatField(
                "duty_discount", .number(.share), default: "0", doc: "Discount on customs duty rates (0.5 = half the rate).", example: "duty_discount: 0.5"),
        ])

    public static let investment = FormatLevel(
        "investment", title: "investment item of a zone", anchor: "investment", provenance: true, partial: false,
        fields: [
            FormatField("year", .year, required: .yes, doc: "Calendar year of the spending, inside the horizon.", example: "year: 2030"),
            FormatField(
                "country", .reference("country code"), required: .yes, doc: "Code of the country side: the country of one of the zone's regions.",
                example: "country: UZ"),
            FormatField("region", .reference("region id"), doc: "Id of a member region of the zone, in `country`.", example: "region: fergana"),
            FormatField("sector", .reference("sector id"), required: .yes, doc: "Id of a sector.", example: "sector: textiles"),
            FormatField("amount", .number(.money), required: .yes, doc: "Private investment, millions.", example: "amount: 40"),
            FormatField("equipment_share", .number(.share), doc: "Share spent on imported equipment.", example: "equipment_share: 0.5"),
            FormatField("land_ha", .number(.hectares), doc: "Land the investment occupies.", example: "land_ha: 40"),
            FormatField(
                "existing", .boolean, default: "false",
                doc:
                    "`true` for capacity already in place in `year`, booked at its value then (e.g. the stock a zone attracted before the horizon). The zone's regime applies to it, so its tax expenditure counts, in full (it is all redundant); it creates no jobs, no equipment duty or infrastructure reimbursement and no investment response, and it is reported as `existing_capacity`, not `investment`.",
                example: "existing: true"),
        ])
}
