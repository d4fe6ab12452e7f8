import CoopZoneCore
import Foundation
import Synchronization

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

    /// What a class is remembered by.
    private struct Key: Hashable {
        var id: String
        var name: String
        var perishable: Bool
    }

    /// Classes already read, so that an evaluator called once per Monte Carlo draw reads each
    /// sector's text once per process, not once per draw (the reading is pure; at most 1,024 are kept).
    private static let remembered = Mutex<[Key: SectorClass]>([:])

    /// The sectors seen last and whether each is a processing industry.
    private static let lastProcessing = Mutex<(sectors: [Sector], processing: [Bool])?>(nil)

    /// Whether each of `sectors` is a processing industry, as `of(_:)` reads it. The answer for the
    /// last list seen is kept: Monte Carlo draws of one scenario share the list, so each draw finds
    /// it by a comparison that starts with the identity of the array.
    static func processingFlags(_ sectors: [Sector]) -> [Bool] {
        if let known = lastProcessing.withLock({ last in last.flatMap { $0.sectors == sectors ? $0.processing : nil } }) { return known }
        let flags = sectors.map { remembered($0) == .processing }
        lastProcessing.withLock { $0 = (sectors, flags) }
        return flags
    }

    /// The class of `sector` as `of(_:)` gives it, remembered across calls.
    static func remembered(_ sector: Sector) -> SectorClass {
        let key = Key(id: sector.id, name: sector.name, perishable: sector.perishable)
        if let known = remembered.withLock({ $0[key] }) { return known }
        let reading = of(id: sector.id, name: sector.name, perishable: sector.perishable)
        remembered.withLock { table in
            if table.count >= 1024 { table.removeAll() }
            table[key] = reading
        }
        return reading
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
