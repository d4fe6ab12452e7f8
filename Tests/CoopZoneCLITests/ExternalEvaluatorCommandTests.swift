import ArgumentParser
import CoopZoneCore
import CoopZoneTestSupport
import Foundation
import Testing

@testable import CoopZoneCLI

let gravityExample = packageRoot.appendingPathComponent("Plugins/Examples/gravity-trade").path
let gravityExampleScenario = packageRoot.appendingPathComponent("Plugins/Examples/gravity-trade/andijan-osh-with-gravity.yaml").path
let externalFixtures = packageRoot.appendingPathComponent("Tests/CoopZoneExternalTests/Fixtures").path

/// Runs `arguments` with the working directory `directory`; the exit status and standard output and error.
func runProgram(_ arguments: [String], in directory: String) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    var environment = ProcessInfo.processInfo.environment
    environment["PYTHONDONTWRITEBYTECODE"] = "1"
    process.environment = environment
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

struct ExternalEvaluatorCommandTests {
    @Test func runShowsThePythonExamplesRowsBesideTheBuiltInOnes() async throws {
        let out = await RunCommand.execute(
            file: gravityExampleScenario, format: .json, overrides: [],
            evaluators: EvaluatorSearch(directories: [gravityExample]))
        #expect(out.status == 0, "\(out.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        let rows = try #require(object["rows"] as? [[String: Any]])
        let evaluators = Set(rows.compactMap { $0["evaluator"] as? String })
        #expect(evaluators.isSuperset(of: ["gravity_trade", "staged_incentives", "trade_effects", "employment", "cost_benefit"]))
        let gravityRow = try #require(rows.first { $0["evaluator"] as? String == "gravity_trade" })
        #expect(gravityRow["unit"] as? String == "usd_million" && gravityRow["link"] as? String == "andijan_osh")
    }

    @Test func aFailingProgramIsReportedAndTheOtherResultsArePrinted() async {
        let out = await RunCommand.execute(
            file: growthTriangle, format: .table, overrides: ["evaluators.exit_three={}"],
            evaluators: EvaluatorSearch(directories: [externalFixtures + "/exit_three"]))
        #expect(out.status == 1)
        #expect(out.stderr.contains("error: evaluator 'exit_three' failed: the program exited with status 3 before answering"))
        #expect(out.stderr.contains("| Traceback: something broke"))
        #expect(out.stdout.contains("trade_effects") && out.stdout.contains("staged_incentives"))
    }

    @Test func theTimeLimitCanBeSetOnTheCommandLine() async throws {
        let options = try RunCommand.parse([
            growthTriangle, "--evaluators", externalFixtures + "/slow", "--evaluator-timeout", "1", "--set", "evaluators.slow={}",
        ])
        let out = await RunCommand.execute(file: growthTriangle, format: .table, overrides: ["evaluators.slow={}"], evaluators: options.external.search)
        #expect(out.stderr.contains("error: evaluator 'slow' failed: the program did not answer within 1 s"))
        #expect(throws: (any Error).self) { try RunCommand.parse([growthTriangle, "--evaluator-timeout", "0"]) }
    }

    @Test func monteCarloWithAnExternalEvaluator() async {
        let out = await RunCommand.execute(
            file: gravityExampleScenario, format: .csv, overrides: [], monteCarlo: 200, seed: 3,
            evaluators: EvaluatorSearch(directories: [gravityExample]))
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("gravity_trade,border_time_effect_total"))
        #expect(!out.stderr.contains("gravity_trade"), "no draw failed: \(out.stderr)")
    }

    @Test func compareAndSensitivityRunExternalEvaluatorsToo() async {
        let options = EvaluatorSearch(directories: [gravityExample])
        let compared = await CompareCommand.execute(
            files: [gravityExampleScenario, gravityExampleScenario], format: .markdown,
            overrides: [], evaluators: options)
        #expect(compared.status == 0, "\(compared.stderr)")
        #expect(compared.stdout.contains("border_time_effect_total"))
        let swings = await SensitivityCommand.execute(file: gravityExampleScenario, format: .csv, evaluators: options)
        #expect(swings.status == 0, "\(swings.stderr)")
        #expect(swings.stdout.contains("gravity_trade"))
    }

    @Test func aScenarioNamingAnUndiscoveredEvaluatorSaysHowToFindIt() async {
        let out = await RunCommand.execute(file: gravityExampleScenario, format: .table, overrides: [])
        #expect(out.status == 1)
        #expect(out.stderr.contains("error: unknown evaluator 'gravity_trade'"))
        #expect(out.stderr.contains("note: external evaluators are found with --evaluators DIR or COOPZONE_EVALUATORS_PATH=DIR:DIR (none was given)"))
    }

    @Test func validateChecksManifestsAndRefusesAnotherProtocolVersion() {
        let ok = ValidateCommand.execute(files: [gravityExampleScenario], evaluators: EvaluatorSearch(directories: [gravityExample]))
        #expect(ok.status == 0, "\(ok.stdout)")
        let bad = ValidateCommand.execute(files: [growthTriangle], evaluators: EvaluatorSearch(directories: [externalFixtures + "/manifest_version_two"]))
        #expect(bad.status == 1)
        #expect(bad.stdout.contains("manifest_version_two/evaluator.yaml:2:19: error: the evaluator speaks protocol version 2; this CoopZone speaks version 1"))
    }

    @Test func anExternalIdThatIsABuiltInOneIsAnError() async {
        let out = await RunCommand.execute(
            file: growthTriangle, format: .table, overrides: [],
            evaluators: EvaluatorSearch(directories: [externalFixtures + "/clashes_with_builtin"]))
        #expect(out.status == 1)
        #expect(out.stderr.contains("evaluator id 'trade_effects' is already taken by a built-in evaluator"))
        #expect(out.stdout.isEmpty)
    }

    @Test func evaluatorsListsExternalOnesFromTheOptionAndTheSearchPath() throws {
        let out = EvaluatorsCommand.execute(json: false, evaluators: EvaluatorSearch(directories: [gravityExample]))
        #expect(out.stdout.contains("gravity_trade 1.0.0 — "))
        #expect(
            out.stdout.contains(
                "  external: \(URL(fileURLWithPath: gravityExample).standardizedFileURL.path) (runs: python3 gravity_trade.py; protocol 1, time limit 60 s)"))
        let json = EvaluatorsCommand.execute(json: true, evaluators: EvaluatorSearch(directories: [gravityExample]))
        let list = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(list.last?["id"] as? String == "gravity_trade")
        let catalog = EvaluatorCatalog.open(
            EvaluatorSearch(), environment: [EvaluatorDiscoveryName.variable: packageRoot.appendingPathComponent("Plugins/Examples").path])
        #expect(catalog.external.map(\.descriptor.id) == ["gravity_trade"])
        #expect(catalog.all.count == catalog.compiled.count + 1)
    }

    @Test func evaluatorsOptionIsRepeatableOnEveryCommand() throws {
        let repeated = ["--evaluators", "a", "--evaluators", "b"]
        #expect(try RunCommand.parse([growthTriangle] + repeated).external.directories == ["a", "b"])
        #expect(try ValidateCommand.parse([growthTriangle] + repeated).external.directories == ["a", "b"])
        #expect(try CompareCommand.parse([growthTriangle, growthTriangle] + repeated).external.directories == ["a", "b"])
        #expect(try SensitivityCommand.parse([growthTriangle] + repeated).external.directories == ["a", "b"])
        #expect(try EvaluatorsCommand.parse(repeated).external.directories == ["a", "b"])
        #expect(try BenchCommand.parse(repeated).external.directories == ["a", "b"])
    }

    @Test func checkEvaluatorPassesTheExampleAndFailsAFaultyOne() async {
        let good = await CheckEvaluatorCommand.execute(
            directory: gravityExample, scenarioDirectory: packageRoot.appendingPathComponent("Scenarios").path, draws: 20)
        #expect(good.status == 0, "\(good.stdout)")
        #expect(good.stdout.contains("ok    a request in protocol version 2 is refused"))
        // Its first parameter with a plausible range, size_elasticity (plausible [0.75, 1.0] in
        // its manifest), made uniform: each of the 20 draws is a request of its own, and the
        // border-time effect scales with it.
        #expect(
            good.stdout.contains("Monte Carlo with 'size_elasticity' uniform over 0.75–1, 20 draws in 21 request(s); it moves border_time_effect_total"),
            "\(good.stdout)")
        #expect(good.stdout.hasSuffix(" passed, 0 failed\n"))
        let bad = await CheckEvaluatorCommand.execute(directory: externalFixtures + "/unknown_unit", scenarios: [growthTriangle])
        #expect(bad.status == 1)
        #expect(bad.stdout.contains("FAIL  fergana-batken-sughd-growth-triangle.yaml: single run"))
        #expect(bad.stdout.contains("unknown unit 'usd_millon'"))
        let versionTwo = await CheckEvaluatorCommand.execute(directory: externalFixtures + "/answers_version_two", scenarios: [growthTriangle])
        #expect(versionTwo.status == 1)
        #expect(versionTwo.stdout.contains("protocol version mismatch"))
    }

    @Test func thePythonScaffoldPassesItsOwnTestAndTheHarness() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cz-new-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let created = NewEvaluatorCommand.execute(name: "border_queue", language: .python, output: directory)
        #expect(created.status == 0, "\(created.stderr)")
        let unittest = try runProgram(["python3", "-m", "unittest"], in: directory)
        #expect(unittest.status == 0, "\(unittest.output)")
        #expect(unittest.output.contains("OK"))
        let checked = await CheckEvaluatorCommand.execute(
            directory: directory, scenarioDirectory: packageRoot.appendingPathComponent("Scenarios").path, draws: 10)
        #expect(checked.status == 0, "\(checked.stdout)")
        let again = NewEvaluatorCommand.execute(name: "border_queue", language: .python, output: directory)
        #expect(again.status == 1 && again.stderr.contains("already exists and is not an empty directory; nothing was written"))
    }

    @Test func theSwiftScaffoldIsAnExtensionPackageOnThisCoopZone() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cz-new-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let created = NewEvaluatorCommand.execute(name: "border_queue", language: .swift, output: directory, coopzone: packageRoot.path)
        #expect(created.status == 0, "\(created.stderr)")
        let manifest = try String(contentsOfFile: directory + "/Package.swift", encoding: .utf8)
        // The scaffold names CoopZone by a path, relative when the two folders are near each other:
        // either way it must lead to this package.
        let prefix = ".package(name: \"CoopZone\", path: \""
        let start = try #require(manifest.range(of: prefix)).upperBound
        let end = try #require(manifest[start...].firstIndex(of: "\""))
        let written = String(manifest[start..<end])
        let resolved = written.hasPrefix("/") ? URL(fileURLWithPath: written) : URL(fileURLWithPath: directory).appendingPathComponent(written)
        #expect(resolved.standardizedFileURL.resolvingSymlinksInPath().path == packageRoot.standardizedFileURL.resolvingSymlinksInPath().path)
        let main = try String(contentsOfFile: directory + "/Sources/coopzone-border-queue/main.swift", encoding: .utf8)
        #expect(main.contains("await CoopZoneCommand.runMain(additionalEvaluators: [EvaluatorEntry(BorderQueueEvaluator.self)])"))
        #expect(FileManager.default.fileExists(atPath: directory + "/Tests/BorderQueueEvaluatorTests/BorderQueueEvaluatorTests.swift"))
        // (scripts/test-extensions.sh builds it and runs its test.)
    }

    @Test func newRefusesBadNamesAndBuiltInIds() {
        #expect(NewEvaluatorCommand.execute(name: "Bad-Name", language: .python).status == 64)
        #expect(NewEvaluatorCommand.execute(name: "trade_effects", language: .python).stderr.contains("is the id of a built-in evaluator"))
        #expect(NewEvaluatorCommand.relativePath(from: "/a/b/c", to: "/a/x") == "../../x")
    }

    @Test func theRegistryAddsButNeverReplaces() throws {
        let builtIns = Registry.evaluators
        let clash = builtIns[0]
        #expect(throws: RegistryError.self) { try Registry.merged(builtIns, adding: [clash]) }
        do { _ = try Registry.merged(builtIns, adding: [clash]) } catch {
            #expect(error.message.hasPrefix("evaluator '\(clash.descriptor.id)' is already registered"))
        }
        var renamed = clash
        renamed.descriptor.id = "zz_added"
        let merged = try Registry.merged(builtIns, adding: [renamed])
        #expect(merged.map(\.descriptor.id) == builtIns.map(\.descriptor.id) + ["zz_added"])
        #expect(throws: RegistryError.self) { try Registry.merged(builtIns, adding: [renamed, renamed]) }
    }
}

/// The environment variable's name, as the CLI reads it.
enum EvaluatorDiscoveryName {
    static let variable = "COOPZONE_EVALUATORS_PATH"
}
