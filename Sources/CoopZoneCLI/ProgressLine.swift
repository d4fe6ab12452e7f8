import Foundation
import Synchronization

/// A progress line on standard error (for long runs at a terminal): a bar, how many of the
/// total are done, the rate and the time left, redrawn at most five times a second. Sweeps count
/// points, Monte Carlo draws, Sobol' runs.
final class ProgressLine: Sendable {
    private let total: Int
    private let noun: String
    private let start = Date()
    private let state = Mutex((done: 0, shown: Date.distantPast))

    init(total: Int, noun: String) {
        self.total = total
        self.noun = noun
    }

    /// One more done.
    func step() { update { $0 + 1 } }

    /// `done` of the total done (Monte Carlo's progress callback counts so).
    func report(done: Int) { update { max($0, done) } }

    private func update(_ next: (Int) -> Int) {
        let line: String? = state.withLock { s in
            s.done = next(s.done)
            let now = Date()
            guard now.timeIntervalSince(s.shown) >= 0.2 || s.done == total else { return nil }
            s.shown = now
            let elapsed = now.timeIntervalSince(start)
            let rate = Double(s.done) / max(elapsed, 1e-3)
            let left = Double(total - s.done) / max(rate, 1e-9)
            let width = 24, filled = total == 0 ? width : width * min(s.done, total) / total
            return "\r  [\(String(repeating: "#", count: filled))\(String(repeating: ".", count: width - filled))] \(s.done)/\(total) \(noun), "
                + "\(String(format: "%.1f", rate)) \(noun)/s, \(Int(left.rounded())) s left\u{1B}[K"
        }
        if let line { FileHandle.standardError.write(Data(line.utf8)) }
    }

    /// Clears the line.
    func finish() { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }

    /// A Monte Carlo progress callback drawing this line.
    var callback: @Sendable (Int) -> Void { { [self] done in report(done: done) } }
}
