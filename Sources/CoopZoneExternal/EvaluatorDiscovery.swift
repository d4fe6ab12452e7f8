import CoopZoneCore
import Foundation

/// Finds external evaluators: directories named on the command line (`--evaluators DIR`,
/// repeatable) and the colon-separated search path in `COOPZONE_EVALUATORS_PATH`. A directory
/// is an evaluator when it holds an `evaluator.yaml`; otherwise each of its subdirectories that
/// holds one is. External evaluators add to the compiled-in ones and never replace one: an id
/// that is already taken is an error.
public enum EvaluatorDiscovery {
    /// The environment variable with the search path.
    public static let environmentVariable = "COOPZONE_EVALUATORS_PATH"

    /// What discovery found.
    public struct Outcome: Sendable {
        /// The evaluators, in the order found (command-line directories first, then the search path).
        public var evaluators: [ExternalEvaluator]
        /// Problems: unreadable or invalid manifests, clashing ids, missing directories.
        public var diagnostics: [Diagnostic]
        /// The ids of the evaluators found in directories given on the command line (not on the search path).
        public var explicit: Set<String> = []
    }

    /// Discovers the evaluators in `directories` and then in `searchPath` (colon-separated).
    /// `taken` are the ids of the compiled-in evaluators; `timeout` overrides every manifest's time limit.
    /// `known` are the compiled-in evaluators' descriptors, against which (with the evaluators
    /// found) each manifest's `reads:` is checked.
    public static func discover(
        directories: [String], searchPath: String?, taken: [String], known: [EvaluatorDescriptor] = [], timeout: Double? = nil
    ) -> Outcome {
        var explicitIds = Set<String>()
        var diagnostics: [Diagnostic] = []
        var evaluators: [ExternalEvaluator] = []
        var seenDirectories = Set<String>()
        var byId: [String: ExternalManifest] = [:]
        let sources = directories.map { ($0, true) } + (searchPath ?? "").split(separator: ":").map { (String($0), false) }
        for (directory, explicit) in sources where !directory.isEmpty {
            let origin = explicit ? "--evaluators" : environmentVariable
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                diagnostics.append(
                    Diagnostic(
                        explicit ? .error : .warning, "\(origin): '\(directory)' is not a directory", at: nil,
                        hint: "name a directory holding an evaluator.yaml, or a directory of such directories"))
                continue
            }
            var candidates: [String] = []
            if FileManager.default.fileExists(atPath: URL(fileURLWithPath: directory).appendingPathComponent(ExternalManifest.fileName).path) {
                candidates = [directory]
            } else {
                let children = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
                candidates = children.map { URL(fileURLWithPath: directory).appendingPathComponent($0).path }.filter {
                    FileManager.default.fileExists(atPath: URL(fileURLWithPath: $0).appendingPathComponent(ExternalManifest.fileName).path)
                }
                if candidates.isEmpty {
                    diagnostics.append(
                        Diagnostic(
                            explicit ? .error : .warning,
                            "\(origin): '\(directory)' holds no evaluator (no \(ExternalManifest.fileName) in it or in its subdirectories)", at: nil,
                            hint: "create one with 'coopzone new evaluator NAME --output \(directory)'"))
                }
            }
            for candidate in candidates {
                let canonical = URL(fileURLWithPath: candidate).standardizedFileURL.resolvingSymlinksInPath().path
                guard seenDirectories.insert(canonical).inserted else { continue }
                switch ExternalManifest.load(directory: candidate) {
                case .failure(let error): diagnostics += error.diagnostics
                case .success(let manifest):
                    let id = manifest.descriptor.id
                    if taken.contains(id) {
                        diagnostics.append(
                            Diagnostic(
                                .error,
                                "evaluator id '\(id)' is already taken by a built-in evaluator; an external evaluator adds evaluators, it never replaces one",
                                at: manifest.idLocation, hint: "rename 'id' in the manifest (and in the scenarios that name it)"))
                        continue
                    }
                    if let first = byId[id] {
                        diagnostics.append(
                            Diagnostic(
                                .error, "evaluator id '\(id)' is defined twice: here and in \(first.file)", at: manifest.idLocation,
                                hint: "give one of them another id, or drop one directory from --evaluators / \(environmentVariable)"))
                        continue
                    }
                    byId[id] = manifest
                    if explicit { explicitIds.insert(id) }
                    evaluators.append(ExternalEvaluator(manifest: manifest, timeout: timeout))
                }
            }
        }
        // What a manifest reads of a dependency must be among that dependency's metrics.
        let descriptors = Dictionary(known.map { ($0.id, $0) } + evaluators.map { ($0.descriptor.id, $0.descriptor) }, uniquingKeysWith: { a, _ in a })
        for evaluator in evaluators {
            for (dependency, names) in evaluator.manifest.reads.sorted(by: { $0.key < $1.key }) {
                guard let descriptor = descriptors[dependency] else { continue }
                let declared = descriptor.metrics.map(\.id) + descriptor.headlines.map(\.id)
                for name in names where !declared.contains(name.name) {
                    let s = closestMatch(to: name.name, in: declared)
                    diagnostics.append(
                        Diagnostic(
                            .error, "'\(dependency)' has no metric or headline '\(name.name)'" + (s.map { "; did you mean '\($0)'?" } ?? ""),
                            at: name.location, hint: "'coopzone evaluators' lists every evaluator's metrics and headlines"))
                }
            }
        }
        return Outcome(evaluators: evaluators, diagnostics: diagnostics, explicit: explicitIds)
    }
}
