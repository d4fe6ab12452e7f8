import Foundation

/// The files `coopzone new evaluator` writes. Each scaffold is a small evaluator that works and
/// passes its own test out of the box: it projects each region's output over the horizon at a
/// growth rate (a parameter), by region and year, with the last year's total as a headline.
/// Replace the computation; keep the shape.
enum EvaluatorScaffold {
    /// `border_queue` → `BorderQueue`.
    static func camel(_ id: String) -> String {
        id.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// The name of the Swift scaffold's `coopzone` executable.
    static func executableName(id: String) -> String { "coopzone-" + id.replacingOccurrences(of: "_", with: "-") }

    /// (relative path, text, executable) of the Python scaffold.
    static func python(id: String) -> [(String, String, Bool)] {
        [("evaluator.yaml", pythonManifest(id: id), false),
         ("\(id).py", pythonProgram(id: id), true),
         ("test_\(id).py", pythonTest(id: id), false),
         ("README.md", pythonReadme(id: id), false)]
    }

    static func pythonManifest(id: String) -> String {
        #"""
        # A CoopZone external evaluator: see Docs/writing-an-evaluator.md in CoopZone.
        protocol_version: 1
        id: \#(id)
        version: 0.1.0
        summary: Each region's output projected over the horizon (a scaffold to replace with your model)
        documentation: README.md#method
        command: [python3, \#(id).py]
        timeout_seconds: 60
        # dependencies: [trade_effects]   # evaluators whose results each request carries

        parameters:
          growth:
            summary: Growth of each region's output per year, from the scenario's price year
            unit: fraction_per_year
            default: 0.03
            allowed: [-0.5, 0.5]
            plausible: [0.01, 0.05]
            citation: "assumption: replace with the source of your default"
            assumption: true

        metrics:
          projected_output:
            unit: usd_million_per_year
            summary: The region's output (sum of its sectors) grown at 'growth' from the price year
            dimensions: [region]
            equation: README.md#method

        headlines:
          projected_output_last_year:
            unit: usd_million_per_year
            summary: Projected output of all regions in the last horizon year
            higher_is_better: true
            equation: README.md#method

        """#
    }

    static func pythonProgram(id: String) -> String {
        #"""
        #!/usr/bin/env python3
        """\#(id): a CoopZone external evaluator (evaluator protocol version 1).

        CoopZone starts this program once per run and writes one JSON request per line on its
        standard input; the program answers each with one JSON line on standard output. Write
        logs to standard error. Change `evaluate`; keep the protocol part as it is.
        """

        import contextlib
        import json
        import sys
        import traceback

        PROTOCOL_VERSION = 1
        EVALUATOR_ID = "\#(id)"


        def region_output(region):
            """A region's output: the sum of its sectors' output (money per year)."""
            return sum(s.get("output", 0.0) for s in region.get("sectors", []))


        def evaluate(scenario, parameters, dependencies):
            """One draw: rows, findings and headlines, in CoopZone's result shape. Every metric,
            unit and dimension must be declared in evaluator.yaml."""
            growth = parameters["growth"]
            first, last = scenario["horizon"]["first"], scenario["horizon"]["last"]
            rows, findings = [], []
            total_last = 0.0
            for region in scenario["regions"]:
                output = region_output(region)
                if output == 0:
                    findings.append({"kind": "warning", "message": f"region '{region['id']}' gives no sector output"})
                for year in range(first, last + 1):
                    value = output * (1 + growth) ** (year - scenario["price_year"])
                    rows.append({"metric": "projected_output", "unit": "usd_million_per_year", "year": year,
                                 "region": region["id"], "value": value})
                    if year == last:
                        total_last += value
            headlines = [{"metric": "projected_output_last_year", "unit": "usd_million_per_year", "value": total_last}]
            return {"rows": rows, "findings": findings, "headlines": headlines}


        # --- The protocol: the same in every Python evaluator. ---------------------------------

        @contextlib.contextmanager
        def changes_applied(scenario, changes):
            """The scenario with a draw's changes ({"path": [...], "value": v}) applied in place, then restored."""
            saved = []
            try:
                for change in changes:
                    container = scenario
                    for key in change["path"][:-1]:
                        container = container[key]
                    key = change["path"][-1]
                    saved.append((container, key, container[key]))
                    container[key] = change["value"]
                yield scenario
            finally:
                for container, key, value in reversed(saved):
                    container[key] = value


        def error_response(request_id, message):
            return {"protocol_version": PROTOCOL_VERSION, "id": request_id, "error": {"message": message}}


        def handle(request):
            """The response to one request."""
            if not isinstance(request, dict):
                return error_response(None, "a request is a JSON object")
            request_id = request.get("id")
            version = request.get("protocol_version")
            if version != PROTOCOL_VERSION:
                return error_response(request_id, f"{EVALUATOR_ID} speaks evaluator protocol version {PROTOCOL_VERSION}, not {version}")
            if request.get("type") != "evaluate":
                return error_response(request_id, f"unknown request type {request.get('type')!r}")
            scenario, parameters = request["scenario"], request["parameters"]
            results = []
            for draw in request["draws"]:
                try:
                    with changes_applied(scenario, draw["changes"]):
                        results.append(evaluate(scenario, parameters, draw["dependencies"]))
                except Exception as error:  # this draw's failure, not the request's
                    traceback.print_exc(file=sys.stderr)
                    results.append({"error": f"{type(error).__name__}: {error}"})
            return {"protocol_version": PROTOCOL_VERSION, "id": request_id, "results": results}


        def serve(stdin=sys.stdin, stdout=sys.stdout):
            """Answers requests, one line each, until standard input ends."""
            for line in stdin:
                if not line.strip():
                    continue
                try:
                    request = json.loads(line)
                except ValueError as error:
                    response = error_response(None, f"the request is not JSON: {error}")
                else:
                    try:
                        response = handle(request)
                    except Exception as error:  # a malformed request: answer, don't die
                        traceback.print_exc(file=sys.stderr)
                        response = error_response(request.get("id") if isinstance(request, dict) else None, f"{type(error).__name__}: {error}")
                try:
                    text = json.dumps(response, separators=(",", ":"), allow_nan=False)
                except ValueError as error:  # NaN or infinity: JSON cannot carry them
                    text = json.dumps(error_response(response.get("id"), f"a result is not a finite number: {error}"))
                stdout.write(text + "\n")
                stdout.flush()


        if __name__ == "__main__":
            serve()

        """#
    }

    static func pythonTest(id: String) -> String {
        #"""
        """Tests of \#(id): its equation on a small scenario, and the protocol end to end.

        Run with `python3 -m unittest` in this directory; `coopzone check-evaluator .` adds the
        protocol checks on CoopZone's shipped scenarios.
        """

        import json
        import os
        import subprocess
        import sys
        import unittest

        HERE = os.path.dirname(os.path.abspath(__file__))
        sys.path.insert(0, HERE)
        import \#(id) as evaluator  # noqa: E402

        SCENARIO = {
            "horizon": {"first": 2030, "last": 2032},
            "price_year": 2030,
            "regions": [
                {"id": "a", "country": "AA", "sectors": [{"sector": "goods", "output": 60.0}, {"sector": "food", "output": 40.0}]},
                {"id": "b", "country": "BB", "sectors": [{"sector": "goods", "output": 50.0}]},
            ],
            "links": [],
            "zones": [],
        }


        def request(request_id, draws, version=evaluator.PROTOCOL_VERSION):
            return {"protocol": "coopzone-evaluator", "protocol_version": version, "type": "evaluate", "id": request_id,
                    "evaluator": {"id": evaluator.EVALUATOR_ID, "version": "0.1.0"}, "parameters": {"growth": 0.1},
                    "scenario": SCENARIO, "draws": draws}


        def exchange(*requests):
            """Runs the program as CoopZone does and returns its answers, one per request."""
            lines = "".join(json.dumps(r) + "\n" for r in requests)
            done = subprocess.run([sys.executable, os.path.join(HERE, "\#(id).py")], input=lines, capture_output=True,
                                  text=True, timeout=60, cwd=HERE, check=True)
            return [json.loads(line) for line in done.stdout.splitlines()]


        class EvaluateTests(unittest.TestCase):
            def test_projects_each_regions_output(self):
                result = evaluator.evaluate(SCENARIO, {"growth": 0.1}, {})
                rows = {(r["region"], r["year"]): r["value"] for r in result["rows"]}
                # Region a: 60 + 40 = 100 in 2030; 100 * 1.1 = 110 in 2031; 100 * 1.1^2 = 121 in 2032.
                self.assertAlmostEqual(rows[("a", 2030)], 100.0)
                self.assertAlmostEqual(rows[("a", 2032)], 121.0)
                # Headline: 121 + 50 * 1.21 = 121 + 60.5 = 181.5 in the last year.
                self.assertAlmostEqual(result["headlines"][0]["value"], 181.5)
                self.assertEqual(len(result["rows"]), 6)  # 2 regions x 3 years


        class ProtocolTests(unittest.TestCase):
            def test_answers_every_draw_in_order(self):
                change = {"path": ["regions", 1, "sectors", 0, "output"], "value": 150.0}
                [answer] = exchange(request(7, [{"changes": [], "dependencies": {}}, {"changes": [change], "dependencies": {}}]))
                self.assertEqual(answer["protocol_version"], 1)
                self.assertEqual(answer["id"], 7)
                self.assertEqual(len(answer["results"]), 2)
                # Draw 2 sets region b's output to 150: 121 + 150 * 1.21 = 121 + 181.5 = 302.5.
                self.assertAlmostEqual(answer["results"][1]["headlines"][0]["value"], 302.5)
                # ...and draw 1 still sees the scenario as sent: 181.5.
                self.assertAlmostEqual(answer["results"][0]["headlines"][0]["value"], 181.5)

            def test_one_process_answers_several_requests(self):
                answers = exchange(request(1, [{"changes": [], "dependencies": {}}]), request(2, [{"changes": [], "dependencies": {}}]))
                self.assertEqual([a["id"] for a in answers], [1, 2])

            def test_refuses_another_protocol_version(self):
                [answer] = exchange(request(3, [], version=99))
                self.assertIn("error", answer)
                self.assertIn("version", answer["error"]["message"])


        if __name__ == "__main__":
            unittest.main()

        """#
    }

    static func pythonReadme(id: String) -> String {
        #"""
        # \#(id)

        A CoopZone external evaluator, created by `coopzone new evaluator \#(id)`.

        ## Method

        `projected_output[r, t] = output[r] · (1 + growth)^(t − price_year)`, where `output[r]` is
        the sum of region `r`'s sector outputs in the scenario. Headline: the sum over regions
        in the last horizon year. Replace this with your model, and document its equations here.

        ## Checklist

        1. Edit `evaluate` in `\#(id).py`, and declare every parameter, metric, unit and dimension in `evaluator.yaml`.
        2. Work out the expected numbers by hand in `test_\#(id).py`; run `python3 -m unittest`.
        3. Run `coopzone check-evaluator .` (the protocol checks on the shipped scenarios).
        4. Use it: `coopzone run SCENARIO --evaluators .` with `evaluators: {\#(id): {}}` in the scenario.

        """#
    }

    /// (relative path, text, executable) of the Swift scaffold; `coopzonePath` is CoopZone's package, relative to the new one.
    static func swift(id: String, coopzonePath: String) -> [(String, String, Bool)] {
        let name = camel(id) + "Evaluator"
        let exe = executableName(id: id)
        return [("Package.swift", swiftPackage(id: id, name: name, executable: exe, coopzonePath: coopzonePath), false),
                ("Sources/\(name)/\(name).swift", swiftEvaluator(id: id, name: name), false),
                ("Sources/\(exe)/main.swift", swiftMain(name: name), false),
                ("Tests/\(name)Tests/\(name)Tests.swift", swiftTest(id: id, name: name), false),
                ("README.md", swiftReadme(id: id, name: name, executable: exe), false),
                (".gitignore", ".build/\n.build*/\n.swiftpm/\nPackage.resolved\n", false)]
    }

    static func swiftPackage(id: String, name: String, executable: String, coopzonePath: String) -> String {
        #"""
        // swift-tools-version: 6.2
        import PackageDescription

        // \#(id): a CoopZone evaluator in Swift, and a `coopzone` with it built in.
        // CoopZone is a dependency by path; `name:` lets products name it whatever its folder is called.
        let package = Package(
            name: "\#(name)",
            platforms: [.macOS(.v15)],
            products: [
                .library(name: "\#(name)", targets: ["\#(name)"]),
                .executable(name: "\#(executable)", targets: ["\#(executable)"]),
            ],
            dependencies: [
                .package(name: "CoopZone", path: "\#(coopzonePath)"),
            ],
            targets: [
                .target(name: "\#(name)", dependencies: [.product(name: "CoopZoneCore", package: "CoopZone")]),
                .executableTarget(
                    name: "\#(executable)",
                    dependencies: ["\#(name)", .product(name: "CoopZoneCLI", package: "CoopZone"), .product(name: "CoopZoneCore", package: "CoopZone")]
                ),
                .testTarget(name: "\#(name)Tests", dependencies: ["\#(name)", .product(name: "CoopZoneCore", package: "CoopZone")]),
            ],
            swiftLanguageModes: [.v6]
        )

        """#
    }

    static func swiftEvaluator(id: String, name: String) -> String {
        #"""
        import CoopZoneCore
        import Foundation

        /// Each region's output projected over the horizon: a scaffold to replace with your model.
        /// `projected_output[r, t] = output[r] · (1 + growth)^(t − price_year)`.
        public struct \#(name): Evaluator {
            /// The parameters, decoded from the descriptor's defaults and the scenario's overrides.
            public struct Parameters: Decodable, Sendable {
                /// Growth of output per year.
                public var growth: Double
            }

            /// What the evaluator is.
            public static let descriptor = EvaluatorDescriptor(
                id: "\#(id)",
                summary: "Each region's output projected over the horizon (a scaffold to replace with your model)",
                version: "0.1.0",
                parameters: [
                    ParameterSpec("growth", "Growth of each region's output per year, from the scenario's price year", unit: .fractionPerYear,
                                  default: 0.03, allowed: -0.5 ... 0.5, plausible: 0.01 ... 0.05,
                                  citation: "assumption: replace with the source of your default", assumption: true),
                ],
                metrics: [
                    MetricSpec("projected_output", unit: .usdMillionPerYear, "The region's output grown at 'growth' from the price year",
                               dimensions: [.region], equation: "README.md#method"),
                ],
                headlines: [
                    MetricSpec("projected_output_last_year", unit: .usdMillionPerYear, "Projected output of all regions in the last horizon year",
                               equation: "README.md#method", higherIsBetter: true),
                ],
                documentation: "README.md#method"
            )

            let parameters: Parameters

            /// Creates the evaluator with its parameters.
            public init(parameters: Parameters) { self.parameters = parameters }

            /// Evaluates the scenario.
            public func evaluate(_ scenario: Scenario, context: EvaluationContext) throws -> EvaluationResult {
                var result = ResultBuilder(Self.descriptor)
                var lastYearTotal = 0.0
                for region in scenario.regions {
                    let output = region.sectors.reduce(0.0) { $0 + scenario[$1.output, default: 0] }
                    if output == 0 { result.finding(.warning, "region '\(region.id)' gives no sector output") }
                    for year in scenario.years {
                        let value = output * pow(1 + parameters.growth, Double(year - scenario.priceYear))
                        try result.add("projected_output", year: year, Dimensions(region: region.id), value)
                        if year == scenario.horizon.upperBound { lastYearTotal += value }
                    }
                }
                try result.headline("projected_output_last_year", lastYearTotal)
                return result.result
            }
        }

        """#
    }

    static func swiftMain(name: String) -> String {
        #"""
        import CoopZoneCLI
        import CoopZoneCore
        import \#(name)

        // `coopzone` with every built-in evaluator, plus this package's.
        await CoopZoneCommand.runMain(additionalEvaluators: [EvaluatorEntry(\#(name).self)])

        """#
    }

    static func swiftTest(id: String, name: String) -> String {
        #"""
        import CoopZoneCore
        import Testing
        import \#(name)

        /// A two-region scenario over three years.
        let scenarioText = """
        format: 1
        title: Scaffold test
        horizon: {first: 2030, last: 2032}
        price_year: 2030
        discount_rate: 0.08
        sectors: [{id: goods}, {id: food}]
        countries: [{code: AA}, {code: BB}]
        regions:
          - {id: a, country: AA, sectors: [{sector: goods, output: 60}, {sector: food, output: 40}]}
          - {id: b, country: BB, sectors: [{sector: goods, output: 50}]}
        zones:
          - {id: z, kind: free_trade_zone, regions: [a, b], stages: [{id: one, start: 2030}]}
        evaluators:
          \#(id): {growth: 0.1}
        """

        struct \#(name)Tests {
            @Test func projectsEachRegionsOutput() async throws {
                let scenario = try ScenarioLoader.loadOrThrow(text: scenarioText, file: "test.yaml")
                let plan = try Engine.plan(scenario, registry: [EvaluatorEntry(\#(name).self)]).get()
                let run = await Engine.run(plan, on: scenario)
                #expect(run.failures.isEmpty)
                let a2032 = try #require(run.rows.first { $0.dimensions.region == "a" && $0.year == 2032 })
                // Region a: 60 + 40 = 100 in 2030; 100 · 1.1² = 121 in 2032.
                #expect(abs(a2032.value - 121) < 1e-9)
                // Headline: 121 + 50 · 1.21 = 121 + 60.5 = 181.5.
                let headline = try #require(run.headlines.first { $0.metric == "projected_output_last_year" })
                #expect(abs(headline.value - 181.5) < 1e-9)
                #expect(run.rows.count == 6)  // 2 regions × 3 years
            }
        }

        """#
    }

    static func swiftReadme(id: String, name: String, executable: String) -> String {
        #"""
        # \#(id)

        A CoopZone evaluator in Swift (`\#(name)`), and `\#(executable)`: CoopZone's command-line
        tool with this evaluator built in beside the built-in ones. Created by
        `coopzone new evaluator \#(id) --language swift`.

        ## Method

        `projected_output[r, t] = output[r] · (1 + growth)^(t − price_year)`, where `output[r]` is
        the sum of region `r`'s sector outputs. Replace this with your model and document it here.

        ## Checklist

        1. Edit `Sources/\#(name)/\#(name).swift`: the descriptor (parameters with units, defaults,
           ranges and citations; metrics with units and dimensions) and `evaluate`.
        2. Work out expected numbers by hand in `Tests/\#(name)Tests`; run `swift test`.
        3. Run it: `swift run \#(executable) run SCENARIO` with `evaluators: {\#(id): {}}` in the scenario.

        """#
    }
}
