import Foundation
import Testing

@testable import CoopZoneReports

struct SeriesStyleTests {
    /// Lightness L* of a `#rrggbb` colour: what is left of it in grey print.
    static func lightness(_ hex: String) -> Double {
        let v = Int(hex.dropFirst(), radix: 16) ?? 0
        func linear(_ c: Int) -> Double {
            let s = Double(c) / 255
            return s <= 0.04045 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
        }
        let y = 0.2126 * linear((v >> 16) & 0xFF) + 0.7152 * linear((v >> 8) & 0xFF) + 0.0722 * linear(v & 0xFF)
        return y > 0.008856 ? 116 * pow(y, 1.0 / 3) - 16 : 903.3 * y
    }

    @Test func neighbouringFillsDifferInLightnessOrPattern() {
        for i in 0..<11 {
            let a = SeriesStyle.fill(i), b = SeriesStyle.fill(i + 1)
            #expect(abs(Self.lightness(a.color) - Self.lightness(b.color)) >= 14 || a.pattern != b.pattern, "fills \(i) and \(i + 1)")
        }
        let first12 = (0..<12).map { SeriesStyle.fill($0) }
        #expect(Set(first12.map { "\($0.color)/\($0.pattern)" }).count == 12, "twelve distinct fills")
    }

    @Test func linesDifferInDashAndMarker() {
        let lines = (0..<4).map(SeriesStyle.line)
        #expect(Set(lines.map { $0.dash ?? "solid" }).count == 4)
        #expect(Set(lines.map(\.marker)).count == 4)
        for line in lines { #expect(Self.lightness(line.color) < 60, "line colours are dark enough on white") }
    }

    @Test func patternsAreSelfContained() {
        for pattern in SeriesStyle.Pattern.allCases where pattern != .solid {
            let definition = SeriesStyle(color: "#1d3557", pattern: pattern).patternDefinition(id: "c-p1")
            #expect(definition?.hasPrefix("<pattern id=\"c-p1\"") == true)
            #expect(definition?.contains("http") == false)
        }
        #expect(SeriesStyle(color: "#1d3557").patternDefinition(id: "x") == nil)
        #expect(SeriesStyle(color: "#1d3557").ink == "#ffffff")
        #expect(SeriesStyle(color: "#e9c46a").ink == "#222222")
    }
}
