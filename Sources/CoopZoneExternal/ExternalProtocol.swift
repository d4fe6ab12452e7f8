import CoopZoneCore
import Foundation

/// The evaluator protocol: newline-delimited JSON over the program's standard input and
/// output. CoopZone writes one request per line; the program answers each with exactly one
/// response line, in order. Docs/writing-an-evaluator.md is the reference; this type builds
/// requests and checks responses against the evaluator's manifest.
public enum ExternalProtocol {
    /// The protocol version this CoopZone speaks. Requests carry it; a response or a manifest
    /// with another version is refused with a clear error.
    public static let version = 1
    /// The protocol's name, sent in every request.
    public static let name = "coopzone-evaluator"

    /// One draw of a request: the scenario's numbers that differ from the request's scenario,
    /// and the results of the evaluator's dependencies in that draw.
    struct Draw {
        var changes: String
        var dependencies: [String: EvaluationResult]
        /// The draw's `views` object (JSON), when the manifest asks for views.
        var views: String? = nil
    }

    /// The text of an `evaluate` request (one line, newline included).
    static func request(
        id: Int, descriptor: EvaluatorDescriptor, parameters: [String: ParameterValue], scenarioJSON: String,
        draws: [Draw], reads: [String: Set<String>] = [:], protocolVersion: Int = version
    ) -> [UInt8] {
        var w = JSONWriter()
        w.reserve(scenarioJSON.utf8.count + draws.count * 64 + 512)
        w.raw("{\"protocol\":")
        w.string(name)
        w.raw(",\"protocol_version\":")
        w.integer(protocolVersion)
        w.raw(",\"type\":\"evaluate\",\"id\":")
        w.integer(id)
        w.raw(",\"evaluator\":{\"id\":")
        w.string(descriptor.id)
        w.raw(",\"version\":")
        w.string(descriptor.version)
        w.raw("},\"parameters\":{")
        for (i, spec) in descriptor.parameters.enumerated() {
            if i > 0 { w.raw(",") }
            w.string(spec.name)
            w.raw(":")
            switch parameters[spec.name] ?? .number(spec.defaultValue) {
            case .number(let n): w.number(n)
            case .text(let t): w.string(t)
            }
        }
        w.raw("},\"scenario\":")
        w.raw(scenarioJSON)
        w.raw(",\"draws\":[")
        for (i, draw) in draws.enumerated() {
            if i > 0 { w.raw(",") }
            w.raw("{\"changes\":")
            w.raw(draw.changes)
            w.raw(",\"dependencies\":{")
            for (j, dependency) in descriptor.dependencies.enumerated() {
                if j > 0 { w.raw(",") }
                w.string(dependency)
                w.raw(":")
                writeResult(draw.dependencies[dependency] ?? EvaluationResult(), only: reads[dependency], to: &w)
            }
            w.raw("}")
            if let views = draw.views {
                w.raw(",\"views\":")
                w.raw(views)
            }
            w.raw("}")
        }
        w.raw("]}\n")
        return Array(w.output.utf8)
    }

    /// Writes a result as the protocol carries it (rows in the shape of Docs/results-format.md).
    /// With `only`, just the rows and headlines of those metrics, and no findings (the
    /// manifest's `reads:`).
    static func writeResult(_ result: EvaluationResult, only: Set<String>? = nil, to w: inout JSONWriter) {
        w.raw("{\"rows\":[")
        var first = true
        for row in result.rows where only?.contains(row.metric) ?? true {
            if !first { w.raw(",") }
            first = false
            w.raw("{\"evaluator\":")
            w.string(row.evaluator)
            w.raw(",\"metric\":")
            w.string(row.metric)
            w.raw(",\"unit\":")
            w.string(row.unit.rawValue)
            w.raw(",\"year\":")
            if let year = row.year { w.integer(year) } else { w.raw("null") }
            for dimension in Dimension.allCases {
                if let value = row.dimensions[dimension] {
                    w.raw(",")
                    w.string(dimension.rawValue)
                    w.raw(":")
                    w.string(value)
                }
            }
            w.raw(",\"value\":")
            w.number(row.value)
            w.raw("}")
        }
        w.raw("],\"findings\":[")
        for (i, finding) in (only == nil ? result.findings : []).enumerated() {
            if i > 0 { w.raw(",") }
            w.raw("{\"evaluator\":")
            w.string(finding.evaluator)
            w.raw(",\"kind\":")
            w.string(finding.kind.rawValue)
            w.raw(",\"message\":")
            w.string(finding.message)
            if let location = finding.location {
                w.raw(",\"location\":")
                w.string(location.description)
            }
            w.raw("}")
        }
        w.raw("],\"headlines\":[")
        first = true
        for headline in result.headlines where only?.contains(headline.metric) ?? true {
            if !first { w.raw(",") }
            first = false
            w.raw("{\"evaluator\":")
            w.string(headline.evaluator)
            w.raw(",\"metric\":")
            w.string(headline.metric)
            w.raw(",\"unit\":")
            w.string(headline.unit.rawValue)
            w.raw(",\"value\":")
            w.number(headline.value)
            w.raw("}")
        }
        w.raw("]}")
    }

    /// Checks a response line against the request (`id`, number of draws) and the manifest
    /// (metrics, units, dimensions), and turns it into one result per draw.
    static func decodeResponse(
        _ line: [UInt8], id: Int, draws: Int, descriptor: EvaluatorDescriptor,
        scenario: Scenario
    ) throws(ExternalError) -> [Result<EvaluationResult, EvaluatorFailure>] {
        let value: JSONValue
        do { value = try JSONParser.parse(line) } catch {
            let preview = String(decoding: line.prefix(80), as: UTF8.self)
            throw .malformedJSON("\(error.description); it begins: \(Diagnostic(.note, preview, at: nil).message)")
        }
        guard let pairs = value.objectPairs else { throw .invalidResponse("the response is \(value.kindDescription), not an object") }
        for (key, _) in pairs where !["protocol_version", "id", "results", "error"].contains(key) {
            let s = closestMatch(to: key, in: ["protocol_version", "id", "results", "error"])
            throw .invalidResponse("unknown key '\(key)' in the response" + (s.map { "; did you mean '\($0)'?" } ?? ""))
        }
        guard let versionValue = value["protocol_version"] else { throw .invalidResponse("the response has no 'protocol_version'") }
        guard versionValue.numberValue == Double(version) else {
            throw .versionMismatch(answered: versionValue.numberValue.map { CoopZoneCore.format($0) } ?? versionValue.text)
        }
        guard let answered = value["id"]?.numberValue else { throw .invalidResponse("the response has no numeric 'id'") }
        guard answered == Double(id) else { throw .outOfStep(answered: CoopZoneCore.format(answered), expected: id) }
        if let error = value["error"] {
            throw .reported(errorMessage(error))
        }
        guard let results = value["results"]?.arrayItems else {
            throw .invalidResponse("the response has neither 'results' (an array, one item per draw) nor 'error'")
        }
        guard results.count == draws else { throw .invalidResponse("'results' has \(results.count) items for \(draws) draws (one per draw, in order)") }
        let validator = Validator(descriptor: descriptor, scenario: scenario)
        var out: [Result<EvaluationResult, EvaluatorFailure>] = []
        out.reserveCapacity(draws)
        for (d, item) in results.enumerated() {
            let place = draws > 1 ? "draw \(d + 1): " : ""
            if let error = item["error"] {
                out.append(.failure(evaluatorFailure(descriptor.id, ExternalError.reported(place + errorMessage(error)).description)))
                continue
            }
            do {
                out.append(.success(try validator.result(item)))
            } catch {
                throw .invalidResponse(place + error.message)
            }
        }
        return out
    }

    static func errorMessage(_ value: JSONValue) -> String {
        let text = value.stringValue ?? value["message"]?.stringValue ?? value.text
        return Diagnostic(.note, text, at: nil).message
    }

    /// A problem in one result.
    struct Problem: Error {
        var message: String
    }

    /// Checks results against the manifest.
    struct Validator {
        let descriptor: EvaluatorDescriptor
        let scenario: Scenario
        let metrics: [String: MetricSpec]
        let headlines: [String: MetricSpec]
        static let rowKeys = ["evaluator", "metric", "unit", "year", "value"]
        static let resultKeys = ["rows", "findings", "headlines"]

        init(descriptor: EvaluatorDescriptor, scenario: Scenario) {
            self.descriptor = descriptor
            self.scenario = scenario
            metrics = Dictionary(descriptor.metrics.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            headlines = Dictionary(descriptor.headlines.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        }

        func result(_ item: JSONValue) throws(Problem) -> EvaluationResult {
            guard let pairs = item.objectPairs else {
                throw Problem(message: "a result is \(item.kindDescription), not an object with 'rows', 'findings' and 'headlines'")
            }
            var result = EvaluationResult()
            for (key, value) in pairs {
                switch key {
                case "rows":
                    guard let items = value.arrayItems else { throw Problem(message: "'rows' is \(value.kindDescription), not an array") }
                    result.rows.reserveCapacity(items.count)
                    for (i, row) in items.enumerated() { result.rows.append(try self.row(row, index: i)) }
                case "findings":
                    guard let items = value.arrayItems else { throw Problem(message: "'findings' is \(value.kindDescription), not an array") }
                    for (i, finding) in items.enumerated() { result.findings.append(try self.finding(finding, index: i)) }
                case "headlines":
                    guard let items = value.arrayItems else { throw Problem(message: "'headlines' is \(value.kindDescription), not an array") }
                    for (i, headline) in items.enumerated() { result.headlines.append(try self.headline(headline, index: i)) }
                default:
                    let s = closestMatch(to: key, in: Self.resultKeys)
                    throw Problem(
                        message: "unknown key '\(key)' in a result"
                            + (s.map { "; did you mean '\($0)'?" } ?? " (a result has 'rows', 'findings' and 'headlines', or 'error')"))
                }
            }
            return result
        }

        func checkEvaluator(_ value: JSONValue, where place: String) throws(Problem) {
            guard value.stringValue == descriptor.id else {
                throw Problem(
                    message:
                        "\(place) names evaluator \(value.stringValue.map { "'\($0)'" } ?? value.kindDescription), not '\(descriptor.id)' (leave 'evaluator' out, or write the manifest's id)"
                )
            }
        }

        func unit(_ value: JSONValue?, declared: MetricSpec, where place: String) throws(Problem) -> Unit {
            guard let value else { throw Problem(message: "\(place) has no 'unit' (the manifest declares \(declared.unit.rawValue))") }
            guard let text = value.stringValue else { throw Problem(message: "\(place): 'unit' is \(value.kindDescription), not text") }
            guard let unit = Unit(rawValue: text) else {
                let s = closestMatch(to: text, in: Unit.allCases.map(\.rawValue))
                throw Problem(
                    message: "\(place) has unknown unit '\(clip(text))'" + (s.map { "; did you mean '\($0)'?" } ?? "")
                        + " (units: \(Unit.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            guard unit == declared.unit else {
                throw Problem(message: "\(place) has unit '\(text)', but the manifest declares '\(declared.unit.rawValue)' for metric '\(declared.id)'")
            }
            return unit
        }

        func row(_ value: JSONValue, index: Int) throws(Problem) -> ResultRow {
            guard let pairs = value.objectPairs else { throw Problem(message: "row \(index + 1) is \(value.kindDescription), not an object") }
            var metric: String?
            var unitValue: JSONValue?
            var year: Int?
            var number: Double?
            var dimensions = Dimensions()
            var given: [Dimension] = []
            let place = "row \(index + 1)"
            for (key, v) in pairs {
                switch key {
                case "metric":
                    guard let text = v.stringValue else { throw Problem(message: "\(place): 'metric' is \(v.kindDescription), not text") }
                    metric = text
                case "unit": unitValue = v
                case "year":
                    if case .null = v { year = nil; continue }
                    guard let n = v.numberValue, n == n.rounded(), (1900...2200).contains(n) else {
                        throw Problem(
                            message:
                                "\(place): 'year' is \(v.kindDescription == "a number" ? CoopZoneCore.format(v.numberValue ?? 0) : v.kindDescription), not a calendar year (or null for a value over the whole horizon)"
                        )
                    }
                    year = Int(n)
                case "value":
                    guard let n = v.numberValue else { throw Problem(message: "\(place): 'value' is \(v.kindDescription), not a number") }
                    number = n
                case "evaluator": try checkEvaluator(v, where: place)
                default:
                    guard let dimension = Dimension(rawValue: key) else {
                        let s = closestMatch(to: key, in: Dimension.allCases.map(\.rawValue) + Self.rowKeys)
                        throw Problem(
                            message: "\(place) has unknown dimension '\(clip(key))'" + (s.map { "; did you mean '\($0)'?" } ?? "")
                                + " (dimensions: \(Dimension.allCases.map(\.rawValue).joined(separator: ", ")))")
                    }
                    if case .null = v { continue }
                    guard let text = v.stringValue else { throw Problem(message: "\(place): dimension '\(key)' is \(v.kindDescription), not text") }
                    dimensions[dimension] = text
                    given.append(dimension)
                }
            }
            guard let metric else { throw Problem(message: "\(place) has no 'metric'") }
            guard let spec = metrics[metric] else {
                if headlines[metric] != nil { throw Problem(message: "\(place): '\(metric)' is a headline; write it under 'headlines', not as a row") }
                let s = closestMatch(to: metric, in: metrics.keys)
                throw Problem(
                    message: "\(place) has metric '\(clip(metric))', which the manifest does not declare" + (s.map { "; did you mean '\($0)'?" } ?? "")
                        + " (declare every metric under 'metrics' in evaluator.yaml)")
            }
            let unit = try self.unit(unitValue, declared: spec, where: "\(place) (metric '\(metric)')")
            for d in given where !spec.dimensions.contains(d) {
                throw Problem(
                    message:
                        "\(place) (metric '\(metric)') has dimension '\(d.rawValue)', which the manifest does not declare for it (declared: \(spec.dimensions.isEmpty ? "none" : spec.dimensions.map(\.rawValue).joined(separator: ", ")))"
                )
            }
            guard let number else { throw Problem(message: "\(place) (metric '\(metric)') has no 'value'") }
            return ResultRow(evaluator: descriptor.id, metric: metric, unit: unit, year: year, dimensions: dimensions, value: number)
        }

        func headline(_ value: JSONValue, index: Int) throws(Problem) -> Headline {
            let place = "headline \(index + 1)"
            guard let pairs = value.objectPairs else { throw Problem(message: "\(place) is \(value.kindDescription), not an object") }
            for (key, v) in pairs {
                switch key {
                case "metric", "unit", "value": continue
                case "evaluator": try checkEvaluator(v, where: place)
                default: throw Problem(message: "unknown key '\(clip(key))' in \(place) (a headline has 'metric', 'unit' and 'value')")
                }
            }
            guard let metric = value["metric"]?.stringValue else { throw Problem(message: "\(place) has no 'metric' text") }
            guard let spec = headlines[metric] else {
                let s = closestMatch(to: metric, in: headlines.keys)
                throw Problem(
                    message: "\(place) has metric '\(clip(metric))', which the manifest does not declare as a headline"
                        + (s.map { "; did you mean '\($0)'?" } ?? ""))
            }
            let unit = try self.unit(value["unit"], declared: spec, where: "\(place) ('\(metric)')")
            guard let number = value["value"]?.numberValue else { throw Problem(message: "\(place) ('\(metric)') has no numeric 'value'") }
            return Headline(evaluator: descriptor.id, metric: metric, unit: unit, value: number)
        }

        func finding(_ value: JSONValue, index: Int) throws(Problem) -> Finding {
            let place = "finding \(index + 1)"
            guard let pairs = value.objectPairs else { throw Problem(message: "\(place) is \(value.kindDescription), not an object") }
            for (key, v) in pairs {
                switch key {
                case "kind", "message", "input": continue
                case "evaluator": try checkEvaluator(v, where: place)
                default: throw Problem(message: "unknown key '\(clip(key))' in \(place) (a finding has 'kind', 'message' and optionally 'input')")
                }
            }
            guard let kindText = value["kind"]?.stringValue, let kind = Finding.Kind(rawValue: kindText) else {
                throw Problem(message: "\(place) needs 'kind': warning, recommendation or info")
            }
            guard let message = value["message"]?.stringValue else { throw Problem(message: "\(place) has no 'message' text") }
            var location: SourceLocation?
            if let input = value["input"] {
                guard let path = input.stringValue, let info = scenario.inputs.first(where: { $0.path == path }) else {
                    throw Problem(
                        message:
                            "\(place) names input \(clip(input.stringValue ?? input.kindDescription)), which is not a number of the scenario (write its path as --set takes it, e.g. links.kz_kg.distance_km)"
                    )
                }
                location = info.location
            }
            return Finding(evaluator: descriptor.id, kind: kind, message: Diagnostic(.note, message, at: nil).message, location: location)
        }

        func clip(_ text: String) -> String { Diagnostic(.note, text.count > 60 ? String(text.prefix(60)) + "…" : text, at: nil).message }
    }
}
