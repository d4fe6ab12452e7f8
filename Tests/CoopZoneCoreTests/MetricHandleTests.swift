import CoopZoneCore
import Foundation
import Testing

/// Metric handles, keys, the row writer and parameter tables, on a two-metric toy evaluator.
struct MetricHandleTests {
    enum Metrics {
        static let a = Metric(of: "toy", "a", unit: .jobs, "A", dimensions: [.link], equation: "none#a")
        static let b = Metric(of: "toy", "b", unit: .usdMillion, "B", equation: "none#b")
        /// Declared by no descriptor.
        static let stray = Metric(of: "toy", "stray", unit: .count, "not in the descriptor", equation: "none#stray")
    }

    static let descriptor = EvaluatorDescriptor(
        id: "toy", summary: "toy", version: "1", parameters: [],
        metrics: [Metrics.a, Metrics.b], headlines: [], documentation: "none")

    @Test func aPairHasOneKeyAndRowsCarryIt() {
        // The same pair gives the same key wherever it is made; another metric or evaluator another.
        #expect(MetricKey(evaluator: "toy", metric: "a") == Metrics.a.key)
        #expect(MetricRef("toy", "a").key == Metrics.a.key)
        #expect(Metrics.a.key != Metrics.b.key)
        #expect(MetricKey(evaluator: "other", metric: "a") != Metrics.a.key)
        // A row made from text finds the handle's key; renaming its metric changes the key.
        var row = ResultRow(evaluator: "toy", metric: "a", unit: .jobs, year: 2030, value: 1)
        #expect(row.key == Metrics.a.key)
        row.metric = "b"
        #expect(row.key == Metrics.b.key)
    }

    @Test func rowsAreWrittenThroughHandlesWithTheirUnits() throws {
        let table = RowTable(Self.descriptor)
        var w = table.writer()
        w.add(Metrics.a, year: 2030, Dimensions(link: "ab"), 3)
        w.add(Metrics.b, year: nil, Dimensions(), 4)
        let result = try w.result(ResultBuilder(Self.descriptor))
        #expect(result.rows.map(\.metric) == ["a", "b"])
        #expect(result.rows.map(\.unit) == [.jobs, .usdMillion])
        #expect(result.rows.map(\.value) == [3, 4])
        // Read back by reference, as a dependent evaluator does: only the row of `a`.
        let context = EvaluationContext(results: ["toy": result])
        #expect(context.rows(MetricRef("toy", "a")).map(\.value) == [3])
    }

    @Test func aHandleTheDescriptorDoesNotDeclareFailsTheEvaluation() {
        var w = RowTable(Self.descriptor).writer()
        w.add(Metrics.stray, year: nil, Dimensions(), 1)
        #expect(throws: EvaluatorError.undeclaredMetric(evaluator: "toy", metric: "stray")) { try w.result(ResultBuilder(Self.descriptor)) }
    }

    @Test func aRowKeepsItsJSONShape() throws {
        // The key is not written out: a row encodes to the same six fields as before.
        let row = ResultRow(evaluator: "toy", metric: "a", unit: .jobs, year: 2030, dimensions: Dimensions(link: "ab"), value: 2)
        let decoded = try ParameterRoundTrip.json(row)
        #expect(decoded == row)
        #expect(decoded.key == Metrics.a.key)
    }

    struct Toy: ParameterSet {
        var rate = 0.25
        var years = 3.0
        init() {}
        static let table: [ParameterField<Toy>] = [
            ParameterField(\.rate, "rate", "a rate", unit: .fraction, allowed: 0...1, plausible: 0.1...0.5, citation: "none"),
            ParameterField(\.years, "years", "a span", unit: .years, allowed: 1...10, citation: "none", assumption: true),
        ]
    }

    @Test func parametersAreDeclaredOnceInTheirTable() throws {
        // The specs take their defaults from the properties' initial values.
        #expect(Toy.specs.map(\.name) == ["rate", "years"])
        #expect(Toy.specs.map(\.defaultValue) == [0.25, 3])
        #expect(Toy.specs[1].plausible == 3...3, "no plausible range: the default alone")
        #expect(Toy.specs[1].isAssumption)
        // Decoded by their scenario names, as the engine does with defaults and overrides.
        let p = try ParameterDecoder.decode(Toy.self, from: ["rate": .number(0.4), "years": .number(5)])
        #expect(p.rate == 0.4 && p.years == 5)
        #expect(throws: DecodingError.self) { try ParameterDecoder.decode(Toy.self, from: ["rate": .number(0.4)]) }
    }
}

/// JSON round trips for the tests.
enum ParameterRoundTrip {
    static func json<T: Codable>(_ value: T) throws -> T {
        try JSONDecoder().decode(T.self, from: JSONEncoder().encode(value))
    }
}
