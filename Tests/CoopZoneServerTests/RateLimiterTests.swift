import Testing

@testable import CoopZoneServer

struct RateLimiterTests {
    @Test func allowsABurstThenRefillsAtTheRate() {
        let limiter = RateLimiter(.init(perSecond: 2, burst: 3))
        let t0: UInt64 = 1_000_000_000
        for _ in 0..<3 { #expect(limiter.take(client: "10.0.0.2", now: t0) == nil) }
        #expect(limiter.take(client: "10.0.0.2", now: t0) == 1)
        #expect(limiter.take(client: "10.0.0.3", now: t0) == nil, "another address has its own bucket")
        #expect(limiter.take(client: "10.0.0.2", now: t0 + 500_000_000) == nil, "half a second refills one token")
        #expect(limiter.take(client: "10.0.0.2", now: t0 + 500_000_000) != nil)
    }

    @Test func exemptsLoopbackUnlessAsked() {
        let open = RateLimiter(.init(perSecond: 1, burst: 1))
        for _ in 0..<10 { #expect(open.take(client: "127.0.0.1") == nil) }
        let strict = RateLimiter(.init(perSecond: 0.001, burst: 1), limitLoopback: true)
        #expect(strict.take(client: "127.0.0.1") == nil)
        #expect(strict.take(client: "127.0.0.1") != nil)
    }
}
