import Foundation
import Testing

@testable import CoopZoneReports

/// Checks every chart kind shares: one `<svg>` with the given id, well-formed, an accessible
/// title, every `url(#…)` defined inside, no NaN, and escaped text.
func checkChart(_ svg: String, id: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(svg.hasPrefix("<svg id=\"\(id)\""), sourceLocation: sourceLocation)
    #expect(HTMLChecks.count("<svg", in: svg) == 1, sourceLocation: sourceLocation)
    #expect(svg.hasSuffix("</svg>"), sourceLocation: sourceLocation)
    #expect(HTMLChecks.isWellFormed(svg), sourceLocation: sourceLocation)
    #expect(svg.contains("<title id=\"\(id)-title\">"), sourceLocation: sourceLocation)
    #expect(!svg.contains("NaN") && !svg.contains("Infinity"), sourceLocation: sourceLocation)
    #expect(!svg.contains("http"), "no namespace URL or link is needed inline", sourceLocation: sourceLocation)
    for reference in svg.components(separatedBy: "url(#").dropFirst().map({ String($0.prefix { $0 != ")" }) }) {
        #expect(
            svg.contains("<pattern id=\"\(reference)\"") || svg.contains("<marker id=\"\(reference)\""), "pattern or marker \(reference) is defined",
            sourceLocation: sourceLocation)
    }
}
