import CoopZoneCore
import CoopZoneEvaluators
import Foundation
import Testing

@testable import CoopZoneExternal

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Each fault a program can commit, with the words its failure must contain.
struct Fault: Sendable, CustomTestStringConvertible {
    var fixture: String
    var timeout: Double?
    var expected: [String]
    var testDescription: String { fixture }
}

let faults: [Fault] = [
    Fault(fixture: "exit_three", expected: ["exited with status 3 before answering", "| Traceback: something broke"]),
    Fault(fixture: "garbage_json", expected: ["not valid JSON", "it begins: Hello, this is not JSON", "| garbage written"]),
    Fault(fixture: "unknown_unit", expected: ["unknown unit 'usd_millon'; did you mean 'usd_million'?"]),
    Fault(fixture: "unknown_dimension", expected: ["unknown dimension 'provnce'"]),
    Fault(fixture: "undeclared_metric", expected: ["metric 'surprise', which the manifest does not declare"]),
    Fault(fixture: "slow", timeout: 1, expected: ["did not answer within 1 s", "was killed", "| thinking very hard"]),
    Fault(fixture: "huge_output", expected: ["exceeded the output limit of 1000000 bytes", "| writing a lot"]),
    Fault(fixture: "two_lines", expected: ["not valid JSON", "it begins: debug: evaluating"]),
    Fault(
        fixture: "answers_version_two",
        expected: ["protocol version mismatch", "CoopZone speaks evaluator protocol version 1, the program answered with version 2"]),
]

/// Processes of process group `group` that are not zombies (Linux: from /proc; elsewhere, `kill(-group, 0)`).
func livingProcesses(inGroup group: pid_t) -> [String] {
    #if os(Linux)
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.filter { $0.allSatisfy(\.isNumber) }.compactMap { pid -> String? in
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { return nil }
            // After "pid (comm) ": state, ppid, pgrp.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 2, fields[0] != "Z", Int32(fields[2]) == group else { return nil }
            return stat
        }
    #else
        return kill(-group, 0) == 0 ? ["group \(group)"] : []
    #endif
}

/// Serialized: each test starts programs and some wait for time limits; run one at a time, they
/// keep their timings meaningful on a 2-core machine.
@Suite(.serialized)
struct ExternalEvaluatorTests {
    @Test func pythonExampleRowsAppearBesideTheBuiltInOnes() async throws {
        let gravity = try externalEvaluator(gravityDirectory)
        defer { gravity.shutdown() }
        let scenario = try ScenarioLoader.loadOrThrow(file: gravityScenario)
        let result = try await run(scenario, with: [gravity])
        #expect(result.failures.isEmpty, "\(result.failures)")
        let evaluators = Set(result.rows.map(\.evaluator))
        #expect(evaluators.isSuperset(of: ["gravity_trade", "staged_incentives", "trade_effects", "employment"]))
        let rows = result.rows.filter { $0.evaluator == "gravity_trade" && $0.dimensions.link == "andijan_osh" }
        func value(_ metric: String, _ year: Int) throws -> Double {
            try #require(rows.first { $0.metric == metric && $0.year == year }).value
        }
        // Calibration: recorded trade on andijan_osh in 2023 = 40 + 30 + 20 + 20 + 25 + 15 + 10 + 10 = 170.
        // Both ends grow 4 % a year and trade has size elasticity 0.9 per end, so the baseline in 2030 is
        // 170 · 1.04^(2 · 0.9 · 7) = 170 · 1.04^12.6 = 170 · 1.63916 = 278.656.
        #expect(abs(try value("gravity_trade_baseline", 2030) - 278.656) < 0.01)
        // From 2026 (stage 'setup') the crossing takes 0.5 days instead of 1: effective distance
        // 60 + 70 · 0.5 = 95 km instead of 60 + 70 · 1 = 130 km, so trade is (95 / 130)^−0.93 = 1.33870 times the baseline.
        #expect(abs(try value("gravity_trade_scenario", 2030) / value("gravity_trade_baseline", 2030) - 1.33870) < 1e-5)
        // Before the stage (2026 is the first horizon year, so take no year before it): the same ratio in 2026.
        #expect(abs(try value("border_time_effect", 2030) - (value("gravity_trade_scenario", 2030) - value("gravity_trade_baseline", 2030))) < 1e-9)
        let headline = try #require(result.headlines.first { $0.metric == "border_time_effect_total" })
        #expect(headline.evaluator == "gravity_trade" && headline.unit == .usdMillion && headline.value > 0)
        #expect(result.manifest.evaluators.contains { $0.id == "gravity_trade" && $0.version == "1.0.0" && $0.parameters["km_per_border_day"] == .number(70) })
    }

    @Test func oneProcessServesEveryRequestAndAMonteCarloBlockIsOneRequest() async throws {
        let gravity = try externalEvaluator(gravityDirectory)
        defer { gravity.shutdown() }
        let scenario = try ScenarioLoader.loadOrThrow(file: gravityScenario)
        let plan = try Engine.plan(scenario, registry: BuiltInEvaluators.all + [gravity.entry]).get()
        for _ in 0..<3 { _ = await Engine.run(plan, on: scenario) }
        let mc = await MonteCarlo.run(plan, on: scenario, draws: 300, seed: 7, workers: 2)
        #expect(mc.failures["gravity_trade"] == nil, "\(mc.failures)")
        let stats = gravity.statistics
        #expect(stats.starts == 1)
        // Three single runs, the Monte Carlo run's run on central values, one block of 300 draws.
        #expect(stats.requests == 5)
        #expect(stats.draws == 304)
        // The draws vary the distance and the crossing time, so the effect varies from draw to draw.
        let k = try #require(mc.keys.firstIndex { $0.evaluator == "gravity_trade" && $0.metric == "border_time_effect_total" && $0.year == nil })
        let band = mc.band(k)
        #expect(band.p5 < band.p50 && band.p50 < band.p95)
        // The same seed gives the same draws.
        let again = await MonteCarlo.run(plan, on: scenario, draws: 300, seed: 7, workers: 1)
        #expect(again.values[k] == mc.values[k])
    }

    @Test(arguments: faults)
    func faultIsThatEvaluatorsFailureAndTheOthersResultsAreKept(fault: Fault) async throws {
        let evaluator = try fixture(fault.fixture, timeout: fault.timeout)
        defer { evaluator.shutdown() }
        let scenario = try scenario(adding: [fault.fixture])
        var result: RunResult?
        _ = try await seconds { result = try await run(scenario, with: [evaluator]) }
        let outcome = try #require(result)
        #expect(outcome.failures.map(\.evaluator) == [fault.fixture])
        let message = try #require(outcome.failures.first?.message)
        for phrase in fault.expected { #expect(message.contains(phrase), "\(message)") }
        let others = Set(outcome.manifest.evaluators.map(\.id)).subtracting([fault.fixture])
        #expect(others.count >= 3)
        #expect(Set(outcome.rows.map(\.evaluator)) == others, "the other evaluators' results are kept")
    }

    @Test func aTimeoutKillsTheWholeProcessGroup() async throws {
        let slow = try fixture("slow", timeout: 1)
        defer { slow.shutdown() }
        let scenario = try scenario(adding: ["slow"])
        let instance = try slow.entry.make([:])
        var pid: pid_t?
        _ = await seconds {
            let task = Task.detached { try? instance.evaluate(scenario, context: EvaluationContext(results: [:])) }
            // The program's process group id is its pid: catch it while it runs.
            for _ in 0..<200 where pid == nil {
                try? await Task.sleep(for: .milliseconds(5))
                pid = slow.runningProcessID
            }
            _ = await task.value
        }
        let group = try #require(pid)
        // Neither the program nor the 'sleep 60 &' it started is left running in its group
        // (a killed child may stay a zombie for a moment, until init reaps it).
        #expect(livingProcesses(inGroup: group).isEmpty)
    }

    @Test func aProgramThatNeverReadsALargeRequestCannotBlockCoopZone() async throws {
        // A block of 500 draws is a request larger than a pipe's buffer (64 KiB); 'slow' never reads it.
        let slow = try fixture("slow", timeout: 1)
        let gravity = try externalEvaluator(gravityDirectory)
        defer { slow.shutdown(); gravity.shutdown() }
        let scenario = try scenario(gravityScenario, adding: ["slow"])
        let plan = try Engine.plan(scenario, registry: BuiltInEvaluators.all + [gravity.entry, slow.entry]).get()
        var mc: MonteCarloResult?
        _ = await seconds { mc = await MonteCarlo.run(plan, on: scenario, draws: 500, seed: 1, workers: 2) }
        #expect(mc?.failures["slow"]?.count == 500)
        #expect(mc?.failures["gravity_trade"] == nil)
        #expect(slow.statistics.requestBytes > 65_536)
    }

    @Test func aChattyStandardErrorCannotBlockTheExchange() async throws {
        let chatty = try fixture("chatty_stderr", timeout: 20)
        defer { chatty.shutdown() }
        let result = try await run(scenario(adding: ["chatty_stderr"]), with: [chatty])
        #expect(result.failures.isEmpty, "\(result.failures)")
        #expect(result.headlines.contains { $0.evaluator == "chatty_stderr" && $0.value == 1.5 })
    }

    @Test func aCrashedProgramIsStartedAfreshForTheNextRequest() async throws {
        let marker = FileManager.default.temporaryDirectory.appendingPathComponent("coopzone-fixture-crashes-once-\(getpid())").path
        try? FileManager.default.removeItem(atPath: marker)
        defer { try? FileManager.default.removeItem(atPath: marker) }
        let evaluator = try fixture("crashes_once")
        defer { evaluator.shutdown() }
        let scenario = try scenario(adding: ["crashes_once"])
        let first = try await run(scenario, with: [evaluator])
        #expect(first.failures.first?.message.contains("exited with status 7") == true)
        #expect(first.failures.first?.message.contains("| first start: crashing on purpose") == true)
        let second = try await run(scenario, with: [evaluator])
        #expect(second.failures.isEmpty)
        #expect(evaluator.statistics.starts == 2)
    }

    @Test func afterThreeFaultsTheEvaluatorIsNotStartedAgain() async throws {
        let evaluator = try fixture("exit_three")
        defer { evaluator.shutdown() }
        let scenario = try scenario(adding: ["exit_three"])
        for _ in 0..<3 { _ = try await run(scenario, with: [evaluator]) }
        let fourth = try await run(scenario, with: [evaluator])
        #expect(fourth.failures.first?.message.hasPrefix("not run: the program failed 3 times in this run (first: the program exited with status 3") == true)
        #expect(evaluator.statistics.starts == 3)
    }

    @Test func dependencyResultsTravelWithTheRequest() async throws {
        let evaluator = try fixture("uses_dependency")
        defer { evaluator.shutdown() }
        let result = try await run(scenario(adding: ["uses_dependency"]), with: [evaluator])
        #expect(result.failures.isEmpty, "\(result.failures)")
        let sent = try #require(result.headlines.first { $0.evaluator == "trade_effects" && $0.metric == "trade_creation_total" }).value
        let echoed = try #require(result.headlines.first { $0.evaluator == "uses_dependency" }).value
        #expect(echoed == sent)
    }

    @Test func shutdownEndsTheProgram() async throws {
        let gravity = try externalEvaluator(gravityDirectory)
        _ = try await run(ScenarioLoader.loadOrThrow(file: gravityScenario), with: [gravity])
        let pid = try #require(gravity.runningProcessID)
        _ = await seconds { gravity.shutdown() }
        #expect(gravity.runningProcessID == nil)
        #expect(kill(pid, 0) == -1 && errno == ESRCH)
    }

    @Test func aVersionProbeIsRefusedByTheExample() throws {
        let gravity = try externalEvaluator(gravityDirectory)
        defer { gravity.shutdown() }
        let probe = gravity.probeVersionMismatch(try ScenarioLoader.loadOrThrow(file: gravityScenario))
        guard case .refused(let message) = probe else { Issue.record("\(probe)"); return }
        #expect(message.contains("speaks evaluator protocol version 1, not 2"))
    }
}
