import CoopZoneCore
import CoopZoneEvaluators
import CoopZoneTestSupport
import Foundation
import Testing

/// Sources a reader can follow: what the shipped scenarios, the evaluators' citations and the
/// docs cite is a publication a reader can find (author, title, year, chapter, section, table or
/// page), never a line number of a text file, a path outside the repository or an unpublished
/// note; and every source a scenario lists is an entry of the project bibliography.
struct CitationTests {
    /// What a reader cannot follow, each with what it is. `lineNumbers` also catches the bare
    /// `L1690-1702` form `at:` used to take.
    static func problems(in text: String, lineNumbers: Bool = true) throws -> [String] {
        var found: [String] = []
        let rules: [(String, String)] =
            [
                (#"\[0\d\d:L\d"#, "a bracketed line marker such as [004:L1534-1536]"),
                (#"shared/"#, "a path into the planners' shared folder"),
                (#"METHODS(\.md)?\b"#, "the unpublished methods notes"),
                (#"\bDIGEST\b"#, "the unpublished digest of the sources"),
            ] + (lineNumbers ? [(#"\bL\d{3,5}\b"#, "a line number such as L1690")] : [])
        for (pattern, what) in rules {
            if let match = text.firstMatch(of: try Regex(pattern)) {
                let line = text[..<match.range.lowerBound].filter { $0 == "\n" }.count + 1
                found.append("line \(line): \(what) (\(text[match.range]))")
            }
        }
        return found
    }

    /// The anchors of the project bibliography, `<a id="book"></a>`.
    static func bibliographyIDs() throws -> Set<String> {
        let text = try String(contentsOf: packageRoot.appendingPathComponent("Docs/sources.md"), encoding: .utf8)
        return Set(text.matches(of: try Regex(#"<a id="([^"]+)"></a>"#)).compactMap { $0.output[1].substring.map(String.init) })
    }

    @Test func theCheckFindsEachKindOfMarker() throws {
        // The check must be able to fail: each form the project used to write is caught.
        // A bracketed marker is also a line number; in Swift sources only the bracket counts.
        #expect(try Self.problems(in: "the book's rule [004:L1534-1536]").count == 2)
        #expect(try Self.problems(in: "the book's rule [004:L1534-1536]", lineNumbers: false).count == 1)
        #expect(try Self.problems(in: "url: ../../shared/sources/004_48a59b29f3eaf8d2.txt").count == 1)
        #expect(try Self.problems(in: #"at: "L1690-1702: the package""#).count == 1)
        #expect(try Self.problems(in: "METHODS.md Employment §4").count == 1)
        #expect(try Self.problems(in: "DIGEST §4.1").count == 1)
        #expect(try Self.problems(in: "(book, zones chapter, Table 2); Hummels & Schaur (2013), p. 230").isEmpty)
    }

    @Test(arguments: shippedScenarios() + [packageRoot.appendingPathComponent("Plugins/Examples/gravity-trade/andijan-osh-with-gravity.yaml").path])
    func aShippedScenarioCitesPublicationsOnly(path: String) throws {
        let problems = try Self.problems(in: try String(contentsOfFile: path, encoding: .utf8))
        #expect(problems.isEmpty, "\(path): \(problems)")
    }

    @Test(arguments: shippedScenarios())
    func everySourceOfAShippedScenarioIsInTheBibliographyWithAPublicAddressOrNone(path: String) throws {
        let scenario = try ScenarioLoader.loadOrThrow(file: path)
        let ids = try Self.bibliographyIDs()
        #expect(!scenario.sources.isEmpty)
        for source in scenario.sources {
            #expect(ids.contains(source.id), "\(path): source \(source.id) has no entry <a id=\"\(source.id)\"></a> in Docs/sources.md")
            #expect(try Self.problems(in: source.title).isEmpty, "\(path): \(source.id)'s title")
            if let url = source.url { #expect(url.hasPrefix("https://"), "\(path): \(source.id)'s address \(url) is not a public web address") }
        }
        // What the workshop and reports show: the description, every locator and every assumption text.
        #expect(try Self.problems(in: scenario.description).isEmpty, "\(path): description")
        for input in scenario.inputs {
            switch input.provenance {
            case .source(let id, let locator):
                #expect(ids.contains(id))
                #expect(try Self.problems(in: locator ?? "").isEmpty, "\(path): \(input.path) at \(locator ?? "")")
            case .assumption(let reason):
                #expect(try Self.problems(in: reason).isEmpty, "\(path): \(input.path): \(reason)")
            case .unspecified:
                break
            }
        }
    }

    @Test(arguments: BuiltInEvaluators.all.map(\.descriptor.id))
    func anEvaluatorCitesPublicationsOnly(id: String) throws {
        let d = try #require(BuiltInEvaluators.all.first { $0.descriptor.id == id }?.descriptor)
        for p in d.parameters {
            #expect(try Self.problems(in: p.citation).isEmpty, "\(id).\(p.name): \(p.citation)")
        }
    }

    /// Every Markdown file of Docs/ and the schema; the Swift sources of Sources/ and Plugins/
    /// (their comments and messages), where `L` followed by digits may be an SVG path.
    @Test func theDocsAndTheSourcesCitePublicationsOnly() throws {
        let fm = FileManager.default
        var checked = 0
        for (folder, lineNumbers) in [("Docs", true), ("Sources", false), ("Plugins", false)] {
            let root = packageRoot.appendingPathComponent(folder)
            let files = try #require(fm.enumerator(atPath: root.path)).compactMap { $0 as? String }
                .filter { $0.hasSuffix(".md") || $0.hasSuffix(".json") || $0.hasSuffix(".swift") || $0.hasSuffix(".yaml") }
            for file in files {
                let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
                let problems = try Self.problems(in: text, lineNumbers: lineNumbers && !file.hasSuffix(".swift"))
                #expect(problems.isEmpty, "\(folder)/\(file): \(problems)")
                checked += 1
            }
        }
        #expect(checked > 50, "the walk found the files")
    }
}
