import Foundation
import Testing

@testable import CoopZoneCore

/// The tree read from libyaml's events: scalars exactly as the decoder has always been given
/// them, aliases, and which problem is reported when a file has several.
struct YAMLEventReaderTests {
    func tree(_ text: String, limits: LoadLimits = LoadLimits()) throws -> YNode {
        try YAMLTree.parse(text, file: "t.yaml", limits: limits).get()
    }

    func diagnostics(_ text: String, limits: LoadLimits = LoadLimits()) -> [Diagnostic] {
        if case .failure(let error) = YAMLTree.parse(text, file: "t.yaml", limits: limits) { return error.diagnostics }
        return []
    }

    /// A value as written after `v: `, the text and quoting the tree gives the decoder, and how
    /// the decoder reads it as a number (nil: not a number). The tree never resolves a scalar
    /// itself: Yams' resolved types were never used, only its text and its style (quoted for
    /// '…', "…", | and >), so `0x1F` stays text and `!!str 5` stays a plain 5, as before.
    struct ScalarCase: Sendable, CustomTestStringConvertible {
        var written: String
        var text: String
        var quoted: Bool
        var number: Double?
        var testDescription: String { written.debugDescription }
    }

    static let scalars: [ScalarCase] = [
        ScalarCase(written: "yes", text: "yes", quoted: false, number: nil),  // a boolean to DecodeContext.bool, not YAML 1.1's resolver
        ScalarCase(written: "~", text: "~", quoted: false, number: nil),  // null (isNull)
        ScalarCase(written: "", text: "", quoted: false, number: nil),  // null: the empty plain scalar
        ScalarCase(written: "0x1F", text: "0x1F", quoted: false, number: nil),  // 'x' is not a digit: not 31
        ScalarCase(written: "1_000", text: "1_000", quoted: false, number: 1_000),  // underscores dropped: 1000
        ScalarCase(written: "1e3", text: "1e3", quoted: false, number: 1_000),  // 1 × 10³
        ScalarCase(written: ".inf", text: ".inf", quoted: false, number: nil),  // refused as not finite by Fields.number
        ScalarCase(written: "-0.5", text: "-0.5", quoted: false, number: -0.5),
        ScalarCase(written: "'5'", text: "5", quoted: true, number: 5),  // parseNumber reads it; Fields.number refuses it as quoted
        ScalarCase(written: "!!str 5", text: "5", quoted: false, number: 5),  // the tag is ignored, as the Yams conversion did
        ScalarCase(written: "\"a\\tb\"", text: "a\tb", quoted: true, number: nil),  // escapes resolved by libyaml
        ScalarCase(written: "|\n  a\n  b\n", text: "a\nb\n", quoted: true, number: nil),  // literal: lines kept, one final break
        ScalarCase(written: ">\n  a\n  b\n", text: "a b\n", quoted: true, number: nil),  // folded: the break becomes a space
        ScalarCase(written: "2026-01-01", text: "2026-01-01", quoted: false, number: nil),  // a date stays text
    ]

    @Test(arguments: scalars)
    func scalarsReachTheDecoderAsWritten(_ input: ScalarCase) throws {
        let node = try #require(try tree("v: \(input.written)\n")["v"])
        guard case .scalar(let text, let quoted) = node.value else {
            Issue.record("not a scalar: \(node.value)")
            return
        }
        #expect(text == input.text)
        #expect(quoted == input.quoted)
        #expect(Fields.parseNumber(text) == input.number)
    }

    @Test func nullsAreTheUnquotedNullWords() throws {
        let node = try tree("a: ~\nb:\nc: null\nd: NULL\ne: '~'\nf: Nil\n")
        #expect(["a", "b", "c", "d"].allSatisfy { node[$0]?.isNull == true })
        #expect(node["e"]?.isNull == false)  // quoted: the text "~"
        #expect(node["f"]?.isNull == false)
    }

    @Test func anAliasIsACopyOfItsAnchoredNodeWithItsPositions() throws {
        // "a: &x {v: 1}": the anchor starts the node at column 4, 'v' is at 8 and its value '1' at 11.
        let root = try tree("a: &x {v: 1}\nb: *x\n")
        let b = try #require(root["b"])
        #expect(b.location == SourceLocation(file: "t.yaml", line: 1, column: 4))
        #expect(b["v"]?.location == SourceLocation(file: "t.yaml", line: 1, column: 11))
        #expect(b["v"]?.scalarText == "1")
        #expect(root.entries?.map(\.key) == ["a", "b"])
    }

    @Test func nestingThroughAnAliasCountsItsExpansion() {
        // Depth limit 3. 'b' holds two lists (depths 1, 2) and then *x at depth 3; x's outer list
        // is there at depth 3 (allowed), its inner list (written at line 1, column 8) at 4.
        var limits = LoadLimits()
        limits.maxDepth = 3
        let found = diagnostics("a: &x [[1]]\nb: [[*x]]\n", limits: limits)
        #expect(found.count == 1)
        #expect(found.first?.message == "nesting is too deep (more than 3 levels)")
        #expect(found.first?.location == SourceLocation(file: "t.yaml", line: 1, column: 8))
    }

    @Test func theBudgetCountsValuesNotKeys() {
        // Budget 3: the root mapping (1), '1' (2), '&x 2' (3); *x costs one more, the node it
        // names, which is reported where it was written (line 2, column 4, the anchor).
        var limits = LoadLimits()
        limits.maxNodes = 3
        let found = diagnostics("a: 1\nb: &x 2\nc: *x\n", limits: limits)
        #expect(found.count == 1)
        #expect(found.first?.message.hasPrefix("the document expands to more than 3 values") == true)
        #expect(found.first?.location == SourceLocation(file: "t.yaml", line: 2, column: 4))
        limits.maxNodes = 4
        #expect(diagnostics("a: 1\nb: &x 2\nc: *x\n", limits: limits).isEmpty)
    }

    @Test func anAnchorPastTheBudgetIsStillDefined() {
        // Budget 2 runs out at '&x 2'; the alias after it names a defined anchor, so the budget
        // is the one problem, not an undefined alias.
        var limits = LoadLimits()
        limits.maxNodes = 2
        let found = diagnostics("a: 1\nb: &x 2\nc: *x\n", limits: limits)
        #expect(found.map(\.message) == ["the document expands to more than 2 values (aliases nested inside aliases?)"])
    }

    @Test func duplicatesComeBeforeAnUndefinedAlias() {
        let found = diagnostics("a: *nowhere\nb: 1\nb: 2\n")
        #expect(found.map(\.message) == ["duplicate key 'b' (first at line 2)"])
        #expect(found.first?.location == SourceLocation(file: "t.yaml", line: 3, column: 1))
    }

    @Test func anUndefinedAliasComesBeforeAMergeKeyFoundEarlier() {
        // "y: *nowhere": the alias is at column 4 of line 2.
        let found = diagnostics("x: {<<: 1}\ny: *nowhere\n")
        #expect(found.map(\.message) == ["YAML syntax error: found undefined alias"])
        #expect(found.first?.location == SourceLocation(file: "t.yaml", line: 2, column: 4))
    }

    @Test func anAliasToAnAnchorStillOpenIsUndefined() {
        // The anchor is defined when its list closes, so the list cannot contain itself.
        let found = diagnostics("a: &x [1, *x]\n")
        #expect(found.map(\.message) == ["YAML syntax error: found undefined alias"])
    }

    @Test func aDuplicateBeforeASyntaxErrorIsListedWithIt() {
        // Line 3 opens a list that never closes: libyaml stops at the end of the stream.
        let found = diagnostics("a: 1\na: 2\nb: [1\n")
        #expect(found.count == 2)
        #expect(found.first?.message == "duplicate key 'a' (first at line 1)")
        #expect(found.last?.message.hasPrefix("YAML syntax error: ") == true)
    }

    @Test func anEmptyQuotedOrBlockRootIsAValueNotAnEmptyFile() {
        for text in ["''\n", "|\n"] {
            #expect(diagnostics(text).isEmpty, "\(text.debugDescription)")
        }
    }
}
