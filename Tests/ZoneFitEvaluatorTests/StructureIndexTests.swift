import Testing

@testable import ZoneFitEvaluator

/// The structure indices on two 3-sector regions worked by hand.
struct StructureIndexTests {
    static func close(_ a: Double?, _ b: Double) -> Bool {
        guard let a else { return false }
        return abs(a - b) < 1e-9
    }

    @Test func fingerKreininSimilarityOfTwoThreeSectorRegions() {
        // a = (0.5, 0.3, 0.2), b = (0.4, 0.2, 0.4): min = 0.4 + 0.2 + 0.2 = 0.8.
        #expect(Self.close(StructureIndex.fingerKreinin([0.5, 0.3, 0.2], [0.4, 0.2, 0.4]), 0.8))
        // Identical: 1; nothing in common: 0.
        #expect(Self.close(StructureIndex.fingerKreinin([0.5, 0.3, 0.2], [0.5, 0.3, 0.2]), 1))
        #expect(Self.close(StructureIndex.fingerKreinin([1, 0, 0], [0, 0.5, 0.5]), 0))
    }

    @Test func tradeComplementarityOfTwoThreeSectorRegions() {
        // Exports (30, 20, 50) → shares (0.3, 0.2, 0.5); imports (100, 600, 300) → (0.1, 0.6, 0.3).
        // Σ|m − x| = 0.2 + 0.4 + 0.2 = 0.8; TC = 100 · (1 − 0.8/2) = 60.
        #expect(Self.close(StructureIndex.tradeComplementarity(exports: [30, 20, 50], imports: [100, 600, 300]), 60))
        // The same mix: 100; disjoint mixes: 0; no trade: nil.
        #expect(Self.close(StructureIndex.tradeComplementarity(exports: [1, 2, 3], imports: [2, 4, 6]), 100))
        #expect(Self.close(StructureIndex.tradeComplementarity(exports: [1, 0, 0], imports: [0, 1, 1]), 0))
        #expect(StructureIndex.tradeComplementarity(exports: [0, 0, 0], imports: [1, 1, 1]) == nil)
    }

    @Test func grubelLloydIndexOfTwoWayTrade() {
        // X = (30, 20, 50), M = (10, 60, 30): matched = (40 − 20) + (80 − 40) + (80 − 20) = 120;
        // total = 40 + 80 + 80 = 200; GL = 0.6.
        #expect(Self.close(StructureIndex.grubelLloyd(exports: [30, 20, 50], imports: [10, 60, 30]), 0.6))
        // One-way trade: 0; balanced: 1; none: nil.
        #expect(Self.close(StructureIndex.grubelLloyd(exports: [5, 0], imports: [0, 0]), 0))
        #expect(Self.close(StructureIndex.grubelLloyd(exports: [5, 3], imports: [5, 3]), 1))
        #expect(StructureIndex.grubelLloyd(exports: [0], imports: [0]) == nil)
    }
}
