import Foundation

/// Who may change what. On the loopback interface only the facilitator's own machine can
/// connect, so nothing needs a code. On a shared network, saving a variant needs the
/// participants' access code, and the facilitator's actions (locks, reset) need the
/// facilitator's code; both are printed when the server starts.
public struct AccessPolicy: Sendable, Equatable {
    /// The code participants type to save variants; nil when none is needed.
    public var participantCode: String?
    /// The code for the facilitator's actions; nil when none is needed.
    public var facilitatorCode: String?

    /// A policy with the given codes.
    public init(participantCode: String?, facilitatorCode: String?) {
        self.participantCode = participantCode
        self.facilitatorCode = facilitatorCode
    }

    /// No codes (loopback).
    public static let open = AccessPolicy(participantCode: nil, facilitatorCode: nil)

    /// New random codes: six digits for participants (easy to type on a phone), ten letters
    /// and digits for the facilitator.
    public static func generated() -> AccessPolicy {
        var generator = SystemRandomNumberGenerator()
        let digits = (0..<6).map { _ in String(Int.random(in: 0...9, using: &generator)) }.joined()
        let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")
        let facilitator = String((0..<10).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
        return AccessPolicy(participantCode: digits, facilitatorCode: facilitator)
    }

    /// True when `host` is a loopback address or name.
    public static func isLoopback(host: String) -> Bool {
        let h = host.lowercased()
        if h == "localhost" || h == "::1" || h == "[::1]" { return true }
        let parts = h.split(separator: ".")
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    /// Whether a participant may save with `code` (the facilitator's code works too).
    public func allowsParticipant(_ code: String?) -> Bool {
        guard let participantCode else { return true }
        guard let code else { return false }
        return Self.equal(code, participantCode) || facilitatorCode.map { Self.equal(code, $0) } == true
    }

    /// Whether the facilitator's actions are allowed with `code`.
    public func allowsFacilitator(_ code: String?) -> Bool {
        guard let facilitatorCode else { return true }
        guard let code else { return false }
        return Self.equal(code, facilitatorCode)
    }

    /// Compares in time independent of where the texts differ.
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var difference = UInt8(x.count == y.count ? 0 : 1)
        for i in 0..<max(x.count, y.count) {
            difference |= (i < x.count ? x[i] : 0) ^ (i < y.count ? y[i] : 0)
        }
        return difference == 0
    }
}
