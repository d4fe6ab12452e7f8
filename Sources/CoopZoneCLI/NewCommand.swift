import ArgumentParser
import CoopZoneCore
import Foundation

/// `coopzone new …`: scaffolds for new work (an evaluator, a scenario).
public struct NewCommand: AsyncParsableCommand {
    /// The command's configuration.
    public static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create the files of a new evaluator or scenario, ready to edit: an evaluator passing its own test, a scenario that validates.",
        subcommands: [NewEvaluatorCommand.self, NewScenarioCommand.self]
    )

    /// Creates the command.
    public init() {}
}
