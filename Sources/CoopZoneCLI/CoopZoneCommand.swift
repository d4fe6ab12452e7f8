import ArgumentParser
import CoopZoneCore
import CoopZoneEvaluators
import Foundation

/// The `coopzone` command: validate, run and inspect cross-border cooperation zone scenarios.
public struct CoopZoneCommand: AsyncParsableCommand {
    /// The command's configuration.
    public static let configuration = CommandConfiguration(
        commandName: "coopzone",
        abstract: "Scenario modeller for cross-border cooperation zones.",
        version: coopZoneVersion,
        subcommands: [ValidateCommand.self, RunCommand.self, CompareCommand.self, SensitivityCommand.self, EvaluatorsCommand.self, SchemaCommand.self, BenchCommand.self]
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

/// The evaluators this `coopzone` knows: the built-in ones.
public enum Registry {
    /// The registry used by the commands.
    public static var evaluators: [EvaluatorEntry] { BuiltInEvaluators.all }
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
    /// point of the `coopzone` executable (and of any package that builds its own).
    public static func runMain(_ arguments: [String]? = nil) async -> Never {
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
