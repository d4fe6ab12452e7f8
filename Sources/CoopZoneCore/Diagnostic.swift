import Foundation

/// A position in a scenario file: 1-based line and column, as an editor shows them.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The file as the user named it (relative paths stay relative).
    public var file: String
    /// Line, starting at 1.
    public var line: Int
    /// Column, starting at 1, counted in Unicode scalars as libyaml does.
    public var column: Int

    /// Creates a location.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:col`.
    public var description: String { "\(file):\(line):\(column)" }
}

/// How bad a diagnostic is.
public enum Severity: String, Sendable, Codable, Comparable {
    /// The file cannot be used; nothing is computed from it.
    case error
    /// The file can be used, but something is probably wrong.
    case warning
    /// Information only.
    case note

    private var rank: Int {
        switch self {
        case .error: 2
        case .warning: 1
        case .note: 0
        }
    }

    /// Orders by gravity: note < warning < error.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// One message about a scenario file, printed like a compiler's:
/// `Scenarios/x.yaml:12:5: error: unknown key 'incentivs'; did you mean 'incentives'?`
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How bad it is.
    public var severity: Severity
    /// What is wrong, in one sentence.
    public var message: String
    /// Where it is; `nil` only when the problem has no place in a file (e.g. a missing file).
    public var location: SourceLocation?
    /// What to do about it.
    public var hint: String?

    /// Creates a diagnostic.
    public init(_ severity: Severity, _ message: String, at location: SourceLocation?, hint: String? = nil) {
        self.severity = severity
        self.message = Diagnostic.clip(message)
        self.location = location
        self.hint = hint.map { Diagnostic.clip($0) }
    }

    /// Keeps a message printable: hostile input must never produce a megabyte-long line.
    static func clip(_ text: String, limit: Int = 400) -> String {
        var cleaned = String(
            text.unicodeScalars.map { scalar -> Character in
                if scalar.properties.generalCategory == .control && scalar != "\n" { return "?" }
                return Character(scalar)
            })
        if cleaned.count > limit { cleaned = String(cleaned.prefix(limit)) + "…" }
        return cleaned
    }

    /// The compiler-style line, with the hint on a second line.
    public var description: String {
        var text = ""
        if let location { text += "\(location): " }
        text += "\(severity.rawValue): \(message)"
        if let hint { text += "\n  hint: \(hint)" }
        return text
    }
}

/// Thrown when a file has errors; carries every diagnostic collected, not just the first.
public struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
    /// All diagnostics, errors and warnings, in file order.
    public var diagnostics: [Diagnostic]

    /// Creates the error.
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    /// One diagnostic per line.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

extension Array where Element == Diagnostic {
    /// True when at least one diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Sorted by file, line and column, errors before warnings at the same spot.
    public func sortedByLocation() -> [Diagnostic] {
        enumerated().sorted { a, b in
            let la = a.element.location, lb = b.element.location
            if la?.file != lb?.file { return (la?.file ?? "") < (lb?.file ?? "") }
            if la?.line != lb?.line { return (la?.line ?? 0) < (lb?.line ?? 0) }
            if la?.column != lb?.column { return (la?.column ?? 0) < (lb?.column ?? 0) }
            return a.offset < b.offset
        }.map(\.element)
    }
}

/// Did-you-mean: the closest candidate within a small edit distance, if any.
public func closestMatch(to word: String, in candidates: some Sequence<String>) -> String? {
    let lowered = word.lowercased()
    var best: (String, Int)?
    for candidate in candidates {
        let distance = editDistance(lowered, candidate.lowercased())
        let limit = max(2, candidate.count / 3)
        if distance <= limit, distance < (best?.1 ?? Int.max) { best = (candidate, distance) }
    }
    return best?.0
}

/// Levenshtein distance, bounded in cost by the lengths of two short identifiers.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.prefix(64)), b = Array(b.prefix(64))
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
