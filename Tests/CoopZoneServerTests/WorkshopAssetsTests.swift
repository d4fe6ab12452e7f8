import CoopZoneTestSupport
import Foundation
import HummingbirdTesting
import Testing

@testable import CoopZoneServer

/// The page's script, stylesheet and icon are the files in `Sources/CoopZoneServer/Resources`,
/// served from the resource bundle as they are.
struct WorkshopAssetsTests {
    @Test(arguments: [("workshop.js", "text/javascript"), ("workshop.css", "text/css"), ("favicon.svg", "image/svg+xml")])
    func servesTheFileOfTheRepository(_ name: String, _ type: String) async throws {
        let file = packageRoot.appendingPathComponent("Sources/CoopZoneServer/Resources/\(name)")
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(!expected.isEmpty)
        let (workshop, _) = try await makeWorkshop()
        try await buildApplication(workshop).test(.router) { client in
            try await client.execute(uri: "/assets/\(name)", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix(type) == true)
                #expect(response.text == expected)
            }
        }
    }

    @Test func everyAssetIsInTheBundle() throws {
        try WorkshopAssets.check()
        #expect(WorkshopAssets.load("no-such-file.js") == nil)
    }
}
