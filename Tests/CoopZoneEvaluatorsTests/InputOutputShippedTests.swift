import CoopZoneCore
import CoopZoneEvaluators
import CoopZoneTestSupport
import Foundation
import Testing

/// The shipped growth triangle takes its indirect and induced jobs from its input–output tables.
struct InputOutputShippedTests {
    /// The shipped growth triangle's regional multipliers against an independent computation with
    /// numpy (Tests/Fixtures/io/expected_multipliers.py, which reads the same CSV files and does
    /// the FLQ and both inverses with numpy.linalg; its output is quoted here to 6 digits).
    @Test func theShippedGrowthTriangleTakesItsJobsFromItsTablesBySector() async throws {
        let scenario = try ScenarioLoader.loadOrThrow(file: growthTriangle)
        let expected: [(String, String, Double, Double)] = [
            ("fergana", "agriculture", 1.31172, 1.53525), ("fergana", "textiles", 1.34327, 1.55496), ("fergana", "machinery", 1.29856, 1.72198),
            ("batken", "agriculture", 1.35218, 1.53231), ("batken", "textiles", 1.17598, 1.29525), ("batken", "machinery", 1.0556, 1.1645),
            ("sughd", "agriculture", 1.3128, 1.53626), ("sughd", "textiles", 1.32188, 1.57817), ("sughd", "machinery", 1.25768, 1.57511),
        ]
        let result = await Engine.run(try Engine.plan(scenario, registry: BuiltInEvaluators.all).get(), on: scenario)
        #expect(result.failures.isEmpty, "\(result.failures)")
        let employment = result.rows.filter { $0.evaluator == "employment" }
        // Cells (region, sector, year) with direct jobs: machinery has none in Batken and Sughd.
        var withJobs = 0
        for (region, sector, typeI, typeII) in expected {
            func multiplier(_ type: String) -> Double? {
                employment.first {
                    $0.metric == "employment_multiplier" && $0.dimensions.region == region && $0.dimensions.sector == sector && $0.dimensions.instrument == type
                }?.value
            }
            #expect(abs((multiplier("type_i") ?? 0) - typeI) < 1e-5, "\(region) \(sector)")
            #expect(abs((multiplier("type_ii") ?? 0) - typeII) < 1e-5, "\(region) \(sector)")
            // Indirect and induced jobs of the region and sector follow from its direct jobs, year by year.
            for year in [2035, 2040] {
                func jobs(_ metric: String) -> Double {
                    employment.filter { $0.metric == metric && $0.year == year && $0.dimensions.region == region && $0.dimensions.sector == sector }
                        .reduce(0) { $0 + $1.value }
                }
                let direct = jobs("jobs_direct"), indirect = jobs("jobs_indirect"), induced = jobs("jobs_induced")
                if direct > 0 { withJobs += 1 }
                #expect(abs(indirect - direct * (typeI - 1)) <= 1e-4 * max(1, direct), "\(region) \(sector) \(year)")
                #expect(abs(induced - direct * (typeII - typeI)) <= 1e-4 * max(1, direct), "\(region) \(sector) \(year)")
            }
        }
        #expect(withJobs >= 10, "\(withJobs) region-sector-years with direct jobs")
    }
}
