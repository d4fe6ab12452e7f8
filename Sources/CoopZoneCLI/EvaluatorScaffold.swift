import Foundation

/// The files `coopzone new evaluator` writes. Each scaffold is a small evaluator that works and
/// passes its own test out of the box: it projects each region's output over the horizon at a
/// growth rate (a parameter), by region and year, with the last year's total as a headline.
/// Replace the computation; keep the shape.
///
/// The files themselves are templates under `Sources/CoopZoneCLI/Resources/scaffold/`, copied
/// into the build as the target's resources: `{{id}}`, `{{name}}`, `{{executable}}`,
/// `{{coopzone_path}}` and `{{sdk_path}}` in them are replaced here, and nothing else is touched.
enum EvaluatorScaffold {
    /// `border_queue` → `BorderQueue`.
    static func camel(_ id: String) -> String {
        id.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// The name of the Swift scaffold's `coopzone` executable.
    static func executableName(id: String) -> String { "coopzone-" + id.replacingOccurrences(of: "_", with: "-") }

    /// (relative path, text, executable) of the Python scaffold. `sdk_path` is this CoopZone's
    /// Python SDK (`sdk/python`), which the program falls back on while the SDK is not installed.
    static func python(id: String) throws -> [(String, String, Bool)] {
        let values = ["id": id, "sdk_path": SourceTree.root.appendingPathComponent("sdk/python").path]
        return [
            ("evaluator.yaml", try template("python/evaluator.yaml", values), false),
            ("\(id).py", try template("python/evaluator.py", values), true),
            ("test_\(id).py", try template("python/test_evaluator.py", values), false),
            ("README.md", try template("python/README.md", values), false),
        ]
    }

    /// (relative path, text, executable) of the Swift scaffold; `coopzonePath` is CoopZone's package, relative to the new one.
    static func swift(id: String, coopzonePath: String) throws -> [(String, String, Bool)] {
        let name = camel(id) + "Evaluator"
        let exe = executableName(id: id)
        let values = ["id": id, "name": name, "executable": exe, "coopzone_path": coopzonePath]
        return [
            ("Package.swift", try template("swift/Package.swift.template", values), false),
            ("Sources/\(name)/\(name).swift", try template("swift/Evaluator.swift.template", values), false),
            ("Sources/\(exe)/main.swift", try template("swift/main.swift.template", values), false),
            ("Tests/\(name)Tests/\(name)Tests.swift", try template("swift/EvaluatorTests.swift.template", values), false),
            ("README.md", try template("swift/README.md", values), false),
            (".gitignore", try template("swift/gitignore.template", values), false),
        ]
    }

    /// The template at `path` under `Resources/scaffold/` with every `{{key}}` of `values` filled in.
    static func template(_ path: String, _ values: [String: String]) throws -> String {
        var text = try ScaffoldTemplates.text(path)
        for (key, value) in values { text = text.replacingOccurrences(of: "{{\(key)}}", with: value) }
        return text
    }
}
