import CoopZoneCore

extension TradeEffectsEvaluator {
    /// Where the equations are documented.
    static let doc = "Docs/methodology/trade_effects.md"

    /// The parameters, metrics and headlines of `trade_effects`.
    public static let descriptor = EvaluatorDescriptor(
        id: "trade_effects",
        summary: "Baseline and scenario trade flows by link, sector and direction, decomposed into WITS-SMART tariff effects "
            + "(creation, diversion, tariff revenue, welfare), border-time and logistics facilitation, storage loss reduction "
            + "and shadow-trade formalisation; history indices and data checks",
        version: "1.0.0",
        parameters: [
            ParameterSpec("import_demand_elasticity", "Import-demand elasticity Em (negative) of the SMART partial equilibrium",
                          unit: .ratio, default: Parameters.Default.importDemandElasticity, allowed: -20 ... -0.01, plausible: -3.0 ... -0.5,
                          citation: "WITS-SMART uses product-level estimates (Kee, Nicita & Olarreaga 2008); the WITS help's example product has 1.47 "
                              + "(entered as a positive number). −1.5 is an assumption for an unspecified basket",
                          assumption: true),
            ParameterSpec("substitution_elasticity", "Substitution elasticity Es between import sources (Armington)",
                          unit: .ratio, default: Parameters.Default.substitutionElasticity, allowed: 0 ... 50, plausible: 0.75 ... 3,
                          citation: "WITS-SMART default 1.5 (WITS online help, 'Checking the raw data'); Laird & Yeats (1986)"),
            ParameterSpec("export_supply_elasticity", "Export-supply elasticity Ex; 0 means infinite (perfectly elastic supply, world prices fixed)",
                          unit: .ratio, default: Parameters.Default.exportSupplyElasticity, allowed: 0 ... 1_000_000,
                          citation: "WITS-SMART default: infinite (the WITS software enters 99 for it; WITS online help)"),
            ParameterSpec("time_cost_per_day", "Ad-valorem equivalent of one day of border crossing time, as a fraction of the goods' value",
                          unit: .fraction, default: Parameters.Default.timeCostPerDay, allowed: 0 ... 0.2, plausible: 0.006 ... 0.021,
                          citation: "Hummels & Schaur (2013), AER 103(7): each day in transit is worth 0.6–2.1 % ad valorem"),
            ParameterSpec("perishable_time_cost_per_day", "Ad-valorem equivalent of one day of crossing time for perishable sectors",
                          unit: .fraction, default: Parameters.Default.perishableTimeCostPerDay, allowed: 0 ... 0.2, plausible: 0.013 ... 0.04,
                          citation: "Hummels & Schaur (2013): time costs are highest for time-sensitive goods; the top of their 0.6–2.1 % range "
                              + "for fresh produce is an assumption",
                          assumption: true),
            ParameterSpec("trade_cost_elasticity", "Trade-cost elasticity θ in Δln X = −θ·Δln(1 + τ)",
                          unit: .ratio, default: Parameters.Default.tradeCostElasticity, allowed: 0.5 ... 20, plausible: 3 ... 6,
                          citation: "Simonovska & Waugh (2014), JIE 92(1): ≈ 4; Head & Mayer (2014), Handbook of Int. Econ. 4: preferred 5"),
            ParameterSpec("exportable_share", "Share of the extra marketable supply from lower storage losses that reaches the traded flow",
                          unit: .fraction, default: Parameters.Default.exportableShare, allowed: 0 ... 1, plausible: 0.5 ... 1,
                          citation: "Assumption: the gain applies to the exportable share of output; no publication pins it down (1 = all of it)",
                          assumption: true),
            ParameterSpec("turnover_tolerance", "Absolute tolerance for reported turnover vs exports + imports before a data warning",
                          unit: .usdMillion, default: Parameters.Default.turnoverTolerance, allowed: 0 ... 1e12,
                          citation: "Kuanshaliev (2024), Table 1: the rows whose parts add up agree within ±0.1 (one-decimal rounding)",
                          assumption: true),
            ParameterSpec("turnover_relative_tolerance", "Relative tolerance for reported turnover vs exports + imports (fraction of turnover)",
                          unit: .fraction, default: Parameters.Default.turnoverRelativeTolerance, allowed: 0 ... 1,
                          citation: "Rounding of published tables; 0.1 % is an assumption", assumption: true),
        ],
        metrics: [
            MetricSpec("trade_baseline", unit: .usdMillion, "Trade without the zone: history where recorded, else projected",
                       dimensions: tradeDims, equation: "\(doc)#baseline"),
            MetricSpec("trade_scenario", unit: .usdMillion, "Recorded trade with the zone: baseline plus every effect below",
                       dimensions: tradeDims, equation: "\(doc)#scenario-trade"),
            MetricSpec("trade_creation", unit: .usdMillion, "New imports from the tariff change on the flow (SMART trade creation)",
                       dimensions: tradeDims, equation: "\(doc)#trade-creation"),
            MetricSpec("trade_diversion", unit: .usdMillion, "Imports shifted to the flow from the rest of the world (SMART trade diversion)",
                       dimensions: tradeDims, equation: "\(doc)#trade-diversion"),
            MetricSpec("trade_facilitation", unit: .usdMillion, "Trade added by shorter border crossing and lower logistics cost",
                       dimensions: tradeDims, equation: "\(doc)#trade-facilitation"),
            MetricSpec("loss_reduction", unit: .usdMillion, "Perishable trade added by storage that lowers losses",
                       dimensions: tradeDims, equation: "\(doc)#loss-reduction"),
            MetricSpec("formalisation", unit: .usdMillion, "Recorded trade added by formalising shadow trade (no new trade)",
                       dimensions: tradeDims, equation: "\(doc)#formalisation"),
            MetricSpec("tariff_revenue_change", unit: .usdMillion, "The importing country's customs revenue change on the flow and on diverted imports",
                       dimensions: tradeDims, equation: "\(doc)#tariff-revenue"),
            MetricSpec("welfare", unit: .usdMillion, "Deadweight-triangle welfare gain of the tariff change",
                       dimensions: [.link, .sector, .direction], equation: "\(doc)#welfare"),
            MetricSpec("history_index", unit: .indexPercent, "Year-over-year index of recorded exports, imports or turnover (previous year = 100)",
                       dimensions: [.link, .direction, .instrument], additive: false, equation: "\(doc)#history-indices"),
            MetricSpec("history_cagr", unit: .fractionPerYear, "Compound annual growth of the recorded series, first to last year",
                       dimensions: [.link, .direction, .instrument], additive: false, equation: "\(doc)#history-indices"),
        ],
        headlines: [
            MetricSpec("trade_creation_total", unit: .usdMillion, "Trade creation summed over flows and horizon years",
                       equation: "\(doc)#headlines", higherIsBetter: true),
            MetricSpec("trade_diversion_total", unit: .usdMillion, "Trade diversion toward the zone's flows, summed over flows and years",
                       equation: "\(doc)#headlines"),
            MetricSpec("trade_facilitation_total", unit: .usdMillion, "Facilitation effect summed over flows and years",
                       equation: "\(doc)#headlines", higherIsBetter: true),
            MetricSpec("loss_reduction_total", unit: .usdMillion, "Loss reduction summed over flows and years",
                       equation: "\(doc)#headlines", higherIsBetter: true),
            MetricSpec("formalisation_total", unit: .usdMillion, "Formalised trade summed over flows and years",
                       equation: "\(doc)#headlines", higherIsBetter: true),
            MetricSpec("tariff_revenue_change_pv", unit: .usdMillion, "Present value of the tariff revenue change at the scenario discount rate",
                       equation: "\(doc)#headlines", higherIsBetter: true),
            MetricSpec("welfare_total", unit: .usdMillion, "Welfare gain summed over flows and years",
                       equation: "\(doc)#headlines", higherIsBetter: true),
            MetricSpec("trade_scenario_last_year", unit: .usdMillion, "Recorded trade on all links with the zone in the last horizon year",
                       equation: "\(doc)#headlines", higherIsBetter: true),
            MetricSpec("trade_change_last_year", unit: .usdMillion, "Scenario minus baseline trade on all links in the last horizon year",
                       equation: "\(doc)#headlines", higherIsBetter: true),
        ],
        documentation: doc)

    /// The dimensions of the trade metrics.
    static let tradeDims: [Dimension] = [.link, .sector, .direction, .country]
}
