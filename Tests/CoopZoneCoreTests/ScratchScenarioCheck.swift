import Foundation
import Testing
@testable import CoopZoneCore

// TEMPORARY: scenario load check (delete when done).
struct ScratchScenarioCheck {
    @Test func loadAll() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let dir = root.appendingPathComponent("Scenarios")
        var files = (try FileManager.default.contentsOfDirectory(atPath: dir.path)).filter { $0.hasSuffix(".yaml") }.map { dir.appendingPathComponent($0).path }
        let vdir = dir.appendingPathComponent("variants")
        if let v = try? FileManager.default.contentsOfDirectory(atPath: vdir.path) { files += v.filter { $0.hasSuffix(".yaml") }.map { vdir.appendingPathComponent($0).path } }
        var out = ""
        for file in files.sorted() {
            let outcome = ScenarioLoader.load(file: file)
            out += "== \(URL(fileURLWithPath: file).lastPathComponent): \(outcome.scenario == nil ? "FAILED" : "OK") (\(outcome.diagnostics.count) diagnostics)\n"
            for d in outcome.diagnostics { out += "   \(d)\n" }
            if let s = outcome.scenario {
                let unspecified = s.inputs.filter { if case .unspecified = $0.provenance { return true } else { return false } }
                out += "   inputs: \(s.inputs.count), unspecified: \(unspecified.count)\n"
                for u in unspecified { out += "     UNSPECIFIED \(u.path) @\(u.location)\n" }
                for zone in s.zones {
                    let t = s.timeline(of: zone)
                    out += "   zone \(zone.id): " + t.stages.map { "\($0.stage.id) \($0.first)-\($0.last)" }.joined(separator: ", ") + (t.neverStarted.isEmpty ? "" : " never: \(t.neverStarted)") + "\n"
                }
                out += "   levers: " + s.levers.map { "\($0.id)" }.joined(separator: ", ") + "\n"
            }
        }
        try out.write(toFile: "/tmp/scratch_scenarios.txt", atomically: true, encoding: .utf8)
        print(out)
    }
}
