/// The scenario format as data: each level of a scenario file (the top, a region, a stage…)
/// is one ordered table of fields. From these tables come the decoder's key checks and plain
/// reads (`Fields`), the JSON Schema (`ScenarioSchema`, `coopzone schema`,
/// Docs/scenario.schema.json), the key tables of Docs/scenario-format.md, the starting file
/// of `coopzone new scenario` and the key order of the scenario sent to outside evaluators.
/// Cross-reference checks (a link's `from` is a defined region…) and the model stay code.
///
/// Adding a key: a row in its level's table (ScenarioFormat+Top/Places/Zones.swift), its model
/// field (Scenario.swift), its read in ScenarioDecoder.swift (one call for a plain value) and its
/// line in the encoder (Sources/CoopZoneExternal/ScenarioEncoding.swift); see
/// Docs/contributing/add-a-scenario-key.md.
public enum ScenarioFormat {
    /// Every level, in the order the schema's `$defs` and the reference list them.
    static let levels: [FormatLevel] = [
        top, source, horizon, sector, country, fiscal, tradeTotals, region, regionSector, inputOutput, inputOutputTable, link, flow, zone, stage, start,
        measures,
        tariff, borderTime, logistics, storage, shadow, infrastructure, incentives, investment, lever, translations, translation, quantity, normal,
    ]

    /// The level called `name`.
    static func level(_ name: String) -> FormatLevel? { levels.first { $0.name == name } }

    /// The keys that may carry provenance on the mappings whose level says so.
    static let provenance: [FormatField] = [
        FormatField("source", .text(), doc: "Id of an entry of `sources`; plain numbers inside this mapping cite it.", example: "source: book"),
        FormatField(
            "at", .locator, doc: "Where in the source (a chapter, section, table or page); only read next to `source`.",
            example: "at: \"zones chapter, Table 2\""),
        FormatField(
            "assumption", .text(), doc: "Flags the numbers inside this mapping as an assumption, with the reason (ignored when `source` is also given).",
            example: "assumption: \"illustrative values\""),
        FormatField("note", .text(), doc: "A free comment, ignored by the loader.", example: "note: \"…\""),
    ]

    /// The mapping form of a number: `{value: 0.12, source: pwc, at: "…"}`.
    public static let quantity = FormatLevel(
        "quantity", title: "number with provenance", anchor: "number-forms", provenance: true, partial: false,
        description:
            "A number with its source or assumption flag and an optional distribution; without 'value', the distribution's centre (midpoint, mode or mean) is the value.",
        fields: [
            FormatField("value", .plainNumber, doc: "The central value.", example: "value: 0.12"),
            FormatField("unit", .unitName, doc: "Optional check: the unit the key is read in; any other unit is an error.", example: "unit: kilometres"),
            FormatField("uniform", .numbers(2), doc: "Uniform distribution [low, high].", example: "uniform: [0.15, 0.45]"),
            FormatField("triangular", .numbers(3), doc: "Triangular distribution [low, mode, high], in that order.", example: "triangular: [0.02, 0.05, 0.09]"),
            FormatField(
                "normal", .mapping("normal"), doc: "Normal distribution truncated to [low, high].", example: "normal: {mean: 1.5, sd: 0.5, low: 0.5, high: 3}"),
        ],
        extras: [
            ("minProperties", .int(1)),
            (
                "not",
                .object([
                    ("description", .string("at most one distribution")),
                    (
                        "anyOf",
                        .array(
                            [["uniform", "triangular"], ["uniform", "normal"], ["triangular", "normal"]].map {
                                .object([("required", .array($0.map(SchemaJSON.string)))])
                            })
                    ),
                ])
            ),
        ])

    /// The distributions a number may carry, as the keys of its mapping form.
    static let distributionKeys = ["uniform", "triangular", "normal"]

    /// `normal: {mean, sd, low, high}`.
    public static let normal = FormatLevel(
        "normal", title: "normal distribution", anchor: "number-forms", provenance: false, partial: false,
        fields: [
            FormatField("mean", .plainNumber, required: .yes, doc: "", example: "mean: 1.5"),
            FormatField("sd", .plainNumber, required: .yes, doc: "Standard deviation, above 0.", example: "sd: 0.5"),
            FormatField("low", .plainNumber, required: .yes, doc: "Lower bound, at most the mean.", example: "low: 0.5"),
            FormatField("high", .plainNumber, required: .yes, doc: "Upper bound, at least the mean.", example: "high: 3"),
        ])

    /// Calendar years, wherever a whole-number year is read.
    static let years: ClosedRange<Int> = 1900...2200
}

/// What a key is not given means.
enum FieldRequirement: Sendable, Equatable {
    /// Optional.
    case no
    /// The loader reports its absence.
    case yes
    /// Needed in some cases only, which the decoder checks in code; the text says when
    /// ("with `value`").
    case when(String)
}

/// What a key holds.
indirect enum FieldKind: Sendable {
    /// A number, plain or in mapping form with provenance and a distribution, in a unit and range.
    case number(NumberRule)
    /// A plain number only (a lever's bounds, the numbers of a distribution).
    case plainNumber
    /// A calendar year (1900–2200), plain whole number.
    case year
    /// A plain whole number in a range.
    case wholeNumber(ClosedRange<Int>)
    /// The format's version: this one number only.
    case version(Int)
    /// Text, optionally matching a pattern (for the schema).
    case text(pattern: String? = nil)
    /// An identifier: letters, digits, '_' and '-', at most 64 characters.
    case id
    /// The id of something defined elsewhere; the text names what ("sector id").
    case reference(String)
    /// `true` or `false`.
    case boolean
    /// One of a closed set of words; `label` is how the reference names the set, if not by listing it.
    case choice([String], label: String? = nil)
    /// A list of texts (or references); the text says what ("list of region ids").
    case texts(String)
    /// A list of mappings of the level named.
    case list(String)
    /// A mapping of the level named.
    case mapping(String)
    /// Values by calendar year, each a number in the unit.
    case series(NumberRule)
    /// Numbers by sector id (the keys are the scenario's sectors); `definition` names the schema's.
    case bySector(NumberRule, definition: String)
    /// A stage's start: a year, or a mapping of the level `start`.
    case stageStart
    /// Evaluator ids to parameter overrides.
    case evaluators
    /// `at`: where in a source, text or a number (a page).
    case locator
    /// A unit name (`unit:` of a number's mapping form).
    case unitName
    /// A list of exactly so many plain numbers (a distribution's parameters).
    case numbers(Int)
    /// A mapping whose keys are data (a concordance's sector ids, a table's row labels): the schema
    /// refers to the common definition `definition`; the reference's Type column says `label`.
    case keyed(definition: String, label: String)
}

/// One key of a level.
struct FormatField: Sendable {
    /// The key as written in a scenario.
    let key: String
    /// What it holds.
    let kind: FieldKind
    /// Whether it must be written.
    let required: FieldRequirement
    /// What applies when it is absent, as the reference says it ("the id"); nil when nothing does.
    let defaultText: String?
    /// What it means: one or two sentences, for the schema, the reference and new files.
    let doc: String
    /// A line of YAML that uses it.
    let example: String

    init(_ key: String, _ kind: FieldKind, required: FieldRequirement = .no, default defaultText: String? = nil, doc: String, example: String) {
        self.key = key
        self.kind = kind
        self.required = required
        self.defaultText = defaultText
        self.doc = doc
        self.example = example
    }

    /// The rule of a number, a series or numbers by sector.
    var numberRule: NumberRule? {
        switch kind {
        case .number(let rule), .series(let rule), .bySector(let rule, _): rule
        default: nil
        }
    }

    /// The range of a whole number.
    var integerRange: ClosedRange<Int>? {
        switch kind {
        case .year: ScenarioFormat.years
        case .wholeNumber(let range): range
        default: nil  // a version is checked in code, with its own message
        }
    }
}

/// One level of the format: the ordered keys of one kind of mapping.
public struct FormatLevel: Sendable {
    /// The schema's `$defs` name (`region`); `top` for the root.
    public let name: String
    /// The schema's title ("regions item").
    let title: String
    /// The anchor of its section in Docs/scenario-format.md.
    let anchor: String
    /// Whether it also takes the provenance keys (`source`, `at`, `assumption`, `note`).
    let provenance: Bool
    /// Whether `extends` merges it key by key, so that a child file may give only some keys:
    /// the schema then requires only `identity`.
    let partial: Bool
    /// The keys that identify an item of its list when `extends` merges (`id`, `code`…).
    let identity: [String]
    /// A sentence the schema gives the definition, if any.
    let description: String?
    /// Its keys, in the order the reference lists them and outside evaluators receive them.
    let fields: [FormatField]
    /// Schema keywords beyond the keys (one-of rules, conditional requirements).
    let extras: [(String, SchemaJSON)]

    init(
        _ name: String, title: String, anchor: String, provenance: Bool, partial: Bool, identity: [String] = [], description: String? = nil,
        fields: [FormatField], extras: [(String, SchemaJSON)] = []
    ) {
        self.name = name
        self.title = title
        self.anchor = anchor
        self.provenance = provenance
        self.partial = partial
        self.identity = identity
        self.description = description
        self.fields = fields
        self.extras = extras
    }

    /// The keys of its own fields, in order (without the provenance keys).
    public var keys: [String] { fields.map(\.key) }

    /// Every key a mapping of this level may have.
    var allowedKeys: [String] { keys + (provenance ? ScenarioFormat.provenance.map(\.key) : []) }

    /// The field `key`.
    func field(_ key: String) -> FormatField? { fields.first { $0.key == key } }

    /// The keys the schema requires.
    var schemaRequired: [String] {
        fields.filter { $0.required == .yes && (!partial || identity.contains($0.key)) }.map(\.key)
    }
}
