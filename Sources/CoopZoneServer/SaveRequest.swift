/// The body of a save: `{"name": "…", "author": "…", "values": {"lever": number}}`.
struct SaveRequest: Codable, Sendable {
    var name: String
    var author: String?
    var values: [String: Double]?
}
