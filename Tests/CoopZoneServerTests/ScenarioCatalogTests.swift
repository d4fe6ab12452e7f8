import CoopZoneCore
import CoopZoneEvaluators
import Foundation
import Testing

@testable import CoopZoneServer

struct ScenarioCatalogTests {
    @Test(arguments: ["fergana-batken-sughd-growth-triangle", "variants~fbs-faster-border", "a.b_c-1"])
    func acceptsIdsOfFilesInTheFolder(_ id: String) {
        #expect(ScenarioCatalog.isWellFormed(id))
    }

    @Test(arguments: ["", "..", ".hidden", "a/b", "a\\b", "~a", "a~", "a~b~c", "a~..", "%2e%2e", "a b", "é", String(repeating: "a", count: 121)])
    func refusesAnythingThatCouldLeaveIt(_ id: String) {
        #expect(!ScenarioCatalog.isWellFormed(id))
    }

    @Test func listsTopLevelAndOneFolderDown() {
        let catalog = ScenarioCatalog(directory: scenariosFolder, registry: [])
        let ids = catalog.list().map(\.id)
        #expect(ids.contains(triangle))
        #expect(ids.contains("variants~fbs-no-tax-holiday"))
        #expect(catalog.item("../Scenarios/\(triangle)") == nil)
    }

    /// An editor saving in place truncates the file and writes it again; a load that reads the
    /// file before a write and finishes after it must not be kept under the written file's
    /// version (the workshop page then showed the half-read file until the next change: the
    /// browser test's edit check failed once on CI this way). Here the file grows by one line
    /// (`language: ru`) while a load of it is under way, halfway through a load's measured time,
    /// in several tries; the next `entry` must see the line whatever the timing. Without the
    /// stamp taken before the load, a try that lands inside the load keeps English.
    @Test(.timeLimit(.minutes(5))) func aFileChangedWhileItIsLoadedIsLoadedAgain() throws {
        let folder = try copyOfScenarios()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let catalog = ScenarioCatalog(directory: folder, registry: BuiltInEvaluators.all)
        let item = try #require(catalog.item(triangle))
        let original = try String(contentsOfFile: item.path, encoding: .utf8)
        #expect(!original.contains("\nlanguage:"))
        let duration = ContinuousClock().measure { _ = catalog.load(item) }
        let loadSeconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        for attempt in 0..<6 {
            // A new size each try, so that the first entry below loads the file.
            try (original + "# try \(attempt)\n").write(toFile: item.path, atomically: false, encoding: .utf8)
            // The load on a thread of its own (not the test runner's pool, which a busy suite fills).
            let loaded = DispatchSemaphore(value: 0)
            Thread.detachNewThread {
                _ = catalog.entry(triangle)
                loaded.signal()
            }
            Thread.sleep(forTimeInterval: loadSeconds * (Double(attempt % 3) + 1) / 4)
            let handle = try #require(FileHandle(forWritingAtPath: item.path))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data("language: ru\n".utf8))
            try handle.close()
            loaded.wait()
            let entry = try #require(catalog.entry(triangle))
            #expect(entry.scenario?.language == .ru, "try \(attempt): the entry read before the line was added is kept")
        }
    }
}
