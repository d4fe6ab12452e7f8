#!/usr/bin/env python3
"""gravity_trade: a CoopZone external evaluator (evaluator protocol version 1).

A gravity-style estimate of the trade on each link of a scenario, from the economic size of
its two ends (the output of their border regions) and the distance between them, and of the
trade the zone adds by cutting the time it takes to cross the border. The equations are in
README.md; the protocol in CoopZone's Docs/writing-an-evaluator.md.

Standard library only. CoopZone starts this program once per run and writes one JSON request
per line on its standard input; the program answers each with one JSON line on standard
output. Anything else (logs, tracebacks) goes to standard error.
"""

import contextlib
import json
import math
import sys
import traceback

PROTOCOL_VERSION = 1
EVALUATOR_ID = "gravity_trade"


# ---------------------------------------------------------------------------------------------
# The model (pure functions: README.md gives each equation).
# ---------------------------------------------------------------------------------------------

def region_output(region):
    """A region's economic size: the sum of its sectors' output (money per year)."""
    return sum(s.get("output", 0.0) for s in region.get("sectors", []))


def economic_mass(scenario, end):
    """The size of a link end: a region's output, or for a country code the summed output of
    the scenario's regions in that country (the border economy, not the whole country)."""
    for region in scenario["regions"]:
        if region["id"] == end:
            return region_output(region)
    return sum(region_output(r) for r in scenario["regions"] if r["country"] == end)


def border_days_by_year(scenario, link):
    """Border-crossing days on `link` for each horizon year: the link's own value until a
    stage sets `border_time` for it, then the latest stage's value, from the stage's first
    year to the end of the horizon (the persistence rule of CoopZone's trade_effects)."""
    first, last = scenario["horizon"]["first"], scenario["horizon"]["last"]
    base = link.get("border_crossing_days", 0.0)
    events = []
    for z, zone in enumerate(scenario["zones"]):
        for s, stage in enumerate(zone["stages"]):
            if stage.get("first_year") is None:
                continue  # the stage never starts within the horizon
            for measure in stage["measures"]["border_time"]:
                if measure["link"] == link["id"]:
                    events.append((stage["first_year"], z, s, measure["days"]))
    days = {year: base for year in range(first, last + 1)}
    for start, _, _, value in sorted(events):
        for year in range(max(first, int(start)), last + 1):
            days[year] = value
    return days


def effective_distance(distance_km, days, km_per_day):
    """Distance plus the distance-equivalent of the time spent at the border."""
    return distance_km + km_per_day * days


def gravity(constant, mass_from, mass_to, distance, size_elasticity, distance_elasticity):
    """X = G * (Y_from * Y_to)^alpha / D^delta."""
    return constant * (mass_from * mass_to) ** size_elasticity / distance ** distance_elasticity


def recorded_trade(link):
    """The link's latest recorded trade (all flows, both directions) and its year, or None:
    each flow's latest observation (history, or base value), summed at the latest year seen."""
    latest = []
    for flow in link.get("flows", []):
        history = {int(year): value for year, value in flow.get("history", {}).items()}
        if history:
            year = max(history)
            latest.append((year, history[year]))
        elif flow.get("base_year") is not None and flow.get("value") is not None:
            latest.append((flow["base_year"], flow["value"]))
    if not latest:
        return None
    year = max(y for y, _ in latest)
    return sum(v for _, v in latest), year


def evaluate(scenario, parameters, dependencies):
    """One draw: rows, findings and headlines in CoopZone's result shape."""
    alpha = parameters["size_elasticity"]
    delta = parameters["distance_elasticity"]
    km_per_day = parameters["km_per_border_day"]
    growth = parameters["output_growth"]
    first, last = scenario["horizon"]["first"], scenario["horizon"]["last"]
    price_year = scenario["price_year"]

    rows, findings = [], []
    effect_total = 0.0
    last_base = last_effect = 0.0
    for index, link in enumerate(scenario["links"]):
        mass_from = economic_mass(scenario, link["from"])
        mass_to = economic_mass(scenario, link["to"])
        if mass_from <= 0 or mass_to <= 0:
            findings.append({"kind": "warning", "message":
                             f"link '{link['id']}': no sector output at '{link['from'] if mass_from <= 0 else link['to']}', so no gravity estimate"})
            continue
        distance = link.get("distance_km")
        if distance is None:
            distance = parameters["default_distance_km"]
            findings.append({"kind": "warning", "message":
                             f"link '{link['id']}' has no distance_km; {distance:g} km assumed (parameter default_distance_km)"})
        days = border_days_by_year(scenario, link)
        base_days = link.get("border_crossing_days", 0.0)
        base_distance = effective_distance(distance, base_days, km_per_day)
        if base_distance <= 0:
            findings.append({"kind": "warning", "message": f"link '{link['id']}': zero effective distance, so no gravity estimate"})
            continue

        def size(mass, year):
            return mass * (1 + growth) ** (year - price_year)

        recorded = recorded_trade(link)
        if recorded is not None and recorded[0] > 0:
            value, year = recorded
            raw = gravity(1.0, size(mass_from, year), size(mass_to, year), base_distance, alpha, delta)
            constant = value / raw
        else:
            constant = parameters["gravity_constant"]
            findings.append({"kind": "info", "message":
                             f"link '{link['id']}' has no recorded trade; the gravity constant {constant:g} is used uncalibrated"})

        for year in range(first, last + 1):
            y_from, y_to = size(mass_from, year), size(mass_to, year)
            baseline = gravity(constant, y_from, y_to, base_distance, alpha, delta)
            scenario_distance = effective_distance(distance, days[year], km_per_day)
            with_zone = gravity(constant, y_from, y_to, max(scenario_distance, 1e-9), alpha, delta)
            effect = with_zone - baseline
            for metric, value in (("gravity_trade_baseline", baseline), ("gravity_trade_scenario", with_zone),
                                  ("border_time_effect", effect)):
                rows.append({"metric": metric, "unit": "usd_million", "year": year, "link": link["id"], "value": value})
            effect_total += effect
            if year == last:
                last_base += baseline
                last_effect += effect

    headlines = [{"metric": "border_time_effect_total", "unit": "usd_million", "value": effect_total}]
    if last_base > 0:
        headlines.append({"metric": "border_time_effect_share_last_year", "unit": "fraction", "value": last_effect / last_base})
    return {"rows": rows, "findings": findings, "headlines": headlines}


# ---------------------------------------------------------------------------------------------
# The protocol (the same in every Python evaluator: only `evaluate` above changes).
# ---------------------------------------------------------------------------------------------

@contextlib.contextmanager
def changes_applied(scenario, changes):
    """The scenario with a draw's changes (each {"path": [...], "value": v}) applied in place,
    restored afterwards: cheaper than copying the scenario for every draw."""
    saved = []
    try:
        for change in changes:
            container = scenario
            for key in change["path"][:-1]:
                container = container[key]
            key = change["path"][-1]
            saved.append((container, key, container[key]))
            container[key] = change["value"]
        yield scenario
    finally:
        for container, key, value in reversed(saved):
            container[key] = value


def error_response(request_id, message):
    return {"protocol_version": PROTOCOL_VERSION, "id": request_id, "error": {"message": message}}


def handle(request):
    """The response to one request."""
    request_id = request.get("id") if isinstance(request, dict) else None
    if not isinstance(request, dict):
        return error_response(None, "a request is a JSON object")
    version = request.get("protocol_version")
    if version != PROTOCOL_VERSION:
        return error_response(request_id, f"{EVALUATOR_ID} speaks evaluator protocol version {PROTOCOL_VERSION}, "
                                          f"not {version}; use a matching version of CoopZone or of this evaluator")
    if request.get("type") != "evaluate":
        return error_response(request_id, f"unknown request type {request.get('type')!r}")
    scenario, parameters = request["scenario"], request["parameters"]
    results = []
    for draw in request["draws"]:
        try:
            with changes_applied(scenario, draw["changes"]):
                results.append(evaluate(scenario, parameters, draw["dependencies"]))
        except Exception as error:  # one draw's failure, not the request's
            traceback.print_exc(file=sys.stderr)
            results.append({"error": f"{type(error).__name__}: {error}"})
    return {"protocol_version": PROTOCOL_VERSION, "id": request_id, "results": results}


def serve(stdin=sys.stdin, stdout=sys.stdout):
    """Answers requests, one line each, until standard input ends."""
    for line in stdin:
        if not line.strip():
            continue
        try:
            request = json.loads(line)
        except ValueError as error:
            response = error_response(None, f"the request is not JSON: {error}")
        else:
            try:
                response = handle(request)
            except Exception as error:  # a malformed request: answer, don't die
                traceback.print_exc(file=sys.stderr)
                response = error_response(request.get("id") if isinstance(request, dict) else None, f"{type(error).__name__}: {error}")
        try:
            text = json.dumps(response, separators=(",", ":"), allow_nan=False)
        except ValueError as error:  # NaN or infinity: JSON cannot carry them
            text = json.dumps(error_response(response.get("id"), f"a result is not a finite number: {error}"))
        stdout.write(text + "\n")
        stdout.flush()


if __name__ == "__main__":
    serve()
