import Foundation

/// A parsed YAML node with its position: the tree every later stage (merging `extends`,
/// `--set` overrides, decoding) works on, so that every value keeps its line and column.
public struct YNode: Sendable {
    /// The node's content.
    public enum Value: Sendable {
        /// A scalar as written; `quoted` is true for '…' and "…" scalars, which stay strings.
        case scalar(String, quoted: Bool)
        /// A mapping, keys in file order (keys are always scalars in this format).
        case mapping([Entry])
        /// A sequence.
        case sequence([YNode])
    }

    /// One key/value pair of a mapping.
    public struct Entry: Sendable {
        /// The key as written.
        public var key: String
        /// Where the key is.
        public var keyLocation: SourceLocation
        /// The value.
        public var value: YNode

        /// Creates an entry.
        public init(key: String, keyLocation: SourceLocation, value: YNode) {
            self.key = key
            self.keyLocation = keyLocation
            self.value = value
        }
    }

    /// The content.
    public var value: Value
    /// Where the node starts.
    public var location: SourceLocation

    /// Creates a node.
    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }

    /// True for `~`, `null`, `Null`, `NULL` and the empty plain scalar.
    public var isNull: Bool {
        if case .scalar(let text, let quoted) = value, !quoted {
            return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
        }
        return false
    }

    /// The entries of a mapping, or nil.
    public var entries: [Entry]? {
        if case .mapping(let entries) = value { return entries }
        return nil
    }

    /// The items of a sequence, or nil.
    public var items: [YNode]? {
        if case .sequence(let items) = value { return items }
        return nil
    }

    /// The text of a scalar, or nil.
    public var scalarText: String? {
        if case .scalar(let text, _) = value { return text }
        return nil
    }

    /// The value under `key` in a mapping.
    public subscript(key: String) -> YNode? {
        entries?.first { $0.key == key }?.value
    }

    /// A short description of the node's kind, for "expected X, found Y" messages.
    public var kindDescription: String {
        switch value {
        case .scalar(let text, _):
            if isNull { return "nothing (null)" }
            let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
            return "'\(shown)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        }
    }
}

/// Limits that keep hostile input from crashing or hanging the loader.
public struct LoadLimits: Sendable {
    /// Largest file accepted, in bytes.
    public var maxFileBytes = 1 << 20
    /// Largest number of nodes after expanding aliases.
    public var maxNodes = 200_000
    /// Deepest nesting of mappings and lists.
    public var maxDepth = 48
    /// Widest indentation accepted, in columns (bounds the parser's recursion).
    public var maxIndent = 160

    /// The defaults.
    public init() {}
}

/// Turns text into a `YNode` tree, refusing what is not a sane scenario file.
public enum YAMLTree {
    /// Parses `text` (from `file`) into a tree, or returns the diagnostics that say why not:
    /// the pre-scan, then one pass over libyaml's events (`YAMLEventReader`).
    public static func parse(_ text: String, file: String, limits: LoadLimits = LoadLimits()) -> Result<YNode, DiagnosticsError> {
        if let problem = prescan(text, file: file, limits: limits) { return .failure(DiagnosticsError([problem])) }
        return YAMLEventReader(file: file, limits: limits).read(text)
    }

    /// Cheap checks on the raw text, before libyaml sees it: size, binary content, nesting, and
    /// explicit '?' keys. One pass over the scalars, a few microseconds for a scenario; it stays
    /// because each check still has a job the event reader cannot do as well:
    /// - Control characters and U+FFFD (what a lossy decoding of a binary file leaves) are named
    ///   at their line and column. libyaml accepts U+FFFD, and reports other control characters
    ///   as a reader error at a byte offset, without a line.
    /// - Nesting is refused in the writer's terms (columns of indentation, list markers on one
    ///   line, open brackets) before libyaml reads it. Debian's libyaml 0.2.5 has no nesting limit
    ///   of its own, and its scanner's simple-key bookkeeping costs time in proportion to the open
    ///   brackets on every token: 200,000 brackets took more than five minutes. The event reader's
    ///   cap (`maxDepth` open collections) stops it too, but only after the scanner's look-ahead
    ///   of up to 1,024 characters; the pre-scan's bracket count is what catches it before, except
    ///   after a stray quote (`rock 'n roll`), which the pre-scan takes for an open string.
    /// - Explicit '?' keys are refused as such. Keys that are collections or aliases are refused
    ///   by the event reader, which sees them exactly.
    static func prescan(_ text: String, file: String, limits: LoadLimits) -> Diagnostic? {
        func at(_ line: Int, _ column: Int) -> SourceLocation { SourceLocation(file: file, line: line, column: column) }
        let bytes = text.utf8.count
        if bytes > limits.maxFileBytes {
            return Diagnostic(
                .error, "the file is \(bytes) bytes; the limit is \(limits.maxFileBytes) bytes", at: at(1, 1),
                hint: "a scenario is a few kilobytes; split data into separate files with 'extends', or check that this is the right file")
        }
        // Scalars, not Characters: columns are counted as libyaml counts them, and a control
        // character cannot hide inside a grapheme cluster (NUL followed by a combining mark).
        var line = 1, column = 0, flowDepth = 0, atLineStart = true, indent = 0, dashes = 0
        var quote: Unicode.Scalar? = nil, inComment = false, previous: Unicode.Scalar = "\n", afterCR = false
        for character in text.unicodeScalars {
            column += 1
            if character == "\n" || character == "\r" {
                // CR LF is one line break; a lone CR is one too, as in libyaml.
                if character == "\n" && afterCR { afterCR = false; column = 0; continue }
                afterCR = character == "\r"
                line += 1; column = 0; atLineStart = true; indent = 0; dashes = 0; inComment = false
                previous = "\n"
                continue
            }
            afterCR = false
            let value = character.value
            if value == 0 || (value < 0x20 && value != 0x09) || value == 0xFFFD {
                return Diagnostic(
                    .error, "the file contains binary data (byte 0x\(String(value, radix: 16)) at this position); it is not a YAML text file",
                    at: at(line, column),
                    hint: "scenario files are UTF-8 text; check that this is the right file")
            }
            if inComment { previous = character; continue }
            if let open = quote {
                if character == open { quote = nil }
                previous = character
                continue
            }
            if atLineStart {
                if character == " " { indent += 1; previous = character; continue }
                if character == "-" { dashes += 1; previous = character; continue }
                atLineStart = false
                if indent > limits.maxIndent || dashes > limits.maxDepth / 2 {
                    return Diagnostic(
                        .error, "nesting is too deep (indentation of \(indent) columns, \(dashes) nested list markers)", at: at(line, column),
                        hint: "a scenario nests at most a dozen levels; flatten the structure")
                }
            }
            switch character {
            case "#" where previous == " " || previous == "\n" || previous == "\t": inComment = true
            case "'", "\"":
                if " [{,:\n-".unicodeScalars.contains(previous) { quote = character }
            case "[", "{":
                flowDepth += 1
                if flowDepth > limits.maxDepth {
                    return Diagnostic(
                        .error, "nesting is too deep (more than \(limits.maxDepth) open brackets)", at: at(line, column),
                        hint: "a scenario nests at most a dozen levels; flatten the structure")
                }
            case "]", "}": flowDepth = max(0, flowDepth - 1)
            case " " where previous == "?" && (column == indent + 2):
                return Diagnostic(
                    .error, "explicit '?' keys are not supported", at: at(line, column - 1),
                    hint: "keys in a scenario are plain names such as 'regions' or 'population'")
            default: break
            }
            previous = character
        }
        return nil
    }
}
