import ArgumentParser
import CoopZoneCore
import CoopZoneReports
import Foundation

extension OutputFormat: ExpressibleByArgument {}
extension Language: ExpressibleByArgument {}

/// The output options shared by `run`, `compare` and `sensitivity`: the format, `--set`
/// overrides and the file to write, declared once.
public struct ReportOptions: ParsableArguments {
    @Option(help: "Output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: OutputFormat = .table

    @Option(name: .customLong("set"), help: "Override a value: PATH=VALUE (repeatable; compare sets it in every design).")
    var overrides: [String] = []

    @Option(help: "Write the output to this file instead of standard output (needed for xlsx at a terminal).")
    var output: String?

    @Option(help: "Language of the brief and the workbook: \(Language.allCases.map(\.rawValue).joined(separator: ", ")).")
    var lang: Language = .en

    /// Creates the options.
    public init() {}

    /// Checked by the argument parser before the command runs: an `--output` that cannot be
    /// written is refused before any work is done.
    public func validate() throws {
        try checkOutputFile(output)
        if format == .xlsx, let output, !output.lowercased().hasSuffix(".xlsx") {
            throw ValidationError(
                "--format xlsx writes an Excel workbook: give --output a name ending in .xlsx (such as \((output as NSString).deletingPathExtension).xlsx)")
        }
    }
}

/// Refuses an `--output` path that cannot be written, before any work is done: a folder that
/// does not exist (or is not a folder, or cannot be written to), or a path that is a folder.
func checkOutputFile(_ path: String?) throws {
    guard let path else { return }
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
        throw ValidationError("--output '\(path)' is a folder: give a file name, such as \(path)/report.html")
    }
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
        throw ValidationError("--output '\(path)': the folder '\(folder)' does not exist; create it first (mkdir -p '\(folder)') or write elsewhere")
    }
    guard FileManager.default.isWritableFile(atPath: folder) else {
        throw ValidationError("--output '\(path)': the folder '\(folder)' cannot be written to; write elsewhere")
    }
}
