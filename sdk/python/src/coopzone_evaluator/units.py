"""CoopZone's closed lists: units, dimensions and finding kinds.

The units are those of `Sources/CoopZoneCore/Unit.swift`, listed in CoopZone's
`Docs/results-format.md`; a test of this package compares the two lists, so they cannot drift.
"""

from __future__ import annotations

from typing import Dict, FrozenSet, NamedTuple, Tuple


class UnitInfo(NamedTuple):
    """A unit: how a table header writes it, and what it means."""

    symbol: str
    meaning: str


#: Every unit a result row, a headline or a parameter may carry, in CoopZone's order.
UNITS: Dict[str, UnitInfo] = {
    "usd_million": UnitInfo("USD m", "millions of the scenario's currency, of its price year"),
    "usd_million_per_year": UnitInfo("USD m/yr", "millions of the scenario's currency per year"),
    "usd_million_per_ha_per_year": UnitInfo("USD m/ha/yr", "millions of the scenario's currency per hectare per year"),
    "usd_thousand_per_job_year": UnitInfo("USD k/job-yr", "thousands of the scenario's currency per job per year"),
    "usd_million_per_job": UnitInfo("USD m/job", "millions of the scenario's currency per net job"),
    "persons": UnitInfo("persons", "people"),
    "jobs": UnitInfo("jobs", "annual-average jobs (full-time equivalents)"),
    "jobs_per_usd_million": UnitInfo("jobs/USD m", "jobs per million of currency"),
    "fraction": UnitInfo("fraction", "a share or rate as a fraction (0.15, not 15)"),
    "fraction_per_year": UnitInfo("fraction/yr", "a rate per year as a fraction (growth 0.05 = 5 % a year)"),
    "fraction_per_day": UnitInfo("fraction/day", "a rate per day as a fraction of value"),
    "ratio": UnitInfo("ratio", "a pure number: an elasticity, a multiplier, a ratio"),
    "index_percent": UnitInfo("index (prev. yr = 100)", "an index, previous year = 100"),
    "days": UnitInfo("days", "days"),
    "hours": UnitInfo("hours", "hours"),
    "hectares": UnitInfo("ha", "hectares"),
    "kilometres": UnitInfo("km", "kilometres"),
    "years": UnitInfo("years", "a number of years (a duration)"),
    "calendar_year": UnitInfo("year", "a calendar year"),
    "count": UnitInfo("count", "a count of things (countries, stages)"),
}

#: The dimensions a row may carry, in the order CoopZone writes them.
DIMENSIONS: Tuple[str, ...] = ("region", "country", "sector", "stage", "link", "instrument", "direction", "zone")

#: The kinds of finding.
FINDING_KINDS: FrozenSet[str] = frozenset({"warning", "recommendation", "info"})

#: The derived views a manifest may ask for under `views:`.
VIEW_NAMES: Tuple[str, ...] = ("stage_timeline", "flows_by_year", "measures_by_year", "tariffs_by_year")
