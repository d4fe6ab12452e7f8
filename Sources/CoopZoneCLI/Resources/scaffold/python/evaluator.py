#!/usr/bin/env python3
"""{{id}}: a CoopZone external evaluator, written with CoopZone's Python SDK (coopzone_evaluator).

CoopZone starts this program once per run and sends it requests; `serve(evaluate)` answers
them, calling `evaluate` once per draw. Write your model in `evaluate`: every row, headline and
finding is checked against evaluator.yaml as it is written. The SDK's guide is CoopZone's
Docs/python-sdk.md.
"""

import sys

try:
    from coopzone_evaluator import Draw, Parameters, Results, serve
except ImportError:  # not installed: the SDK of the CoopZone that wrote this file, while it is there
    sys.path.append("{{sdk_path}}/src")
    try:
        from coopzone_evaluator import Draw, Parameters, Results, serve
    except ImportError:
        sys.exit("{{id}}: the Python package coopzone-evaluator is missing: pip install <CoopZone>/sdk/python")


def evaluate(draw: Draw, params: Parameters) -> Results:
    """One draw: each region's output projected over the horizon (replace with your model).
    `draw` is the scenario with the draw's changes applied; `params` are evaluator.yaml's
    parameters with the scenario's overrides."""
    out = draw.results
    total_last = 0.0
    for region in draw.regions:
        output = region.output()  # the sum of its sectors' output
        if output == 0:
            out.warning(f"region '{region.id}' gives no sector output")
        for year in draw.years:
            value = output * (1 + params.growth) ** (year - draw.price_year)
            out.row("projected_output", value, year=year, region=region.id)
            if year == draw.last_year:
                total_last += value
    out.headline("projected_output_last_year", total_last)
    return out


if __name__ == "__main__":
    serve(evaluate)
