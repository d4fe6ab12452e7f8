import Foundation

// What several test targets need of the repository: where it is, and its shipped scenarios.
// A library target (not a test target), so that every test target can import it.

/// The package's root folder, found from this file's path (`Tests/Support/TestSupport.swift`).
public let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The shipped scenario folder.
private let scenariosFolder = packageRoot.appendingPathComponent("Scenarios")

/// The shipped growth triangle, the scenario most tests use.
public let growthTriangle = scenariosFolder.appendingPathComponent("fergana-batken-sughd-growth-triangle.yaml").path

/// Paths of the shipped scenarios, sorted: `Scenarios/*.yaml`, and with `variants` also
/// `Scenarios/variants/*.yaml`.
public func shippedScenarios(variants: Bool = true) -> [String] {
    var paths: [String] = []
    for folder in [scenariosFolder] + (variants ? [scenariosFolder.appendingPathComponent("variants")] : []) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        paths += names.filter { $0.hasSuffix(".yaml") }.map { folder.appendingPathComponent($0).path }
    }
    return paths.sorted()
}
