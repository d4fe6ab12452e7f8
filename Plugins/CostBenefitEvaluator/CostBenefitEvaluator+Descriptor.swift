import CoopZoneCore

extension CostBenefitEvaluator {
    /// Where the equations are documented.
    static let doc = "Docs/methodology/cost_benefit.md"

    /// The parameters, with units, defaults, ranges and citations.
    static let parameterSpecs: [ParameterSpec] = [
        ParameterSpec("shadow_wage_rate_factor",
                      "Shadow wage rate factor: the opportunity cost of the labour a net additional job employs, as a share of its wage; a job's economic benefit is w · (1 − SWRF), of which the wage tax goes to the treasury",
                      unit: .fraction, default: 0.8, allowed: 0...1, plausible: 0.6...1.0,
                      citation: "Asian Development Bank (2017), Guidelines for the Economic Analysis of Projects, ch. on the economic price of labour: the shadow wage rate factor is below 1 for unskilled labour in surplus and 1 for skilled labour in short supply; 0.8 is assumed for the mixed labour of zone plants in regions with open unemployment",
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
                   "Economic benefit in the year: the wage of net additional jobs above its opportunity cost less the wage tax, trade welfare, trade-cost savings, the value of produce no longer lost",
                   dimensions: [.country, .instrument], equation: "\(doc)#economic-benefit"),
        MetricSpec("net_benefit", unit: .usdMillion, "Net benefit in the year: fiscal gain + economic benefit − fiscal cost",
                   dimensions: [.country], equation: "\(doc)#net-benefit"),
        MetricSpec("net_benefit_pv", unit: .usdMillion, "Present value of the net benefit at the scenario discount rate, at the first year of the horizon",
                   dimensions: [.country], equation: "\(doc)#net-present-value"),
        MetricSpec("cumulative_net_benefit_pv", unit: .usdMillion, "Cumulative discounted net benefit from the first year of the horizon to the year",
                   additive: false, equation: "\(doc)#payback-year"),
        MetricSpec("attributable_jobs", unit: .jobs, "Net additional jobs of the parties, as employment counts them (jobs_net: redundancy applied to jobs from investment, deadweight to jobs from trade)",
                   dimensions: [.country], equation: "\(doc)#cost-per-net-job"),
        MetricSpec("non_party_effect", unit: .usdMillion, "Effects on a country that is not a party to the zone, by stream (gains positive, costs negative): reported, kept out of the NPV and every headline",
                   dimensions: [.country, .instrument], equation: "\(doc)#parties"),
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
        version: "2.0.0",
        dependencies: ["staged_incentives", "trade_effects", "employment"],
        parameters: parameterSpecs,
        metrics: metricSpecs,
        headlines: headlineSpecs,
        documentation: doc)
}
