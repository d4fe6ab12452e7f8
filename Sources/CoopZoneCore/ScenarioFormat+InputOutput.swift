/// The input–output tables of a scenario: a national or regional table, from a CSV file beside
/// the scenario or written inline. See Docs/input-output.md.
extension ScenarioFormat {
    public static let inputOutput = FormatLevel(
        "input_output", title: "input_output item", anchor: "input_output", provenance: true, partial: true, identity: ["id"],
        description:
            "An input–output table of a country (national) or of a region, in USD million: intermediate flows or technical coefficients, labour income, value added, employment, gross output and household consumption. `employment` computes Type I and Type II multipliers by region and sector from it (Docs/input-output.md).",
        fields: [
            FormatField("id", .id, required: .yes, doc: "Identifier.", example: "id: uz_2022"),
            FormatField(
                "country", .reference("country code"), required: .when("without `region`"),
                doc: "The country of a national table; its regions without a table of their own get it regionalised (FLQ).", example: "country: UZ"),
            FormatField(
                "region", .reference("region id"), required: .when("without `country`"),
                doc: "The region of a regional (survey) table; it wins over the national table.", example: "region: fergana"),
            FormatField("year", .year, required: .yes, doc: "The year of the table and of its prices (1900–2200).", example: "year: 2022"),
            FormatField(
                "unit", .choice(["usd_million"]), required: .yes,
                doc: "Unit of the money cells; convert national currency at the table year's average exchange rate.", example: "unit: usd_million"),
            FormatField(
                "values", .choice(["flows", "coefficients"]), default: "flows",
                doc:
                    "`flows`: the sector block holds flows (seller row, buyer column) and the other rows and columns money and jobs; `coefficients`: the sector block holds technical coefficients A, labour_income and value_added are per unit of output, employment is jobs per USD million of output and household_consumption is per unit of household income.",
                example: "values: flows"),
            FormatField(
                "file", .text(), required: .when("without `table`"),
                doc: "A CSV file with the table (layout in Docs/input-output.md), relative to the scenario file and inside its folder.",
                example: "file: io/uzbekistan-2022.csv"),
            FormatField(
                "table", .mapping("input_output_table"), required: .when("without `file`"), doc: "The table written inline, for small tables.",
                example: "table: {columns: [agriculture, rest, household_consumption], rows: {agriculture: [10, 5, 20], …}}"),
            FormatField(
                "household_income", .number(.money), required: .when("`values: flows`"),
                doc:
                    "Total household income (compensation, mixed income, transfers and remittances), USD million: the denominator of the household consumption column.",
                example: "household_income: 42610"),
            FormatField(
                "concordance", .keyed(definition: "concordance", label: "mapping: sector id → table sectors"),
                default: "the table's sectors with the scenario's ids",
                doc:
                    "Which table sectors make up each scenario sector (each scenario sector must be covered); the table sectors listed nowhere form the rest of the economy.",
                example: "concordance: {agriculture: [c1, c3], textiles: c4, machinery: [c13, c14]}"),
        ])

    public static let inputOutputTable = FormatLevel(
        "input_output_table", title: "input–output table written inline", anchor: "input_output", provenance: false, partial: false,
        fields: [
            FormatField(
                "columns", .texts("list of column labels"), required: .yes,
                doc: "The column labels: the table's sectors, then `household_consumption` and optionally `final_demand`.",
                example: "columns: [agriculture, rest, household_consumption, final_demand]"),
            FormatField(
                "rows", .keyed(definition: "tableRows", label: "mapping: row label → numbers"), required: .yes,
                doc: "Each row's label and its numbers, one per column: the sectors, then `labour_income`, `value_added`, `employment`, `gross_output`.",
                example: "rows: {agriculture: [10, 5, 20, 65], rest: [15, 40, 50, 95], …}"),
        ])
}
