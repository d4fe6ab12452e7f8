import CoopZoneCore
import Foundation

/// A small JSON Schema (2020-12) validator for the keywords the scenario schema uses, so that
/// tests can check which files the schema accepts and refuses without an outside tool.
struct SchemaValidator {
    let root: [String: Any]

    /// A YAML tree as JSON values, by the YAML 1.2 core schema: unquoted `~`/`null`/empty is null,
    /// `true`/`false` booleans, digits numbers (integers as Int), anything else text.
    static func json(_ node: YNode) -> Any {
        switch node.value {
        case .scalar(let text, let quoted):
            if quoted { return text }
            if ["", "~", "null", "Null", "NULL"].contains(text) { return NSNull() }
            if ["true", "True", "TRUE"].contains(text) { return true }
            if ["false", "False", "FALSE"].contains(text) { return false }
            if text.range(of: "^[-+]?[0-9]+$", options: .regularExpression) != nil, let i = Int(text) { return i }
            if text.range(of: #"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$"#, options: .regularExpression) != nil, let d = Double(text) { return d }
            return text
        case .sequence(let items): return items.map(json)
        case .mapping(let entries): return Dictionary(entries.map { ($0.key, json($0.value)) }, uniquingKeysWith: { _, last in last })
        }
    }

    /// The first problem of `value` against the root schema, or nil when it is valid.
    func problem(_ value: Any) -> String? { problem(value, root, at: "") }

    func resolve(_ ref: String) -> [String: Any]? {
        guard ref.hasPrefix("#/") else { return nil }
        var node: Any = root
        for part in ref.dropFirst(2).split(separator: "/") {
            guard let next = (node as? [String: Any])?[String(part)] else { return nil }
            node = next
        }
        return node as? [String: Any]
    }

    static func isNumber(_ v: Any) -> Bool { (v is Int || v is Double) && !(v is Bool) }

    static func typeMatches(_ v: Any, _ type: String) -> Bool {
        switch type {
        case "null": return v is NSNull
        case "boolean": return v is Bool
        case "integer": return v is Int && !(v is Bool)
        case "number": return isNumber(v)
        case "string": return v is String
        case "array": return v is [Any]
        case "object": return v is [String: Any]
        default: return false
        }
    }

    static func double(_ v: Any) -> Double? {
        if v is Bool { return nil }
        if let i = v as? Int { return Double(i) }
        return v as? Double
    }

    static func equal(_ a: Any, _ b: Any) -> Bool {
        if let x = a as? String, let y = b as? String { return x == y }
        if let x = double(a), let y = double(b) { return x == y }
        return false
    }

    func problem(_ v: Any, _ schema: [String: Any], at path: String) -> String? {
        if let ref = schema["$ref"] as? String {
            guard let target = resolve(ref) else { return "\(path): unresolved $ref \(ref)" }
            if let p = problem(v, target, at: path) { return p }
        }
        if let type = schema["type"] {
            let types = (type as? [String]) ?? [type as? String ?? ""]
            if !types.contains(where: { Self.typeMatches(v, $0) }) { return "\(path): not of type \(types)" }
        }
        if let values = schema["enum"] as? [Any], !values.contains(where: { Self.equal($0, v) }) { return "\(path): not one of \(values)" }
        if let c = schema["const"], !Self.equal(c, v) { return "\(path): not \(c)" }
        if let s = v as? String, let pattern = schema["pattern"] as? String, s.range(of: pattern, options: .regularExpression) == nil {
            return "\(path): '\(s)' does not match \(pattern)"
        }
        if Self.isNumber(v), let d = Self.double(v) {
            if let min = schema["minimum"] as? Int, d < Double(min) { return "\(path): below \(min)" }
            if let max = schema["maximum"] as? Int, d > Double(max) { return "\(path): above \(max)" }
        }
        if let items = v as? [Any] {
            if let min = schema["minItems"] as? Int, items.count < min { return "\(path): fewer than \(min) items" }
            if let max = schema["maxItems"] as? Int, items.count > max { return "\(path): more than \(max) items" }
            if let each = schema["items"] as? [String: Any] {
                for (i, item) in items.enumerated() { if let p = problem(item, each, at: "\(path)/\(i)") { return p } }
            }
        }
        if let object = v as? [String: Any] {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for key in object.keys.sorted() {
                let value = object[key]!
                if let names = schema["propertyNames"] as? [String: Any], let p = problem(key, names, at: "\(path)/\(key)") { return p }
                if let sub = properties[key] as? [String: Any] {
                    if let p = problem(value, sub, at: "\(path)/\(key)") { return p }
                } else if let extra = schema["additionalProperties"] {
                    if extra as? Bool == false { return "\(path): unknown key '\(key)'" }
                    if let sub = extra as? [String: Any], let p = problem(value, sub, at: "\(path)/\(key)") { return p }
                }
            }
            for key in schema["required"] as? [String] ?? [] where object[key] == nil { return "\(path): missing '\(key)'" }
            if let min = schema["minProperties"] as? Int, object.count < min { return "\(path): fewer than \(min) keys" }
        }
        if let all = schema["allOf"] as? [[String: Any]] {
            for sub in all { if let p = problem(v, sub, at: path) { return p } }
        }
        if let any = schema["anyOf"] as? [[String: Any]], !any.contains(where: { problem(v, $0, at: path) == nil }) {
            return "\(path): matches no anyOf branch"
        }
        if let one = schema["oneOf"] as? [[String: Any]], one.filter({ problem(v, $0, at: path) == nil }).count != 1 {
            return "\(path): does not match exactly one oneOf branch"
        }
        if let not = schema["not"] as? [String: Any], problem(v, not, at: path) == nil { return "\(path): matches 'not'" }
        if let condition = schema["if"] as? [String: Any] {
            let branch = problem(v, condition, at: path) == nil ? schema["then"] : schema["else"]
            if let sub = branch as? [String: Any], let p = problem(v, sub, at: path) { return p }
        }
        return nil
    }
}
