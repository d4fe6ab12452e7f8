import CoopZoneCore
import CoopZoneEvaluators
import Synchronization

/// The evaluators this `coopzone` knows: the built-in ones, plus those a package that builds
/// its own `coopzone` adds through `CoopZoneCommand.runMain(additionalEvaluators:)`. External
/// evaluators (programs found with `--evaluators`) come on top, per command (`EvaluatorCatalog`).
public enum Registry {
    private static let added = Mutex<[EvaluatorEntry]>([])

    /// The registry used by the commands: the built-in evaluators, then the added ones.
    public static var evaluators: [EvaluatorEntry] { added.withLock { BuiltInEvaluators.all + $0 } }

    /// Adds evaluators to this process's registry. Plugins add, never replace: an id that is
    /// already registered (or given twice) is an error and nothing is added.
    public static func add(_ entries: [EvaluatorEntry]) throws(RegistryError) {
        try added.withLock { (added: inout [EvaluatorEntry]) throws(RegistryError) in
            added = try merged(BuiltInEvaluators.all + added, adding: entries).dropFirst(BuiltInEvaluators.all.count).map { $0 }
        }
    }

    /// `base` followed by `entries` sorted by id, or the error that names a clashing id.
    public static func merged(_ base: [EvaluatorEntry], adding entries: [EvaluatorEntry]) throws(RegistryError) -> [EvaluatorEntry] {
        var ids = Set(base.map(\.descriptor.id))
        for entry in entries {
            let id = entry.descriptor.id
            guard ids.insert(id).inserted else {
                throw RegistryError(
                    message: base.contains { $0.descriptor.id == id }
                        ? "evaluator '\(id)' is already registered (built-in or added before); an extension adds evaluators, it never replaces one: give it another id"
                        : "evaluator '\(id)' is added twice")
            }
        }
        return base + entries.sorted { $0.descriptor.id < $1.descriptor.id }
    }
}

/// An evaluator that cannot be added to the registry.
public struct RegistryError: Error, Sendable, CustomStringConvertible {
    /// What is wrong.
    public var message: String
    /// The message.
    public var description: String { message }
}
