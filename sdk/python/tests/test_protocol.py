"""The protocol loop end to end: the fixture evaluator `recorder` run as CoopZone runs it (one
process, one request per line on standard input, one answer per line on standard output)."""

import json
import os
import subprocess
import sys
import unittest

from _support import RECORDER, program_environment

from coopzone_evaluator.testing import load_recording, make_request, run_program

TRACE = os.path.join(os.path.dirname(RECORDER), "recorder.trace.jsonl")


def recorded_request():
    """The trace's first request: two draws of the two-region scenario (see test_replay)."""
    return load_recording(TRACE)[0].request


def exchange(*requests, text=None):
    """Runs recorder.py once with these requests (or raw `text`) and returns (answers, stderr, status)."""
    if text is None:
        done = run_program(["python3", "recorder.py"], requests, cwd=RECORDER, env=program_environment())
        return done.answers, done.stderr, done.returncode
    proc = subprocess.run([sys.executable, "recorder.py"], input=text, capture_output=True, text=True, timeout=60,
                          cwd=RECORDER, env=program_environment())
    return [json.loads(line) for line in proc.stdout.splitlines()], proc.stderr, proc.returncode


class ProtocolLoopTests(unittest.TestCase):
    def test_answers_each_request_on_one_line_in_order_and_exits_when_stdin_closes(self):
        first = recorded_request()
        second = dict(first, id=8, draws=first["draws"][1:])
        answers, stderr, status = exchange(first, second)
        self.assertEqual(status, 0, stderr)  # it exited by itself once standard input closed
        self.assertEqual([a["id"] for a in answers], [1, 8])
        self.assertEqual([a["protocol_version"] for a in answers], [1, 1])
        self.assertEqual([len(a["results"]) for a in answers], [2, 1])

    def test_each_draw_sees_its_own_changes_only(self):
        [answer], _, _ = exchange(recorded_request())
        last = [{h["metric"]: h["value"] for h in r["headlines"]}["projected_output_last_year"] for r in answer["results"]]
        # Draw 0 sets region a's output to 80: 80 * 1.05^2 + 50 * 1.05^2 = 88.2 + 55.125 = 143.325.
        # Draw 1 has no changes and sees the scenario as sent (draw 0's change undone): 110.25 + 55.125 = 165.375.
        self.assertAlmostEqual(last[0], 143.325)
        self.assertAlmostEqual(last[1], 165.375)

    def test_each_line_is_one_json_object_without_raw_newlines(self):
        proc = subprocess.run([sys.executable, "recorder.py"], input=json.dumps(recorded_request()) + "\n",
                              capture_output=True, text=True, timeout=60, cwd=RECORDER, env=program_environment())
        self.assertEqual(proc.stdout.count("\n"), 1)
        self.assertTrue(proc.stdout.endswith("}\n"))

    def test_another_protocol_version_gets_an_error_response(self):
        [answer], _, status = exchange(dict(recorded_request(), id=5, protocol_version=2))
        self.assertEqual(status, 0)
        self.assertEqual((answer["protocol_version"], answer["id"]), (1, 5))
        self.assertNotIn("results", answer)
        self.assertEqual(answer["error"]["message"],
                         "recorder speaks evaluator protocol version 1, not 2; use a matching version of CoopZone or of this evaluator")

    def test_an_exception_in_a_draw_is_that_draws_error_with_the_traceback_on_stderr(self):
        request = recorded_request()
        negative = {"path": ["regions", 1, "sectors", 0, "output"], "value": -5}
        request["draws"][0]["changes"] = [negative]
        [answer], stderr, status = exchange(request)
        self.assertEqual(status, 0)
        self.assertEqual(answer["results"][0], {"error": "ValueError: region 'b' has a negative output"})
        self.assertIn("headlines", answer["results"][1])  # the other draw stands
        # The traceback's last lines, from the evaluator's own file, end standard error.
        lines = stderr.strip().splitlines()
        self.assertEqual(lines[-1], "ValueError: region 'b' has a negative output")
        self.assertIn("recorder.py", stderr)
        self.assertIn("raise ValueError", stderr)
        self.assertIn("draw 0 of request 1 failed", stderr)
        self.assertNotIn("protocol.py", stderr)  # the SDK's own frames are left out

    def test_a_result_that_breaks_the_manifest_is_the_draws_error(self):
        request = dict(recorded_request(), parameters={"growth": 0.05, "mode": "wrong_unit"})
        [answer], stderr, _ = exchange(request)
        self.assertEqual(answer["results"][0]["error"],
                         "ResultError: headline 'projected_output_last_year': unit 'usd_million' differs from the declared unit "
                         "'usd_million_per_year'")
        # Two draws with the same error: the traceback once, then a count.
        self.assertEqual(stderr.count("Traceback"), 1)
        self.assertIn("request 1: 1 more draws failed", stderr)

    def test_a_non_finite_value_is_the_draws_error(self):
        request = dict(recorded_request(), parameters={"growth": 0.05, "mode": "infinite"})
        [answer], _, _ = exchange(request)
        self.assertIn("not a finite number", answer["results"][1]["error"])

    def test_print_in_evaluate_goes_to_standard_error(self):
        request = dict(recorded_request(), parameters={"growth": 0.05, "mode": "print"})
        [answer], stderr, _ = exchange(request)
        self.assertEqual(len(answer["results"]), 2)  # standard output held the answer only
        self.assertEqual(stderr.count("a debugging line"), 2)  # once per draw

    def test_garbage_and_other_request_types_get_error_responses_not_a_crash(self):
        other = dict(recorded_request(), id=3, type="shutdown")
        answers, _, status = exchange(text="not json\n\n[1, 2]\n" + json.dumps(other) + "\n")
        self.assertEqual(status, 0)
        self.assertEqual(len(answers), 3)  # the blank line is skipped
        self.assertTrue(answers[0]["error"]["message"].startswith("the request is not JSON"))
        self.assertEqual(answers[1]["error"]["message"], "a request is a JSON object")
        self.assertEqual((answers[2]["id"], answers[2]["error"]["message"]), (3, "unknown request type 'shutdown'"))

    def test_a_request_without_draws_is_refused(self):
        request = make_request({"horizon": {"first": 2030, "last": 2030}}, {"growth": 0.0})
        del request["draws"]
        [answer], _, _ = exchange(request)
        self.assertEqual(answer["error"]["message"], "the request has no 'draws' (list)")


if __name__ == "__main__":
    unittest.main()
