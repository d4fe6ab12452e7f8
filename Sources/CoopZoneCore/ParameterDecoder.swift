import Foundation

/// A resolved parameter value handed to an evaluator's `Parameters` decoding.
public enum ParameterValue: Sendable, Hashable, Codable {
    /// A number.
    case number(Double)
    /// Text.
    case text(String)

    /// The number, if it is one.
    public var number: Double? {
        if case .number(let v) = self { return v }
        return nil
    }
}

/// Decodes an evaluator's typed `Parameters` from a flat name → value map (the descriptor's
/// defaults overlaid with the scenario's overrides). Only flat structs of numbers, integers,
/// booleans (0/1) and strings are supported, which is what a parameter is.
public struct ParameterDecoder {
    /// Decodes `type` from `values`.
    public static func decode<T: Decodable>(_ type: T.Type, from values: [String: ParameterValue]) throws -> T {
        try T(from: FlatDecoder(values: values))
    }
}

struct FlatDecoder: Decoder {
    let values: [String: ParameterValue]
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(FlatContainer<Key>(values: values))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw DecodingError.typeMismatch([Any].self, .init(codingPath: codingPath, debugDescription: "parameters are a flat set of named values"))
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        throw DecodingError.typeMismatch(Any.self, .init(codingPath: codingPath, debugDescription: "parameters are a flat set of named values"))
    }
}

struct FlatContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let values: [String: ParameterValue]
    var codingPath: [any CodingKey] { [] }
    var allKeys: [Key] { values.keys.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { values[key.stringValue] != nil }

    func value(_ key: Key) throws -> ParameterValue {
        guard let value = values[key.stringValue] else {
            throw DecodingError.keyNotFound(key, .init(codingPath: [key], debugDescription: "parameter '\(key.stringValue)' has no value and no default in the descriptor"))
        }
        return value
    }

    func number(_ key: Key) throws -> Double {
        guard let number = try value(key).number else {
            throw DecodingError.typeMismatch(Double.self, .init(codingPath: [key], debugDescription: "parameter '\(key.stringValue)' must be a number"))
        }
        return number
    }

    func decodeNil(forKey key: Key) throws -> Bool { values[key.stringValue] == nil }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try number(key) != 0 }
    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        switch try value(key) {
        case .text(let text): return text
        case .number(let n): return format(n)
        }
    }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try number(key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { Float(try number(key)) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int {
        let n = try number(key)
        guard n == n.rounded(), abs(n) < 1e15 else {
            throw DecodingError.typeMismatch(Int.self, .init(codingPath: [key], debugDescription: "parameter '\(key.stringValue)' must be a whole number"))
        }
        return Int(n)
    }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { Int8(clamping: try decode(Int.self, forKey: key)) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { Int16(clamping: try decode(Int.self, forKey: key)) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { Int32(clamping: try decode(Int.self, forKey: key)) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { Int64(try decode(Int.self, forKey: key)) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { UInt(clamping: try decode(Int.self, forKey: key)) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { UInt8(clamping: try decode(Int.self, forKey: key)) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { UInt16(clamping: try decode(Int.self, forKey: key)) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { UInt32(clamping: try decode(Int.self, forKey: key)) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { UInt64(clamping: try decode(Int.self, forKey: key)) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        throw DecodingError.typeMismatch(T.self, .init(codingPath: [key], debugDescription: "parameter '\(key.stringValue)' must be a number or text"))
    }
    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        throw DecodingError.typeMismatch([String: Any].self, .init(codingPath: [key], debugDescription: "parameters are flat"))
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        throw DecodingError.typeMismatch([Any].self, .init(codingPath: [key], debugDescription: "parameters are flat"))
    }
    func superDecoder() throws -> any Decoder { FlatDecoder(values: values) }
    func superDecoder(forKey key: Key) throws -> any Decoder { FlatDecoder(values: values) }
}
