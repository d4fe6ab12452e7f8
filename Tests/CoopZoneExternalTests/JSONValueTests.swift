import CoopZoneCore
import Testing

@testable import CoopZoneExternal

struct JSONValueTests {
    @Test func parsesWhatJSONAllows() throws {
        let value = try JSONParser.parse(#" {"a": [1, -2.5e3, true, false, null], "b": "x\"y\\z\u00e9\ud83d\ude00\n", "c": {}} "#)
        #expect(value["a"] == .array([.number(1), .number(-2500), .bool(true), .bool(false), .null]))
        #expect(value["b"] == .string("x\"y\\zé😀\n"))
        #expect(value["c"] == .object([]))
    }

    @Test func writesWhatItReadsBack() throws {
        let value = JSONValue.object([
            ("s", .string("tab\there \"q\" \u{1}")), ("n", .number(0.1)), ("i", .number(2031)), ("big", .number(1e300)), ("a", .array([.null])),
        ])
        #expect(value.text == #"{"s":"tab\there \"q\" \u0001","n":0.1,"i":2031,"big":1e+300,"a":[null]}"#)
        #expect(try JSONParser.parse(value.text) == value)
    }

    @Test(arguments: [
        ("", "unexpected end of the text at byte 0"),
        ("{\"a\" 1}", "expected ':' after a key at byte 5"),
        ("[1,]", "unexpected ']' where a value should start at byte 3"),
        ("01", "invalid number (leading zero) at byte 0"),
        ("NaN", "unexpected 'N' where a value should start at byte 0"),
        ("\"a\nb\"", "control character inside a string (write it as an escape) at byte 2"),
        ("\"\\ud800\"", "unpaired surrogate in a \\u escape at byte 7"),
        ("{} {}", "unexpected text after the JSON value at byte 3"),
        ("1e999", "number out of range at byte 0"),
    ])
    func refusesWhatJSONDoesNotAllow(text: String, message: String) {
        #expect(throws: JSONParseError.self) { try JSONParser.parse(text) }
        do { _ = try JSONParser.parse(text) } catch { #expect(error.description == message) }
    }

    @Test func deepNestingIsRefusedNotACrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        do { _ = try JSONParser.parse(deep); Issue.record("must not parse") } catch {
            #expect(error.message == "nesting deeper than 64 levels")
        }
    }

    @Test func invalidUTF8IsRefused() {
        #expect(throws: JSONParseError.self) { try JSONParser.parse([0x22, 0xFF, 0xFE, 0x22]) }
    }
}
