import CoopZoneCore
import CoopZoneEvaluators
import CoopZoneTestSupport
import Foundation
import Testing

/// The derived views an outside evaluator can ask for are the numbers the built-in evaluators
/// use, not a copy that could drift: on every shipped scenario, the `flows_by_year` view equals
/// `trade_effects`' own `trade_baseline` rows, flow by flow and year by year.
struct DerivedViewShippedTests {
    @Test(arguments: shippedScenarios(variants: false))
    func flowsByYearIsTradeEffectsBaseline(_ file: String) async throws {
        let scenario = try ScenarioLoader.loadOrThrow(file: file)
        let plan = try Engine.plan(scenario, registry: BuiltInEvaluators.all).get()
        let result = await Engine.run(plan, on: scenario)
        var fromEvaluator: [String: Double] = [:]
        for row in result.rows where row.evaluator == "trade_effects" && row.metric == "trade_baseline" {
            let key = "\(row.dimensions[.link] ?? "")/\(row.dimensions[.sector] ?? "")/\(row.dimensions[.direction] ?? "")/\(row.year ?? 0)"
            fromEvaluator[key] = row.value
        }
        var w = JSONWriter()
        DerivedView.write([.flowsByYear], of: scenario, to: &w)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(w.output.utf8)) as? [String: [[String: Any]]])
        var fromView: [String: Double] = [:]
        for record in try #require(object["flows_by_year"]) {
            fromView["\(record["link"]!)/\(record["sector"]!)/\(record["direction"]!)/\(record["year"]!)"] = (record["value"] as! NSNumber).doubleValue
        }
        #expect(!fromView.isEmpty)
        #expect(Set(fromView.keys) == Set(fromEvaluator.keys))
        for (key, value) in fromView {
            // The view's JSON text is the shortest that reads back to the same double, but
            // Foundation's JSON reader on Linux can be one unit in the last place off: within 4 ulp.
            let other = try #require(fromEvaluator[key])
            #expect(abs(value - other) <= 4 * other.ulp, "\(key): \(value) against \(other)")
        }
    }
}
