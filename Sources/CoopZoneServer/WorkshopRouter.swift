import CoopZoneCore
import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// The header that carries an access code.
public let accessCodeHeader = HTTPField.Name("X-Workshop-Code")!

/// The workshop's routes.
///
/// Pages: `GET /` (scenarios), `GET /s/{id}` (sliders, cards, charts), `GET /s/{id}/compare`,
/// `GET /s/{id}/facilitator`, `GET /assets/workshop.js|css`, `GET /healthz`.
///
/// JSON: `GET /api/scenarios`, `GET /api/scenarios/{id}` (levers, headlines, charts or
/// diagnostics), `GET /api/scenarios/{id}/state` (version, reset, locks: what pages poll),
/// `GET /api/scenarios/{id}/run?LEVER=VALUE…[&_charts=0]` and `GET /api/scenarios/{id}/bands?LEVER=VALUE…&_draws=N`
/// (numbers, and the charts drawn as SVG by `WorkshopCharts`),
/// `GET /api/scenarios/{id}/variants?rank=KEY` (`&hidden=1`: with hidden ones, facilitator code),
/// `POST /api/scenarios/{id}/variants` (participant code), `POST /api/scenarios/{id}/locks`,
/// `POST /api/scenarios/{id}/reset`, `GET /api/scenarios/{id}/variants/summary.csv|html`,
/// `PATCH /api/variants/{n}` (`{"name", "hidden"}`) and `DELETE /api/variants/{n}` (facilitator
/// code), `GET /api/variants/{n}/export` (YAML), `GET /api/room`.
public func buildRouter(_ workshop: Workshop) -> Router<WorkshopRequestContext> {
    let router = Router(context: WorkshopRequestContext.self)
    router.add(middleware: WorkshopGuard(workshop: workshop))

    // Pages.
    router.get("/") { _, _ in html(WorkshopPages.index(workshop)) }
    router.get("/s/:id") { _, context in
        let id = try context.parameters.require("id")
        _ = try workshop.entry(id)
        return html(WorkshopPages.scenario(id: id, workshop: workshop))
    }
    router.get("/s/:id/compare") { _, context in
        let id = try context.parameters.require("id")
        _ = try workshop.entry(id)
        return html(WorkshopPages.compare(id: id, workshop: workshop))
    }
    router.get("/s/:id/facilitator") { _, context in
        let id = try context.parameters.require("id")
        _ = try workshop.entry(id)
        return html(WorkshopPages.facilitator(id: id, workshop: workshop))
    }
    router.get("/assets/workshop.js") { _, _ in try asset(WorkshopAssets.script, type: "text/javascript; charset=utf-8") }
    router.get("/assets/workshop.css") { _, _ in try asset(WorkshopAssets.stylesheet, type: "text/css; charset=utf-8") }
    router.get("/assets/favicon.svg") { _, _ in try asset(WorkshopAssets.favicon, type: "image/svg+xml") }
    router.get("/favicon.ico") { _, _ in try asset(WorkshopAssets.favicon, type: "image/svg+xml") }
    router.get("/healthz") { _, _ in try asset("ok\n", type: "text/plain; charset=utf-8") }

    // JSON.
    router.get("/api/scenarios") { _, _ in
        try json(ScenarioList(scenarios: workshop.list(), requiresCode: workshop.configuration.access.participantCode != nil))
    }
    router.get("/api/messages/:lang") { _, context in
        let code = try context.parameters.require("lang")
        guard let language = Language(rawValue: code) else {
            throw HTTPError(
                .notFound, message: "no messages in '\(code.prefix(8))': the languages are \(Language.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return try json(MessagesPayload(language))
    }
    router.get("/api/scenarios/:id") { _, context in try json(workshop.meta(context.parameters.require("id"))) }
    router.get("/api/scenarios/:id/state") { _, context in try json(workshop.state(context.parameters.require("id"))) }
    router.get("/api/scenarios/:id/run") { request, context in
        let id = try context.parameters.require("id")
        let entry = try workshop.entry(id)
        let pairs = queryPairs(request, skipping: [])
        var charts = true
        if let text = pairs.last(where: { $0.0 == "_charts" })?.1 {
            guard text == "0" || text == "1" else {
                throw WorkshopError.badRequest("_charts must be 0 (the numbers only) or 1, got '\(String(text.prefix(12)))'")
            }
            charts = text == "1"
        }
        let given = try LeverValues.parse(pairs.filter { $0.0 != "_charts" }, levers: entry.scenario?.levers ?? [])
        return jsonBytes(try await workshop.runJSON(id, given: given, charts: charts, encoder: jsonEncoder))
    }
    router.get("/api/scenarios/:id/bands") { request, context in
        let id = try context.parameters.require("id")
        let entry = try workshop.entry(id)
        let pairs = queryPairs(request, skipping: [])
        let drawsText = pairs.last { $0.0 == "_draws" }?.1
        var draws = WorkshopRunner.defaultDraws
        if let text = drawsText {
            guard let n = Int(text) else { throw WorkshopError.badRequest("_draws must be a whole number, got '\(String(text.prefix(12)))'") }
            draws = n
        }
        let given = try LeverValues.parse(pairs.filter { $0.0 != "_draws" }, levers: entry.scenario?.levers ?? [])
        return try json(await workshop.bands(id, given: given, draws: draws))
    }
    router.get("/api/scenarios/:id/variants") { request, context in
        let id = try context.parameters.require("id")
        let rank = request.uri.queryParameters["rank"].map(String.init)
        // Hidden variants only for the facilitator, who asks for them.
        let hidden = request.uri.queryParameters["hidden"] == "1"
        if hidden { try requireFacilitator(request, workshop) }
        return try json(await workshop.compare(id, rankBy: rank, includeHidden: hidden))
    }
    router.get("/api/scenarios/:id/variants/summary.csv") { request, context in
        let id = try context.parameters.require("id")
        try requireFacilitator(request, workshop)
        let (payload, meta) = try await (workshop.compare(id, rankBy: nil, includeHidden: true), workshop.meta(id))
        var response = Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: try VariantSummary.csv(payload, meta: meta))))
        response.headers[.contentType] = "text/csv; charset=utf-8"
        response.headers[.contentDisposition] = "attachment; filename=\"\(Workshop.slug(id))-variants.csv\""
        return response
    }
    router.get("/api/scenarios/:id/variants/summary.html") { request, context in
        let id = try context.parameters.require("id")
        try requireFacilitator(request, workshop)
        let (payload, meta) = try await (workshop.compare(id, rankBy: nil, includeHidden: true), workshop.meta(id))
        var response = html(VariantSummary.html(payload, meta: meta))
        // The printable page carries its own style inline; nothing else is allowed.
        response.headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'"
        return response
    }
    router.post("/api/scenarios/:id/variants") { request, context in
        let id = try context.parameters.require("id")
        guard workshop.configuration.access.allowsParticipant(request.headers[accessCodeHeader]) else {
            throw WorkshopError.accessDenied("saving needs the workshop's access code (ask the facilitator)")
        }
        let body = try await decodeBody(SaveRequest.self, request: request, workshop: workshop)
        let saved = try await workshop.save(id, name: body.name, author: body.author ?? "", given: body.values ?? [:])
        return try json(saved, status: .created)
    }
    router.post("/api/scenarios/:id/locks") { request, context in
        let id = try context.parameters.require("id")
        try requireFacilitator(request, workshop)
        let body = try await decodeBody(LockRequest.self, request: request, workshop: workshop)
        // Locking needs a value; only {"locked": false} (or no "locked" and no value) unlocks.
        if body.locked == true, body.value == nil {
            throw WorkshopError.badRequest(
                "locking lever '\(String(body.lever.prefix(64)))' needs a value: send {\"lever\": …, \"locked\": true, \"value\": …}")
        }
        return try json(await workshop.setLock(id, lever: body.lever, value: body.locked == false ? nil : body.value))
    }
    router.post("/api/scenarios/:id/reset") { request, context in
        let id = try context.parameters.require("id")
        try requireFacilitator(request, workshop)
        return try json(await workshop.reset(id))
    }
    router.patch("/api/variants/:variant") { request, context in
        try requireFacilitator(request, workshop)
        let body = try await decodeBody(UpdateVariantRequest.self, request: request, workshop: workshop)
        return try json(await workshop.updateVariant(try variantNumber(context), name: body.name, hidden: body.hidden))
    }
    router.delete("/api/variants/:variant") { request, context in
        try requireFacilitator(request, workshop)
        try await workshop.deleteVariant(try variantNumber(context))
        return Response(status: .noContent)
    }
    router.get("/api/variants/:variant/export") { _, context in
        let text = try context.parameters.require("variant")
        guard let number = Int64(text), number > 0 else { throw WorkshopError.unknownVariant(0) }
        let (name, yaml) = try await workshop.export(number)
        var response = Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: yaml)))
        response.headers[.contentType] = "application/yaml; charset=utf-8"
        response.headers[.contentDisposition] = "attachment; filename=\"\(name)\""
        return response
    }
    router.get("/api/room") { request, _ in
        // Hidden variants only for the facilitator, who asks for them.
        let hidden = request.uri.queryParameters["hidden"] == "1"
        if hidden { try requireFacilitator(request, workshop) }
        return try json(await workshop.roomOverview(includeHidden: hidden))
    }
    return router
}

/// Builds the application: the workshop's router on the configured address.
public func buildApplication(_ workshop: Workshop, onServerRunning: @escaping @Sendable (Int?) async -> Void = { _ in })
    -> some ApplicationProtocol
{
    var logger = Logger(label: "coopzone-workshop")
    logger.logLevel = .warning
    return Application(
        router: buildRouter(workshop),
        // Idle and half-sent requests are closed after the timeout: a room's phones reconnect at
        // once, and a client holding connections open with partial headers cannot exhaust them.
        server: .http1(configuration: .init(idleTimeout: .seconds(Int64(workshop.configuration.idleTimeoutSeconds)))),
        configuration: .init(address: .hostname(workshop.configuration.host, port: workshop.configuration.port), serverName: "coopzone"),
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port) },
        logger: logger
    )
}

/// The variant number of a `:variant` route.
func variantNumber(_ context: WorkshopRequestContext) throws -> Int64 {
    let text = try context.parameters.require("variant")
    guard let number = Int64(text), number > 0 else { throw WorkshopError.unknownVariant(0) }
    return number
}

func requireFacilitator(_ request: Request, _ workshop: Workshop) throws {
    guard workshop.configuration.access.allowsFacilitator(request.headers[accessCodeHeader]) else {
        throw WorkshopError.accessDenied("this is the facilitator's action: it needs the facilitator's code printed when the server started")
    }
}

func queryPairs(_ request: Request, skipping: Set<String>) -> [(String, String)] {
    request.uri.queryParameters.compactMap { pair in
        let key = String(pair.key)
        return skipping.contains(key) ? nil : (key, String(pair.value))
    }
}

func decodeBody<T: Decodable>(_ type: T.Type, request: Request, workshop: Workshop) async throws -> T {
    var request = request
    let limit = workshop.configuration.maxBodyBytes
    let buffer: ByteBuffer
    do { buffer = try await request.collectBody(upTo: limit) } catch { throw WorkshopError.tooLarge(limit) }
    do {
        return try JSONDecoder().decode(T.self, from: Data(buffer: buffer))
    } catch {
        throw WorkshopError.badRequest("the body must be JSON such as {\"name\": \"Longer holiday\", \"values\": {\"holiday_years\": 5}}")
    }
}

extension Data {
    init(buffer: ByteBuffer) {
        self = buffer.withUnsafeReadableBytes { Data($0) }
    }
}

let jsonEncoder: JSONEncoder = {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return encoder
}()

func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
    let data = try jsonEncoder.encode(value)
    var response = Response(status: status, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    response.headers[.contentType] = "application/json; charset=utf-8"
    response.headers[.cacheControl] = "no-store"
    return response
}

func jsonBytes(_ data: Data, status: HTTPResponse.Status = .ok) -> Response {
    var response = Response(status: status, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    response.headers[.contentType] = "application/json; charset=utf-8"
    response.headers[.cacheControl] = "no-store"
    return response
}

func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
    var response = Response(status: status, body: .init(byteBuffer: ByteBuffer(string: text)))
    response.headers[.contentType] = "text/html; charset=utf-8"
    response.headers[.cacheControl] = "no-store"
    return response
}

func asset(_ text: String?, type: String) throws -> Response {
    guard let text else { throw HTTPError(.internalServerError, message: "a workshop asset is missing from the server's resource bundle") }
    var response = Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: text)))
    response.headers[.contentType] = type
    response.headers[.cacheControl] = "no-cache"
    return response
}
