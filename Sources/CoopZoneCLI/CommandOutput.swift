import ArgumentParser
import CoopZoneReports
import Foundation

/// What a command printed and how it ended: commands are run in-process by the tests.
public struct CommandOutput: Sendable {
    /// Standard output.
    public var stdout = ""
    /// Standard error.
    public var stderr = ""
    /// The exit status: 0 clean, 1 errors in the input, 64 bad arguments.
    public var status: Int32 = 0
    /// A binary document (an Excel workbook), written instead of `stdout` when present.
    public var bytes: Data?

    /// Prints and exits with the status when it is not 0.
    func emit(outputFile: String? = nil) throws {
        if !stderr.isEmpty { FileHandle.standardError.write(Data(stderr.utf8)) }
        if let bytes {
            if let outputFile {
                do { try bytes.write(to: URL(fileURLWithPath: outputFile), options: .atomic) } catch {
                    FileHandle.standardError.write(Data("error: cannot write '\(outputFile)': \(error.localizedDescription)\n".utf8))
                    throw ExitCode(1)
                }
            } else if isatty(STDOUT_FILENO) != 0 {
                FileHandle.standardError.write(Data("error: a workbook is binary and standard output is a terminal: add --output FILE.xlsx\n".utf8))
                throw ExitCode(64)
            } else {
                FileHandle.standardOutput.write(bytes)
            }
        } else if let outputFile {
            do { try stdout.write(toFile: outputFile, atomically: true, encoding: .utf8) } catch {
                FileHandle.standardError.write(Data("error: cannot write '\(outputFile)': \(error.localizedDescription)\n".utf8))
                throw ExitCode(1)
            }
        } else if !stdout.isEmpty {
            FileHandle.standardOutput.write(Data(stdout.utf8))
        }
        if status != 0 { throw ExitCode(status) }
    }
}

extension CommandOutput {
    /// Puts a report in `format` into the output: an Excel workbook's bytes for `.xlsx`, the text
    /// of `text` otherwise. False, with the error on standard error and status 1, when the
    /// workbook cannot be written.
    @discardableResult
    mutating func report(_ format: OutputFormat, workbook: () throws -> Data, text: (OutputFormat) -> String) -> Bool {
        guard format == .xlsx else {
            stdout = text(format)
            return true
        }
        do {
            bytes = try workbook()
            return true
        } catch {
            stderr += "error: \(error)\n"
            status = 1
            return false
        }
    }
}
