import Testing

@testable import CoopZoneCore

/// The marker helper itself: if it miscounted, every position test would be wrong together.
struct MarkedTextTests {
    @Test func arrowIsRemovedAndMarksTheNextScalar() {
        let marked = MarkedText("a: 1\nb: ↓x\n")
        #expect(marked.text == "a: 1\nb: x\n")
        #expect(marked.location() == CoopZoneCore.SourceLocation(file: "scenario.yaml", line: 2, column: 4))
    }

    @Test func keycapsNameSeveralMarkers() {
        let marked = MarkedText("1️⃣a: 1\n  2️⃣b: 2 ↓\n", file: "x.yaml")
        #expect(marked.text == "a: 1\n  b: 2 \n")
        #expect(marked.location("1") == CoopZoneCore.SourceLocation(file: "x.yaml", line: 1, column: 1))
        #expect(marked.location("2") == CoopZoneCore.SourceLocation(file: "x.yaml", line: 2, column: 3))
        #expect(marked.location() == CoopZoneCore.SourceLocation(file: "x.yaml", line: 2, column: 8))
    }

    @Test func columnsCountUnicodeScalarsNotBytesOrCharacters() {
        // "é" written as e + U+0301 is one Character but two scalars; "Ф" is two UTF-8 bytes but one scalar.
        let marked = MarkedText("name: Фе\u{0301}↓x")
        #expect(marked.location().column == 10)
    }

    @Test func plainDigitsAreNotMarkers() {
        let marked = MarkedText("year: 2026")
        #expect(marked.text == "year: 2026")
        #expect(marked.markers.isEmpty)
    }
}
