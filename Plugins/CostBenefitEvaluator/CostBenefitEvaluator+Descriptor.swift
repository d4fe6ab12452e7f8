import CoopZoneCore

extension CostBenefitEvaluator {
    /// The id used in scenarios.
    static let id = "cost_benefit"
    /// Where the equations are documented.
    static let doc = "Docs/methodology/cost_benefit.md"

    static let metricSpecs: [Metric] = [
        Metrics.fiscalCost,
        Metrics.fiscalGain,
        Metrics.economicBenefit,
        Metrics.netBenefit,
        Metrics.netBenefitPV,
        Metrics.cumulativeNetBenefitPV,
        Metrics.attributableJobs,
        Metrics.nonPartyEffect,
    ]

    static let headlineSpecs: [Metric] = [
        Metrics.npv,
        Metrics.fiscalNpv,
        Metrics.benefitCostRatio,
        Metrics.costPerNetJob,
        Metrics.costPerNetJobYear,
        Metrics.paybackYear,
        Metrics.breakEvenRedundancy,
    ]

    /// The dependencies' metrics it reads, each resolved to its key once.
    enum Reads {
        static let redundancy = MetricRef("staged_incentives", "redundancy")
        static let taxExpenditure = MetricRef("staged_incentives", "tax_expenditure")
        static let taxExpenditureExisting = MetricRef("staged_incentives", "tax_expenditure_existing")
        static let publicInfrastructure = MetricRef("staged_incentives", "public_infrastructure")
        static let preTaxProfit = MetricRef("staged_incentives", "pre_tax_profit")
        static let jobsNet = MetricRef("employment", "jobs_net")
        static let tariffRevenueChange = MetricRef("trade_effects", "tariff_revenue_change")
        static let welfare = MetricRef("trade_effects", "welfare")
        static let tradeCostSaving = MetricRef("trade_effects", "trade_cost_saving")
        static let savedProduceValue = MetricRef("trade_effects", "saved_produce_value")
    }

    /// Its chart: fiscal cost and gain on the workshop's page.
    static let charts: [ChartSpec] = [
        ChartSpec(
            id: "fiscal", kind: .workshopByYear, order: 30, title: "Fiscal cost and gain",
            series: [ChartSpec.Series(Metrics.fiscalCost, "Fiscal cost"), ChartSpec.Series(Metrics.fiscalGain, "Fiscal gain")])
    ]

    /// The metrics and headlines, each declared once; rows and headlines are written through these handles.
    enum Metrics {
        static let fiscalCost = Metric(
            of: id, "fiscal_cost", unit: .usdMillion,
            "Fiscal cost in the year: tax expenditure on investment that would have come anyway (r × tax expenditure), infrastructure reimbursements, public infrastructure capital and running cost, customs revenue lost",
            dimensions: [.country, .instrument], equation: "\(doc)#fiscal-cost")
        static let fiscalGain = Metric(
            of: id, "fiscal_gain", unit: .usdMillion,
            "Fiscal gain in the year: taxes on the wages of net additional jobs, corporate income tax of additional investment once holidays end, customs revenue gained",
            dimensions: [.country, .instrument], equation: "\(doc)#fiscal-gain")
        static let economicBenefit = Metric(
            of: id, "economic_benefit", unit: .usdMillion,
            "Economic benefit in the year: the wage of net additional jobs above its opportunity cost less the wage tax, trade welfare, trade-cost savings, the value of produce no longer lost",
            dimensions: [.country, .instrument], equation: "\(doc)#economic-benefit")
        static let netBenefit = Metric(
            of: id, "net_benefit", unit: .usdMillion, "Net benefit in the year: fiscal gain + economic benefit − fiscal cost",
            dimensions: [.country], equation: "\(doc)#net-benefit")
        static let netBenefitPV = Metric(
            of: id, "net_benefit_pv", unit: .usdMillion, "Present value of the net benefit at the scenario discount rate, at the first year of the horizon",
            dimensions: [.country], equation: "\(doc)#net-present-value")
        static let cumulativeNetBenefitPV = Metric(
            of: id, "cumulative_net_benefit_pv", unit: .usdMillion, "Cumulative discounted net benefit from the first year of the horizon to the year",
            additive: false, equation: "\(doc)#payback-year")
        static let attributableJobs = Metric(
            of: id, "attributable_jobs", unit: .jobs,
            "Net additional jobs of the parties, as employment counts them (jobs_net: redundancy applied to jobs from investment, deadweight to jobs from trade)",
            dimensions: [.country], equation: "\(doc)#cost-per-net-job")
        static let nonPartyEffect = Metric(
            of: id, "non_party_effect", unit: .usdMillion,
            "Effects on a country that is not a party to the zone, by stream (gains positive, costs negative): reported, kept out of the NPV and every headline",
            dimensions: [.country, .instrument], equation: "\(doc)#parties")
        static let npv = Metric(
            of: id, "npv", unit: .usdMillion, "Net present value: PV(fiscal gain + economic benefit − fiscal cost)",
            equation: "\(doc)#net-present-value", presentation: MetricPresentation(shortLabel: "Net present value", better: .higher, card: 4, brief: .npv))
        static let fiscalNpv = Metric(
            of: id, "fiscal_npv", unit: .usdMillion, "Net present value for the treasuries: PV(fiscal gain − fiscal cost)",
            equation: "\(doc)#net-present-value", presentation: MetricPresentation(shortLabel: "Fiscal NPV", better: .higher, brief: .treasuryCost))
        static let benefitCostRatio = Metric(
            of: id, "benefit_cost_ratio", unit: .ratio, "PV(fiscal gain + economic benefit) / PV(fiscal cost); absent when there is no fiscal cost",
            additive: false, equation: "\(doc)#benefit-cost-ratio", presentation: MetricPresentation(shortLabel: "Benefit–cost ratio", better: .higher))
        static let costPerNetJob = Metric(
            of: id, "cost_per_net_job", unit: .usdMillionPerJob, "PV of fiscal cost per attributable net job at the peak year; absent when there are none",
            additive: false, equation: "\(doc)#cost-per-net-job", presentation: MetricPresentation(shortLabel: "Fiscal cost per net job", better: .lower))
        static let costPerNetJobYear = Metric(
            of: id, "cost_per_net_job_year", unit: .usdThousandPerJobYear,
            "PV of fiscal cost per discounted attributable net job-year; absent when there are none",
            additive: false, equation: "\(doc)#cost-per-net-job", presentation: MetricPresentation(shortLabel: "Cost per net job-year", better: .lower))
        static let paybackYear = Metric(
            of: id, "payback_year", unit: .calendarYear,
            "First year from which the cumulative discounted net benefit stays at or above zero; the year after the horizon when it never does",
            additive: false, equation: "\(doc)#payback-year", presentation: MetricPresentation(shortLabel: "Payback year", better: .lower))
        static let breakEvenRedundancy = Metric(
            of: id, "break_even_redundancy", unit: .fraction, "Redundancy share at which the NPV turns negative, clamped to [0, 1]",
            additive: false, equation: "\(doc)#break-even-redundancy",
            presentation: MetricPresentation(shortLabel: "Break-even redundancy", better: .higher, brief: .breakEven))
    }

    /// What the evaluator is: id, dependencies, parameters, metrics and headlines.
    public static let descriptor = EvaluatorDescriptor(
        id: id,
        summary:
            "Present values of a zone's fiscal costs, fiscal gains and economic benefits: NPV, benefit–cost ratio, cost per net job, payback year and break-even redundancy",
        version: "2.0.0",
        dependencies: ["staged_incentives", "trade_effects", "employment"],
        parameters: Parameters.specs,
        metrics: metricSpecs,
        headlines: headlineSpecs,
        documentation: doc,
        charts: charts)
}

extension CostBenefitEvaluator.Parameters {
    /// The parameters: each property's scenario name, meaning, unit, ranges and citation (its default is the
    /// property's initial value).
    public static let table: [ParameterField<Self>] = [
        ParameterField(
            \.shadowWageRateFactor, "shadow_wage_rate_factor",
            "Shadow wage rate factor: the opportunity cost of the labour a net additional job employs, as a share of its wage; a job's economic benefit is w · (1 − SWRF), of which the wage tax goes to the treasury",
            unit: .fraction, allowed: 0...1, plausible: 0.6...1.0,
            citation:
                "Asian Development Bank (2017), Guidelines for the Economic Analysis of Projects, ch. on the economic price of labour: the shadow wage rate factor is below 1 for unskilled labour in surplus and 1 for skilled labour in short supply; 0.8 is assumed for the mixed labour of zone plants in regions with open unemployment",
            assumption: true)
    ]
}
