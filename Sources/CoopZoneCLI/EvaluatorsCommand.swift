import ArgumentParser
import CoopZoneCore
import CoopZoneExternal
import Foundation

/// `coopzone evaluators`: every evaluator with its parameters and metrics.
public struct EvaluatorsCommand: AsyncParsableCommand {
    /// The command's configuration.
    public static let configuration = CommandConfiguration(
        commandName: "evaluators",
        abstract: "List the evaluators with their parameters (unit, default, range, citation) and metrics, external ones (--evaluators) included."
    )

    @Option(help: "text or json.")
    var format: DiagnosticFormat = .text

    @OptionGroup var external: ExternalEvaluatorOptions

    /// Creates the command.
    public init() {}

    /// The listing: compiled-in evaluators, then the external ones found through `evaluators`.
    public static func execute(json: Bool, evaluators: EvaluatorSearch = EvaluatorSearch()) -> CommandOutput {
        var output = CommandOutput()
        let catalog = EvaluatorCatalog.open(evaluators)
        defer { catalog.shutdown() }
        output.stderr += catalog.report
        if catalog.hasErrors { output.status = 1 }
        let descriptors = catalog.all.map(\.descriptor)
        let externalById = Dictionary(catalog.external.map { ($0.descriptor.id, $0) }, uniquingKeysWith: { a, _ in a })
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            output.stdout = (try? String(decoding: encoder.encode(descriptors), as: UTF8.self)).map { $0 + "\n" } ?? "[]\n"
            return output
        }
        for d in descriptors {
            output.stdout += "\(d.id) \(d.version) — \(d.summary)\n"
            if let external = externalById[d.id] {
                output.stdout +=
                    "  external: \(external.manifest.directory) (runs: \(external.manifest.command.joined(separator: " ")); protocol \(external.manifest.protocolVersion), time limit \(CoopZoneCore.format(external.limits.timeoutSeconds)) s)\n"
            }
            if !d.dependencies.isEmpty { output.stdout += "  depends on: \(d.dependencies.joined(separator: ", "))\n" }
            output.stdout += "  equations: \(d.documentation)\n  parameters:\n"
            for p in d.parameters {
                output.stdout +=
                    "    \(p.name) = \(CoopZoneCore.format(p.defaultValue)) \(p.unit.rawValue) (allowed \(CoopZoneCore.format(p.allowed.lowerBound))…\(CoopZoneCore.format(p.allowed.upperBound)), plausible \(CoopZoneCore.format(p.plausible.lowerBound))…\(CoopZoneCore.format(p.plausible.upperBound)))\(p.isAssumption ? " [assumption]" : "")\n"
                output.stdout += "      \(p.summary) — \(p.citation)\n"
            }
            output.stdout += "  metrics:\n"
            for m in d.metrics {
                output.stdout += "    \(m.id) [\(m.unit.rawValue)] by \((["year"] + m.dimensions.map(\.rawValue)).joined(separator: ", ")) — \(m.summary)\n"
            }
            output.stdout += "  headlines:\n"
            for m in d.headlines { output.stdout += "    \(m.id) [\(m.unit.rawValue)] — \(m.summary)\n" }
            output.stdout += "\n"
        }
        return output
    }

    /// Runs the command.
    public func run() async throws {
        guard external.search.with.isEmpty else { throw ValidationError("--with selects evaluators for a scenario's run; 'evaluators' lists every one found") }
        guard external.search.traceDirectory == nil else { throw ValidationError("--trace-protocol records a run's exchanges; 'evaluators' starts no program") }
        try Self.execute(json: format == .json, evaluators: external.search).emit()
    }
}

/// `coopzone schema`: the JSON Schema of the scenario format.
public struct SchemaCommand: AsyncParsableCommand {
    /// The command's configuration.
    public static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of the scenario format (for editors: '# yaml-language-server: $schema=…')."
    )

    /// Creates the command.
    public init() {}

    /// Runs the command.
    public func run() async throws { print(ScenarioSchema.json) }
}
