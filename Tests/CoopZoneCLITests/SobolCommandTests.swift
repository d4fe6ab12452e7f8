import ArgumentParser
import CoopZoneCore
import CoopZoneReports
import CoopZoneTestSupport
import Foundation
import Testing

@testable import CoopZoneCLI

/// `coopzone sensitivity --method sobol`: the indices of a shipped scenario, the formats, the mistakes.
@Suite struct SobolCommandTests {
    func sobol(_ format: OutputFormat, samples: Int = 64, seed: UInt64 = 1, workers: Int? = nil, file: String = growthTriangle, language: Language = .en)
        async -> CommandOutput
    {
        await SensitivityCommand.execute(file: file, format: format, language: language, method: .sobol, samples: samples, seed: seed, workers: workers)
    }

    @Test(.timeLimit(.minutes(3))) func theGrowthTrianglesFirstOrderIndicesSumToAtMostOneWithinTheirIntervals() async throws {
        let out = await sobol(.json, samples: 256)
        #expect(out.status == 0, "\(out.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        let inputs = json["inputs"] as? [[String: Any]] ?? []
        // The growth triangle's eight uncertain inputs: 256·(8 + 2) runs.
        #expect(inputs.count == 8 && json["runs"] as? Double == 2560)
        let headlines = json["headlines"] as? [[String: Any]] ?? []
        var varying = 0
        for h in headlines where h["varies"] as? Bool == true {
            varying += 1
            let name = "\(h["evaluator"]!).\(h["metric"]!)"
            let sum = h["first_order_sum"] as? [String: Double] ?? [:]
            // ΣS1 ≤ 1 in theory (the rest is interaction): the interval's lower end is at most 1.
            #expect((sum["low"] ?? .nan) <= 1, "\(name): ΣS1 \(sum)")
            for index in h["indices"] as? [[String: Any]] ?? [] {
                let s1 = try #require(index["first_order"] as? [String: Double]), st = try #require(index["total_order"] as? [String: Double])
                // S1 ≤ ST in theory: their intervals overlap at least, and ST is never negative.
                #expect((s1["low"] ?? .nan) <= (st["high"] ?? .nan) + 1e-12, "\(name) \(index["input"]!): S1 \(s1) ST \(st)")
                #expect((st["value"] ?? .nan) >= 0)
            }
        }
        #expect(varying >= 5)
        // The NPV moves with several inputs: cost_benefit's NPV has at least three with ST > 0.
        let npv = try #require(headlines.first { $0["evaluator"] as? String == "cost_benefit" && $0["metric"] as? String == "npv" })
        let moving = (npv["indices"] as? [[String: Any]] ?? []).filter { (($0["total_order"] as? [String: Double])?["value"] ?? 0) > 0.01 }
        #expect(moving.count >= 3, "\(npv)")
    }

    @Test(.timeLimit(.minutes(2))) func theSameSeedGivesTheSameNumbersWhateverTheWorkers() async {
        let one = await sobol(.csv, workers: 1), two = await sobol(.csv, workers: 2), other = await sobol(.csv, seed: 2)
        #expect(one.status == 0 && !one.stdout.isEmpty)
        #expect(one.stdout == two.stdout)
        #expect(one.stdout != other.stdout)
    }

    @Test(.timeLimit(.minutes(2))) func aDesignRunGivesWhatASingleRunOnTheSameValuesGives() async throws {
        // MonteCarlo.run with a design must run each row as the engine runs those values alone,
        // though an AB_i row takes the evaluators input i cannot reach from its A row's run.
        // Two samples of the growth triangle's 8 inputs: 20 rows, on 2 workers (one group each).
        var output = CommandOutput()
        let (scenario, plan) = try #require(RunCommand.prepare(file: growthTriangle, overrides: [String](), output: &output))
        let slots = MonteCarlo.uncertainSlots(scenario)
        let rows = Array(SobolAnalysis.design(slots.compactMap { scenario.inputs[$0].distribution }, samples: 16, seed: 5).prefix(20))
        let design = SobolAnalysis.drawDesign(slots: slots, rows: rows)
        let runs = await MonteCarlo.run(plan, on: scenario, draws: 0, seed: 1, workers: 2, design: design, headlinesOnly: true)
        #expect(runs.keys.allSatisfy { $0.year == nil } && runs.values.allSatisfy { $0.count == 20 })
        for (d, row) in rows.enumerated() {
            var values = scenario.values
            for (j, slot) in slots.enumerated() { values[slot] = row[j] }
            let alone = Engine.runSynchronously(plan, on: scenario.with(values: values)).results
            for (k, key) in runs.keys.enumerated() {
                let expected = alone[key.evaluator]?.headlines.first { $0.metric == key.metric }?.value ?? .nan
                #expect(runs.values[k][d] == expected || (runs.values[k][d].isNaN && expected.isNaN), "\(key) in row \(d)")
            }
        }
    }

    @Test(.timeLimit(.minutes(2))) func everyFormatIsWritten() async throws {
        let csv = await sobol(.csv)
        let lines = csv.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.first == "evaluator,metric,unit,input,s1,s1_low,s1_high,st,st_low,st_high,samples_used")
        #expect(lines.allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == 11 })
        #expect(lines.contains { $0.hasPrefix("cost_benefit,npv,usd_million,(sum of first-order),") })
        let html = await sobol(.html)
        #expect(html.stdout.contains("<svg") && html.stdout.contains("id=\"chart-sobol-cost-benefit-npv\""))
        let markdown = await sobol(.markdown)
        #expect(markdown.stdout.contains("Sum of first-order indices:") && markdown.stdout.contains("`cost_benefit.npv`"))
        let table = await sobol(.table)
        #expect(table.stdout.contains("S1 alone [95 %]") && table.stdout.contains("No effect on this headline:"))
        let xlsx = await sobol(.xlsx)
        #expect(xlsx.status == 0 && xlsx.bytes?.prefix(2) == Data("PK".utf8))
        let russian = await sobol(.markdown, language: .ru)
        #expect(russian.stdout.contains("индексы Соболя") && russian.stdout.contains("Сумма индексов первого порядка"))
    }

    /// The message the argument parser prints for `arguments`, or "" when they parse.
    func refusal(_ arguments: [String]) -> String {
        do {
            _ = try SensitivityCommand.parse(arguments)
            return ""
        } catch { return SensitivityCommand.message(for: error) }
    }

    @Test func mistakesInTheOptionsAreRefusedWithTheReason() {
        #expect(refusal([growthTriangle, "--method", "sobol", "--samples", "1024"]) == "")
        #expect(refusal([growthTriangle, "--method", "sobol", "--samples", "1000"]).contains("try 512 or 1024"))
        #expect(refusal([growthTriangle, "--method", "sobol", "--samples", "-4"]).contains("from 16 to 1048576, got -4"))
        #expect(refusal([growthTriangle, "--samples", "1024"]).contains("--samples is for --method sobol"))
        #expect(refusal([growthTriangle, "--method", "morris"]).contains("morris"))
        #expect(refusal([growthTriangle, "--seed", "3", "--workers", "2"]).contains("--seed, --workers are for --method sobol"))
        #expect(refusal([growthTriangle, "--method", "sobol", "--samples", "2097152"]).contains("more samples narrow the intervals little"))
    }

    @Test(.timeLimit(.minutes(2))) func aScenarioWithoutUncertainInputsIsSaidToHaveNone() async throws {
        // Setting each of the growth triangle's eight uncertain inputs to a number fixes it: no design, no runs.
        let fixed = [
            "semi_elasticity=-3.3", "redundancy=0.5", "import_demand_elasticity=-2", "time_cost_per_day=0.006", "displacement=0.25", "leakage=0.1",
            "deadweight=0.2", "flq_delta=0.25",
        ].map {
            "evaluators."
                + ($0.hasPrefix("semi") || $0.hasPrefix("red")
                    ? "staged_incentives." : $0.contains("elasticity") || $0.hasPrefix("time") ? "trade_effects." : "employment.") + $0
        }
        let out = await SensitivityCommand.execute(file: growthTriangle, format: .json, overrides: fixed, method: .sobol, samples: 64)
        #expect(out.status == 0 && out.stderr.contains("has no uncertain inputs, so there are no Sobol' indices"), "\(out.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        #expect(json["runs"] as? Double == 0 && (json["inputs"] as? [Any])?.isEmpty == true && (json["headlines"] as? [Any])?.isEmpty == true)
        let table = await SensitivityCommand.execute(file: growthTriangle, format: .table, overrides: fixed, method: .sobol, samples: 64)
        #expect(table.stdout.contains("The scenario has no uncertain inputs"))
    }
}
