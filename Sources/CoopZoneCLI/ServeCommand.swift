import ArgumentParser
import CoopZoneCore
import CoopZoneServer
import Foundation

/// `coopzone serve DIR`: the workshop server (sliders, charts, saved variants, facilitator's view).
public struct ServeCommand: AsyncParsableCommand {
    /// The command's configuration.
    public static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the scenarios in a folder as a workshop web page: levers as sliders, live charts, saved variants.",
        discussion: """
            Listens on 127.0.0.1 (this machine only) unless --host says otherwise. With a host other than
            loopback (e.g. --host 0.0.0.0 for the room's network), saving needs the participants' access
            code and the facilitator's actions need the facilitator's code; both are printed at start.
            Variants are stored in --data (default: $XDG_DATA_HOME/coopzone/workshop.sqlite, else
            ~/.local/share/coopzone/workshop.sqlite) and survive a restart. See Docs/workshop.md.
            """
    )

    @Argument(help: "The folder of scenario files (YAML).")
    var directory: String

    @Option(help: "Address to listen on: 127.0.0.1 (default, this machine only) or e.g. 0.0.0.0 for the room's network.")
    var host = "127.0.0.1"

    @Option(help: "Port (0 picks a free one).")
    var port = 8080

    @Option(help: "SQLite file of saved variants.")
    var data: String?

    @Option(name: .customLong("access-code"), help: "Participants' access code on a non-loopback host (default: six random digits).")
    var accessCode: String?

    @Option(name: .customLong("facilitator-code"), help: "Facilitator's code on a non-loopback host (default: random).")
    var facilitatorCode: String?

    /// Creates the command.
    public init() {}

    /// Checks the arguments.
    public func validate() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("'\(directory)' is not a folder; give the folder of scenario files, e.g. coopzone serve Scenarios")
        }
        guard (0...65535).contains(port) else { throw ValidationError("--port needs 0 to 65535, got \(port)") }
        guard !host.isEmpty, host.count <= 255, !host.contains(where: { $0.isWhitespace || $0 == "/" }) else {
            throw ValidationError("--host needs an address such as 127.0.0.1 or 0.0.0.0")
        }
        for (name, code) in [("--access-code", accessCode), ("--facilitator-code", facilitatorCode)] {
            if let code, !(4...32).contains(code.count) || code.contains(where: { $0.isWhitespace }) {
                throw ValidationError("\(name) needs 4 to 32 characters without spaces")
            }
        }
    }

    /// The workshop configuration these arguments describe.
    func workshopConfiguration() -> WorkshopConfiguration {
        var access: AccessPolicy?
        if !AccessPolicy.isLoopback(host: host) {
            let generated = AccessPolicy.generated()
            access = AccessPolicy(participantCode: accessCode ?? generated.participantCode, facilitatorCode: facilitatorCode ?? generated.facilitatorCode)
        }
        return WorkshopConfiguration(directory: directory, host: host, port: port, dataFile: data, access: access, registry: Registry.evaluators)
    }

    /// Runs the server until it is stopped (Ctrl-C or SIGTERM).
    public func run() async throws {
        let configuration = workshopConfiguration()
        let workshop: Workshop
        do {
            workshop = try await Workshop(configuration: configuration)
        } catch {
            FileHandle.standardError.write(
                Data(
                    "error: cannot open the variant store '\(configuration.dataFile)': \(error)\nhint: check that its folder is writable, or give another file with --data\n"
                        .utf8))
            throw ExitCode(1)
        }
        let scenarios = workshop.list()
        var banner = "CoopZone workshop: \(scenarios.count) scenario(s) in \(workshop.catalog.directory)"
        banner += " (\(scenarios.filter { !$0.ok }.count) with errors)\n"
        banner += "Saved variants: \(configuration.dataFile)\n"
        if let code = configuration.access.participantCode {
            banner += "Participants' access code: \(code)\n"
        }
        if let code = configuration.access.facilitatorCode {
            banner += "Facilitator's code: \(code)\n"
        }
        FileHandle.standardOutput.write(Data(banner.utf8))
        let host = configuration.host
        let app = buildApplication(workshop) { port in
            let shown = host == "0.0.0.0" || host == "::" ? "THIS-MACHINE'S-ADDRESS" : (host.contains(":") ? "[\(host)]" : host)
            FileHandle.standardOutput.write(Data("Listening on http://\(shown):\(port.map(String.init) ?? "?")/ (Ctrl-C to stop)\n".utf8))
        }
        do {
            try await app.runService()
        } catch {
            FileHandle.standardError.write(
                Data("error: the server stopped: \(error)\nhint: is port \(configuration.port) already in use? Try --port 0 or another port\n".utf8))
            throw ExitCode(1)
        }
    }
}
