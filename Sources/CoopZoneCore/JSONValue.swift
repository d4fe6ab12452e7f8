import Foundation

/// A JSON value built in memory or read from another program: the evaluator protocol's
/// messages, the JSON reports, diagnostics as JSON. Objects keep their keys in the order
/// written (a list of pairs: small objects are searched faster than hashed, messages can name
/// keys in the order a program wrote them, and a report's keys come out in the order it
/// chose). `JSONWriter` prints it; Codable payloads go through `JSONEncoder` instead.
public enum JSONValue: Sendable, Equatable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number.
    case number(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object, keys in the order written.
    case object([(String, JSONValue)])

    /// The value under `key` of an object (the first, if a program wrote the key twice).
    public subscript(key: String) -> JSONValue? {
        guard case .object(let pairs) = self else { return nil }
        for (k, v) in pairs where k == key { return v }
        return nil
    }

    /// The pairs of an object, or nil.
    public var objectPairs: [(String, JSONValue)]? {
        if case .object(let pairs) = self { return pairs }
        return nil
    }

    /// The items of an array, or nil.
    public var arrayItems: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    /// The text of a string, or nil.
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The number, or nil.
    public var numberValue: Double? {
        if case .number(let n) = self { return n }
        return nil
    }

    /// What kind of value this is, for "expected a number, found a string" messages.
    public var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// Equality, with object keys compared in order.
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)): a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }
}

extension JSONValue {
    /// A string, or `null` for nil.
    public static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
    /// A whole number, or `null` for nil.
    public static func optional(_ value: Int?) -> JSONValue { value.map { .number(Double($0)) } ?? .null }
    /// A whole number.
    public static func int(_ value: Int) -> JSONValue { .number(Double(value)) }
}
