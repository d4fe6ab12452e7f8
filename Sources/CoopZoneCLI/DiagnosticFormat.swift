import ArgumentParser
import CoopZoneCore

/// Diagnostics printed like a compiler's, or as JSON.
enum DiagnosticFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

extension Diagnostic {
    /// The diagnostic as a JSON object: severity, message, then file, line and column when it
    /// has a location, and the hint when it has one.
    var jsonValue: JSONValue {
        var pairs: [(String, JSONValue)] = [("severity", .string(severity.rawValue)), ("message", .string(message))]
        if let location {
            pairs += [("file", .string(location.file)), ("line", .int(location.line)), ("column", .int(location.column))]
        }
        if let hint { pairs.append(("hint", .string(hint))) }
        return .object(pairs)
    }
}
