/// The top level of a scenario and its small levels: sources, the horizon, sectors and levers.
extension ScenarioFormat {
    public static let top = FormatLevel(
        "top", title: "CoopZone scenario (format 1)", anchor: "top-level", provenance: false, partial: true,
        description:
            "A CoopZone scenario: border regions, trade links and the cooperation zones proposed between them. Reference: Docs/scenario-format.md. The loader ('coopzone validate') checks more than this schema can: references between ids, ranges by unit, stage timelines and levers.",
        fields: [
            FormatField("format", .version(1), default: "1", doc: "Version of the format; only 1 is read.", example: "format: 1"),
            FormatField("title", .text(), required: .yes, doc: "A short title.", example: "title: Surkhandarya–Khatlon border free-trade zone"),
            FormatField(
                "description", .text(), default: "empty", doc: "What the scenario describes, with citations such as (book, zones chapter, Table 2).",
                example: "description: \"Border free-trade zone … (book, zones chapter, Table 2)\""),
            FormatField("authors", .texts("list of text"), default: "none", doc: "Who wrote the scenario.", example: "authors: [CoopZone developers]"),
            FormatField(
                "sources", .list("source"), default: "none", doc: "The sources the numbers cite, each with an id.",
                example: "sources: [{id: book, title: \"Logistics & Diplomacy in Central Asia\"}]"),
            FormatField(
                "extends", .text(), default: "none", doc: "A scenario file this one builds on (path relative to this file); see \"extends\".",
                example: "extends: ../fergana-batken-sughd-growth-triangle.yaml"),
            FormatField(
                "horizon", .mapping("horizon"), required: .yes, doc: "First and last calendar year modelled (at most 101 years).",
                example: "horizon: {first: 2026, last: 2040}"),
            FormatField("price_year", .year, required: .yes, doc: "The year whose prices money values are in (1900–2200).", example: "price_year: 2023"),
            FormatField(
                "currency", .text(pattern: "^[A-Z]{3}$"), default: "USD", doc: "ISO 4217 code of the currency; money is in millions of it.",
                example: "currency: USD"),
            FormatField(
                "discount_rate", .number(.share), required: .yes, doc: "Discount rate for present values, per year.",
                example: "discount_rate: {value: 0.08, source: zhuang2007, at: \"survey of practice\"}"),
            FormatField(
                "sectors", .list("sector"), required: .yes, doc: "Sectors used by regions, flows and investment.",
                example: "sectors: [{id: agriculture, perishable: true}]"),
            FormatField(
                "countries", .list("country"), required: .yes, doc: "Countries and their baseline fiscal regimes.",
                example: "countries: [{code: UZ, name: Uzbekistan}]"),
            FormatField("regions", .list("region"), required: .yes, doc: "Border regions.", example: "regions: [{id: fergana, country: UZ}]"),
            FormatField(
                "input_output", .list("input_output"), default: "none",
                doc: "Input–output tables (national or regional) for multipliers by region and sector; see Docs/input-output.md.",
                example: "input_output: [{id: uz_2022, country: UZ, year: 2022, unit: usd_million, file: io/uzbekistan-2022.csv, …}]"),
            FormatField(
                "links", .list("link"), default: "none", doc: "Trade links between countries or regions.",
                example: "links: [{id: uz_kg, from: fergana, to: batken}]"),
            FormatField("zones", .list("zone"), required: .yes, doc: "The zones proposed.", example: "zones: [{id: fbs, kind: growth_triangle, …}]"),
            FormatField(
                "evaluators", .evaluators, default: "every built-in evaluator",
                doc:
                    "Evaluators to run, each with parameter overrides (a mapping of parameter name to number or text); unknown evaluator ids are reported by `coopzone validate`, unknown parameters when the scenario is run.",
                example: "evaluators: {staged_incentives: {}, employment: {}}"),
            FormatField(
                "levers", .list("lever"), default: "none", doc: "Named, bounded inputs a workshop page shows as sliders.",
                example: "levers: [{id: holiday_years, path: …, min: 0, max: 10}]"),
            FormatField(
                "language", .choice(Language.allCases.map(\.rawValue)), default: "en",
                doc: "The language the workshop page opens in for this scenario (a participant may switch).", example: "language: ru"),
            FormatField(
                "translations", .mapping("translations"), default: "none",
                doc: "The scenario's texts in other languages: title, description, lever labels and names; a text not given stays in English.",
                example: "translations: {ru: {title: \"Треугольник роста Фергана–Баткен–Согд\"}}"),
        ])

    public static let translations = FormatLevel(
        "translations", title: "translations", anchor: "translations", provenance: false, partial: true,
        fields: Language.allCases.filter { $0 != .en }.map { language in
            FormatField(
                language.rawValue, .mapping("translation"), default: "none", doc: "The texts in \(language.englishName) (\(language.rawValue)).",
                example: "\(language.rawValue): {title: …, levers: {holiday_years: …}}")
        })

    public static let translation = FormatLevel(
        "translation", title: "translations of one language", anchor: "translations", provenance: false, partial: true,
        fields: [
            FormatField("title", .text(), default: "the English title", doc: "The title.", example: "title: Треугольник роста"),
            FormatField("description", .text(), default: "the English description", doc: "The description.", example: "description: …"),
            FormatField(
                "levers", .keyed(definition: "textsById", label: "mapping: lever id → label"), default: "none", doc: "Lever labels by lever id.",
                example: "levers: {holiday_years: Налоговые каникулы (лет)}"),
            FormatField(
                "countries", .keyed(definition: "textsById", label: "mapping: country code → name"), default: "none", doc: "Country names by code.",
                example: "countries: {KG: Кыргызстан}"),
            FormatField(
                "regions", .keyed(definition: "textsById", label: "mapping: region id → name"), default: "none", doc: "Region names by region id.",
                example: "regions: {batken: Баткенская область}"),
            FormatField(
                "zones", .keyed(definition: "textsById", label: "mapping: zone id → name"), default: "none", doc: "Zone names by zone id.",
                example: "zones: {fbs: Треугольник роста}"),
            FormatField(
                "sectors", .keyed(definition: "textsById", label: "mapping: sector id → name"), default: "none", doc: "Sector names by sector id.",
                example: "sectors: {agriculture: Сельское хозяйство}"),
        ])

    public static let source = FormatLevel(
        "source", title: "sources item", anchor: "sources", provenance: false, partial: true, identity: ["id"],
        fields: [
            FormatField("id", .id, required: .yes, doc: "Identifier that numbers cite with `source:`.", example: "id: book"),
            FormatField(
                "title", .text(), required: .yes, doc: "The full reference.", example: "title: \"Logistics & Diplomacy in Central Asia (SEFACIL, 2022)\""),
            FormatField(
                "url", .text(), doc: "A public web address of the publication, where one exists (no file paths).", example: "url: https://taxsummaries.pwc.com"),
        ])

    public static let horizon = FormatLevel(
        "horizon", title: "horizon", anchor: "horizon", provenance: false, partial: true,
        fields: [
            FormatField("first", .year, required: .yes, doc: "First year modelled (1900–2200).", example: "first: 2026"),
            FormatField("last", .year, required: .yes, doc: "Last year modelled; not before `first`, at most 100 years after it.", example: "last: 2040"),
        ])

    public static let sector = FormatLevel(
        "sector", title: "sectors item", anchor: "sectors", provenance: false, partial: true, identity: ["id"],
        fields: [
            FormatField("id", .id, required: .yes, doc: "Identifier; `all` is reserved for total trade.", example: "id: agriculture"),
            FormatField("name", .text(), default: "the id", doc: "Display name.", example: "name: Agriculture and food"),
            FormatField(
                "perishable", .boolean, default: "false",
                doc: "True for fruit, vegetables and other goods lost without storage (storage measures act on these).", example: "perishable: true"),
        ])

    public static let lever = FormatLevel(
        "lever", title: "levers item", anchor: "levers", provenance: false, partial: true, identity: ["id"],
        fields: [
            FormatField("id", .id, required: .yes, doc: "Identifier.", example: "id: holiday_years"),
            FormatField("label", .text(), default: "the id", doc: "Label shown next to the slider.", example: "label: Income-tax holiday (years)"),
            FormatField(
                "path", .text(pattern: #"^[^.\s]+(\.[^.\s]+)*$"#), required: .yes,
                doc: "Path of the number it sets, as `--set` takes it; must exist, and its value must lie in [min, max].",
                example: "path: zones.fbs.stages.investment.incentives.income_tax_holiday_years"),
            FormatField("min", .plainNumber, required: .yes, doc: "Lowest value (a plain number).", example: "min: 0"),
            FormatField("max", .plainNumber, required: .yes, doc: "Highest value, above `min`.", example: "max: 10"),
            FormatField("step", .plainNumber, default: "(max − min) / 100", doc: "Slider step, positive.", example: "step: 1"),
        ])
}
