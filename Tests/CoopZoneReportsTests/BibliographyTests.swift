import CoopZoneCore
import CoopZoneTestSupport
import Foundation
import Testing

@testable import CoopZoneReports

/// The report's bibliography: a copy of entries of Docs/sources.md, printed in full for every
/// publication the parameter tables cite by author and year.
struct BibliographyTests {
    /// Docs/sources.md as plain text: Markdown emphasis dropped and runs of white space made one space.
    static func sourcesText() throws -> String {
        let text = try String(contentsOf: packageRoot.appendingPathComponent(Bibliography.document), encoding: .utf8)
        return text.replacingOccurrences(of: "*", with: "").split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test func everyEntryIsTheSameAsInDocsSources() throws {
        let text = try Self.sourcesText()
        #expect(Set(Bibliography.entries.map(\.id)).count == Bibliography.entries.count, "ids are unique")
        for entry in Bibliography.entries {
            #expect(text.contains("<a id=\"\(entry.id)\"></a>"), "\(entry.id) is an anchor of Docs/sources.md")
            #expect(text.contains(entry.reference), "\(entry.id): the reference is the one in Docs/sources.md")
            #expect(!entry.cues.isEmpty)
        }
    }

    @Test func citedFindsEntriesByTheirCues() {
        // Two publications named, one of them twice, and a text naming none.
        let cited = Bibliography.cited(in: ["Hummels & Schaur (2013): 0.6–2.1 % a day", "Simonovska & Waugh (2014) ≈ 4; Hummels & Schaur", "Assumption"])
        #expect(cited.map(\.id) == ["hummels2013", "simonovska2014"])
        #expect(Bibliography.cited(in: ["Assumption: a typical net margin"]).isEmpty)
    }

    @Test func aReportPrintsTheFullReferencesItsParametersCiteAndNamesTheBibliography() throws {
        let fixture = try Fixture(growthTriangle)
        let manifest = Engine.manifest(fixture.plan, scenario: fixture.scenario, seed: nil, draws: nil)
        let provenance = ReportProvenance(scenario: fixture.scenario, manifest: manifest, descriptors: fixture.descriptors)
        let cited = provenance.citedReferences
        // trade_effects cites Hummels & Schaur for time_cost_per_day; employment the Additionality Guide.
        #expect(cited.contains { $0.id == "hummels2013" } && cited.contains { $0.id == "hca2014" })
        let markdown = provenance.markdown(), html = provenance.html()
        #expect(markdown.contains(Bibliography.document) && html.contains(Bibliography.document))
        for entry in cited {
            #expect(markdown.contains("| \(entry.id) | \(entry.reference) |"), "\(entry.id) in the Markdown report")
            #expect(html.contains(HTMLPage.text(entry.reference)), "\(entry.id) in the HTML report")
        }
        // The scenario's own sources print their full references (no file paths).
        for source in fixture.scenario.sources {
            #expect(markdown.contains(source.title))
            #expect(!(source.url ?? "").contains("shared/"))
        }
    }
}
