import Foundation

/// The indices that make the book's rules for choosing a zone kind measurable: structural
/// similarity, trade complementarity and intra-industry trade. Pure functions over vectors indexed
/// by sector. See Docs/methodology/zone_fit.md.
public enum StructureIndex {
    /// Finger–Kreinin similarity of two sector-share vectors: `Σₛ min(aₛ, bₛ)`, 1 for identical
    /// structures and 0 for structures with no sector in common. Shares are used as given.
    public static func fingerKreinin(_ a: [Double], _ b: [Double]) -> Double {
        var total = 0.0
        for s in 0..<min(a.count, b.count) { total += min(a[s], b[s]) }
        return total
    }

    /// Trade complementarity of an exporter's exports `x` with an importer's imports `m` (values by
    /// sector, normalised here to shares): `100 · (1 − Σₛ |mₛ − xₛ| / 2)`, 100 when the exporter
    /// sells exactly the mix the importer buys. `nil` when either side has no trade.
    public static func tradeComplementarity(exports x: [Double], imports m: [Double]) -> Double? {
        let count = min(x.count, m.count)
        var sx = 0.0, sm = 0.0
        for s in 0..<count {
            sx += x[s]
            sm += m[s]
        }
        guard sx > 0, sm > 0 else { return nil }
        var distance = 0.0
        for s in 0..<count { distance += abs(m[s] / sm - x[s] / sx) }
        return 100 * (1 - distance / 2)
    }

    /// The parts of the aggregate Grubel–Lloyd index of intra-industry trade between exports `X` and
    /// imports `M` by sector: the matched two-way trade `Σₛ (Xₛ + Mₛ − |Xₛ − Mₛ|)` and the total
    /// `Σₛ (Xₛ + Mₛ)`. Sum the parts over links before dividing.
    public static func intraIndustryParts(exports: [Double], imports: [Double]) -> (matched: Double, total: Double) {
        var matched = 0.0, total = 0.0
        for s in 0..<min(exports.count, imports.count) {
            let x = exports[s], m = imports[s]
            matched += x + m - abs(x - m)
            total += x + m
        }
        return (matched, total)
    }

    /// The aggregate Grubel–Lloyd index `Σₛ (Xₛ + Mₛ − |Xₛ − Mₛ|) / Σₛ (Xₛ + Mₛ)`: 1 when every
    /// sector's trade is balanced both ways, 0 when it all goes one way. `nil` without trade.
    public static func grubelLloyd(exports: [Double], imports: [Double]) -> Double? {
        let parts = intraIndustryParts(exports: exports, imports: imports)
        return parts.total > 0 ? parts.matched / parts.total : nil
    }
}
