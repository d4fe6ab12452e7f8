import CoopZoneCore

/// A small deterministic JSON writer: keys in the order given, numbers in their shortest
/// round-trip form, so the same inputs give byte-identical output.
struct JSONWriter {
    private(set) var text = ""

    static func quote(_ string: String) -> String {
        var out = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 { out += "\\u" + String(scalar.value, radix: 16).leftPad(4) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }
}

/// A JSON value built in memory and printed in a stable order.
indirect enum JSON {
    case string(String)
    case number(Double)
    case int(Int)
    case bool(Bool)
    case null
    case array([JSON])
    case object([(String, JSON)])

    static func optional(_ value: String?) -> JSON { value.map(JSON.string) ?? .null }
    static func optional(_ value: Int?) -> JSON { value.map(JSON.int) ?? .null }

    func render(indent: Int = 0, pretty: Bool = true) -> String {
        let pad = pretty ? String(repeating: "  ", count: indent + 1) : ""
        let end = pretty ? String(repeating: "  ", count: indent) : ""
        let newline = pretty ? "\n" : ""
        switch self {
        case .string(let s): return JSONWriter.quote(s)
        case .number(let n): return JSONWriter.number(n)
        case .int(let i): return String(i)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .array(let items):
            if items.isEmpty { return "[]" }
            // Flat objects (rows) stay on one line each, which keeps large outputs readable and small.
            return "[" + newline + items.map { pad + $0.render(indent: indent + 1, pretty: pretty && !$0.isFlat) }.joined(separator: "," + newline) + newline + end + "]"
        case .object(let pairs):
            if pairs.isEmpty { return "{}" }
            let sep = pretty ? ": " : ":"
            return "{" + newline + pairs.map { pad + JSONWriter.quote($0.0) + sep + $0.1.render(indent: indent + 1, pretty: pretty) }.joined(separator: "," + newline) + newline + end + "}"
        }
    }

    var isFlat: Bool {
        if case .object(let pairs) = self { return pairs.allSatisfy { if case .object = $0.1 { false } else if case .array = $0.1 { false } else { true } } }
        return false
    }
}

extension String {
    func leftPad(_ width: Int, with character: Character = "0") -> String {
        count >= width ? self : String(repeating: character, count: width - count) + self
    }
    func rightPad(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
