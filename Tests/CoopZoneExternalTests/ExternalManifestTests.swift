import CoopZoneCore
import CoopZoneReports
import Foundation
import Testing

@testable import CoopZoneExternal

/// A manifest with one parameter and one metric; tests edit one line of it.
let goodManifest = """
    protocol_version: 1
    id: demo
    version: 1.0.0
    summary: A demo
    command: [python3, demo.py]
    parameters:
      speed:
        summary: How fast
        unit: ratio
        default: 1
        allowed: [0, 2]
        citation: assumption
    metrics:
      demo_value:
        unit: usd_million
        summary: A value
        dimensions: [link]

    """

func parseManifest(_ text: String) -> Result<ExternalManifest, DiagnosticsError> {
    ExternalManifest.parse(text, file: "demo/evaluator.yaml", directory: "/tmp/demo")
}

func diagnostics(_ text: String) -> [String] {
    switch parseManifest(text) {
    case .success: return []
    case .failure(let error): return error.diagnostics.map(\.description)
    }
}

struct ExternalManifestTests {
    @Test func theExampleManifestGivesADescriptorLikeABuiltInOne() throws {
        let manifest = try ExternalManifest.load(directory: gravityDirectory).get()
        let d = manifest.descriptor
        #expect(d.id == "gravity_trade" && d.version == "1.0.0")
        #expect(
            d.parameters.map(\.name) == [
                "size_elasticity", "distance_elasticity", "km_per_border_day", "output_growth", "default_distance_km", "gravity_constant",
            ])
        let kappa = try #require(d.parameter("km_per_border_day"))
        #expect(kappa.unit == .kilometres && kappa.defaultValue == 70 && kappa.allowed == 0...1000 && kappa.plausible == 35...140 && !kappa.isAssumption)
        #expect(d.parameter("output_growth")?.isAssumption == true)
        #expect(d.metrics.map(\.id) == ["gravity_trade_baseline", "gravity_trade_scenario", "border_time_effect"])
        #expect(d.metrics.allSatisfy { $0.dimensions == [.link] && $0.unit == .usdMillion && $0.additive })
        #expect(d.headlines.first?.higherIsBetter == true)
        #expect(manifest.command == ["python3", "gravity_trade.py"])
        #expect(manifest.protocolVersion == ExternalProtocol.version)
        #expect(manifest.limits.timeoutSeconds == 60 && manifest.limits.maxOutputBytes == ExternalLimits.defaults.maxOutputBytes)
        // Equations point at headings of the example's README.
        let readme = try String(contentsOfFile: gravityDirectory + "/README.md", encoding: .utf8)
        for m in d.metrics + d.headlines {
            let anchor = try #require(m.equation.split(separator: "#").last)
            #expect(
                readme.split(separator: "\n").contains { $0.hasPrefix("#") && $0.lowercased().replacingOccurrences(of: " ", with: "-").hasSuffix(anchor) },
                "\(m.equation)")
        }
    }

    @Test func aGoodManifestParses() throws {
        let manifest = try parseManifest(goodManifest).get()
        #expect(manifest.descriptor.documentation == "/tmp/demo/evaluator.yaml")
        #expect(manifest.descriptor.parameters.first?.plausible == 1...1)
    }

    @Test func anotherProtocolVersionIsAClearErrorAtItsLine() {
        let found = diagnostics(goodManifest.replacingOccurrences(of: "protocol_version: 1", with: "protocol_version: 2"))
        // "protocol_version: " is 18 characters, so the 2 is in column 19 of line 1.
        #expect(
            found == [
                "demo/evaluator.yaml:1:19: error: the evaluator speaks protocol version 2; this CoopZone speaks version 1\n  hint: update CoopZone, or use a release of the evaluator written for protocol 1"
            ])
    }

    @Test func theVersionFixtureIsRefusedWithItsFileLineAndColumn() {
        guard case .failure(let error) = ExternalManifest.load(directory: fixtures.appendingPathComponent("manifest_version_two").path) else {
            Issue.record("a manifest for protocol 2 must not load")
            return
        }
        // Line 2 of the fixture (after its comment line): "protocol_version: 2".
        #expect(
            error.diagnostics.first?.description.hasSuffix(
                "manifest_version_two/evaluator.yaml:2:19: error: the evaluator speaks protocol version 2; this CoopZone speaks version 1\n  hint: update CoopZone, or use a release of the evaluator written for protocol 1"
            ) == true)
    }

    @Test func everyProblemIsReportedWithDidYouMean() {
        var text = goodManifest.replacingOccurrences(of: "summary: A demo", with: "sumary: A demo")
        text = text.replacingOccurrences(of: "unit: usd_million", with: "unit: usd_milion")
        text = text.replacingOccurrences(of: "dimensions: [link]", with: "dimensions: [lnk]")
        text = text.replacingOccurrences(of: "default: 1", with: "default: 3")
        let found = diagnostics(text)
        #expect(found.contains("demo/evaluator.yaml:4:1: error: unknown key 'sumary' in the manifest; did you mean 'summary'?"))
        #expect(found.contains { $0.hasPrefix("demo/evaluator.yaml:1:1: error: the manifest needs 'summary'") })
        // "    unit: " is 10 characters: the unit starts in column 11 of line 15.
        #expect(
            found.contains { $0.hasPrefix("demo/evaluator.yaml:15:11: error: unknown unit 'usd_milion' for metric 'demo_value'; did you mean 'usd_million'?") })
        // "    dimensions: [" is 17 characters: 'lnk' starts in column 18 of line 17.
        #expect(found.contains { $0.hasPrefix("demo/evaluator.yaml:17:18: error: unknown dimension 'lnk' in metric 'demo_value'; did you mean 'link'?") })
        #expect(found.contains { $0.hasPrefix("demo/evaluator.yaml:10:14: error: the default 3 of parameter 'speed' lies outside its allowed range 0…2") })
    }

    @Test func ids_commands_and_limits_are_checked() {
        #expect(
            diagnostics(goodManifest.replacingOccurrences(of: "id: demo", with: "id: Demo-1")).first?.contains("'Demo-1' is not a valid id for 'id'") == true)
        #expect(
            diagnostics(goodManifest.replacingOccurrences(of: "command: [python3, demo.py]", with: "command: []")).first?.contains("'command' is empty") == true
        )
        #expect(
            diagnostics(goodManifest.replacingOccurrences(of: "command: [python3, demo.py]", with: "command: [./missing.sh]")).first?.contains(
                "the program './missing.sh' does not exist") == true)
        #expect(diagnostics(goodManifest + "timeout_seconds: 0\n").first?.contains("'timeout_seconds' is 0") == true)
        #expect(diagnostics(goodManifest + "max_output_bytes: 10\n").first?.contains("'max_output_bytes' is 10") == true)
        let limits = try? parseManifest(goodManifest + "timeout_seconds: 2.5\nmax_output_bytes: 4096\n").get().limits
        #expect(limits?.timeoutSeconds == 2.5 && limits?.maxOutputBytes == 4096)
    }

    @Test func hostileYAMLIsRefusedByTheScenarioLoaderLimits() {
        let bomb =
            "a: &a [x, x, x, x, x, x, x, x, x]\n"
            + (1...9).map { "b\($0): &b\($0) [" + Array(repeating: $0 == 1 ? "*a" : "*b\($0 - 1)", count: 9).joined(separator: ", ") + "]" }.joined(
                separator: "\n")
        let found = diagnostics(bomb)
        #expect(found.first?.contains("expands to more than") == true, "\(found)")
    }
}

/// An outside evaluator may give its metrics' texts in other languages; reports and the
/// workshop show them in that language.
struct ExternalManifestTranslationTests {
    @Test func aMetricsTranslationsAreKeptAndUsedByTheReports() throws {
        let text = goodManifest.replacingOccurrences(
            of: "    summary: A value\n",
            with: "    summary: A value\n    label: Demo value\n    translations:\n      ru: {label: Демонстрационная величина, summary: Некоторая величина}\n")
        let manifest = try parseManifest(text).get()
        let metric = try #require(manifest.descriptor.metric("demo_value"))
        #expect(metric.presentation.translations?["ru"]?["label"] == "Демонстрационная величина")
        #expect(metric.presentation.translations?["ru"]?["summary"] == "Некоторая величина")
        #expect(Labels(.ru).metric("demo", "demo_value", descriptors: [manifest.descriptor]) == "Демонстрационная величина")
        #expect(Labels(.en).metric("demo", "demo_value", descriptors: [manifest.descriptor]) == "Demo value")
    }

    @Test func aLanguageCoopZoneDoesNotWriteIsAnErrorAtItsLine() {
        let text = goodManifest.replacingOccurrences(
            of: "    summary: A value\n", with: "    summary: A value\n    translations:\n      rus: {label: Величина}\n")
        let found = diagnostics(text)
        #expect(
            found.contains { $0.contains("demo/evaluator.yaml:18:7") && $0.contains("'rus' in 'translations'") && $0.contains("did you mean 'ru'?") },
            "\(found)")
    }
}
