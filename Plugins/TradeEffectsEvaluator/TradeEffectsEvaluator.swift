import CoopZoneCore
import Foundation

/// The `trade_effects` evaluator: baseline and scenario trade by link, sector and direction, and
/// the zone's effects on it — WITS-SMART tariff effects (creation, diversion, tariff revenue,
/// welfare), border-time and logistics facilitation, storage loss reduction, shadow-trade
/// formalisation — with the recorded history's indices and data checks.
/// Equations: `Docs/methodology/trade_effects.md`.
public struct TradeEffectsEvaluator: Evaluator {
    /// The evaluator's parameters (names as in the scenario's `evaluators:` section).
    public struct Parameters: ParameterSet, Equatable {
        /// The defaults.
        public init() {}

        /// Import-demand elasticity Em (negative).
        /// Default: Em: −2.0, the middle of the long-run trade elasticity −1.75 … −2.25 of Boehm, Levchenko & Pandalai-Nayar (2023).
        public var importDemandElasticity = -2.0
        /// Substitution elasticity Es between the preferred partner and the rest of the world.
        /// Default: Es: SMART's default 1.5.
        public var substitutionElasticity = 1.5
        /// Export-supply elasticity Ex; 0 means infinite.
        /// Default: Ex: 0, meaning infinite (SMART's default).
        public var exportSupplyElasticity = 0.0
        /// Ad-valorem equivalent of a day of crossing time (fraction of value per day).
        /// Default: 0.6 % of value per day (the low end of Hummels & Schaur 2013), so that a day moves trade by about 1 % (Djankov, Freund & Pham 2010) at the default elasticity.
        public var timeCostPerDay = 0.006
        /// The same for perishable sectors.
        /// Default: 2.1 % of value per day for perishables (top of Hummels & Schaur's range; assumption).
        public var perishableTimeCostPerDay = 0.021
        /// Trade-cost elasticity θ; 0 means `−importDemandElasticity` (see `facilitationElasticity`).
        /// Default: 0, meaning "the import-demand elasticity's size": one elasticity for tariffs and other trade costs.
        public var tradeCostElasticity = 0.0
        /// Share of extra marketable perishable supply that reaches the traded flow.
        /// Default: All extra perishable supply reaches the flow (assumption).
        public var exportableShare = 1.0
        /// Share of the saved produce's value spent on storing and handling it.
        /// Default: A quarter of the saved produce's value goes to storage and handling (assumption).
        public var storageCostShare = 0.25
        /// Absolute tolerance of the turnover check, money.
        /// Default: 0.5 money units.
        public var turnoverTolerance = 0.5
        /// Relative tolerance of the turnover check, fraction of turnover.
        /// Default: 0.1 % of turnover.
        public var turnoverRelativeTolerance = 0.001

        /// The elasticity θ of trade to an ad-valorem trade cost: `trade_cost_elasticity` when
        /// given (not 0), else `−import_demand_elasticity`, so that by default a cut in a trade cost
        /// moves trade exactly as a tariff cut of the same size does.
        public var facilitationElasticity: Double { tradeCostElasticity > 0 ? tradeCostElasticity : -importDemandElasticity }
    }

    /// The parameters this instance runs with.
    public let parameters: Parameters

    /// Creates the evaluator; throws when the import-demand elasticity is not negative or an
    /// elasticity or share is out of its range.
    public init(parameters: Parameters) throws {
        guard parameters.importDemandElasticity < 0 else {
            throw EvaluatorError.unusableScenario(
                "trade_effects: import_demand_elasticity must be negative (SMART's Em < 0), got \(parameters.importDemandElasticity)")
        }
        guard parameters.substitutionElasticity >= 0, parameters.exportSupplyElasticity >= 0, parameters.tradeCostElasticity >= 0 else {
            throw EvaluatorError.unusableScenario("trade_effects: substitution, export-supply and trade-cost elasticities may not be negative")
        }
        guard (0...1).contains(parameters.exportableShare) else {
            throw EvaluatorError.unusableScenario("trade_effects: exportable_share must be between 0 and 1, got \(parameters.exportableShare)")
        }
        guard (0...1).contains(parameters.storageCostShare) else {
            throw EvaluatorError.unusableScenario("trade_effects: storage_cost_share must be between 0 and 1, got \(parameters.storageCostShare)")
        }
        self.parameters = parameters
    }

    /// Computes the baseline, the scenario and its decomposition for every flow of every link.
    public func evaluate(_ scenario: Scenario, context: EvaluationContext) throws -> EvaluationResult {
        var b = ResultBuilder(Self.descriptor)
        let p = parameters
        let ex = p.exportSupplyElasticity == 0 ? Double.infinity : p.exportSupplyElasticity
        let theta = p.facilitationElasticity
        let timeline = MeasureTimeline(scenario)
        let n = timeline.count, y0 = timeline.firstYear
        let sectors = scenario.sectors
        /// True when a sector with id `id` is perishable (a scan of the scenario's short list).
        func isPerishable(_ id: String) -> Bool { sectors.contains { $0.perishable && $0.id == id } }
        // Findings are built only when kept (a Monte Carlo draw keeps none): the checks that only
        // write findings are skipped in draws.
        let findings = FindingsSwitch.enabled
        var w = Self.rows.writer()
        let rate = scenario[scenario.discountRate]
        var discount = [Double](repeating: 1, count: n)
        for i in 1..<max(n, 1) { discount[i] = discount[i - 1] / (1 + rate) }
        var totals = Totals()
        var matchedTariffs = Set<SourceLocation>()
        w.reserve(scenario.links.reduce(0) { $0 + $1.flows.count } * n * 4)

        for link in scenario.links {
            let history = LinkHistory(link, in: scenario)
            if findings {
                history.check(into: &b, scenario: scenario, absoluteTolerance: p.turnoverTolerance, relativeTolerance: p.turnoverRelativeTolerance)
            }
            history.addIndices(into: &w)

            let paths = linkPaths(link, timeline: timeline, scenario: scenario, builder: &b)
            let exportSectorFlows = link.flows.contains { $0.direction == .export && $0.sector != "all" }
            let importSectorFlows = link.flows.contains { $0.direction == .import && $0.sector != "all" }
            func hasSectorFlows(_ direction: FlowDirection) -> Bool { direction == .export ? exportSectorFlows : importSectorFlows }
            for direction in FlowDirection.allCases
            where findings && hasSectorFlows(direction)
                && link.flows.contains(where: { $0.direction == direction && $0.sector == "all" })
            {
                b.finding(
                    .info, "link '\(link.id)' has both an 'all' \(direction.rawValue) flow and sector flows; headline totals count the sector flows only",
                    at: link.flows.first { $0.direction == direction && $0.sector == "all" }?.location)
            }

            for flow in link.flows {
                guard let base = baseline(flow, link: link, scenario: scenario, builder: &b) else { continue }
                let counted = flow.sector != "all" || !hasSectorFlows(flow.direction)
                let (exporter, importer) = scenario.traders(of: flow, on: link)
                let tradeDims = Dimensions(country: exporter, sector: flow.sector, link: link.id, direction: flow.direction.rawValue)
                let revenueDims = Dimensions(country: importer, sector: flow.sector, link: link.id, direction: flow.direction.rawValue)
                let welfareDims = Dimensions(sector: flow.sector, link: link.id, direction: flow.direction.rawValue)
                let savingDims = (
                    existing: Dimensions(
                        country: importer, sector: flow.sector, link: link.id, instrument: Self.existingTrade,
                        direction: flow.direction.rawValue),
                    new: Dimensions(
                        country: importer, sector: flow.sector, link: link.id, instrument: Self.newTrade,
                        direction: flow.direction.rawValue)
                )

                // Tariffs: the flow's own, else the importer's duty on the sector.
                let (t0Quantity, t0, tariff) = timeline.tariffPath(of: flow, on: link, in: scenario, matched: &matchedTariffs, recordMatches: findings)
                let tK = flow.otherTariff.map { scenario[$0] } ?? t0
                if tariff.activeFrom != nil, t0Quantity == nil {
                    b.finding(
                        .warning,
                        "link '\(link.id)': the \(flow.direction.rawValue) flow of sector '\(flow.sector)' has no tariff and the importer no import duty; a baseline tariff of 0 is assumed",
                        at: flow.location)
                }
                let otherImports = flow.otherImports.map { max(0, scenario[$0]) } ?? 0

                // Trade costs, losses, shadow share.
                let flowIsPerishable = isPerishable(flow.sector)
                let perDay = flowIsPerishable ? p.perishableTimeCostPerDay : p.timeCostPerDay
                let tau0 = TradeCost.adValorem(days: paths.days?.base ?? 0, costPerDay: perDay, logisticsShare: paths.logistics?.base ?? 0)
                let loss: MeasureTimeline.Path? =
                    flowIsPerishable
                    ? link.lossShare.map { timeline.lossPath(base: scenario[$0], link: link.id, sector: flow.sector, in: scenario) } : nil
                let l0 = link.lossShare.map { scenario[$0] } ?? 0
                let s0 = link.shadowShare.map { scenario[$0] } ?? 0

                for i in 0..<n {
                    let year = y0 + i
                    let m = base.values[i]
                    var creation = 0.0, diversion = 0.0, welfare = 0.0, facilitation = 0.0, lossGain = 0.0, formal = 0.0
                    var savingExisting = 0.0, savingNew = 0.0, savedProduce = 0.0
                    let t1 = tariff.values[i]
                    let tariffOn = tariff.isActive(i)
                    if tariffOn {
                        creation = max(
                            SMART.tradeCreation(
                                imports: m, oldTariff: t0, newTariff: t1, importDemandElasticity: p.importDemandElasticity,
                                exportSupplyElasticity: ex), -m)
                        let mK = base.reference > 0 ? otherImports * m / base.reference : otherImports
                        let rel = SMART.relativePriceChange(preferredOld: t0, preferredNew: t1, otherOld: tK, otherNew: tK)
                        diversion = max(
                            SMART.tradeDiversion(
                                preferredImports: m, otherImports: mK, substitutionElasticity: p.substitutionElasticity,
                                relativePriceChange: rel), -(m + creation))
                        welfare = SMART.welfare(oldTariff: t0, newTariff: t1, importChange: creation)
                    }
                    let days = paths.days.map { $0.path.isActive(i) } ?? false
                    let logistics = paths.logistics.map { $0.path.isActive(i) } ?? false
                    let facilitationOn = days || logistics
                    if facilitationOn {
                        let tau1 = TradeCost.adValorem(
                            days: paths.days?.path.values[i] ?? 0, costPerDay: perDay,
                            logisticsShare: paths.logistics?.path.values[i] ?? 0)
                        facilitation = TradeCost.facilitation(flow: m, from: tau0, to: tau1, elasticity: theta, exportSupplyElasticity: ex)
                        savingExisting = TradeCost.savingOnExistingTrade(flow: m, from: tau0, to: tau1)
                        savingNew = TradeCost.savingOnNewTrade(newTrade: facilitation, from: tau0, to: tau1)
                    }
                    let lossOn = loss?.isActive(i) ?? false
                    if let loss, lossOn {
                        lossGain = StorageLoss.volumeGain(flow: m, lossBefore: l0, lossAfter: loss.values[i], exportableShare: p.exportableShare)
                        savedProduce = StorageLoss.savedValue(lossReduction: lossGain, storageCostShare: p.storageCostShare)
                    }
                    let shadowOn = paths.shadow?.isActive(i) ?? false
                    if let shadow = paths.shadow, shadowOn {
                        formal = ShadowTrade.formalisation(recorded: m, shareBefore: s0, shareAfter: shadow.values[i])
                    }
                    let scenarioTrade = m + creation + diversion + facilitation + lossGain + formal

                    w.add(Metrics.tradeBaseline, year: year, tradeDims, m)
                    w.add(Metrics.tradeScenario, year: year, tradeDims, scenarioTrade)
                    if tariffOn {
                        w.add(Metrics.tradeCreation, year: year, tradeDims, creation)
                        w.add(Metrics.tradeDiversion, year: year, tradeDims, diversion)
                        w.add(Metrics.welfare, year: year, welfareDims, welfare)
                    }
                    if facilitationOn {
                        w.add(Metrics.tradeFacilitation, year: year, tradeDims, facilitation)
                        w.add(Metrics.tradeCostSaving, year: year, savingDims.existing, savingExisting)
                        w.add(Metrics.tradeCostSaving, year: year, savingDims.new, savingNew)
                    }
                    if lossOn {
                        w.add(Metrics.lossReduction, year: year, tradeDims, lossGain)
                        w.add(Metrics.savedProduceValue, year: year, tradeDims, savedProduce)
                    }
                    if shadowOn { w.add(Metrics.formalisation, year: year, tradeDims, formal) }
                    var revenue = 0.0
                    if tariffOn || facilitationOn || lossOn || shadowOn {
                        revenue = SMART.tariffRevenueChange(
                            oldTariff: t0, newTariff: t1, importsBefore: m, importsAfter: scenarioTrade,
                            otherTariff: tK, otherImportsChange: -diversion)
                        w.add(Metrics.tariffRevenueChange, year: year, revenueDims, revenue)
                    }
                    if counted {
                        totals.creation += creation
                        totals.diversion += diversion
                        totals.facilitation += facilitation
                        totals.lossReduction += lossGain
                        totals.formalisation += formal
                        totals.tradeCostSaving += savingExisting + savingNew
                        totals.savedProduceValue += savedProduce
                        totals.welfare += welfare
                        totals.revenuePV += revenue * discount[i]
                        if i == n - 1 {
                            totals.lastYearScenario += scenarioTrade
                            totals.lastYearBaseline += m
                        }
                    }
                }
            }
        }
        if findings { reportUnmatchedTariffs(timeline, matched: matchedTariffs, builder: &b) }

        try b.headline(Metrics.tradeCreationTotal, totals.creation)
        try b.headline(Metrics.tradeDiversionTotal, totals.diversion)
        try b.headline(Metrics.tradeFacilitationTotal, totals.facilitation)
        try b.headline(Metrics.lossReductionTotal, totals.lossReduction)
        try b.headline(Metrics.formalisationTotal, totals.formalisation)
        try b.headline(Metrics.tradeCostSavingTotal, totals.tradeCostSaving)
        try b.headline(Metrics.savedProduceValueTotal, totals.savedProduceValue)
        try b.headline(Metrics.tariffRevenueChangePV, totals.revenuePV)
        try b.headline(Metrics.welfareTotal, totals.welfare)
        try b.headline(Metrics.tradeScenarioLastYear, totals.lastYearScenario)
        try b.headline(Metrics.tradeChangeLastYear, totals.lastYearScenario - totals.lastYearBaseline)
        return try w.result(b)
    }
}

extension TradeEffectsEvaluator {
    /// The rows it may write: its descriptor's metrics.
    static let rows = RowTable(descriptor)

    /// The `instrument` of a `trade_cost_saving` row on trade that crossed before the measure.
    static let existingTrade = "existing_trade"
    /// The `instrument` of a `trade_cost_saving` row on the trade the measure creates.
    static let newTrade = "new_trade"

    /// Sums behind the headlines.
    struct Totals {
        var creation = 0.0, diversion = 0.0, facilitation = 0.0, lossReduction = 0.0, formalisation = 0.0, welfare = 0.0
        var revenuePV = 0.0, lastYearScenario = 0.0, lastYearBaseline = 0.0
        var tradeCostSaving = 0.0, savedProduceValue = 0.0
    }

    /// A link-level setting with its value before any measure and its path over the horizon.
    struct LinkSetting {
        var base: Double
        var path: MeasureTimeline.Path
    }

    /// The link-level paths: border days, logistics share, shadow share (each `nil` when the
    /// link gives no starting value; a measure on such a link is reported and ignored). Days and
    /// logistics keep their base even without a measure: both enter τ0 and τ1.
    struct LinkPaths {
        var days: LinkSetting?
        var logistics: LinkSetting?
        var shadow: MeasureTimeline.Path?
    }

    /// Builds the link-level paths and warns about measures that cannot apply.
    func linkPaths(_ link: TradeLink, timeline: MeasureTimeline, scenario: Scenario, builder b: inout ResultBuilder) -> LinkPaths {
        var out = LinkPaths()
        let events = timeline.events
        if let path = timeline.borderDaysPath(link, in: scenario), let d0 = link.borderCrossingDays.map({ scenario[$0] }) {
            out.days = LinkSetting(base: d0, path: path)
        } else if let m = events.lazy.flatMap(\.measures.borderTime).first(where: { $0.link == link.id }) {
            b.finding(.warning, "link '\(link.id)' gives no border_crossing_days, so the border-time measure cannot be valued; it is ignored", at: m.location)
        }
        if let path = timeline.logisticsPath(link, in: scenario), let c0 = link.logisticsCostShare.map({ scenario[$0] }) {
            out.logistics = LinkSetting(base: c0, path: path)
        } else if let m = events.lazy.flatMap(\.measures.logisticsCost).first(where: { $0.link == link.id }) {
            b.finding(
                .warning, "link '\(link.id)' gives no logistics_cost_share, so the logistics-cost measure cannot be valued; it is ignored", at: m.location)
        }
        if let path = timeline.shadowPath(link, in: scenario) {
            if path.activeFrom != nil { out.shadow = path }
        } else if let m = events.lazy.flatMap(\.measures.shadowTrade).first(where: { $0.link == link.id }) {
            b.finding(.warning, "link '\(link.id)' gives no shadow_share, so the shadow-trade measure cannot be valued; it is ignored", at: m.location)
        }
        let storage = events.lazy.flatMap(\.measures.storage).filter { $0.link == link.id }
        if link.lossShare == nil, let m = storage.first {
            b.finding(.warning, "link '\(link.id)' gives no loss_share, so the storage measure cannot be valued; it is ignored", at: m.location)
        }
        for m in storage {
            if let s = m.sector, scenario.sector(s)?.perishable != true {
                b.finding(
                    .warning,
                    "storage measure on link '\(link.id)' names sector '\(s)', which is not perishable; loss reduction applies to perishable sectors only",
                    at: m.location)
            }
        }
        return out
    }

    /// The flow's baseline: history years as recorded, other years projected at the flow's
    /// `growth` or the history's compound growth; or `base_year`/`value` grown at `growth` (0 if absent).
    func baseline(_ flow: TradeFlow, link: TradeLink, scenario: Scenario, builder b: inout ResultBuilder) -> FlowBaseline? {
        func label() -> String { "the \(flow.direction.rawValue) flow of sector '\(flow.sector)' on link '\(link.id)'" }
        guard let base = scenario.baseline(of: flow) else {
            b.finding(.warning, "\(label()) has neither a history nor a base year and value; it is left out", at: flow.location)
            return nil
        }
        if base.note == .heldConstant {
            b.finding(
                .info, "\(label()) has no growth and its history gives no compound growth (one year, or a non-positive end); the baseline is held constant",
                at: flow.location)
        }
        return base
    }

    /// Warns about tariff changes of stages in the horizon that match no flow.
    func reportUnmatchedTariffs(_ timeline: MeasureTimeline, matched: Set<SourceLocation>, builder b: inout ResultBuilder) {
        var reported = Set<SourceLocation>()
        for event in timeline.events {
            for change in event.measures.tariffs where !matched.contains(change.location) && reported.insert(change.location).inserted {
                b.finding(.warning, "this tariff change matches no trade flow (link, sector and direction), so it has no effect", at: change.location)
            }
        }
    }
}
