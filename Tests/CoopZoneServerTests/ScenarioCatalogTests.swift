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
}
