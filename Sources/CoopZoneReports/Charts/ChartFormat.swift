import Foundation

/// Locale-free formatting of numbers and text for SVG charts and HTML reports, so the same
/// inputs give the same bytes on every machine.
public enum ChartFormat {
    /// `value` rounded half away from zero to `decimals` decimals, with a leading `-` for
    /// negative values (never `-0`); trailing zeros removed when `trim` is true.
    public static func fixed(_ value: Double, decimals: Int, trim: Bool = false) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "Infinity" : "-Infinity") }
        let places = max(0, min(decimals, 12))
        var scale: UInt64 = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(value) * Double(scale)).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9.0e15 else { return String(Int64(value.rounded())) }
        // The digits straight into the string's storage: one allocation per number (a chart
        // writes thousands of coordinates, and a workshop draws its charts on every lever move).
        let units = UInt64(scaled)
        let negative = value < 0 && units != 0
        return String(unsafeUninitializedCapacity: 48) { out in
            var pos = 48
            var whole = units
            if places > 0 {
                var fraction = units % scale
                whole = units / scale
                var count = places
                if trim {
                    while count > 0, fraction % 10 == 0 {
                        fraction /= 10
                        count -= 1
                    }
                }
                if count > 0 {
                    for _ in 0..<count {
                        pos -= 1
                        out[pos] = UInt8(48 + fraction % 10)
                        fraction /= 10
                    }
                    pos -= 1
                    out[pos] = UInt8(ascii: ".")
                }
            }
            repeat {
                pos -= 1
                out[pos] = UInt8(48 + whole % 10)
                whole /= 10
            } while whole > 0
            if negative {
                pos -= 1
                out[pos] = UInt8(ascii: "-")
            }
            let length = 48 - pos
            for i in 0..<length { out[i] = out[pos + i] }
            return length
        }
    }

    /// An SVG coordinate or length: at most two decimals, trailing zeros removed.
    public static func coordinate(_ value: Double) -> String { fixed(value, decimals: 2, trim: true) }

    /// A number for a reader: thousands grouped with commas, `decimals` decimals, and a true
    /// minus sign (U+2212) for negative values.
    public static func grouped(_ value: Double, decimals: Int) -> String {
        var text = fixed(value, decimals: decimals)
        guard value.isFinite else { return text }
        let negative = text.hasPrefix("-")
        if negative { text.removeFirst() }
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        var digits = Array(parts[0])
        var i = digits.count - 3
        while i > 0 {
            digits.insert(",", at: i)
            i -= 3
        }
        let body = String(digits) + (parts.count > 1 ? "." + parts[1] : "")
        return (negative ? "\u{2212}" : "") + body
    }

    /// A number for a reader with as many decimals as its size needs: 0 from 100 up, 1 from
    /// 10, 2 from 1, 3 below (trailing zeros removed), thousands grouped.
    public static func readable(_ value: Double) -> String {
        let magnitude = abs(value)
        let decimals = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3
        var text = grouped(value, decimals: decimals)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "\u{2212}0" ? "0" : text
    }

    /// Text escaped for HTML and SVG content and attribute values.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Control characters other than tab and newline are not allowed in XML.
                if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" { out += " " } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// An estimate of the width of `text` set in the charts' sans-serif font at `fontSize`
    /// pixels: deterministic, used only for layout (margins, legends, labels). Calibrated on
    /// DejaVu Sans, the widest of the usual fallbacks, so other fonts leave room to spare.
    public static func textWidth(_ text: String, fontSize: Double) -> Double {
        var units = 0.0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "i", "l", "j", "I", ".", ",", ":", ";", "'", "|", "!", "(", ")", " ", "[", "]", "f", "t", "r": units += 0.34
            case "m", "w", "M", "W", "—", "…", "\u{2212}": units += 0.9
            case "A"..."Z": units += 0.7
            case "0"..."9": units += 0.64
            case "-", "_": units += 0.5
            default: units += 0.6
            }
        }
        return units * fontSize * 1.04
    }

    /// A string usable in an `id` attribute: lower-case letters, digits and hyphens.
    public static func slug(_ text: String) -> String {
        var out = ""
        for scalar in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) { out.unicodeScalars.append(scalar) } else if !out.hasSuffix("-") { out += "-" }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "x" : out
    }
}
