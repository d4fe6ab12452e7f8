/// The body of a lock: `{"lever": "…", "value": number, "locked": true|false}`.
struct LockRequest: Codable, Sendable {
    var lever: String
    var value: Double?
    var locked: Bool?
}
