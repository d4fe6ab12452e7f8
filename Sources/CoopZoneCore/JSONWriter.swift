import Foundation

/// The one JSON writer for documents whose key order or layout matters (the evaluator
/// protocol's lines, the JSON reports, diagnostics): compact text, or laid out for reading.
/// Numbers are written in the shortest form that reads back to the same double; non-finite
/// numbers, which JSON cannot carry, are written as `null`. The same value gives the same
/// bytes on every machine.
public struct JSONWriter: Sendable {
    /// The text so far.
    public private(set) var output = ""

    /// Creates an empty writer.
    public init() {}

    /// Reserves room for `bytes` more bytes.
    public mutating func reserve(_ bytes: Int) { output.reserveCapacity(output.utf8.count + bytes) }

    /// Appends raw JSON text (the caller guarantees it is valid).
    public mutating func raw(_ text: String) { output += text }

    /// Appends a JSON string.
    public mutating func string(_ text: String) {
        output += "\""
        var plain = true
        for unit in text.utf8 where unit < 0x20 || unit == 0x22 || unit == 0x5C {
            plain = false
            break
        }
        if plain {
            output += text
        } else {
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": output += "\\\""
                case "\\": output += "\\\\"
                case "\n": output += "\\n"
                case "\r": output += "\\r"
                case "\t": output += "\\t"
                default:
                    if scalar.value < 0x20 {
                        let hex = String(scalar.value, radix: 16)
                        output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                    } else {
                        output.unicodeScalars.append(scalar)
                    }
                }
            }
        }
        output += "\""
    }

    /// Appends a number (`null` when not finite).
    public mutating func number(_ value: Double) { output += Self.numberText(value) }

    /// A number as JSON writes it: whole numbers below 10^15 without a decimal point, others in
    /// the shortest form that reads back to the same double, `null` when not finite. CSV cells
    /// use the same form.
    public static func numberText(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// Appends an integer.
    public mutating func integer(_ value: Int) { output += String(value) }

    /// Appends any value.
    public mutating func write(_ value: JSONValue) {
        switch value {
        case .null: output += "null"
        case .bool(let b): output += b ? "true" : "false"
        case .number(let n): number(n)
        case .string(let s): string(s)
        case .array(let items):
            output += "["
            for (i, item) in items.enumerated() {
                if i > 0 { output += "," }
                write(item)
            }
            output += "]"
        case .object(let pairs):
            output += "{"
            for (i, (key, item)) in pairs.enumerated() {
                if i > 0 { output += "," }
                string(key)
                output += ":"
                write(item)
            }
            output += "}"
        }
    }

    /// Appends `value` laid out for reading: two-space indents and one key or item a line,
    /// except that an object inside an array whose values are all scalars stays on one line (a
    /// row), which keeps large outputs readable and small. `indent` is the current depth.
    public mutating func writePretty(_ value: JSONValue, indent: Int = 0) {
        let pad = String(repeating: "  ", count: indent + 1), end = String(repeating: "  ", count: indent)
        switch value {
        case .array(let items) where !items.isEmpty:
            output += "[\n"
            for (i, item) in items.enumerated() {
                if i > 0 { output += ",\n" }
                output += pad
                if item.isRow { write(item) } else { writePretty(item, indent: indent + 1) }
            }
            output += "\n" + end + "]"
        case .object(let pairs) where !pairs.isEmpty:
            output += "{\n"
            for (i, (key, item)) in pairs.enumerated() {
                if i > 0 { output += ",\n" }
                output += pad
                string(key)
                output += ": "
                writePretty(item, indent: indent + 1)
            }
            output += "\n" + end + "}"
        default:
            write(value)
        }
    }
}

extension JSONValue {
    /// The value as compact JSON text on one line (no newline inside: the protocol is one message a line).
    public var text: String {
        var writer = JSONWriter()
        writer.write(self)
        return writer.output
    }

    /// The value laid out for reading (`JSONWriter.writePretty`), without a final newline.
    public var prettyText: String {
        var writer = JSONWriter()
        writer.writePretty(self)
        return writer.output
    }

    /// True for an object whose values are all scalars: a row, kept on one line by `prettyText`.
    var isRow: Bool {
        guard case .object(let pairs) = self else { return false }
        return pairs.allSatisfy { pair in
            switch pair.1 {
            case .object, .array: false
            default: true
            }
        }
    }
}
