import Foundation

/// A language of the reports and the workshop page: English, the default, and Russian, the
/// working language of the ministries the tool is for.
public enum Language: String, Sendable, CaseIterable, Codable {
    /// English.
    case en
    /// Russian.
    case ru

    /// The language's own name, for a language switch.
    public var name: String {
        switch self {
        case .en: "English"
        case .ru: "Русский"
        }
    }

    /// The language's name in English, for messages.
    public var englishName: String {
        switch self {
        case .en: "English"
        case .ru: "Russian"
        }
    }

    /// Numbers as a reader of the language writes them: English `1,234.5`; Russian `1 234,5`
    /// (a narrow no-break space, U+202F, between thousands, so a number never breaks across
    /// lines, and a decimal comma). Negative numbers take a true minus sign (U+2212).
    public var groupSeparator: String { self == .ru ? "\u{202F}" : "," }
    /// The decimal separator.
    public var decimalSeparator: String { self == .ru ? "," : "." }

    /// `value` with `decimals` decimals (rounded half away from zero), thousands grouped, in
    /// this language's number format; "n/a" or its translation for a value that is not finite.
    public func number(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? Messages(self)("number.not_available") : (value > 0 ? "∞" : "−∞") }
        let places = max(0, min(decimals, 12))
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9.0e15 else { return String(format: "%.0f", value) }
        let units = UInt64(scaled)
        let whole = units / UInt64(scale), fraction = units % UInt64(scale)
        let digits = Array(String(whole))
        var grouped = ""
        for (i, digit) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { grouped += groupSeparator }
            grouped.append(digit)
        }
        var out = (units != 0 && value < 0 ? "\u{2212}" : "") + grouped
        if places > 0 {
            let text = String(fraction)
            out += decimalSeparator + String(repeating: "0", count: places - text.count) + text
        }
        return out
    }

    /// A number with as many decimals as its size needs (0 from 100 up, 1 from 10, 2 from 1, 3
    /// below; trailing zeros removed), thousands grouped, in this language's format.
    public func readable(_ value: Double) -> String {
        guard value.isFinite else { return number(value, decimals: 0) }
        let magnitude = abs(value)
        let decimals = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3
        var text = number(value, decimals: decimals)
        if decimals > 0 {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(decimalSeparator) { text.removeLast(decimalSeparator.count) }
        }
        return text == "\u{2212}0" ? "0" : text
    }
}
