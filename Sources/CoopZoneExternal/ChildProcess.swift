import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// How a child process ended.
public enum ExitStatus: Sendable, Hashable, CustomStringConvertible {
    /// It exited with this status.
    case exited(Int32)
    /// A signal ended it.
    case signalled(Int32)

    /// "exited with status 3", "was killed by signal 9".
    public var description: String {
        switch self {
        case .exited(let code): "exited with status \(code)"
        case .signalled(let signal): "was killed by signal \(signal)\(signal == SIGKILL ? " (SIGKILL)" : signal == SIGSEGV ? " (SIGSEGV)" : "")"
        }
    }

    init(waitStatus status: Int32) {
        // The <sys/wait.h> macros are not imported into Swift; this is their definition on Linux and Darwin.
        if status & 0x7f == 0 { self = .exited((status >> 8) & 0xff) } else { self = .signalled(status & 0x7f) }
    }
}

/// A program started in a process group of its own with pipes on its standard input, output
/// and error. One thread drives it with `poll`: a request is written while the answer and the
/// standard error are read, so neither a large request, a large answer nor a chatty standard
/// error can block the exchange, and a deadline covers all of it. Not thread-safe: its owner
/// serialises access.
final class ChildProcess {
    /// The process id (also its process group id).
    let pid: pid_t
    private var stdinFD: Int32
    private var stdoutFD: Int32
    private var stderrFD: Int32
    /// Bytes read from standard output after the last complete line.
    private var carry: [UInt8] = []
    /// The last bytes of standard error.
    private(set) var stderrTail = TailBuffer(capacity: 64 * 1024)
    private(set) var status: ExitStatus?

    /// What one exchange ended with.
    enum Outcome {
        /// A complete line of standard output (without its newline).
        case line([UInt8])
        /// The program ended before writing a complete line.
        case ended(ExitStatus)
        /// The deadline passed.
        case timedOut
        /// The line grew past the limit.
        case tooLarge(Int)
    }

    private static let ignoreSIGPIPE: Void = {
        // Writing to a program that died must be an error (EPIPE), not the end of CoopZone.
        _ = signal(SIGPIPE, SIG_IGN)
    }()

    /// Starts `arguments` (the first is the program: absolute, or a bare name looked up on PATH)
    /// in `directory` with `environment`.
    init(arguments: [String], directory: String, environment: [String: String]) throws(ExternalError) {
        _ = Self.ignoreSIGPIPE
        guard var program = arguments.first else { throw .startFailed("the command is empty") }
        var arguments = arguments
        // Without posix_spawn_file_actions_addchdir_np, a shell changes directory and execs the program.
        if Spawning.addChdir == nil {
            arguments = ["/bin/sh", "-c", "cd -- \"$0\" && exec \"$@\"", directory] + arguments
            program = "/bin/sh"
        }
        // Pipes and the spawn under one lock: where pipe2 is missing, no other spawn of ours can
        // inherit a pipe end between its creation and FD_CLOEXEC.
        Spawning.lock.lock()
        defer { Spawning.lock.unlock() }
        var pipes: [[Int32]] = []
        for _ in 0..<3 {
            var fds: [Int32] = [-1, -1]
            let made: Bool
            if let pipe2 = Spawning.pipe2 {
                made = fds.withUnsafeMutableBufferPointer { pipe2($0.baseAddress!, Int32(O_CLOEXEC)) } == 0
            } else {
                made = pipe(&fds) == 0 && fcntl(fds[0], F_SETFD, FD_CLOEXEC) == 0 && fcntl(fds[1], F_SETFD, FD_CLOEXEC) == 0
            }
            guard made else {
                let reason = String(cString: strerror(errno))
                for p in pipes { close(p[0]); close(p[1]) }
                throw .startFailed("cannot create a pipe: \(reason)")
            }
            pipes.append(fds)
        }
        let (stdinPipe, stdoutPipe, stderrPipe) = (pipes[0], pipes[1], pipes[2])

        #if canImport(Darwin)
            var actions: posix_spawn_file_actions_t? = nil
            var attributes: posix_spawnattr_t? = nil
        #else
            var actions = posix_spawn_file_actions_t()
            var attributes = posix_spawnattr_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        posix_spawn_file_actions_adddup2(&actions, stdinPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, stdoutPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, stderrPipe[1], 2)
        if let addChdir = Spawning.addChdir { _ = addChdir(&actions, directory) }
        // Its own process group (so a timeout kills its children too), SIGPIPE back to the default
        // (we ignore it; it must not), and no blocked signals.
        var flags = Int32(POSIX_SPAWN_SETPGROUP) | Int32(POSIX_SPAWN_SETSIGDEF) | Int32(POSIX_SPAWN_SETSIGMASK)
        #if canImport(Darwin)
            flags |= Int32(POSIX_SPAWN_CLOEXEC_DEFAULT)
        #endif
        posix_spawnattr_setflags(&attributes, Int16(truncatingIfNeeded: flags))
        posix_spawnattr_setpgroup(&attributes, 0)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)

        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for p in argv { free(p) }
            for p in envp { free(p) }
        }
        var child: pid_t = 0
        let result =
            program.contains("/")
            ? posix_spawn(&child, program, &actions, &attributes, argv, envp)
            : posix_spawnp(&child, program, &actions, &attributes, argv, envp)
        close(stdinPipe[0])
        close(stdoutPipe[1])
        close(stderrPipe[1])
        guard result == 0 else {
            close(stdinPipe[1]); close(stdoutPipe[0]); close(stderrPipe[0])
            let reason = String(cString: strerror(result))
            throw .startFailed("cannot start '\(program)': \(reason)" + (result == ENOENT && !program.contains("/") ? " (not found on PATH)" : ""))
        }
        pid = child
        stdinFD = stdinPipe[1]
        stdoutFD = stdoutPipe[0]
        stderrFD = stderrPipe[0]
        for fd in [stdinFD, stdoutFD, stderrFD] { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
    }

    deinit { terminate() }

    /// True until the program has ended (as far as we know).
    var isRunning: Bool { status == nil }

    /// Writes `request` (one line, newline included) and reads standard output up to the next
    /// newline, draining standard error meanwhile, until `deadline` (uptime nanoseconds).
    func exchange(_ request: [UInt8], deadline: UInt64, maxBytes: Int) -> Outcome {
        if let status { return .ended(status) }
        var written = 0
        var line = carry
        carry = []
        var scanned = 0
        var stdoutOpen = stdoutFD >= 0
        var buffer = [UInt8](repeating: 0, count: 256 * 1024)
        while true {
            if let newline = line[scanned...].firstIndex(of: 0x0A) {
                carry = Array(line[(newline + 1)...])
                line.removeSubrange(newline...)
                if line.count > maxBytes { return .tooLarge(line.count) }
                return .line(line)
            }
            scanned = line.count
            if line.count > maxBytes { return .tooLarge(line.count) }
            if !stdoutOpen {
                // Its output is closed: it is exiting (or closed its output and went on; then it is killed).
                if let status = waitForExit(until: min(deadline, DispatchTime.now().uptimeNanoseconds + 2_000_000_000)) { return .ended(status) }
                kill()
                return .ended(status ?? .signalled(SIGKILL))
            }
            let now = DispatchTime.now().uptimeNanoseconds
            guard now < deadline else { return .timedOut }
            var fds: [pollfd] = []
            let writing = written < request.count && stdinFD >= 0
            if writing { fds.append(pollfd(fd: stdinFD, events: Int16(POLLOUT), revents: 0)) }
            fds.append(pollfd(fd: stdoutFD, events: Int16(POLLIN), revents: 0))
            if stderrFD >= 0 { fds.append(pollfd(fd: stderrFD, events: Int16(POLLIN), revents: 0)) }
            let waitMs = Int32(min(1000, max(1, (deadline - now) / 1_000_000)))
            let ready = poll(&fds, nfds_t(fds.count), waitMs)
            if ready < 0 {
                if errno == EINTR { continue }
                stdoutOpen = false
                continue
            }
            for entry in fds where entry.revents != 0 {
                if entry.fd == stdinFD {
                    let n = request.withUnsafeBytes { raw in write(stdinFD, raw.baseAddress! + written, request.count - written) }
                    if n > 0 {
                        written += n
                    } else if n < 0, errno != EAGAIN, errno != EINTR {
                        // The program closed its standard input (or died): stop writing, keep reading.
                        written = request.count
                    }
                } else if entry.fd == stdoutFD {
                    let n = buffer.withUnsafeMutableBytes { raw in read(stdoutFD, raw.baseAddress!, raw.count) }
                    if n > 0 {
                        line.append(contentsOf: buffer[0..<n])
                    } else if n == 0 || (errno != EAGAIN && errno != EINTR) {
                        stdoutOpen = false
                    }
                } else if entry.fd == stderrFD {
                    drainStderr(&buffer)
                }
            }
        }
    }

    /// Reads what standard error holds now; closes it at its end.
    private func drainStderr(_ buffer: inout [UInt8]) {
        guard stderrFD >= 0 else { return }
        while true {
            let n = buffer.withUnsafeMutableBytes { raw in read(stderrFD, raw.baseAddress!, raw.count) }
            if n > 0 { stderrTail.append(buffer[0..<n]); continue }
            if n == 0 || (errno != EAGAIN && errno != EINTR) { close(stderrFD); stderrFD = -1 }
            return
        }
    }

    /// Reads what standard error holds now, without waiting (a program writes a draw's traceback
    /// there before its answer).
    func drainStderrNow() {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        drainStderr(&buffer)
    }

    /// Reads the rest of standard error (until its end or `deadline`), for a failure report.
    func collectStderr(until deadline: UInt64) {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while stderrFD >= 0 {
            let now = DispatchTime.now().uptimeNanoseconds
            guard now < deadline else { return }
            var fds = [pollfd(fd: stderrFD, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, 1, Int32(max(1, (deadline - now) / 1_000_000)))
            if ready < 0 && errno != EINTR { return }
            if ready > 0 { drainStderr(&buffer) }
        }
    }

    /// Waits for the program to end until `deadline`; its status, or nil if it is still running.
    func waitForExit(until deadline: UInt64) -> ExitStatus? {
        while status == nil {
            var raw: Int32 = 0
            let r = waitpid(pid, &raw, WNOHANG)
            if r == pid { status = ExitStatus(waitStatus: raw); break }
            if r < 0 && errno != EINTR { status = .signalled(0); break }
            if DispatchTime.now().uptimeNanoseconds >= deadline { return nil }
            usleep(2_000)
        }
        return status
    }

    /// Kills the program's whole process group, reads what is left of its standard error (for
    /// the failure report) and reaps it.
    func kill() {
        if status == nil { _ = sendSignal(-pid, SIGKILL) }
        collectStderr(until: DispatchTime.now().uptimeNanoseconds + 500_000_000)
        if status == nil {
            var raw: Int32 = 0
            while true {
                let r = waitpid(pid, &raw, 0)
                if r == pid { status = ExitStatus(waitStatus: raw); break }
                if r < 0 && errno != EINTR { status = .signalled(SIGKILL); break }
            }
        }
        closeAll()
    }

    /// Closes standard input (the program's cue to exit), waits up to `grace` seconds, then kills it.
    func shutdown(grace: Double) {
        if stdinFD >= 0 { close(stdinFD); stdinFD = -1 }
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(grace * 1e9)
        // The end of standard output tells when it exits, without sleeping in steps.
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while stdoutFD >= 0, status == nil {
            let now = DispatchTime.now().uptimeNanoseconds
            guard now < deadline else { break }
            var fds = [pollfd(fd: stdoutFD, events: Int16(POLLIN), revents: 0)]
            if stderrFD >= 0 { fds.append(pollfd(fd: stderrFD, events: Int16(POLLIN), revents: 0)) }
            let ready = poll(&fds, nfds_t(fds.count), Int32(max(1, (deadline - now) / 1_000_000)))
            if ready < 0 && errno != EINTR { break }
            if fds[0].revents != 0 {
                let n = buffer.withUnsafeMutableBytes { raw in read(stdoutFD, raw.baseAddress!, raw.count) }
                if n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR) { close(stdoutFD); stdoutFD = -1 }
            }
            if fds.count > 1, fds[1].revents != 0 { drainStderr(&buffer) }
        }
        if waitForExit(until: deadline) == nil { kill() }
        closeAll()
    }

    /// Ends the program at once (used when the owner goes away without a shutdown).
    func terminate() {
        if status == nil { kill() } else { closeAll() }
    }

    private func closeAll() {
        for fd in [stdinFD, stdoutFD, stderrFD] where fd >= 0 { close(fd) }
        stdinFD = -1
        stdoutFD = -1
        stderrFD = -1
    }
}

@inline(__always) private func sendSignal(_ pid: pid_t, _ signal: Int32) -> Int32 {
    #if canImport(Glibc)
        Glibc.kill(pid, signal)
    #elseif canImport(Musl)
        Musl.kill(pid, signal)
    #else
        Darwin.kill(pid, signal)
    #endif
}

/// What spawning needs from the C library beyond POSIX: looked up at run time, because glibc
/// declares them only under _GNU_SOURCE, which Swift's Glibc module does not define.
private enum Spawning {
    #if canImport(Darwin)
        typealias Actions = posix_spawn_file_actions_t?
    #else
        typealias Actions = posix_spawn_file_actions_t
    #endif
    typealias AddChdir = @convention(c) (UnsafeMutablePointer<Actions>, UnsafePointer<CChar>) -> Int32
    typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32

    static let lock = NSLock()
    static let addChdir: AddChdir? = symbol("posix_spawn_file_actions_addchdir_np")
    static let pipe2: Pipe2? = symbol("pipe2")

    static func symbol<T>(_ name: String) -> T? {
        #if canImport(Darwin)
            let handle = UnsafeMutableRawPointer(bitPattern: -2)  // RTLD_DEFAULT
        #else
            let handle: UnsafeMutableRawPointer? = nil  // RTLD_DEFAULT
        #endif
        guard let pointer = dlsym(handle, name) else { return nil }
        return unsafeBitCast(pointer, to: T.self)
    }
}

/// The last bytes written to a stream, for quoting the end of a program's standard error.
struct TailBuffer {
    let capacity: Int
    private(set) var bytes: [UInt8] = []
    /// True when older bytes were dropped.
    private(set) var truncated = false
    /// Bytes appended since the start (a mark for `lines(since:last:)`).
    private(set) var total = 0

    init(capacity: Int) { self.capacity = capacity }

    mutating func append(_ chunk: ArraySlice<UInt8>) {
        total += chunk.count
        bytes.append(contentsOf: chunk)
        if bytes.count > capacity * 2 {
            bytes.removeFirst(bytes.count - capacity)
            truncated = true
        }
    }

    /// The last `count` lines of what was appended after `mark` (a value of `total`), as
    /// `lastLines` gives them.
    func lines(since mark: Int, last count: Int, width: Int = 200) -> [String] {
        let new = min(max(0, total - mark), bytes.count, capacity)
        return Self.lines(of: bytes.suffix(new), last: count, width: width)
    }

    /// The last `count` lines, each clipped to `width` characters, control characters replaced.
    func lastLines(_ count: Int, width: Int = 200) -> [String] {
        Self.lines(of: bytes.suffix(capacity), last: count, width: width)
    }

    private static func lines(of bytes: ArraySlice<UInt8>, last count: Int, width: Int) -> [String] {
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasSuffix("\n") { text.removeLast() }
        guard !text.isEmpty else { return [] }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).suffix(count)
        return lines.map { line in
            let cleaned = String(line.unicodeScalars.map { $0.properties.generalCategory == .control && $0 != "\t" ? "?" : Character($0) })
            return cleaned.count > width ? String(cleaned.prefix(width)) + "…" : cleaned
        }
    }
}
