import CoopZoneCore
import Foundation

/// Limits on one external evaluator's program, from its manifest (and the command line).
public struct ExternalLimits: Sendable, Hashable {
    /// Longest wait for the answer to one request (a Monte Carlo block is one request), start-up included, in seconds.
    public var timeoutSeconds: Double
    /// Largest answer accepted, in bytes of one response line.
    public var maxOutputBytes: Int
    /// How many of the last lines of standard error a failure report quotes.
    public var stderrTailLines: Int

    /// The defaults: 60 s a request, 256 MiB an answer, 20 lines of standard error.
    public static let defaults = ExternalLimits(timeoutSeconds: 60, maxOutputBytes: 256 << 20, stderrTailLines: 20)

    /// Creates limits.
    public init(timeoutSeconds: Double, maxOutputBytes: Int, stderrTailLines: Int = 20) {
        self.timeoutSeconds = timeoutSeconds
        self.maxOutputBytes = maxOutputBytes
        self.stderrTailLines = stderrTailLines
    }
}

/// An external evaluator's manifest, `evaluator.yaml`: what the evaluator is (the same
/// descriptor a Swift evaluator declares), the program to run and its limits.
public struct ExternalManifest: Sendable {
    /// The manifest's file name inside an evaluator's directory.
    public static let fileName = "evaluator.yaml"
    /// The keys a manifest may have.
    public static let keys = [
        "protocol_version", "id", "version", "summary", "documentation", "command", "dependencies",
        "timeout_seconds", "max_output_bytes", "parameters", "metrics", "headlines", "charts", "views", "reads",
    ]
    static let parameterKeys = ["summary", "unit", "default", "allowed", "plausible", "citation", "assumption"]
    static let metricKeys = ["unit", "summary", "dimensions", "additive", "equation", "label", "short_label", "translations"]
    static let headlineKeys = ["unit", "summary", "equation", "higher_is_better", "label", "short_label", "card", "translations"]

    /// The evaluator's directory (absolute): the program runs there.
    public var directory: String
    /// The manifest file, as diagnostics name it.
    public var file: String
    /// What the evaluator is: id, version, dependencies, parameters, metrics, headlines.
    public var descriptor: EvaluatorDescriptor
    /// The program and its arguments. A first word with a '/' is relative to `directory`; a bare
    /// name (`python3`) is looked up on PATH.
    public var command: [String]
    /// The protocol version the program speaks.
    public var protocolVersion: Int
    /// Its limits.
    public var limits: ExternalLimits
    /// Where the id is written (for clashes with other evaluators).
    public var idLocation: SourceLocation
    /// The derived views every draw of a request carries (`views:`), in the order written.
    public var views: [DerivedView] = []
    /// What the program reads of each dependency (`reads:`): only rows and headlines of these
    /// metrics travel, and no findings. A dependency not named here travels whole.
    public var reads: [String: [ReadName]] = [:]

    /// A metric or headline name under `reads:`, with where it is written.
    public struct ReadName: Sendable, Hashable {
        /// The metric's or headline's id.
        public var name: String
        /// Where it is written.
        public var location: SourceLocation
    }

    /// The names read of each dependency named under `reads:` (one not named travels whole).
    public var readNames: [String: Set<String>] { reads.mapValues { Set($0.map(\.name)) } }

    /// Loads `directory/evaluator.yaml`, with every problem as a diagnostic at its line and column.
    public static func load(directory: String) -> Result<ExternalManifest, DiagnosticsError> {
        let absolute = URL(fileURLWithPath: directory).standardizedFileURL.path
        let file = URL(fileURLWithPath: directory).appendingPathComponent(fileName).path
        let start = SourceLocation(file: file, line: 1, column: 1)
        guard FileManager.default.fileExists(atPath: file) else {
            return .failure(
                DiagnosticsError([
                    Diagnostic(
                        .error, "'\(directory)' has no \(fileName)", at: nil,
                        hint:
                            "an external evaluator is a directory with an \(fileName) manifest and its program; see Docs/writing-an-evaluator.md or run 'coopzone new evaluator NAME'"
                    )
                ]))
        }
        if let size = (try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? Int, size > 256 * 1024 {
            return .failure(
                DiagnosticsError([
                    Diagnostic(
                        .error, "the manifest is \(size) bytes; the limit is 262144", at: start,
                        hint: "a manifest is a few kilobytes; check that this is the right file")
                ]))
        }
        guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
            return .failure(
                DiagnosticsError([Diagnostic(.error, "cannot read the manifest as UTF-8 text", at: start, hint: "check the file and its permissions")]))
        }
        return parse(text, file: file, directory: absolute)
    }

    /// Parses a manifest's text. `directory` is where its program runs.
    public static func parse(_ text: String, file: String, directory: String) -> Result<ExternalManifest, DiagnosticsError> {
        var limits = LoadLimits()
        limits.maxFileBytes = 256 * 1024
        let tree: YNode
        switch YAMLTree.parse(text, file: file, limits: limits) {
        case .failure(let error): return .failure(error)
        case .success(let node): tree = node
        }
        let reader = TreeReader.manifest()
        let top = reader.mapping(tree, what: "the manifest", allowed: keys)
        guard top.isMapping else { return .failure(DiagnosticsError(reader.diagnostics)) }

        // The protocol version first: a manifest for another version may not follow this one's format.
        var protocolVersion = ExternalProtocol.version
        if let node = top.require("protocol_version", hint: "add 'protocol_version: \(ExternalProtocol.version)'") {
            if let v = reader.integer(node, what: "'protocol_version'") {
                protocolVersion = v
                if v != ExternalProtocol.version {
                    reader.error(
                        "the evaluator speaks protocol version \(v); this CoopZone speaks version \(ExternalProtocol.version)", at: node.location,
                        hint: v > ExternalProtocol.version
                            ? "update CoopZone, or use a release of the evaluator written for protocol \(ExternalProtocol.version)"
                            : "update the evaluator to protocol \(ExternalProtocol.version) (see Docs/writing-an-evaluator.md, 'Protocol versions')")
                    return .failure(DiagnosticsError(reader.diagnostics.sortedByLocation()))
                }
            }
        }
        let idNode = top.require("id", hint: "add 'id: my_evaluator' (snake_case: the name scenarios use)")
        let id = idNode.flatMap { reader.identifier($0, what: "'id'") } ?? ""
        let version = top.require("version", hint: "add 'version: 1.0.0'").flatMap { reader.text($0, what: "'version'") } ?? ""
        let summary = top.require("summary", hint: "add 'summary: one line on what it computes'").flatMap { reader.text($0, what: "'summary'") } ?? ""
        let documentation =
            top["documentation"].flatMap { reader.text($0, what: "'documentation'") }.map { relative in
                relative.hasPrefix("/") || relative.contains("://") ? relative : URL(fileURLWithPath: directory).appendingPathComponent(relative).path
            } ?? URL(fileURLWithPath: directory).appendingPathComponent(fileName).path

        var command: [String] = []
        if let node = top.require("command", hint: "add 'command: [python3, my_evaluator.py]'") {
            if let text = node.scalarText, !node.isNull {
                command = [text]
            } else if let items = node.items {
                command = items.compactMap { reader.text($0, what: "an item of 'command'") }
                if items.isEmpty { reader.error("'command' is empty", at: node.location, hint: "e.g. command: [python3, my_evaluator.py]") }
            } else {
                reader.error(
                    "expected a list for 'command', found \(node.kindDescription)", at: node.location, hint: "e.g. command: [python3, my_evaluator.py]")
            }
            if let program = command.first, program.contains("/"), !program.hasPrefix("/") {
                let path = URL(fileURLWithPath: directory).appendingPathComponent(program).path
                if !FileManager.default.fileExists(atPath: path) {
                    reader.error(
                        "the program '\(program)' does not exist in '\(directory)'", at: node.location,
                        hint: "command paths with a '/' are relative to the evaluator's directory")
                } else if !FileManager.default.isExecutableFile(atPath: path) {
                    reader.error(
                        "the program '\(program)' is not executable", at: node.location,
                        hint: "run 'chmod +x \(program)', or name its interpreter first: [python3, \(program.split(separator: "/").last ?? "")]")
                }
            }
        }
        let dependencies =
            top["dependencies"].map { node -> [String] in
                if node.isNull { return [] }
                guard let items = node.items else {
                    reader.error(
                        "expected a list of evaluator ids for 'dependencies', found \(node.kindDescription)", at: node.location,
                        hint: "e.g. dependencies: [trade_effects]")
                    return []
                }
                return items.compactMap { reader.identifier($0, what: "a dependency") }
            } ?? []

        var views: [DerivedView] = []
        if let node = top["views"], !node.isNull {
            if let items = node.items {
                for item in items {
                    guard let text = reader.text(item, what: "a view") else { continue }
                    if let view = DerivedView(rawValue: text) {
                        if views.contains(view) {
                            reader.error("the view '\(text)' is listed twice", at: item.location)
                        } else {
                            views.append(view)
                        }
                    } else {
                        let s = closestMatch(to: text, in: DerivedView.allCases.map(\.rawValue))
                        reader.error(
                            "unknown view '\(text)'" + (s.map { "; did you mean '\($0)'?" } ?? ""), at: item.location,
                            hint: "views: \(DerivedView.allCases.map(\.rawValue).joined(separator: ", ")) (Docs/writing-an-evaluator.md#derived-views)")
                    }
                }
            } else {
                reader.error(
                    "expected a list of view names for 'views', found \(node.kindDescription)", at: node.location,
                    hint: "e.g. views: [measures_by_year, flows_by_year]")
            }
        }
        var reads: [String: [ReadName]] = [:]
        for entry in top.entries("reads") {
            guard dependencies.contains(entry.key) else {
                reader.error(
                    "'reads' names '\(entry.key)', which is not under 'dependencies'", at: entry.keyLocation,
                    hint: dependencies.isEmpty ? "add it: dependencies: [\(entry.key)]" : "dependencies: \(dependencies.joined(separator: ", "))")
                continue
            }
            guard let items = entry.value.items else {
                reader.error(
                    "expected a list of metric and headline ids under 'reads: \(entry.key)', found \(entry.value.kindDescription)", at: entry.value.location,
                    hint: "e.g. reads: {\(entry.key): [trade_scenario, trade_change_last_year]}")
                continue
            }
            reads[entry.key] = items.compactMap { item in
                reader.identifier(item, what: "a metric of '\(entry.key)'").map { ReadName(name: $0, location: item.location) }
            }
        }

        var limitsOut = ExternalLimits.defaults
        if let node = top["timeout_seconds"], let t = reader.number(node, what: "'timeout_seconds'") {
            if t > 0, t <= 86_400 {
                limitsOut.timeoutSeconds = t
            } else {
                reader.error(
                    "'timeout_seconds' is \(format(t)); it must be more than 0 and at most 86400", at: node.location,
                    hint: "the longest a request may take, start-up included")
            }
        }
        if let node = top["max_output_bytes"], let b = reader.integer(node, what: "'max_output_bytes'") {
            if b >= 1024, b <= 4 << 30 {
                limitsOut.maxOutputBytes = b
            } else {
                reader.error(
                    "'max_output_bytes' is \(b); it must be between 1024 and 4294967296", at: node.location,
                    hint: "the largest answer, in bytes, one request may produce")
            }
        }

        var parameters: [ParameterSpec] = []
        for entry in top.entries("parameters") {
            if let spec = parameter(entry, reader: reader) { parameters.append(spec) }
        }
        var seenMetrics: [String: SourceLocation] = [:]
        func checkUnique(_ entry: YNode.Entry) {
            if let first = seenMetrics[entry.key] {
                reader.error(
                    "metric '\(entry.key)' is declared twice (first at line \(first.line))", at: entry.keyLocation,
                    hint: "metric and headline ids are unique within an evaluator")
            }
            seenMetrics[entry.key] = entry.keyLocation
        }
        let defaultEquation = documentation
        var metrics: [MetricSpec] = []
        for entry in top.entries("metrics") {
            checkUnique(entry)
            if let spec = metric(entry, headline: false, defaultEquation: defaultEquation, directory: directory, reader: reader) { metrics.append(spec) }
        }
        var headlines: [MetricSpec] = []
        for entry in top.entries("headlines") {
            checkUnique(entry)
            if let spec = metric(entry, headline: true, defaultEquation: defaultEquation, directory: directory, reader: reader) { headlines.append(spec) }
        }
        if top["metrics"] == nil && top["headlines"] == nil {
            reader.error(
                "the manifest declares no metrics", at: tree.location, hint: "add 'metrics:' (rows by year and dimension) and/or 'headlines:' (single numbers)")
        }
        let chartSpecs = charts(top["charts"], metrics: metrics, reader: reader)
        if reader.diagnostics.hasErrors { return .failure(DiagnosticsError(reader.diagnostics.sortedByLocation())) }
        let descriptor = EvaluatorDescriptor(
            id: id, summary: summary, version: version, dependencies: dependencies, parameters: parameters,
            metrics: metrics, headlines: headlines, documentation: documentation,
            charts: chartSpecs)
        var manifest = ExternalManifest(
            directory: directory, file: file, descriptor: descriptor, command: command, protocolVersion: protocolVersion,
            limits: limitsOut, idLocation: idNode?.location ?? SourceLocation(file: file, line: 1, column: 1))
        manifest.views = views
        manifest.reads = reads
        return .success(manifest)
    }

    static func parameter(_ entry: YNode.Entry, reader: ManifestReader) -> ParameterSpec? {
        let what = "parameter '\(entry.key)'"
        guard reader.isIdentifier(entry.key) else {
            reader.error(
                "'\(entry.key)' is not a valid parameter name", at: entry.keyLocation, hint: "names are snake_case: lower-case letters, digits and '_'")
            return nil
        }
        let fields = reader.mapping(entry.value, what: what, allowed: parameterKeys)
        guard fields.isMapping else { return nil }
        let unit = fields.require("unit", hint: "add 'unit:' (one of \(Unit.allCases.map(\.rawValue).joined(separator: ", ")))").flatMap {
            reader.unit($0, what: what)
        }
        let defaultValue = fields.require("default", hint: "add 'default: <number>'").flatMap { reader.number($0, what: "'default' of \(what)") }
        let allowed = fields.require("allowed", hint: "add 'allowed: [low, high]': values outside are an error").flatMap {
            reader.range($0, what: "'allowed' of \(what)")
        }
        let plausible = fields["plausible"].flatMap { reader.range($0, what: "'plausible' of \(what)") }
        let summary =
            fields.require("summary", hint: "add 'summary:' (what the parameter means)").flatMap { reader.text($0, what: "'summary' of \(what)") } ?? ""
        let citation =
            fields.require("citation", hint: "add 'citation:' (where the default comes from)").flatMap { reader.text($0, what: "'citation' of \(what)") } ?? ""
        let assumption = fields["assumption"].flatMap { reader.bool($0, what: "'assumption' of \(what)") } ?? false
        guard let unit, let defaultValue, let allowed else { return nil }
        if !allowed.contains(defaultValue) {
            reader.error(
                "the default \(format(defaultValue)) of \(what) lies outside its allowed range \(format(allowed.lowerBound))…\(format(allowed.upperBound))",
                at: fields["default"]?.location, hint: "widen 'allowed' or change 'default'")
        }
        if let plausible, !(allowed.contains(plausible.lowerBound) && allowed.contains(plausible.upperBound)) {
            reader.error(
                "the plausible range of \(what) lies outside its allowed range", at: fields["plausible"]?.location,
                hint: "plausible values must be allowed values")
        }
        return ParameterSpec(
            entry.key, summary, unit: unit, default: defaultValue, allowed: allowed, plausible: plausible, citation: citation, assumption: assumption)
    }

    static func metric(_ entry: YNode.Entry, headline: Bool, defaultEquation: String, directory: String, reader: ManifestReader) -> MetricSpec? {
        let what = "\(headline ? "headline" : "metric") '\(entry.key)'"
        guard reader.isIdentifier(entry.key) else {
            reader.error("'\(entry.key)' is not a valid metric id", at: entry.keyLocation, hint: "ids are snake_case: lower-case letters, digits and '_'")
            return nil
        }
        let fields = reader.mapping(entry.value, what: what, allowed: headline ? headlineKeys : metricKeys)
        guard fields.isMapping else { return nil }
        let unit = fields.require("unit", hint: "add 'unit:' (one of \(Unit.allCases.map(\.rawValue).joined(separator: ", ")))").flatMap {
            reader.unit($0, what: what)
        }
        let summary = fields.require("summary", hint: "add 'summary:' (what the metric means)").flatMap { reader.text($0, what: "'summary' of \(what)") } ?? ""
        let equation =
            fields["equation"].flatMap { reader.text($0, what: "'equation' of \(what)") }.map { relative in
                relative.hasPrefix("/") || relative.contains("://") ? relative : URL(fileURLWithPath: directory).appendingPathComponent(relative).path
            } ?? defaultEquation
        var dimensions: [Dimension] = []
        if let node = fields["dimensions"], !node.isNull {
            if let items = node.items {
                for item in items {
                    guard let text = item.scalarText else {
                        reader.error("expected a dimension name, found \(item.kindDescription)", at: item.location); continue
                    }
                    if let d = Dimension(rawValue: text) {
                        if dimensions.contains(d) { reader.error("dimension '\(text)' is listed twice", at: item.location) } else { dimensions.append(d) }
                    } else {
                        let s = closestMatch(to: text, in: Dimension.allCases.map(\.rawValue))
                        reader.error(
                            "unknown dimension '\(text)' in \(what)" + (s.map { "; did you mean '\($0)'?" } ?? ""), at: item.location,
                            hint: "dimensions: \(Dimension.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                }
            } else {
                reader.error("expected a list for 'dimensions' of \(what), found \(node.kindDescription)", at: node.location, hint: "e.g. dimensions: [link]")
            }
        }
        let additive = fields["additive"].flatMap { reader.bool($0, what: "'additive' of \(what)") } ?? true
        let hints = presentation(fields, what: what, reader: reader)
        guard let unit else { return nil }
        return MetricSpec(entry.key, unit: unit, summary, dimensions: dimensions, additive: additive, equation: equation, presentation: hints)
    }
}

/// The reader of a manifest: the shared `TreeReader` and the manifest's own fields below.
typealias ManifestReader = TreeReader

extension TreeReader {
    /// A reader of manifests.
    static func manifest() -> TreeReader {
        TreeReader(emptyTextAllowed: true, entriesExample: { "write one entry per name, e.g. '\($0):' then '  my_name: {unit: ratio, …}'" })
    }

    func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, text.count <= 64 else { return false }
        return ("a"..."z").contains(first) && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    func identifier(_ node: YNode, what: String) -> String? {
        guard let text = text(node, what: what) else { return nil }
        guard isIdentifier(text) else {
            error(
                "'\(text)' is not a valid id for \(what)", at: node.location,
                hint: "ids are snake_case: a lower-case letter, then lower-case letters, digits and '_', at most 64 characters")
            return nil
        }
        return text
    }

    func bool(_ node: YNode, what: String) -> Bool? {
        switch node.scalarText {
        case "true", "True", "yes": return true
        case "false", "False", "no": return false
        default:
            error("expected true or false for \(what), found \(node.kindDescription)", at: node.location)
            return nil
        }
    }

    func unit(_ node: YNode, what: String) -> Unit? {
        guard let text = text(node, what: "the unit of \(what)") else { return nil }
        if let unit = Unit(rawValue: text) { return unit }
        let s = closestMatch(to: text, in: Unit.allCases.map(\.rawValue))
        error(
            "unknown unit '\(text)' for \(what)" + (s.map { "; did you mean '\($0)'?" } ?? ""), at: node.location,
            hint: "units: \(Unit.allCases.map(\.rawValue).joined(separator: ", ")) (Docs/results-format.md)")
        return nil
    }

    func range(_ node: YNode, what: String) -> ClosedRange<Double>? {
        guard let items = node.items, items.count == 2 else {
            error("expected [low, high] for \(what), found \(node.kindDescription)", at: node.location, hint: "e.g. [0, 1]")
            return nil
        }
        guard let low = number(items[0], what: "the low end of \(what)"), let high = number(items[1], what: "the high end of \(what)") else { return nil }
        guard low <= high else {
            error("\(what) is reversed: \(format(low)) > \(format(high))", at: node.location, hint: "write [low, high]")
            return nil
        }
        return low...high
    }
}
