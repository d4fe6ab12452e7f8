import CoopZoneCore
import Foundation

/// What can go wrong with an external evaluator's program. Each is reported as that
/// evaluator's failure (with the end of its standard error where there is one); the other
/// evaluators' results are kept.
public enum ExternalError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The program could not be started.
    case startFailed(String)
    /// The program ended before answering.
    case ended(ExitStatus)
    /// The program took longer than its time limit.
    case timedOut(seconds: Double)
    /// The answer was larger than the output limit.
    case outputTooLarge(bytes: Int, limit: Int)
    /// The answer is not JSON.
    case malformedJSON(String)
    /// The answer speaks another protocol version.
    case versionMismatch(answered: String)
    /// The answer is for another request (a program that writes more than one line per request):
    /// the stream is out of step, so the program is restarted.
    case outOfStep(answered: String, expected: Int)
    /// The answer is JSON but not a valid response (wrong shape, unknown unit, dimension or metric…).
    case invalidResponse(String)
    /// The program answered with an error message for the whole request.
    case reported(String)
    /// The evaluator was disabled after repeated faults in this run.
    case disabled(faults: Int, first: String)

    /// A readable description, without the standard error.
    public var description: String {
        switch self {
        case .startFailed(let message): message
        case .ended(let status): "the program \(status) before answering"
        case .timedOut(let seconds):
            "the program did not answer within \(format(seconds)) s (its time limit; raise 'timeout_seconds' in its manifest or pass --evaluator-timeout) and was killed"
        case .outputTooLarge(let bytes, let limit):
            "the program's answer exceeded the output limit of \(limit) bytes (read \(bytes)) and the program was killed; raise 'max_output_bytes' in its manifest if the answer is meant to be that large"
        case .malformedJSON(let message):
            "the program's answer is not valid JSON (\(message)); write exactly one JSON object per line on standard output, and anything else on standard error"
        case .versionMismatch(let answered):
            "protocol version mismatch: CoopZone speaks evaluator protocol version \(ExternalProtocol.version), the program answered with version \(answered); update the program or CoopZone (see Docs/writing-an-evaluator.md, 'Protocol versions')"
        case .outOfStep(let answered, let expected):
            "the program's answer breaks the protocol: the response answers request \(answered), not request \(expected) (one response line per request, in order; logs go to standard error)"
        case .invalidResponse(let message): "the program's answer breaks the protocol: \(message)"
        case .reported(let message): "the program reported an error: \(message)"
        case .disabled(let faults, let first): "not run: the program failed \(faults) times in this run (first: \(first))"
        }
    }

    /// True when the program's state is unknown afterwards, so it is killed and started afresh next time.
    var killsProgram: Bool {
        switch self {
        case .startFailed, .ended, .timedOut, .outputTooLarge, .malformedJSON, .versionMismatch, .outOfStep: true
        case .invalidResponse, .reported, .disabled: false
        }
    }
}

// Foundation has its own `Unit` and `Dimension`; in this module the names mean CoopZone's.
typealias Unit = CoopZoneCore.Unit
typealias Dimension = CoopZoneCore.Dimension

/// An `EvaluatorFailure` for `evaluator`.
func evaluatorFailure(_ evaluator: String, _ message: String) -> EvaluatorFailure {
    EvaluatorFailure(evaluator: evaluator, message: message)
}
