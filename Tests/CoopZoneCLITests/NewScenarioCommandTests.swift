import CoopZoneTestSupport
import Foundation
import Testing

@testable import CoopZoneCLI
@testable import CoopZoneCore

/// `coopzone new scenario`: the file it writes validates as written, for every zone kind, and
/// bad names, kinds and existing files are refused with what to do.
struct NewScenarioCommandTests {
    static func temporaryFile(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("cz-new-\(UUID().uuidString)-\(name).yaml").path
    }

    @Test(arguments: ZoneKind.allCases)
    func theWrittenFileValidatesWithoutErrorsOrWarnings(_ kind: ZoneKind) throws {
        let file = Self.temporaryFile(kind.rawValue)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let out = NewScenarioCommand.execute(name: "border-zone", kind: kind.rawValue, output: file)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("created scenario 'border-zone' (\(kind.rawValue)) in \(file)"))
        let validated = ValidateCommand.execute(files: [file])
        #expect(validated.status == 0, "\(validated.stdout)")
        #expect(!validated.stdout.contains("error:") && !validated.stdout.contains("warning:"), "\(validated.stdout)")
        let scenario = try ScenarioLoader.loadOrThrow(file: file)
        // A growth triangle needs regions in three countries, every other kind two.
        #expect(scenario.zones.first?.kind == kind)
        #expect(scenario.zones.first?.regions.count == (kind == .growthTriangle ? 3 : 2))
        // Every number is a placeholder flagged as an assumption, none unspecified.
        #expect(
            scenario.inputs.allSatisfy { if case .assumption(let text) = $0.provenance { text.hasPrefix("PLACEHOLDER") } else { false } },
            "\(scenario.inputs.map { "\($0.path): \($0.provenance)" })")
    }

    @Test func theFileExplainsEveryKeyFromTheFormatsTable() {
        let text = ScenarioTemplate.text(name: "border-zone", kind: .freeTradeZone)
        // A written key carries its doc from the table; an optional one is shown commented out with its example.
        #expect(text.contains("# Discount rate for present values, per year. Required. Unit: fraction, 0–1.\ndiscount_rate: {value: 0.08"))
        #expect(text.contains("# zone_share: {value: 0.35, assumption: \"…\"}   # The share of the link's trade"))
        #expect(text.contains("kind: free_trade_zone"))
    }

    @Test func badNamesKindsAndExistingFilesAreRefusedWithAHint() throws {
        let badName = NewScenarioCommand.execute(name: "../escape", kind: "free_trade_zone", output: Self.temporaryFile("x"))
        #expect(badName.status == 64)
        #expect(badName.stderr.contains("error: '../escape' is not a valid scenario name") && badName.stderr.contains("hint:"))

        let badKind = NewScenarioCommand.execute(name: "zone", kind: "free_trade", output: Self.temporaryFile("y"))
        #expect(badKind.status == 64)
        #expect(badKind.stderr.contains("error: unknown zone kind 'free_trade'; did you mean 'free_trade_zone'?"))
        #expect(badKind.stderr.contains("hint: kinds: free_trade_zone, cross_border_economic_zone, cross_border_free_economic_zone, growth_triangle"))

        let file = Self.temporaryFile("exists")
        try "title: mine\n".write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let existing = NewScenarioCommand.execute(name: "zone", kind: "growth_triangle", output: file)
        #expect(existing.status == 1)
        #expect(existing.stderr.contains("already exists; nothing was written") && existing.stderr.contains("hint:"))
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "title: mine\n")
    }
}
