import CoopZoneCore

extension CostBenefitEvaluator {
    /// Where the equations are documented.
    static let doc = "Docs/methodology/cost_benefit.md"

    /// The parameters, with units, defaults, ranges and citations.
    static let parameterSpecs: [ParameterSpec] = [
        ParameterSpec("pre_tax_return", "Profit per unit of the residents' assets per year, for the profit-tax estimate; keep it equal to staged_incentives' pre_tax_return",
                      unit: .fractionPerYear, default: 0.20, allowed: 0.01...1, plausible: 0.10...0.30,
                      citation: "The same default as staged_incentives (Devereux & Griffith 2003; OECD Corporate Tax Statistics, 20 % profitability), so the two evaluators model the same profits"),
        ParameterSpec("depreciation", "Geometric depreciation of the residents' assets, for the profit-tax estimate; keep it equal to staged_incentives' depreciation",
                      unit: .fractionPerYear, default: 0.10, allowed: 0...0.5, plausible: 0.05...0.175,
                      citation: "Assumption, the same default as staged_incentives: a mix of structures and machinery", assumption: true),
        ParameterSpec("operation_lag", "Years from investment to the first year of operation, for the profit-tax estimate; keep it equal to staged_incentives' operation_lag",
                      unit: .years, default: 1, allowed: 0...5, plausible: 0...2,
                      citation: "Assumption, the same default as staged_incentives: a plant built in one year operates from the next", assumption: true),
        ParameterSpec("wage_benefit_share", "Share of the after-tax wage of a net additional job counted as an economic benefit (1 − the worker's opportunity cost as a share of the wage)",
                      unit: .fraction, default: 1.0, allowed: 0...1, plausible: 0.5...1.0,
                      citation: "1 counts the whole wage (no shadow wage adjustment); ADB (2017), Guidelines for the Economic Analysis of Projects, uses shadow wage rate factors below 1 for labour in surplus, the lower end of the range",
                      assumption: true),
    ]

    static let metricSpecs: [MetricSpec] = [
        MetricSpec("fiscal_cost", unit: .usdMillion,
                   "Fiscal cost in the year: tax expenditure on investment that would have come anyway (r × tax expenditure), infrastructure reimbursements, public infrastructure capital and running cost, customs revenue lost",
                   dimensions: [.country, .instrument], equation: "\(doc)#fiscal-cost"),
        MetricSpec("fiscal_gain", unit: .usdMillion,
                   "Fiscal gain in the year: taxes on the wages of net additional jobs, corporate income tax of additional investment once holidays end, customs revenue gained",
                   dimensions: [.country, .instrument], equation: "\(doc)#fiscal-gain"),
        MetricSpec("economic_benefit", unit: .usdMillion,
                   "Economic benefit in the year: after-tax wages of net additional jobs attributable to the zone, trade welfare",
                   dimensions: [.country, .instrument], equation: "\(doc)#economic-benefit"),
        MetricSpec("net_benefit", unit: .usdMillion, "Net benefit in the year: fiscal gain + economic benefit − fiscal cost",
                   dimensions: [.country], equation: "\(doc)#net-benefit"),
        MetricSpec("net_benefit_pv", unit: .usdMillion, "Present value of the net benefit at the scenario discount rate, at the first year of the horizon",
                   dimensions: [.country], equation: "\(doc)#net-present-value"),
        MetricSpec("cumulative_net_benefit_pv", unit: .usdMillion, "Cumulative discounted net benefit from the first year of the horizon to the year",
                   additive: false, equation: "\(doc)#payback-year"),
        MetricSpec("attributable_jobs", unit: .jobs, "Net additional jobs attributable to the zone after redundancy: (1 − r) × net jobs from investment + net jobs from trade",
                   dimensions: [.country], equation: "\(doc)#cost-per-net-job"),
    ]

    static let headlineSpecs: [MetricSpec] = [
        MetricSpec("npv", unit: .usdMillion, "Net present value: PV(fiscal gain + economic benefit − fiscal cost)",
                   equation: "\(doc)#net-present-value", higherIsBetter: true),
        MetricSpec("fiscal_npv", unit: .usdMillion, "Net present value for the treasuries: PV(fiscal gain − fiscal cost)",
                   equation: "\(doc)#net-present-value", higherIsBetter: true),
        MetricSpec("benefit_cost_ratio", unit: .ratio, "PV(fiscal gain + economic benefit) / PV(fiscal cost); absent when there is no fiscal cost",
                   additive: false, equation: "\(doc)#benefit-cost-ratio", higherIsBetter: true),
        MetricSpec("cost_per_net_job", unit: .usdMillionPerJob, "PV of fiscal cost per attributable net job at the peak year; absent when there are none",
                   additive: false, equation: "\(doc)#cost-per-net-job", higherIsBetter: false),
        MetricSpec("cost_per_net_job_year", unit: .usdThousandPerJobYear, "PV of fiscal cost per discounted attributable net job-year; absent when there are none",
                   additive: false, equation: "\(doc)#cost-per-net-job", higherIsBetter: false),
        MetricSpec("payback_year", unit: .calendarYear,
                   "First year from which the cumulative discounted net benefit stays at or above zero; the year after the horizon when it never does",
                   additive: false, equation: "\(doc)#payback-year", higherIsBetter: false),
        MetricSpec("break_even_redundancy", unit: .fraction, "Redundancy share at which the NPV turns negative, clamped to [0, 1]",
                   additive: false, equation: "\(doc)#break-even-redundancy", higherIsBetter: true),
    ]

    /// What the evaluator is: id, dependencies, parameters, metrics and headlines.
    public static let descriptor = EvaluatorDescriptor(
        id: "cost_benefit",
        summary: "Present values of a zone's fiscal costs, fiscal gains and economic benefits: NPV, benefit–cost ratio, cost per net job, payback year and break-even redundancy",
        version: "1.0.0",
        dependencies: ["staged_incentives", "trade_effects", "employment"],
        parameters: parameterSpecs,
        metrics: metricSpecs,
        headlines: headlineSpecs,
        documentation: doc)
}
