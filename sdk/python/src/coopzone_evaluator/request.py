"""A request and its draws as objects."""

from __future__ import annotations

import contextlib
from typing import Any, Dict, Iterator, List, Mapping, Optional, Sequence

from .manifest import Manifest, did_you_mean
from .results import ResultSet, Results
from .scenario import Scenario
from .views import Views

PROTOCOL_VERSION = 1

_MISSING = object()


class RequestError(ValueError):
    """A request that cannot be answered at all (answered with an error response)."""


class Parameters(Dict[str, Any]):
    """The request's parameters: a dict (`params["growth"]`) that also reads as attributes
    (`params.growth`); a missing name is an error naming evaluator.yaml."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(f"no parameter '{name}'{did_you_mean(name, self)}: declare it under "
                                 "'parameters:' in evaluator.yaml") from None

    def __missing__(self, name: str) -> Any:
        raise KeyError(f"no parameter '{name}'{did_you_mean(str(name), self)}: declare it under "
                       "'parameters:' in evaluator.yaml")


@contextlib.contextmanager
def changes_applied(scenario: Dict[str, Any], changes: Sequence[Mapping[str, Any]]) -> Iterator[Dict[str, Any]]:
    """`scenario` with a draw's changes (each `{"path": [...], "value": v}`) applied in place, and
    restored afterwards: cheaper than copying the scenario for every draw of a batch."""
    saved: List[Any] = []
    try:
        for change in changes:
            path = change["path"]
            container: Any = scenario
            for key in path[:-1]:
                container = container[key]
            key = path[-1]
            old = container[key] if isinstance(container, list) else container.get(key, _MISSING)
            saved.append((container, key, old))
            container[key] = change["value"]
        yield scenario
    finally:
        for container, key, old in reversed(saved):
            if old is _MISSING:
                del container[key]
            else:
                container[key] = old


class Draw(Scenario):
    """One draw: the scenario with the draw's changes applied (every accessor of `Scenario`),
    with its dependencies' results, its derived views and the results being written.

    Valid while the evaluate function runs: the next draw changes the same dict."""

    __slots__ = ("index", "changes", "request", "parameters", "manifest", "_raw_draw", "_dependencies", "_views",
                 "_results")

    def __init__(self, request: "Request", index: int) -> None:
        super().__init__(request.scenario)
        self.request = request
        #: Its position in the request (0 for a single run).
        self.index = index
        self._raw_draw: Mapping[str, Any] = request.draws[index]
        #: The changes applied to the scenario sent (empty in a single run).
        self.changes: List[Dict[str, Any]] = list(self._raw_draw.get("changes") or [])
        self.parameters = request.parameters
        self.manifest = request.manifest
        self._dependencies: Optional[Dict[str, ResultSet]] = None
        self._views: Optional[Views] = None
        self._results: Optional[Results] = None

    @property
    def dependencies(self) -> Dict[str, ResultSet]:
        """Every dependency's results in this draw, by evaluator id."""
        if self._dependencies is None:
            reads = self.manifest.reads
            self._dependencies = {
                name: ResultSet(raw, name, frozenset(reads[name]) if name in reads else None)
                for name, raw in (self._raw_draw.get("dependencies") or {}).items()
            }
        return self._dependencies

    def dependency(self, name: str) -> ResultSet:
        """One dependency's results: `draw.dependency("trade_effects").rows(metric="trade_scenario")`."""
        found = self.dependencies.get(name)
        if found is None:
            if name not in self.manifest.dependencies:
                raise LookupError(f"'{name}' is not a dependency: add it to evaluator.yaml, "
                                  f"dependencies: [{', '.join([*self.manifest.dependencies, name])}]")
            raise LookupError(f"the request carries no results of '{name}' in this draw")
        return found

    @property
    def views(self) -> Views:
        """The derived views the manifest asks for (`views:`)."""
        if self._views is None:
            self._views = Views(self._raw_draw.get("views"), self.manifest.views)
        return self._views

    @property
    def results(self) -> Results:
        """This draw's results: `draw.results.row(...)`, `.headline(...)`, `.warning(...)`."""
        if self._results is None:
            self._results = Results(self.manifest)
        return self._results

    def __repr__(self) -> str:
        return f"Draw({self.index} of request {self.request.id}, {len(self.changes)} changes)"


class Request:
    """An `evaluate` request: `id`, `evaluator` ({"id", "version"}), `parameters`, `scenario` (the
    dict at central values) and `draws` (the raw draw objects); `raw` is the whole request."""

    def __init__(self, raw: Mapping[str, Any], manifest: Manifest) -> None:
        if not isinstance(raw, Mapping):
            raise RequestError("a request is a JSON object")
        self.raw = raw
        self.manifest = manifest
        self.id: Any = raw.get("id")
        self.protocol_version: Any = raw.get("protocol_version")
        if self.protocol_version != PROTOCOL_VERSION:
            raise RequestError(f"{manifest.id} speaks evaluator protocol version {PROTOCOL_VERSION}, not "
                               f"{self.protocol_version}; use a matching version of CoopZone or of this evaluator")
        if raw.get("type") != "evaluate":
            raise RequestError(f"unknown request type {raw.get('type')!r}")
        for key, kind in (("scenario", dict), ("draws", list), ("parameters", dict)):
            if not isinstance(raw.get(key), kind):
                raise RequestError(f"the request has no '{key}' ({kind.__name__})")
        self.evaluator: Dict[str, Any] = dict(raw.get("evaluator") or {})
        self.parameters = Parameters(raw["parameters"])
        self.scenario: Dict[str, Any] = raw["scenario"]
        self.draws: List[Mapping[str, Any]] = raw["draws"]

    def each_draw(self) -> Iterator[Draw]:
        """Each draw in turn, its changes applied while it is in hand and undone before the next."""
        for index, raw in enumerate(self.draws):
            with changes_applied(self.scenario, raw.get("changes") or []):
                yield Draw(self, index)
