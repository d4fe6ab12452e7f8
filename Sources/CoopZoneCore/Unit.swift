/// The units a scenario input or a result row may carry. The set is closed so that every
/// number in an output names a unit a reader understands, and an outside evaluator that
/// writes an unknown unit is caught.
public enum Unit: String, Sendable, Codable, CaseIterable {
    /// Millions of the scenario's currency (USD unless it says otherwise), of its price year.
    case usdMillion = "usd_million"
    /// Millions of the scenario's currency per year.
    case usdMillionPerYear = "usd_million_per_year"
    /// Millions of the scenario's currency per hectare per year (land tax, land rent).
    case usdMillionPerHectarePerYear = "usd_million_per_ha_per_year"
    /// Thousands of the scenario's currency per job per year (wages).
    case usdThousandPerJobYear = "usd_thousand_per_job_year"
    /// Millions of the scenario's currency per net job.
    case usdMillionPerJob = "usd_million_per_job"
    /// People.
    case persons
    /// Annual-average jobs (full-time equivalents).
    case jobs
    /// Jobs per million of currency (labour intensity).
    case jobsPerUSDMillion = "jobs_per_usd_million"
    /// A share or rate as a fraction (0.15, not 15).
    case fraction
    /// A rate per year as a fraction (growth 0.05 = 5 % a year).
    case fractionPerYear = "fraction_per_year"
    /// A rate per day as a fraction of a value (a day of border crossing costs 0.006 = 0.6 % of
    /// the goods' value).
    case fractionPerDay = "fraction_per_day"
    /// A pure number: an elasticity, a multiplier, a ratio.
    case ratio
    /// An index, previous year = 100.
    case indexPercent = "index_percent"
    /// Days.
    case days
    /// Hours.
    case hours
    /// Hectares.
    case hectares
    /// Kilometres.
    case kilometres
    /// A number of years (a duration).
    case years
    /// A calendar year.
    case calendarYear = "calendar_year"
    /// A count of things (countries, stages).
    case count

    /// How the unit reads in a table header.
    public var symbol: String {
        switch self {
        case .usdMillion: "USD m"
        case .usdMillionPerYear: "USD m/yr"
        case .usdMillionPerHectarePerYear: "USD m/ha/yr"
        case .usdThousandPerJobYear: "USD k/job-yr"
        case .usdMillionPerJob: "USD m/job"
        case .persons: "persons"
        case .jobs: "jobs"
        case .jobsPerUSDMillion: "jobs/USD m"
        case .fraction: "fraction"
        case .fractionPerYear: "fraction/yr"
        case .fractionPerDay: "fraction/day"
        case .ratio: "ratio"
        case .indexPercent: "index (prev. yr = 100)"
        case .days: "days"
        case .hours: "hours"
        case .hectares: "ha"
        case .kilometres: "km"
        case .years: "years"
        case .calendarYear: "year"
        case .count: "count"
        }
    }

    /// Money units may not be negative in inputs.
    public var isMoney: Bool {
        switch self {
        case .usdMillion, .usdMillionPerYear, .usdMillionPerHectarePerYear, .usdThousandPerJobYear, .usdMillionPerJob: true
        default: false
        }
    }
}
