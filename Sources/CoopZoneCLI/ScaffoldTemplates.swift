import Foundation

/// The scaffold templates shipped in the CLI's resource bundle.
enum ScaffoldTemplates {
    /// A template that is missing from the bundle: the build or the installation is broken.
    struct Missing: Error, CustomStringConvertible {
        /// The template's path under `Resources/scaffold/`.
        var path: String
        var description: String {
            "the scaffold template '\(path)' is missing from \(Bundle.module.bundlePath); rebuild or reinstall coopzone with its resource bundle beside it"
        }
    }

    /// The text of the template at `path` under `Resources/scaffold/`.
    static func text(_ path: String) throws -> String {
        var parts = path.split(separator: "/").map(String.init)
        let file = parts.removeLast()
        let folder = (["Resources", "scaffold"] + parts).joined(separator: "/")
        guard let found = Bundle.module.url(forResource: file, withExtension: nil, subdirectory: folder),
            let text = try? String(contentsOf: found, encoding: .utf8)
        else { throw Missing(path: path) }
        return text
    }
}
