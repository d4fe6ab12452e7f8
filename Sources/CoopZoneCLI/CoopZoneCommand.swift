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
        subcommands: [
            ValidateCommand.self, RunCommand.self, CompareCommand.self, RequestCommand.self, SensitivityCommand.self, EvaluatorsCommand.self,
            SchemaCommand.self, BenchCommand.self, SweepCommand.self,
            NewCommand.self, CheckEvaluatorCommand.self, ServeCommand.self,
        ]
    )

    /// Creates the command (ArgumentParser needs it).
    public init() {}
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
