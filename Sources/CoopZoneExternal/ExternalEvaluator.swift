import CoopZoneCore
import Foundation
import Synchronization

/// An evaluator run as a separate program (Python, R, anything that reads and writes lines of
/// JSON). One program process serves every request of the evaluator in one CoopZone invocation:
/// it is started at the first request, kept running, sent one request line per evaluation (a
/// Monte Carlo block of up to `MonteCarlo.batchBlockSize` draws is one request), and told to
/// exit by the end of its standard input at `shutdown()`.
///
/// Faults are that evaluator's failure, never CoopZone's: a program that exits, writes
/// something that is not a valid response, runs past its time limit or past its output limit is
/// reported with the end of its standard error. A program that broke is killed (its whole
/// process group) and started afresh at the next request; after `maxFaults` faults in one
/// invocation the evaluator is not run again.
public final class ExternalEvaluator: Sendable {
    /// The manifest.
    public let manifest: ExternalManifest
    /// The limits in force (the manifest's, with command-line overrides).
    public let limits: ExternalLimits
    /// Faults (crashes, timeouts, garbage) after which the program is not started again in this invocation.
    public static let maxFaults = 3

    /// Counts for measuring the protocol's cost.
    public struct Statistics: Sendable, Hashable {
        /// Processes started.
        public var starts = 0
        /// Requests sent.
        public var requests = 0
        /// Draws sent (a single run is one draw).
        public var draws = 0
        /// Seconds spent starting the program (the spawn alone).
        public var startSeconds = 0.0
        /// Seconds from starting the program to its first answer (spawn, interpreter start-up, first request).
        public var firstAnswerSeconds = 0.0
        /// Seconds spent in exchanges: writing requests, waiting for and checking answers.
        public var exchangeSeconds = 0.0
        /// Bytes of requests written.
        public var requestBytes = 0
        /// Bytes of answers read.
        public var responseBytes = 0
    }

    private struct State {
        var child: ChildProcess?
        var nextId = 1
        var faults = 0
        var firstFault: String?
        var encoding: ScenarioEncoding?
        var statistics = Statistics()
        /// Where every exchange is appended (`run --trace-protocol`), one JSON line each.
        var trace: FileHandle?
        /// True when requests are recorded and not sent (`coopzone request`).
        var recordOnly = false
        /// The requests recorded in record-only mode.
        var recorded: [[UInt8]] = []
    }

    private let state = Mutex(State())
    /// The running program's process id, 0 when none (readable while a request holds the lock).
    private let processID = Atomic<Int32>(0)

    /// Creates the evaluator for `manifest`; `timeout` (seconds) overrides the manifest's time limit.
    public init(manifest: ExternalManifest, timeout: Double? = nil) {
        self.manifest = manifest
        var limits = manifest.limits
        if let timeout { limits.timeoutSeconds = timeout }
        self.limits = limits
    }

    /// Its descriptor.
    public var descriptor: EvaluatorDescriptor { manifest.descriptor }

    /// The registry entry: every instance made from it shares this evaluator's one program process.
    public var entry: EvaluatorEntry {
        EvaluatorEntry(descriptor: manifest.descriptor) { [self] values in ExternalEvaluatorInstance(evaluator: self, parameters: values) }
    }

    /// The process id of the running program (also its process group id), if one runs.
    var runningProcessID: pid_t? {
        let pid = processID.load(ordering: .relaxed)
        return pid == 0 ? nil : pid_t(pid)
    }

    /// The counts so far.
    public var statistics: Statistics { state.withLock { $0.statistics } }

    /// The command as started: a first word with a '/' made absolute against the evaluator's directory.
    public var resolvedCommand: [String] {
        var command = manifest.command
        if let program = command.first, program.contains("/"), !program.hasPrefix("/") {
            command[0] = URL(fileURLWithPath: manifest.directory).appendingPathComponent(program).standardizedFileURL.path
        }
        return command
    }

    /// Appends every exchange from now on to `path` (created, or emptied), one JSON line each:
    /// `{"request": …, "response": …}`, with `"response": null` and `"error"` when the program
    /// gave no valid answer. Throws when the file cannot be written.
    public func traceExchanges(to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw ExternalEvaluatorError(message: "cannot write the protocol trace '\(path)'")
        }
        state.withLock { $0.trace = handle }
    }

    /// From now on, requests are recorded (`recordedRequests`) instead of sent, and each draw
    /// fails with a note saying so: what `coopzone request` uses to write the exact requests
    /// without running the program.
    public func recordRequestsOnly() { state.withLock { $0.recordOnly = true } }

    /// The requests recorded in record-only mode, each one line with its newline.
    public var recordedRequests: [[UInt8]] { state.withLock { $0.recorded } }

    /// Ends the program: closes its standard input, waits up to `grace` seconds for it to exit, then kills its process group.
    public func shutdown(grace: Double = 2) {
        state.withLock { state in
            state.child?.shutdown(grace: grace)
            state.child = nil
            processID.store(0, ordering: .relaxed)
        }
    }

    /// Evaluates each scenario with its context, in as few requests as possible (one per run of
    /// items that share a scenario). One result per item, in order.
    func evaluate(_ items: [(scenario: Scenario, context: EvaluationContext)], parameters: [String: ParameterValue]) -> [Result<
        EvaluationResult, EvaluatorFailure
    >] {
        var results: [Result<EvaluationResult, EvaluatorFailure>] = []
        results.reserveCapacity(items.count)
        var start = 0
        while start < items.count {
            let key = ScenarioEncoding.key(of: items[start].scenario)
            var end = start + 1
            while end < items.count, ScenarioEncoding.key(of: items[end].scenario) == key { end += 1 }
            results += evaluateGroup(Array(items[start..<end]), parameters: parameters)
            start = end
        }
        return results
    }

    private func evaluateGroup(_ items: [(scenario: Scenario, context: EvaluationContext)], parameters: [String: ParameterValue]) -> [Result<
        EvaluationResult, EvaluatorFailure
    >] {
        let id = manifest.descriptor.id
        let scenario = items[0].scenario
        let outcome: Result<[Result<EvaluationResult, EvaluatorFailure>], EvaluatorFailure> = state.withLock { state in
            if state.faults >= Self.maxFaults {
                return .failure(evaluatorFailure(id, ExternalError.disabled(faults: state.faults, first: state.firstFault ?? "").description))
            }
            let encoding: ScenarioEncoding
            if let cached = state.encoding, cached.key == ScenarioEncoding.key(of: scenario) {
                encoding = cached
            } else {
                encoding = ScenarioEncoding(scenario.with(values: scenario.inputs.map(\.central)))
                state.encoding = encoding
            }
            let request = makeRequest(&state, items: items, parameters: parameters, encoding: encoding)
            let requestId = state.nextId - 1
            if state.recordOnly {
                state.recorded.append(request)
                return .failure(evaluatorFailure(id, "not run: the request was recorded, not sent"))
            }
            let outcome = exchange(&state, request: request, id: requestId, draws: items.count, scenario: scenario)
            if let trace = state.trace { Self.appendTrace(request: request, outcome: outcome, to: trace) }
            switch outcome {
            case .success(let answer): return .success(answer.results)
            case .failure(let error): return .failure(evaluatorFailure(id, error.message))
            }
        }
        switch outcome {
        case .success(let results): return results
        case .failure(let failure): return Array(repeating: .failure(failure), count: items.count)
        }
    }

    /// The request for `items` (one draw each), with the next id: each draw's changes against
    /// the encoded scenario, its dependencies' results (only what the manifest `reads`), and the
    /// derived views it asks for.
    private func makeRequest(
        _ state: inout State, items: [(scenario: Scenario, context: EvaluationContext)], parameters: [String: ParameterValue], encoding: ScenarioEncoding
    ) -> [UInt8] {
        var centralViews: String?
        let draws = items.map { item -> ExternalProtocol.Draw in
            let changes = encoding.changes(for: item.scenario)
            var views: String?
            if !manifest.views.isEmpty {
                if changes == "[]", let centralViews {
                    views = centralViews
                } else {
                    var w = JSONWriter()
                    DerivedView.write(manifest.views, of: item.scenario, to: &w)
                    views = w.output
                    if changes == "[]" { centralViews = views }
                }
            }
            return ExternalProtocol.Draw(changes: changes, dependencies: item.context.results, views: views)
        }
        let requestId = state.nextId
        state.nextId += 1
        return ExternalProtocol.request(
            id: requestId, descriptor: manifest.descriptor, parameters: parameters, scenarioJSON: encoding.json, draws: draws,
            reads: manifest.readNames)
    }

    /// Sends one request and reads its answer; on a fault, the message with the end of standard error.
    private func exchange(_ state: inout State, request: [UInt8], id: Int, draws: Int, scenario: Scenario) -> Result<
        Answer, ExternalEvaluatorError
    > {
        let started = DispatchTime.now().uptimeNanoseconds
        let deadline = started + UInt64(limits.timeoutSeconds * 1e9)
        state.statistics.requests += 1
        state.statistics.draws += draws
        state.statistics.requestBytes += request.count
        let starting = state.child?.isRunning != true
        if starting {
            forgetChild(&state)
            do {
                let child = try ChildProcess(arguments: resolvedCommand, directory: manifest.directory, environment: Self.environment(for: manifest))
                state.child = child
                processID.store(Int32(child.pid), ordering: .relaxed)
                state.statistics.starts += 1
                state.statistics.startSeconds += Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            } catch {
                return .failure(ExternalEvaluatorError(message: fault(&state, error, child: nil)))
            }
        }
        guard let child = state.child else { return .failure(ExternalEvaluatorError(message: "the program is not running")) }
        let stderrMark = child.stderrTail.total
        let outcome = child.exchange(request, deadline: deadline, maxBytes: limits.maxOutputBytes)
        defer {
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            state.statistics.exchangeSeconds += seconds
            if starting { state.statistics.firstAnswerSeconds += seconds }
        }
        switch outcome {
        case .line(let line):
            state.statistics.responseBytes += line.count + 1
            do {
                let results = try ExternalProtocol.decodeResponse(line, id: id, draws: draws, descriptor: manifest.descriptor, scenario: scenario)
                guard results.contains(where: { if case .failure = $0 { true } else { false } }) else { return .success(Answer(results, line)) }
                // A draw that failed: quote what the program wrote to standard error while
                // answering this request (the traceback), as for a program that crashed.
                child.drainStderrNow()
                let tail = child.stderrTail.lines(since: stderrMark, last: limits.stderrTailLines)
                guard !tail.isEmpty else { return .success(Answer(results, line)) }
                let quoted = "\n  its standard error while answering ended with:\n" + tail.map { "    | \($0)" }.joined(separator: "\n")
                return .success(
                    Answer(results.map { result in result.mapError { EvaluatorFailure(evaluator: $0.evaluator, message: $0.message + quoted) } }, line))
            } catch {
                return .failure(ExternalEvaluatorError(message: fault(&state, error, child: child)))
            }
        case .ended(let status): return .failure(ExternalEvaluatorError(message: fault(&state, .ended(status), child: child)))
        case .timedOut: return .failure(ExternalEvaluatorError(message: fault(&state, .timedOut(seconds: limits.timeoutSeconds), child: child)))
        case .tooLarge(let bytes):
            return .failure(ExternalEvaluatorError(message: fault(&state, .outputTooLarge(bytes: bytes, limit: limits.maxOutputBytes), child: child)))
        }
    }

    /// A decoded answer with the line it came from.
    private struct Answer {
        var results: [Result<EvaluationResult, EvaluatorFailure>]
        var line: [UInt8]
        init(_ results: [Result<EvaluationResult, EvaluatorFailure>], _ line: [UInt8]) {
            self.results = results
            self.line = line
        }
    }

    /// Appends one exchange to a trace: the request, and the answer line (when it is JSON) or the error.
    private static func appendTrace(request: [UInt8], outcome: Result<Answer, ExternalEvaluatorError>, to handle: FileHandle) {
        var out: [UInt8] = Array("{\"request\":".utf8) + request.dropLast()
        switch outcome {
        case .success(let answer):
            out += Array(",\"response\":".utf8) + answer.line
        case .failure(let error):
            var w = JSONWriter()
            w.string(error.message)
            out += Array(",\"response\":null,\"error\":".utf8) + Array(w.output.utf8)
        }
        out += Array("}\n".utf8)
        handle.write(Data(out))
    }

    /// Drops the program (killing its process group first, when given).
    private func forgetChild(_ state: inout State, killing child: ChildProcess? = nil) {
        child?.kill()
        state.child = nil
        processID.store(0, ordering: .relaxed)
    }

    /// Records a fault, kills the program when its state is unknown, and describes the fault with the end of standard error.
    private func fault(_ state: inout State, _ error: ExternalError, child: ChildProcess?) -> String {
        var message = error.description
        if let child {
            if error.killsProgram {
                forgetChild(&state, killing: child)
                state.faults += 1
                if state.firstFault == nil { state.firstFault = error.description }
            }
            let tail = child.stderrTail.lastLines(limits.stderrTailLines)
            if !tail.isEmpty {
                message += "\n  its standard error ended with:\n" + tail.map { "    | \($0)" }.joined(separator: "\n")
            }
        } else {
            state.faults += 1
            if state.firstFault == nil { state.firstFault = error.description }
        }
        return message
    }

    /// The program's environment: CoopZone's, plus the protocol version and the evaluator's directory.
    static func environment(for manifest: ExternalManifest) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["COOPZONE_PROTOCOL_VERSION"] = String(ExternalProtocol.version)
        environment["COOPZONE_EVALUATOR_DIR"] = manifest.directory
        // Python: answers are not held back in a buffer, and no __pycache__ is left in the evaluator's folder.
        environment["PYTHONUNBUFFERED"] = "1"
        environment["PYTHONDONTWRITEBYTECODE"] = "1"
        return environment
    }

    /// What a program answered to a request in another protocol version.
    public enum VersionProbe: Sendable, Equatable {
        /// It answered with an error for the request: the right reaction.
        case refused(String)
        /// It did something else (the description says what).
        case problem(String)
    }

    /// Sends `scenario` with a protocol version this CoopZone does not speak, to check that the
    /// program refuses it with an error response rather than answering or crashing.
    public func probeVersionMismatch(_ scenario: Scenario) -> VersionProbe {
        state.withLock { state -> VersionProbe in
            let encoding = ScenarioEncoding(scenario)
            let id = state.nextId
            state.nextId += 1
            let foreign = ExternalProtocol.version + 1
            let request = ExternalProtocol.request(
                id: id, descriptor: manifest.descriptor, parameters: [:], scenarioJSON: encoding.json,
                draws: [.init(changes: "[]", dependencies: [:])], protocolVersion: foreign)
            if state.child?.isRunning != true {
                do {
                    let child = try ChildProcess(arguments: resolvedCommand, directory: manifest.directory, environment: Self.environment(for: manifest))
                    state.child = child
                    processID.store(Int32(child.pid), ordering: .relaxed)
                } catch {
                    return .problem((error as? ExternalError)?.description ?? "\(error)")
                }
            }
            guard let child = state.child else { return .problem("the program is not running") }
            let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(limits.timeoutSeconds * 1e9)
            switch child.exchange(request, deadline: deadline, maxBytes: limits.maxOutputBytes) {
            case .line(let line):
                guard let value = try? JSONParser.parse(line) else {
                    forgetChild(&state, killing: child)
                    return .problem("it answered a request of protocol version \(foreign) with text that is not JSON")
                }
                if let error = value["error"] { return .refused(ExternalProtocol.errorMessage(error)) }
                return .problem(
                    "it answered a request of protocol version \(foreign) as if it understood it; it should answer {\"protocol_version\": \(ExternalProtocol.version), \"id\": …, \"error\": {\"message\": …}}"
                )
            case .ended(let status):
                forgetChild(&state)
                return .problem("it \(status) on a request of protocol version \(foreign) instead of answering with an error")
            case .timedOut:
                forgetChild(&state, killing: child)
                return .problem("it did not answer a request of protocol version \(foreign) within \(CoopZoneCore.format(limits.timeoutSeconds)) s")
            case .tooLarge:
                forgetChild(&state, killing: child)
                return .problem("its answer to a request of protocol version \(foreign) exceeded the output limit")
            }
        }
    }
}

/// A configured external evaluator: its parameter values and the shared program.
struct ExternalEvaluatorInstance: BatchEvaluatorInstance {
    let evaluator: ExternalEvaluator
    let parameters: [String: ParameterValue]

    func evaluate(_ scenario: Scenario, context: EvaluationContext) throws -> EvaluationResult {
        switch evaluator.evaluate([(scenario, context)], parameters: parameters).first {
        case .success(let result)?: return result
        case .failure(let failure)?: throw ExternalEvaluatorError(message: failure.message)
        case nil: throw ExternalEvaluatorError(message: "no result")
        }
    }

    func evaluate(batch items: [(scenario: Scenario, context: EvaluationContext)]) -> [Result<EvaluationResult, EvaluatorFailure>] {
        evaluator.evaluate(items, parameters: parameters)
    }
}

/// An external evaluator's failure, as the engine reports it.
struct ExternalEvaluatorError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
