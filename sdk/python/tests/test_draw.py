"""Reading a draw: the scenario's accessors, dependency results (with `reads:`), derived views."""

import copy
import io
import os
import unittest

from _support import RECORDER

from coopzone_evaluator import ANY, Manifest, ManifestError, ReadsError, Request, ViewNotRequested
from coopzone_evaluator.testing import load_recording

TRACE = os.path.join(os.path.dirname(RECORDER), "recorder.trace.jsonl")


def manifest(**changes):
    data = {"id": "recorder", "metrics": {}, "headlines": {}, "dependencies": ["zone_fit"], "reads": {"zone_fit": ["countries", "fit_score"]},
            "views": ["measures_by_year", "stage_timeline"]}
    data.update(changes)
    return Manifest.from_dict(data, warnings=io.StringIO())


def request(m=None):
    """The trace's first request: region a's output is 80 in draw 0 (a change), 100 in draw 1."""
    return Request(copy.deepcopy(load_recording(TRACE)[0].request), m or manifest())


def first_draw(m=None):
    """Draw 0 of the request (its changes are undone when the iterator goes: keep it in hand)."""
    draws = request(m).each_draw()
    _IN_HAND.append(draws)
    return next(draws)


_IN_HAND = []


class ScenarioTests(unittest.TestCase):
    def test_lists_lookups_and_the_horizon(self):
        draw = first_draw()
        self.assertEqual(draw.years, range(2030, 2033))
        self.assertEqual((draw.first_year, draw.last_year, draw.price_year), (2030, 2032, 2030))
        self.assertEqual([c.code for c in draw.countries], ["AA", "BB"])
        self.assertEqual(draw.country("BB").name, "Bland")
        self.assertEqual([r.id for r in draw.regions], ["a", "b"])
        self.assertEqual([r.id for r in draw.regions_in("AA")], ["a"])
        link = draw.link("ab")
        self.assertEqual((link.from_, link.to, link.distance_km, link.border_crossing_days, link.shadow_share), ("a", "b", 120.0, 2.0, None))
        [flow] = draw.flows
        self.assertEqual((flow.link, flow.sector, flow.direction, flow.base_year, flow.value), ("ab", "goods", "export", 2030, 10.0))
        [stage] = draw.stages
        self.assertEqual((stage.zone, stage.id, stage.first_year, stage.last_year, stage.years), ("z", "one", 2031, 2032, range(2031, 2033)))
        self.assertEqual(stage.measures("border_time"), [{"link": "ab", "days": 1}])
        self.assertEqual(draw.zone("z").regions, ["a", "b"])
        with self.assertRaises(LookupError) as caught:
            draw.region("c")
        self.assertEqual(str(caught.exception), "the scenario has no region 'c'")

    def test_raw_access_and_paths(self):
        draw = first_draw()
        self.assertEqual(draw["discount_rate"], 0.08)
        self.assertIsNone(draw.get("not_there"))
        self.assertEqual(draw.region("a")["sectors"][0]["sector"], "goods")
        self.assertEqual(draw.region("b").path("sectors", "goods", "output"), "regions.b.sectors.goods.output")
        self.assertEqual(draw.link("ab").flows[0].path("growth"), "links.ab.flows.0.growth")
        self.assertEqual(draw.stages[0].path("incentives", "land_tax"), "zones.z.stages.one.incentives.land_tax")

    def test_draws_apply_their_changes_and_undo_them(self):
        req = request()
        outputs = [(d.index, d.region("a").output(), len(d.changes)) for d in req.each_draw()]
        # Draw 0 changes region a's only sector output to 80; draw 1 sees the 100 sent.
        self.assertEqual(outputs, [(0, 80.0, 1), (1, 100.0, 0)])
        self.assertEqual(req.scenario["regions"][0]["sectors"][0]["output"], 100)  # restored

    def test_a_change_that_adds_a_key_is_removed_afterwards(self):
        req = request()
        req.draws[0]["changes"] = [{"path": ["links", 0, "shadow_share"], "value": 0.25}]
        shares = [d.link("ab").shadow_share for d in req.each_draw()]
        self.assertEqual(shares, [0.25, None])
        self.assertNotIn("shadow_share", req.scenario["links"][0])

    def test_a_stage_that_never_starts(self):
        req = request()
        req.draws[0]["changes"] = [{"path": ["zones", 0, "stages", 0, "first_year"], "value": None},
                                   {"path": ["zones", 0, "stages", 0, "last_year"], "value": None}]
        draws = req.each_draw()
        stage = next(draws).stages[0]
        self.assertEqual((stage.starts, stage.first_year, stage.years), (False, None, range(0)))

    def test_parameters_read_as_keys_and_attributes(self):
        params = request().parameters
        self.assertEqual((params["growth"], params.growth), (0.05, 0.05))
        with self.assertRaises(AttributeError) as caught:
            params.grwth
        self.assertIn("no parameter 'grwth'; did you mean 'growth'?", str(caught.exception))
        with self.assertRaises(KeyError):
            params["grwth"]


class DependencyTests(unittest.TestCase):
    def test_rows_values_totals_and_headlines(self):
        zone_fit = first_draw(manifest(reads={})).dependency("zone_fit")
        [row] = zone_fit.rows(metric="countries")
        self.assertEqual(row["zone"], "z")
        self.assertEqual(zone_fit.rows(metric="countries", year=None, zone="z"), [row])  # year None: over the whole horizon
        self.assertEqual(zone_fit.rows(metric="countries", year=2030), [])
        self.assertEqual(zone_fit.rows(metric="countries", zone="y"), [])
        self.assertEqual(zone_fit.value("countries", zone="z"), 2.0)
        self.assertEqual(zone_fit.total("countries", year=ANY), 2.0)
        self.assertEqual(zone_fit.total("other"), 0.0)
        self.assertEqual(zone_fit.headline("fit_score"), 1.0)
        self.assertEqual(zone_fit.findings, [])
        with self.assertRaises(LookupError) as caught:
            zone_fit.headline("fit_scor")
        self.assertIn("no headline 'fit_scor' from zone_fit; did you mean 'fit_score'?", str(caught.exception))
        with self.assertRaises(LookupError):
            zone_fit.value("countries", zone="y")  # no row

    def test_reads_keeps_out_what_is_not_sent(self):
        zone_fit = first_draw().dependency("zone_fit")  # reads: {zone_fit: [countries, fit_score]}
        self.assertEqual(zone_fit.value("countries"), 2.0)
        with self.assertRaises(ReadsError) as caught:
            zone_fit.rows(metric="regions")
        self.assertEqual(str(caught.exception), "zone_fit's metric 'regions' is not sent: evaluator.yaml reads only countries, "
                                                "fit_score of it; add it under 'reads: {zone_fit: [...]}'")
        with self.assertRaises(ReadsError):
            zone_fit.findings

    def test_a_dependency_not_in_the_manifest(self):
        with self.assertRaises(LookupError) as caught:
            first_draw().dependency("trade_effects")
        self.assertEqual(str(caught.exception), "'trade_effects' is not a dependency: add it to evaluator.yaml, "
                                                "dependencies: [zone_fit, trade_effects]")


class ViewTests(unittest.TestCase):
    def test_measures_by_year(self):
        views = first_draw().views
        # The stage 'one' sets 1 day on ab from 2031; the link's own value, 2 days, before.
        self.assertEqual([views.border_days("ab", y) for y in (2030, 2031, 2032)], [2.0, 1.0, 1.0])
        self.assertIsNone(views.logistics_cost_share("ab", 2031))
        self.assertEqual(views.measures("ab", 2030), {"border_crossing_days": 2.0, "logistics_cost_share": None, "shadow_share": None})
        with self.assertRaises(LookupError) as caught:
            views.border_days("ab", 2040)
        self.assertEqual(str(caught.exception), "the view 'measures_by_year' has no record for link 'ab', year 2040")

    def test_stage_timeline(self):
        [span] = first_draw().views.stages()
        self.assertEqual((span.zone, span.stage, span.first_year, span.last_year, span.years), ("z", "one", 2031, 2032, range(2031, 2033)))
        self.assertEqual(first_draw().views.stages(zone="y"), [])

    def test_flows_and_tariffs(self):
        req = request(manifest(views=["flows_by_year", "tariffs_by_year"]))
        req.draws[0]["views"] = {
            "flows_by_year": [{"link": "ab", "sector": "goods", "direction": "export", "year": 2030, "value": 10.0},
                              {"link": "ab", "sector": "goods", "direction": "export", "year": 2031, "value": 10.5}],
            "tariffs_by_year": [{"link": "ab", "sector": "goods", "direction": "export", "year": 2031, "rate": 0.05}]}
        views = next(req.each_draw()).views
        self.assertEqual(views.flow("ab", "goods", "export", 2031), 10.5)
        self.assertEqual(views.tariff("ab", "goods", "export", 2031), 0.05)
        self.assertEqual(len(views.records("flows_by_year")), 2)

    def test_a_view_that_was_not_requested_names_the_manifest_key(self):
        views = first_draw().views
        with self.assertRaises(ViewNotRequested) as caught:
            views.tariff("ab", "goods", "export", 2031)
        self.assertEqual(str(caught.exception), "the view 'tariffs_by_year' was not requested: add it to evaluator.yaml, "
                                                "views: [measures_by_year, stage_timeline, tariffs_by_year]")

    def test_a_requested_view_the_request_lacks(self):
        req = request()
        del req.draws[0]["views"]
        with self.assertRaises(ViewNotRequested) as caught:
            next(req.each_draw()).views.border_days("ab", 2030)
        self.assertIn("evaluator.yaml asks for the view 'measures_by_year', but the request does not carry it", str(caught.exception))


class RecordedViewTests(unittest.TestCase):
    """The views of a request CoopZone wrote (`coopzone request` on
    Scenarios/khorgos-eastern-gate-free-economic-zone.yaml for an evaluator asking for all four):
    the SDK reads the core's records as they are."""

    def draw(self):
        raw = load_recording(os.path.join(os.path.dirname(RECORDER), "khorgos.request.jsonl"))[0].request
        draws = Request(raw, manifest(views=["stage_timeline", "flows_by_year", "measures_by_year", "tariffs_by_year"],
                                      reads={}, dependencies=[])).each_draw()
        _IN_HAND.append(draws)
        return next(draws)

    def test_the_scenarios_numbers_by_the_rules(self):
        draw = self.draw()
        views = draw.views
        # The link gives 2 days, a 0.15 logistics share and a 0.1 shadow share; the first stage,
        # fez_rent_free from 2022 (the horizon's first year), sets 1 day, which holds to 2040.
        self.assertEqual(draw.link("khorgos").border_crossing_days, 2.0)
        self.assertEqual({views.border_days("khorgos", y) for y in draw.years}, {1.0})
        self.assertEqual(views.measures("khorgos", 2040), {"border_crossing_days": 1, "logistics_cost_share": 0.15, "shadow_share": 0.1})
        # Exports 1500 in 2022 growing 5 % a year: 1500 * 1.05^2 = 1653.75 in 2024; imports 3000 * 1.05^18 in 2040.
        self.assertAlmostEqual(views.flow("khorgos", "all", "export", 2024), 1653.75)
        self.assertAlmostEqual(views.flow("khorgos", "all", "import", 2040), 3000 * 1.05 ** 18)
        # No tariff measures: the importer's import_duty, China's 0.075 on exports (Zhetysu to Ili),
        # Kazakhstan's 0.06 on imports.
        self.assertEqual(views.tariff("khorgos", "all", "export", 2031), 0.075)
        self.assertEqual(views.tariff("khorgos", "all", "import", 2031), 0.06)
        self.assertEqual([(s.stage, s.first_year, s.last_year) for s in views.stages("khorgos_eg")],
                         [("fez_rent_free", 2022, 2027), ("fez", 2028, 2035), ("after_term", 2036, 2040)])
        self.assertEqual(len(views.records("flows_by_year")), 2 * 19)  # two flows, 2022-2040


class ManifestTests(unittest.TestCase):
    def test_reads_must_name_dependencies(self):
        warnings = io.StringIO()
        Manifest.from_dict({"id": "x", "dependencies": ["trade_effects"], "reads": {"trade_efects": ["trade_scenario"]}}, warnings=warnings)
        self.assertEqual(warnings.getvalue(), "coopzone_evaluator: evaluator.yaml: warning: 'reads' names 'trade_efects', which is not under "
                                              "'dependencies'; did you mean 'trade_effects'? (CoopZone refuses this manifest)\n")

    def test_unknown_views_units_and_dimensions_are_warned_about(self):
        warnings = io.StringIO()
        m = Manifest.from_dict({"id": "x", "views": ["measure_by_year"], "metrics": {"m": {"unit": "usd", "dimensions": ["regoin"]}}},
                               warnings=warnings)
        text = warnings.getvalue()
        self.assertIn("unknown view 'measure_by_year'; did you mean 'measures_by_year'?", text)
        self.assertIn("metrics.m: unknown unit 'usd'", text)
        self.assertIn("metrics.m: unknown dimension 'regoin'; did you mean 'region'?", text)
        self.assertEqual(m.views, ["measure_by_year"])

    def test_a_section_of_the_wrong_kind_is_an_error(self):
        with self.assertRaises(ManifestError) as caught:
            Manifest.from_dict({"id": "x", "reads": ["trade_effects"]}, warnings=io.StringIO())
        self.assertEqual(str(caught.exception), "evaluator.yaml: 'reads' is a mapping, not ['trade_effects']")
        with self.assertRaises(ManifestError):
            Manifest.from_dict({"metrics": {}}, warnings=io.StringIO())  # no id

    def test_the_fixture_loads_without_warnings(self):
        warnings = io.StringIO()
        m = Manifest.load(RECORDER, warnings=warnings)
        self.assertEqual(warnings.getvalue(), "")
        self.assertEqual((m.id, m.dependencies, m.reads, m.views), ("recorder", ["zone_fit"], {"zone_fit": ["countries", "fit_score"]},
                                                                   ["measures_by_year", "stage_timeline"]))
        self.assertEqual(m.metrics["border_days"].dimensions, frozenset({"link"}))
        self.assertEqual(m.defaults(), {"growth": 0.05, "mode": ""})


if __name__ == "__main__":
    unittest.main()
