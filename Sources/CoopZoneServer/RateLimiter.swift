import Foundation
import Synchronization

/// Token buckets per client address: each address may make `burst` requests at once and
/// `perSecond` a second after that. Loopback clients (the facilitator's own machine, the load
/// test) are exempt unless `limitLoopback` is set.
public final class RateLimiter: Sendable {
    /// Limits of one kind of request.
    public struct Limit: Sendable, Equatable {
        /// Requests refilled per second.
        public var perSecond: Double
        /// Bucket size.
        public var burst: Double

        /// A limit.
        public init(perSecond: Double, burst: Double) {
            self.perSecond = perSecond.isFinite ? max(0, perSecond) : 0
            self.burst = burst.isFinite ? max(1, burst) : 1
        }
    }

    struct Bucket {
        var tokens: Double
        var updated: UInt64
    }

    let limit: Limit
    let limitLoopback: Bool
    private let buckets = Mutex<[String: Bucket]>([:])
    /// The most addresses tracked; beyond it the stalest are forgotten.
    static let maxClients = 10_000

    /// Creates a limiter.
    public init(_ limit: Limit, limitLoopback: Bool = false) {
        self.limit = limit
        self.limitLoopback = limitLoopback
    }

    /// Takes a token for `client` (an IP address, or nil when unknown); returns nil when allowed,
    /// else the seconds to wait.
    public func take(client: String?, cost: Double = 1, now: UInt64 = DispatchTime.now().uptimeNanoseconds) -> Int? {
        let key = client ?? "unknown"
        if !limitLoopback, let client, Self.isLoopbackAddress(client) { return nil }
        return buckets.withLock { buckets in
            var bucket = buckets[key] ?? Bucket(tokens: limit.burst, updated: now)
            let elapsed = Double(now &- bucket.updated) / 1e9
            bucket.tokens = min(limit.burst, bucket.tokens + max(0, elapsed) * limit.perSecond)
            bucket.updated = now
            if bucket.tokens >= cost {
                bucket.tokens -= cost
                buckets[key] = bucket
                if buckets.count > Self.maxClients {
                    let cut = buckets.values.map(\.updated).sorted()[buckets.count / 2]
                    buckets = buckets.filter { $0.value.updated > cut }
                }
                return nil
            }
            buckets[key] = bucket
            let wait = (cost - bucket.tokens) / max(limit.perSecond, 1e-3)
            return wait.isFinite ? max(1, min(3600, Int(wait.rounded(.up)))) : 3600
        }
    }

    static func isLoopbackAddress(_ address: String) -> Bool {
        address == "::1" || address.hasPrefix("127.") || address.hasPrefix("::ffff:127.")
    }
}
