import CoopZoneCore
import Foundation

/// The `cost_benefit` evaluator: present values at the scenario discount rate of the fiscal
/// costs of a zone (tax expenditure on redundant investment, infrastructure reimbursements,
/// public infrastructure), its fiscal gains (taxes on the wages of net additional jobs, corporate
/// income tax once holidays end, customs revenue change) and its economic benefits (the wage of net
/// additional jobs above its opportunity cost, trade welfare, trade-cost savings, the value of
/// produce no longer lost); the NPV, benefit–cost ratio, cost per net job, payback year and the
/// redundancy share at which the NPV turns negative. Countries that are not parties to a zone are
/// reported on their own lines and kept out of the headlines.
///
/// Reads `staged_incentives` (`redundancy`, `tax_expenditure`, `public_infrastructure`,
/// `pre_tax_profit`), `employment` (`jobs_net`, whose `instrument` says whether the jobs come from
/// investment or from trade) and `trade_effects` (`tariff_revenue_change`, `welfare`,
/// `trade_cost_saving`, `saved_produce_value`). All zones of the scenario are appraised together,
/// by country side. Equations: Docs/methodology/cost_benefit.md.
public struct CostBenefitEvaluator: Evaluator {
    /// The evaluator's parameters (names as in the scenario's `evaluators` overrides).
    public struct Parameters: ParameterSet {
        /// The defaults.
        public init() {}

        /// Shadow wage rate factor: the opportunity cost of a zone worker's labour as a share of the wage.
        public var shadowWageRateFactor = 0.8
    }

    /// The redundancy share used when `staged_incentives` gives none (its own default; IMF, OECD, UN & World Bank 2015).
    public static let fallbackRedundancy = 0.5

    /// The parameters in use.
    public let parameters: Parameters

    /// Creates the evaluator; throws when a parameter is outside its meaningful range.
    public init(parameters: Parameters) throws {
        guard (0...1).contains(parameters.shadowWageRateFactor) else {
            throw EvaluatorError.unusableScenario(
                "cost_benefit: shadow_wage_rate_factor must be between 0 and 1, got \(format(parameters.shadowWageRateFactor))")
        }
        self.parameters = parameters
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
        // and ids are looked up by scanning the scenario's short lists (the first match wins).
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
        // A country is a party when it is a party to some zone; flows of no known country count.
        var isParty = [Bool](repeating: false, count: unknown + 1)
        isParty[unknown] = true
        for zone in scenario.zones {
            for code in zone.parties { if let c = countrySlot(code) { isParty[c] = true } }
        }
        var flows = CashFlows(slots: unknown + 1, years: n)
        var unassigned = 0.0
        var w = Self.rows.writer()

        for dependency in Self.descriptor.dependencies where context.results[dependency] == nil {
            b.finding(.info, "\(dependency) is not among the evaluators run, so the cost–benefit appraisal leaves out what it computes")
        }

        // 1. staged_incentives: the redundancy share, fiscal costs, and the profits whose tax
        //    residents pay once their holidays end.
        var redundancy: Double?
        var incomeTaxExpenditure = [Double](repeating: 0, count: (unknown + 1) * n)
        var profitsBySlot = [Double](repeating: 0, count: (unknown + 1) * n)
        // By index, reading the fields in place: a row is not copied.
        let incentiveRows = context.results["staged_incentives"]?.rows ?? []
        for i in incentiveRows.indices {
            switch incentiveRows[i].key {
            case Reads.redundancy.key:
                if redundancy == nil { redundancy = incentiveRows[i].value }
            case Reads.taxExpenditure.key:
                guard let t = yearIndex(incentiveRows[i].year) else { continue }
                let c = slot(incentiveRows[i].dimensions.country)
                switch incentiveRows[i].dimensions.instrument {
                case "infrastructure_reimbursement":
                    flows.add(.reimbursement, slot: c, year: t, incentiveRows[i].value)
                case "income_tax":
                    flows.add(.taxExpenditure, slot: c, year: t, incentiveRows[i].value)
                    incomeTaxExpenditure[c * n + t] += incentiveRows[i].value
                default:
                    flows.add(.taxExpenditure, slot: c, year: t, incentiveRows[i].value)
                }
                if c == unknown { unassigned += abs(incentiveRows[i].value) }
            case Reads.taxExpenditureExisting.key:
                // Already in tax_expenditure; noted apart so that it is a cost in full, and kept out of
                // the income tax that the new cohorts' profits are compared with.
                guard let t = yearIndex(incentiveRows[i].year) else { continue }
                let c = slot(incentiveRows[i].dimensions.country)
                flows.add(.taxExpenditureExisting, slot: c, year: t, incentiveRows[i].value)
                if incentiveRows[i].dimensions.instrument == "income_tax" { incomeTaxExpenditure[c * n + t] -= incentiveRows[i].value }
            case Reads.publicInfrastructure.key:
                guard let t = yearIndex(incentiveRows[i].year) else { continue }
                let c = slot(incentiveRows[i].dimensions.country)
                flows.add(.infrastructure, slot: c, year: t, incentiveRows[i].value)
                if c == unknown { unassigned += abs(incentiveRows[i].value) }
            case Reads.preTaxProfit.key:
                guard let t = yearIndex(incentiveRows[i].year) else { continue }
                profitsBySlot[slot(incentiveRows[i].dimensions.country) * n + t] += incentiveRows[i].value
            default:
                continue
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
        for c in 0...unknown {
            let baseline = c < unknown ? scenario[countries[c].fiscal.corporateIncomeTax, default: 0] : 0
            for t in 0..<n where profitsBySlot[c * n + t] != 0 || incomeTaxExpenditure[c * n + t] != 0 {
                let gross = baseline * profitsBySlot[c * n + t]
                flows.add(.profitTax, slot: c, year: t, ProfitTax.paid(baselineTax: gross, taxExpenditure: incomeTaxExpenditure[c * n + t]))
            }
        }

        // 2. Wages of net additional jobs (employment), by origin: the jobs from investment are
        //    already net of redundancy (employment's reference case for them), so nothing here
        //    scales them again.
        var wageTaxBySlot = [Double?](repeating: nil, count: unknown + 1)
        for c in 0..<unknown { wageTaxBySlot[c] = countries[c].fiscal.wageTax.map { scenario[$0] } }
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
        var noOrigin = 0
        let swrf = parameters.shadowWageRateFactor
        let jobRows = context.results["employment"]?.rows ?? []
        for i in jobRows.indices {
            guard jobRows[i].key == Reads.jobsNet.key, let t = yearIndex(jobRows[i].year), jobRows[i].value != 0 else { continue }
            let value = jobRows[i].value
            let fromInvestment: Bool
            switch jobRows[i].dimensions.instrument {
            case "investment": fromInvestment = true
            case "trade_creation", "trade_diversion", "trade_facilitation": fromInvestment = false
            default:
                // A row that does not say what caused it: counted as investment (conservative: its
                // benefits then move with redundancy in the break-even), and reported.
                fromInvestment = true
                noOrigin += 1
            }
            let regionId = jobRows[i].dimensions.region
            let country = jobRows[i].dimensions.country
            let info = regionId.flatMap(regionIndex).map { regionInfo[$0] }
            let countryIndex = country.flatMap(countrySlot)
            let c = countryIndex ?? info?.slot ?? unknown
            flows.add(fromInvestment ? .jobsInvestment : .jobsTrade, slot: c, year: t, value)
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
            // A job's economic benefit is its wage above the labour's opportunity cost, w·(1 − SWRF):
            // the wage tax t·w goes to the treasury (a fiscal gain), the rest w·(1 − SWRF − t) to the worker.
            let wageBill = value * wage / 1000
            flows.add(fromInvestment ? .wageTaxInvestment : .wageTaxTrade, slot: c, year: t, wageBill * taxRate)
            flows.add(fromInvestment ? .wagesInvestment : .wagesTrade, slot: c, year: t, wageBill * (1 - swrf - taxRate))
        }
        if !noWage.isEmpty {
            b.finding(
                .warning,
                "region(s) \(noWage.sorted().joined(separator: ", ")) give no average_wage: the wages and wage taxes of their net jobs are not counted")
        }
        if !noWageTax.isEmpty {
            b.finding(.warning, "country(ies) \(noWageTax.sorted().joined(separator: ", ")) give no wage_tax: no tax on the wages of their net jobs is counted")
        }
        if noOrigin > 0 {
            b.finding(
                .warning,
                "\(noOrigin) jobs_net row(s) of employment do not say what caused them (instrument investment or a trade gain); "
                    + "they are treated as jobs from investment")
        }

        // 3. Customs revenue, trade welfare and trade-cost savings (trade_effects) to the importing
        //    country, the value of produce no longer lost to the exporting one.
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
        let tradeRows = context.results["trade_effects"]?.rows ?? []
        for i in tradeRows.indices {
            guard let t = yearIndex(tradeRows[i].year) else { continue }
            let component: CashFlows.Component
            switch tradeRows[i].key {
            case Reads.tariffRevenueChange.key: component = .customs
            case Reads.welfare.key: component = .welfare
            case Reads.tradeCostSaving.key: component = .tradeCostSaving
            case Reads.savedProduceValue.key: component = .savedProduce
            default: continue
            }
            var c = unknown
            if component == .welfare {
                // Welfare rows name no country: the importer, from the link's ends.
                if let l = tradeRows[i].dimensions.link.flatMap(linkIndex) {
                    c = tradeRows[i].dimensions.direction == FlowDirection.import.rawValue ? linkEnds[l].from : linkEnds[l].to
                }
            } else {
                // Revenue and trade-cost savings name the importer, saved produce the exporter.
                c = slot(tradeRows[i].dimensions.country)
            }
            flows.add(component, slot: c, year: t, tradeRows[i].value)
            if c == unknown { unassigned += abs(tradeRows[i].value) }
        }
        if unassigned > 0 {
            b.finding(
                .info, "flows of \(format(unassigned)) USD m (absolute, summed over years) name no country of the scenario; they are reported without a country"
            )
        }

        // 4. Rows by country and year; totals by year for the headlines, over the parties only.
        let kept = 1 - r
        // The benefits of investment jobs at redundancy 0, for the break-even: employment scaled
        // them by (1 − r); undone here only when r < 1 (at r = 1 there are none to undo).
        let undo = kept > 1e-12 ? 1 / kept : nil as Double?
        var netTotal = [Double](repeating: 0, count: n)
        var costTotal = [Double](repeating: 0, count: n)
        var fiscalNetTotal = [Double](repeating: 0, count: n)
        var jobsTotal = [Double](repeating: 0, count: n)
        var linked = [Double](repeating: 0, count: n)  // A: benefits that flow from investment, at r = 0
        var unlinked = [Double](repeating: 0, count: n)  // B: benefits that do not depend on investment
        var redundantBase = [Double](repeating: 0, count: n)  // T: tax expenditure, a cost in the share r
        var fixedCost = [Double](repeating: 0, count: n)  // C: costs that do not depend on r
        var nonPartyPV: [(code: String, pv: Double)] = []
        for c in 0...unknown where flows.isActive(slot: c) {
            let code = c < unknown ? countries[c].code : nil
            let party = isParty[c]
            let dims = Dimensions(country: code)
            // One dimensions value per instrument, shared by its rows of every year.
            func instrument(_ name: String) -> Dimensions { Dimensions(country: code, instrument: name) }
            let teDims = instrument("tax_expenditure"), reimbursementDims = instrument("infrastructure_reimbursement")
            let infrastructureDims = instrument("public_infrastructure"), customsDims = instrument("customs_revenue")
            let wageTaxDims = instrument("wage_tax"), profitTaxDims = instrument("profit_tax")
            let wagesDims = instrument("wages"), welfareDims = instrument("trade_welfare")
            let savingDims = instrument("trade_cost_saving"), produceDims = instrument("saved_produce")
            // A country that is not a party gets every stream on its own lines (non_party_effect:
            // gains positive, costs negative) and no net benefit.
            func row(_ metric: Metric, _ dims: Dimensions, _ t: Int, _ value: Double) {
                guard value != 0 else { return }
                if party {
                    w.add(metric, year: y0 + t, dims, value)
                } else {
                    w.add(Metrics.nonPartyEffect, year: y0 + t, dims, metric.key == Metrics.fiscalCost.key ? -value : value)
                }
            }
            var netPV = 0.0
            for t in 0..<n {
                func v(_ component: CashFlows.Component) -> Double { flows.value(component, slot: c, year: t) }
                let te = v(.taxExpenditure), teExisting = v(.taxExpenditureExisting)
                let reimbursement = v(.reimbursement), infrastructure = v(.infrastructure)
                let wageTaxInv = v(.wageTaxInvestment), wageTaxTrade = v(.wageTaxTrade)
                let wagesInv = v(.wagesInvestment), wagesTrade = v(.wagesTrade)
                let profitTax = v(.profitTax), customs = v(.customs), welfare = v(.welfare)
                let saving = v(.tradeCostSaving), produce = v(.savedProduce)

                // Tax expenditure on new investment is a cost in the redundant share; on capacity
                // already in place, in full.
                let costTE = r * (te - teExisting) + teExisting
                let wageTax = wageTaxInv + wageTaxTrade
                let profit = kept * profitTax
                let wages = wagesInv + wagesTrade
                // A side's customs revenue change is a gain when it rises and a cost when it falls.
                let customsGain = max(0, customs), customsLoss = max(0, -customs)
                let cost = costTE + reimbursement + infrastructure + customsLoss
                let gain = wageTax + profit + customsGain
                let economic = wages + welfare + saving + produce
                let net = gain + economic - cost
                let jobs = v(.jobsInvestment) + v(.jobsTrade)

                row(Metrics.fiscalCost, teDims, t, costTE)
                row(Metrics.fiscalCost, reimbursementDims, t, reimbursement)
                row(Metrics.fiscalCost, infrastructureDims, t, infrastructure)
                row(Metrics.fiscalCost, customsDims, t, customsLoss)
                row(Metrics.fiscalGain, wageTaxDims, t, wageTax)
                row(Metrics.fiscalGain, profitTaxDims, t, profit)
                row(Metrics.fiscalGain, customsDims, t, customsGain)
                row(Metrics.economicBenefit, wagesDims, t, wages)
                row(Metrics.economicBenefit, welfareDims, t, welfare)
                row(Metrics.economicBenefit, savingDims, t, saving)
                row(Metrics.economicBenefit, produceDims, t, produce)
                netPV += net * df[t]
                guard party else { continue }
                w.add(Metrics.netBenefit, year: y0 + t, dims, net)
                if jobs != 0 { w.add(Metrics.attributableJobs, year: y0 + t, dims, jobs) }

                netTotal[t] += net
                costTotal[t] += cost
                fiscalNetTotal[t] += gain - cost
                jobsTotal[t] += jobs
                linked[t] += (wageTaxInv + wagesInv) * (undo ?? 0) + profitTax
                unlinked[t] += wageTaxTrade + wagesTrade + customs + welfare + saving + produce
                redundantBase[t] += te - teExisting
                fixedCost[t] += reimbursement + infrastructure + teExisting
            }
            if party {
                w.add(Metrics.netBenefitPV, year: nil, dims, netPV)
            } else {
                nonPartyPV.append((code ?? "?", netPV))
            }
        }
        for (code, pv) in nonPartyPV {
            b.finding(
                .info,
                "\(code) is not a party to the zone: its effects (present value \(format((pv * 10).rounded() / 10)) USD m) are reported as non_party_effect "
                    + "and kept out of the NPV, the benefit–cost ratio and the cost per job")
        }

        // 5. Headlines.
        let npv = Appraisal.presentValue(netTotal, discountFactors: df)
        let costPV = Appraisal.presentValue(costTotal, discountFactors: df)
        try b.headline(Metrics.npv, npv)
        try b.headline(Metrics.fiscalNpv, Appraisal.presentValue(fiscalNetTotal, discountFactors: df))
        if let ratio = Appraisal.benefitCostRatio(benefitsPV: npv + costPV, costsPV: costPV) {
            try b.headline(Metrics.benefitCostRatio, ratio)
        } else {
            b.finding(.info, "there is no fiscal cost, so the benefit–cost ratio is undefined and not reported")
        }

        let peak = jobsTotal.max() ?? 0
        let jobYearsPV = Appraisal.presentValue(jobsTotal, discountFactors: df)
        if peak > 0 && jobYearsPV > 0 {
            try b.headline(Metrics.costPerNetJob, costPV / peak)
            try b.headline(Metrics.costPerNetJobYear, costPV / jobYearsPV * 1000)
        } else {
            b.finding(.warning, "no net additional jobs are attributable to the zone (redundancy \(format(r))), so the cost per net job is not reported")
        }

        var cumulative = 0.0
        for t in 0..<n {
            cumulative += netTotal[t] * df[t]
            w.add(Metrics.cumulativeNetBenefitPV, year: y0 + t, Dimensions(), cumulative)
        }
        let payback = Appraisal.payback(netTotal, discountFactors: df)
        if let index = payback.index {
            try b.headline(Metrics.paybackYear, Double(y0 + index))
            if let earlier = payback.earlierIndex {
                b.finding(
                    .info,
                    "the cumulative discounted net benefit first reaches zero in \(y0 + earlier) but falls below zero again; "
                        + "payback_year is \(y0 + index), from when it stays at or above zero")
            }
        } else {
            try b.headline(Metrics.paybackYear, Double(scenario.horizon.upperBound + 1))
            b.finding(
                .warning,
                parts: [
                    MessagePart(
                        "finding.no_payback",
                        [
                            "last": String(scenario.horizon.upperBound), "value": format(payback.finalCumulative),
                            "after": String(scenario.horizon.upperBound + 1),
                        ])
                ])
        }

        // NPV(r) = (1 − r)·PV(A) + PV(B) − r·PV(T) − PV(C), linear in r.
        let pvA = Appraisal.presentValue(linked, discountFactors: df)
        let pvB = Appraisal.presentValue(unlinked, discountFactors: df)
        let pvT = Appraisal.presentValue(redundantBase, discountFactors: df)
        let pvC = Appraisal.presentValue(fixedCost, discountFactors: df)
        if undo == nil {
            b.finding(
                .warning,
                "with a redundancy of 1 employment counts no jobs from investment, so their benefits at a lower redundancy are unknown: "
                    + "break_even_redundancy is not reported")
        } else {
            let breakEven = Appraisal.breakEvenRedundancy(npvAtZero: pvA + pvB - pvC, npvAtOne: pvB - pvT - pvC)
            try b.headline(Metrics.breakEvenRedundancy, breakEven.value)
            switch breakEven.shape {
            case .falling:
                b.finding(
                    .info,
                    "the NPV turns negative once more than \(percent(breakEven.value)) of the incentivised investment would have come anyway "
                        + "(redundancy used: \(percent(r)))")
            case .rising:
                b.finding(
                    .info,
                    "the NPV rises with redundancy (the tax expenditure and the benefits of investment are negative on balance); "
                        + "it is negative below a redundancy of \(percent(breakEven.value))")
            case .negativeEverywhere:
                b.finding(.warning, parts: [MessagePart("finding.npv_negative_everywhere", ["value": format(pvA + pvB - pvC)])])
            case .positiveEverywhere:
                b.finding(
                    .info,
                    "the NPV stays positive even if all incentivised investment would have come anyway (redundancy 1: \(format(pvB - pvT - pvC)) USD m); "
                        + "break_even_redundancy is set to 1")
            }
        }
        b.finding(
            .info,
            "present values at \(y0) (the first year of the horizon) at a discount rate of \(percent(rate)), redundancy \(percent(r)): "
                + "NPV \(format(npv)) USD m, of which fiscal cost −\(format(costPV))")
        return try w.result(b)
    }

    /// The rows it may write: its descriptor's metrics.
    static let rows = RowTable(descriptor)

    /// A fraction as a rounded percentage (`0.4567` → `45.7 %`).
    private func percent(_ value: Double) -> String { "\(format((value * 1000).rounded() / 10)) %" }
}
