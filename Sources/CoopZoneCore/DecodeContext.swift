import Foundation

/// Collects diagnostics and numbers while a scenario tree is decoded. One per load.
final class DecodeContext {
    var diagnostics: [Diagnostic] = []
    /// Zones with a stage that could not be read (its errors are reported): their timelines are
    /// not checked, since every stage that waits on the missing one would seem stuck.
    var zonesWithUnreadStages: Set<String> = []
    var values: [Double] = []
    var inputs: [InputInfo] = []
    /// The text of every table file read (CSV), folded into the scenario's content hash.
    var tableTexts: [String] = []

    func error(_ message: String, at location: SourceLocation?, hint: String? = nil) {
        diagnostics.append(Diagnostic(.error, message, at: location, hint: hint))
    }

    func warning(_ message: String, at location: SourceLocation?, hint: String? = nil) {
        diagnostics.append(Diagnostic(.warning, message, at: location, hint: hint))
    }

    /// Registers a number and returns its handle.
    func register(_ info: InputInfo) -> Quantity {
        values.append(info.central)
        inputs.append(info)
        return Quantity(slot: values.count - 1)
    }
}

/// Constraints on a number, checked where it is read.
struct NumberRule {
    var unit: Unit
    var range: ClosedRange<Double>?
    var rangeHint: String?

    static let share = NumberRule(unit: .fraction, range: 0...1, rangeHint: "shares and rates are fractions between 0 and 1: write 0.15 for 15 %")
    static let rate = NumberRule(unit: .fraction, range: 0...1, rangeHint: "tax rates are fractions between 0 and 1: write 0.15 for 15 %")
    static let money = NumberRule(unit: .usdMillion, range: 0...Double.greatestFiniteMagnitude, rangeHint: "money cannot be negative here")
    static let moneyPerYear = NumberRule(unit: .usdMillionPerYear, range: 0...Double.greatestFiniteMagnitude, rangeHint: "money cannot be negative here")
    static let moneyPerHectare = NumberRule(
        unit: .usdMillionPerHectarePerYear, range: 0...Double.greatestFiniteMagnitude, rangeHint: "money cannot be negative here")
    static let persons = NumberRule(unit: .persons, range: 0...Double.greatestFiniteMagnitude, rangeHint: "a number of people cannot be negative")
    static let growth = NumberRule(unit: .fractionPerYear, range: -0.99...10, rangeHint: "growth is a fraction per year: write 0.05 for 5 % a year")
    static let days = NumberRule(unit: .days, range: 0...3650, rangeHint: "a crossing time in days, 0 or more")
    static let hectares = NumberRule(unit: .hectares, range: 0...Double.greatestFiniteMagnitude, rangeHint: "an area cannot be negative")
    static let kilometres = NumberRule(unit: .kilometres, range: 0...Double.greatestFiniteMagnitude, rangeHint: "a distance cannot be negative")
    static let years = NumberRule(unit: .years, range: 0...100, rangeHint: "a number of years between 0 and 100")
    static let wage = NumberRule(unit: .usdThousandPerJobYear, range: 0...Double.greatestFiniteMagnitude, rangeHint: "a wage cannot be negative")
    static let any = NumberRule(unit: .ratio, range: nil, rangeHint: nil)
}

/// The keys of one mapping, checked against the keys the format allows there (its level's
/// table in `ScenarioFormat`), and read by the rules of that table: whether a key is required,
/// a number's unit and range, a whole number's range.
struct Fields {
    let node: YNode
    let context: DecodeContext
    /// The path of this mapping, as `--set` takes it (`regions.fergana`).
    let path: String
    /// The provenance plain numbers inside inherit (`source:` or `assumption:` on this mapping or above).
    let provenance: Provenance
    /// What this mapping is, for messages ("region 'fergana'").
    let what: String
    let isMapping: Bool
    /// The format's table for this mapping; nil for mappings whose keys are data (sector ids, evaluator parameters).
    let level: FormatLevel?

    static let provenanceKeys = ScenarioFormat.provenance.map(\.key)

    /// A mapping of the format's `level`.
    init(_ node: YNode, context: DecodeContext, path: String, what: String, level: FormatLevel, inherited: Provenance = .unspecified) {
        self.init(node, context: context, path: path, what: what, allowed: level.keys, inherited: inherited, carriesProvenance: level.provenance, level: level)
    }

    init(
        _ node: YNode, context: DecodeContext, path: String, what: String, allowed: [String],
        inherited: Provenance = .unspecified, carriesProvenance: Bool = true, level: FormatLevel? = nil
    ) {
        self.level = level
        self.node = node
        self.context = context
        self.path = path
        self.what = what
        guard let entries = node.entries else {
            context.error(
                "expected a mapping for \(what), found \(node.kindDescription)", at: node.location,
                hint: "write \(what) as 'key: value' lines, e.g. \(allowed.prefix(2).map { "'\($0): …'" }.joined(separator: " and "))")
            isMapping = false
            provenance = inherited
            return
        }
        isMapping = true
        let permitted = carriesProvenance ? allowed + Fields.provenanceKeys : allowed
        for entry in entries where !permitted.contains(entry.key) {
            let suggestion = closestMatch(to: entry.key, in: permitted)
            context.error(
                "unknown key '\(entry.key)' in \(what)" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
                at: entry.keyLocation,
                hint: suggestion == nil ? "allowed keys here: \(allowed.joined(separator: ", "))" : nil)
        }
        var own = inherited
        if carriesProvenance {
            if let source = node["source"], let id = source.scalarText {
                own = .source(id: id, locator: node["at"]?.scalarText)
            } else if let assumption = node["assumption"], let text = assumption.scalarText {
                own = .assumption(text)
            }
        }
        provenance = own
    }

    subscript(key: String) -> YNode? { isMapping ? node[key] : nil }

    func location(of key: String) -> SourceLocation { node.entries?.first { $0.key == key }?.keyLocation ?? node.location }

    func child(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// Whether the format's table requires `key` here (a key some cases need is read with `required:` in code).
    func isRequired(_ key: String) -> Bool { level?.field(key)?.required == .yes }

    /// The value of `key`, reporting its absence once when it is required.
    @discardableResult
    func requireKey(_ key: String) -> YNode? {
        guard isMapping else { return nil }
        guard let value = node[key], !value.isNull else {
            let missing = Diagnostic(
                .error, "\(what) needs '\(key)'", at: node[key]?.location ?? node.location,
                hint: "add '\(key): …' (see Docs/scenario-format.md)")
            // A key read twice (a zone's regions) is reported once.
            if !context.diagnostics.contains(missing) { context.diagnostics.append(missing) }
            return nil
        }
        return value
    }

    func value(_ key: String, required: Bool?) -> YNode? {
        (required ?? isRequired(key)) ? requireKey(key) : self[key]
    }

    func string(_ key: String, required: Bool? = nil) -> String? {
        guard let value = value(key, required: required), !value.isNull else { return nil }
        guard case .scalar(let text, _) = value.value else {
            context.error("expected text for '\(key)' in \(what), found \(value.kindDescription)", at: value.location)
            return nil
        }
        return text
    }

    /// An identifier: letters, digits, '_' and '-'.
    func identifier(_ key: String, required: Bool? = nil) -> String? {
        guard let text = string(key, required: required) else { return nil }
        if text.isEmpty || text.count > 64 || !text.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) {
            context.error(
                "'\(text)' is not a valid id for '\(key)' in \(what)", at: self[key]?.location,
                hint: "ids use letters, digits, '_' and '-' only, at most 64 characters, e.g. 'fergana'")
            return nil
        }
        return text
    }

    func bool(_ key: String) -> Bool? {
        guard let value = self[key], !value.isNull else { return nil }
        switch value.scalarText {
        case "true", "True", "yes": return true
        case "false", "False", "no": return false
        default:
            context.error("expected true or false for '\(key)' in \(what), found \(value.kindDescription)", at: value.location)
            return nil
        }
    }

    func integer(_ key: String, required: Bool? = nil) -> Int? {
        guard let value = value(key, required: required), !value.isNull else { return nil }
        return Fields.integer(value, what: "'\(key)' in \(what)", context: context, range: level?.field(key)?.integerRange)
    }

    static func integer(_ value: YNode, what: String, context: DecodeContext, range: ClosedRange<Int>? = nil) -> Int? {
        guard case .scalar(let text, let quoted) = value.value, !quoted,
            let number = Int(text) ?? (text.utf8.contains(UInt8(ascii: "_")) ? Int(text.replacingOccurrences(of: "_", with: "")) : nil)
        else {
            context.error("expected a whole number for \(what), found \(value.kindDescription)", at: value.location)
            return nil
        }
        if let range, !range.contains(number) {
            context.error("\(what) is \(number); it must be between \(range.lowerBound) and \(range.upperBound)", at: value.location)
            return nil
        }
        return number
    }

    func list(_ key: String, required: Bool? = nil) -> [YNode] {
        guard let value = value(key, required: required), !value.isNull else { return [] }
        guard let items = value.items else {
            context.error(
                "expected a list for '\(key)' in \(what), found \(value.kindDescription)", at: value.location,
                hint: "write a list as lines starting with '- ', or as [a, b]")
            return []
        }
        return items
    }

    func stringList(_ key: String, required: Bool? = nil) -> [String] {
        list(key, required: required).compactMap { item in
            guard let text = item.scalarText, !item.isNull else {
                context.error("expected text in '\(key)' of \(what), found \(item.kindDescription)", at: item.location)
                return nil
            }
            return text
        }
    }

    /// A number, plain or as a mapping with provenance and an optional distribution, in the unit
    /// and range of its row in the format's table.
    func quantity(_ key: String, required: Bool? = nil) -> Quantity? {
        guard let value = value(key, required: required), !value.isNull else { return nil }
        return Fields.quantity(value, path: child(key), name: "'\(key)' in \(what)", rule: rule(of: key), inherited: provenance, context: context)
    }

    /// A number by an explicit rule, for a mapping whose keys are data (a sector id's duty).
    func quantity(_ key: String, _ rule: NumberRule, required: Bool? = nil) -> Quantity? {
        guard let value = value(key, required: required), !value.isNull else { return nil }
        return Fields.quantity(value, path: child(key), name: "'\(key)' in \(what)", rule: rule, inherited: provenance, context: context)
    }

    /// The unit and range of the number `key` (`.any` for a mapping whose keys are data).
    func rule(of key: String) -> NumberRule {
        guard let level else { return .any }
        guard let rule = level.field(key)?.numberRule else {
            assertionFailure("'\(key)' is not a number of level '\(level.name)' in ScenarioFormat")
            return .any
        }
        return rule
    }

    static func quantity(_ node: YNode, path: String, name: String, rule: NumberRule, inherited: Provenance, context: DecodeContext) -> Quantity? {
        var central: Double?
        var provenance = inherited
        var distribution: Distribution?
        switch node.value {
        case .scalar:
            central = number(node, name: name, context: context)
            guard central != nil else { return nil }
        case .sequence:
            context.error(
                "expected a number for \(name), found a list", at: node.location,
                hint: "write a number, or a mapping such as {value: 0.2, source: book}")
            return nil
        case .mapping:
            let fields = Fields(node, context: context, path: path, what: name, level: ScenarioFormat.quantity, inherited: inherited)
            provenance = fields.provenance
            if let unitNode = fields["unit"], let text = unitNode.scalarText {
                if Unit(rawValue: text) != rule.unit {
                    context.error(
                        "\(name) is in \(rule.unit.rawValue) (\(rule.unit.symbol)), not '\(text)'", at: unitNode.location,
                        hint: "convert the value to \(rule.unit.rawValue), or remove 'unit'")
                }
            }
            if let valueNode = fields["value"] { central = number(valueNode, name: name, context: context) }
            distribution = Fields.distribution(fields, name: name, context: context)
            let distributionGiven = ScenarioFormat.distributionKeys.contains { fields[$0] != nil }
            // A warning, not an error: a workshop lever or `--set` may move the central value past
            // the range on purpose, but the author should know what that does to the bands.
            if let distribution, let value = central, let valueNode = fields["value"], !(distribution.low...distribution.high).contains(value) {
                context.warning(
                    "the value of \(name), \(format(value)), is outside its own distribution's range \(format(distribution.low))…\(format(distribution.high)): "
                        + "no Monte Carlo draw comes near the single run's number, and sensitivity's low and high do not bracket it",
                    at: valueNode.location, hint: "move 'value' into the range, or widen the range")
            }
            if central == nil && fields["value"] == nil {
                if let distribution {
                    central = distribution.central
                } else if distributionGiven {
                    return nil  // the distribution's own error says what is wrong
                } else {
                    context.error(
                        "\(name) needs 'value' (or a distribution: uniform, triangular or normal)", at: node.location,
                        hint: "write {value: 0.2, source: book} or {triangular: [0.1, 0.2, 0.4], assumption: \"…\"}")
                    return nil
                }
            }
        }
        guard let central else { return nil }
        if let range = rule.range {
            let checks = [central] + (distribution.map { [$0.low, $0.high] } ?? [])
            if let bad = checks.first(where: { !range.contains($0) }) {
                let bounds =
                    range.upperBound == .greatestFiniteMagnitude
                    ? "at least \(format(range.lowerBound))" : "between \(format(range.lowerBound)) and \(format(range.upperBound))"
                context.error("\(name) is \(format(bad)); it must be \(bounds)", at: node["value"]?.location ?? node.location, hint: rule.rangeHint)
                return nil
            }
        }
        if case .source(let id, _) = provenance, id.isEmpty {
            context.error("empty 'source' for \(name)", at: node.location, hint: "name a source id from the scenario's 'sources' list")
        }
        return context.register(
            InputInfo(
                path: path, unit: rule.unit, central: central, provenance: provenance,
                distribution: distribution, location: node["value"]?.location ?? node.location))
    }

    static func distribution(_ fields: Fields, name: String, context: DecodeContext) -> Distribution? {
        let given = ScenarioFormat.distributionKeys.filter { fields[$0] != nil }
        if given.count > 1 {
            context.error(
                "\(name) has more than one distribution (\(given.joined(separator: ", ")))", at: fields.location(of: given[1]),
                hint: "keep one of uniform, triangular or normal")
            return nil
        }
        guard let kind = given.first, let node = fields[kind] else { return nil }
        func numbers(_ count: Int, _ shape: String) -> [Double]? {
            guard let items = node.items, items.count == count else {
                context.error("'\(kind)' for \(name) needs \(count) numbers: \(shape)", at: node.location, hint: "for example \(kind): [\(shape)]")
                return nil
            }
            let values = items.compactMap { number($0, name: "'\(kind)' of \(name)", context: context) }
            return values.count == count ? values : nil
        }
        switch kind {
        case "uniform":
            guard let v = numbers(2, "low, high") else { return nil }
            guard v[0] <= v[1] else {
                context.error("uniform bounds of \(name) are reversed: \(format(v[0])) > \(format(v[1]))", at: node.location, hint: "write [low, high]")
                return nil
            }
            return .uniform(low: v[0], high: v[1])
        case "triangular":
            guard let v = numbers(3, "low, mode, high") else { return nil }
            guard v[0] <= v[1], v[1] <= v[2] else {
                context.error(
                    "triangular values of \(name) must be in order low ≤ mode ≤ high, found \(v.map(format))", at: node.location,
                    hint: "write [low, mode, high]")
                return nil
            }
            return .triangular(low: v[0], mode: v[1], high: v[2])
        default:
            let normal = Fields(node, context: context, path: fields.path + ".normal", what: "normal distribution of \(name)", level: ScenarioFormat.normal)
            guard normal.isMapping else { return nil }
            let parts = ScenarioFormat.normal.keys.map { key -> Double? in
                guard let value = normal.requireKey(key) else { return nil }
                return number(value, name: "'\(key)' of the normal distribution of \(name)", context: context)
            }
            guard let mean = parts[0], let sd = parts[1], let low = parts[2], let high = parts[3] else { return nil }
            var problems: [String] = []
            if !(sd > 0) { problems.append("sd must be above 0, found \(format(sd))") }
            if !(low <= high) {
                problems.append("low (\(format(low))) must not be above high (\(format(high)))")
            } else if !(low <= mean && mean <= high) {
                problems.append("mean \(format(mean)) must lie between low \(format(low)) and high \(format(high))")
            }
            guard problems.isEmpty else {
                context.error(
                    "normal distribution of \(name): " + problems.joined(separator: "; "), at: node.location,
                    hint: "bounds keep sampled values meaningful, e.g. {mean: 4, sd: 0.5, low: 3, high: 6}")
                return nil
            }
            return .normal(mean: mean, sd: sd, low: low, high: high)
        }
    }

    /// Parses a plain number; quoted text, percentages, NaN and infinities are errors.
    static func number(_ node: YNode, name: String, context: DecodeContext) -> Double? {
        guard case .scalar(let raw, let quoted) = node.value else {
            context.error("expected a number for \(name), found \(node.kindDescription)", at: node.location)
            return nil
        }
        let text = trimmedSpaces(raw)
        if !quoted, let value = parseNumber(text) {
            if value.isNaN || value.isInfinite {
                context.error("\(name) is \(text), which is not a finite number", at: node.location, hint: "write a finite number")
                return nil
            }
            return value
        }
        if !quoted, text.hasSuffix("%"), let percent = parseNumber(String(text.dropLast())) {
            context.error(
                "expected a number for \(name), found '\(text)'", at: node.location,
                hint: "write percentages as fractions: \(format(percent / 100)) for \(text)")
            return nil
        }
        let lowered = text.lowercased()
        if [".nan", "nan", ".inf", "+.inf", "-.inf", "inf", "infinity", "-inf"].contains(lowered) {
            context.error("\(name) is \(text), which is not a finite number", at: node.location, hint: "write a finite number")
            return nil
        }
        context.error(
            "expected a number for \(name), found \(quoted ? "the text " : "")\(node.kindDescription)", at: node.location,
            hint: quoted ? "remove the quotes around the number" : "write digits with '.' as the decimal point, e.g. 1688.1")
        return nil
    }

    /// A number of digits, signs, '.', 'e' or 'E', with '_' as a digit separator (`1_000`); nil for
    /// anything else. Scans the UTF-8 bytes once (every number of every load comes through here).
    static func parseNumber(_ text: String) -> Double? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 where byte != UInt8(ascii: "_") {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"):
                bytes.append(byte)
            default:
                return nil
            }
        }
        guard !bytes.isEmpty, bytes.count < 64 else { return nil }
        return Double(String(decoding: bytes, as: UTF8.self))
    }

    /// `text` without leading and trailing spaces and tabs.
    static func trimmedSpaces(_ text: String) -> String {
        let utf8 = text.utf8
        let isSpace = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        guard let first = utf8.first, let last = utf8.last, isSpace(first) || isSpace(last) else { return text }
        guard let start = utf8.firstIndex(where: { !isSpace($0) }), let end = utf8.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(text[start...end])
    }
}

/// A number printed without needless digits (`0.15`, `2029`), to 6 significant digits,
/// without Foundation's locale-aware formatter (this runs in hot loops).
public func format(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
    let magnitude = abs(value)
    if magnitude >= 1e-4 && magnitude < 1e15 {
        // Round to 6 significant digits, then print the shortest form of the rounded double.
        var scale = 1.0, digits = 0
        while magnitude * scale < 1e5 && digits < 20 { scale *= 10; digits += 1 }
        let rounded = (value * scale).rounded() / scale
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
        let text = "\(rounded)"
        if !text.contains("e") { return text }
    }
    return String(format: "%.6g", value)
}
