"""Tests of gravity_trade: each equation on numbers worked out by hand, the protocol end to end,
and a request CoopZone recorded, replayed against the answer recorded with it.

Run with `python3 -m unittest` in this directory (CoopZone's scripts/test-extensions.sh does), and
`coopzone check-evaluator Plugins/Examples/gravity-trade` for the checks on the shipped scenarios.
"""

import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gravity_trade as g  # noqa: E402  (first: it finds the SDK when it is not installed)
from coopzone_evaluator import Scenario  # noqa: E402
from coopzone_evaluator.testing import assert_close, load_recording, make_request, replay, run_draw, run_program  # noqa: E402

PARAMETERS = {"size_elasticity": 1.0, "distance_elasticity": 1.0, "km_per_border_day": 100.0, "output_growth": 0.0,
              "default_distance_km": 300.0, "gravity_constant": 0.5}


def scenario():
    """Two regions 100 km apart, a country link without distance, and a zone that cuts the crossing time in 2031."""
    return {
        "horizon": {"first": 2030, "last": 2032},
        "price_year": 2030,
        "regions": [
            {"id": "a", "country": "AA", "sectors": [{"sector": "goods", "output": 30.0}, {"sector": "food", "output": 10.0}]},
            {"id": "b", "country": "BB", "sectors": [{"sector": "goods", "output": 50.0}]},
        ],
        "links": [
            {"id": "ab", "from": "a", "to": "b", "distance_km": 100.0, "border_crossing_days": 2.0,
             "flows": [{"sector": "goods", "direction": "export", "history": {"2028": 5.0, "2029": 8.0}},
                       {"sector": "food", "direction": "import", "base_year": 2029, "value": 2.0}]},
            {"id": "countries", "from": "AA", "to": "BB", "border_crossing_days": 1.0, "flows": []},
        ],
        "zones": [{"id": "z", "stages": [
            {"id": "one", "first_year": 2030, "last_year": 2030, "measures": {"border_time": []}},
            {"id": "two", "first_year": 2031, "last_year": 2032, "measures": {"border_time": [{"link": "ab", "days": 1.0}]}},
        ]}],
    }


def stage(id, first, days, link="ab"):
    return {"id": id, "first_year": first, "last_year": 2032, "measures": {"border_time": [{"link": link, "days": d} for d in days]}}


class EquationTests(unittest.TestCase):
    def test_economic_mass_of_a_region_and_of_a_country(self):
        s = Scenario(scenario())
        self.assertEqual(g.economic_mass(s, "a"), 40.0)   # 30 + 10
        self.assertEqual(g.economic_mass(s, "BB"), 50.0)  # the one region of BB

    def test_border_days_persist_from_the_stage_that_sets_them(self):
        s = Scenario(scenario())
        self.assertEqual(g.border_days(s, s.link("ab")), {2030: 2.0, 2031: 1.0, 2032: 1.0})

    def test_border_days_follow_the_persistence_rule_on_ties(self):
        # Docs/methodology/trade_effects.md, "Stages and persistence": stages in order of first
        # year, then zone order, then stage order as written; the last entry of a stage for the
        # link wins. Zone y (second) and zone x (first) both start a stage in 2031: y's 0.25 wins.
        # Zone x's stage 'late' (written first, starts 2032) replaces it in 2032 with its last
        # entry, 0.5 (not the larger 1.5).
        raw = scenario()
        raw["zones"] = [{"id": "x", "stages": [stage("late", 2032, [1.5, 0.5]), stage("early", 2031, [0.75])]},
                        {"id": "y", "stages": [stage("same_year", 2031, [0.25])]}]
        s = Scenario(raw)
        self.assertEqual(g.border_days(s, s.link("ab")), {2030: 2.0, 2031: 0.25, 2032: 0.5})

    def test_a_link_without_crossing_days_ignores_border_measures(self):
        # trade_effects.md: a component the link does not give is 0 on both sides, and a measure on it is ignored.
        raw = scenario()
        del raw["links"][0]["border_crossing_days"]
        s = Scenario(raw)
        self.assertEqual(g.border_days(s, s.link("ab")), {2030: None, 2031: None, 2032: None})

    def test_recorded_trade_is_the_latest_observation_of_each_flow(self):
        s = Scenario(scenario())
        # goods: 8.0 in 2029 (the last year of its history); food: 2.0 in its base year 2029.
        self.assertEqual(g.recorded_trade(s.link("ab")), (10.0, 2029))
        self.assertIsNone(g.recorded_trade(s.link("countries")))

    def test_calibrated_link(self):
        result = run_draw(g.evaluate, scenario(), PARAMETERS)
        # Calibration: D = 100 + 100 * 2 = 300 km; G = 10 * 300 / (40 * 50) = 1.5. With no growth,
        # the baseline is G * 40 * 50 / 300 = 10 in every year.
        self.assertAlmostEqual(result.value("gravity_trade_baseline", 2031, link="ab"), 10.0)
        # From 2031 the crossing takes 1 day: D = 200 km, trade = 1.5 * 2000 / 200 = 15, effect 5.
        self.assertAlmostEqual(result.value("gravity_trade_scenario", 2030, link="ab"), 10.0)
        self.assertAlmostEqual(result.value("gravity_trade_scenario", 2031, link="ab"), 15.0)
        self.assertAlmostEqual(result.value("border_time_effect", 2032, link="ab"), 5.0)

    def test_uncalibrated_link_uses_the_constant_and_the_default_distance(self):
        result = run_draw(g.evaluate, scenario(), PARAMETERS)
        # G = 0.5 (no recorded trade), D = 300 + 100 * 1 = 400 km: 0.5 * 40 * 50 / 400 = 2.5, no change in time.
        self.assertAlmostEqual(result.value("gravity_trade_baseline", 2030, link="countries"), 2.5)
        self.assertAlmostEqual(result.value("border_time_effect", 2030, link="countries"), 0.0)
        messages = [f["message"] for f in result.findings]
        self.assertIn("link 'countries' has no distance_km; 300 km assumed (parameter default_distance_km)", messages)
        self.assertIn("link 'countries' has no recorded trade; the gravity constant 0.5 is used uncalibrated", messages)

    def test_headlines(self):
        result = run_draw(g.evaluate, scenario(), PARAMETERS)
        # Effects: 5 in 2031 and 5 in 2032 on 'ab', nothing on 'countries': total 10.
        self.assertAlmostEqual(result.headline("border_time_effect_total"), 10.0)
        # Last year: effect 5 over a baseline of 10 + 2.5 = 12.5: 0.4.
        self.assertAlmostEqual(result.headline("border_time_effect_share_last_year"), 0.4)

    def test_growth_and_elasticities(self):
        params = dict(PARAMETERS, size_elasticity=0.5, distance_elasticity=2.0, output_growth=0.1)
        result = run_draw(g.evaluate, scenario(), params)
        # Calibrated in 2029, one year before the price year: sizes there are 40/1.1 and 50/1.1, so
        # G = 10 * 300^2 / sqrt(2000 / 1.21). In 2032 sizes are 40 * 1.21 and 50 * 1.21, so the
        # baseline is 10 * sqrt(1.21^2 * 1.21) = 10 * 1.21^1.5 = 13.31.
        self.assertAlmostEqual(result.value("gravity_trade_baseline", 2032, link="ab"), 10 * 1.21 ** 1.5)
        # With 1 day: (300 / 200)^2 = 2.25 times the baseline.
        self.assertAlmostEqual(result.value("gravity_trade_scenario", 2032, link="ab"), 2.25 * 10 * 1.21 ** 1.5)


def request(request_id, draws, version=1):
    return make_request(scenario(), PARAMETERS, draws, id=request_id, version=version, evaluator="gravity_trade")


def exchange(*requests):
    """Runs the program as CoopZone does (one process, one line per request) and returns its answers."""
    done = run_program(["python3", "gravity_trade.py"], requests, cwd=HERE)
    if done.returncode != 0:
        raise AssertionError(f"gravity_trade.py exited with status {done.returncode}:\n{done.stderr}")
    return done.answers


class ProtocolTests(unittest.TestCase):
    def test_each_draw_sees_its_own_changes_only(self):
        faster = {"path": ["zones", 0, "stages", 1, "measures", "border_time", 0, "days"], "value": 0.0}
        [answer] = exchange(request(1, [{"changes": [faster], "dependencies": {}}, {"changes": [], "dependencies": {}}]))
        self.assertEqual((answer["protocol_version"], answer["id"], len(answer["results"])), (1, 1, 2))
        first = {h["metric"]: h["value"] for h in answer["results"][0]["headlines"]}
        second = {h["metric"]: h["value"] for h in answer["results"][1]["headlines"]}
        # Draw 1: no wait from 2031: D = 100 km, trade 1.5 * 2000 / 100 = 30, effect 20 in 2031 and 2032.
        self.assertAlmostEqual(first["border_time_effect_total"], 40.0)
        # Draw 2 sees the scenario as sent (draw 1's change undone): 10.
        self.assertAlmostEqual(second["border_time_effect_total"], 10.0)

    def test_requests_are_answered_in_order_by_one_process(self):
        answers = exchange(*[request(n, [{"changes": [], "dependencies": {}}]) for n in (5, 6, 7)])
        self.assertEqual([a["id"] for a in answers], [5, 6, 7])

    def test_another_protocol_version_is_refused_with_an_error(self):
        [answer] = exchange(request(3, [], version=2))
        self.assertEqual(answer["id"], 3)
        self.assertIn("speaks evaluator protocol version 1, not 2", answer["error"]["message"])

    def test_a_broken_draw_is_that_draws_error(self):
        broken = {"path": ["regions", 0, "sectors"], "value": "not a list"}
        [answer] = exchange(request(4, [{"changes": [broken], "dependencies": {}}, {"changes": [], "dependencies": {}}]))
        self.assertIn("error", answer["results"][0])
        self.assertIn("headlines", answer["results"][1])


class RecordedTests(unittest.TestCase):
    def test_the_recorded_andijan_osh_request_gives_the_recorded_answer(self):
        # recorded/andijan-osh.jsonl: the request CoopZone sent for andijan-osh-with-gravity.yaml and
        # the answer of this program before it was rewritten on the SDK (the same numbers, to 1e-12).
        [record] = load_recording(os.path.join(HERE, "recorded", "andijan-osh.jsonl"))
        results = replay(record, g.evaluate)
        assert_close(results, record.response, rel_tol=1e-12)
        # Andijan-Osh, 60 km, 1 day cut to 0.5 from 2026: trade is (95 / 130)^-0.93 = 1.33870 times the baseline.
        ratio = results[0].value("gravity_trade_scenario", 2030, link="andijan_osh") / results[0].value(
            "gravity_trade_baseline", 2030, link="andijan_osh")
        self.assertAlmostEqual(ratio, (95 / 130) ** -0.93)


if __name__ == "__main__":
    unittest.main()
