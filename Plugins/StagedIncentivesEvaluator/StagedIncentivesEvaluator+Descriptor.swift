import CoopZoneCore

extension StagedIncentivesEvaluator {
    /// The id used in scenarios.
    static let id = "staged_incentives"
    static let doc = "Docs/methodology/staged_incentives.md"

    static let metricSpecs: [Metric] = [
        Metrics.investment,
        Metrics.taxExpenditure,
        Metrics.taxExpenditurePV,
        Metrics.emtr,
        Metrics.eatr,
        Metrics.publicInfrastructure,
        Metrics.redundancy,
        Metrics.operationLag,
        Metrics.capacityLifeYears,
        Metrics.taxExpenditureExisting,
        Metrics.existingCapacity,
        Metrics.preTaxProfit,
    ]

    static let headlineSpecs: [Metric] = [
        Metrics.taxExpenditurePVTotal,
        Metrics.investmentTotal,
        Metrics.eatrChange,
    ]

    /// Its charts: tax expenditure by stage in the report, investment and tax expenditure on the
    /// workshop's page.
    static let charts: [ChartSpec] = [
        ChartSpec(
            id: "tax-expenditure", kind: .stackByStage, order: 50, title: "Tax expenditure by stage and instrument",
            heading: "Tax expenditure by stage and instrument",
            summary: "Revenue forgone through the zone's incentives, summed over the years of each stage, stacked by instrument, {money}.",
            caption:
                "One bar per stage of the zone, in the order the stages start, with the years in which it costs revenue; each segment is one instrument (income-tax holiday, property and land tax, duties, rent, reimbursements), in the legend's order from the axis up, told apart by lightness and pattern. Values are summed over years and countries without discounting; the present value is the headline tax_expenditure_pv_total.",
            xTitle: "stage of the zone (years with tax expenditure)", yTitle: "tax expenditure, {unit} (undiscounted)", height: 400,
            series: [ChartSpec.Series(Metrics.taxExpenditure, "tax expenditure")]),
        ChartSpec(
            id: "investment", kind: .workshopByYear, order: 40, title: "Private investment and tax expenditure",
            series: [ChartSpec.Series(Metrics.investment, "Private investment"), ChartSpec.Series(Metrics.taxExpenditure, "Tax expenditure")]),
    ]

    /// The metrics and headlines, each declared once; rows and headlines are written through these handles.
    enum Metrics {
        static let investment = Metric(
            of: id, "investment", unit: .usdMillion, "Private investment in the zone in the year: the programme as given, or after the response to the EATR",
            dimensions: [.zone, .country, .region, .sector, .stage], equation: "\(doc)#investment-response")
        static let taxExpenditure = Metric(
            of: id, "tax_expenditure", unit: .usdMillion, "Revenue forgone: tax under the baseline regime minus tax under the zone regime",
            dimensions: [.zone, .country, .stage, .instrument], equation: "\(doc)#tax-expenditure")
        static let taxExpenditurePV = Metric(
            of: id, "tax_expenditure_pv", unit: .usdMillion,
            "Present value of the tax expenditure at the scenario discount rate, at the first year of the horizon",
            dimensions: [.zone, .country, .instrument], equation: "\(doc)#present-value")
        static let emtr = Metric(
            of: id, "emtr", unit: .fraction, "Effective marginal tax rate of the representative investment (no stage = baseline regime)",
            dimensions: [.zone, .country, .stage], additive: false, equation: "\(doc)#effective-tax-rates")
        static let eatr = Metric(
            of: id, "eatr", unit: .fraction, "Effective average tax rate of the representative investment (no stage = baseline regime)",
            dimensions: [.zone, .country, .stage], additive: false, equation: "\(doc)#effective-tax-rates")
        static let publicInfrastructure = Metric(
            of: id, "public_infrastructure", unit: .usdMillion, "Public infrastructure spending: capital during the stage, running cost afterwards",
            dimensions: [.zone, .country, .stage], equation: "\(doc)#public-infrastructure")
        static let redundancy = Metric(
            of: id, "redundancy", unit: .fraction, "Share of incentivised investment that would have come anyway (the parameter, passed downstream)",
            additive: false, equation: "\(doc)#redundancy")
        static let operationLag = Metric(
            of: id, "operation_lag", unit: .years,
            "Years from a cohort's investment to its first year of operation (the parameter, passed downstream so that jobs start with profits)",
            additive: false, equation: "\(doc)#cohort-timing")
        static let capacityLifeYears = Metric(
            of: id, "capacity_life_years", unit: .years,
            "Years a cohort operates from its first year of operation (the parameter, passed downstream so that jobs end with profits)",
            additive: false, equation: "\(doc)#cohort-timing")
        static let taxExpenditureExisting = Metric(
            of: id, "tax_expenditure_existing", unit: .usdMillion,
            "The part of tax_expenditure on capacity already in place (investment lines with existing: true): a cost in full downstream, since none of it brings new investment",
            dimensions: [.zone, .country, .stage, .instrument], equation: "\(doc)#existing-capacity")
        static let existingCapacity = Metric(
            of: id, "existing_capacity", unit: .usdMillion,
            "Capacity already in place under the zone's regime, at its value in its year (not investment: no jobs, no investment response)",
            dimensions: [.zone, .country, .region, .sector], equation: "\(doc)#existing-capacity")
        static let preTaxProfit = Metric(
            of: id, "pre_tax_profit", unit: .usdMillionPerYear,
            "Pre-tax profit of the zone's new investment cohorts in operation, p · assets: the base of the profit tax they pay once holidays end (existing capacity's profits are not included)",
            dimensions: [.zone, .country], equation: "\(doc)#cohort-timing")
        static let taxExpenditurePVTotal = Metric(
            of: id, "tax_expenditure_pv_total", unit: .usdMillion, "Present value of all tax expenditure of all zones", equation: "\(doc)#headlines",
            presentation: MetricPresentation(shortLabel: "Fiscal cost (PV of tax expenditure)", better: .lower, card: 3, brief: .treasuryCost))
        static let investmentTotal = Metric(
            of: id, "investment_total", unit: .usdMillion, "Private investment in the zones over the horizon", equation: "\(doc)#headlines",
            presentation: MetricPresentation(shortLabel: "Private investment", better: .higher, brief: .investment))
        static let eatrChange = Metric(
            of: id, "eatr_change", unit: .fraction,
            "Change in the EATR from the baseline, averaged over the investment made under the stages (weighted by amount)",
            additive: false, equation: "\(doc)#headlines", presentation: MetricPresentation(shortLabel: "Change in effective tax rate"))
    }

    /// What the evaluator is: id, parameters, metrics and headlines.
    public static let descriptor = EvaluatorDescriptor(
        id: id,
        summary: "Tax expenditure, effective tax rates, investment and public infrastructure of a zone's staged incentive packages",
        version: "2.0.0",
        dependencies: [],
        parameters: Parameters.specs,
        metrics: metricSpecs,
        headlines: headlineSpecs,
        documentation: doc,
        charts: charts)
}

extension StagedIncentivesEvaluator.Parameters {
    /// The parameters: each property's scenario name, meaning, unit, ranges and citation (its default is the
    /// property's initial value).
    public static let table: [ParameterField<Self>] = [
        ParameterField(
            \.nominalInterestRate, "nominal_interest_rate",
            "Nominal interest (discount) rate i of the representative investment",
            unit: .fractionPerYear, allowed: 0...0.5, plausible: 0.06...0.16,
            citation: "Assumption: a nominal cost of funds for a transition economy; Devereux & Griffith (2003) leave i to the user", assumption: true),
        ParameterField(
            \.inflation, "inflation",
            "Inflation π",
            unit: .fractionPerYear, allowed: -0.05...0.5, plausible: 0.02...0.10,
            citation: "Assumption: inflation of the zone's countries over the horizon; set it from the central banks' targets", assumption: true),
        ParameterField(
            \.depreciation, "depreciation",
            "Economic depreciation δ (geometric) of the representative asset and of the zone's assets",
            unit: .fractionPerYear, allowed: 0...0.5, plausible: 0.05...0.175,
            citation:
                "Assumption: a mix of structures (about 0.03) and machinery (about 0.12–0.175), after the asset rates used in the Devereux–Griffith/OECD effective tax rate work",
            assumption: true),
        ParameterField(
            \.preTaxReturn, "pre_tax_return",
            "Real pre-tax return p of the inframarginal project (EATR) and profit per unit of the zone's assets",
            unit: .fractionPerYear, allowed: 0.01...1, plausible: 0.10...0.30,
            citation:
                "Devereux & Griffith (2003), Int. Tax and Public Finance 10(2); OECD Corporate Tax Statistics EATR at 20 % profitability (Hanappi 2018, OECD Taxation WP 38)"
        ),
        ParameterField(
            \.allowanceLife, "allowance_life",
            "Straight-line tax depreciation life Y",
            unit: .years, allowed: 1...50, plausible: 5...20, citation: "Assumption: straight line over 10 years, between machinery (5–8) and buildings (20+)",
            assumption: true),
        ParameterField(
            \.semiElasticity, "semi_elasticity",
            "Semi-elasticity ε of investment to the EATR (per unit of EATR)",
            unit: .ratio, allowed: -10...0, plausible: -6 ... -1,
            citation: "De Mooij & Ederveen (2003), Int. Tax and Public Finance 10(6), meta-analysis of FDI and taxation; an assumption outside OECD settings",
            assumption: true),
        ParameterField(
            \.investmentResponse, "investment_response",
            "1 = scale the investment programme by I = I_base·(1 + ε·ΔEATR); 0 = take the programme as given",
            unit: .count, allowed: 0...1, plausible: 0...0,
            citation: "Modelling choice: the scenario's programme is usually already a forecast under the incentives", assumption: true),
        ParameterField(
            \.redundancy, "redundancy",
            "Share of incentivised investment that would have come anyway (used downstream)",
            unit: .fraction, allowed: 0...1, plausible: 0.3...0.9,
            citation:
                "IMF, OECD, UN, World Bank (2015), Options for Low Income Countries' Effective and Efficient Use of Tax Incentives for Investment: high redundancy in low-income countries, no single figure",
            assumption: true),
        ParameterField(
            \.operationLag, "operation_lag",
            "Years from the investment year to the first year of operation (profits, assets, sales and jobs; passed downstream)",
            unit: .years, allowed: 0...5, plausible: 0...2, citation: "Assumption: a plant built in one year operates from the next", assumption: true),
        ParameterField(
            \.capacityLifeYears, "capacity_life_years",
            "Years a cohort of investment operates, counted from its first year of operation: its profits, assets, sales and tax expenditure, and (downstream) its jobs, stop after it",
            unit: .years, allowed: 1...100, plausible: 10...30,
            citation: "Assumption: economic life of zone buildings and equipment, about 1/δ at the default depreciation of 0.10 a year", assumption: true),
        ParameterField(
            \.outputCapitalRatio, "output_capital_ratio",
            "Output (turnover) per unit of assets per year",
            unit: .ratio, allowed: 0...10, plausible: 0.5...2.0,
            citation: "Assumption: light export manufacturing turns over roughly its capital stock each year", assumption: true),
        ParameterField(
            \.importedInputShare, "imported_input_share",
            "Imported inputs for export production as a share of output (base of the input-duty exemption)",
            unit: .fraction, allowed: 0...1, plausible: 0.1...0.6,
            citation: "Assumption: processing for export with a third of its output value in imported inputs", assumption: true),
        ParameterField(
            \.domesticSalesShare, "domestic_sales_share",
            "Share of output sold on the domestic market (base of VAT and customs-duty discounts)",
            unit: .fraction, allowed: 0...1, plausible: 0.1...0.7, citation: "Assumption: export-oriented zone residents sell most of their output abroad",
            assumption: true),
        ParameterField(
            \.equipmentShare, "equipment_share",
            "Share of an investment spent on imported equipment, where the programme line gives none",
            unit: .fraction, allowed: 0...1, plausible: 0.2...0.6, citation: "Assumption: machinery and equipment in a greenfield manufacturing investment",
            assumption: true),
        ParameterField(
            \.residentInfrastructureShare, "resident_infrastructure_share",
            "Residents' own infrastructure costs (connections, site works) as a share of their investment",
            unit: .fraction, allowed: 0...1, plausible: 0.02...0.15, citation: "Assumption: on-site connections and works of an industrial plot",
            assumption: true),
    ]
}
