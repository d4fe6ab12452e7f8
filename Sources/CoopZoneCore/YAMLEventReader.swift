import CLibYAML

/// Builds a `YNode` tree, with every node's line and column, from one pass over libyaml's event
/// stream (`yaml_parser_parse`; the system libyaml, ADR 0001). libyaml's parser does not
/// recurse and neither does this reader: open collections are an explicit stack.
///
/// What it refuses, and which diagnostic wins when a file has several problems, is what the
/// loader did when it scanned the events and then had a composer build the tree, so every
/// diagnostic reads and points as before. In order of precedence:
/// 1. *Structure* (every one, as found): each duplicate key at its second occurrence (up to
///    `maxReports`); and, ending the read, nesting deeper than `limits.maxDepth`, or a mapping
///    key that is an alias, a list or a mapping (at the key's own position). A syntax error
///    after a duplicate is listed after it.
/// 2. *Composition* (the first one): a syntax error, an alias to an anchor not yet defined, a
///    second document.
/// 3. An empty file.
/// 4. *The tree* (the first one in document order): more than `limits.maxNodes` values once
///    aliases are expanded (an alias bomb), nesting deeper than `limits.maxDepth` through an
///    alias, a merge key (`<<`).
/// A problem of a later class found first does not stop the read: a problem of an earlier class
/// further on still wins. Nothing is expanded to find a problem: an alias costs the size its
/// anchor recorded, and its nodes are visited only to name the one that runs out of budget.
struct YAMLEventReader {
    let file: String
    let limits: LoadLimits
    /// Duplicate keys reported before the read stops.
    var maxReports = 50

    init(file: String, limits: LoadLimits) {
        self.file = file
        self.limits = limits
    }

    /// A node the reader finished, with what an alias to it costs.
    struct Built {
        var node: YNode
        /// Nodes in it once every alias inside is expanded, itself included.
        var size: Int
        /// Levels below it once expanded (0 for a scalar).
        var height: Int
    }

    /// An open list or mapping.
    struct Frame {
        var isMapping: Bool
        var location: SourceLocation
        var anchor: String?
        var expectsKey = true
        /// Keys so far with the line of each, for duplicates (a dictionary once the mapping is wide).
        var keys: [(key: String, line: Int)] = []
        var keyIndex: [String: Int]? = nil
        var pendingKey: (key: String, location: SourceLocation)? = nil
        var items: [YNode] = []
        var entries: [YNode.Entry] = []
        var size = 1
        var height = 0

        /// The line of an earlier `key` in this mapping, or nil (and `key` is remembered):
        /// a linear search while the mapping is narrow, a dictionary once it is wide.
        mutating func firstLine(of key: String, line: Int) -> Int? {
            if keyIndex != nil {
                if let earlier = keyIndex?[key] { return earlier }
                keyIndex?[key] = line
                return nil
            }
            if let earlier = keys.first(where: { $0.key == key }) { return earlier.line }
            keys.append((key, line))
            if keys.count > 16 { keyIndex = Dictionary(keys.map { ($0.key, $0.line) }, uniquingKeysWith: { first, _ in first }) }
            return nil
        }
    }

    static let syntaxHint = "check the indentation and the punctuation (':', '-', quotes, brackets) on this line and the one above"
    static let depthHint = "a scenario nests at most a dozen levels; flatten the structure"

    func at(_ mark: yaml_mark_t) -> SourceLocation {
        SourceLocation(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    static func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?, _ length: Int) -> String {
        guard let pointer, length > 0 else { return "" }
        return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
    }

    static func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    static func text(_ pointer: UnsafePointer<CChar>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    /// Reads `text` into a tree, or returns the diagnostics that say why not.
    func read(_ text: String) -> Result<YNode, DiagnosticsError> {
        var copy = text
        return copy.withUTF8 { buffer in
            var state = ReadState(reader: self, text: text)
            // libyaml needs a buffer; no bytes is no document.
            guard let start = buffer.baseAddress, !buffer.isEmpty else { return .failure(DiagnosticsError([state.empty()])) }
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else {
                return .failure(
                    DiagnosticsError([
                        Diagnostic(
                            .error, "cannot read the file as YAML: Memory error", at: SourceLocation(file: file, line: 1, column: 1), hint: Self.syntaxHint)
                    ]))
            }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, start, buffer.count)
            return state.run(&parser)
        }
    }

    /// The mutable part of one read.
    struct ReadState {
        let reader: YAMLEventReader
        let text: String
        var structure: [Diagnostic] = []
        var composition: Diagnostic?
        var treeProblem: Diagnostic?
        var stack: [Frame] = []
        var anchors: [String: Built] = [:]
        /// Anchors defined so far, also once the tree is no longer built (for undefined aliases).
        var anchorNames: Set<String> = []
        var budget: Int
        var root: Built?
        /// Whether the document's root is a plain empty scalar (`---` alone, `--- # nothing`;
        /// `''` or `|` is a value): set at the root's first event, built or not; nil before.
        var rootIsEmpty: Bool?

        init(reader: YAMLEventReader, text: String) {
            self.reader = reader
            self.text = text
            budget = reader.limits.maxNodes
        }

        /// Whether nodes are still built: not after a problem of composition or of the tree.
        var building: Bool { composition == nil && treeProblem == nil }

        func at(_ mark: yaml_mark_t) -> SourceLocation { reader.at(mark) }

        mutating func run(_ parser: inout yaml_parser_t) -> Result<YNode, DiagnosticsError> {
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else { return .failure(DiagnosticsError(syntaxFailure(parser))) }
                defer { yaml_event_delete(&event) }
                switch event.type {
                case YAML_SCALAR_EVENT, YAML_ALIAS_EVENT, YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    if let fatal = node(event) { return .failure(DiagnosticsError(structure + [fatal])) }
                    if structure.count >= reader.maxReports { return .failure(DiagnosticsError(structure)) }
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    close()
                case YAML_DOCUMENT_END_EVENT:
                    return finish(&parser)
                case YAML_STREAM_END_EVENT:
                    return .failure(DiagnosticsError([empty()]))  // no document at all
                default:
                    break
                }
            }
        }

        /// After the first document: a second one is refused, then an empty file, then a problem of the tree.
        mutating func finish(_ parser: inout yaml_parser_t) -> Result<YNode, DiagnosticsError> {
            if !structure.isEmpty { return .failure(DiagnosticsError(structure)) }
            if let composition { return .failure(DiagnosticsError([composition])) }
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else { return .failure(DiagnosticsError([compositionSyntax(parser)])) }
            defer { yaml_event_delete(&event) }
            if event.type != YAML_STREAM_END_EVENT {
                return .failure(
                    DiagnosticsError([
                        Diagnostic(
                            .error, "YAML syntax error: but found another document (expected a single document in the stream at line 1)",
                            at: at(event.start_mark), hint: YAMLEventReader.syntaxHint)
                    ]))
            }
            guard let rootIsEmpty, !rootIsEmpty else { return .failure(DiagnosticsError([empty()])) }
            if let treeProblem { return .failure(DiagnosticsError([treeProblem])) }
            guard let root else { return .failure(DiagnosticsError([empty()])) }  // not reached: a root without a problem is built
            return .success(root.node)
        }

        func empty() -> Diagnostic {
            Diagnostic(
                .error, "the file is empty", at: SourceLocation(file: reader.file, line: 1, column: 1),
                hint:
                    "a scenario needs at least 'title', 'horizon', 'countries', 'regions' and 'zones'; see Docs/scenario-format.md or run 'coopzone new scenario NAME'"
            )
        }

        /// The diagnostics for a syntax error: after duplicates, the error as listed with them;
        /// otherwise the first problem of composition, which came before it.
        func syntaxFailure(_ parser: yaml_parser_t) -> [Diagnostic] {
            if !structure.isEmpty {
                var message = "YAML syntax error: " + (YAMLEventReader.text(parser.problem) ?? "unknown problem")
                if let context = YAMLEventReader.text(parser.context) { message += " (\(context) at line \(Int(parser.context_mark.line) + 1))" }
                return structure + [Diagnostic(.error, message, at: at(parser.problem_mark), hint: YAMLEventReader.syntaxHint)]
            }
            return [composition ?? compositionSyntax(parser)]
        }

        /// A syntax error that ends composition.
        func compositionSyntax(_ parser: yaml_parser_t) -> Diagnostic {
            let start = SourceLocation(file: reader.file, line: 1, column: 1)
            let problem = YAMLEventReader.text(parser.problem) ?? "unknown problem"
            switch parser.error {
            case YAML_READER_ERROR:
                // The offset in characters, as the message always gave it.
                let utf8 = text.utf8
                let index = utf8.index(utf8.startIndex, offsetBy: Int(parser.problem_offset), limitedBy: utf8.endIndex)?.samePosition(in: text)
                let offset = index.map { text.distance(from: text.startIndex, to: $0) }
                return Diagnostic(
                    .error, "the file is not valid UTF-8 text: \(problem)\(offset.map { " at byte \($0)" } ?? "")", at: start, hint: "save the file as UTF-8")
            case YAML_SCANNER_ERROR, YAML_PARSER_ERROR, YAML_COMPOSER_ERROR:
                if problem.hasPrefix("Maximum nesting level") {
                    // Only libyaml builds newer than 0.2.5 have this limit; ours (48) comes first.
                    return Diagnostic(.error, "nesting is too deep (more than 1000 levels)", at: at(parser.problem_mark), hint: YAMLEventReader.depthHint)
                }
                var message = "YAML syntax error: \(problem)"
                if let context = YAMLEventReader.text(parser.context) { message += " (\(context) at line \(Int(parser.context_mark.line) + 1))" }
                return Diagnostic(.error, message, at: at(parser.problem_mark), hint: YAMLEventReader.syntaxHint)
            default:
                return Diagnostic(.error, "cannot read the file as YAML: Memory error", at: start, hint: YAMLEventReader.syntaxHint)
            }
        }

        /// A scalar, an alias or the start of a collection. Returns a problem that ends the read.
        mutating func node(_ event: yaml_event_t) -> Diagnostic? {
            let type = event.type
            let depth = stack.count
            if depth > reader.limits.maxDepth {
                return Diagnostic(
                    .error, "nesting is too deep (more than \(reader.limits.maxDepth) levels)", at: at(event.start_mark), hint: YAMLEventReader.depthHint)
            }
            var isKey = false
            if let top = stack.indices.last, stack[top].isMapping {
                isKey = stack[top].expectsKey
                stack[top].expectsKey.toggle()
                if isKey && type == YAML_ALIAS_EVENT {
                    return Diagnostic(
                        .error, "an alias is used as a key", at: at(event.start_mark),
                        hint: "keys in a scenario are plain names; use aliases only as values")
                }
                if isKey && type != YAML_SCALAR_EVENT {
                    return Diagnostic(
                        .error, "a list or mapping is used as a key", at: at(event.start_mark),
                        hint: "keys in a scenario are plain names such as 'regions' or 'population'")
                }
            }
            if depth == 0 && rootIsEmpty == nil {
                rootIsEmpty = type == YAML_SCALAR_EVENT && event.data.scalar.length == 0 && event.data.scalar.style == YAML_PLAIN_SCALAR_STYLE
            }
            switch type {
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let value = YAMLEventReader.text(scalar.value, scalar.length)
                let here = at(event.start_mark)
                if isKey {
                    let top = stack.count - 1
                    if let firstLine = stack[top].firstLine(of: value, line: here.line) {
                        structure.append(
                            Diagnostic(
                                .error, "duplicate key '\(value)' (first at line \(firstLine))", at: here,
                                hint: "each key may appear once in a mapping; remove or rename one of them"))
                    }
                    if building && value == "<<" {
                        treeProblem = Diagnostic(
                            .error, "merge keys ('<<') are not supported", at: here,
                            hint: "use 'extends: other.yaml' to build on another scenario")
                    }
                    stack[top].pendingKey = (value, here)
                    define(
                        YAMLEventReader.text(scalar.anchor),
                        Built(node: YNode(.scalar(value, quoted: Self.isQuoted(scalar.style)), at: here), size: 1, height: 0))
                    return nil
                }
                let built = Built(node: YNode(.scalar(value, quoted: Self.isQuoted(scalar.style)), at: here), size: 1, height: 0)
                let counted = spend(1, at: here)
                define(YAMLEventReader.text(scalar.anchor), built)  // its name, at least: an alias to it is not undefined
                if counted { attach(built) }
            case YAML_ALIAS_EVENT:
                let name = YAMLEventReader.text(event.data.alias.anchor) ?? ""
                guard anchorNames.contains(name) else {
                    if composition == nil {
                        composition = Diagnostic(.error, "YAML syntax error: found undefined alias", at: at(event.start_mark), hint: YAMLEventReader.syntaxHint)
                    }
                    return nil
                }
                guard building, let target = anchors[name] else { return nil }
                if target.size <= budget && depth + target.height <= reader.limits.maxDepth {
                    budget -= target.size
                } else {
                    // Find the node that runs out of budget or nests too deep, in document order.
                    var remaining = budget
                    treeProblem = firstProblem(in: target.node, depth: depth, budget: &remaining)
                    budget = remaining
                    if treeProblem != nil { return nil }
                }
                attach(target)
            default:
                let isMapping = type == YAML_MAPPING_START_EVENT
                let anchor = YAMLEventReader.text(isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor)
                let here = at(event.start_mark)
                _ = spend(1, at: here)
                stack.append(Frame(isMapping: isMapping, location: here, anchor: anchor))
            }
            return nil
        }

        static func isQuoted(_ style: yaml_scalar_style_t) -> Bool {
            style == YAML_SINGLE_QUOTED_SCALAR_STYLE || style == YAML_DOUBLE_QUOTED_SCALAR_STYLE
                || style == YAML_LITERAL_SCALAR_STYLE || style == YAML_FOLDED_SCALAR_STYLE
        }

        /// Takes `count` nodes from the budget; false (and the problem recorded) when it runs out.
        mutating func spend(_ count: Int, at location: SourceLocation) -> Bool {
            guard building else { return false }
            budget -= count
            if budget < 0 {
                treeProblem = bomb(at: location)
                return false
            }
            return true
        }

        func bomb(at location: SourceLocation) -> Diagnostic {
            Diagnostic(
                .error, "the document expands to more than \(reader.limits.maxNodes) values (aliases nested inside aliases?)", at: location,
                hint: "this looks like an alias bomb; write the values out, or use fewer nested aliases")
        }

        /// The first node of `node`'s expansion, in document order, that takes the budget below
        /// zero or lies deeper than the limit; visits at most `budget + 1` nodes.
        func firstProblem(in node: YNode, depth: Int, budget: inout Int) -> Diagnostic? {
            budget -= 1
            if budget < 0 { return bomb(at: node.location) }
            if depth > reader.limits.maxDepth {
                return Diagnostic(
                    .error, "nesting is too deep (more than \(reader.limits.maxDepth) levels)", at: node.location, hint: YAMLEventReader.depthHint)
            }
            switch node.value {
            case .scalar: return nil
            case .sequence(let items):
                for item in items {
                    if let problem = firstProblem(in: item, depth: depth + 1, budget: &budget) { return problem }
                }
            case .mapping(let entries):
                for entry in entries {
                    if let problem = firstProblem(in: entry.value, depth: depth + 1, budget: &budget) { return problem }
                }
            }
            return nil
        }

        mutating func define(_ anchor: String?, _ built: Built) {
            guard let anchor else { return }
            anchorNames.insert(anchor)
            if building { anchors[anchor] = built }
        }

        /// A finished value goes into the open collection, or becomes the root.
        mutating func attach(_ built: Built) {
            guard let top = stack.indices.last else {
                root = built
                return
            }
            stack[top].size += built.size
            stack[top].height = max(stack[top].height, built.height + 1)
            if stack[top].isMapping {
                guard let key = stack[top].pendingKey else { return }
                stack[top].entries.append(YNode.Entry(key: key.key, keyLocation: key.location, value: built.node))
                stack[top].pendingKey = nil
            } else {
                stack[top].items.append(built.node)
            }
        }

        /// The end of a list or mapping.
        mutating func close() {
            guard let frame = stack.popLast() else { return }
            if let anchor = frame.anchor { anchorNames.insert(anchor) }
            guard building else { return }
            let node = YNode(frame.isMapping ? .mapping(frame.entries) : .sequence(frame.items), at: frame.location)
            let built = Built(node: node, size: frame.size, height: frame.height)
            define(frame.anchor, built)
            attach(built)
        }
    }
}
