import CoopZoneCore
import Foundation

/// Everything a workshop request can get wrong, with the HTTP status and a message a
/// participant can act on. The router turns each into a JSON error body.
public enum WorkshopError: Error, Sendable, Equatable {
    /// No scenario with this id in the folder (also for ids that try to leave it).
    case unknownScenario(String)
    /// The scenario file has errors: it cannot be run until they are fixed.
    case scenarioInvalid([Diagnostic])
    /// A request value is missing or wrong (a lever out of bounds, an empty name).
    case badRequest(String)
    /// No saved variant with this id.
    case unknownVariant(Int64)
    /// A variant of this name already exists for the scenario.
    case nameTaken(String)
    /// The access code is missing or wrong.
    case accessDenied(String)
    /// The request body is larger than the limit.
    case tooLarge(Int)
    /// Too many requests from one address.
    case rateLimited(retryAfter: Int)
    /// The server is busy with uncertainty runs; try again shortly.
    case busy
    /// Storage failed (disk full, file not writable).
    case storage(String)

    /// The HTTP status code.
    public var status: Int {
        switch self {
        case .unknownScenario, .unknownVariant: 404
        case .scenarioInvalid: 422
        case .badRequest: 400
        case .nameTaken: 409
        case .accessDenied: 403
        case .tooLarge: 413
        case .rateLimited: 429
        case .busy: 503
        case .storage: 500
        }
    }

    /// A short machine-readable code.
    public var code: String {
        switch self {
        case .unknownScenario: "unknown_scenario"
        case .scenarioInvalid: "scenario_invalid"
        case .badRequest: "bad_request"
        case .unknownVariant: "unknown_variant"
        case .nameTaken: "name_taken"
        case .accessDenied: "access_denied"
        case .tooLarge: "too_large"
        case .rateLimited: "rate_limited"
        case .busy: "busy"
        case .storage: "storage"
        }
    }

    /// What went wrong and what to do, for the page.
    public var message: String {
        switch self {
        case .unknownScenario(let id): "no scenario '\(id)' in the workshop folder; open the list of scenarios and pick one"
        case .scenarioInvalid(let diagnostics):
            "the scenario file has \(diagnostics.filter { $0.severity == .error }.count) error(s); fix the file and the page reloads by itself"
        case .badRequest(let text): text
        case .unknownVariant(let id): "no saved variant #\(id)"
        case .nameTaken(let name): "a variant named '\(name)' is already saved for this scenario; choose another name"
        case .accessDenied(let text): text
        case .tooLarge(let limit): "the request is larger than \(limit) bytes"
        case .rateLimited(let seconds): "too many requests; wait \(seconds) s and try again"
        case .busy: "the server is busy computing uncertainty bands; try again in a moment"
        case .storage(let text): "could not save: \(text)"
        }
    }
}
