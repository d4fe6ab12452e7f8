import CoopZoneCore

extension StagedIncentivesEvaluator {
    static let doc = "Docs/methodology/staged_incentives.md"

    /// The parameters, with units, defaults, ranges and citations.
    static let parameterSpecs: [ParameterSpec] = [
        ParameterSpec("nominal_interest_rate", "Nominal interest (discount) rate i of the representative investment", unit: .fractionPerYear,
                      default: 0.10, allowed: 0...0.5, plausible: 0.06...0.16,
                      citation: "Assumption: a nominal cost of funds for a transition economy; Devereux & Griffith (2003) leave i to the user", assumption: true),
        ParameterSpec("inflation", "Inflation π", unit: .fractionPerYear, default: 0.05, allowed: -0.05...0.5, plausible: 0.02...0.10,
                      citation: "Assumption: inflation of the zone's countries over the horizon; set it from the central banks' targets", assumption: true),
        ParameterSpec("depreciation", "Economic depreciation δ (geometric) of the representative asset and of the zone's assets", unit: .fractionPerYear,
                      default: 0.10, allowed: 0...0.5, plausible: 0.05...0.175,
                      citation: "Assumption: a mix of structures (about 0.03) and machinery (about 0.12–0.175), after the asset rates used in the Devereux–Griffith/OECD effective tax rate work",
                      assumption: true),
        ParameterSpec("pre_tax_return", "Real pre-tax return p of the inframarginal project (EATR) and profit per unit of the zone's assets", unit: .fractionPerYear,
                      default: 0.20, allowed: 0.01...1, plausible: 0.10...0.30,
                      citation: "Devereux & Griffith (2003), Int. Tax and Public Finance 10(2); OECD Corporate Tax Statistics EATR at 20 % profitability (Hanappi 2018, OECD Taxation WP 38)"),
        ParameterSpec("allowance_life", "Straight-line tax depreciation life Y", unit: .years, default: 10, allowed: 1...50, plausible: 5...20,
                      citation: "Assumption: straight line over 10 years, between machinery (5–8) and buildings (20+)", assumption: true),
        ParameterSpec("semi_elasticity", "Semi-elasticity ε of investment to the EATR (per unit of EATR)", unit: .ratio, default: -3.3,
                      allowed: -10...0, plausible: -6 ... -1,
                      citation: "De Mooij & Ederveen (2003), Int. Tax and Public Finance 10(6), meta-analysis of FDI and taxation; an assumption outside OECD settings",
                      assumption: true),
        ParameterSpec("investment_response", "1 = scale the investment programme by I = I_base·(1 + ε·ΔEATR); 0 = take the programme as given", unit: .count,
                      default: 0, allowed: 0...1, plausible: 0...0,
                      citation: "Modelling choice: the scenario's programme is usually already a forecast under the incentives", assumption: true),
        ParameterSpec("redundancy", "Share of incentivised investment that would have come anyway (used downstream)", unit: .fraction, default: 0.5,
                      allowed: 0...1, plausible: 0.3...0.9,
                      citation: "IMF, OECD, UN, World Bank (2015), Options for Low Income Countries' Effective and Efficient Use of Tax Incentives for Investment: high redundancy in low-income countries, no single figure",
                      assumption: true),
        ParameterSpec("operation_lag", "Years from the investment year to the first year of operation (profits, assets, sales)", unit: .years,
                      default: 1, allowed: 0...5, plausible: 0...2,
                      citation: "Assumption: a plant built in one year operates from the next", assumption: true),
        ParameterSpec("output_capital_ratio", "Output (turnover) per unit of assets per year", unit: .ratio, default: 1.0, allowed: 0...10, plausible: 0.5...2.0,
                      citation: "Assumption: light export manufacturing turns over roughly its capital stock each year", assumption: true),
        ParameterSpec("imported_input_share", "Imported inputs for export production as a share of output (base of the input-duty exemption)", unit: .fraction,
                      default: 0.3, allowed: 0...1, plausible: 0.1...0.6,
                      citation: "Assumption: processing for export with a third of its output value in imported inputs", assumption: true),
        ParameterSpec("domestic_sales_share", "Share of output sold on the domestic market (base of VAT and customs-duty discounts)", unit: .fraction,
                      default: 0.3, allowed: 0...1, plausible: 0.1...0.7,
                      citation: "Assumption: export-oriented zone residents sell most of their output abroad", assumption: true),
        ParameterSpec("equipment_share", "Share of an investment spent on imported equipment, where the programme line gives none", unit: .fraction,
                      default: 0.4, allowed: 0...1, plausible: 0.2...0.6,
                      citation: "Assumption: machinery and equipment in a greenfield manufacturing investment", assumption: true),
        ParameterSpec("resident_infrastructure_share", "Residents' own infrastructure costs (connections, site works) as a share of their investment",
                      unit: .fraction, default: 0.05, allowed: 0...1, plausible: 0.02...0.15,
                      citation: "Assumption: on-site connections and works of an industrial plot", assumption: true),
    ]

    static let metricSpecs: [MetricSpec] = [
        MetricSpec("investment", unit: .usdMillion, "Private investment in the zone in the year: the programme as given, or after the response to the EATR",
                   dimensions: [.zone, .country, .region, .sector, .stage], equation: "\(doc)#investment-response"),
        MetricSpec("tax_expenditure", unit: .usdMillion, "Revenue forgone: tax under the baseline regime minus tax under the zone regime",
                   dimensions: [.zone, .country, .stage, .instrument], equation: "\(doc)#tax-expenditure"),
        MetricSpec("tax_expenditure_pv", unit: .usdMillion, "Present value of the tax expenditure at the scenario discount rate, at the first year of the horizon",
                   dimensions: [.zone, .country, .instrument], equation: "\(doc)#present-value"),
        MetricSpec("emtr", unit: .fraction, "Effective marginal tax rate of the representative investment (no stage = baseline regime)",
                   dimensions: [.zone, .country, .stage], additive: false, equation: "\(doc)#effective-tax-rates"),
        MetricSpec("eatr", unit: .fraction, "Effective average tax rate of the representative investment (no stage = baseline regime)",
                   dimensions: [.zone, .country, .stage], additive: false, equation: "\(doc)#effective-tax-rates"),
        MetricSpec("public_infrastructure", unit: .usdMillion, "Public infrastructure spending: capital during the stage, running cost afterwards",
                   dimensions: [.zone, .country, .stage], equation: "\(doc)#public-infrastructure"),
        MetricSpec("redundancy", unit: .fraction, "Share of incentivised investment that would have come anyway (the parameter, passed downstream)",
                   additive: false, equation: "\(doc)#redundancy"),
    ]

    static let headlineSpecs: [MetricSpec] = [
        MetricSpec("tax_expenditure_pv_total", unit: .usdMillion, "Present value of all tax expenditure of all zones", equation: "\(doc)#headlines",
                   higherIsBetter: false),
        MetricSpec("investment_total", unit: .usdMillion, "Private investment in the zones over the horizon", equation: "\(doc)#headlines",
                   higherIsBetter: true),
        MetricSpec("eatr_change", unit: .fraction, "Change in the EATR from the baseline, averaged over the investment made under the stages (weighted by amount)",
                   additive: false, equation: "\(doc)#headlines"),
    ]

    /// What the evaluator is: id, parameters, metrics and headlines.
    public static let descriptor = EvaluatorDescriptor(
        id: "staged_incentives",
        summary: "Tax expenditure, effective tax rates, investment and public infrastructure of a zone's staged incentive packages",
        version: "1.0.0",
        dependencies: [],
        parameters: parameterSpecs,
        metrics: metricSpecs,
        headlines: headlineSpecs,
        documentation: doc)
}
