import CoopZoneCore
import Foundation
import HTTPTypes
import Hummingbird

/// The checks every request passes before its route, and the headers every response gets:
/// the `Host` must be a loopback name when the server listens on loopback only (so a web page
/// elsewhere cannot reach it through DNS rebinding); bodies over the limit are refused from
/// their `Content-Length`; per-address rate limits; changes must be JSON (so a form on another
/// site cannot post); errors become JSON `{"error": {code, message, diagnostics}}`; every
/// response forbids loading anything from outside (Content-Security-Policy), framing and sniffing.
struct WorkshopGuard: RouterMiddleware {
    typealias Context = WorkshopRequestContext
    let workshop: Workshop

    static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            try check(request, context: context)
            response = try await next(request, context)
        } catch {
            response = Self.errorResponse(error, path: request.uri.path, directory: workshop.catalog.directory)
        }
        if response.headers[.contentSecurityPolicy] == nil { response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        return response
    }

    func check(_ request: Request, context: Context) throws {
        let configuration = workshop.configuration
        if AccessPolicy.isLoopback(host: configuration.host), let authority = request.head.authority {
            let host = Self.hostName(authority)
            guard AccessPolicy.isLoopback(host: host) || host == configuration.host.lowercased() else {
                throw WorkshopError.accessDenied("this server only answers requests for localhost or 127.0.0.1")
            }
        }
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > configuration.maxBodyBytes {
            throw WorkshopError.tooLarge(configuration.maxBodyBytes)
        }
        let client = context.clientAddress
        let cost: Double = request.uri.path.hasSuffix("/bands") ? 10 : 1
        if let wait = workshop.readLimiter.take(client: client, cost: cost) { throw WorkshopError.rateLimited(retryAfter: wait) }
        if request.method != .get && request.method != .head {
            if let wait = workshop.writeLimiter.take(client: client) { throw WorkshopError.rateLimited(retryAfter: wait) }
            // A JSON body cannot come from another site's form without a preflight; a DELETE has
            // no body, and another site cannot send one without a preflight either.
            let type = request.headers[.contentType]?.lowercased() ?? ""
            guard type.hasPrefix("application/json") || request.method == .delete else {
                throw WorkshopError.badRequest("changes are sent as JSON (Content-Type: application/json)")
            }
        }
    }

    /// `localhost:8080` → `localhost`; `[::1]:8080` → `::1`.
    static func hostName(_ authority: String) -> String {
        let lowered = authority.lowercased()
        if lowered.hasPrefix("["), let end = lowered.firstIndex(of: "]") {
            return String(lowered[lowered.index(after: lowered.startIndex)..<end])
        }
        if let colon = lowered.lastIndex(of: ":") { return String(lowered[..<colon]) }
        return lowered
    }

    struct ErrorBody: Codable {
        struct Detail: Codable {
            var code: String
            var message: String
            var diagnostics: [DiagnosticInfo]?
        }
        var error: Detail
    }

    static func errorResponse(_ error: any Error, path: String, directory: String) -> Response {
        let failure: WorkshopError
        switch error {
        case let known as WorkshopError: failure = known
        case let http as HTTPError where http.status == .notFound: failure = .badRequest("no such page: \(String(path.prefix(100)))")
        case let http as HTTPError where http.status == .contentTooLarge: failure = .tooLarge(16 * 1024)
        case let http as HTTPError: failure = .badRequest(http.body ?? http.status.reasonPhrase)
        default: failure = .storage(String(describing: error).prefix(200).description)
        }
        var status = HTTPResponse.Status(code: failure.status)
        if let http = error as? HTTPError, http.status == .notFound { status = .notFound }
        if !path.hasPrefix("/api/") {
            var response = html(WorkshopPages.error(status: status.code, message: failure.message), status: status)
            if case .rateLimited(let wait) = failure { response.headers[.retryAfter] = String(wait) }
            return response
        }
        var diagnostics: [DiagnosticInfo]?
        if case .scenarioInvalid(let found) = failure {
            diagnostics = found.filter { $0.severity != .note }.map { DiagnosticInfo($0, directory: directory) }
        }
        let body = ErrorBody(error: .init(code: failure.code, message: failure.message, diagnostics: diagnostics))
        var response = (try? json(body, status: status)) ?? Response(status: status)
        if case .rateLimited(let wait) = failure { response.headers[.retryAfter] = String(wait) }
        return response
    }
}
