import ArgumentParser
import CoopZoneCore
import CoopZoneTestSupport
import Foundation
import Testing

@testable import CoopZoneCLI

/// The tools for authors of outside evaluators (issue 22): the warning for a found evaluator
/// the scenario does not run, `--with`, `coopzone request` and `--trace-protocol`.
struct EvaluatorToolsCommandTests {
    static let fixture = externalFixtures + "/reads_baseline"

    @Test(.timeLimit(.minutes(5))) func aFoundEvaluatorTheScenarioDoesNotSelectIsAWarningWithTheLineToAdd() async {
        // The growth triangle names no evaluator: every built-in one runs, the fixture does not.
        let out = await RunCommand.execute(file: growthTriangle, format: .json, overrides: [], evaluators: EvaluatorSearch(directories: [Self.fixture]))
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stderr.contains("warning: the evaluator 'reads_baseline' (found in "), "\(out.stderr)")
        #expect(out.stderr.contains("is not run: the scenario does not select it"), "\(out.stderr)")
        #expect(out.stderr.contains("or pass --with reads_baseline"), "\(out.stderr)")
        #expect(!out.stdout.contains("\"reads_baseline\""))
    }

    @Test(.timeLimit(.minutes(5))) func withRunsItBesideEveryBuiltInOne() async throws {
        let options = try RunCommand.parse([growthTriangle, "--evaluators", Self.fixture, "--with", "reads_baseline"])
        let out = await RunCommand.execute(file: growthTriangle, format: .json, overrides: [], evaluators: options.external.search)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(!out.stderr.contains("is not run"), "\(out.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        let headlines = try #require(object["headlines"] as? [[String: Any]])
        let evaluators = Set(headlines.compactMap { $0["evaluator"] as? String })
        #expect(evaluators == ["reads_baseline", "staged_incentives", "trade_effects", "employment", "cost_benefit", "zone_fit"])
    }

    @Test func withAnUnknownIdStopsWithADidYouMean() async {
        let out = await RunCommand.execute(
            file: growthTriangle, format: .json, overrides: [], evaluators: EvaluatorSearch(directories: [Self.fixture], with: ["reads_baselin"]))
        #expect(out.status == 1)
        #expect(out.stderr.contains("error: --with reads_baselin: no evaluator has this id; did you mean 'reads_baseline'?"), "\(out.stderr)")
        #expect(out.stderr.contains("error: not run because of the errors above"), "\(out.stderr)")
    }

    /// `request` writes what the program would get: one request for a run, two with --draws
    /// (the central run, then one block of draws), each draw with its views, without running it.
    @Test(.timeLimit(.minutes(5))) func requestWritesTheRequestsWithoutRunningTheProgram() async throws {
        let single = await RequestCommand.execute(file: growthTriangle, evaluator: "reads_baseline", evaluators: EvaluatorSearch(directories: [Self.fixture]))
        #expect(single.status == 0, "\(single.stderr)")
        let lines = single.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        let request = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(request["type"] as? String == "evaluate")
        let draws = try #require(request["draws"] as? [[String: Any]])
        let views = try #require(draws.first?["views"] as? [String: Any])
        #expect(Set(views.keys) == ["stage_timeline", "flows_by_year", "measures_by_year", "tariffs_by_year"])
        let rows = try #require(((draws.first?["dependencies"] as? [String: Any])?["trade_effects"] as? [String: Any])?["rows"] as? [[String: Any]])
        #expect(!rows.isEmpty && rows.allSatisfy { $0["metric"] as? String == "trade_baseline" })

        let batch = await RequestCommand.execute(
            file: growthTriangle, evaluator: "reads_baseline", draws: 20, evaluators: EvaluatorSearch(directories: [Self.fixture]))
        #expect(batch.status == 0, "\(batch.stderr)")
        let counts = try batch.stdout.split(separator: "\n").map { line in
            try #require((try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["draws"] as? [Any]).count
        }
        #expect(counts == [1, 20])
        #expect(batch.stderr.contains("2 requests for 'reads_baseline'"))

        let builtIn = await RequestCommand.execute(file: growthTriangle, evaluator: "trade_effects")
        #expect(builtIn.status == 1 && builtIn.stderr.contains("'trade_effects' is a built-in evaluator"))
    }

    @Test(.timeLimit(.minutes(5))) func traceProtocolRecordsEveryExchange() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("coopzone-trace-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let options = try RunCommand.parse([growthTriangle, "--evaluators", Self.fixture, "--with", "reads_baseline", "--trace-protocol", directory])
        let out = await RunCommand.execute(file: growthTriangle, format: .json, overrides: [], monteCarlo: 10, evaluators: options.external.search)
        #expect(out.status == 0, "\(out.stderr)")
        let lines = try String(contentsOfFile: directory + "/reads_baseline.jsonl", encoding: .utf8).split(separator: "\n")
        // Monte Carlo of 10 draws: the run on central values, then one block of 10.
        #expect(lines.count == 2)
        for line in lines {
            let exchange = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let sent = try #require(exchange["request"] as? [String: Any])
            let answer = try #require(exchange["response"] as? [String: Any])
            #expect(answer["id"] as? Int == sent["id"] as? Int)
            #expect((answer["results"] as? [Any])?.count == (sent["draws"] as? [Any])?.count)
        }
        #expect(throws: (any Error).self) { try ValidateCommand.parse([growthTriangle, "--trace-protocol", directory]) }
    }
}
