import ArgumentParser
import Foundation

/// The Monte Carlo options shared by `run` and `compare`.
public struct UncertaintyOptions: ParsableArguments {
    // `.unconditional`: a negative number after the option is its (wrong) value, checked below,
    // not an unknown option that leaves the option "missing its value".
    @Option(name: .customLong("monte-carlo"), parsing: .unconditional, help: "Sample every distribution in the scenario N times and report P5/P50/P95.")
    var monteCarlo: Int?

    @Option(parsing: .unconditional, help: "Seed of the random generator (0 to 18446744073709551615): the same seed gives the same numbers on every machine.")
    var seed: UInt64 = 1

    @Option(parsing: .unconditional, help: "Worker threads for Monte Carlo draws (default: the number of cores).")
    var workers: Int?

    /// Creates the options.
    public init() {}

    /// Checked by the argument parser before the command runs, so a mistake prints the
    /// command's own usage.
    public func validate() throws {
        if let n = monteCarlo, let problem = Self.drawsProblem(n) { throw ValidationError(problem) }
        if let w = workers, !(1...256).contains(w) { throw ValidationError("--workers needs 1 to 256, got \(w)") }
    }

    /// What is wrong with `n` draws, or nil (the commands check it too, for callers that skip parsing).
    static func drawsProblem(_ n: Int) -> String? {
        (1...10_000_000).contains(n) ? nil : "--monte-carlo needs a number of draws between 1 and 10000000, got \(n)"
    }

    /// Progress on a terminal only, and only for runs long enough to notice.
    var showProgress: Bool { (monteCarlo ?? 0) >= 5000 && isatty(STDERR_FILENO) != 0 }
}

/// The default number of Monte Carlo workers: every core.
let defaultWorkers = ProcessInfo.processInfo.activeProcessorCount
