import ArgumentParser
import CoopZoneCore
import Foundation

/// `coopzone new …`: scaffolds for new work.
public struct NewCommand: AsyncParsableCommand {
    /// The command's configuration.
    public static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create the files of a new evaluator, ready to edit and passing its own test.",
        subcommands: [NewEvaluatorCommand.self]
    )

    /// Creates the command.
    public init() {}
}
