import Foundation

/// The text a reader sees, by key, from one message catalogue per language
/// (`Resources/Messages/<language>.json`: a flat object of key → text). A key the language's
/// catalogue lacks falls back to English (a test checks that both catalogues have every key);
/// a key neither has is shown as itself. `{name}` in a text is filled from the arguments.
public struct Messages: Sendable {
    /// The language.
    public let language: Language

    /// The messages of `language`.
    public init(_ language: Language) { self.language = language }

    /// The text of `key`, with `{name}` placeholders filled from `arguments`.
    public func callAsFunction(_ key: String, _ arguments: [String: String] = [:]) -> String {
        var text = Self.catalogues[language]?[key] ?? Self.catalogues[.en]?[key] ?? key
        for (name, value) in arguments { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    /// The text of `key` in this language only, or nil when its catalogue lacks it.
    public func ownText(_ key: String) -> String? { Self.catalogues[language]?[key] }

    /// The text of `key` if either catalogue has it, else nil (for optional texts such as a
    /// metric's translated label).
    public func optional(_ key: String) -> String? { Self.catalogues[language]?[key] ?? Self.catalogues[.en]?[key] }

    /// Every catalogue, read once from the module's resources.
    public static let catalogues: [Language: [String: String]] = {
        var out: [Language: [String: String]] = [:]
        for language in Language.allCases {
            guard let url = Bundle.module.url(forResource: language.rawValue, withExtension: "json", subdirectory: "Messages"),
                let data = try? Data(contentsOf: url),
                let table = try? JSONDecoder().decode([String: String].self, from: data)
            else { continue }
            out[language] = table
        }
        return out
    }()
}
