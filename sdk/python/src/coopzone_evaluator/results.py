"""Results: writing them (`Results`, checked against the manifest row by row) and reading them
(`ResultSet`: a dependency's results in a draw, or a replayed answer)."""

from __future__ import annotations

import math
import numbers
from typing import Any, Dict, FrozenSet, Iterable, List, Mapping, NoReturn, Optional, Tuple

from .manifest import Manifest, MetricSpec, did_you_mean
from .units import DIMENSIONS, FINDING_KINDS, UNITS

_DIMENSIONS = frozenset(DIMENSIONS)


class ResultError(ValueError):
    """A row, headline or finding that breaks the manifest or the protocol. Raised as it is
    written; the protocol loop turns it into the draw's error."""


def _number(value: Any, what: str) -> float:
    """`value` as a finite float, or a ResultError naming `what`."""
    if type(value) is float or type(value) is int:
        number = float(value)
    elif isinstance(value, numbers.Real) and not isinstance(value, bool):
        number = float(value)
    else:
        raise ResultError(f"{what}: the value {value!r} is not a number")
    if not math.isfinite(number):
        raise ResultError(f"{what}: the value is {number}, not a finite number (JSON cannot carry it)")
    return number


class Results:
    """The rows, headlines and findings of one draw, each checked against the manifest as it is
    written: the metric is declared, the unit is the declared one (filled in when not given),
    dimensions are among the metric's declared ones, the value is finite. A failed check raises
    `ResultError`."""

    __slots__ = ("manifest", "rows", "headlines", "findings", "_metrics")

    def __init__(self, manifest: Manifest) -> None:
        self.manifest = manifest
        self._metrics = manifest.metrics
        self.rows: List[Dict[str, Any]] = []
        self.headlines: List[Dict[str, Any]] = []
        self.findings: List[Dict[str, Any]] = []

    def _spec(self, table: Mapping[str, MetricSpec], name: Any, key: str) -> MetricSpec:
        spec = table.get(name)
        if spec is None:
            raise ResultError(f"'{name}' is not declared under '{key}:' in {self.manifest.id}'s evaluator.yaml"
                              f"{did_you_mean(str(name), table)}")
        return spec

    @staticmethod
    def _unit(spec: MetricSpec, unit: Optional[str], what: str) -> str:
        if unit is None or unit == spec.unit:
            return spec.unit
        if unit not in UNITS:
            raise ResultError(f"{what}: unit '{unit}' is not one of CoopZone's units{did_you_mean(unit, UNITS)}")
        raise ResultError(f"{what}: unit '{unit}' differs from the declared unit '{spec.unit}'")

    def row(self, metric: str, value: float, *, year: Optional[int] = None, unit: Optional[str] = None,
            **dimensions: str) -> None:
        """Adds a row: `results.row("trade", 12.5, year=2031, link="ab")`. `year` None is a value
        over the whole horizon; each dimension's value is text."""
        # This is the SDK's hot path (90,000 rows for a batch of 2,000 draws): the common case
        # costs a dict lookup and a set comparison; the slow path finds what is wrong.
        spec = self._metrics.get(metric)
        if spec is None or (unit is not None and unit != spec.unit) or not dimensions.keys() <= spec.dimensions:
            self._check_shape(metric, unit, dimensions)
        if year is not None and year.__class__ is not int:
            if isinstance(year, numbers.Integral) and not isinstance(year, bool):
                year = int(year)
            else:
                raise ResultError(f"metric '{metric}': the year {year!r} is not a whole number")
        for text in dimensions.values():
            if text.__class__ is not str:
                name = next(k for k, v in dimensions.items() if v is text)
                raise ResultError(f"metric '{metric}': the {name} {text!r} is not text")
        if value.__class__ is not float or value - value != 0.0:  # not a float, or infinite or NaN
            value = _number(value, f"metric '{metric}'" + (f", year {year}" if year is not None else "")
                            + "".join(f", {k} '{v}'" for k, v in dimensions.items()))
        row: Dict[str, Any] = dimensions  # a new dict on every call: the row itself
        row["metric"] = metric
        row["unit"] = spec.unit
        row["year"] = year
        row["value"] = value
        self.rows.append(row)

    def _check_shape(self, metric: str, unit: Optional[str], dimensions: Mapping[str, Any]) -> NoReturn:
        """Raises the ResultError that says what is wrong with the metric, unit or dimension names."""
        spec = self._spec(self.manifest.metrics, metric, "metrics")
        self._unit(spec, unit, f"metric '{metric}'")
        for name in dimensions:
            if name not in spec.dimensions:
                if name not in _DIMENSIONS:
                    raise ResultError(f"metric '{metric}': unknown dimension '{name}'{did_you_mean(name, DIMENSIONS)}; "
                                      f"dimensions are {', '.join(DIMENSIONS)}")
                raise ResultError(f"metric '{metric}': dimension '{name}' is not declared for it in evaluator.yaml "
                                  f"(its dimensions: {', '.join(sorted(spec.dimensions)) or 'none'})")
        raise AssertionError(f"metric '{metric}': no problem found in a row the fast check refused")

    def headline(self, metric: str, value: float, *, unit: Optional[str] = None) -> None:
        """Adds a headline: one number, declared under `headlines:`."""
        spec = self._spec(self.manifest.headlines, metric, "headlines")
        self.headlines.append({"metric": metric, "unit": self._unit(spec, unit, f"headline '{metric}'"),
                               "value": _number(value, f"headline '{metric}'")})

    def finding(self, kind: str, message: str, *, input: Optional[str] = None) -> None:
        """Adds a finding: `kind` is warning, recommendation or info; `input` optionally names the
        scenario number it is about, as `--set` takes it (`links.ab.distance_km`)."""
        if kind not in FINDING_KINDS:
            raise ResultError(f"a finding's kind is one of {', '.join(sorted(FINDING_KINDS))}, not '{kind}'"
                              f"{did_you_mean(str(kind), FINDING_KINDS)}")
        if not isinstance(message, str) or not message:
            raise ResultError("a finding needs a message (text)")
        finding: Dict[str, Any] = {"kind": kind, "message": message}
        if input is not None:
            if not isinstance(input, str):
                raise ResultError(f"a finding's input is a path as text (links.ab.distance_km), not {input!r}")
            finding["input"] = input
        self.findings.append(finding)

    def warning(self, message: str, *, input: Optional[str] = None) -> None:
        """Adds a `warning` finding."""
        self.finding("warning", message, input=input)

    def recommendation(self, message: str, *, input: Optional[str] = None) -> None:
        """Adds a `recommendation` finding."""
        self.finding("recommendation", message, input=input)

    def info(self, message: str, *, input: Optional[str] = None) -> None:
        """Adds an `info` finding."""
        self.finding("info", message, input=input)

    def extend(self, raw: Mapping[str, Any]) -> None:
        """Adds rows, headlines and findings given in the protocol's shape (a dict with `rows`,
        `headlines`, `findings`), each checked as if written one by one."""
        unknown = set(raw) - {"rows", "headlines", "findings"}
        if unknown:
            raise ResultError(f"a result has the keys rows, headlines and findings, not {', '.join(sorted(unknown))}")
        for row in raw.get("rows") or []:
            row = dict(row)
            metric, value = row.pop("metric", None), row.pop("value", None)
            year, unit = row.pop("year", None), row.pop("unit", None)
            if row.get("evaluator", self.manifest.id) != self.manifest.id:
                raise ResultError(f"a row's evaluator must be '{self.manifest.id}', not '{row['evaluator']}'")
            row.pop("evaluator", None)
            self.row(metric, value, year=year, unit=unit, **row)
        for headline in raw.get("headlines") or []:
            self.headline(headline.get("metric"), headline.get("value"), unit=headline.get("unit"))
        for finding in raw.get("findings") or []:
            self.finding(finding.get("kind"), finding.get("message"), input=finding.get("input"))

    def to_json(self) -> Dict[str, Any]:
        """The result in the protocol's shape."""
        return {"rows": self.rows, "headlines": self.headlines, "findings": self.findings}


class _Any:
    """Matches any year (the default of `ResultSet.rows`); `year=None` matches rows over the whole horizon."""

    def __repr__(self) -> str:
        return "ANY"


ANY: Any = _Any()


class ReadsError(LookupError):
    """A dependency's metric, headline or findings that the manifest's `reads:` keeps from being sent."""


class ResultSet:
    """Results to read: a dependency's in a draw (`draw.dependency("trade_effects")`), or one draw's
    answer replayed in a test. `raw` is the protocol object."""

    __slots__ = ("raw", "name", "read_only", "_by_metric", "_headlines")

    def __init__(self, raw: Mapping[str, Any], name: str = "", read_only: Optional[FrozenSet[str]] = None) -> None:
        self.raw = raw
        self.name = name
        #: The metric and headline names the manifest's `reads:` asks for (None: everything is sent).
        self.read_only = read_only
        self._by_metric: Optional[Dict[str, List[Dict[str, Any]]]] = None
        self._headlines: Optional[Dict[str, float]] = None

    def _check_read(self, metric: str, what: str) -> None:
        if self.read_only is not None and metric not in self.read_only:
            raise ReadsError(f"{self.name}'s {what} '{metric}' is not sent: evaluator.yaml reads only "
                             f"{', '.join(sorted(self.read_only))} of it; add it under 'reads: {{{self.name}: [...]}}'")

    @property
    def error(self) -> Optional[str]:
        """The draw's error message, when it failed."""
        error = self.raw.get("error")
        return None if error is None else str(error)

    @property
    def all_rows(self) -> List[Dict[str, Any]]:
        """Every row, as sent."""
        return list(self.raw.get("rows") or [])

    def rows(self, metric: Optional[str] = None, year: Any = ANY, **dimensions: str) -> List[Dict[str, Any]]:
        """The rows of `metric` (all metrics when None) in `year` (any year by default; None for
        values over the whole horizon) whose dimensions have the values given."""
        if self._by_metric is None:
            index: Dict[str, List[Dict[str, Any]]] = {}
            for row in self.raw.get("rows") or []:
                index.setdefault(row["metric"], []).append(row)
            self._by_metric = index
        if metric is None:
            candidates: Iterable[Dict[str, Any]] = self.raw.get("rows") or []
        else:
            self._check_read(metric, "metric")
            candidates = self._by_metric.get(metric, [])
        items: Tuple[Tuple[str, str], ...] = tuple(dimensions.items())
        return [row for row in candidates
                if (year is ANY or row.get("year") == year) and all(row.get(k) == v for k, v in items)]

    def value(self, metric: str, year: Any = ANY, **dimensions: str) -> float:
        """The value of the one row that matches (a LookupError when none or several do)."""
        found = self.rows(metric, year, **dimensions)
        if len(found) != 1:
            where = "".join([f" in {year}" if year is not ANY else ""] + [f", {k} '{v}'" for k, v in dimensions.items()])
            raise LookupError(f"{len(found)} rows of {self.name + ' ' if self.name else ''}'{metric}'{where}; "
                              "value() needs exactly one (use rows() or total())")
        return float(found[0]["value"])

    def total(self, metric: str, year: Any = ANY, **dimensions: str) -> float:
        """The sum of the matching rows' values (0 when none match)."""
        return math.fsum(float(row["value"]) for row in self.rows(metric, year, **dimensions))

    @property
    def headlines(self) -> Dict[str, float]:
        """Every headline sent, by name."""
        if self._headlines is None:
            self._headlines = {h["metric"]: float(h["value"]) for h in self.raw.get("headlines") or []}
        return self._headlines

    def headline(self, name: str) -> float:
        """A headline's value (a LookupError naming the ones there are when it is absent)."""
        self._check_read(name, "headline")
        try:
            return self.headlines[name]
        except KeyError:
            raise LookupError(f"no headline '{name}'{' from ' + self.name if self.name else ''}"
                              f"{did_you_mean(name, self.headlines)} (headlines: {', '.join(self.headlines) or 'none'})") from None

    @property
    def findings(self) -> List[Dict[str, Any]]:
        """The findings (each with kind, message and optionally input or location)."""
        if self.read_only is not None:
            raise ReadsError(f"{self.name}'s findings are not sent when evaluator.yaml reads only some of its metrics "
                             f"('reads: {{{self.name}: [...]}}'); remove the entry to receive everything")
        return list(self.raw.get("findings") or [])

    def __repr__(self) -> str:
        if self.error is not None:
            return f"ResultSet(error={self.error!r})"
        return (f"ResultSet({self.name + ', ' if self.name else ''}{len(self.raw.get('rows') or [])} rows, "
                f"{len(self.raw.get('headlines') or [])} headlines, {len(self.raw.get('findings') or [])} findings)")
