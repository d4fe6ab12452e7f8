import ArgumentParser
import CoopZoneCore
import Foundation

/// `coopzone new scenario NAME --kind KIND [--output FILE]`: a commented starting scenario,
/// written from the format's tables, that validates as written.
public struct NewScenarioCommand: AsyncParsableCommand {
    /// The command's configuration.
    public static let configuration = CommandConfiguration(
        commandName: "scenario",
        abstract: "Write a commented starting scenario for a zone kind; it validates as written, and its comments say what to fill in.",
        discussion: """
            Writes NAME.yaml (or --output): two border regions in two countries (three for a growth_triangle),
            a link between them and a zone with one stage. Every number is a placeholder flagged as an assumption;
            optional keys are shown commented out. Check it with 'coopzone validate NAME.yaml'. See Docs/scenario-format.md.
            Kinds: \(ZoneKind.allCases.map(\.rawValue).joined(separator: ", ")).
            """
    )

    @Argument(help: "The scenario's name: letters, digits, '-' and '_' (e.g. osh-andijan-fez); the file is NAME.yaml.")
    var name: String

    @Option(help: "The zone kind: \(ZoneKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var kind: String

    @Option(help: "The file to write (default: NAME.yaml in the current directory). It must not exist.")
    var output: String?

    /// Creates the command.
    public init() {}

    /// Writes the file; returns what to print.
    public static func execute(name: String, kind kindText: String, output: String? = nil) -> CommandOutput {
        var out = CommandOutput()
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII, name.count <= 64,
            name.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") })
        else {
            out.stderr =
                "error: '\(name)' is not a valid scenario name\n  hint: a name starts with a letter and uses letters, digits, '-' and '_' only, at most 64 characters (e.g. osh-andijan-fez)\n"
            out.status = 64
            return out
        }
        let kinds = ZoneKind.allCases.map(\.rawValue)
        guard let kind = ZoneKind(rawValue: kindText) else {
            let suggestion = closestMatch(to: kindText, in: kinds)
            out.stderr =
                "error: unknown zone kind '\(kindText)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
                + "\n  hint: kinds: \(kinds.joined(separator: ", "))\n"
            out.status = 64
            return out
        }
        let target = output ?? name + ".yaml"
        if FileManager.default.fileExists(atPath: target) {
            out.stderr = "error: '\(target)' already exists; nothing was written\n  hint: choose another NAME or --output, or move the existing file away\n"
            out.status = 1
            return out
        }
        do {
            try ScenarioTemplate.text(name: name, kind: kind).write(toFile: target, atomically: true, encoding: .utf8)
        } catch {
            out.stderr = "error: cannot write '\(target)': \(error.localizedDescription)\n  hint: check that the folder exists and can be written to\n"
            out.status = 1
            return out
        }
        out.stdout = """
            created scenario '\(name)' (\(kind.rawValue)) in \(target)
            next:
              edit \(target): replace every PLACEHOLDER and TODO, and cite a source for each number
              coopzone validate --strict \(target)
              coopzone run \(target)

            """
        return out
    }

    /// Runs the command.
    public func run() async throws {
        try Self.execute(name: name, kind: kind, output: output).emit()
    }
}
