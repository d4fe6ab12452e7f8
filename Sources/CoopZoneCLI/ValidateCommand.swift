import ArgumentParser
import CoopZoneCore
import Foundation

/// `coopzone validate FILE…`: checks scenario files and prints every diagnostic.
public struct ValidateCommand: AsyncParsableCommand {
    /// The command's configuration.
    public static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check scenario files and print every problem with file:line:col.",
        discussion: "Exit status: 0 when every file is clean, 1 when a file has errors, 64 on bad arguments."
    )

    @Argument(help: "Scenario files (YAML).")
    var files: [String]

    @Option(help: "Diagnostics as text or json.")
    var format: DiagnosticFormat = .text

    @Flag(help: "Also report numbers that carry neither a source nor an assumption flag, as errors.")
    var strict = false

    @OptionGroup var external: ExternalEvaluatorOptions

    /// Creates the command.
    public init() {}

    /// Validates `files` and returns what to print. A scenario may name external evaluators
    /// found through `evaluators` (their manifests are checked; their programs are not started).
    public static func execute(
        files: [String], json: Bool = false, strict: Bool = false,
        evaluators: EvaluatorSearch = EvaluatorSearch()
    ) -> CommandOutput {
        var output = CommandOutput()
        var reports: [JSONValue] = []
        var errorCount = 0, warningCount = 0
        let catalog = EvaluatorCatalog.open(evaluators)
        defer { catalog.shutdown() }
        if !catalog.diagnostics.isEmpty {
            errorCount += catalog.diagnostics.filter { $0.severity == .error }.count
            warningCount += catalog.diagnostics.filter { $0.severity == .warning }.count
            if json {
                reports.append(
                    .object([
                        ("file", .null), ("errors", .int(errorCount)), ("warnings", .int(warningCount)),
                        ("diagnostics", .array(catalog.diagnostics.map(\.jsonValue))),
                    ]))
            } else {
                output.stdout += catalog.report
            }
        }
        for file in files {
            var diagnostics: [Diagnostic]
            var summary = ""
            var note = ""
            let outcome = ScenarioLoader.load(file: file)
            diagnostics = outcome.diagnostics
            if let scenario = outcome.scenario.map(catalog.selecting) {
                switch Engine.plan(scenario, registry: catalog.registry(for: scenario)) {
                case .failure(let error):
                    diagnostics += error.diagnostics
                    note = catalog.noteOnUnknownEvaluators(in: error.diagnostics)
                case .success(let plan):
                    diagnostics += catalog.unselectedWarnings(plan, scenario: scenario)
                }
                var unspecified = 0, sourced = 0, assumed = 0
                for input in scenario.inputs {
                    switch input.provenance {
                    case .source: sourced += 1
                    case .assumption: assumed += 1
                    case .unspecified:
                        unspecified += 1
                        if strict {
                            diagnostics.append(
                                Diagnostic(
                                    .error, "'\(input.path)' has neither a source nor an assumption flag", at: input.location,
                                    hint:
                                        "write {value: …, source: ID, at: \"L…\"} or {value: …, assumption: \"why\"}, or put 'source:' on the enclosing mapping"
                                ))
                        }
                    }
                }
                summary = "\(scenario.inputs.count) numbers: \(sourced) sourced, \(assumed) assumptions, \(unspecified) unspecified"
            }
            diagnostics = diagnostics.sortedByLocation()
            let errors = diagnostics.filter { $0.severity == .error }.count
            let warnings = diagnostics.filter { $0.severity == .warning }.count
            errorCount += errors
            warningCount += warnings
            if json {
                reports.append(
                    .object([
                        ("file", .string(file)), ("errors", .int(errors)), ("warnings", .int(warnings)),
                        ("diagnostics", .array(diagnostics.map(\.jsonValue))),
                    ]))
            } else {
                for diagnostic in diagnostics where diagnostic.severity != .note { output.stdout += diagnostic.description + "\n" }
                output.stdout += note
                output.stdout +=
                    errors == 0
                    ? "\(file): ok (\(summary)\(warnings > 0 ? "; \(warnings) warning(s)" : ""))\n" : "\(file): \(errors) error(s), \(warnings) warning(s)\n"
            }
        }
        if json {
            output.stdout = JSONValue.object([("files", .array(reports)), ("errors", .int(errorCount)), ("warnings", .int(warningCount))]).text + "\n"
        }
        output.status = errorCount > 0 ? 1 : 0
        return output
    }

    /// Runs the command.
    /// Refuses options that only a run uses.
    public func validate() throws {
        guard external.search.traceDirectory == nil else { throw ValidationError("--trace-protocol records a run's exchanges; validate starts no program") }
    }

    public func run() async throws {
        try Self.execute(files: files, json: format == .json, strict: strict, evaluators: external.search).emit()
    }
}
