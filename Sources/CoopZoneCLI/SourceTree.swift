import Foundation

/// Where this CoopZone's source tree was when it was built (for the shipped scenarios and for
/// Swift extension packages, which depend on it by path).
enum SourceTree {
    /// The package root.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
