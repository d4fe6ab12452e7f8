import ArgumentParser
import CoopZoneCore
import CoopZoneEvaluators
import Foundation
import Synchronization

/// The `coopzone` command: validate, run and inspect cross-border cooperation zone scenarios.
public struct CoopZoneCommand: AsyncParsableCommand {
    /// The command's configuration.
    public static let configuration = CommandConfiguration(
        commandName: "coopzone",
        abstract: "Scenario modeller for cross-border cooperation zones.",
        version: coopZoneVersion,
        subcommands: [ValidateCommand.self, RunCommand.self, CompareCommand.self, SensitivityCommand.self, EvaluatorsCommand.self, SchemaCommand.self, BenchCommand.self,
                      NewCommand.self, CheckEvaluatorCommand.self, ServeCommand.self]
    )

    /// Creates the command (ArgumentParser needs it).
    public init() {}
}

/// What a command printed and how it ended: commands are run in-process by the tests.
public struct CommandOutput: Sendable {
    /// Standard output.
    public var stdout = ""
    /// Standard error.
    public var stderr = ""
    /// The exit status: 0 clean, 1 errors in the input, 64 bad arguments.
    public var status: Int32 = 0

    /// Prints and exits with the status when it is not 0.
    func emit(outputFile: String? = nil) throws {
        if !stderr.isEmpty { FileHandle.standardError.write(Data(stderr.utf8)) }
        if let outputFile {
            do { try stdout.write(toFile: outputFile, atomically: true, encoding: .utf8) } catch {
                FileHandle.standardError.write(Data("error: cannot write '\(outputFile)': \(error.localizedDescription)\n".utf8))
                throw ExitCode(1)
            }
        } else if !stdout.isEmpty {
            FileHandle.standardOutput.write(Data(stdout.utf8))
        }
        if status != 0 { throw ExitCode(status) }
    }
}

/// Refuses an `--output` path that cannot be written, before any work is done: a folder that
/// does not exist (or is not a folder, or cannot be written to), or a path that is a folder.
func checkOutputFile(_ path: String?) throws {
    guard let path else { return }
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
        throw ValidationError("--output '\(path)' is a folder: give a file name, such as \(path)/report.html")
    }
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
        throw ValidationError("--output '\(path)': the folder '\(folder)' does not exist; create it first (mkdir -p '\(folder)') or write elsewhere")
    }
    guard FileManager.default.isWritableFile(atPath: folder) else {
        throw ValidationError("--output '\(path)': the folder '\(folder)' cannot be written to; write elsewhere")
    }
}

/// The evaluators this `coopzone` knows: the built-in ones, plus those a package that builds
/// its own `coopzone` adds through `CoopZoneCommand.runMain(additionalEvaluators:)`. External
/// evaluators (programs found with `--evaluators`) come on top, per command (`EvaluatorCatalog`).
public enum Registry {
    private static let added = Mutex<[EvaluatorEntry]>([])

    /// The registry used by the commands: the built-in evaluators, then the added ones.
    public static var evaluators: [EvaluatorEntry] { added.withLock { BuiltInEvaluators.all + $0 } }

    /// Adds evaluators to this process's registry. Plugins add, never replace: an id that is
    /// already registered (or given twice) is an error and nothing is added.
    public static func add(_ entries: [EvaluatorEntry]) throws(RegistryError) {
        try added.withLock { (added: inout [EvaluatorEntry]) throws(RegistryError) in
            added = try merged(BuiltInEvaluators.all + added, adding: entries).dropFirst(BuiltInEvaluators.all.count).map { $0 }
        }
    }

    /// `base` followed by `entries` sorted by id, or the error that names a clashing id.
    public static func merged(_ base: [EvaluatorEntry], adding entries: [EvaluatorEntry]) throws(RegistryError) -> [EvaluatorEntry] {
        var ids = Set(base.map(\.descriptor.id))
        for entry in entries {
            let id = entry.descriptor.id
            guard ids.insert(id).inserted else {
                throw RegistryError(message: base.contains { $0.descriptor.id == id }
                    ? "evaluator '\(id)' is already registered (built-in or added before); an extension adds evaluators, it never replaces one: give it another id"
                    : "evaluator '\(id)' is added twice")
            }
        }
        return base + entries.sorted { $0.descriptor.id < $1.descriptor.id }
    }
}

/// An evaluator that cannot be added to the registry.
public struct RegistryError: Error, Sendable, CustomStringConvertible {
    /// What is wrong.
    public var message: String
    /// The message.
    public var description: String { message }
}

/// Diagnostics printed like a compiler's, or as JSON.
enum DiagnosticFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

extension Diagnostic {
    var json: String {
        var pairs = ["\"severity\":\"\(severity.rawValue)\"", "\"message\":\(quoteJSON(message))"]
        if let location {
            pairs += ["\"file\":\(quoteJSON(location.file))", "\"line\":\(location.line)", "\"column\":\(location.column)"]
        }
        if let hint { pairs.append("\"hint\":\(quoteJSON(hint))") }
        return "{" + pairs.joined(separator: ",") + "}"
    }
}

func quoteJSON(_ text: String) -> String {
    let data = (try? JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes])) ?? Data("[\"\"]".utf8)
    let array = String(decoding: data, as: UTF8.self)
    return String(array.dropFirst().dropLast())
}

extension CoopZoneCommand {
    /// Parses the arguments and runs the chosen subcommand, exiting with its status: the entry
    /// point of the `coopzone` executable, and of any package that builds its own `coopzone`
    /// with evaluators of its own:
    ///
    /// ```swift
    /// import CoopZoneCLI
    /// import CoopZoneCore
    /// await CoopZoneCommand.runMain(additionalEvaluators: [EvaluatorEntry(MyEvaluator.self)])
    /// ```
    ///
    /// `additionalEvaluators` join the built-in ones; an id that clashes with one is an error (exit 1).
    public static func runMain(_ arguments: [String]? = nil, additionalEvaluators: [EvaluatorEntry] = []) async -> Never {
        do {
            try Registry.add(additionalEvaluators)
        } catch {
            FileHandle.standardError.write(Data("error: \(error.message)\n".utf8))
            exit(withError: ExitCode(1))
        }
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            exit()
        } catch {
            exit(withError: error)
        }
    }
}
