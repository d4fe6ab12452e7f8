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
            throw DecodingError.keyNotFound(
                key, .init(codingPath: [key], debugDescription: "parameter '\(key.stringValue)' has no value and no default in the descriptor"))
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

/// An evaluator's parameters declared once: a struct whose properties carry the defaults
/// (`public var profitMargin = 0.10`) and one table row per property with its scenario name,
/// meaning, unit, ranges and citation. The descriptor's `ParameterSpec`s and the decoding from a
/// scenario's values both come from the table, so nothing is written twice.
///
/// ```swift
/// public struct Parameters: ParameterSet {
///     /// Taxable profit as a share of output.
///     public var profitMargin = 0.10
///     public init() {}
///     public static let table: [ParameterField<Parameters>] = [
///         ParameterField(\.profitMargin, "profit_margin", "Taxable profit as a share of output", unit: .fraction,
///                        allowed: 0...1, plausible: 0.05...0.20, citation: "Assumption: a typical net margin", assumption: true),
///     ]
/// }
/// ```
public protocol ParameterSet: Decodable, Sendable {
    /// The defaults: every property at its initial value.
    init()
    /// One row per parameter, in the order the descriptor lists them.
    static var table: [ParameterField<Self>] { get }
}

extension ParameterSet {
    /// The descriptor's parameter specs, the defaults read from `Self()`.
    public static var specs: [ParameterSpec] {
        let defaults = Self()
        return table.map { $0.spec(default: defaults[keyPath: $0.path]) }
    }

    /// These parameters with the one at `path` set to `value`:
    /// `Parameters().with(\.rampUpYears, 1).with(\.deadweight, 0.1)`.
    public func with(_ path: WritableKeyPath<Self, Double>, _ value: Double) -> Self {
        var copy = self
        copy[keyPath: path] = value
        return copy
    }

    /// Decodes the parameters by their scenario names (every name has a value: the default or
    /// the scenario's override).
    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: ParameterName.self)
        self.init()
        for field in Self.table {
            self[keyPath: field.path] = try values.decode(Double.self, forKey: ParameterName(field.name))
        }
    }
}

/// One row of a `ParameterSet`'s table: which property, and what `ParameterSpec` says of it
/// except the default (the property's initial value).
public struct ParameterField<Root>: Sendable {
    /// The property.
    public let path: any WritableKeyPath<Root, Double> & Sendable
    /// The name used in the scenario (`semi_elasticity`).
    public let name: String
    private let make: @Sendable (Double) -> ParameterSpec

    /// The row of `path`; the arguments are `ParameterSpec`'s without the default.
    public init(
        _ path: any WritableKeyPath<Root, Double> & Sendable, _ name: String, _ summary: String, unit: Unit,
        allowed: ClosedRange<Double>, plausible: ClosedRange<Double>? = nil, citation: String, assumption: Bool = false
    ) {
        self.path = path
        self.name = name
        make = { value in
            ParameterSpec(name, summary, unit: unit, default: value, allowed: allowed, plausible: plausible, citation: citation, assumption: assumption)
        }
    }

    /// The spec with `default` as the default.
    public func spec(default value: Double) -> ParameterSpec { make(value) }
}

/// A parameter's scenario name as a coding key.
struct ParameterName: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
