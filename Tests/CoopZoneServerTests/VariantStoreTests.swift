import Foundation
import Testing

@testable import CoopZoneServer

struct VariantStoreTests {
    @Test func keepsWhatWasSavedAcrossReopening() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/nested/dir/workshop.sqlite"
        do {
            let store = try VariantStore(path: path)
            _ = try await store.save(scenario: "s", name: "A", author: "", values: ["x": 1], headlines: ["e.m": 2, "e.n": nil], scenarioVersion: "v1")
            await #expect(throws: WorkshopError.nameTaken("A")) {
                _ = try await store.save(scenario: "s", name: "A", author: "", values: [:], headlines: [:], scenarioVersion: "v1")
            }
            _ = try await store.save(scenario: "t", name: "A", author: "Bo", values: [:], headlines: [:], scenarioVersion: "v1")
            try await store.setLock(scenario: "s", lever: "x", value: 2)
        }
        let reopened = try VariantStore(path: path)
        let saved = try await reopened.variants(of: "s")
        #expect(saved.count == 1)
        #expect(saved.first?.values == ["x": 1])
        #expect(saved.first?.headlines == ["e.m": 2, "e.n": nil])
        #expect(try await reopened.counts() == ["s": 1, "t": 1])
        #expect(try await reopened.locks() == ["s": ["x": 2]])
        #expect(try await reopened.reset(scenario: "s") == 1)
        let locks = try await reopened.locks()
        #expect(locks["s"] == nil)
    }

    @Test func defaultsToTheUsersDataDirectory() {
        #expect(VariantStore.defaultPath(environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/a"]) == "/data/coopzone/workshop.sqlite")
        #expect(VariantStore.defaultPath(environment: ["HOME": "/home/a"]) == "/home/a/.local/share/coopzone/workshop.sqlite")
        #expect(VariantStore.defaultPath(environment: ["XDG_DATA_HOME": "relative", "HOME": "/home/a"]) == "/home/a/.local/share/coopzone/workshop.sqlite")
    }
}
