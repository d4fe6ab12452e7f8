"""Tests of {{id}}: its equation on a small scenario, and the protocol end to end.

Run with `python3 -m unittest` in this directory; `coopzone check-evaluator .` adds the
protocol checks on CoopZone's shipped scenarios.
"""

import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import {{id}} as evaluator  # noqa: E402  (first: it finds the SDK)
from coopzone_evaluator.testing import make_request, run_draw, run_program  # noqa: E402

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


class EvaluateTests(unittest.TestCase):
    def test_projects_each_regions_output(self):
        result = run_draw(evaluator.evaluate, SCENARIO, {"growth": 0.1})
        # Region a: 60 + 40 = 100 in 2030; 100 * 1.1 = 110 in 2031; 100 * 1.1^2 = 121 in 2032.
        self.assertAlmostEqual(result.value("projected_output", 2030, region="a"), 100.0)
        self.assertAlmostEqual(result.value("projected_output", 2032, region="a"), 121.0)
        # Headline: 121 + 50 * 1.21 = 121 + 60.5 = 181.5 in the last year.
        self.assertAlmostEqual(result.headline("projected_output_last_year"), 181.5)
        self.assertEqual(len(result.rows()), 6)  # 2 regions x 3 years


def request(request_id, draws, version=1):
    return make_request(SCENARIO, {"growth": 0.1}, draws, id=request_id, version=version, evaluator="{{id}}")


def exchange(*requests):
    """Runs the program as CoopZone does and returns its answers, one per request."""
    done = run_program(["python3", "{{id}}.py"], requests, cwd=HERE)
    if done.returncode != 0:
        raise AssertionError(f"{{id}}.py exited with status {done.returncode}:\n{done.stderr}")
    return done.answers


class ProtocolTests(unittest.TestCase):
    def test_answers_every_draw_in_order(self):
        change = {"path": ["regions", 1, "sectors", 0, "output"], "value": 150.0}
        [answer] = exchange(request(7, [{"changes": [], "dependencies": {}}, {"changes": [change], "dependencies": {}}]))
        self.assertEqual((answer["protocol_version"], answer["id"], len(answer["results"])), (1, 7, 2))
        # Draw 2 sets region b's output to 150: 121 + 150 * 1.21 = 121 + 181.5 = 302.5.
        self.assertAlmostEqual(answer["results"][1]["headlines"][0]["value"], 302.5)
        # ...and draw 1 still sees the scenario as sent: 181.5.
        self.assertAlmostEqual(answer["results"][0]["headlines"][0]["value"], 181.5)

    def test_one_process_answers_several_requests(self):
        answers = exchange(request(1, [{"changes": [], "dependencies": {}}]), request(2, [{"changes": [], "dependencies": {}}]))
        self.assertEqual([a["id"] for a in answers], [1, 2])

    def test_refuses_another_protocol_version(self):
        [answer] = exchange(request(3, [], version=99))
        self.assertIn("speaks evaluator protocol version 1, not 99", answer["error"]["message"])


if __name__ == "__main__":
    unittest.main()
