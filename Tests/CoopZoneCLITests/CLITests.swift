import ArgumentParser
import CoopZoneCore
import CoopZoneReports
import CoopZoneTestSupport
import Foundation
import Testing

@testable import CoopZoneCLI

struct CLITests {
    /// The message the argument parser prints for `arguments` of `run`, or nil when they parse.
    func runMessage(_ arguments: [String]) -> String? {
        do {
            _ = try RunCommand.parse(arguments)
            return nil
        } catch {
            return RunCommand.message(for: error)
        }
    }

    @Test func optionMistakesAreRefusedBeforeAnyWorkWithWhatIsWrong() throws {
        // A negative number is the option's value (and wrong), not a missing value.
        #expect(runMessage([growthTriangle, "--monte-carlo", "-5"])?.contains("between 1 and 10000000, got -5") == true)
        #expect(runMessage([growthTriangle, "--monte-carlo", "10", "--workers", "-1"])?.contains("--workers needs 1 to 256, got -1") == true)
        #expect(runMessage([growthTriangle, "--monte-carlo", "10", "--seed", "-1"])?.contains("The value '-1' is invalid for '--seed <seed>'") == true)
        // An output file in a folder that does not exist, or a folder as the output file.
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("coopzone-no-such-folder-\(UUID().uuidString)/report.html").path
        #expect(runMessage([growthTriangle, "--output", missing])?.contains("does not exist; create it first") == true)
        #expect(runMessage([growthTriangle, "--output", FileManager.default.temporaryDirectory.path])?.contains("is a folder") == true)
        #expect(
            runMessage([growthTriangle, "--monte-carlo", "10", "--output", FileManager.default.temporaryDirectory.appendingPathComponent("x.json").path]) == nil
        )
    }

    @Test func monteCarloRunsWhoseDrawsWouldNotFitInMemoryAreRefusedBeforeRunning() async {
        // The growth triangle lays out 521 series before it runs (5 evaluators' 26 headlines + 33 additive
        // metrics × 15 years = 26 + 495; present values, which have no yearly rows, are dropped after the run);
        // the check counts all 521: 9,000,000 draws × 521 × 8 bytes = 37.5 GB.
        // 2 GiB / (521 × 8) = 2,147,483,648 / 4,168 = 515,231.2 → at most 515,231 draws.
        let out = await RunCommand.execute(file: growthTriangle, format: .json, overrides: [], monteCarlo: 9_000_000)
        #expect(out.status == 64)
        #expect(out.stdout.isEmpty)
        #expect(out.stderr.contains("521 series"))
        #expect(out.stderr.contains("at most 515231 draws fit"))
        // compare keeps every design's draws: two designs of 521 series each → 2 GiB / (1,042 × 8) = 257,615.6 → at most 257,615 draws.
        let both = await CompareCommand.execute(files: [growthTriangle, growthTriangle], format: .json, monteCarlo: 400_000)
        #expect(both.status == 64)
        #expect(both.stderr.contains("1042 series"))
        #expect(both.stderr.contains("at most 257615 draws fit"))
        // Callers that skip argument parsing get the same check of the draw count.
        for draws in [0, -5] {
            #expect(await RunCommand.execute(file: growthTriangle, format: .json, overrides: [], monteCarlo: draws).status == 64)
            #expect(await CompareCommand.execute(files: [growthTriangle, growthTriangle], format: .json, monteCarlo: draws).status == 64)
        }
    }

    @Test func compareReportsABadOverrideOnceNotOncePerDesign() async {
        let out = await CompareCommand.execute(files: [growthTriangle, growthTriangle, growthTriangle], format: .table, overrides: ["no equals sign"])
        #expect(out.status == 1)
        let errors = out.stderr.components(separatedBy: "\n").filter { $0.contains("error:") }
        #expect(errors.count == 1, "\(out.stderr)")
    }

    @Test func validateAcceptsEveryShippedScenarioStrictly() {
        let out = ValidateCommand.execute(files: shippedScenarios(), strict: true)
        #expect(out.status == 0, "\(out.stdout)")
        #expect(!out.stdout.contains("error:"))
    }

    @Test func validateReportsErrorsWithFileLineAndColumnAndExitsOne() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("cz-bad-\(UUID().uuidString).yaml").path
        try
            "format: 1\ntitle: Bad\nhorizon: {first: 2030, last: 2035}\nprice_year: 2023\ndiscount_rate: 0.08\nsectors: [{id: goods}]\ncountries: [{code: AA}]\nregions: [{id: a, country: AA, populaton: 5}]\nzones: []\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let out = ValidateCommand.execute(files: [file])
        #expect(out.status == 1)
        // "regions: [{id: a, country: AA, " is 31 characters, so 'populaton' starts in column 32 of line 8.
        #expect(out.stdout.contains("\(file):8:32: error: unknown key 'populaton' in region 'a'; did you mean 'population'?"))
        let json = ValidateCommand.execute(files: [file], json: true)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["errors"] as? Int == 1)
    }

    @Test func aBrokenInputOutputTableStopsTheRunWithItsCells() async throws {
        // The shipped growth triangle beside a copy of its tables, Uzbekistan's broken two ways: a negative
        // flow (row 3 'textiles', column 3 'textiles') and a column that buys more than it makes (rest → machinery
        // 4,000 for an output of 4,000: column 4 sums to (0 + 16 + 152 + 4,000) / 4,000 = 1.042).
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cz-io-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("io"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let shipped = URL(fileURLWithPath: growthTriangle).deletingLastPathComponent()
        for name in ["kyrgyzstan-2022.csv", "tajikistan-2022.csv"] {
            try FileManager.default.copyItem(at: shipped.appendingPathComponent("io/\(name)"), to: folder.appendingPathComponent("io/\(name)"))
        }
        var table = try String(contentsOf: shipped.appendingPathComponent("io/uzbekistan-2022.csv"), encoding: .utf8)
        table = table.replacingOccurrences(of: "textiles,120.0,955.5,", with: "textiles,120.0,-955.5,")
            .replacingOccurrences(of: "rest,8320.0,1183.0,1392.0,", with: "rest,8320.0,1183.0,4000.0,")
        try table.write(to: folder.appendingPathComponent("io/uzbekistan-2022.csv"), atomically: true, encoding: .utf8)
        let file = folder.appendingPathComponent("triangle.yaml").path
        try FileManager.default.copyItem(atPath: growthTriangle, toPath: file)
        let out = await RunCommand.execute(file: file, format: .json, overrides: [])
        #expect(out.status == 1)
        #expect(!out.stdout.contains("\"headlines\""), "nothing is run")
        #expect(out.stderr.contains("uzbekistan-2022.csv:3:3: error: the flow from 'textiles' to 'textiles' is negative (-955.5)"), "\(out.stderr)")
        #expect(
            out.stderr.contains("uzbekistan-2022.csv:1:4: error: the column of 'machinery' has intermediate inputs of 1.042 per unit of output"),
            "\(out.stderr)")
    }

    @Test func badArgumentsExitWith64() {
        do {
            _ = try CoopZoneCommand.parseAsRoot(["run", "--format", "yaml", growthTriangle])
            Issue.record("an unknown format must not parse")
        } catch {
            #expect(CoopZoneCommand.exitCode(for: error).rawValue == 64)
        }
    }

    @Test func runPrintsEveryFormatAndJSONAndCSVCarryTheSameRows() async throws {
        var outputs: [OutputFormat: String] = [:]
        for format in OutputFormat.allCases {
            let out = await RunCommand.execute(file: growthTriangle, format: format, overrides: [])
            #expect(out.status == 0, "\(out.stderr)")
            outputs[format] = out.stdout
        }
        #expect(outputs[.table]?.contains("HEADLINES") == true)
        #expect(outputs[.markdown]?.contains("## Headlines") == true)
        let object = try #require(try JSONSerialization.jsonObject(with: Data((outputs[.json] ?? "").utf8)) as? [String: Any])
        let rows = try #require(object["rows"] as? [[String: Any]])
        #expect(Set(object.keys) == ["rows", "findings", "headlines", "failures", "manifest"])
        let lines = (outputs[.csv] ?? "").split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(Array(header.prefix(4)) == ["evaluator", "metric", "unit", "year"])
        #expect(header.last == "value")
        #expect(lines.count - 1 == rows.count)
        #expect(rows.count > 100)
        for (line, row) in zip(lines.dropFirst(), rows) {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            for (name, field) in zip(header, fields) {
                if name == "value" {
                    let v = try #require(row["value"] as? Double)
                    #expect(abs((Double(field) ?? .nan) - v) <= 1e-9 * max(1, abs(v)))
                } else {
                    let j = row[name].map { "\($0)" } ?? ""
                    #expect(field == (j == "<null>" ? "" : j), "column \(name)")
                }
            }
        }
    }

    @Test func setChangesTheRunAndAMisspeltPathIsDiagnosed() async {
        let out = await RunCommand.execute(file: growthTriangle, format: .json, overrides: ["zones.fbs.stages.investmnt.incentives.income_tax_holiday_years=5"])
        #expect(out.status == 1)
        #expect(out.stderr.contains("did you mean 'investment'?"))
        let bad = await RunCommand.execute(
            file: growthTriangle, format: .json, overrides: ["zones.fbs.stages.investment.incentives.income_tax_holiday_years=abc"])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("--set:1:"))
        #expect(bad.stderr.contains("expected a number"))
    }

    @Test func evaluatorsListsParametersWithUnitsAndCitations() throws {
        let out = EvaluatorsCommand.execute(json: true)
        let list = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [[String: Any]])
        #expect(list.count == Registry.evaluators.count)
        for entry in list {
            for p in (entry["parameters"] as? [[String: Any]]) ?? [] {
                #expect((p["citation"] as? String)?.isEmpty == false)
                #expect(p["unit"] is String)
            }
        }
    }
}
