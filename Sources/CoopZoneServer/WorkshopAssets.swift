import Foundation

/// The page's script, stylesheet and icon, served from the binary's resource bundle: the
/// workshop works with no network beyond the facilitator's machine.
///
/// The files are `Sources/CoopZoneServer/Resources/workshop.js`, `workshop.css` and
/// `favicon.svg`, copied into the build as the target's resources (`Bundle.module`), so they
/// are edited, linted and formatted as what they are.
enum WorkshopAssets {
    /// An asset that is missing from the resource bundle: the build or the installation is broken.
    struct Missing: Error, CustomStringConvertible {
        /// The file name.
        var name: String
        var description: String {
            "the workshop's '\(name)' is missing from \(Bundle.module.bundlePath); rebuild or reinstall coopzone with its resource bundle beside it"
        }
    }

    /// `/assets/workshop.js`: fills in the scenario, compare and facilitator pages from the JSON
    /// routes (charts arrive drawn, as SVG), and polls for file changes, locks and resets.
    static let script = load("workshop.js")
    /// `/assets/workshop.css`: system fonts, one column on a phone, two on a laptop.
    static let stylesheet = load("workshop.css")
    /// `/assets/favicon.svg`: three joined circles, for the browser's tab.
    static let favicon = load("favicon.svg")

    /// Throws when an asset is missing, so the server refuses to start rather than serve a blank page.
    static func check() throws {
        for (name, text) in [("workshop.js", script), ("workshop.css", stylesheet), ("favicon.svg", favicon)] where text == nil {
            throw Missing(name: name)
        }
    }

    /// The text of `Resources/<name>`, or nil when it is not in the bundle.
    static func load(_ name: String) -> String? {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Resources") else { return nil }
        return try? String(contentsOf: url, encoding: .utf8)
    }
}
