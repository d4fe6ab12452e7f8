import Testing

@testable import ZoneFitEvaluator

/// The reading of sector ids and names.
struct SectorClassTests {
    @Test(arguments: [
        ("agriculture", "Agriculture and food", true, SectorClass.primary),
        ("machinery", "Electrical and agricultural machinery", false, .processing),
        ("food_processing", "Food processing", false, .processing),
        ("textiles", "Textiles and clothing", false, .processing),
        ("trade_services", "Wholesale trade and logistics services", false, .other),
        ("mining", "Extractive industry", false, .primary),
        ("construction_materials", "Construction materials", false, .processing),
        ("energy", "Electric power", false, .other),
        ("livestock", "Livestock", false, .primary),
    ])
    func classifiesByIdAndName(id: String, name: String, perishable: Bool, expected: SectorClass) {
        #expect(SectorClass.of(id: id, name: name, perishable: perishable) == expected)
    }
}
