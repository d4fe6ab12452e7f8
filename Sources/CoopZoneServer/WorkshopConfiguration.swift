import CoopZoneCore
import Foundation

/// How a workshop server runs: the scenario folder, where it listens, where it stores
/// variants, who may change what, and its limits.
public struct WorkshopConfiguration: Sendable {
    /// The folder of scenario files.
    public var directory: String
    /// The address to bind: `127.0.0.1` unless the facilitator opens it to the room.
    public var host: String
    /// The port (0 picks a free one).
    public var port: Int
    /// The SQLite file of saved variants.
    public var dataFile: String
    /// Access codes.
    public var access: AccessPolicy
    /// The evaluators.
    public var registry: [EvaluatorEntry]
    /// The largest request body accepted, in bytes.
    public var maxBodyBytes: Int
    /// Requests per client address (reads; a Monte Carlo request counts as 10).
    public var readLimit: RateLimiter.Limit
    /// Changes per client address (saves, locks, resets, wrong codes).
    public var writeLimit: RateLimiter.Limit
    /// Apply the rate limits to loopback clients too (tests); by default the facilitator's own
    /// machine is not limited.
    public var limitLoopback: Bool
    /// How often pages poll for a changed file, reset or lock, in milliseconds.
    public var pollMilliseconds: Int
    /// How long a connection may stay without a complete request part (an idle keep-alive, or
    /// headers sent only in part) before the server closes it, in seconds.
    public var idleTimeoutSeconds: Int

    /// A configuration; on a non-loopback `host` without an explicit `access`, codes are generated.
    public init(
        directory: String, host: String = "127.0.0.1", port: Int = 8080, dataFile: String? = nil, access: AccessPolicy? = nil,
        registry: [EvaluatorEntry], maxBodyBytes: Int = 16 * 1024,
        readLimit: RateLimiter.Limit = .init(perSecond: 40, burst: 80),
        writeLimit: RateLimiter.Limit = .init(perSecond: 1, burst: 20),
        limitLoopback: Bool = false, pollMilliseconds: Int = 2000, idleTimeoutSeconds: Int = 30
    ) {
        self.directory = directory
        self.host = host
        self.port = port
        self.dataFile = dataFile ?? VariantStore.defaultPath()
        self.access = access ?? (AccessPolicy.isLoopback(host: host) ? .open : .generated())
        self.registry = registry
        self.maxBodyBytes = maxBodyBytes
        self.readLimit = readLimit
        self.writeLimit = writeLimit
        self.limitLoopback = limitLoopback
        self.pollMilliseconds = pollMilliseconds
        self.idleTimeoutSeconds = idleTimeoutSeconds
    }
}
