"""Tests of {{id}}: its equation on a small scenario, and the protocol end to end.

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
import {{id}} as evaluator  # noqa: E402

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
    done = subprocess.run([sys.executable, os.path.join(HERE, "{{id}}.py")], input=lines, capture_output=True,
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
