"""Writing results: every row, headline and finding is checked against the manifest as it is
written; and the SDK's closed lists agree with CoopZone's documentation."""

import io
import math
import os
import re
import unittest

from _support import RECORDER, REPO

from coopzone_evaluator import DIMENSIONS, UNITS, Manifest, ResultError, Results

RESULTS_FORMAT = os.path.join(REPO, "Docs", "results-format.md")


def results():
    return Results(Manifest.load(RECORDER, warnings=io.StringIO()))


class RowTests(unittest.TestCase):
    def test_the_unit_is_filled_in_from_the_manifest(self):
        out = results()
        out.row("projected_output", 12.5, year=2031, region="a")
        out.row("projected_output", 3, region="b", unit="usd_million_per_year")  # the declared unit, given: fine
        self.assertEqual(out.rows[0], {"metric": "projected_output", "unit": "usd_million_per_year", "year": 2031, "region": "a",
                                       "value": 12.5})
        self.assertEqual(out.rows[1]["year"], None)  # a value over the whole horizon
        self.assertEqual(out.to_json(), {"rows": out.rows, "headlines": [], "findings": []})

    def test_an_undeclared_metric_is_refused_with_a_did_you_mean(self):
        with self.assertRaises(ResultError) as caught:
            results().row("projected_outputs", 1.0, year=2030, region="a")
        self.assertEqual(str(caught.exception),
                         "'projected_outputs' is not declared under 'metrics:' in recorder's evaluator.yaml; did you mean 'projected_output'?")

    def test_a_unit_other_than_the_declared_one_is_refused(self):
        with self.assertRaises(ResultError) as caught:
            results().row("projected_output", 1.0, region="a", unit="usd_million")
        self.assertEqual(str(caught.exception), "metric 'projected_output': unit 'usd_million' differs from the declared unit "
                                                "'usd_million_per_year'")
        with self.assertRaises(ResultError) as caught:
            results().row("projected_output", 1.0, region="a", unit="usd_milion_per_year")
        self.assertIn("is not one of CoopZone's units; did you mean 'usd_million_per_year'?", str(caught.exception))

    def test_dimensions_must_be_declared_for_the_metric(self):
        with self.assertRaises(ResultError) as caught:
            results().row("projected_output", 1.0, region="a", link="ab")
        self.assertEqual(str(caught.exception), "metric 'projected_output': dimension 'link' is not declared for it in "
                                                "evaluator.yaml (its dimensions: region)")
        with self.assertRaises(ResultError) as caught:
            results().row("projected_output", 1.0, regoin="a")
        self.assertIn("unknown dimension 'regoin'; did you mean 'region'?", str(caught.exception))
        with self.assertRaises(ResultError) as caught:
            results().row("projected_output", 1.0, region=7)
        self.assertEqual(str(caught.exception), "metric 'projected_output': the region 7 is not text")

    def test_values_must_be_finite_numbers(self):
        for bad in (math.inf, -math.inf, math.nan):
            with self.assertRaises(ResultError) as caught:
                results().row("projected_output", bad, year=2030, region="a")
            self.assertIn("not a finite number", str(caught.exception))
            self.assertIn("year 2030, region 'a'", str(caught.exception))
        for bad in ("1.5", None, True):
            with self.assertRaises(ResultError):
                results().row("projected_output", bad, region="a")
        out = results()
        out.row("projected_output", 7, region="a")  # an int is a number
        self.assertEqual((out.rows[0]["value"], type(out.rows[0]["value"])), (7.0, float))

    def test_years_are_whole_numbers(self):
        with self.assertRaises(ResultError):
            results().row("projected_output", 1.0, year=2030.5, region="a")
        with self.assertRaises(ResultError):
            results().row("projected_output", 1.0, year="2030", region="a")

    def test_a_failed_check_leaves_no_row(self):
        out = results()
        with self.assertRaises(ResultError):
            out.row("projected_output", math.nan, region="a")
        self.assertEqual(out.rows, [])


class HeadlineAndFindingTests(unittest.TestCase):
    def test_headlines_are_declared_and_finite(self):
        out = results()
        out.headline("projected_output_last_year", 165.375)
        self.assertEqual(out.headlines, [{"metric": "projected_output_last_year", "unit": "usd_million_per_year", "value": 165.375}])
        with self.assertRaises(ResultError) as caught:
            out.headline("projected_output", 1.0)  # a metric, not a headline
        self.assertIn("is not declared under 'headlines:'", str(caught.exception))
        with self.assertRaises(ResultError):
            out.headline("partner_countries", math.inf)

    def test_finding_kinds(self):
        out = results()
        out.warning("region 'b' has a single sector", input="regions.b.sectors.goods.output")
        out.info("fine")
        out.recommendation("cut the border time")
        self.assertEqual([f["kind"] for f in out.findings], ["warning", "info", "recommendation"])
        self.assertEqual(out.findings[0], {"kind": "warning", "message": "region 'b' has a single sector",
                                           "input": "regions.b.sectors.goods.output"})
        self.assertNotIn("input", out.findings[1])
        with self.assertRaises(ResultError) as caught:
            out.finding("warn", "x")
        self.assertEqual(str(caught.exception), "a finding's kind is one of info, recommendation, warning, not 'warn'; "
                                                "did you mean 'warning'?")
        with self.assertRaises(ResultError):
            out.finding("info", "")

    def test_a_result_in_the_protocol_shape_is_checked_row_by_row(self):
        out = results()
        out.extend({"rows": [{"metric": "projected_output", "unit": "usd_million_per_year", "year": 2030, "region": "a", "value": 1}],
                    "findings": [{"kind": "info", "message": "m"}]})
        self.assertEqual(len(out.rows), 1)
        with self.assertRaises(ResultError):
            out.extend({"rows": [{"metric": "projected_output", "unit": "days", "year": 2030, "region": "a", "value": 1}]})
        with self.assertRaises(ResultError):
            out.extend({"rows": [], "charts": []})


def documented_units():
    """The unit names listed in Docs/results-format.md (the paragraph that starts 'Units:')."""
    with open(RESULTS_FORMAT, encoding="utf-8") as handle:
        text = handle.read()
    paragraph = re.search(r"^Units: (.*?)(?:\n\n|Money is)", text, re.S | re.M)
    if paragraph is None:
        raise AssertionError(f"no 'Units:' paragraph in {RESULTS_FORMAT}")
    return re.findall(r"`([a-z_]+)`", paragraph.group(1))


def documented_dimensions():
    """The dimensions listed in the rows table of Docs/results-format.md."""
    with open(RESULTS_FORMAT, encoding="utf-8") as handle:
        line = next(line for line in handle if line.startswith("| dimensions |"))
    return re.findall(r"`([a-z_]+)`", line)


@unittest.skipUnless(os.path.isfile(RESULTS_FORMAT), "CoopZone's Docs/results-format.md is not beside this SDK")
class ClosedListTests(unittest.TestCase):
    def test_the_units_are_the_documented_ones(self):
        documented = documented_units()
        self.assertGreater(len(documented), 15)
        self.assertEqual(len(documented), len(set(documented)), "a unit listed twice in the docs")
        self.assertEqual(sorted(UNITS), sorted(documented))

    def test_the_dimensions_are_the_documented_ones_in_order(self):
        self.assertEqual(list(DIMENSIONS), documented_dimensions())

    def test_fraction_per_day_is_a_unit(self):
        self.assertEqual(UNITS["fraction_per_day"].symbol, "fraction/day")
        self.assertIn("fraction_per_day", documented_units())


if __name__ == "__main__":
    unittest.main()
