"""Tests of gravity_trade: each equation on numbers worked out by hand, the border days read from
the derived view measures_by_year, the protocol end to end, and a request CoopZone recorded,
replayed against the answer recorded with it. Requests built here carry the view as CoopZone
computes it (the rule itself is tested in the core: DerivedViewTests.swift).

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


# The border days in force that the core sends for scenario() (the derived view measures_by_year):
# 'ab' 2 days, 1 from the stage 'two' of 2031; 'countries' 1 day throughout.
DAYS = {"ab": {2030: 2.0, 2031: 1.0, 2032: 1.0}, "countries": {2030: 1.0, 2031: 1.0, 2032: 1.0}}


def views(days=None):
    """A draw's `views` as CoopZone sends them, with the border days of `days` (default DAYS)."""
    return {"measures_by_year": [
        {"link": link, "year": year, "border_crossing_days": value, "logistics_cost_share": None, "shadow_share": None}
        for link, by_year in (days or DAYS).items() for year, value in by_year.items()]}


def run(raw=None, params=PARAMETERS, days=None):
    return run_draw(g.evaluate, raw or scenario(), params, views=views(days))


class EquationTests(unittest.TestCase):
    def test_economic_mass_of_a_region_and_of_a_country(self):
        s = Scenario(scenario())
        self.assertEqual(g.economic_mass(s, "a"), 40.0)   # 30 + 10
        self.assertEqual(g.economic_mass(s, "BB"), 50.0)  # the one region of BB

    def test_recorded_trade_is_the_latest_observation_of_each_flow(self):
        s = Scenario(scenario())
        # goods: 8.0 in 2029 (the last year of its history); food: 2.0 in its base year 2029.
        self.assertEqual(g.recorded_trade(s.link("ab")), (10.0, 2029))
        self.assertIsNone(g.recorded_trade(s.link("countries")))

    def test_calibrated_link(self):
        result = run()
        # Calibration: D = 100 + 100 * 2 = 300 km; G = 10 * 300 / (40 * 50) = 1.5. With no growth,
        # the baseline is G * 40 * 50 / 300 = 10 in every year.
        self.assertAlmostEqual(result.value("gravity_trade_baseline", 2031, link="ab"), 10.0)
        # From 2031 the crossing takes 1 day: D = 200 km, trade = 1.5 * 2000 / 200 = 15, effect 5.
        self.assertAlmostEqual(result.value("gravity_trade_scenario", 2030, link="ab"), 10.0)
        self.assertAlmostEqual(result.value("gravity_trade_scenario", 2031, link="ab"), 15.0)
        self.assertAlmostEqual(result.value("border_time_effect", 2032, link="ab"), 5.0)

    def test_uncalibrated_link_uses_the_constant_and_the_default_distance(self):
        result = run()
        # G = 0.5 (no recorded trade), D = 300 + 100 * 1 = 400 km: 0.5 * 40 * 50 / 400 = 2.5, no change in time.
        self.assertAlmostEqual(result.value("gravity_trade_baseline", 2030, link="countries"), 2.5)
        self.assertAlmostEqual(result.value("border_time_effect", 2030, link="countries"), 0.0)
        messages = [f["message"] for f in result.findings]
        self.assertIn("link 'countries' has no distance_km; 300 km assumed (parameter default_distance_km)", messages)
        self.assertIn("link 'countries' has no recorded trade; the gravity constant 0.5 is used uncalibrated", messages)

    def test_headlines(self):
        result = run()
        # Effects: 5 in 2031 and 5 in 2032 on 'ab', nothing on 'countries': total 10.
        self.assertAlmostEqual(result.headline("border_time_effect_total"), 10.0)
        # Last year: effect 5 over a baseline of 10 + 2.5 = 12.5: 0.4.
        self.assertAlmostEqual(result.headline("border_time_effect_share_last_year"), 0.4)

    def test_growth_and_elasticities(self):
        params = dict(PARAMETERS, size_elasticity=0.5, distance_elasticity=2.0, output_growth=0.1)
        result = run(params=params)
        # Calibrated in 2029, one year before the price year: sizes there are 40/1.1 and 50/1.1, so
        # G = 10 * 300^2 / sqrt(2000 / 1.21). In 2032 sizes are 40 * 1.21 and 50 * 1.21, so the
        # baseline is 10 * sqrt(1.21^2 * 1.21) = 10 * 1.21^1.5 = 13.31.
        self.assertAlmostEqual(result.value("gravity_trade_baseline", 2032, link="ab"), 10 * 1.21 ** 1.5)
        # With 1 day: (300 / 200)^2 = 2.25 times the baseline.
        self.assertAlmostEqual(result.value("gravity_trade_scenario", 2032, link="ab"), 2.25 * 10 * 1.21 ** 1.5)


class ViewTests(unittest.TestCase):
    """The days in force come from the view measures_by_year, not from the scenario's stages (the
    persistence rule is the core's, tested in Tests/CoopZoneCoreTests/DerivedViewTests.swift)."""

    def test_the_days_in_force_are_read_from_the_view_year_by_year(self):
        # Days the stages of scenario() would not give: 3 in 2030, 1 in 2031, 0 in 2032. The
        # baseline keeps the link's own 2 days (D = 300 km, G = 1.5, baseline 10 every year).
        # 2030: D = 100 + 100 * 3 = 400 km, trade 1.5 * 2000 / 400 = 7.5, effect -2.5.
        # 2031: D = 200 km, trade 15, effect 5.   2032: D = 100 km, trade 30, effect 20.
        result = run(days={**DAYS, "ab": {2030: 3.0, 2031: 1.0, 2032: 0.0}})
        scenario_trade = [result.value("gravity_trade_scenario", year, link="ab") for year in (2030, 2031, 2032)]
        self.assertEqual([round(v, 9) for v in scenario_trade], [7.5, 15.0, 30.0])
        self.assertAlmostEqual(result.value("gravity_trade_baseline", 2030, link="ab"), 10.0)
        # Total -2.5 + 5 + 20 = 22.5; last year 20 over a baseline of 10 + 2.5 ('countries') = 1.6.
        self.assertAlmostEqual(result.headline("border_time_effect_total"), 22.5)
        self.assertAlmostEqual(result.headline("border_time_effect_share_last_year"), 1.6)

    def test_a_link_the_view_gives_no_days_ignores_border_measures(self):
        # trade_effects.md: a component the link does not give is 0 on both sides, and a measure
        # on it is ignored. Without days: D = 100 km, G = 10 * 100 / 2000 = 0.5, trade 10 both ways.
        raw = scenario()
        del raw["links"][0]["border_crossing_days"]
        result = run(raw, days={**DAYS, "ab": {2030: None, 2031: None, 2032: None}})
        self.assertAlmostEqual(result.value("gravity_trade_scenario", 2032, link="ab"), 10.0)
        self.assertEqual([result.value("border_time_effect", year, link="ab") for year in (2030, 2031, 2032)], [0.0] * 3)


def request(request_id, draws, version=1):
    return make_request(scenario(), PARAMETERS, draws, id=request_id, version=version, evaluator="gravity_trade")


def draw(changes=(), days=None):
    """A draw as CoopZone sends it: its changes, no dependencies, and the view computed for it."""
    return {"changes": list(changes), "dependencies": {}, "views": views(days)}


def exchange(*requests):
    """Runs the program as CoopZone does (one process, one line per request) and returns its answers."""
    done = run_program(["python3", "gravity_trade.py"], requests, cwd=HERE)
    if done.returncode != 0:
        raise AssertionError(f"gravity_trade.py exited with status {done.returncode}:\n{done.stderr}")
    return done.answers


class ProtocolTests(unittest.TestCase):
    def test_each_draw_sees_its_own_changes_only(self):
        faster = {"path": ["zones", 0, "stages", 1, "measures", "border_time", 0, "days"], "value": 0.0}
        # Draw 1's change sets stage 'two' to 0 days, so its view has 0 days from 2031.
        no_wait = {**DAYS, "ab": {2030: 2.0, 2031: 0.0, 2032: 0.0}}
        [answer] = exchange(request(1, [draw([faster], no_wait), draw()]))
        self.assertEqual((answer["protocol_version"], answer["id"], len(answer["results"])), (1, 1, 2))
        first = {h["metric"]: h["value"] for h in answer["results"][0]["headlines"]}
        second = {h["metric"]: h["value"] for h in answer["results"][1]["headlines"]}
        # Draw 1: no wait from 2031: D = 100 km, trade 1.5 * 2000 / 100 = 30, effect 20 in 2031 and 2032.
        self.assertAlmostEqual(first["border_time_effect_total"], 40.0)
        # Draw 2 sees the scenario as sent (draw 1's change undone): 10.
        self.assertAlmostEqual(second["border_time_effect_total"], 10.0)

    def test_requests_are_answered_in_order_by_one_process(self):
        answers = exchange(*[request(n, [draw()]) for n in (5, 6, 7)])
        self.assertEqual([a["id"] for a in answers], [5, 6, 7])

    def test_another_protocol_version_is_refused_with_an_error(self):
        [answer] = exchange(request(3, [], version=2))
        self.assertEqual(answer["id"], 3)
        self.assertIn("speaks evaluator protocol version 1, not 2", answer["error"]["message"])

    def test_a_broken_draw_is_that_draws_error(self):
        broken = {"path": ["regions", 0, "sectors"], "value": "not a list"}
        [answer] = exchange(request(4, [draw([broken]), draw()]))
        self.assertIn("error", answer["results"][0])
        self.assertIn("headlines", answer["results"][1])


class RecordedTests(unittest.TestCase):
    def test_the_recorded_andijan_osh_request_gives_the_recorded_answer(self):
        # recorded/andijan-osh.jsonl: the request CoopZone sent for andijan-osh-with-gravity.yaml, with
        # the view measures_by_year, and this program's answer (`coopzone run … --trace-protocol DIR`).
        # The answer is identical to the one recorded before the program read the view.
        [record] = load_recording(os.path.join(HERE, "recorded", "andijan-osh.jsonl"))
        results = replay(record, g.evaluate)
        assert_close(results, record.response, rel_tol=1e-12)
        # Andijan-Osh, 60 km, 1 day cut to 0.5 from 2026: trade is (95 / 130)^-0.93 = 1.33870 times the baseline.
        ratio = results[0].value("gravity_trade_scenario", 2030, link="andijan_osh") / results[0].value(
            "gravity_trade_baseline", 2030, link="andijan_osh")
        self.assertAlmostEqual(ratio, (95 / 130) ** -0.93)


if __name__ == "__main__":
    unittest.main()
