import CoopZoneCore

/// The evaluation of one zone: its timeline, effective tax rates, investment, tax expenditure
/// and public infrastructure, written into the result builder.
struct ZoneRun {
    typealias Metrics = StagedIncentivesEvaluator.Metrics

    let zone: Zone
    let scenario: Scenario
    let parameters: StagedIncentivesEvaluator.Parameters
    let shared: SharedInputs

    /// The key of an `investment` row: lines with the same key are summed.
    private struct InvestmentKey: Equatable {
        var year: Int
        var country: Int
        var region: String?
        var sector: String
        var stage: Int
    }

    func run(into b: inout ResultBuilder, rows w: inout RowWriter, totals: inout Totals) throws {
        let timeline = scenario.timeline(of: zone)
        // The timeline report only writes findings, which a Monte Carlo draw does not keep.
        if FindingsSwitch.enabled { report(timeline, into: &b) }
        let stages = timeline.stages
        let stageCount = stages.count
        let packages = stages.map { StagePackage($0.stage.incentives, in: scenario) }
        let y0 = shared.firstYear
        let years = shared.yearCount
        let countryCount = scenario.countries.count
        let instruments = TaxInstrument.allCases
        let instrumentCount = instruments.count

        // The stage active in each year of the horizon (-1: none). The loader rejects overlaps;
        // should two overlap anyway, the earlier one wins.
        var active = [Int](repeating: -1, count: years)
        for (s, placed) in stages.enumerated() {
            let lo = max(placed.first, y0)
            let hi = min(placed.last, shared.lastYear)
            guard lo <= hi else { continue }
            for year in lo...hi where active[year - y0] < 0 { active[year - y0] = s }
        }

        // Countries reported: the members' and those of the investment lines, in scenario order.
        var reported = [Bool](repeating: false, count: countryCount)
        for regionId in zone.regions {
            if let code = scenario.region(regionId)?.country, let c = shared.countryIndex(code) { reported[c] = true }
        }
        for line in zone.investment { if let c = shared.countryIndex(line.country) { reported[c] = true } }

        // Effective tax rates: baseline (no stage) and each stage, per country.
        var deltaEATR = [Double](repeating: 0, count: countryCount * stageCount)
        for c in 0..<countryCount where reported[c] {
            let code = scenario.countries[c].code
            let baseline = shared.baselines[c]
            guard let base = shared.baselineRates[c] else {
                b.finding(.warning, "the corporate income-tax rate of \(code) is 100 % or more; its effective tax rates are not computed", at: zone.location)
                continue
            }
            addRates(base, Dimensions(country: code, zone: zone.id), into: &b, rows: &w, what: "the baseline regime of \(code)")
            for s in 0..<stageCount {
                let regime = packages[s].regime(baselineIncomeTax: baseline.incomeTax, baselinePropertyTax: baseline.propertyTax)
                guard regime.rate < 1 else { continue }
                let rates =
                    regime.holidayYears > 0
                    ? shared.representative.rates(under: regime)
                    : shared.representative.closedForm(taxRate: regime.rate, propertyTax: regime.propertyTax)
                let id = stages[s].stage.id
                addRates(rates, Dimensions(country: code, stage: id, zone: zone.id), into: &b, rows: &w, what: "stage '\(id)' in \(code)")
                let delta = rates.eatr - base.eatr
                deltaEATR[c * stageCount + s] = delta
                totals.eatrSum += delta
                totals.eatrCount += 1
            }
            if baseline.incomeTaxMissing, packages.contains(where: { $0.holidayYears > 0 || $0.incomeTaxRate != nil }) {
                b.finding(
                    .warning,
                    "\(code) gives no corporate_income_tax; the baseline rate is taken as 0, so income-tax incentives of zone '\(zone.id)' forgo nothing",
                    at: zone.location)
            }
        }

        // Investment and tax expenditure, cohort by cohort.
        var te = [Double](repeating: 0, count: countryCount * stageCount * instrumentCount * years)
        func slot(_ c: Int, _ s: Int, _ instrument: TaxInstrument, _ t: Int) -> Int {
            ((c * stageCount + s) * instrumentCount + instrument.ordinal) * years + t
        }
        var investmentKeys: [InvestmentKey] = []
        var investmentValues: [Double] = []
        var programme = 0.0
        var invested = 0.0
        var clamped = false
        var missingLand = false
        var defaultEquipment = false
        let lag = Int(parameters.operationLag.rounded())
        let life = parameters.capacityLifeYears
        let keep = 1 - parameters.depreciation
        var profits = [Double](repeating: 0, count: countryCount * years)
        var teExisting = [Double](repeating: 0, count: te.count)
        var existingTotal = 0.0
        var existingKeys: [(year: Int, country: Int, region: String?, sector: String, amount: Double)] = []
        func recordInvestment(_ key: InvestmentKey, _ amount: Double) {
            // A zone has a handful of lines: a scan (integers compared first) beats hashing strings.
            if let i = investmentKeys.firstIndex(where: {
                $0.year == key.year && $0.country == key.country && $0.stage == key.stage
                    && $0.sector == key.sector && $0.region == key.region
            }) {
                investmentValues[i] += amount
            } else {
                investmentKeys.append(key)
                investmentValues.append(amount)
            }
        }
        let landIncentives = packages.contains { $0.touchesLand }

        for line in zone.investment {
            guard let c = shared.countryIndex(line.country) else {
                b.finding(.warning, "investment line of zone '\(zone.id)' names country '\(line.country)', which is not defined; skipped", at: line.location)
                continue
            }
            let ty = line.year - y0
            guard ty >= 0, ty < years else {
                b.finding(.warning, "investment in \(line.year) lies outside the horizon; skipped", at: line.location)
                continue
            }
            let s = active[ty]
            let base = scenario[line.amount]
            var amount = base
            let existing = line.existing
            /// Adds tax expenditure, and records it as on existing capacity when it is.
            func addTE(_ k: Int, _ value: Double) {
                te[k] += value
                if existing { teExisting[k] += value }
            }
            if existing {
                existingTotal += base
                existingKeys.append((line.year, c, line.region, line.sector, base))
            } else if s >= 0 {
                let delta = deltaEATR[c * stageCount + s]
                totals.eatrWeighted += base * delta
                totals.eatrWeight += base
                if parameters.appliesResponse {
                    let factor = InvestmentResponse.factor(semiElasticity: parameters.semiElasticity, eatrChange: delta)
                    if factor == 0 { clamped = true }
                    amount = base * factor
                }
            }
            if !existing {
                programme += base
                invested += amount
                recordInvestment(InvestmentKey(year: line.year, country: c, region: line.region, sector: line.sector, stage: s), amount)
            }
            guard stageCount > 0 else { continue }

            let baseline = shared.baselines[c]
            let duty = scenario[scenario.countries[c].fiscal.duty(on: line.sector), default: 0]
            let land = scenario[line.landHectares, default: 0]
            if line.landHectares == nil && landIncentives { missingLand = true }
            let holiday = s >= 0 ? max(0, packages[s].holidayYears) : 0

            // Once, in the investment year, under the stage then active.
            if s >= 0, !existing {
                let package = packages[s]
                if package.equipmentDutyExemption != 0 {
                    let share: Double
                    if let q = line.equipmentShare {
                        share = scenario[q]
                    } else {
                        share = parameters.equipmentShare
                        defaultEquipment = true
                    }
                    addTE(
                        slot(c, s, .equipmentDuty, ty),
                        TaxExpenditure.waiver(
                            base: amount * share, baselineRate: baseline.equipmentDuty,
                            share: package.equipmentDutyExemption))
                }
                if package.infrastructureReimbursement != 0 {
                    addTE(slot(c, s, .infrastructureReimbursement, ty), amount * parameters.residentInfrastructureShare * package.infrastructureReimbursement)
                }
            }

            // Every year from the investment year to the end of the cohort's life: land; from the
            // first year of operation: the rest, scaled in a fractional last year as its jobs are.
            // Existing capacity already operates in its year; new investment after the lag.
            let operationStart = line.year + (existing ? 0 : lag)
            var assets = amount
            for t in ty..<years {
                let year = y0 + t
                let st = active[t]
                let k = year - operationStart
                let operating = k < 0 ? 1 : min(1, max(0, life - Double(k)))
                if operating == 0 { break }
                if st >= 0 && land > 0 {
                    let package = packages[st]
                    if let landTax = package.landTax {
                        addTE(slot(c, st, .landTax, t), TaxExpenditure.rateCut(base: land * operating, baselineRate: baseline.landTax, zoneRate: landTax))
                    }
                    if package.landRentExemption != 0 {
                        addTE(
                            slot(c, st, .landRent, t),
                            TaxExpenditure.waiver(base: land * operating, baselineRate: baseline.landRent, share: package.landRentExemption))
                    }
                }
                guard k >= 0 else { continue }
                if k > 0 { assets *= keep }
                let profit = parameters.preTaxReturn * assets * operating
                if !existing { profits[c * years + t] += profit }
                var exempt = 0.0
                if holiday > 0 {
                    exempt = TaxExpenditure.holidayShare(operatingYear: k, holidayYears: holiday)
                    if exempt > 0 {
                        addTE(slot(c, s, .incomeTax, t), TaxExpenditure.holidayIncomeTax(profit: profit, baselineRate: baseline.incomeTax, exemptShare: exempt))
                    }
                }
                guard st >= 0 else { continue }
                let package = packages[st]
                if let rate = package.incomeTaxRate, exempt < 1 {
                    addTE(
                        slot(c, st, .incomeTax, t),
                        TaxExpenditure.reducedRateIncomeTax(
                            profit: profit, baselineRate: baseline.incomeTax,
                            zoneRate: rate, exemptShare: exempt))
                }
                if let rate = package.propertyTaxRate {
                    addTE(slot(c, st, .propertyTax, t), TaxExpenditure.rateCut(base: assets * operating, baselineRate: baseline.propertyTax, zoneRate: rate))
                }
                let output = assets * operating * parameters.outputCapitalRatio
                if package.inputDutyExemption != 0 {
                    addTE(
                        slot(c, st, .inputDuty, t),
                        TaxExpenditure.waiver(
                            base: output * parameters.importedInputShare, baselineRate: duty,
                            share: package.inputDutyExemption))
                }
                let domestic = output * parameters.domesticSalesShare
                if package.vatDiscount != 0 {
                    addTE(slot(c, st, .vat, t), TaxExpenditure.waiver(base: domestic, baselineRate: baseline.vat, share: package.vatDiscount))
                }
                if package.dutyDiscount != 0 {
                    addTE(slot(c, st, .customsDuty, t), TaxExpenditure.waiver(base: domestic, baselineRate: duty, share: package.dutyDiscount))
                }
            }
        }

        // pre_tax_profit rows: the profits behind the income-tax expenditure, by country
        for c in 0..<countryCount {
            let base = c * years
            guard profits[base..<(base + years)].contains(where: { $0 != 0 }) else { continue }
            let dims = Dimensions(country: scenario.countries[c].code, zone: zone.id)
            for t in 0..<years where profits[base + t] != 0 { w.add(Metrics.preTaxProfit, year: y0 + t, dims, profits[base + t]) }
        }

        // existing_capacity rows, and what they mean
        for line in existingKeys {
            let dims = Dimensions(region: line.region, country: scenario.countries[line.country].code, sector: line.sector, zone: zone.id)
            w.add(Metrics.existingCapacity, year: line.year, dims, line.amount)
        }
        if existingTotal > 0 {
            b.finding(
                .info,
                "zone '\(zone.id)': \(format(existingTotal)) USD m of capacity already in place is under the zone's regime: its tax expenditure is counted "
                    + "(as tax_expenditure, and apart as tax_expenditure_existing), but it is not new investment, so it makes no jobs and no profit tax gain downstream",
                at: zone.location)
        }

        // investment rows
        w.reserve(investmentKeys.count)
        for (i, key) in investmentKeys.enumerated() {
            let dims = Dimensions(
                region: key.region, country: scenario.countries[key.country].code, sector: key.sector,
                stage: key.stage >= 0 ? stages[key.stage].stage.id : nil, zone: zone.id)
            w.add(Metrics.investment, year: key.year, dims, investmentValues[i])
        }
        totals.investment += invested
        if parameters.appliesResponse {
            b.finding(
                .info,
                "zone '\(zone.id)': investment after the response to the EATR is \(format(invested)) against a programme of \(format(programme)) (semi-elasticity \(format(parameters.semiElasticity)))",
                at: zone.location)
        }
        if clamped {
            b.finding(
                .warning, "zone '\(zone.id)': a stage raises the EATR so much that the investment response would be negative; investment set to 0 there",
                at: zone.location)
        }
        if missingLand {
            b.finding(
                .warning,
                "zone '\(zone.id)' has land tax or land rent incentives, but some investment lines give no land_ha; their land tax and rent forgone are 0",
                at: zone.location)
        }
        if defaultEquipment {
            b.finding(
                .info, "zone '\(zone.id)': investment lines without equipment_share use the parameter equipment_share = \(format(parameters.equipmentShare))",
                at: zone.location)
        }

        // tax_expenditure rows and their present values
        for c in 0..<countryCount where reported[c] {
            let code = scenario.countries[c].code
            for instrument in instruments {
                var pv = 0.0
                for s in 0..<stageCount {
                    // Most (stage, instrument) series are all zero: find the first non-zero year
                    // before building the dimensions.
                    let base = slot(c, s, instrument, 0)
                    var start = 0
                    while start < years && te[base + start] == 0 { start += 1 }
                    guard start < years else { continue }
                    let dims = Dimensions(country: code, stage: stages[s].stage.id, instrument: instrument.rawValue, zone: zone.id)
                    for t in start..<years {
                        let value = te[base + t]
                        guard value != 0 else { continue }
                        pv += value * shared.discountFactors[t]
                        w.add(Metrics.taxExpenditure, year: y0 + t, dims, value)
                        if teExisting[base + t] != 0 { w.add(Metrics.taxExpenditureExisting, year: y0 + t, dims, teExisting[base + t]) }
                    }
                }
                w.add(Metrics.taxExpenditurePV, year: nil, Dimensions(country: code, instrument: instrument.rawValue, zone: zone.id), pv)
                totals.taxExpenditurePV += pv
            }
        }

        addInfrastructure(stages, rows: &w)
    }

    /// `emtr` and `eatr` rows for one regime; a warning where the EMTR is undefined.
    private func addRates(
        _ rates: EffectiveTaxRate.Rates, _ dims: Dimensions, into b: inout ResultBuilder, rows w: inout RowWriter,
        what: @autoclosure () -> String
    ) {
        if let emtr = rates.emtr {
            w.add(Metrics.emtr, year: nil, dims, emtr)
        } else {
            b.finding(.warning, "the EMTR of \(what()) in zone '\(zone.id)' is undefined: its cost of capital is zero", at: zone.location)
        }
        w.add(Metrics.eatr, year: nil, dims, rates.eatr)
    }

    /// `public_infrastructure` rows: capital spending in each year of the stage, running cost in
    /// each year after it, by paying country.
    private func addInfrastructure(_ stages: [ResolvedStage], rows w: inout RowWriter) {
        let y0 = shared.firstYear
        for placed in stages where !placed.stage.measures.infrastructure.isEmpty {
            var byCountry: [(code: String, values: [Double])] = []
            for item in placed.stage.measures.infrastructure {
                let capital = scenario[item.amountPerYear]
                let running = scenario[item.runningCostPerYear, default: 0]
                var values = [Double](repeating: 0, count: shared.yearCount)
                for t in 0..<shared.yearCount {
                    let year = y0 + t
                    if placed.contains(year) { values[t] = capital } else if year > placed.last { values[t] = running }
                }
                if let i = byCountry.firstIndex(where: { $0.code == item.country }) {
                    for t in values.indices { byCountry[i].values[t] += values[t] }
                } else {
                    byCountry.append((item.country, values))
                }
            }
            for (code, values) in byCountry {
                let dims = Dimensions(country: code, stage: placed.stage.id, zone: zone.id)
                for (t, value) in values.enumerated() where value != 0 { w.add(Metrics.publicInfrastructure, year: y0 + t, dims, value) }
            }
        }
    }

    /// The resolved timeline as findings: when each stage runs and why, what never starts.
    private func report(_ timeline: StageTimeline, into b: inout ResultBuilder) {
        for problem in timeline.errors { b.finding(.warning, problem.message, at: problem.location) }
        for placed in timeline.stages {
            var parts = [MessagePart("finding.stage_runs", ["stage": placed.stage.id, "zone": zone.id])]
            parts.append(
                placed.first == placed.last
                    ? MessagePart("finding.span_year", ["year": String(placed.first)])
                    : MessagePart("finding.span_years", ["first": String(placed.first), "last": String(placed.last)]))
            switch placed.stage.start {
            case .year: break
            case .after(let other, let lag):
                parts.append(
                    lag == 0
                        ? MessagePart("finding.cause_after", ["stage": other])
                        : MessagePart(lag == 1 ? "finding.cause_after_lag_one" : "finding.cause_after_lag", ["stage": other, "lag": String(lag)]))
            case .infrastructureSpending(let amount, _):
                parts.append(MessagePart("finding.cause_infrastructure", ["amount": format(scenario[amount])]))
            }
            b.finding(.info, parts: parts, at: placed.stage.location)
        }
        for id in timeline.neverStarted {
            let location = zone.stages.first { $0.id == id }?.location ?? zone.location
            b.finding(.info, parts: [MessagePart("finding.stage_never_starts", ["stage": id, "zone": zone.id])], at: location)
        }
    }
}
