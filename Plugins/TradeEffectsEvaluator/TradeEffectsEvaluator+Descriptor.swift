import CoopZoneCore

extension TradeEffectsEvaluator {
    /// The id used in scenarios.
    static let id = "trade_effects"
    /// Where the equations are documented.
    static let doc = "Docs/methodology/trade_effects.md"

    /// Its charts: trade with and without the zone in the report and on the workshop's page.
    static let charts: [ChartSpec] = [
        ChartSpec(
            id: "trade", kind: .lineByYear, order: 10, title: "Trade baseline versus scenario",
            heading: "Trade on the zone's links: baseline versus scenario",
            summary: "Total trade on the zone's links by year, without the zone (baseline) and with it (scenario), {money}.",
            caption:
                "Sum of trade_baseline and trade_scenario over every link, sector and direction, per year. The solid line with circles is trade without the zone, the dashed line with squares trade with it; the gap between them is the zone's trade effect (creation, facilitation, lower losses and formalised shadow trade).",
            yTitle: "trade, {unit} ({price_year} prices)",
            series: [ChartSpec.Series(Metrics.tradeBaseline, "baseline (no zone)"), ChartSpec.Series(Metrics.tradeScenario, "scenario (with zone)")]),
        ChartSpec(
            id: "trade", kind: .workshopByYear, order: 20, title: "Recorded trade on the zone's links",
            series: [ChartSpec.Series(Metrics.tradeScenario, "With the zone"), ChartSpec.Series(Metrics.tradeBaseline, "Without")]),
    ]

    /// The metrics and headlines, each declared once; rows and headlines are written through these handles.
    enum Metrics {
        static let tradeBaseline = Metric(
            of: id, "trade_baseline", unit: .usdMillion, "Trade without the zone: history where recorded, else projected",
            dimensions: tradeDims, equation: "\(doc)#baseline")
        static let tradeScenario = Metric(
            of: id, "trade_scenario", unit: .usdMillion, "Recorded trade with the zone: baseline plus every effect below",
            dimensions: tradeDims, equation: "\(doc)#scenario-trade")
        static let tradeCreation = Metric(
            of: id, "trade_creation", unit: .usdMillion, "New imports from the tariff change on the flow (SMART trade creation)",
            dimensions: tradeDims, equation: "\(doc)#trade-creation")
        static let tradeDiversion = Metric(
            of: id, "trade_diversion", unit: .usdMillion, "Imports shifted to the flow from the rest of the world (SMART trade diversion)",
            dimensions: tradeDims, equation: "\(doc)#trade-diversion")
        static let tradeFacilitation = Metric(
            of: id, "trade_facilitation", unit: .usdMillion, "Trade added by shorter border crossing and lower logistics cost",
            dimensions: tradeDims, equation: "\(doc)#trade-facilitation")
        static let lossReduction = Metric(
            of: id, "loss_reduction", unit: .usdMillion, "Perishable trade added by storage that lowers losses",
            dimensions: tradeDims, equation: "\(doc)#loss-reduction")
        static let formalisation = Metric(
            of: id, "formalisation", unit: .usdMillion, "Recorded trade added by formalising shadow trade (no new trade)",
            dimensions: tradeDims, equation: "\(doc)#formalisation")
        static let tariffRevenueChange = Metric(
            of: id, "tariff_revenue_change", unit: .usdMillion, "The importing country's customs revenue change on the flow and on diverted imports",
            dimensions: tradeDims, equation: "\(doc)#tariff-revenue")
        static let welfare = Metric(
            of: id, "welfare", unit: .usdMillion, "Deadweight-triangle welfare gain of the tariff change",
            dimensions: [.link, .sector, .direction], equation: "\(doc)#welfare")
        static let tradeCostSaving = Metric(
            of: id, "trade_cost_saving", unit: .usdMillion,
            "The importing country's saving from lower border-time and logistics costs: on trade that already crossed "
                + "(instrument existing_trade) and, by the rule of a half, on the trade the measures create (new_trade)",
            dimensions: [.link, .sector, .direction, .country, .instrument], equation: "\(doc)#trade-cost-saving")
        static let savedProduceValue = Metric(
            of: id, "saved_produce_value", unit: .usdMillion,
            "The exporting country's value of perishable produce no longer lost, net of storage and handling costs",
            dimensions: tradeDims, equation: "\(doc)#saved-produce-value")
        static let historyIndex = Metric(
            of: id, "history_index", unit: .indexPercent, "Year-over-year index of recorded exports, imports or turnover (previous year = 100)",
            dimensions: [.link, .direction, .instrument], additive: false, equation: "\(doc)#history-indices")
        static let historyCAGR = Metric(
            of: id, "history_cagr", unit: .fractionPerYear, "Compound annual growth of the recorded series, first to last year",
            dimensions: [.link, .direction, .instrument], additive: false, equation: "\(doc)#history-indices")
        static let tradeCreationTotal = Metric(
            of: id, "trade_creation_total", unit: .usdMillion, "Trade creation summed over flows and horizon years",
            equation: "\(doc)#headlines", presentation: MetricPresentation(shortLabel: "Trade creation", better: .higher))
        static let tradeDiversionTotal = Metric(
            of: id, "trade_diversion_total", unit: .usdMillion, "Trade diversion toward the zone's flows, summed over flows and years",
            equation: "\(doc)#headlines",
            presentation: MetricPresentation(shortLabel: "Trade diversion"))
        static let tradeFacilitationTotal = Metric(
            of: id, "trade_facilitation_total", unit: .usdMillion, "Facilitation effect summed over flows and years",
            equation: "\(doc)#headlines", presentation: MetricPresentation(shortLabel: "Trade facilitation", better: .higher))
        static let lossReductionTotal = Metric(
            of: id, "loss_reduction_total", unit: .usdMillion, "Loss reduction summed over flows and years",
            equation: "\(doc)#headlines", presentation: MetricPresentation(shortLabel: "Produce no longer lost", better: .higher))
        static let formalisationTotal = Metric(
            of: id, "formalisation_total", unit: .usdMillion, "Formalised trade summed over flows and years",
            equation: "\(doc)#headlines", presentation: MetricPresentation(shortLabel: "Shadow trade formalised", better: .higher))
        static let tradeCostSavingTotal = Metric(
            of: id, "trade_cost_saving_total", unit: .usdMillion, "Trade-cost saving (existing and new trade) summed over flows and years",
            equation: "\(doc)#headlines", presentation: MetricPresentation(shortLabel: "Trade-cost savings", better: .higher))
        static let savedProduceValueTotal = Metric(
            of: id, "saved_produce_value_total", unit: .usdMillion, "Value of produce no longer lost, net of storage costs, summed over flows and years",
            equation: "\(doc)#headlines", presentation: MetricPresentation(shortLabel: "Value of saved produce", better: .higher))
        static let tariffRevenueChangePV = Metric(
            of: id, "tariff_revenue_change_pv", unit: .usdMillion, "Present value of the tariff revenue change at the scenario discount rate",
            equation: "\(doc)#headlines", presentation: MetricPresentation(shortLabel: "Tariff revenue change (PV)", better: .higher, brief: .treasuryCost))
        static let welfareTotal = Metric(
            of: id, "welfare_total", unit: .usdMillion, "Welfare gain summed over flows and years",
            equation: "\(doc)#headlines", presentation: MetricPresentation(shortLabel: "Welfare gain", better: .higher))
        static let tradeScenarioLastYear = Metric(
            of: id, "trade_scenario_last_year", unit: .usdMillion, "Recorded trade on all links with the zone in the last horizon year",
            equation: "\(doc)#headlines", presentation: MetricPresentation(shortLabel: "Trade, last year", better: .higher))
        static let tradeChangeLastYear = Metric(
            of: id, "trade_change_last_year", unit: .usdMillion, "Scenario minus baseline trade on all links in the last horizon year",
            equation: "\(doc)#headlines", presentation: MetricPresentation(shortLabel: "Trade change, last year", better: .higher, card: 2, brief: .trade))
    }

    /// The parameters, metrics and headlines of `trade_effects`.
    public static let descriptor = EvaluatorDescriptor(
        id: id,
        summary: "Baseline and scenario trade flows by link, sector and direction, decomposed into WITS-SMART tariff effects "
            + "(creation, diversion, tariff revenue, welfare), border-time and logistics facilitation, storage loss reduction "
            + "and shadow-trade formalisation, with one elasticity for tariffs and other trade costs; the importer's trade-cost "
            + "saving and the value of produce no longer lost; history indices and data checks",
        version: "2.0.0",
        parameters: Parameters.specs,
        metrics: [
            Metrics.tradeBaseline,
            Metrics.tradeScenario,
            Metrics.tradeCreation,
            Metrics.tradeDiversion,
            Metrics.tradeFacilitation,
            Metrics.lossReduction,
            Metrics.formalisation,
            Metrics.tariffRevenueChange,
            Metrics.welfare,
            Metrics.tradeCostSaving,
            Metrics.savedProduceValue,
            Metrics.historyIndex,
            Metrics.historyCAGR,
        ],
        headlines: [
            Metrics.tradeCreationTotal,
            Metrics.tradeDiversionTotal,
            Metrics.tradeFacilitationTotal,
            Metrics.lossReductionTotal,
            Metrics.formalisationTotal,
            Metrics.tradeCostSavingTotal,
            Metrics.savedProduceValueTotal,
            Metrics.tariffRevenueChangePV,
            Metrics.welfareTotal,
            Metrics.tradeScenarioLastYear,
            Metrics.tradeChangeLastYear,
        ],
        documentation: doc,
        charts: charts)

    /// The dimensions of the trade metrics.
    static let tradeDims: [Dimension] = [.link, .sector, .direction, .country]
}

extension TradeEffectsEvaluator.Parameters {
    /// The parameters: each property's scenario name, meaning, unit, ranges and citation (its default is the
    /// property's initial value).
    public static let table: [ParameterField<Self>] = [
        ParameterField(
            \.importDemandElasticity, "import_demand_elasticity",
            "Import-demand elasticity Em (negative) of the SMART partial equilibrium; by default also the elasticity of trade "
                + "to border time and logistics cost (one elasticity for every ad-valorem trade cost)",
            unit: .ratio, allowed: -20 ... -0.01, plausible: -2.25 ... -0.76,
            citation: "Boehm, Levchenko & Pandalai-Nayar (2023), 'The Long and Short (Run) of Trade Elasticities', American Economic "
                + "Review 113(4), 861–905, abstract: the elasticity of tariff-exclusive trade to a tariff change is about −0.76 in "
                + "the first year and −1.75 to −2.25 in the long run (7–10 years); −2.0 is the middle of the long-run range"),
        ParameterField(
            \.substitutionElasticity, "substitution_elasticity",
            "Substitution elasticity Es between import sources (Armington)",
            unit: .ratio, allowed: 0...50, plausible: 0.75...3,
            citation: "WITS-SMART default 1.5 (WITS online help, 'Checking the raw data'); Laird & Yeats (1986)"),
        ParameterField(
            \.exportSupplyElasticity, "export_supply_elasticity",
            "Export-supply elasticity Ex; 0 means infinite (perfectly elastic supply, world prices fixed)",
            unit: .ratio, allowed: 0...1_000_000, citation: "WITS-SMART default: infinite (the WITS software enters 99 for it; WITS online help)"),
        ParameterField(
            \.timeCostPerDay, "time_cost_per_day",
            "Ad-valorem equivalent of one day of border crossing time, as a fraction of the goods' value",
            unit: .fractionPerDay, allowed: 0...0.2, plausible: 0.006...0.021,
            citation: "Hummels & Schaur (2013), 'Time as a Trade Barrier', American Economic Review 103(7), 2935–2959, abstract: "
                + "each day in transit is worth 0.6–2.1 % ad valorem; the low end, so that at Em = −2 a day moves trade by "
                + "2 · 0.6 % = 1.2 % (÷ (1 + τ0)), the 'more than 1 %' of Djankov, Freund & Pham (2010), 'Trading on Time', "
                + "Review of Economics and Statistics 92(1), 166–173"),
        ParameterField(
            \.perishableTimeCostPerDay, "perishable_time_cost_per_day",
            "Ad-valorem equivalent of one day of crossing time for perishable sectors",
            unit: .fractionPerDay, allowed: 0...0.2, plausible: 0.013...0.04,
            citation: "Hummels & Schaur (2013): time costs are highest for time-sensitive goods; the top of their 0.6–2.1 % range "
                + "for fresh produce is an assumption", assumption: true),
        ParameterField(
            \.tradeCostElasticity, "trade_cost_elasticity",
            "Elasticity θ of trade to an ad-valorem trade cost (border time, logistics); 0 means −import_demand_elasticity, "
                + "so that equal ad-valorem cuts in a tariff and in a trade cost move trade equally",
            unit: .ratio, allowed: 0...20,
            citation: "Anderson & van Wincoop (2004), 'Trade Costs', Journal of Economic Literature 42(3), 691–751, section 2: "
                + "tariffs and other trade costs enter demand as one ad-valorem tax equivalent with one elasticity; 0 (the "
                + "default) applies that. A switch, not a small number: give no distribution that reaches 0"),
        ParameterField(
            \.exportableShare, "exportable_share",
            "Share of the extra marketable supply from lower storage losses that reaches the traded flow",
            unit: .fraction, allowed: 0...1, plausible: 0.5...1,
            citation: "No source pins down the share of extra marketable supply that is traded rather than sold at home; 1 (all of it) "
                + "is an assumption", assumption: true),
        ParameterField(
            \.storageCostShare, "storage_cost_share",
            "Share of the value of produce no longer lost that is spent on storing and handling it (cold-store energy, "
                + "labour, sorting, packing; the store's capital cost is in the investment rows)",
            unit: .fraction, allowed: 0...1, plausible: 0.1...0.4,
            citation: "No published cost share for Central Asian fruit and vegetable storage was found; a quarter of the saved "
                + "produce's value is an assumption, the range 0.1–0.4 for sensitivity", assumption: true),
        ParameterField(
            \.turnoverTolerance, "turnover_tolerance",
            "Absolute tolerance for reported turnover vs exports + imports before a data warning",
            unit: .usdMillion, allowed: 0...1e12, citation: "Kuanshaliev (2024), Table 1: the rows whose parts add up agree within ±0.1 (one-decimal rounding)",
            assumption: true),
        ParameterField(
            \.turnoverRelativeTolerance, "turnover_relative_tolerance",
            "Relative tolerance for reported turnover vs exports + imports (fraction of turnover)",
            unit: .fraction, allowed: 0...1, citation: "Rounding of published tables; 0.1 % is an assumption", assumption: true),
    ]
}
