import Foundation
import Testing

@testable import CoopZoneCore

struct TreePathTests {
    func tree(_ text: String) throws -> YNode { try YAMLTree.parse(text, file: "t.yaml").get() }

    @Test func investmentProgrammesAreReplacedWholeNotMergedBySector() throws {
        // The parent has two textiles lines; the child restates the programme with one line.
        // Merged by sector, the child's TJ line would overwrite the parent's UZ line and keep the
        // KG one; replaced whole, exactly the child's line remains.
        let parent = try tree(
            "investment:\n  - {year: 2030, country: UZ, sector: textiles, amount: 40}\n  - {year: 2031, country: KG, sector: textiles, amount: 10}\n")
        let child = try tree("investment:\n  - {year: 2030, country: TJ, sector: textiles, amount: 1}\n")
        let merged = TreePath.merge(parent, child)
        let items = try #require(merged["investment"]?.items)
        #expect(items.count == 1)
        #expect(items[0]["country"]?.scalarText == "TJ")
    }

    @Test func flowsMergeBySectorAndDirection() throws {
        let parent = try tree("flows:\n  - {sector: agriculture, direction: export, value: 60}\n  - {sector: agriculture, direction: import, value: 25}\n")
        let child = try tree("flows:\n  - {sector: agriculture, direction: import, value: 30}\n")
        let items = try #require(TreePath.merge(parent, child)["flows"]?.items)
        // The export flow stays at 60; the import flow takes the child's 30.
        #expect(items.map { $0["value"]?.scalarText } == ["60", "30"])
    }

    @Test func aChangedNumberDoesNotKeepTheParentsSource() throws {
        let parent = try tree("x: {value: 3, source: book, at: L1695}\n")
        let child = try tree("x: {value: 0, assumption: variant}\n")
        let x = try #require(TreePath.merge(parent, child)["x"])
        #expect(x["source"] == nil)
        #expect(x["assumption"]?.scalarText == "variant")
    }

    @Test func itemsWithIdsMergeItemByItem() throws {
        let parent = try tree("regions:\n  - {id: a, population: 5}\n  - {id: b, population: 7}\n")
        let child = try tree("regions:\n  - {id: b, population: 8}\n  - {id: c, population: 1}\n")
        let items = try #require(TreePath.merge(parent, child)["regions"]?.items)
        #expect(items.map { $0["id"]?.scalarText } == ["a", "b", "c"])
        #expect(items[1]["population"]?.scalarText == "8")
    }
}
