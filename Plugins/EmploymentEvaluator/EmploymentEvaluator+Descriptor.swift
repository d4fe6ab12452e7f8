import CoopZoneCore

extension EmploymentEvaluator {
    /// The id used in scenarios.
    static let id = "employment"
    private static let doc = "Docs/methodology/employment.md"

    /// The dependencies' metrics it reads, each resolved to its key once.
    enum Reads {
        static let redundancy = MetricRef("staged_incentives", "redundancy")
        static let operationLag = MetricRef("staged_incentives", "operation_lag")
        static let capacityLifeYears = MetricRef("staged_incentives", "capacity_life_years")
        static let investment = MetricRef("staged_incentives", "investment")
        static let tradeCreation = MetricRef("trade_effects", "trade_creation")
        static let tradeDiversion = MetricRef("trade_effects", "trade_diversion")
        static let tradeFacilitation = MetricRef("trade_effects", "trade_facilitation")
    }

    /// Its charts: jobs by type, by origin and by side in the report, net and direct jobs on the
    /// workshop's page.
    static let charts: [ChartSpec] = [
        ChartSpec(
            id: "jobs-by-year", kind: .stackByYear, order: 20, title: "Jobs by type and year", heading: "Jobs by type, year by year",
            summary: "Gross jobs (annual average) by year, stacked as direct, indirect and induced, with net additional jobs as a line.",
            caption:
                "Each bar is the gross jobs of one year (all sides and sectors): direct jobs at the bottom (darkest), then indirect (supply chain) and induced (household spending) jobs; the number above a bar is its total. The dashed line with diamonds is net additional jobs: gross jobs less leakage, displacement, substitution and the reference case (redundancy for jobs from investment, deadweight for jobs from trade).",
            yTitle: "jobs (annual average)",
            series: [
                ChartSpec.Series(Metrics.jobsDirect, "direct"), ChartSpec.Series(Metrics.jobsIndirect, "indirect"),
                ChartSpec.Series(Metrics.jobsInduced, "induced"), ChartSpec.Series(Metrics.jobsNet, "net additional jobs", role: .overlay),
            ]),
        ChartSpec(
            id: "jobs-by-origin", kind: .stackByYearSplit, order: 30, title: "Net additional jobs by origin and year",
            heading: "Net additional jobs by origin",
            summary: "Net additional jobs (annual average) by year, stacked by what caused them: the zone's investment or a kind of trade gain.",
            caption:
                "Each bar is the net additional jobs of one year, split by origin: jobs operating the zone's investment (net of redundancy, the investment that would have come anyway) and jobs producing the additional output of trade creation, trade diversion toward the zone's producers and trade facilitation (net of deadweight). Produce no longer lost and formalised shadow trade make no jobs. Jobs of countries that are not parties to the zone are not included.",
            yTitle: "net additional jobs (annual average)", series: [ChartSpec.Series(Metrics.jobsNet, "net additional jobs")],
            split: .instrument, splitTitle: "origin",
            categories: [
                ChartSpec.Category("investment", "investment"), ChartSpec.Category("trade_creation", "trade creation"),
                ChartSpec.Category("trade_diversion", "trade diversion"), ChartSpec.Category("trade_facilitation", "trade facilitation"),
            ],
            otherLabel: "not stated",
            markdownLead: "What caused the jobs (`employment`, `jobs_net` by `instrument`; jobs, annual average). Every fifth year and the last."),
        ChartSpec(
            id: "jobs-by-side", kind: .stackBySideLastYear, order: 40, title: "Jobs by side and type in {last_year}",
            heading: "Jobs by side of the zone in {last_year}",
            summary: "Gross jobs in {last_year} on each side of the zone, stacked as direct, indirect and induced, with net additional jobs marked.",
            caption:
                "One bar per country side of the zone, for the last year of the horizon: direct jobs at the bottom, then indirect and induced; the number above a bar is its gross total, and the dashed tick with a diamond marks net additional jobs on that side. Compare the bars to see which side the zone's jobs go to.",
            xTitle: "side of the zone (country)", yTitle: "jobs in {last_year} (annual average)", height: 360,
            series: [
                ChartSpec.Series(Metrics.jobsDirect, "direct"), ChartSpec.Series(Metrics.jobsIndirect, "indirect"),
                ChartSpec.Series(Metrics.jobsInduced, "induced"), ChartSpec.Series(Metrics.jobsNet, "net additional jobs", role: .overlay),
            ]),
        ChartSpec(
            id: "jobs", kind: .workshopByYear, order: 10, title: "Net additional jobs",
            series: [ChartSpec.Series(Metrics.jobsNet, "Net jobs"), ChartSpec.Series(Metrics.jobsDirect, "Direct jobs")]),
    ]

    /// The metrics and headlines, each declared once; rows and headlines are written through these handles.
    enum Metrics {
        static let jobsDirect = Metric(
            of: id, "jobs_direct", unit: .jobs,
            "Direct jobs (annual average): operating the zone's new capacity, and producing the additional output behind real trade gains; instrument says which",
            dimensions: [.region, .country, .sector, .instrument], equation: "\(doc)#direct-jobs")
        static let jobsIndirect = Metric(
            of: id, "jobs_indirect", unit: .jobs, "Indirect jobs in the supply chain: direct × (Type I − 1)",
            dimensions: [.region, .country, .sector, .instrument], equation: "\(doc)#indirect-and-induced-jobs")
        static let jobsInduced = Metric(
            of: id, "jobs_induced", unit: .jobs, "Induced jobs from households spending the extra wages: direct × (Type II − Type I)",
            dimensions: [.region, .country, .sector, .instrument], equation: "\(doc)#indirect-and-induced-jobs")
        static let jobsGross = Metric(
            of: id, "jobs_gross", unit: .jobs, "Gross jobs: direct + indirect + induced",
            dimensions: [.region, .country, .sector, .instrument], equation: "\(doc)#gross-jobs")
        static let jobsNet = Metric(
            of: id, "jobs_net", unit: .jobs,
            "Net additional jobs: gross × (1 − leakage)(1 − displacement)(1 − substitution) × (1 − redundancy) for jobs from investment, × (1 − deadweight) for jobs from trade gains",
            dimensions: [.region, .country, .sector, .instrument], equation: "\(doc)#net-additional-jobs")
        static let nonPartyJobsNet = Metric(
            of: id, "non_party_jobs_net", unit: .jobs,
            "Net jobs, computed as jobs_net, in member regions of countries that are not parties to the zone: reported, not counted in the headlines or the appraisal",
            dimensions: [.region, .country, .sector, .instrument], equation: "\(doc)#parties")
        static let outputMultiplier = Metric(
            of: id, "output_multiplier", unit: .ratio,
            "Output multiplier from the region's input–output table: output of all sectors per unit of final demand for the sector (column sum of the Leontief inverse); instrument type_i (open) or type_ii (closed with households)",
            dimensions: [.region, .country, .sector, .instrument], additive: false, equation: "\(doc)#multipliers")
        static let employmentMultiplier = Metric(
            of: id, "employment_multiplier", unit: .ratio,
            "Employment multiplier from the region's input–output table: jobs in all sectors per direct job in the sector; type_i and type_ii as for output_multiplier; indirect jobs = direct × (Type I − 1), induced = direct × (Type II − Type I)",
            dimensions: [.region, .country, .sector, .instrument], additive: false, equation: "\(doc)#multipliers")
        static let labourIncomeMultiplier = Metric(
            of: id, "labour_income_multiplier", unit: .ratio,
            "Labour-income multiplier from the region's input–output table: labour income in all sectors per unit of direct labour income in the sector (Type II: the household row of the closed inverse)",
            dimensions: [.region, .country, .sector, .instrument], additive: false, equation: "\(doc)#multipliers")
        static let valueAddedMultiplier = Metric(
            of: id, "value_added_multiplier", unit: .ratio,
            "Value-added multiplier from the region's input–output table: value added in all sectors per unit of direct value added in the sector (when the table gives value added)",
            dimensions: [.region, .country, .sector, .instrument], additive: false, equation: "\(doc)#multipliers")
        static let netJobsFinalYear = Metric(
            of: id, "net_jobs_final_year", unit: .jobs, "Net additional jobs in the last year of the horizon",
            equation: "\(doc)#headlines",
            presentation: MetricPresentation(shortLabel: "Net jobs, last year", better: .higher, card: 1, brief: .netJobs, bySide: "jobs_net"))
        static let netJobYears = Metric(
            of: id, "net_job_years", unit: .jobs, "Net additional job-years over the horizon (sum of annual net jobs)",
            equation: "\(doc)#headlines", presentation: MetricPresentation(shortLabel: "Net job-years", better: .higher))
        static let grossJobsFinalYear = Metric(
            of: id, "gross_jobs_final_year", unit: .jobs, "Gross jobs (direct + indirect + induced) in the last year of the horizon",
            equation: "\(doc)#headlines", presentation: MetricPresentation(shortLabel: "Gross jobs, last year", better: .higher))
    }

    /// What the employment evaluator is: its parameters with units, defaults, ranges and
    /// citations, its metrics and its headlines.
    public static let descriptor = EvaluatorDescriptor(
        id: id,
        summary:
            "Direct, indirect, induced, gross and net additional jobs by region, country side, sector, origin and year, from the zone's investment and its real trade gains",
        version: "2.0.0",
        dependencies: ["staged_incentives", "trade_effects"],
        parameters: Parameters.specs,
        metrics: [
            Metrics.jobsDirect,
            Metrics.jobsIndirect,
            Metrics.jobsInduced,
            Metrics.jobsGross,
            Metrics.jobsNet,
            Metrics.nonPartyJobsNet,
            Metrics.outputMultiplier,
            Metrics.employmentMultiplier,
            Metrics.labourIncomeMultiplier,
            Metrics.valueAddedMultiplier,
        ],
        headlines: [
            Metrics.netJobsFinalYear,
            Metrics.netJobYears,
            Metrics.grossJobsFinalYear,
        ],
        documentation: doc,
        charts: charts)
}

extension EmploymentEvaluator.Parameters {
    /// The parameters: each property's scenario name, meaning, unit, ranges and citation (its default is the
    /// property's initial value).
    public static let table: [ParameterField<Self>] = [
        ParameterField(
            \.labourIntensityInvestment, "labour_intensity_investment",
            "Direct jobs at full operation per USD million invested, for a sector of average labour intensity in its region (scaled by the region's sector data where given)",
            unit: .jobsPerUSDMillion, allowed: 0...1000, plausible: 2...8,
            citation:
                "fDi Markets (Financial Times), as reported by fDi Intelligence: 16.8 million direct jobs for USD 5,700 bn of greenfield FDI capital expenditure 2003–2008 (2.9 jobs per USD m) and 2,035,593 jobs for USD 748.8 bn in 2010 (2.7); Asia-Pacific 2008: 1.5 million jobs for USD 473 bn (3.2). Not calibrated on any shipped zone's plan, so a plan such as Khorgos' 10,000 jobs is a check",
            assumption: true),
        ParameterField(
            \.employmentOutputElasticity, "employment_output_elasticity",
            "Employment–output elasticity ε: per cent more jobs in a sector per per cent more output; additional output ΔX makes ε · E · ΔX / Y direct jobs",
            unit: .ratio, allowed: 0...1.5, plausible: 0.3...0.7,
            citation:
                "Kapsos, S. (2005), The employment intensity of growth: trends and macroeconomic determinants, ILO Employment Strategy Paper 2005/12: elasticities of about 0.3–0.7 in developing economies, 1991–2003",
            assumption: true),
        ParameterField(
            \.jobsPerOutput, "jobs_per_output",
            "Average jobs per USD million a year of output (E / Y), where the region gives no employment and output for the sector; the elasticity applies to it",
            unit: .jobsPerUSDMillion, allowed: 0...5000, plausible: 20...130,
            citation:
                "Order of magnitude from national accounts (employed persons per USD m of GDP, about 40 in Kazakhstan and 170–240 in Uzbekistan and Kyrgyzstan, early 2020s; gross output is 1.5–2 × GDP); prefer the region's own employment and output",
            assumption: true),
        ParameterField(
            \.rampUpYears, "ramp_up_years",
            "Years for new capacity to reach full employment (its first operating year is the first)",
            unit: .years, allowed: 1...20, plausible: 1...5, citation: "Assumption: typical start-up of zone plants and warehouses", assumption: true),
        ParameterField(
            \.type1Multiplier, "type1_multiplier",
            "Type I employment multiplier: (direct + indirect) jobs per direct job",
            unit: .ratio, allowed: 1...5, plausible: 1.2...1.7,
            citation:
                "Assumption: small, open border regions have low regional multipliers (BEA RIMS II user guide; HCA Additionality Guide (2014), §4.5); used only for regions without an input–output table (national or regional) in the scenario; see Docs/input-output.md",
            assumption: true),
        ParameterField(
            \.type2Multiplier, "type2_multiplier",
            "Type II employment multiplier: (direct + indirect + induced) jobs per direct job; not below the Type I multiplier",
            unit: .ratio, allowed: 1...6, plausible: 1.7...2.5,
            citation: "Assumption, as for type1_multiplier; household closure adds induced jobs from local spending of wages", assumption: true),
        ParameterField(
            \.flqDelta, "flq_delta",
            "δ of Flegg's location quotient, λ* = [log₂(1 + regional / national employment)]^δ: how much more a smaller region imports; used where a region's multipliers come from its country's national input–output table",
            unit: .ratio, allowed: 0...0.6, plausible: 0.15...0.35,
            citation:
                "Flegg, A. T. & Tohmo, T. (2013), Regional input–output tables and the FLQ formula: a case study of Finland, Regional Studies 47(5), 703–721: a value near 0.25 for Finnish regions; Flegg, Webber & Elliott (1995) and Flegg & Webber (1997) about 0.3",
            assumption: true),
        ParameterField(
            \.leakage, "leakage",
            "Share of gross jobs taken by people from outside the zone's regions",
            unit: .fraction, allowed: 0...1, plausible: 0.05...0.50,
            citation:
                "HCA Additionality Guide (2014), §4.2 leakage; HM Treasury Green Book (2022); Chinese-funded road building in Kyrgyzstan used 70 % non-local labour (Logistics & Diplomacy in Central Asia (2022), roads chapter, p. 230)",
            assumption: true),
        ParameterField(
            \.displacement, "displacement",
            "Share of the jobs that displace jobs elsewhere in the zone's regions (low for export manufacturing, high for retail)",
            unit: .fraction, allowed: 0...1, plausible: 0.10...0.75,
            citation: "HCA Additionality Guide (2014), §4.3 displacement (low for export manufacturing, high for retail)", assumption: true),
        ParameterField(
            \.substitution, "substitution",
            "Share of the jobs firms would have created anyway by switching activity to take up the incentive",
            unit: .fraction, allowed: 0...1, plausible: 0...0.10, citation: "HCA Additionality Guide (2014), §4.4 substitution", assumption: true),
        ParameterField(
            \.deadweight, "deadweight",
            "Share of the adjusted jobs from trade gains that the reference case (no zone) would have brought anyway; jobs from investment use staged_incentives' redundancy instead",
            unit: .fraction, allowed: 0...1, plausible: 0...0.40, citation: "HCA Additionality Guide (2014), ch. 3, the reference case (deadweight)",
            assumption: true),
    ]
}
