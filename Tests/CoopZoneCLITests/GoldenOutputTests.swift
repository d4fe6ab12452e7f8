import CoopZoneReports
import CoopZoneTestSupport
import Foundation
import Testing

@testable import CoopZoneCLI

/// Golden outputs: every shipped scenario's run in JSON, CSV, Markdown and HTML, a seeded Monte
/// Carlo run, a comparison and a sensitivity run, byte for byte as committed under `Tests/Golden/`.
/// A refactoring must leave them unchanged; a change that is meant to change an output updates the
/// files in the same commit (`COOPZONE_UPDATE_GOLDEN=1 swift test --filter GoldenOutputTests`) and
/// says why, so the diff of `Tests/Golden/` is the list of intended changes. The checkout's folder
/// is written `<root>/` in them.
///
/// Nothing here is computed by hand: these are regression anchors, not correctness tests. The
/// numbers in them are checked by the evaluators' own tests against hand-worked cases.
struct GoldenOutputTests {
    static let folder = packageRoot.appendingPathComponent("Tests/Golden")
    static let updating = ProcessInfo.processInfo.environment["COOPZONE_UPDATE_GOLDEN"] == "1"

    /// The scenario's file name without `.yaml`, prefixed by `variants-` for a variant.
    static func stem(_ path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let name = url.deletingPathExtension().lastPathComponent
        return url.deletingLastPathComponent().lastPathComponent == "variants" ? "variants-\(name)" : name
    }

    /// Compares `actual` with the golden file `name`, or writes it when updating. On a difference the
    /// actual output is written beside the build (`.build/golden-actual/`) and the first differing
    /// line is quoted.
    func check(_ output: String, _ name: String) throws {
        // Scenario paths are absolute in these runs: the checkout's folder is written as `<root>/`,
        // so the files are the same on every machine.
        let root = packageRoot.standardizedFileURL.path
        let actual = output.replacingOccurrences(of: root + "/", with: "<root>/")
            .replacingOccurrences(of: root.replacingOccurrences(of: "/", with: "\\/") + "\\/", with: "<root>\\/")
        let url = Self.folder.appendingPathComponent(name)
        if Self.updating {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        guard expected != actual else { return }
        let dump = packageRoot.appendingPathComponent(".build/golden-actual")
        try? FileManager.default.createDirectory(at: dump, withIntermediateDirectories: true)
        try? actual.write(to: dump.appendingPathComponent(name), atomically: true, encoding: .utf8)
        let a = expected.components(separatedBy: "\n"), b = actual.components(separatedBy: "\n")
        let line = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
        let want = line < a.count ? a[line] : "<end>", got = line < b.count ? b[line] : "<end>"
        Issue.record(
            "\(name) differs from its golden file at line \(line + 1):\n  golden: \(want.prefix(300))\n  now:    \(got.prefix(300))\n  (the whole output is in .build/golden-actual/\(name); if the change is intended, update with COOPZONE_UPDATE_GOLDEN=1)"
        )
    }

    static let formats: [(OutputFormat, String)] = [(.json, "json"), (.csv, "csv"), (.markdown, "md"), (.html, "html")]

    @Test(arguments: shippedScenarios())
    func everyShippedScenarioRunsAsCommitted(_ path: String) async throws {
        for (format, ext) in Self.formats {
            let out = await RunCommand.execute(file: path, format: format, overrides: [])
            #expect(out.status == 0, "\(out.stderr)")
            try check(out.stdout, "\(Self.stem(path)).\(ext)")
        }
    }

    @Test func aSeededMonteCarloRunIsAsCommitted() async throws {
        for (format, ext) in [(OutputFormat.json, "json"), (.markdown, "md")] {
            let out = await RunCommand.execute(file: growthTriangle, format: format, overrides: [], monteCarlo: 200, seed: 7, workers: 2)
            #expect(out.status == 0, "\(out.stderr)")
            try check(out.stdout, "monte-carlo-\(Self.stem(growthTriangle)).\(ext)")
        }
    }

    @Test func aComparisonIsAsCommitted() async throws {
        let files = shippedScenarios().filter { $0.contains("/variants/fbs-") }.prefix(2) + [growthTriangle]
        for (format, ext) in [(OutputFormat.json, "json"), (.markdown, "md"), (.html, "html")] {
            let out = await CompareCommand.execute(files: Array(files), format: format)
            #expect(out.status == 0, "\(out.stderr)")
            try check(out.stdout, "compare.\(ext)")
        }
    }

    @Test func aSensitivityRunIsAsCommitted() async throws {
        for (format, ext) in [(OutputFormat.json, "json"), (.markdown, "md")] {
            let out = await SensitivityCommand.execute(file: growthTriangle, format: format)
            #expect(out.status == 0, "\(out.stderr)")
            try check(out.stdout, "sensitivity-\(Self.stem(growthTriangle)).\(ext)")
        }
    }

    @Test func aSobolRunIsAsCommitted() async throws {
        // 64·(8 + 2) runs of the growth triangle: the scrambled points, the quantiles and the
        // bootstrap are computed with basic arithmetic only, so these numbers are the same on every machine.
        let out = await SensitivityCommand.execute(file: growthTriangle, format: .json, method: .sobol, samples: 64, seed: 1)
        #expect(out.status == 0, "\(out.stderr)")
        try check(out.stdout, "sobol-\(Self.stem(growthTriangle)).json")
    }
}
