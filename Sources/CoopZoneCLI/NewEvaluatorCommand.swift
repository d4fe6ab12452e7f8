import ArgumentParser
import CoopZoneCore
import Foundation

/// The languages an evaluator can be scaffolded in.
public enum EvaluatorLanguage: String, ExpressibleByArgument, CaseIterable, Sendable {
    /// An external program speaking the JSON protocol, in Python, on the SDK (`sdk/python`, Docs/python-sdk.md).
    case python
    /// A Swift package that depends on CoopZone and builds its own `coopzone` with the evaluator.
    case swift
}

/// `coopzone new evaluator NAME [--language python|swift] [--output DIR]`.
public struct NewEvaluatorCommand: AsyncParsableCommand {
    /// The command's configuration.
    public static let configuration = CommandConfiguration(
        commandName: "evaluator",
        abstract:
            "Scaffold an evaluator: an external Python program (manifest, program, test) or a Swift extension package (evaluator, its own coopzone, a Swift Testing test).",
        discussion: """
            python: DIR/evaluator.yaml, DIR/NAME.py and DIR/test_NAME.py. Test it with 'python3 -m unittest' in DIR, and
                    'coopzone check-evaluator DIR'; use it with 'coopzone run FILE --evaluators DIR'.
            swift:  a package in DIR that depends on this CoopZone by path (--coopzone), with the evaluator type, an
                    executable that is coopzone plus the evaluator, and a test. Test it with 'swift test' in DIR.
            See Docs/writing-an-evaluator.md.
            """
    )

    @Argument(help: "The evaluator's id: snake_case, e.g. border_queue.")
    var name: String

    @Option(help: "python or swift.")
    var language: EvaluatorLanguage = .python

    @Option(help: "The directory to create (default: NAME with '-' for '_', in the current directory). It must not exist, or be empty.")
    var output: String?

    @Option(
        help: ArgumentHelp(
            "For --language swift: the CoopZone package the new package depends on (default: the source tree this coopzone was built from).", valueName: "path")
    )
    var coopzone: String?

    /// Creates the command.
    public init() {}

    /// Writes the scaffold; returns what to print.
    public static func execute(name: String, language: EvaluatorLanguage, output directory: String? = nil, coopzone: String? = nil) -> CommandOutput {
        var out = CommandOutput()
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first), name.count <= 64,
            name.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" })
        else {
            out.stderr =
                "error: '\(name)' is not a valid evaluator id\n  hint: ids are snake_case: a lower-case letter, then lower-case letters, digits and '_' (e.g. border_queue)\n"
            out.status = 64
            return out
        }
        if Registry.evaluators.contains(where: { $0.descriptor.id == name }) {
            out.stderr =
                "error: '\(name)' is the id of a built-in evaluator\n  hint: an evaluator adds to the built-in ones, it never replaces one: choose another id\n"
            out.status = 64
            return out
        }
        let target = directory ?? name.replacingOccurrences(of: "_", with: "-")
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: target, isDirectory: &isDirectory) {
            let contents = (try? fm.contentsOfDirectory(atPath: target)) ?? []
            guard isDirectory.boolValue, contents.isEmpty else {
                out.stderr =
                    "error: '\(target)' already exists and is not an empty directory; nothing was written\n  hint: choose another --output, or move the existing files away\n"
                out.status = 1
                return out
            }
        }
        var files: [(String, String, Bool)] = []
        do {
            switch language {
            case .python:
                files = try EvaluatorScaffold.python(id: name)
            case .swift:
                let root = coopzone ?? SourceTree.root.path
                guard fm.fileExists(atPath: URL(fileURLWithPath: root).appendingPathComponent("Package.swift").path) else {
                    out.stderr = "error: no CoopZone package at '\(root)'\n  hint: pass --coopzone PATH, the folder of CoopZone's Package.swift\n"
                    out.status = 1
                    return out
                }
                files = try EvaluatorScaffold.swift(id: name, coopzonePath: relativePath(from: target, to: root))
            }
        } catch {
            out.stderr = "error: \(error)\n"
            out.status = 1
            return out
        }
        do {
            for (path, text, executable) in files {
                let url = URL(fileURLWithPath: target).appendingPathComponent(path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try text.write(to: url, atomically: true, encoding: .utf8)
                if executable { try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path) }
            }
        } catch {
            out.stderr = "error: cannot write the scaffold in '\(target)': \(error.localizedDescription)\n"
            out.status = 1
            return out
        }
        out.stdout = "created \(language.rawValue) evaluator '\(name)' in \(target)/:\n" + files.map { "  \($0.0)\n" }.joined()
        switch language {
        case .python:
            out.stdout += """
                next:
                  cd \(target) && python3 -m unittest        # its own test
                  coopzone check-evaluator \(target)          # the protocol checks on the shipped scenarios
                  coopzone run SCENARIO --evaluators \(target) # with 'evaluators: {\(name): {}}' in SCENARIO

                """
        case .swift:
            out.stdout += """
                next:
                  swift test --package-path \(target)                                 # its own test
                  swift run --package-path \(target) \(EvaluatorScaffold.executableName(id: name)) evaluators # coopzone with '\(name)' built in

                """
        }
        return out
    }

    /// `to` relative to `from` when both are on the same tree (so the package can move with it), else absolute.
    static func relativePath(from: String, to: String) -> String {
        let a = URL(fileURLWithPath: from).standardizedFileURL.pathComponents
        let b = URL(fileURLWithPath: to).standardizedFileURL.pathComponents
        var common = 0
        while common < min(a.count, b.count), a[common] == b[common] { common += 1 }
        guard common > 1 else { return URL(fileURLWithPath: to).standardizedFileURL.path }
        let ups = Array(repeating: "..", count: a.count - common)
        let path = (ups + b[common...]).joined(separator: "/")
        return path.isEmpty ? "." : path
    }

    /// Runs the command.
    public func run() async throws {
        try Self.execute(name: name, language: language, output: output, coopzone: coopzone).emit()
    }
}
