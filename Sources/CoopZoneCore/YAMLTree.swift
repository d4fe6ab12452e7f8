import CYaml  // libyaml, built as part of Yams: its event stream lets `scanEvents` check the document before Yams builds it
import Foundation
import Yams

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
    /// Parses `text` (from `file`) into a tree, or returns the diagnostics that say why not.
    public static func parse(_ text: String, file: String, limits: LoadLimits = LoadLimits()) -> Result<YNode, DiagnosticsError> {
        if let problem = prescan(text, file: file, limits: limits) { return .failure(DiagnosticsError([problem])) }
        let problems = scanEvents(text, file: file, limits: limits)
        if !problems.isEmpty { return .failure(DiagnosticsError(problems)) }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            return .failure(DiagnosticsError([diagnostic(from: error, text: text, file: file)]))
        }
        // No document, or only an empty one ("---"): either way there is nothing in the file.
        let isEmptyDocument = if case .scalar(let scalar)? = node { scalar.string.isEmpty && scalar.style == .plain } else { false }
        guard let node, !isEmptyDocument else {
            return .failure(DiagnosticsError([
                Diagnostic(.error, "the file is empty", at: SourceLocation(file: file, line: 1, column: 1),
                           hint: "a scenario needs at least 'title', 'horizon', 'countries', 'regions' and 'zones'; see Docs/scenario-format.md or run 'coopzone new scenario NAME'")
            ]))
        }
        var budget = limits.maxNodes
        do {
            return .success(try convert(node, file: file, depth: 0, budget: &budget, limits: limits))
        } catch let error as DiagnosticsError {
            return .failure(error)
        } catch {
            return .failure(DiagnosticsError([Diagnostic(.error, "\(error)", at: SourceLocation(file: file, line: 1, column: 1))]))
        }
    }

    /// Cheap checks on the raw text, before the YAML parser sees it: size, binary content,
    /// nesting the parser would recurse into, and explicit '?' keys. Keys that are collections
    /// or aliases are refused by `scanEvents`, which sees them exactly.
    static func prescan(_ text: String, file: String, limits: LoadLimits) -> Diagnostic? {
        func at(_ line: Int, _ column: Int) -> SourceLocation { SourceLocation(file: file, line: line, column: column) }
        let bytes = text.utf8.count
        if bytes > limits.maxFileBytes {
            return Diagnostic(.error, "the file is \(bytes) bytes; the limit is \(limits.maxFileBytes) bytes", at: at(1, 1),
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
                return Diagnostic(.error, "the file contains binary data (byte 0x\(String(value, radix: 16)) at this position); it is not a YAML text file", at: at(line, column),
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
                    return Diagnostic(.error, "nesting is too deep (indentation of \(indent) columns, \(dashes) nested list markers)", at: at(line, column),
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
                    return Diagnostic(.error, "nesting is too deep (more than \(limits.maxDepth) open brackets)", at: at(line, column),
                                      hint: "a scenario nests at most a dozen levels; flatten the structure")
                }
            case "]", "}": flowDepth = max(0, flowDepth - 1)
            case " " where previous == "?" && (column == indent + 2):
                return Diagnostic(.error, "explicit '?' keys are not supported", at: at(line, column - 1),
                                  hint: "keys in a scenario are plain names such as 'regions' or 'population'")
            default: break
            }
            previous = character
        }
        return nil
    }

    /// Exact where `prescan` is heuristic: reads libyaml's event stream once (libyaml does not
    /// recurse), before Yams builds the document (Yams does). Refuses nesting deeper than
    /// `limits.maxDepth`, and mapping keys that are not scalars: Yams hashes each key in full to
    /// find duplicates, so a key that is a list, a mapping or an alias (of an alias bomb, say)
    /// would cost exponential time. Duplicate keys are reported at their second occurrence, every
    /// one (up to `maxReports`). Syntax errors are left to Yams unless duplicates came before them.
    static func scanEvents(_ text: String, file: String, limits: LoadLimits, maxReports: Int = 50) -> [Diagnostic] {
        struct Frame {
            var isMapping: Bool
            var expectsKey = true
            var keys: [String: Int] = [:]
        }
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return [] }
        return bytes.withUnsafeBufferPointer { buffer -> [Diagnostic] in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return [] }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            func at(_ mark: yaml_mark_t) -> SourceLocation { SourceLocation(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1) }
            var diagnostics: [Diagnostic] = []
            var stack: [Frame] = []
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                defer { yaml_event_delete(&event) }
                let type = event.type
                switch type {
                case YAML_SCALAR_EVENT, YAML_ALIAS_EVENT, YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    if stack.count > limits.maxDepth {
                        return diagnostics + [Diagnostic(.error, "nesting is too deep (more than \(limits.maxDepth) levels)", at: at(event.start_mark),
                                                         hint: "a scenario nests at most a dozen levels; flatten the structure")]
                    }
                    if let top = stack.indices.last, stack[top].isMapping {
                        let isKey = stack[top].expectsKey
                        stack[top].expectsKey.toggle()
                        if isKey && type == YAML_ALIAS_EVENT {
                            return diagnostics + [Diagnostic(.error, "an alias is used as a key", at: at(event.start_mark),
                                                             hint: "keys in a scenario are plain names; use aliases only as values")]
                        }
                        if isKey && type != YAML_SCALAR_EVENT {
                            return diagnostics + [Diagnostic(.error, "a list or mapping is used as a key", at: at(event.start_mark),
                                                             hint: "keys in a scenario are plain names such as 'regions' or 'population'")]
                        }
                        if isKey {
                            let key = String(decoding: UnsafeBufferPointer(start: event.data.scalar.value, count: event.data.scalar.length), as: UTF8.self)
                            if let firstLine = stack[top].keys[key] {
                                diagnostics.append(Diagnostic(.error, "duplicate key '\(key)' (first at line \(firstLine))", at: at(event.start_mark),
                                                              hint: "each key may appear once in a mapping; remove or rename one of them"))
                                if diagnostics.count >= maxReports { return diagnostics }
                            } else {
                                stack[top].keys[key] = Int(event.start_mark.line) + 1
                            }
                        }
                    }
                    if type == YAML_SEQUENCE_START_EVENT { stack.append(Frame(isMapping: false)) }
                    if type == YAML_MAPPING_START_EVENT { stack.append(Frame(isMapping: true)) }
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    _ = stack.popLast()
                case YAML_DOCUMENT_END_EVENT, YAML_STREAM_END_EVENT:
                    return diagnostics  // Yams reads the first document only, and refuses a second one
                default:
                    break
                }
            }
            // A syntax error: Yams reports it, with its context, when nothing was found before it.
            guard !diagnostics.isEmpty else { return [] }
            var message = "YAML syntax error: " + (parser.problem.map { String(cString: $0) } ?? "unknown problem")
            if let context = parser.context { message += " (\(String(cString: context)) at line \(Int(parser.context_mark.line) + 1))" }
            return diagnostics + [Diagnostic(.error, message, at: at(parser.problem_mark),
                                             hint: "check the indentation and the punctuation (':', '-', quotes, brackets) on this line and the one above")]
        }
    }

    static func location(_ mark: Mark?, file: String) -> SourceLocation {
        SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    static func convert(_ node: Node, file: String, depth: Int, budget: inout Int, limits: LoadLimits) throws -> YNode {
        budget -= 1
        if budget < 0 {
            throw DiagnosticsError([Diagnostic(.error, "the document expands to more than \(limits.maxNodes) values (aliases nested inside aliases?)", at: location(node.mark, file: file),
                                               hint: "this looks like an alias bomb; write the values out, or use fewer nested aliases")])
        }
        if depth > limits.maxDepth {
            throw DiagnosticsError([Diagnostic(.error, "nesting is too deep (more than \(limits.maxDepth) levels)", at: location(node.mark, file: file),
                                               hint: "a scenario nests at most a dozen levels; flatten the structure")])
        }
        let here = location(node.mark, file: file)
        switch node {
        case .scalar(let scalar):
            return YNode(.scalar(scalar.string, quoted: scalar.style == .singleQuoted || scalar.style == .doubleQuoted || scalar.style == .literal || scalar.style == .folded), at: here)
        case .alias(let alias):
            throw DiagnosticsError([Diagnostic(.error, "unresolved alias '\(alias.anchor.rawValue)'", at: location(alias.mark, file: file))])
        case .sequence(let sequence):
            var items: [YNode] = []
            items.reserveCapacity(sequence.count)
            for item in sequence { items.append(try convert(item, file: file, depth: depth + 1, budget: &budget, limits: limits)) }
            return YNode(.sequence(items), at: here)
        case .mapping(let mapping):
            var entries: [YNode.Entry] = []
            for (key, value) in mapping {
                guard case .scalar(let keyScalar) = key else {
                    throw DiagnosticsError([Diagnostic(.error, "a list or mapping is used as a key", at: location(key.mark, file: file),
                                                       hint: "keys in a scenario are plain names such as 'regions' or 'population'")])
                }
                if keyScalar.string == "<<" {
                    throw DiagnosticsError([Diagnostic(.error, "merge keys ('<<') are not supported", at: location(key.mark, file: file),
                                                       hint: "use 'extends: other.yaml' to build on another scenario")])
                }
                entries.append(YNode.Entry(key: keyScalar.string, keyLocation: location(key.mark, file: file),
                                           value: try convert(value, file: file, depth: depth + 1, budget: &budget, limits: limits)))
            }
            return YNode(.mapping(entries), at: here)
        }
    }

    static func diagnostic(from error: Error, text: String, file: String) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
        guard let yamlError = error as? YamlError else {
            return Diagnostic(.error, "cannot read the file as YAML: \(error)", at: SourceLocation(file: file, line: 1, column: 1))
        }
        let hint = "check the indentation and the punctuation (':', '-', quotes, brackets) on this line and the one above"
        switch yamlError {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _), .composer(let context, let problem, let mark, _):
            if problem.hasPrefix("Maximum nesting level") {
                return Diagnostic(.error, "nesting is too deep (more than 1000 levels)", at: at(mark),
                                  hint: "a scenario nests at most a dozen levels; flatten the structure")
            }
            var message = "YAML syntax error: \(problem)"
            if let context { message += " (\(context.text) at line \(context.mark.line))" }
            return Diagnostic(.error, message, at: at(mark), hint: hint)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? "?"
            let second = secondOccurrence(of: key, line: context.mark.line, column: context.mark.column, in: text)
            return Diagnostic(.error, "duplicate key '\(key)' (first at line \(context.mark.line))",
                              at: SourceLocation(file: file, line: second?.line ?? context.mark.line, column: second?.column ?? context.mark.column),
                              hint: "each key may appear once in a mapping; remove or rename one of them")
        case .reader(let problem, let offset, _, _):
            return Diagnostic(.error, "the file is not valid UTF-8 text: \(problem)\(offset.map { " at byte \($0)" } ?? "")", at: SourceLocation(file: file, line: 1, column: 1),
                              hint: "save the file as UTF-8")
        default:
            return Diagnostic(.error, "cannot read the file as YAML: \(yamlError)", at: SourceLocation(file: file, line: 1, column: 1), hint: hint)
        }
    }

    /// Where a duplicated key appears again: the next line at the same column that starts with it.
    static func secondOccurrence(of key: String, line firstLine: Int, column firstColumn: Int, in text: String) -> (line: Int, column: Int)? {
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            guard lineNumber > firstLine else { continue }
            let scalars = Array(line.unicodeScalars)
            guard scalars.count >= firstColumn else { continue }
            let start = firstColumn - 1
            let rest = String(String.UnicodeScalarView(scalars[start...]))
            let prefixBlank = scalars[..<start].allSatisfy { $0 == " " || $0 == "-" }
            if prefixBlank, rest.hasPrefix(key), rest.dropFirst(key.count).drop(while: { $0 == " " }).hasPrefix(":") {
                return (lineNumber, firstColumn)
            }
        }
        return nil
    }
}
