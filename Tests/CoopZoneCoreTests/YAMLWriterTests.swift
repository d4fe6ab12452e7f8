import Testing

@testable import CoopZoneCore

/// Writing a tree through libyaml's emitter.
struct YAMLWriterTests {
    static let here = SourceLocation(file: "w", line: 1, column: 1)

    static func scalar(_ text: String, quoted: Bool = false) -> YNode { YNode(.scalar(text, quoted: quoted), at: here) }

    static func mapping(_ pairs: [(String, YNode)]) -> YNode {
        YNode(.mapping(pairs.map { YNode.Entry(key: $0.0, keyLocation: here, value: $0.1) }), at: here)
    }

    @Test func writesBlockStyleThatReadsBack() throws {
        let tree = Self.mapping([
            ("title", Self.scalar("Ферга́на — Batken", quoted: true)),
            ("regions", YNode(.sequence([Self.mapping([("id", Self.scalar("fergana")), ("population", Self.scalar("3_900_000"))])]), at: Self.here)),
            ("empty", YNode(.mapping([]), at: Self.here)),
            ("none", YNode(.sequence([]), at: Self.here)),
            ("note", Self.scalar("a: b")),
        ])
        let text = try YAMLWriter.text(of: tree)
        // Worked out from libyaml's emitter: a quoted value in double quotes, UTF-8 as is; a list
        // in a mapping at its key's indentation, a mapping in a list item from the dash's line;
        // empty collections in flow style; "a: b" cannot be plain, so single quotes.
        #expect(
            text == """
                title: "Ферга́на — Batken"
                regions:
                - id: fergana
                  population: 3_900_000
                empty: {}
                none: []
                note: 'a: b'

                """)
        // It reads back as the same tree, except that the text the emitter quoted now is quoted.
        let back = try YAMLTree.parse(text, file: "back.yaml").get()
        var expected = tree
        if case .mapping(var entries) = expected.value {
            entries[4].value = Self.scalar("a: b", quoted: true)
            expected.value = .mapping(entries)
        }
        #expect(ScenarioLoader.contentHash(of: back) == ScenarioLoader.contentHash(of: expected))
        #expect(ScenarioLoader.contentHash(of: back) != ScenarioLoader.contentHash(of: tree))
    }

    @Test func longTextIsNotFolded() throws {
        let long = String(repeating: "word ", count: 60) + "end"
        let text = try YAMLWriter.text(of: Self.mapping([("description", Self.scalar(long, quoted: true))]))
        #expect(text == "description: \"\(long)\"\n")
    }

    @Test func everyShippedScenarioReadsBackAsTheSameTree() throws {
        for name in ["fergana-batken-sughd-growth-triangle.yaml", "khorgos-eastern-gate-free-economic-zone.yaml"] {
            let source = try String(contentsOf: Fixture.scenariosDirectory.appendingPathComponent(name), encoding: .utf8)
            let tree = try YAMLTree.parse(source, file: name).get()
            let written = try YAMLWriter.text(of: tree)
            let back = try YAMLTree.parse(written, file: "back.yaml").get()
            #expect(ScenarioLoader.contentHash(of: back) == ScenarioLoader.contentHash(of: tree), "\(name)")
        }
    }
}
