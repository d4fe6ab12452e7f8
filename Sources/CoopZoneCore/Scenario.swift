import Foundation

/// A loaded, validated scenario: border regions, the countries they belong to, the links
/// between them and the zones proposed. Numbers are `Quantity` handles; read them with
/// `scenario[q]`, which gives the value of the current run (central, or a Monte Carlo draw).
public struct Scenario: Sendable {
    /// The file the scenario was loaded from (after `extends` resolution, the child).
    public var file: String
    /// A short title.
    public var title: String
    /// What the scenario describes.
    public var description: String
    /// Who wrote it.
    public var authors: [String]
    /// The sources its numbers cite.
    public var sources: [SourceReference]
    /// The files this scenario extends, nearest first.
    public var extends: [String]
    /// First and last calendar year modelled.
    public var horizon: ClosedRange<Int>
    /// The year whose prices money values are in.
    public var priceYear: Int
    /// The currency of money values (ISO 4217 code); money is in millions of it.
    public var currency: String
    /// The discount rate for present values (fraction per year).
    public var discountRate: Quantity
    /// Sectors used by regions, flows and investment.
    public var sectors: [Sector]
    /// Countries and their fiscal regimes.
    public var countries: [Country]
    /// Border regions.
    public var regions: [Region]
    /// Trade links between countries or regions.
    public var links: [TradeLink]
    /// The zones proposed.
    public var zones: [Zone]
    /// Evaluators selected, with their parameter overrides; empty means every built-in one.
    public var evaluators: [EvaluatorSelection]
    /// Named, bounded inputs a workshop page shows as sliders.
    public var levers: [Lever]
    /// Input–output tables, national and regional (see Docs/input-output.md).
    public var inputOutput: [InputOutputTable] = []
    /// The value of every number in this run, by `Quantity.slot`.
    public var values: [Double]
    /// What the loader knows of every number, by `Quantity.slot`.
    public var inputs: [InputInfo]
    /// A stable hash of the resolved scenario text (after `extends` and `--set`).
    public var contentHash: String
    /// The language the workshop page opens in.
    public var language: Language = .en
    /// The scenario's texts in other languages (`translations:`).
    public var translations: [Language: ScenarioTexts] = [:]

    /// The scenario's texts in `language`: each text given in `translations`, else the English one.
    public func texts(_ language: Language) -> ScenarioTexts {
        var out = ScenarioTexts(
            title: title, description: description, levers: Dictionary(levers.map { ($0.id, $0.label) }, uniquingKeysWith: { a, _ in a }),
            countries: Dictionary(countries.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a }),
            regions: Dictionary(regions.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a }),
            zones: Dictionary(zones.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a }),
            sectors: Dictionary(sectors.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a }))
        guard language != .en, let own = translations[language] else { return out }
        if !own.title.isEmpty { out.title = own.title }
        if !own.description.isEmpty { out.description = own.description }
        out.levers.merge(own.levers) { _, new in new }
        out.countries.merge(own.countries) { _, new in new }
        out.regions.merge(own.regions) { _, new in new }
        out.zones.merge(own.zones) { _, new in new }
        out.sectors.merge(own.sectors) { _, new in new }
        return out
    }

    /// The value of a number in this run.
    @inlinable public subscript(q: Quantity) -> Double { values[q.slot] }

    /// The value of an optional number, or `fallback`.
    @inlinable public subscript(q: Quantity?, default fallback: Double) -> Double {
        guard let q else { return fallback }
        return values[q.slot]
    }

    /// The country with the given code.
    public func country(_ code: String) -> Country? { countries.first { $0.code == code } }
    /// The region with the given id.
    public func region(_ id: String) -> Region? { regions.first { $0.id == id } }
    /// The sector with the given id.
    public func sector(_ id: String) -> Sector? { sectors.first { $0.id == id } }
    /// The years of the horizon, in order.
    public var years: [Int] { Array(horizon) }

    /// The scenario with every uncertain input at `values` (a Monte Carlo draw or a sensitivity case).
    public func with(values newValues: [Double]) -> Scenario {
        var copy = self
        copy.values = newValues
        return copy
    }
}

/// A scenario's texts in one language: what a reader sees of it.
public struct ScenarioTexts: Sendable, Hashable {
    /// The title.
    public var title: String
    /// The description.
    public var description: String
    /// Lever labels by lever id.
    public var levers: [String: String]
    /// Country names by code.
    public var countries: [String: String]
    /// Region names by id.
    public var regions: [String: String]
    /// Zone names by id.
    public var zones: [String: String]
    /// Sector names by id.
    public var sectors: [String: String]

    /// Creates texts.
    public init(
        title: String = "", description: String = "", levers: [String: String] = [:], countries: [String: String] = [:],
        regions: [String: String] = [:], zones: [String: String] = [:], sectors: [String: String] = [:]
    ) {
        self.title = title
        self.description = description
        self.levers = levers
        self.countries = countries
        self.regions = regions
        self.zones = zones
        self.sectors = sectors
    }
}

/// An entry of the scenario's `sources` list.
public struct SourceReference: Sendable, Codable, Hashable {
    /// The id numbers cite (`source: book`).
    public var id: String
    /// The full reference.
    public var title: String
    /// A web address or file path, when there is one.
    public var url: String?
}

/// A sector of the economy (`agriculture`, `manufacturing`…).
public struct Sector: Sendable, Hashable {
    /// Identifier used in the scenario.
    public var id: String
    /// Display name.
    public var name: String
    /// True for fruit, vegetables and other goods lost without storage.
    public var perishable: Bool
}

/// A country and its baseline fiscal regime.
public struct Country: Sendable {
    /// ISO 3166-1 alpha-2 code, always a string (`NO` stays "NO").
    public var code: String
    /// Display name.
    public var name: String
    /// The baseline fiscal regime, before any zone incentive.
    public var fiscal: FiscalRegime
    /// Total exports and imports by sector (with all partners), when given.
    public var tradeTotals: TradeTotals? = nil
}

/// A country's total exports and imports (with all partners) by sector, money per year: what
/// the zone fit's complementarity index compares (Docs/methodology/zone_fit.md#complementarity).
public struct TradeTotals: Sendable {
    /// The year of the statistics, when given.
    public var year: Int?
    /// Exports by sector id; a sector not listed is not known.
    public var exports: [String: Quantity]
    /// Imports by sector id; a sector not listed is not known.
    public var imports: [String: Quantity]
    /// Where the block is written.
    public var location: SourceLocation
}

/// A country's baseline taxes, as fractions (rates) or money per hectare (land).
public struct FiscalRegime: Sendable {
    /// Corporate income tax rate on profits.
    public var corporateIncomeTax: Quantity?
    /// Property tax rate on the book value of assets, per year.
    public var propertyTax: Quantity?
    /// Land tax, money per hectare per year.
    public var landTax: Quantity?
    /// Value-added tax rate.
    public var vat: Quantity?
    /// Land rent charged by the state, money per hectare per year.
    public var landRent: Quantity?
    /// Import duty rate on goods of a sector not listed in `importDutyBySector`.
    public var importDuty: Quantity?
    /// Import duty rates by sector id.
    public var importDutyBySector: [String: Quantity]
    /// Import duty rate on equipment.
    public var equipmentDuty: Quantity?
    /// Personal income tax and social contributions on wages, as a share of the wage.
    public var wageTax: Quantity?

    /// The import duty rate on goods of `sector`.
    public func duty(on sector: String) -> Quantity? { importDutyBySector[sector] ?? importDuty }
}

/// A border region.
public struct Region: Sendable {
    /// Identifier used in the scenario.
    public var id: String
    /// Display name.
    public var name: String
    /// The country code.
    public var country: String
    /// Residents.
    public var population: Quantity?
    /// Labour force (persons).
    public var labourForce: Quantity?
    /// Unemployment rate (fraction of the labour force).
    public var unemploymentRate: Quantity?
    /// Growth of the labour force (fraction per year).
    public var labourForceGrowth: Quantity?
    /// Average wage, thousands of currency per job-year.
    public var averageWage: Quantity?
    /// Output and employment by sector.
    public var sectors: [RegionSector]
}

/// A region's output and employment in one sector.
public struct RegionSector: Sendable {
    /// The sector id.
    public var sector: String
    /// Gross output or value added, money per year.
    public var output: Quantity?
    /// Employment, persons.
    public var employment: Quantity?
    /// Share of the region's value added produced in this sector.
    public var share: Quantity?
}

/// A trade link between two countries or regions.
public struct TradeLink: Sendable {
    /// Identifier used in the scenario.
    public var id: String
    /// One end: a country code or region id ("exports" go from here to `to`).
    public var from: String
    /// The other end.
    public var to: String
    /// Road distance, km.
    public var distanceKm: Quantity?
    /// Time to cross the border, days.
    public var borderCrossingDays: Quantity?
    /// Logistics cost as a share of the goods' value (ad valorem).
    public var logisticsCostShare: Quantity?
    /// Share of perishable goods lost between field and market.
    public var lossShare: Quantity?
    /// Share of true trade that is unrecorded (shadow trade).
    public var shadowShare: Quantity?
    /// On a link with a country at an end (a national link): the share of its trade that the
    /// zone's regions produce or that crosses at the zone. Only this share of the link's trade
    /// gains makes jobs in the zone's regions.
    public var zoneShare: Quantity?
    /// Flows by sector and direction.
    public var flows: [TradeFlow]
    /// Reported totals by year, to check against the flows (`turnover: {2020: 848.6}`).
    public var turnoverHistory: [YearValue]
}

/// The direction of a flow on a link.
public enum FlowDirection: String, Sendable, Codable, CaseIterable {
    /// From `from` to `to`.
    case export
    /// From `to` to `from`.
    case `import`
}

/// A value in a given year.
public struct YearValue: Sendable {
    /// Calendar year.
    public var year: Int
    /// The value.
    public var value: Quantity
    /// Where the year's entry is written.
    public var location: SourceLocation
}

/// Trade of one sector in one direction on a link.
public struct TradeFlow: Sendable {
    /// Sector id, or `all` for total trade.
    public var sector: String
    /// Direction on the link.
    public var direction: FlowDirection
    /// A history series, money per year by year.
    public var history: [YearValue]
    /// The base year of `baseValue`, when there is no history.
    public var baseYear: Int?
    /// The value in the base year, money per year.
    public var baseValue: Quantity?
    /// Growth per year for the projection (when absent: the history's compound growth).
    public var growth: Quantity?
    /// The importer's baseline tariff on this flow (when absent: the importing country's duty on the sector).
    public var tariff: Quantity?
    /// The importer's imports of this sector from everyone else, money per year.
    public var otherImports: Quantity?
    /// The importer's tariff on those other imports (when absent: the same as `tariff`).
    public var otherTariff: Quantity?
    /// Where the flow is written.
    public var location: SourceLocation
}

/// The kinds of cooperation zone.
public enum ZoneKind: String, Sendable, Codable, CaseIterable {
    /// A border free-trade zone.
    case freeTradeZone = "free_trade_zone"
    /// A cross-border economic cooperation zone (CBEZ).
    case crossBorderEconomicZone = "cross_border_economic_zone"
    /// A cross-border free economic zone (FEZ).
    case crossBorderFreeEconomicZone = "cross_border_free_economic_zone"
    /// A growth triangle at a three-country junction.
    case growthTriangle = "growth_triangle"
}

/// A proposed zone.
public struct Zone: Sendable {
    /// Identifier used in the scenario.
    public var id: String
    /// Display name.
    public var name: String
    /// Its kind.
    public var kind: ZoneKind
    /// Member region ids.
    public var regions: [String]
    /// The countries party to the zone (whose treasuries, jobs and benefits the appraisal
    /// counts): as written, or the countries of the member regions.
    public var parties: [String]
    /// Area, hectares.
    public var areaHectares: Quantity?
    /// Stages, in order.
    public var stages: [Stage]
    /// The investment programme.
    public var investment: [Investment]
    /// Where the zone is written.
    public var location: SourceLocation
}

/// When a stage starts.
public enum StageStart: Sendable {
    /// In a calendar year.
    case year(Int)
    /// After another stage of the same zone ends, plus `lag` years.
    case after(stage: String, lag: Int)
    /// In the first year in which cumulative public infrastructure spending of the zone reaches `amount`
    /// (money), but not before `earliest`.
    case infrastructureSpending(amount: Quantity, earliest: Int?)
}

/// A stage of a zone's evolution: a span of years with measures and an incentive package.
public struct Stage: Sendable {
    /// Identifier used in the scenario.
    public var id: String
    /// Display name.
    public var name: String
    /// When it starts.
    public var start: StageStart
    /// Its last year, if fixed.
    public var end: Int?
    /// Its length in years, if given instead of `end`.
    public var duration: Int?
    /// Trade and infrastructure measures.
    public var measures: Measures
    /// The incentive package for zone residents.
    public var incentives: Incentives
    /// Where the stage is written.
    public var location: SourceLocation
}

/// A stage's measures.
public struct Measures: Sendable {
    /// Tariff changes by the WITS-SMART rules.
    public var tariffs: [TariffChange]
    /// Border crossing time changes.
    public var borderTime: [BorderTimeChange]
    /// Logistics cost changes.
    public var logisticsCost: [LogisticsCostChange]
    /// Storage and hub capacity that lowers losses of perishables.
    public var storage: [StorageMeasure]
    /// Formalisation of shadow trade.
    public var shadowTrade: [ShadowTradeMeasure]
    /// Public infrastructure spending.
    public var infrastructure: [InfrastructureSpending]

    /// No measures.
    public static let none = Measures(tariffs: [], borderTime: [], logisticsCost: [], storage: [], shadowTrade: [], infrastructure: [])
}

/// A WITS-SMART tariff rule.
public enum TariffRule: Sendable {
    /// The new rate replaces the old one.
    case newRate(Quantity)
    /// Rates above the maximum are cut to it.
    case maximumRate(Quantity)
    /// `t1 = (1 − cut) · t0`.
    case linearCut(Quantity)
    /// Swiss formula `t1 = a · t0 / (a + t0)`, `a` as a fraction (WITS's 16 points = 0.16).
    case swiss(Quantity)
}

/// A tariff change on a link's flows.
public struct TariffChange: Sendable {
    /// The link; `nil` for every link of the zone's countries.
    public var link: String?
    /// The sector; `nil` for every sector.
    public var sector: String?
    /// The direction; `nil` for both.
    public var direction: FlowDirection?
    /// The rule.
    public var rule: TariffRule
    /// Where it is written.
    public var location: SourceLocation
}

/// A change in border crossing time on a link.
public struct BorderTimeChange: Sendable {
    /// The link.
    public var link: String
    /// The new crossing time, days.
    public var days: Quantity
    /// Where it is written.
    public var location: SourceLocation
}

/// A change in logistics cost on a link.
public struct LogisticsCostChange: Sendable {
    /// The link.
    public var link: String
    /// The new logistics cost, ad valorem share.
    public var costShare: Quantity
    /// Where it is written.
    public var location: SourceLocation
}

/// Storage that lowers the loss of perishables on a link.
public struct StorageMeasure: Sendable {
    /// The link.
    public var link: String
    /// The sector; `nil` for every perishable sector.
    public var sector: String?
    /// The loss share once the storage works.
    public var lossShare: Quantity
    /// Storage capacity, tonnes (informative).
    public var capacityTonnes: Quantity?
    /// Where it is written.
    public var location: SourceLocation
}

/// Formalisation of shadow trade on a link.
public struct ShadowTradeMeasure: Sendable {
    /// The link.
    public var link: String
    /// The unrecorded share once the measure works.
    public var shadowShare: Quantity
    /// Where it is written.
    public var location: SourceLocation
}

/// Public infrastructure spending by one country.
public struct InfrastructureSpending: Sendable {
    /// The country paying.
    public var country: String
    /// Capital spending per year of the stage, money.
    public var amountPerYear: Quantity
    /// Running cost per year once built, money.
    public var runningCostPerYear: Quantity?
    /// Where it is written.
    public var location: SourceLocation
}

/// A stage's incentive package for zone residents (all optional; absent = baseline regime).
public struct Incentives: Sendable {
    /// Years of full corporate income-tax exemption from a resident's first year.
    public var incomeTaxHolidayYears: Quantity?
    /// The reduced corporate income-tax rate after any holiday (fraction).
    public var corporateIncomeTaxRate: Quantity?
    /// Property tax rate in the zone.
    public var propertyTaxRate: Quantity?
    /// Land tax in the zone, money per hectare per year.
    public var landTax: Quantity?
    /// Share of import duty on inputs for export production that is waived.
    public var inputDutyExemption: Quantity?
    /// Share of import duty on equipment that is waived.
    public var equipmentDutyExemption: Quantity?
    /// Share of land rent that is waived.
    public var landRentExemption: Quantity?
    /// Share of residents' infrastructure costs the state reimburses.
    public var infrastructureReimbursement: Quantity?
    /// Discount on the VAT rate (0.5 = half the rate).
    public var vatDiscount: Quantity?
    /// Discount on customs duty rates (0.5 = half the rate).
    public var dutyDiscount: Quantity?

    /// No incentives.
    public static let none = Incentives()

    /// True when no instrument is set.
    public var isEmpty: Bool {
        [
            incomeTaxHolidayYears, corporateIncomeTaxRate, propertyTaxRate, landTax, inputDutyExemption, equipmentDutyExemption,
            landRentExemption, infrastructureReimbursement, vatDiscount, dutyDiscount,
        ].allSatisfy { $0 == nil }
    }
}

/// A line of a zone's investment programme.
public struct Investment: Sendable {
    /// Calendar year of the spending.
    public var year: Int
    /// The country side.
    public var country: String
    /// The region, when given.
    public var region: String?
    /// The sector.
    public var sector: String
    /// Private investment, money.
    public var amount: Quantity
    /// Share of the investment spent on imported equipment.
    public var equipmentShare: Quantity?
    /// Land the investment occupies, hectares.
    public var landHectares: Quantity?
    /// True for capacity already in place in `year` (booked at its value then), not new
    /// investment: the zone's regime applies to it, but it creates no jobs, no equipment duty or
    /// reimbursement, and the tax expenditure on it is a cost in full.
    public var existing: Bool = false
    /// Where it is written.
    public var location: SourceLocation
}

/// An evaluator named in the scenario, with its parameter overrides.
public struct EvaluatorSelection: Sendable {
    /// The evaluator id (checked against the registry when the scenario is run).
    public var id: String
    /// Where the id is written.
    public var location: SourceLocation
    /// Parameter overrides.
    public var parameters: [ParameterOverride]

    /// A selection of the evaluator `id`, written at `location`, with `parameters` overridden.
    public init(id: String, location: SourceLocation, parameters: [ParameterOverride]) {
        self.id = id
        self.location = location
        self.parameters = parameters
    }
}

/// A parameter override for an evaluator.
public struct ParameterOverride: Sendable {
    /// The parameter name.
    public var name: String
    /// Where the name is written.
    public var location: SourceLocation
    /// The value.
    public var value: ParameterInput
}

/// The value of a parameter override.
public enum ParameterInput: Sendable {
    /// A number (possibly uncertain).
    case number(Quantity)
    /// A text value.
    case text(String, SourceLocation)
}

/// A named, bounded input shown as a slider in a workshop.
public struct Lever: Sendable, Codable {
    /// Identifier.
    public var id: String
    /// The label shown next to the slider.
    public var label: String
    /// The path of the number it sets, as `--set` takes it.
    public var path: String
    /// Lowest value.
    public var min: Double
    /// Highest value.
    public var max: Double
    /// Step.
    public var step: Double
    /// Where it is written.
    public var location: SourceLocation
}
