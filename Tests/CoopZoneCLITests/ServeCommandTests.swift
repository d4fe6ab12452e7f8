import ArgumentParser
import CoopZoneTestSupport
import Foundation
import Testing

@testable import CoopZoneCLI

/// `coopzone serve`: arguments and the configuration they give (the server itself is tested in CoopZoneServerTests).
struct ServeCommandTests {
    static let scenarios = packageRoot.appendingPathComponent("Scenarios").path

    @Test func bindsToLoopbackWithoutCodesByDefault() throws {
        let command = try #require(try CoopZoneCommand.parseAsRoot(["serve", Self.scenarios]) as? ServeCommand)
        let configuration = command.workshopConfiguration()
        #expect(configuration.host == "127.0.0.1" && configuration.port == 8080)
        #expect(configuration.access.participantCode == nil && configuration.access.facilitatorCode == nil)
        #expect(configuration.dataFile.hasSuffix("coopzone/workshop.sqlite"))
    }

    @Test func asksForCodesOnASharedNetwork() throws {
        let command = try #require(
            try CoopZoneCommand.parseAsRoot([
                "serve", Self.scenarios, "--host", "0.0.0.0", "--port", "9000", "--data", "/tmp/w.sqlite",
                "--access-code", "2468",
            ]) as? ServeCommand)
        let configuration = command.workshopConfiguration()
        #expect(configuration.access.participantCode == "2468")
        #expect((configuration.access.facilitatorCode?.count ?? 0) >= 10)
        #expect(configuration.dataFile == "/tmp/w.sqlite" && configuration.port == 9000)
    }

    @Test(arguments: [
        ["serve", "/no/such/folder"], ["serve", scenarios, "--port", "70000"], ["serve", scenarios, "--host", "a b"],
        ["serve", scenarios, "--access-code", "12"], ["serve"],
    ])
    func refusesBadArguments(_ arguments: [String]) {
        #expect(throws: (any Error).self) { _ = try CoopZoneCommand.parseAsRoot(arguments) }
    }
}
