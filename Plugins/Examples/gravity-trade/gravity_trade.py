#!/usr/bin/env python3
"""gravity_trade: a CoopZone external evaluator written with the Python SDK (coopzone_evaluator).

A gravity-style estimate of the trade on each link of a scenario, from the economic size of
its two ends (the output of their border regions) and the distance between them, and of the
trade the zone adds by cutting the time it takes to cross the border. The equations are in
README.md; the SDK in CoopZone's Docs/python-sdk.md. The border-crossing days in force each year
come from the core, as the derived view measures_by_year (`views:` in evaluator.yaml), so the
persistence rule of trade_effects is not written twice.
"""

from __future__ import annotations

import os
import sys
from typing import Optional, Tuple

try:
    from coopzone_evaluator import Draw, Link, Parameters, Results, Scenario, serve
except ImportError:  # not installed (pip install sdk/python): CoopZone's own copy, beside this example
    sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "sdk", "python", "src"))
    from coopzone_evaluator import Draw, Link, Parameters, Results, Scenario, serve


def economic_mass(scenario: Scenario, end: str) -> float:
    """The size of a link end: a region's output, or for a country code the summed output of
    the scenario's regions in that country (the border economy, not the whole country)."""
    for region in scenario.regions:
        if region.id == end:
            return region.output()
    return sum(region.output() for region in scenario.regions_in(end))


def effective_distance(distance_km: float, days: float, km_per_day: float) -> float:
    """Distance plus the distance-equivalent of the time spent at the border."""
    return distance_km + km_per_day * days


def gravity(constant: float, mass_from: float, mass_to: float, distance: float, size_elasticity: float,
            distance_elasticity: float) -> float:
    """X = G * (Y_from * Y_to)^alpha / D^delta."""
    return constant * (mass_from * mass_to) ** size_elasticity / distance ** distance_elasticity


def recorded_trade(link: Link) -> Optional[Tuple[float, int]]:
    """The link's latest recorded trade (all flows, both directions) and its year, or None:
    each flow's latest observation (history, or base value), summed at the latest year seen."""
    latest = []
    for flow in link.flows:
        history = flow.history
        if history:
            year = max(history)
            latest.append((year, history[year]))
        elif flow.base_year is not None and flow.value is not None:
            latest.append((flow.base_year, flow.value))
    if not latest:
        return None
    return sum(v for _, v in latest), max(y for y, _ in latest)


def evaluate(draw: Draw, params: Parameters) -> Results:
    """One draw: rows by link and year, findings, and the two headlines."""
    alpha, delta, km_per_day = params.size_elasticity, params.distance_elasticity, params.km_per_border_day
    growth, price_year, last_year = params.output_growth, draw.price_year, draw.last_year
    out = draw.results
    effect_total = last_base = last_effect = 0.0
    for link in draw.links:
        mass_from, mass_to = economic_mass(draw, link.from_), economic_mass(draw, link.to)
        if mass_from <= 0 or mass_to <= 0:
            out.warning(f"link '{link.id}': no sector output at '{link.from_ if mass_from <= 0 else link.to}', so no gravity estimate")
            continue
        distance = link.distance_km
        if distance is None:
            distance = params.default_distance_km
            out.warning(f"link '{link.id}' has no distance_km; {distance:g} km assumed (parameter default_distance_km)")
        base_distance = effective_distance(distance, link.border_crossing_days or 0.0, km_per_day)
        if base_distance <= 0:
            out.warning(f"link '{link.id}': zero effective distance, so no gravity estimate")
            continue

        def size(mass: float, year: int) -> float:
            return mass * (1 + growth) ** (year - price_year)

        recorded = recorded_trade(link)
        if recorded is not None and recorded[0] > 0:
            value, year = recorded
            constant = value / gravity(1.0, size(mass_from, year), size(mass_to, year), base_distance, alpha, delta)
        else:
            constant = params.gravity_constant
            out.info(f"link '{link.id}' has no recorded trade; the gravity constant {constant:g} is used uncalibrated")

        for year in draw.years:
            y_from, y_to = size(mass_from, year), size(mass_to, year)
            baseline = gravity(constant, y_from, y_to, base_distance, alpha, delta)
            # The days in force that year by the core's persistence rule (the view measures_by_year);
            # None when the link gives no days, and then its border_time measures are ignored.
            days = draw.views.border_days(link.id, year)
            scenario_distance = effective_distance(distance, days or 0.0, km_per_day)
            with_zone = gravity(constant, y_from, y_to, max(scenario_distance, 1e-9), alpha, delta)
            effect = with_zone - baseline
            out.row("gravity_trade_baseline", baseline, year=year, link=link.id)
            out.row("gravity_trade_scenario", with_zone, year=year, link=link.id)
            out.row("border_time_effect", effect, year=year, link=link.id)
            effect_total += effect
            if year == last_year:
                last_base += baseline
                last_effect += effect

    out.headline("border_time_effect_total", effect_total)
    if last_base > 0:
        out.headline("border_time_effect_share_last_year", last_effect / last_base)
    return out


if __name__ == "__main__":
    serve(evaluate)
