#!/usr/bin/env python3
"""{{id}}: a CoopZone external evaluator (evaluator protocol version 1).

CoopZone starts this program once per run and writes one JSON request per line on its
standard input; the program answers each with one JSON line on standard output. Write
logs to standard error. Change `evaluate`; keep the protocol part as it is.
"""

import contextlib
import json
import sys
import traceback

PROTOCOL_VERSION = 1
EVALUATOR_ID = "{{id}}"


def region_output(region):
    """A region's output: the sum of its sectors' output (money per year)."""
    return sum(s.get("output", 0.0) for s in region.get("sectors", []))


def evaluate(scenario, parameters, dependencies):
    """One draw: rows, findings and headlines, in CoopZone's result shape. Every metric,
    unit and dimension must be declared in evaluator.yaml."""
    growth = parameters["growth"]
    first, last = scenario["horizon"]["first"], scenario["horizon"]["last"]
    rows, findings = [], []
    total_last = 0.0
    for region in scenario["regions"]:
        output = region_output(region)
        if output == 0:
            findings.append({"kind": "warning", "message": f"region '{region['id']}' gives no sector output"})
        for year in range(first, last + 1):
            value = output * (1 + growth) ** (year - scenario["price_year"])
            rows.append({"metric": "projected_output", "unit": "usd_million_per_year", "year": year,
                         "region": region["id"], "value": value})
            if year == last:
                total_last += value
    headlines = [{"metric": "projected_output_last_year", "unit": "usd_million_per_year", "value": total_last}]
    return {"rows": rows, "findings": findings, "headlines": headlines}


# --- The protocol: the same in every Python evaluator. ---------------------------------

@contextlib.contextmanager
def changes_applied(scenario, changes):
    """The scenario with a draw's changes ({"path": [...], "value": v}) applied in place, then restored."""
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
    if not isinstance(request, dict):
        return error_response(None, "a request is a JSON object")
    request_id = request.get("id")
    version = request.get("protocol_version")
    if version != PROTOCOL_VERSION:
        return error_response(request_id, f"{EVALUATOR_ID} speaks evaluator protocol version {PROTOCOL_VERSION}, not {version}")
    if request.get("type") != "evaluate":
        return error_response(request_id, f"unknown request type {request.get('type')!r}")
    scenario, parameters = request["scenario"], request["parameters"]
    results = []
    for draw in request["draws"]:
        try:
            with changes_applied(scenario, draw["changes"]):
                results.append(evaluate(scenario, parameters, draw["dependencies"]))
        except Exception as error:  # this draw's failure, not the request's
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
