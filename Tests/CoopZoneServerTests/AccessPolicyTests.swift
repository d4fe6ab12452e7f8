import Testing

@testable import CoopZoneServer

struct AccessPolicyTests {
    @Test(arguments: ["127.0.0.1", "127.1.2.3", "localhost", "LOCALHOST", "::1", "[::1]"])
    func knowsLoopback(_ host: String) { #expect(AccessPolicy.isLoopback(host: host)) }

    @Test(arguments: ["0.0.0.0", "192.168.1.5", "10.0.0.1", "::", "example.org", "127.0.0.1.example.org", "1270.0.0.1"])
    func knowsWhatIsNot(_ host: String) { #expect(!AccessPolicy.isLoopback(host: host)) }

    @Test func comparesCodes() {
        let policy = AccessPolicy(participantCode: "123456", facilitatorCode: "abcdefghjk")
        #expect(policy.allowsParticipant("123456"))
        #expect(policy.allowsParticipant("abcdefghjk"), "the facilitator may save too")
        #expect(!policy.allowsParticipant("12345"))
        #expect(!policy.allowsParticipant("1234567"))
        #expect(!policy.allowsParticipant(nil))
        #expect(!policy.allowsFacilitator("123456"))
        #expect(policy.allowsFacilitator("abcdefghjk"))
        #expect(AccessPolicy.open.allowsParticipant(nil) && AccessPolicy.open.allowsFacilitator(nil))
        let generated = AccessPolicy.generated()
        #expect(generated.participantCode?.allSatisfy(\.isNumber) == true)
        #expect(generated != AccessPolicy.generated())
    }
}
