import Foundation

/// Reads a small YAML document's tree (a sweep spec, an outside evaluator's manifest) as the
/// scenario loader reads a scenario: unknown keys with a did-you-mean, typed scalars, and every
/// problem a diagnostic at the node's line and column (all collected, none fatal). The readers of
/// each document add their own fields in extensions.
public final class TreeReader {
    /// The problems found so far.
    public var diagnostics: [Diagnostic] = []
    /// Whether `text` takes an empty string.
    let emptyTextAllowed: Bool
    /// The hint under a name mapping that is not a mapping, given its key.
    let entriesExample: (String) -> String

    /// A reader. `entriesExample` gives, for a key whose value should map names to specs, an
    /// example of the form (the hint when it is not a mapping).
    public init(emptyTextAllowed: Bool = false, entriesExample: @escaping (String) -> String) {
        self.emptyTextAllowed = emptyTextAllowed
        self.entriesExample = entriesExample
    }

    /// One mapping of the document, its keys checked.
    public struct Mapping {
        /// The node.
        public let node: YNode
        /// The reader that checked it.
        public let reader: TreeReader
        /// What it is, for messages ("the manifest", "'grid'").
        public let what: String
        /// Whether the node is a mapping (if not, every key reads as missing; the error is already given).
        public let isMapping: Bool

        /// The value of `key`, or nil when it is missing or null.
        public subscript(key: String) -> YNode? {
            guard isMapping, let value = node[key], !value.isNull else { return nil }
            return value
        }

        /// The value of `key`, or nil with an error saying it is needed.
        public func require(_ key: String, hint: String) -> YNode? {
            guard isMapping else { return nil }
            guard let value = self[key] else {
                reader.error("\(what) needs '\(key)'", at: node[key]?.location ?? node.location, hint: hint)
                return nil
            }
            return value
        }

        /// The entries of the mapping under `key` (names to values), or none.
        public func entries(_ key: String) -> [YNode.Entry] {
            guard let value = self[key] else { return [] }
            guard let entries = value.entries else {
                reader.error(
                    "expected a mapping of names for '\(key)', found \(value.kindDescription)", at: value.location, hint: reader.entriesExample(key))
                return []
            }
            return entries
        }
    }

    /// Records an error.
    public func error(_ message: String, at location: SourceLocation?, hint: String? = nil) {
        diagnostics.append(Diagnostic(.error, message, at: location, hint: hint))
    }

    /// `node` as a mapping whose keys must be among `allowed` (an unknown key is an error with the
    /// closest allowed key).
    public func mapping(_ node: YNode, what: String, allowed: [String]) -> Mapping {
        guard let entries = node.entries else {
            error(
                "expected a mapping for \(what), found \(node.kindDescription)", at: node.location,
                hint: "write \(what) as 'key: value' lines; keys: \(allowed.joined(separator: ", "))")
            return Mapping(node: node, reader: self, what: what, isMapping: false)
        }
        for entry in entries where !allowed.contains(entry.key) {
            let suggestion = closestMatch(to: entry.key, in: allowed)
            error(
                "unknown key '\(entry.key)' in \(what)" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""), at: entry.keyLocation,
                hint: suggestion == nil ? "allowed keys here: \(allowed.joined(separator: ", "))" : nil)
        }
        return Mapping(node: node, reader: self, what: what, isMapping: true)
    }

    /// A text scalar.
    public func text(_ node: YNode, what: String) -> String? {
        guard let text = node.scalarText, !node.isNull, emptyTextAllowed || !text.isEmpty else {
            error("expected text for \(what), found \(node.kindDescription)", at: node.location)
            return nil
        }
        return text
    }

    /// A finite number written as digits (no quotes; `_` separators allowed).
    public func number(_ node: YNode, what: String) -> Double? {
        guard case .scalar(let raw, let quoted) = node.value, !quoted else {
            error("expected a number for \(what), found \(node.kindDescription)", at: node.location)
            return nil
        }
        let cleaned = raw.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "")
        guard !cleaned.isEmpty, cleaned.count < 64, cleaned.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }),
            let value = Double(cleaned), value.isFinite
        else {
            error(
                "expected a number for \(what), found \(node.kindDescription)", at: node.location,
                hint: raw.hasSuffix("%") ? "write percentages as fractions: 0.15 for 15%" : "write digits with '.' as the decimal point")
            return nil
        }
        return value
    }

    /// A whole number.
    public func integer(_ node: YNode, what: String) -> Int? {
        guard let value = number(node, what: what) else { return nil }
        guard value == value.rounded(), abs(value) < 1e15 else {
            error("expected a whole number for \(what), found \(node.kindDescription)", at: node.location)
            return nil
        }
        return Int(value)
    }
}
