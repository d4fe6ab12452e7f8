import Foundation

/// A change to a scenario before it is decoded: `--set PATH=VALUE`, a lever, a variant.
public struct Override: Sendable {
    /// The path (`regions.fergana.population`).
    public var path: String
    /// The new value, as a YAML node.
    public var value: YNode
    /// Who set it, for diagnostics and provenance (`--set`, `lever holiday`).
    public var origin: String

    /// Creates an override from a parsed node.
    public init(path: String, value: YNode, origin: String) {
        self.path = path
        self.value = value
        self.origin = origin
    }

    /// Parses `PATH=VALUE` as given on the command line; VALUE is YAML (`5`, `0.2`, `{value: 4, uniform: [3, 6]}`).
    /// The `index` numbers the override for its diagnostics' location (`--set:2:…`).
    public static func parse(_ argument: String, index: Int = 1) -> Result<Override, DiagnosticsError> {
        let origin = "--set"
        guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else {
            return .failure(
                DiagnosticsError([
                    Diagnostic(
                        .error, "'--set \(argument)' needs the form PATH=VALUE",
                        at: SourceLocation(file: origin, line: index, column: 1),
                        hint: "e.g. --set evaluators.trade_effects.trade_cost_elasticity=5")
                ]))
        }
        let path = String(argument[..<equals])
        let text = String(argument[argument.index(after: equals)...])
        let column = path.unicodeScalars.count + 2  // columns count Unicode scalars, as libyaml's do
        switch YAMLTree.parse(text.isEmpty ? "~" : text, file: origin) {
        case .success(var node):
            shift(&node, line: index, column: column - 1)
            return .success(Override(path: path, value: node, origin: "\(origin) \(path)"))
        case .failure(let error):
            return .failure(
                DiagnosticsError(
                    error.diagnostics.map { d in
                        var d = d
                        d.location = SourceLocation(file: origin, line: index, column: column + max(0, (d.location?.column ?? 1) - 1))
                        return d
                    }))
        }
    }

    /// Moves a parsed value's positions onto line `line` of the `--set` pseudo-file.
    static func shift(_ node: inout YNode, line: Int, column: Int) {
        node.location.line = line
        node.location.column += column
        switch node.value {
        case .scalar: break
        case .sequence(var items):
            for i in items.indices { shift(&items[i], line: line, column: column) }
            node.value = .sequence(items)
        case .mapping(var entries):
            for i in entries.indices {
                entries[i].keyLocation.line = line
                entries[i].keyLocation.column += column
                shift(&entries[i].value, line: line, column: column)
            }
            node.value = .mapping(entries)
        }
    }
}

/// What loading a scenario produced: the model when there were no errors, and every diagnostic.
public struct LoadOutcome: Sendable {
    /// The scenario, or `nil` when there were errors.
    public var scenario: Scenario?
    /// Errors and warnings, sorted by position.
    public var diagnostics: [Diagnostic]
    /// The resolved tree (after `extends` and overrides), when the file could be parsed.
    public var tree: YNode?
}

/// Loads scenario files: reads, parses, resolves `extends`, applies overrides, decodes, validates.
public enum ScenarioLoader {
    /// Loads the scenario at `path` with `overrides` applied.
    public static func load(file path: String, overrides: [Override] = [], limits: LoadLimits = LoadLimits()) -> LoadOutcome {
        var visited: [String] = []
        switch readTree(path, limits: limits, visited: &visited, reference: nil) {
        case .failure(let error): return LoadOutcome(scenario: nil, diagnostics: error.diagnostics.sortedByLocation(), tree: nil)
        case .success(let (tree, chain)): return finish(tree, file: path, extends: chain, overrides: overrides, baseDirectory: nil)
        }
    }

    /// Loads a scenario from text; `extends` paths are resolved against `baseDirectory` (default: the current directory).
    public static func load(
        text: String, file: String = "scenario.yaml", baseDirectory: String? = nil, overrides: [Override] = [],
        limits: LoadLimits = LoadLimits()
    ) -> LoadOutcome {
        switch YAMLTree.parse(text, file: file, limits: limits) {
        case .failure(let error): return LoadOutcome(scenario: nil, diagnostics: error.diagnostics, tree: nil)
        case .success(let tree):
            let directory = baseDirectory ?? FileManager.default.currentDirectoryPath
            // The same canonical form `readTree` records, so a parent extending this file back is a cycle at once.
            var visited = [URL(fileURLWithPath: file, relativeTo: URL(fileURLWithPath: directory, isDirectory: true)).standardizedFileURL.path]
            switch resolveExtends(tree, directory: directory, limits: limits, visited: &visited) {
            case .failure(let error): return LoadOutcome(scenario: nil, diagnostics: error.diagnostics.sortedByLocation(), tree: tree)
            case .success(let (merged, chain)): return finish(merged, file: file, extends: chain, overrides: overrides, baseDirectory: directory)
            }
        }
    }

    /// Loads from text and throws every diagnostic if there is an error (for tests and tools).
    public static func loadOrThrow(text: String, file: String = "scenario.yaml", overrides: [Override] = []) throws -> Scenario {
        let outcome = load(text: text, file: file, overrides: overrides)
        guard let scenario = outcome.scenario else { throw DiagnosticsError(outcome.diagnostics) }
        return scenario
    }

    /// Loads a file and throws every diagnostic if there is an error.
    public static func loadOrThrow(file: String, overrides: [Override] = []) throws -> Scenario {
        let outcome = load(file: file, overrides: overrides)
        guard let scenario = outcome.scenario else { throw DiagnosticsError(outcome.diagnostics) }
        return scenario
    }

    static func finish(_ tree: YNode, file: String, extends: [String], overrides: [Override], baseDirectory: String?) -> LoadOutcome {
        var tree = tree
        var diagnostics: [Diagnostic] = []
        for override in overrides {
            if let failure = checkOverridePath(override.path, in: tree) ?? TreePath.set(override.path, to: override.value, in: &tree, origin: override.origin) {
                diagnostics.append(
                    Diagnostic(.error, "\(override.origin): '\(override.path)' \(failure.text)", at: override.value.location, hint: failure.hint))
            }
        }
        if diagnostics.hasErrors { return LoadOutcome(scenario: nil, diagnostics: diagnostics, tree: tree) }
        var decoder = ScenarioDecoder(file: file)
        if let baseDirectory { decoder.baseDirectory = baseDirectory }
        let (scenario, found) = decoder.decode(tree, extends: extends, hash: contentHash(of: tree))
        return LoadOutcome(scenario: scenario, diagnostics: (diagnostics + found).sortedByLocation(), tree: tree)
    }

    /// Every segment but the last must exist, so a typo in the middle of a path is caught at once;
    /// the last may be new (an optional key not written in the file), and is then checked by the decoder.
    static func checkOverridePath(_ path: String, in tree: YNode) -> TreePath.Failure? {
        let parts = path.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count > 1 else { return nil }
        let parent = parts.dropLast().joined(separator: ".")
        if parent.hasPrefix("evaluators") { return nil }
        if case .failure(let failure) = TreePath.resolve(parent, in: tree) { return failure }
        return nil
    }

    static func readTree(_ path: String, limits: LoadLimits, visited: inout [String], reference: SourceLocation?) -> Result<(YNode, [String]), DiagnosticsError>
    {
        let url = URL(fileURLWithPath: path)
        let canonical = url.standardizedFileURL.path
        if visited.contains(canonical) {
            return .failure(
                DiagnosticsError([
                    Diagnostic(
                        .error,
                        "'extends' forms a cycle: \((visited + [canonical]).map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: " → "))",
                        at: reference, hint: "a scenario cannot extend itself, directly or through others")
                ]))
        }
        visited.append(canonical)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            let what = isDirectory.boolValue ? "is a directory, not a scenario file" : "does not exist"
            return .failure(
                DiagnosticsError([
                    Diagnostic(
                        .error, "'\(path)' \(what)", at: reference ?? SourceLocation(file: path, line: 1, column: 1),
                        hint: reference == nil ? "check the path" : "'extends' paths are relative to the file that names them")
                ]))
        }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let size = attributes?[.size] as? Int, size > limits.maxFileBytes {
            return .failure(
                DiagnosticsError([
                    Diagnostic(
                        .error, "the file is \(size) bytes; the limit is \(limits.maxFileBytes) bytes",
                        at: SourceLocation(file: path, line: 1, column: 1),
                        hint: "a scenario is a few kilobytes; check that this is the right file")
                ]))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(
                DiagnosticsError([
                    Diagnostic(
                        .error, "cannot read '\(path)'", at: reference ?? SourceLocation(file: path, line: 1, column: 1), hint: "check the file's permissions")
                ]))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(
                DiagnosticsError([
                    Diagnostic(
                        .error, "the file is not UTF-8 text (binary data?)", at: SourceLocation(file: path, line: 1, column: 1),
                        hint: "scenario files are UTF-8 YAML text; check that this is the right file")
                ]))
        }
        switch YAMLTree.parse(text, file: path, limits: limits) {
        case .failure(let error): return .failure(error)
        case .success(let tree):
            return resolveExtends(tree, directory: url.deletingLastPathComponent().path, limits: limits, visited: &visited)
        }
    }

    static func resolveExtends(_ tree: YNode, directory: String, limits: LoadLimits, visited: inout [String]) -> Result<(YNode, [String]), DiagnosticsError> {
        guard let node = tree["extends"], !node.isNull else { return .success((tree, [])) }
        guard let relative = node.scalarText else {
            return .failure(
                DiagnosticsError([
                    Diagnostic(
                        .error, "expected a file name for 'extends', found \(node.kindDescription)", at: node.location,
                        hint: "e.g. extends: growth-triangle.yaml")
                ]))
        }
        let parentPath = relative.hasPrefix("/") ? relative : URL(fileURLWithPath: directory).appendingPathComponent(relative).path
        switch readTree(parentPath, limits: limits, visited: &visited, reference: node.location) {
        case .failure(let error): return .failure(error)
        case .success(let (parent, chain)):
            var child = tree
            if case .mapping(let entries) = child.value { child.value = .mapping(entries.filter { $0.key != "extends" }) }
            var parentTree = parent
            if case .mapping(let entries) = parentTree.value { parentTree.value = .mapping(entries.filter { $0.key != "extends" }) }
            return .success((TreePath.merge(parentTree, child), [relative] + chain))
        }
    }

    /// FNV-1a (64-bit) of a canonical rendering of the resolved tree: the same scenario gives the
    /// same hash on every machine, whatever its formatting or comments.
    public static func contentHash(of tree: YNode) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func feed(_ text: String) { fnv1a(&hash, text) }
        func walk(_ node: YNode) {
            switch node.value {
            case .scalar(let text, let quoted): feed(quoted ? "\"\(text)\"" : text)
            case .sequence(let items):
                feed("[")
                for item in items { walk(item); feed(",") }
                feed("]")
            case .mapping(let entries):
                feed("{")
                for entry in entries { feed(entry.key); feed(":"); walk(entry.value); feed(",") }
                feed("}")
            }
        }
        walk(tree)
        return String(hash, radix: 16).leftPadded(to: 16)
    }

    /// The content hash of a scenario that reads files besides its YAML (input–output tables):
    /// FNV-1a of the tree's hash and each file's text, so a changed table is a changed scenario.
    static func contentHash(_ treeHash: String, extendedWith texts: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        fnv1a(&hash, treeHash)
        for text in texts { fnv1a(&hash, "\u{1F}" + text) }
        return String(hash, radix: 16).leftPadded(to: 16)
    }

    private static func fnv1a(_ hash: inout UInt64, _ text: String) {
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
    }
}

extension String {
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
