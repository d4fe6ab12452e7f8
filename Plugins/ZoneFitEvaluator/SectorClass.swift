import Foundation
import CoopZoneCore

/// Whether a sector is a processing (manufacturing) industry, for the book's "joint processing
/// industries". The scenario format has no sector classification, so it is read from the sector's
/// id and name; the evaluator lists its reading in an `info` finding.
/// See Docs/methodology/zone_fit.md#processing-sectors.
public enum SectorClass: String, Sendable, Equatable {
    /// Agriculture, fishing, forestry, mining and extraction (perishable sectors are always primary).
    case primary
    /// Manufacturing and processing.
    case processing
    /// Anything else: services, construction, energy, trade.
    case other

    /// Words that mark extraction, checked before the processing words ("extractive industry").
    static let primaryWords = ["mining", "extract", "quarr", "crude", "agricultur", "farm", "livestock", "fish", "forestry"]
    /// Words that mark a processing industry.
    static let processingWords = [
        "manufactur", "process", "food", "textile", "garment", "cloth", "apparel", "knit", "leather", "footwear", "shoe",
        "wood", "furniture", "paper", "pulp", "chemical", "pharma", "plastic", "rubber", "metal", "steel", "alumin",
        "machine", "engineering", "equipment", "electrical", "electronic", "vehicle", "automotive", "assembl", "industr",
        "material", "cement", "glass", "ceramic", "brick", "carpet", "silk",
    ]

    /// The class of `sector`: primary when perishable; else processing when its id or name names a
    /// processing industry (e.g. "Electrical and agricultural machinery"); else primary when it names
    /// extraction or farming; else other.
    public static func of(_ sector: Sector) -> SectorClass {
        of(id: sector.id, name: sector.name, perishable: sector.perishable)
    }

    /// The class of a sector given by its id, name and perishable flag (see `of(_:)`).
    public static func of(id: String, name: String, perishable: Bool) -> SectorClass {
        if perishable { return .primary }
        let text = (id + " " + name).lowercased().replacingOccurrences(of: "_", with: " ")
        let extractive = ["mining", "extract", "quarr", "crude"].contains { text.contains($0) }
        if !extractive, processingWords.contains(where: { text.contains($0) }) { return .processing }
        if primaryWords.contains(where: { text.contains($0) }) { return .primary }
        return .other
    }
}
