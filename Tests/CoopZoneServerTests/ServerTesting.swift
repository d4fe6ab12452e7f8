import CoopZoneCore
import CoopZoneEvaluators
import CoopZoneTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CoopZoneServer

/// The shipped scenarios.
let scenariosFolder = packageRoot.appendingPathComponent("Scenarios").path
/// The shipped scenario with levers the tests use most.
let triangle = "fergana-batken-sughd-growth-triangle"

/// A fresh temporary folder, removed by the caller.
func temporaryFolder() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("coopzone-server-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// A workshop on `directory` with its own variant store in a temporary folder.
func makeWorkshop(
    directory: String = scenariosFolder, access: AccessPolicy = .open, dataFile: String? = nil,
    writeLimit: RateLimiter.Limit = .init(perSecond: 100, burst: 100), limitLoopback: Bool = false,
    maxBodyBytes: Int = 16 * 1024, idleTimeoutSeconds: Int = 30
) async throws -> (workshop: Workshop, data: String) {
    let data = try dataFile ?? (temporaryFolder() + "/workshop.sqlite")
    let configuration = WorkshopConfiguration(
        directory: directory, host: "127.0.0.1", port: 0, dataFile: data, access: access,
        registry: BuiltInEvaluators.all, maxBodyBytes: maxBodyBytes,
        readLimit: .init(perSecond: 1000, burst: 1000), writeLimit: writeLimit, limitLoopback: limitLoopback,
        idleTimeoutSeconds: idleTimeoutSeconds)
    return (try await Workshop(configuration: configuration), data)
}

/// A copy of the shipped scenarios (top level only, with the input–output tables of `io/` they read) in a temporary folder.
func copyOfScenarios() throws -> String {
    let folder = try temporaryFolder()
    for name in try FileManager.default.contentsOfDirectory(atPath: scenariosFolder) where name.hasSuffix(".yaml") {
        try FileManager.default.copyItem(atPath: scenariosFolder + "/" + name, toPath: folder + "/" + name)
    }
    try FileManager.default.copyItem(atPath: scenariosFolder + "/io", toPath: folder + "/io")
    return folder
}

extension TestResponse {
    /// The body as text.
    var text: String { String(decoding: body.readableBytesView, as: UTF8.self) }

    /// The body decoded from JSON.
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try JSONDecoder().decode(T.self, from: Data(body.readableBytesView)) }

    /// The `error.code` of a JSON error body.
    var errorCode: String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any],
            let error = object["error"] as? [String: Any]
        else { return nil }
        return error["code"] as? String
    }
}

/// A JSON body.
func jsonBody(_ object: [String: Any]) -> ByteBuffer {
    ByteBuffer(bytes: (try? JSONSerialization.data(withJSONObject: object)) ?? Data())
}

/// JSON headers, with an access code when given.
func jsonHeaders(code: String? = nil) -> HTTPFields {
    var fields: HTTPFields = [.contentType: "application/json"]
    if let code { fields[accessCodeHeader] = code }
    return fields
}
