"""coopzone_evaluator: write a CoopZone external evaluator as one function.

    from coopzone_evaluator import Draw, Parameters, Results, serve

    def evaluate(draw: Draw, params: Parameters) -> Results:
        for region in draw.regions:
            for year in draw.years:
                value = region.output() * (1 + params.growth) ** (year - draw.price_year)
                draw.results.row("projected_output", value, year=year, region=region.id)
        return draw.results

    if __name__ == "__main__":
        serve(evaluate)

See Docs/python-sdk.md in CoopZone.
"""

from .manifest import Manifest, ManifestError, MetricSpec, ParameterSpec
from .protocol import Evaluator, error_response, find_manifest, serve
from .request import PROTOCOL_VERSION, Draw, Parameters, Request, RequestError, changes_applied
from .results import ANY, ReadsError, ResultError, Results, ResultSet
from .scenario import Country, Flow, Link, Region, Scenario, Stage, Zone
from .units import DIMENSIONS, FINDING_KINDS, UNITS, VIEW_NAMES, UnitInfo
from .views import StageSpan, ViewNotRequested, Views

__version__ = "0.1.0"

__all__ = [
    "ANY", "Country", "DIMENSIONS", "Draw", "Evaluator", "FINDING_KINDS", "Flow", "Link", "Manifest", "ManifestError",
    "MetricSpec", "PROTOCOL_VERSION", "ParameterSpec", "Parameters", "ReadsError", "Region", "Request", "RequestError",
    "ResultError", "ResultSet", "Results", "Scenario", "Stage", "StageSpan", "UNITS", "UnitInfo", "VIEW_NAMES",
    "ViewNotRequested", "Views", "Zone", "changes_applied", "error_response", "find_manifest", "serve",
]
