import CoopZoneCore
import Foundation

/// The `cost_benefit` evaluator: present values at the scenario discount rate of the fiscal
/// costs of a zone (tax expenditure on redundant investment, infrastructure reimbursements,
/// public infrastructure), its fiscal gains (taxes on net additional wages, corporate income tax
/// once holidays end, customs revenue change) and its economic benefits (after-tax wages of net
/// additional jobs, trade welfare); the NPV, benefit–cost ratio, cost per net job, payback year
/// and the redundancy share at which the NPV turns negative.
///
/// Reads `staged_incentives` (`redundancy`, `tax_expenditure`, `public_infrastructure`,
/// `investment`), `employment` (`jobs_net`) and `trade_effects` (`tariff_revenue_change`,
/// `welfare`). All zones of the scenario are appraised together, by country side.
/// Equations: Docs/methodology/cost_benefit.md.
public struct CostBenefitEvaluator: Evaluator {
    /// The evaluator's parameters (names as in the scenario's `evaluators` overrides).
    public struct Parameters: Decodable, Sendable {
        /// Profit per unit of assets per year (as staged_incentives' `pre_tax_return`).
        public var preTaxReturn: Double
        /// Geometric depreciation of the assets (as staged_incentives' `depreciation`).
        public var depreciation: Double
        /// Years from investment to operation (as staged_incentives' `operation_lag`), rounded.
        public var operationLag: Double
        /// Share of the after-tax wage counted as an economic benefit.
        public var wageBenefitShare: Double

        enum CodingKeys: String, CodingKey {
            case preTaxReturn = "pre_tax_return"
            case depreciation
            case operationLag = "operation_lag"
            case wageBenefitShare = "wage_benefit_share"
        }

        /// Creates parameters; the defaults are the descriptor's.
        public init(preTaxReturn: Double = 0.20, depreciation: Double = 0.10, operationLag: Double = 1, wageBenefitShare: Double = 1) {
            self.preTaxReturn = preTaxReturn
            self.depreciation = depreciation
            self.operationLag = operationLag
            self.wageBenefitShare = wageBenefitShare
        }
    }

    /// The redundancy share used when `staged_incentives` gives none (its own default; IMF, OECD, UN & World Bank 2015).
    public static let fallbackRedundancy = 0.5

    /// The parameters in use.
    public let parameters: Parameters
    private let profits: ProfitEstimate

    /// Creates the evaluator; throws when a parameter is outside its meaningful range.
    public init(parameters: Parameters) throws {
        guard parameters.operationLag >= 0, parameters.depreciation >= 0, parameters.depreciation <= 1,
              parameters.wageBenefitShare >= 0, parameters.wageBenefitShare <= 1 else {
            throw EvaluatorError.unusableScenario(
                "cost_benefit: operation_lag must be ≥ 0, depreciation and wage_benefit_share between 0 and 1")
        }
        self.parameters = parameters
        profits = ProfitEstimate(preTaxReturn: parameters.preTaxReturn, depreciation: parameters.depreciation,
                                 operationLag: Int(parameters.operationLag.rounded()))
    }

    /// What the scenario says about a region, resolved once per run.
    private struct RegionInfo {
        var slot: Int
        var wage: Double?
        var wageTax: Double?
    }

    /// Appraises every zone of `scenario` from its dependencies' rows in `context`.
    public func evaluate(_ scenario: Scenario, context: EvaluationContext) throws -> EvaluationResult {
        var b = ResultBuilder(Self.descriptor)
        let y0 = scenario.horizon.lowerBound
        let n = scenario.horizon.count
        let rate = scenario[scenario.discountRate]
        let df = Appraisal.discountFactors(count: n, rate: rate)
        func yearIndex(_ year: Int?) -> Int? {
            guard let year, year >= y0, year - y0 < n else { return nil }
            return year - y0
        }

        // Country slots: the scenario's countries, then one for flows of no known country. Codes
        // and ids are looked up by scanning the scenario's short lists (the first match wins),
        // which is cheaper than building and hashing into tables on every call.
        let countries = scenario.countries
        let unknown = countries.count
        func countrySlot(_ code: String) -> Int? {
            for i in countries.indices where countries[i].code == code { return i }
            return nil
        }
        func slot(_ code: String?) -> Int {
            guard let code else { return unknown }
            return countrySlot(code) ?? unknown
        }
        var flows = CashFlows(slots: unknown + 1, years: n)
        var unassigned = 0.0
        var w = try Self.rowMetrics.writer()

        for dependency in Self.descriptor.dependencies where context.results[dependency] == nil {
            b.finding(.info, "\(dependency) is not among the evaluators run, so the cost–benefit appraisal leaves out what it computes")
        }

        // 1. staged_incentives, in one pass over its rows (read in place): the redundancy share,
        //    fiscal costs and the investment cohorts whose profits are taxed.
        var redundancy: Double?
        var incomeTaxExpenditure = [Double](repeating: 0, count: (unknown + 1) * n)
        var profitsBySlot = [[Double]](repeating: [], count: unknown + 1)
        context.results["staged_incentives"]?.rows.withUnsafeBufferPointer { rows in
            for i in rows.indices {
                switch Self.stagedMetric(rows[i].metric) {
                case .redundancy:
                    if redundancy == nil { redundancy = rows[i].value }
                case .taxExpenditure:
                    guard let t = yearIndex(rows[i].year) else { continue }
                    let c = slot(rows[i].dimensions.country)
                    let value = rows[i].value
                    switch Self.instrumentKind(rows[i].dimensions.instrument) {
                    case .reimbursement:
                        flows.add(.reimbursement, slot: c, year: t, value)
                    case .incomeTax:
                        flows.add(.taxExpenditure, slot: c, year: t, value)
                        incomeTaxExpenditure[c * n + t] += value
                    case .other:
                        flows.add(.taxExpenditure, slot: c, year: t, value)
                    }
                    if c == unknown { unassigned += abs(value) }
                case .publicInfrastructure:
                    guard let t = yearIndex(rows[i].year) else { continue }
                    let c = slot(rows[i].dimensions.country)
                    flows.add(.infrastructure, slot: c, year: t, rows[i].value)
                    if c == unknown { unassigned += abs(rows[i].value) }
                case .investment:
                    guard let t = yearIndex(rows[i].year), rows[i].value != 0 else { continue }
                    let c = slot(rows[i].dimensions.country)
                    if profitsBySlot[c].isEmpty { profitsBySlot[c] = [Double](repeating: 0, count: n) }
                    profits.addProfits(of: rows[i].value, investedAt: t, into: &profitsBySlot[c])
                case .other:
                    continue
                }
            }
        }
        var r = Self.fallbackRedundancy
        if let redundancy {
            r = redundancy
            if !(0...1).contains(r) {
                b.finding(.warning, "the redundancy share from staged_incentives (\(format(r))) is outside [0, 1]; it is clamped")
                r = min(1, max(0, r.isFinite ? r : Self.fallbackRedundancy))
            }
        } else {
            b.finding(.info, "staged_incentives gives no redundancy share; \(format(r)) is used (the default of staged_incentives)")
        }
        var profitMismatch = 0.0
        for c in 0...unknown where !profitsBySlot[c].isEmpty {
            let baseline = c < unknown ? scenario[countries[c].fiscal.corporateIncomeTax, default: 0] : 0
            for t in 0..<n {
                let gross = baseline * profitsBySlot[c][t]
                let forgone = incomeTaxExpenditure[c * n + t]
                if forgone - gross > 1e-9 * max(1, forgone) { profitMismatch = max(profitMismatch, forgone - gross) }
                flows.add(.profitTax, slot: c, year: t, ProfitEstimate.taxPaid(baselineTax: gross, taxExpenditure: forgone))
            }
        }
        if profitMismatch > 0 {
            b.finding(.warning, "the income-tax expenditure of staged_incentives exceeds the corporate income tax cost_benefit estimates on the same profits "
                      + "(by up to \(format(profitMismatch)) USD m in a year): set cost_benefit's pre_tax_return, depreciation and operation_lag "
                      + "to the values staged_incentives uses; the profit tax is taken as 0 in those years")
        }

        // 2. Wages and wage taxes of net additional jobs (employment).
        var wageTaxBySlot = [Double?](repeating: nil, count: unknown + 1)
        for c in 0..<unknown { wageTaxBySlot[c] = countries[c].fiscal.wageTax.map { scenario[$0] } }
        // What the scenario says about each region, by the index of the first region with its id.
        let regions = scenario.regions
        var regionInfo: [RegionInfo] = []
        regionInfo.reserveCapacity(regions.count)
        for region in regions {
            let c = countrySlot(region.country) ?? unknown
            regionInfo.append(RegionInfo(slot: c, wage: region.averageWage.map { scenario[$0] }, wageTax: wageTaxBySlot[c]))
        }
        func regionIndex(_ id: String) -> Int? {
            for i in regions.indices where regions[i].id == id { return i }
            return nil
        }
        var noWage = Set<String>()
        var noWageTax = Set<String>()
        var jobRows = 0
        var tradeJobRows = 0
        let share = parameters.wageBenefitShare
        context.results["employment"]?.rows.withUnsafeBufferPointer { rows in
            for i in rows.indices {
                guard Self.isJobsNet(rows[i].metric), let t = yearIndex(rows[i].year) else { continue }
                let value = rows[i].value
                guard value != 0 else { continue }
                jobRows += 1
                let fromTrade = rows[i].dimensions.instrument == "trade"
                if fromTrade { tradeJobRows += 1 }
                let regionId = rows[i].dimensions.region
                let country = rows[i].dimensions.country
                let info = regionId.flatMap(regionIndex).map { regionInfo[$0] }
                let countryIndex = country.flatMap(countrySlot)
                let c = countryIndex ?? info?.slot ?? unknown
                flows.add(fromTrade ? .jobsTrade : .jobsInvestment, slot: c, year: t, value)
                guard let wage = info?.wage else {
                    noWage.insert(regionId ?? "(no region)")
                    continue
                }
                let taxRate: Double
                if let i = countryIndex {
                    taxRate = wageTaxBySlot[i] ?? 0
                    if wageTaxBySlot[i] == nil, let code = country { noWageTax.insert(code) }
                } else if let rate = info?.wageTax {
                    taxRate = rate
                } else {
                    taxRate = 0
                    noWageTax.insert(country ?? "(no country)")
                }
                let wageBill = value * wage / 1000
                flows.add(fromTrade ? .wageTaxTrade : .wageTaxInvestment, slot: c, year: t, wageBill * taxRate)
                flows.add(fromTrade ? .wagesTrade : .wagesInvestment, slot: c, year: t, wageBill * (1 - taxRate) * share)
            }
        }
        if !noWage.isEmpty {
            b.finding(.warning, "region(s) \(noWage.sorted().joined(separator: ", ")) give no average_wage: the wages and wage taxes of their net jobs are not counted")
        }
        if !noWageTax.isEmpty {
            b.finding(.warning, "country(ies) \(noWageTax.sorted().joined(separator: ", ")) give no wage_tax: no tax on the wages of their net jobs is counted")
        }
        if jobRows > 0 && tradeJobRows == 0 {
            b.finding(.info, "employment does not say which net jobs come from trade rather than investment, so all of them are scaled by (1 − redundancy) "
                      + "(conservative: trade jobs do not depend on incentivised investment)")
        }

        // 3. Customs revenue and trade welfare (trade_effects), to the importing country.
        //    The country slots of each link's ends, by the index of the first link with its id.
        let links = scenario.links
        var linkEnds: [(from: Int, to: Int)] = []
        linkEnds.reserveCapacity(links.count)
        func end(_ id: String) -> Int { countrySlot(id) ?? regionIndex(id).map { regionInfo[$0].slot } ?? unknown }
        for link in links { linkEnds.append((end(link.from), end(link.to))) }
        func linkIndex(_ id: String) -> Int? {
            for i in links.indices where links[i].id == id { return i }
            return nil
        }
        context.results["trade_effects"]?.rows.withUnsafeBufferPointer { rows in
            for i in rows.indices {
                guard let isRevenue = Self.tradeMetric(rows[i].metric), let t = yearIndex(rows[i].year) else { continue }
                let value = rows[i].value
                var c = unknown
                if isRevenue {
                    c = slot(rows[i].dimensions.country)
                    flows.add(.customs, slot: c, year: t, value)
                } else {
                    if let l = rows[i].dimensions.link.flatMap(linkIndex) {
                        c = rows[i].dimensions.direction == FlowDirection.import.rawValue ? linkEnds[l].from : linkEnds[l].to
                    }
                    flows.add(.welfare, slot: c, year: t, value)
                }
                if c == unknown { unassigned += abs(value) }
            }
        }
        if unassigned > 0 {
            b.finding(.info, "flows of \(format(unassigned)) USD m (absolute, summed over years) name no country of the scenario; they are reported without a country")
        }

        // 4. Rows by country and year; totals by year for the headlines.
        let kept = 1 - r
        var netTotal = [Double](repeating: 0, count: n)
        var costTotal = [Double](repeating: 0, count: n)
        var fiscalNetTotal = [Double](repeating: 0, count: n)
        var jobsTotal = [Double](repeating: 0, count: n)
        var linked = [Double](repeating: 0, count: n)      // A: benefits that flow from investment, at r = 0
        var unlinked = [Double](repeating: 0, count: n)    // B: benefits that do not depend on investment
        var redundantBase = [Double](repeating: 0, count: n) // T: tax expenditure, a cost in the share r
        var fixedCost = [Double](repeating: 0, count: n)   // C: costs that do not depend on r
        for c in 0...unknown where flows.isActive(slot: c) {
            let code = c < unknown ? countries[c].code : nil
            let dims = Dimensions(country: code)
            // One dimensions value per instrument, shared by its rows of every year.
            func instrument(_ name: String) -> Dimensions { Dimensions(country: code, instrument: name) }
            let teDims = instrument("tax_expenditure"), reimbursementDims = instrument("infrastructure_reimbursement")
            let infrastructureDims = instrument("public_infrastructure"), customsDims = instrument("customs_revenue")
            let wageTaxDims = instrument("wage_tax"), profitTaxDims = instrument("profit_tax")
            let wagesDims = instrument("wages"), welfareDims = instrument("trade_welfare")
            func row(_ metric: Int, _ dims: Dimensions, _ t: Int, _ value: Double) {
                guard value != 0 else { return }
                w.add(metric, year: y0 + t, dims, value)
            }
            var netPV = 0.0
            for t in 0..<n {
                func v(_ component: CashFlows.Component) -> Double { flows.value(component, slot: c, year: t) }
                let te = v(.taxExpenditure), reimbursement = v(.reimbursement), infrastructure = v(.infrastructure)
                let wageTaxInv = v(.wageTaxInvestment), wageTaxTrade = v(.wageTaxTrade)
                let wagesInv = v(.wagesInvestment), wagesTrade = v(.wagesTrade)
                let profitTax = v(.profitTax), customs = v(.customs), welfare = v(.welfare)

                let costTE = r * te
                let wageTax = kept * wageTaxInv + wageTaxTrade
                let profit = kept * profitTax
                let wages = kept * wagesInv + wagesTrade
                // A side's customs revenue change is a gain when it rises and a cost when it falls.
                let customsGain = max(0, customs), customsLoss = max(0, -customs)
                let cost = costTE + reimbursement + infrastructure + customsLoss
                let gain = wageTax + profit + customsGain
                let economic = wages + welfare
                let net = gain + economic - cost
                let jobs = kept * v(.jobsInvestment) + v(.jobsTrade)

                row(M.fiscalCost, teDims, t, costTE)
                row(M.fiscalCost, reimbursementDims, t, reimbursement)
                row(M.fiscalCost, infrastructureDims, t, infrastructure)
                row(M.fiscalCost, customsDims, t, customsLoss)
                row(M.fiscalGain, wageTaxDims, t, wageTax)
                row(M.fiscalGain, profitTaxDims, t, profit)
                row(M.fiscalGain, customsDims, t, customsGain)
                row(M.economicBenefit, wagesDims, t, wages)
                row(M.economicBenefit, welfareDims, t, welfare)
                w.add(M.netBenefit, year: y0 + t, dims, net)
                if jobs != 0 { w.add(M.attributableJobs, year: y0 + t, dims, jobs) }

                netPV += net * df[t]
                netTotal[t] += net
                costTotal[t] += cost
                fiscalNetTotal[t] += gain - cost
                jobsTotal[t] += jobs
                linked[t] += wageTaxInv + wagesInv + profitTax
                unlinked[t] += wageTaxTrade + wagesTrade + customs + welfare
                redundantBase[t] += te
                fixedCost[t] += reimbursement + infrastructure
            }
            w.add(M.netBenefitPV, year: nil, dims, netPV)
        }

        // 5. Headlines.
        let npv = Appraisal.presentValue(netTotal, discountFactors: df)
        let costPV = Appraisal.presentValue(costTotal, discountFactors: df)
        try b.headline("npv", npv)
        try b.headline("fiscal_npv", Appraisal.presentValue(fiscalNetTotal, discountFactors: df))
        if let ratio = Appraisal.benefitCostRatio(benefitsPV: npv + costPV, costsPV: costPV) {
            try b.headline("benefit_cost_ratio", ratio)
        } else {
            b.finding(.info, "there is no fiscal cost, so the benefit–cost ratio is undefined and not reported")
        }

        let peak = jobsTotal.max() ?? 0
        let jobYearsPV = Appraisal.presentValue(jobsTotal, discountFactors: df)
        if peak > 0 && jobYearsPV > 0 {
            try b.headline("cost_per_net_job", costPV / peak)
            try b.headline("cost_per_net_job_year", costPV / jobYearsPV * 1000)
        } else {
            b.finding(.warning, "no net additional jobs are attributable to the zone (redundancy \(format(r))), so the cost per net job is not reported")
        }

        var cumulative = 0.0
        for t in 0..<n {
            cumulative += netTotal[t] * df[t]
            w.add(M.cumulativeNetBenefitPV, year: y0 + t, Dimensions(), cumulative)
        }
        let payback = Appraisal.payback(netTotal, discountFactors: df)
        if let index = payback.index {
            try b.headline("payback_year", Double(y0 + index))
            if let earlier = payback.earlierIndex {
                b.finding(.info, "the cumulative discounted net benefit first reaches zero in \(y0 + earlier) but falls below zero again; "
                          + "payback_year is \(y0 + index), from when it stays at or above zero")
            }
        } else {
            try b.headline("payback_year", Double(scenario.horizon.upperBound + 1))
            b.finding(.warning, "the zone does not pay back within the horizon: the cumulative discounted net benefit in \(scenario.horizon.upperBound) is "
                      + "\(format(payback.finalCumulative)) USD m; payback_year is set to \(scenario.horizon.upperBound + 1), the year after the horizon")
        }

        // NPV(r) = (1 − r)·PV(A) + PV(B) − r·PV(T) − PV(C), linear in r.
        let pvA = Appraisal.presentValue(linked, discountFactors: df)
        let pvB = Appraisal.presentValue(unlinked, discountFactors: df)
        let pvT = Appraisal.presentValue(redundantBase, discountFactors: df)
        let pvC = Appraisal.presentValue(fixedCost, discountFactors: df)
        let breakEven = Appraisal.breakEvenRedundancy(npvAtZero: pvA + pvB - pvC, npvAtOne: pvB - pvT - pvC)
        try b.headline("break_even_redundancy", breakEven.value)
        switch breakEven.shape {
        case .falling:
            b.finding(.info, "the NPV turns negative once more than \(percent(breakEven.value)) of the incentivised investment would have come anyway "
                      + "(redundancy used: \(percent(r)))")
        case .rising:
            b.finding(.info, "the NPV rises with redundancy (the tax expenditure and the benefits of investment are negative on balance); "
                      + "it is negative below a redundancy of \(percent(breakEven.value))")
        case .negativeEverywhere:
            b.finding(.warning, "the NPV is negative even if every incentivised investment is additional (redundancy 0: \(format(pvA + pvB - pvC)) USD m); "
                      + "break_even_redundancy is set to 0")
        case .positiveEverywhere:
            b.finding(.info, "the NPV stays positive even if all incentivised investment would have come anyway (redundancy 1: \(format(pvB - pvT - pvC)) USD m); "
                      + "break_even_redundancy is set to 1")
        }
        b.finding(.info, "present values at \(y0) (the first year of the horizon) at a discount rate of \(percent(rate)), redundancy \(percent(r)): "
                  + "NPV \(format(npv)) USD m, of which fiscal cost −\(format(costPV))")
        return w.result(b)
    }

    /// The metrics this evaluator writes rows of, by position (see `M`).
    static let rowMetrics = RowMetrics(descriptor, ["fiscal_cost", "fiscal_gain", "economic_benefit", "net_benefit", "net_benefit_pv",
                                                    "cumulative_net_benefit_pv", "attributable_jobs"])

    /// Positions in `rowMetrics`.
    enum M {
        static let fiscalCost = 0, fiscalGain = 1, economicBenefit = 2, netBenefit = 3, netBenefitPV = 4, cumulativeNetBenefitPV = 5, attributableJobs = 6
    }

    /// The staged_incentives metrics this evaluator reads.
    enum StagedMetric { case redundancy, taxExpenditure, publicInfrastructure, investment, other }

    /// The kind of a staged_incentives metric, tested by UTF-8 length first (an integer test that
    /// rejects most other metrics without comparing text).
    @inline(__always) static func stagedMetric(_ metric: String) -> StagedMetric {
        switch metric.utf8.count {
        case 10:
            if metric == "redundancy" { return .redundancy }
            if metric == "investment" { return .investment }
        case 15:
            if metric == "tax_expenditure" { return .taxExpenditure }
        case 21:
            if metric == "public_infrastructure" { return .publicInfrastructure }
        default:
            break
        }
        return .other
    }

    /// How a tax_expenditure row's instrument enters the appraisal.
    enum InstrumentKind { case reimbursement, incomeTax, other }

    @inline(__always) static func instrumentKind(_ instrument: String?) -> InstrumentKind {
        guard let instrument else { return .other }
        switch instrument.utf8.count {
        case 28: return instrument == "infrastructure_reimbursement" ? .reimbursement : .other
        case 10: return instrument == "income_tax" ? .incomeTax : .other
        default: return .other
        }
    }

    /// True for `jobs_net`.
    @inline(__always) static func isJobsNet(_ metric: String) -> Bool { metric.utf8.count == 8 && metric == "jobs_net" }

    /// For the trade_effects metrics this evaluator reads: true for `tariff_revenue_change`,
    /// false for `welfare`; nil for the others.
    @inline(__always) static func tradeMetric(_ metric: String) -> Bool? {
        switch metric.utf8.count {
        case 21: return metric == "tariff_revenue_change" ? true : nil
        case 7: return metric == "welfare" ? false : nil
        default: return nil
        }
    }

    /// A fraction as a rounded percentage (`0.4567` → `45.7 %`).
    private func percent(_ value: Double) -> String { "\(format((value * 1000).rounded() / 10)) %" }
}
