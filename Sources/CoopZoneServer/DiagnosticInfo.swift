import CoopZoneCore
import Foundation

/// A diagnostic as the page shows it.
public struct DiagnosticInfo: Codable, Sendable, Equatable {
    /// `error`, `warning` or `note`.
    public var severity: String
    /// The message.
    public var message: String
    /// `file:line:column`, relative to the workshop folder when inside it.
    public var location: String?
    /// What to do.
    public var hint: String?

    init(_ diagnostic: Diagnostic, directory: String) {
        severity = diagnostic.severity.rawValue
        message = diagnostic.message
        hint = diagnostic.hint
        if let l = diagnostic.location {
            let file = l.file.hasPrefix(directory + "/") ? String(l.file.dropFirst(directory.count + 1)) : URL(fileURLWithPath: l.file).lastPathComponent
            location = "\(file):\(l.line):\(l.column)"
        }
    }
}
