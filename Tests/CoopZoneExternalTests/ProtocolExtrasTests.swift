import CoopZoneCore
import CoopZoneEvaluators
import Foundation
import Testing

@testable import CoopZoneExternal

/// What issue 22 added to the protocol: dependency filters (`reads:`), derived views
/// (`views:`), the traceback of a draw that fails inside the program, recording requests
/// without sending them, and tracing exchanges.
struct ProtocolExtrasTests {
    /// The two fixtures compute the same sum of trade_effects' `trade_baseline` rows; one names
    /// them under `reads:` (and asks for every view), the other gets everything.
    @Test(.timeLimit(.minutes(5))) func aReadsFilterSendsOnlyTheNamedMetrics() async throws {
        let filtered = try fixture("reads_baseline"), whole = try fixture("reads_everything")
        defer {
            filtered.shutdown()
            whole.shutdown()
        }
        let s = try scenario(adding: ["reads_baseline", "reads_everything"])
        let result = try await run(s, with: [filtered, whole])
        #expect(result.failures.isEmpty, "\(result.failures)")
        func headline(_ evaluator: String, _ metric: String) throws -> Double {
            try #require(result.headlines.first { $0.evaluator == evaluator && $0.metric == metric }).value
        }
        // What trade_effects wrote, counted here from the run's own rows.
        let baselineRows = result.rows.filter { $0.evaluator == "trade_effects" && $0.metric == "trade_baseline" }
        let allRows = result.rows.filter { $0.evaluator == "trade_effects" }
        let expectedSum = baselineRows.reduce(0) { $0 + $1.value }
        #expect(try headline("reads_baseline", "rows_received") == Double(baselineRows.count))
        #expect(try headline("reads_everything", "rows_received") == Double(allRows.count))
        #expect(baselineRows.count < allRows.count)
        #expect(try headline("reads_baseline", "findings_received") == 0)
        #expect(try headline("reads_everything", "findings_received") == Double(result.findings.filter { $0.evaluator == "trade_effects" }.count))
        // The same sum either way (summed in the same order, so the same bits within rounding).
        #expect(abs(try headline("reads_baseline", "baseline_sum") - expectedSum) <= 1e-9 * abs(expectedSum))
        #expect(abs(try headline("reads_everything", "baseline_sum") - expectedSum) <= 1e-9 * abs(expectedSum))
        // The flows_by_year view holds the same baseline: its sum equals the rows' sum.
        #expect(abs(try headline("reads_baseline", "view_sum") - expectedSum) <= 1e-9 * abs(expectedSum))
        #expect(try headline("reads_everything", "views_received") == 0)
        #expect(try headline("reads_baseline", "views_received") > 0)
        // And the request is smaller.
        #expect(filtered.statistics.requestBytes < whole.statistics.requestBytes)
    }

    @Test func readsNamesAreCheckedAgainstTheDependency() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("coopzone-reads-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let manifest = try String(contentsOf: fixtures.appendingPathComponent("reads_baseline/evaluator.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "[trade_baseline]", with: "[trade_baseline, trade_basline]")
            .replacingOccurrences(of: "../reads_common.py", with: "run.py")
            .replacingOccurrences(of: "views: [stage_timeline,", with: "views: [stage_timelines,")
        try manifest.write(to: folder.appendingPathComponent("evaluator.yaml"), atomically: true, encoding: .utf8)
        try "".write(to: folder.appendingPathComponent("run.py"), atomically: true, encoding: .utf8)
        // A view that does not exist: at its line, with a did-you-mean.
        guard case .failure(let error) = ExternalManifest.load(directory: folder.path) else {
            Issue.record("a manifest with an unknown view loaded")
            return
        }
        #expect(error.description.contains("unknown view 'stage_timelines'; did you mean 'stage_timeline'?"), "\(error)")
        // With the view fixed, the misspelt metric is caught at discovery, where trade_effects' descriptor is known.
        try manifest.replacingOccurrences(of: "stage_timelines,", with: "stage_timeline,")
            .write(to: folder.appendingPathComponent("evaluator.yaml"), atomically: true, encoding: .utf8)
        let found = EvaluatorDiscovery.discover(
            directories: [folder.path], searchPath: nil, taken: BuiltInEvaluators.all.map(\.descriptor.id),
            known: BuiltInEvaluators.all.map(\.descriptor))
        let messages = found.diagnostics.map(\.description)
        #expect(messages.count == 1, "\(messages)")
        // Line 9 is `  trade_effects: [trade_baseline, trade_basline]`: the second name starts at column 35.
        #expect(messages.first?.contains("evaluator.yaml:9:35:") == true, "\(messages)")
        #expect(messages.first?.contains("'trade_effects' has no metric or headline 'trade_basline'; did you mean 'trade_baseline'?") == true, "\(messages)")
    }

    /// A draw that raises inside the program: its failure quotes the traceback the program wrote
    /// to standard error while answering, not only the one-line error.
    @Test(.timeLimit(.minutes(5))) func aFailedDrawQuotesTheTraceback() throws {
        let evaluator = try fixture("fails_in_draw")
        defer { evaluator.shutdown() }
        let s = try scenario(adding: ["fails_in_draw"])
        let results = evaluator.evaluate(
            [(s, EvaluationContext(results: [:])), (s.with(values: s.inputs.map { $0.central * 1.01 }), EvaluationContext(results: [:]))], parameters: [:])
        #expect(results.count == 2)
        guard case .success = results[0], case .failure(let failure) = results[1] else {
            Issue.record("expected the first draw to succeed and the second to fail: \(results)")
            return
        }
        #expect(failure.message.hasPrefix("the program reported an error: draw 2: ZeroDivisionError: float division by zero"), "\(failure.message)")
        #expect(failure.message.contains("its standard error while answering ended with:"), "\(failure.message)")
        #expect(failure.message.contains("| Traceback (most recent call last):"), "\(failure.message)")
        #expect(failure.message.contains("return 1.0 / shares[index % 2]"), "\(failure.message)")
    }

    /// Record-only mode writes the request a program would get and starts nothing; the line is
    /// the one a live run sends (the same bytes but for the request id).
    @Test(.timeLimit(.minutes(5))) func recordedRequestsAreTheOnesSent() async throws {
        let recorder = try fixture("reads_baseline")
        recorder.recordRequestsOnly()
        let s = try scenario(adding: ["reads_baseline"])
        let recorded = try await run(s, with: [recorder])
        #expect(recorder.statistics.starts == 0)
        #expect(recorded.failures.map(\.message) == ["not run: the request was recorded, not sent"])
        let line = try #require(recorder.recordedRequests.first)

        let live = try fixture("reads_baseline")
        defer { live.shutdown() }
        let trace = FileManager.default.temporaryDirectory.appendingPathComponent("coopzone-trace-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: trace) }
        try live.traceExchanges(to: trace)
        let result = try await run(s, with: [live])
        #expect(result.failures.isEmpty)
        let traced = try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n")
        #expect(traced.count == 1)
        let exchange = try #require(try JSONSerialization.jsonObject(with: Data(traced[0].utf8)) as? [String: Any])
        let sent = try #require(exchange["request"] as? [String: Any])
        let recordedObject = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
        #expect(NSDictionary(dictionary: sent).isEqual(to: recordedObject))
        let response = try #require(exchange["response"] as? [String: Any])
        #expect((response["results"] as? [Any])?.count == 1)
    }
}
