import ArgumentParser
import CoopZoneCore
import CoopZoneTestSupport
import Foundation
import Testing

@testable import CoopZoneCLI

/// `coopzone sweep`: the spec's diagnostics, the points, sharding and merging.
@Suite struct SweepCommandTests {
    let alatau = packageRoot.appendingPathComponent("Scenarios/karasu-ak-tilek-alatau-trade-logistics-hub.yaml").path
    let example = packageRoot.appendingPathComponent("examples/sweeps/growth-triangle-and-alatau.yaml").path

    /// A temporary folder with `files` written into it (name → text); removed by the caller.
    func folder(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cz-sweep-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return dir
    }

    func diagnostics(_ text: String) throws -> (file: String, lines: [String]) {
        let dir = try folder(["spec.yaml": text])
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("spec.yaml").path
        switch SweepSpec.load(file: file) {
        case .success: return (file, [])
        case .failure(let error): return (file, error.diagnostics.map(\.description))
        }
    }

    // MARK: The spec

    @Test func aLeverValueOffItsGridIsReportedAtItsLineAndColumnWithTheNearestGridValues() throws {
        // The growth triangle's uz_kg_days moves from 0 to 3 in steps of 0.25: 0.3 lies between 0.25 and 0.5.
        // Line 5 is "    uz_kg_days: [0, 0.3]": the value 0.3 follows 4 spaces, "uz_kg_days: " (12) and "[0, " (4), in column 21.
        let (file, lines) = try diagnostics(
            """
            scenarios: [\(growthTriangle)]
            grid:
              levers:
                holiday_years: [0, 12]
                uz_kg_days: [0, 0.3]
            """)
        #expect(
            lines.contains {
                $0.hasPrefix("\(file):5:21: error: 0.3 is off the grid of lever 'uz_kg_days' of '\(growthTriangle)', which moves in steps of 0.25 from 0")
                    && $0.hasSuffix("hint: the nearest values on its grid: 0.25 and 0.5")
            }, "\(lines)")
        // holiday_years moves from 0 to 10: 12 is outside; "    holiday_years: [0, " is 23 characters, so 12 is in column 24 of line 4.
        #expect(lines.contains { $0.hasPrefix("\(file):4:24: error: 12 is outside lever 'holiday_years'") && $0.contains("from 0 to 10") }, "\(lines)")
        #expect(lines.count == 2, "\(lines)")
    }

    @Test func unknownKeysAndLeversHaveDidYouMean() throws {
        let (file, lines) = try diagnostics(
            """
            scenarios: [\(growthTriangle)]
            gird:
              levers: {holiday_years: [0]}
            monte_carlo: {drawz: 10}
            """)
        // 'gird' is the key in column 1 of line 2; 'drawz' follows "monte_carlo: {" (14 characters) in column 15 of line 4.
        #expect(lines.contains { $0.hasPrefix("\(file):2:1: error: unknown key 'gird' in the sweep spec; did you mean 'grid'?") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("\(file):4:15: error: unknown key 'drawz' in 'monte_carlo'; did you mean 'draws'?") }, "\(lines)")
        // An unknown lever: "    holiday_yeras" puts the key in column 5 of line 4.
        let (file2, lines2) = try diagnostics(
            """
            scenarios:
              - file: \(growthTriangle)
                grid:
                  levers: {holiday_yeras: [0]}
            """)
        // "      levers: {" is 15 characters: the key starts in column 16 of line 4.
        #expect(
            lines2.contains {
                $0.hasPrefix("\(file2):4:16: error: the scenario '\(growthTriangle)' has no lever 'holiday_yeras'; did you mean 'holiday_years'?")
            }, "\(lines2)")
    }

    @Test func rangesPathsAndDesignsAreChecked() throws {
        // 0 + k · 0.3 never reaches 1: 0, 0.3, 0.6, 0.9, then 1.2.
        let (_, lines) = try diagnostics(
            """
            scenarios: [\(growthTriangle)]
            grid:
              paths:
                discount_rate: {from: 0, to: 1, step: 0.3}
                regions.fergna.population: [1]
            """)
        #expect(lines.contains { $0.contains("'to' (1) is not 'from' (0) plus a whole number of steps of 0.3") && $0.contains("the last value would be 0.9") })
        // A misspelt region in the middle of a path: "    regions.fergna.population" puts the key in column 5 of line 5.
        #expect(lines.contains { $0.contains(":5:5: error: 'regions.fergna.population' does not exist") && $0.contains("did you mean 'fergana'?") }, "\(lines)")
        // A path whose value the scenario refuses: a discount rate of 5 (500 %) is out of its key's range; the loader's diagnostic points at the spec.
        let (file, bad) = try diagnostics(
            """
            scenarios: [\(growthTriangle)]
            grid:
              paths:
                discount_rate: [0.05, 5]
            """)
        // "    discount_rate: [0.05, 5]": 4 spaces, "discount_rate: " (15), "[0.05, " (7): the 5 is in column 27 of line 4.
        #expect(bad.contains { $0.hasPrefix("\(file):4:27: error:") }, "\(bad)")
        // Both a grid and a sample for one scenario.
        let (_, both) = try diagnostics("scenarios: [\(growthTriangle)]\ngrid: {levers: {holiday_years: [0]}}\nsample: {points: 3}\n")
        #expect(both.contains { $0.contains("either 'grid' or 'sample', not both") }, "\(both)")
    }

    @Test func gridPointsRunTheFirstAxisSlowestAndShardsAreContiguous() throws {
        let dir = try folder([
            "spec.yaml": "scenarios: [\(growthTriangle)]\ngrid:\n  levers:\n    holiday_years: [0, 5, 10]\n    uz_kg_days: {from: 0, to: 3, step: 1}\n"
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let spec = try SweepSpec.load(file: dir.appendingPathComponent("spec.yaml").path).get()
        // 3 holiday values × 4 crossing times (0, 1, 2, 3) = 12 points, holiday_years the slower digit.
        #expect(spec.pointCount == 12)
        let points = spec.points()
        #expect(points.map(\.index) == Array(1...12))
        #expect(points[0].values == [0, 0])
        #expect(points[1].values == [0, 1])
        #expect(points[4].values == [5, 0])
        #expect(points[11].values == [10, 3])
        // Shard k of N takes points ⌊(k−1)·P/N⌋+1 … ⌊k·P/N⌋. P = 42, N = 4: 42/4 = 10.5, 84/4 = 21, 126/4 = 31.5 →
        // 1–10, 11–21, 22–31, 32–42 (10, 11, 10 and 11 points).
        #expect(SweepSpec.shardRange(1, of: 4, points: 42) == 1..<11)
        #expect(SweepSpec.shardRange(2, of: 4, points: 42) == 11..<22)
        #expect(SweepSpec.shardRange(3, of: 4, points: 42) == 22..<32)
        #expect(SweepSpec.shardRange(4, of: 4, points: 42) == 32..<43)
        // More shards than points: P = 3, N = 5 → ⌊0.6⌋ = 0, ⌊1.2⌋ = 1, ⌊1.8⌋ = 1, ⌊2.4⌋ = 2, 3: shards 1 and 3 are empty.
        #expect((1...5).map { SweepSpec.shardRange($0, of: 5, points: 3).count } == [0, 1, 0, 1, 1])
        // The overrides set each lever's path with the value's text.
        let overrides = spec.overrides(for: points[5])  // (5, 1)
        #expect(
            overrides.map(\.path) == [
                "zones.fbs.stages.investment.incentives.income_tax_holiday_years", "zones.fbs.stages.free_trade.measures.border_time.0.days.value",
            ])
        #expect(overrides.map { $0.value.scalarText } == ["5", "1"])
    }

    @Test func aSampleIsSeededOnTheLeversGridsAndTheSameWhateverTheShard() throws {
        let text = "scenarios: [\(alatau)]\nsample: {points: 40, seed: 7}\n"
        let dir = try folder(["spec.yaml": text, "other.yaml": text.replacingOccurrences(of: "seed: 7", with: "seed: 8")])
        defer { try? FileManager.default.removeItem(at: dir) }
        let spec = try SweepSpec.load(file: dir.appendingPathComponent("spec.yaml").path).get()
        let again = try SweepSpec.load(file: dir.appendingPathComponent("spec.yaml").path).get()
        let other = try SweepSpec.load(file: dir.appendingPathComponent("other.yaml").path).get()
        // Every lever of the hub, in its order; storage_loss moves from 0.05 to 0.40 in steps of 0.01: (0.40 − 0.05)/0.01 + 1 = 36 values.
        let axes = spec.scenarios[0].axes
        #expect(axes.map(\.name) == ["baseline_growth", "storage_loss", "shadow_after", "crossing_days", "sez_cit"])
        #expect(axes[1].values.count == 36 && axes[1].values.first == 0.05 && axes[1].values.last == 0.4)
        // baseline_growth 0…0.15 by 0.01: 16 values; shadow_after 0…0.45 by 0.05: 10; crossing_days 0…2 by 0.25: 9; sez_cit 0…0.2 by 0.01: 21.
        #expect(axes.map(\.values.count) == [16, 36, 10, 9, 21])
        let points = spec.points()
        #expect(points.count == 40)
        let levers = try ScenarioLoader.loadOrThrow(file: alatau).levers
        for point in points {
            for (lever, value) in zip(levers, point.values) { #expect(lever.snapped(value) == value, "\(lever.id) = \(value) is on its grid") }
        }
        #expect(points.map(\.values) == again.points().map(\.values))
        #expect(points.map(\.values) != other.points().map(\.values))
        // Points 11 to 20 alone are the same as in the whole list.
        #expect(spec.points(11..<21).map(\.values) == Array(points[10..<20]).map(\.values))
        // Forty draws spread over the levers' ranges: more than one distinct value on every axis.
        for a in axes.indices { #expect(Set(points.map { $0.values[a] }).count > 1) }
    }

    // MARK: Running, sharding, merging

    @Test func eachPointIsTheRunOfItsScenarioWithItsValues() async throws {
        let dir = try folder(["spec.yaml": "scenarios: [\(growthTriangle)]\ngrid:\n  levers: {holiday_years: [0, 5]}\n  paths: {discount_rate: [0.06]}\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = await SweepRunCommand.execute(spec: dir.appendingPathComponent("spec.yaml").path, format: .csv, workers: 2)
        #expect(out.status == 0, "\(out.stderr)")
        let lines = out.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0] == "point,scenario,holiday_years,discount_rate,evaluator,metric,unit,value")
        // The independent route: `coopzone run --set` with the same two values, each headline's value in its JSON.
        for (point, holiday) in [(1, "0"), (2, "5")] {
            let outcome = ScenarioLoader.load(
                file: growthTriangle,
                overrides: try ["zones.fbs.stages.investment.incentives.income_tax_holiday_years=\(holiday)", "discount_rate=0.06"].enumerated().map {
                    try Override.parse($1, index: $0 + 1).get()
                })
            let scenario = try #require(outcome.scenario)
            let plan = try Engine.plan(scenario, registry: Registry.evaluators).get()
            let result = await Engine.run(plan, on: scenario)
            let expected = result.headlines.map {
                "\(point),\(growthTriangle),\(holiday),0.06,\($0.evaluator),\($0.metric),\($0.unit.rawValue),\(JSONWriter.numberText($0.value))"
            }
            let got = lines.filter { $0.hasPrefix("\(point),") }
            #expect(got == expected)
            #expect(!expected.isEmpty)
        }
        // The NPV moves with the holiday: the two points differ there.
        let npv = lines.filter { $0.contains(",cost_benefit,npv,") }
        #expect(npv.count == 2 && npv[0].split(separator: ",").last != npv[1].split(separator: ",").last)
    }

    /// The example spec (42 points), whole and in `n` shards merged, in `format`.
    func shardedEqualsWhole(_ spec: String, n: Int, format: SweepFormat) async throws {
        let whole = await SweepRunCommand.execute(spec: spec, format: format, workers: 2)
        #expect(whole.status == 0, "\(whole.stderr)")
        var shards: [(name: String, text: String)] = []
        for k in (1...n).reversed() {  // any order
            let out = await SweepRunCommand.execute(spec: spec, format: format, shard: SweepShard(k, of: n), workers: 2)
            #expect(out.status == 0, "\(out.stderr)")
            shards.append(("shard-\(k)", out.stdout))
        }
        let merged = try SweepTable.merge(shards)
        #expect(merged.failed == 0)
        #expect(merged.table == whole.stdout, "\(n) shards of \(spec) merged in \(format)")
    }

    @Test func shardsMergedAreByteForByteTheTableOneProcessWrites() async throws {
        try await shardedEqualsWhole(example, n: 4, format: .csv)
        try await shardedEqualsWhole(example, n: 3, format: .json)
        // More shards than points: shards with no rows merge too.
        let dir = try folder(["spec.yaml": "scenarios: [\(alatau)]\ngrid:\n  levers: {storage_loss: [0.1, 0.2, 0.3]}\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        try await shardedEqualsWhole(dir.appendingPathComponent("spec.yaml").path, n: 5, format: .csv)
        try await shardedEqualsWhole(dir.appendingPathComponent("spec.yaml").path, n: 5, format: .json)
    }

    @Test func theExampleTableHasEveryHeadlineAtEveryPointAndTheSameBytesEveryTime() async throws {
        let first = await SweepRunCommand.execute(spec: example, format: .json, workers: 2)
        let second = await SweepRunCommand.execute(spec: example, format: .json, workers: 1)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == second.stdout)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        let rows = try #require(json["rows"] as? [[String: Any]])
        // Points: 3 × 4 on the growth triangle, 3 × 3 × 2 and a sample of 12 on the hub = 12 + 18 + 12 = 42.
        let headlines = { (file: String) async throws -> Int in
            let scenario = try ScenarioLoader.loadOrThrow(file: file)
            return await Engine.run(try Engine.plan(scenario, registry: Registry.evaluators).get(), on: scenario).headlines.count
        }
        let (fbs, hub) = (try await headlines(growthTriangle), try await headlines(alatau))
        #expect(rows.count == 12 * fbs + 30 * hub)
        #expect(Set(rows.compactMap { $0["point"] as? Int }) == Set(1...42))
        #expect(
            json["columns"] as? [String] == [
                "point", "scenario", "holiday_years", "uz_kg_days", "storage_loss", "shadow_after", "discount_rate", "crossing_days",
                "sez_cit", "evaluator", "metric", "unit", "value",
            ])
        // The scenario column is the file as the spec writes it, whatever folder the sweep runs from.
        #expect(rows[0]["scenario"] as? String == "../../Scenarios/fergana-batken-sughd-growth-triangle.yaml")
    }

    @Test func monteCarloAtEachPointGivesTheCentralValueAndTheBands() async throws {
        let dir = try folder([
            "spec.yaml": "scenarios: [\(growthTriangle)]\ngrid: {levers: {holiday_years: [0, 10]}}\nmonte_carlo: {draws: 60, seed: 3}\n"
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let spec = dir.appendingPathComponent("spec.yaml").path
        let out = await SweepRunCommand.execute(spec: spec, format: .csv, workers: 2)
        #expect(out.status == 0, "\(out.stderr)")
        let lines = out.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0] == "point,scenario,holiday_years,evaluator,metric,unit,value,p5,p50,p95,mean")
        // The independent route: `coopzone run --monte-carlo 60 --seed 3 --set holiday=10`, its JSON headline bands.
        let run = await RunCommand.execute(
            file: growthTriangle, format: .json, overrides: ["zones.fbs.stages.investment.incentives.income_tax_holiday_years=10"], monteCarlo: 60, seed: 3)
        #expect(run.status == 0)
        // Its band line for the NPV: {"evaluator":"cost_benefit","metric":"npv",…,"central":…,"p5":…,"p50":…,"p95":…,"mean":…}.
        let band = try #require(run.stdout.split(separator: "\n").first { $0.contains("\"metric\":\"npv\"") && $0.contains("\"year\":null") })
        func field(_ name: String) -> String {
            guard let start = band.range(of: "\"\(name)\":") else { return "?" }
            return String(band[start.upperBound...].prefix { $0 != "," && $0 != "}" })
        }
        let expected = "2,\(growthTriangle),10,cost_benefit,npv,usd_million," + ["central", "p5", "p50", "p95", "mean"].map(field).joined(separator: ",")
        #expect(lines.contains(expected), "\(expected)")
        let cells = expected.split(separator: ",").suffix(5).compactMap { Double($0) }
        #expect(cells.count == 5 && cells[1] <= cells[2] && cells[2] <= cells[3] && cells[1] < cells[3])
        try await shardedEqualsWhole(spec, n: 2, format: .csv)
    }

    @Test func mergeRefusesShardsOfAnotherSweepAMissingOrRepeatedShardAndAFileCutShort() async throws {
        let a = "scenarios: [\(alatau)]\ngrid:\n  levers: {storage_loss: [0.1, 0.2, 0.3, 0.4]}\n"
        let dir = try folder(["a.yaml": a, "b.yaml": a.replacingOccurrences(of: "0.4]", with: "0.35]")])
        defer { try? FileManager.default.removeItem(at: dir) }
        func shard(_ name: String, _ k: Int, _ n: Int) async -> (name: String, text: String) {
            let out = await SweepRunCommand.execute(spec: dir.appendingPathComponent(name).path, format: .csv, shard: SweepShard(k, of: n), workers: 2)
            return ("\(name)-\(k)-of-\(n)", out.stdout)
        }
        let a1 = await shard("a.yaml", 1, 2), a2 = await shard("a.yaml", 2, 2), b2 = await shard("b.yaml", 2, 2)
        #expect(throws: Never.self) { try SweepTable.merge([a2, a1]) }
        func message(_ files: [(name: String, text: String)]) -> String {
            do {
                _ = try SweepTable.merge(files)
                return ""
            } catch { return error.description }
        }
        #expect(message([a1, b2]).contains("'b.yaml-2-of-2' is a shard of another sweep than 'a.yaml-1-of-2'"))
        #expect(message([a1]).contains("1 of 2 shards missing: 2/2"))
        #expect(message([a1, a1, a2]).contains("shard 1/2 is given twice"))
        let a3 = await shard("a.yaml", 1, 3)
        #expect(message([a1, a2, a3]).contains("shard 1/3 and 'a.yaml-1-of-2' is shard 1/2") || message([a1, a2, a3]).contains("the same N"))
        // Cut short: the last line (the row count) is gone, or a row is.
        var lines = a1.text.split(separator: "\n", omittingEmptySubsequences: false)
        lines.removeLast(2)
        #expect(message([(a1.name, lines.joined(separator: "\n") + "\n"), a2]).contains("cut short"))
        lines = a1.text.split(separator: "\n", omittingEmptySubsequences: false)
        lines.remove(at: 3)
        #expect(message([(a1.name, lines.joined(separator: "\n")), a2]).contains("rows where its last line says"))
        // A whole table is not a shard.
        let whole = await SweepRunCommand.execute(spec: dir.appendingPathComponent("a.yaml").path, format: .csv)
        #expect(message([("whole.csv", whole.stdout)]).contains("'whole.csv' is not a shard of a sweep"))
        // The command: files that do not exist, and exit status 1.
        let out = SweepMergeCommand.execute(shards: [dir.appendingPathComponent("nope.csv").path])
        #expect(out.status == 1 && out.stderr.contains("does not exist"))
    }

    @Test func theCommandLineRoutesToRunOrMergeAndChecksTheShard() throws {
        let parsed = try CoopZoneCommand.parseAsRoot(["sweep", example, "--shard", "2/4", "--format", "json"])
        let run = try #require(parsed as? SweepRunCommand)
        #expect(run.shard == SweepShard(2, of: 4) && run.format == .json)
        #expect(try CoopZoneCommand.parseAsRoot(["sweep", "merge", "a.csv", "b.csv"]) is SweepMergeCommand)
        for bad in ["5/4", "0/4", "2", "a/b"] {
            #expect(throws: (any Error).self) { try CoopZoneCommand.parseAsRoot(["sweep", example, "--shard", bad]) }
        }
    }
}
