import CoopZoneCore
import CoopZoneEvaluators
import CoopZoneTestSupport
import Foundation
import Testing

@testable import CoopZoneExternal

let builtInIds = BuiltInEvaluators.all.map(\.descriptor.id)

struct EvaluatorDiscoveryTests {
    @Test func aDirectoryOfEvaluatorsAndASearchPathAreBothSearched() {
        let found = EvaluatorDiscovery.discover(
            directories: [packageRoot.appendingPathComponent("Plugins/Examples").path],
            searchPath: "\(fixtures.path)/exit_three::\(fixtures.path)/slow", taken: builtInIds)
        #expect(found.evaluators.map(\.descriptor.id) == ["gravity_trade", "exit_three", "slow"])
        #expect(found.diagnostics.isEmpty, "\(found.diagnostics)")
    }

    @Test func anIdOfABuiltInEvaluatorIsAnErrorNotAReplacement() {
        let found = EvaluatorDiscovery.discover(directories: [fixtures.appendingPathComponent("clashes_with_builtin").path], searchPath: nil, taken: builtInIds)
        #expect(found.evaluators.isEmpty)
        let message = found.diagnostics.first?.description ?? ""
        #expect(
            message.contains(
                "clashes_with_builtin/evaluator.yaml:3:5: error: evaluator id 'trade_effects' is already taken by a built-in evaluator; an external evaluator adds evaluators, it never replaces one"
            ), "\(message)")
    }

    @Test func theSameIdInTwoDirectoriesIsAnError() throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("cz-dup-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("exit_three"), to: copy)
        defer { try? FileManager.default.removeItem(at: copy) }
        let found = EvaluatorDiscovery.discover(
            directories: [fixtures.appendingPathComponent("exit_three").path, copy.path], searchPath: nil, taken: builtInIds)
        #expect(found.evaluators.count == 1)
        #expect(found.diagnostics.first?.message.hasPrefix("evaluator id 'exit_three' is defined twice") == true)
    }

    @Test func theSameDirectoryNamedTwiceIsFoundOnce() {
        let dir = fixtures.appendingPathComponent("exit_three").path
        let found = EvaluatorDiscovery.discover(directories: [dir, dir + "/"], searchPath: dir, taken: builtInIds)
        #expect(found.evaluators.count == 1 && found.diagnostics.isEmpty)
    }

    @Test func aMissingDirectoryIsAnErrorOnTheCommandLineAndAWarningOnTheSearchPath() {
        let found = EvaluatorDiscovery.discover(directories: ["/nonexistent/cz"], searchPath: "/also/missing", taken: builtInIds)
        #expect(found.diagnostics.map(\.severity) == [.error, .warning])
        #expect(found.diagnostics.first?.message == "--evaluators: '/nonexistent/cz' is not a directory")
    }
}
