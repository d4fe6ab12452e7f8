"""Replaying recorded requests in a unit test, and comparing answers with a tolerance."""

import copy
import importlib.util
import io
import json
import os
import tempfile
import unittest

from _support import FIXTURES, RECORDER

from coopzone_evaluator import Draw, Parameters, Results
from coopzone_evaluator.testing import (ReplayError, assert_close, compare, load_recording, replay, run_draw)

TRACE = os.path.join(FIXTURES, "recorder.trace.jsonl")
# A request CoopZone wrote for the gravity_trade example on
# Plugins/Examples/gravity-trade/andijan-osh-with-gravity.yaml (one line, as `coopzone request` writes).
ANDIJAN_OSH = os.path.join(FIXTURES, "andijan-osh.request.jsonl")


def recorder():
    spec = importlib.util.spec_from_file_location("recorder", os.path.join(RECORDER, "recorder.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.evaluate


def outputs(draw: Draw, params: Parameters) -> Results:
    """Each region's output in the horizon's first year, and the stages' first years as findings."""
    for region in draw.regions:
        draw.results.row("projected_output", region.output(), year=draw.first_year, region=region.id)
    draw.results.headline("projected_output_last_year", sum(r.output() for r in draw.regions))
    for stage in draw.stages:
        draw.results.info(f"{stage.id} {stage.first_year}-{stage.last_year}", input=stage.path("name"))
    return draw.results


class LoadTests(unittest.TestCase):
    def test_a_request_line_and_trace_records(self):
        [one] = load_recording(ANDIJAN_OSH)
        self.assertEqual((one.request["id"], one.request["evaluator"]["id"], one.response, one.line), (1, "gravity_trade", None, 1))
        records = load_recording(TRACE)
        self.assertEqual([(r.request["id"], r.response["id"], r.line) for r in records], [(1, 1, 1), (2, 2, 2)])

    def test_a_failed_exchange_in_a_trace(self):
        # --trace-protocol records a failed exchange with "response": null and the failure under "error".
        request = load_recording(TRACE)[0].request
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as handle:
            handle.write(json.dumps({"request": request, "response": None, "error": "did not answer within 60 s"}) + "\n")
        try:
            [record] = load_recording(handle.name)
            self.assertEqual((record.response, record.error), (None, "did not answer within 60 s"))
            self.assertEqual(len(replay(record, recorder())), 2)  # replayable all the same
        finally:
            os.unlink(handle.name)

    def test_a_line_that_is_neither_is_an_error(self):
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as handle:
            handle.write('{"request": 1}\n')
        try:
            with self.assertRaises(ValueError) as caught:
                load_recording(handle.name)
            self.assertIn(":1: neither a request nor", str(caught.exception))
        finally:
            os.unlink(handle.name)


class ReplayTests(unittest.TestCase):
    def test_a_request_coopzone_wrote(self):
        [result] = replay(ANDIJAN_OSH, outputs, manifest=RECORDER)
        # From the recorded scenario's sectors: Andijan 500 + 200 + 30 + 400 + 1500 + 1300 = 3930,
        # Osh 40 + 30 + 5 + 90 + 10 + 300 = 475; horizon 2026-2040.
        self.assertEqual(result.value("projected_output", 2026, region="andijan"), 3930.0)
        self.assertEqual(result.value("projected_output", 2026, region="osh"), 475.0)
        self.assertEqual(result.headline("projected_output_last_year"), 4405.0)
        # The stage timeline CoopZone placed: setup from 2026 to 2028 ('end: 2028'), the incentive
        # package 2029-2035, and joint clusters after it (lag 0) to the horizon's end.
        self.assertEqual([(f["message"], f["input"]) for f in result.findings],
                         [("setup 2026-2028", "zones.ao_fez.stages.setup.name"),
                          ("incentive_package 2029-2035", "zones.ao_fez.stages.incentive_package.name"),
                          ("joint_clusters 2036-2040", "zones.ao_fez.stages.joint_clusters.name")])

    def test_a_trace_replays_to_its_recorded_response(self):
        record = load_recording(TRACE)[0]
        results = replay(TRACE, recorder())  # the manifest beside recorder.py
        self.assertEqual(len(results), 2)
        assert_close(results, record.response)  # the hand-worked numbers of the trace, to 1e-9
        self.assertEqual(compare(results, record.response), [])
        self.assertAlmostEqual(results[0].value("projected_output", 2032, region="a"), 88.2)  # 80 * 1.05^2

    def test_compare_reports_what_differs_beyond_the_tolerance(self):
        record = load_recording(TRACE)[0]
        results = replay(record, recorder())
        expected = copy.deepcopy(record.response)
        expected["results"][1]["headlines"][0]["value"] *= 1 + 1e-6
        del expected["results"][0]["rows"][0]
        expected["results"][0]["findings"] = [{"kind": "info", "message": "m"}]
        self.assertEqual(compare(results, expected), [
            "draw 0: findings [], expected [('info', 'm', None)]",
            "draw 0: row projected_output 2030 region=a is not expected",
            "draw 1: headline projected_output_last_year: 165.375, expected 165.375165375",
        ])
        # Within a looser tolerance the headline agrees; the missing row and the finding do not.
        self.assertEqual(len(compare(results, expected, rel_tol=1e-5)), 2)
        with self.assertRaises(AssertionError) as caught:
            assert_close(results, expected)
        self.assertTrue(str(caught.exception).startswith("3 differences:"))

    def test_a_failed_draw_compares_by_its_message(self):
        record = load_recording(TRACE)[0]
        request = copy.deepcopy(record.request)
        request["draws"][0]["changes"] = [{"path": ["regions", 1, "sectors", 0, "output"], "value": -1}]
        stderr = io.StringIO()
        results = replay(request, recorder(), stderr=stderr)
        self.assertEqual(results[0].error, "ValueError: region 'b' has a negative output")
        self.assertTrue(stderr.getvalue().endswith("ValueError: region 'b' has a negative output\n"))
        self.assertEqual(compare(results, record.response),
                         ["draw 0: error \"ValueError: region 'b' has a negative output\", expected None"])

    def test_an_error_response_raises(self):
        with self.assertRaises(ReplayError) as caught:
            replay(TRACE, recorder(), index=1)  # the trace's second request is in protocol version 2
        self.assertIn("recorder speaks evaluator protocol version 1, not 2", str(caught.exception))


class RunDrawTests(unittest.TestCase):
    def test_one_draw_with_the_manifests_defaults(self):
        scenario = load_recording(TRACE)[0].request["scenario"]
        views = {"measures_by_year": [{"link": "ab", "year": y, "border_crossing_days": 3.0} for y in (2030, 2031, 2032)]}
        result = run_draw(recorder(), scenario, views=views)
        # growth 0.05 (the default): region a 100 * 1.05 = 105 in 2031; the view's 3 days on ab.
        self.assertAlmostEqual(result.value("projected_output", 2031, region="a"), 105.0)
        self.assertEqual([r["value"] for r in result.rows("border_days")], [3.0, 3.0, 3.0])

    def test_exceptions_reach_the_test(self):
        scenario = load_recording(TRACE)[0].request["scenario"]
        with self.assertRaises(ValueError):
            run_draw(recorder(), scenario, changes=[{"path": ["regions", 0, "sectors", 0, "output"], "value": -1}])
        self.assertEqual(scenario["regions"][0]["sectors"][0]["output"], 100)  # the change was undone


if __name__ == "__main__":
    unittest.main()
