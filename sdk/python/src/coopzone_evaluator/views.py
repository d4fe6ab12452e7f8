"""Derived views: what CoopZone's core works out from a draw's scenario by its own rules (the
stage timeline, flow baselines, the measures and tariffs in force each year) and sends to an
evaluator whose manifest asks for them (`views: [measures_by_year, …]`), so that the evaluator
does not re-implement the rules and disagree with the core."""

from __future__ import annotations

from typing import Any, Dict, List, Mapping, NamedTuple, Optional, Sequence, Tuple

from .units import VIEW_NAMES


class ViewNotRequested(LookupError):
    """A view the draw does not carry (the manifest does not ask for it)."""


class StageSpan(NamedTuple):
    """A stage placed on the calendar (a record of `stage_timeline`)."""

    zone: str
    stage: str
    first_year: int
    last_year: int

    @property
    def years(self) -> range:
        return range(self.first_year, self.last_year + 1)


class Views:
    """A draw's derived views, with lookups by key. `records(name)` gives a view's raw records."""

    __slots__ = ("raw", "requested", "_indexes")

    def __init__(self, raw: Optional[Mapping[str, List[Dict[str, Any]]]], requested: Sequence[str] = ()) -> None:
        self.raw: Mapping[str, List[Dict[str, Any]]] = raw or {}
        #: The views the manifest asks for.
        self.requested = tuple(requested)
        self._indexes: Dict[str, Dict[Tuple[Any, ...], Dict[str, Any]]] = {}

    @property
    def names(self) -> List[str]:
        """The views this draw carries."""
        return list(self.raw)

    def records(self, name: str) -> List[Dict[str, Any]]:
        """A view's records, as sent."""
        found = self.raw.get(name)
        if found is not None:
            return found
        if name not in VIEW_NAMES:
            raise ViewNotRequested(f"there is no view '{name}'; views: {', '.join(VIEW_NAMES)}")
        if name in self.requested:
            raise ViewNotRequested(f"evaluator.yaml asks for the view '{name}', but the request does not carry it: "
                                   "this CoopZone may be older than derived views")
        listed = ", ".join([*self.requested, name])
        raise ViewNotRequested(f"the view '{name}' was not requested: add it to evaluator.yaml, views: [{listed}]")

    def _index(self, name: str, keys: Tuple[str, ...]) -> Dict[Tuple[Any, ...], Dict[str, Any]]:
        index = self._indexes.get(name)
        if index is None:
            index = {tuple(record[k] for k in keys): record for record in self.records(name)}
            self._indexes[name] = index
        return index

    def _record(self, name: str, keys: Tuple[str, ...], values: Tuple[Any, ...]) -> Dict[str, Any]:
        record = self._index(name, keys).get(values)
        if record is None:
            where = ", ".join(f"{k} {v!r}" for k, v in zip(keys, values))
            raise LookupError(f"the view '{name}' has no record for {where}")
        return record

    # stage_timeline
    def stages(self, zone: Optional[str] = None) -> List[StageSpan]:
        """The stages that start within the horizon (of one zone, or all), zone by zone in
        calendar order."""
        return [StageSpan(r["zone"], r["stage"], int(r["first_year"]), int(r["last_year"]))
                for r in self.records("stage_timeline") if zone is None or r["zone"] == zone]

    # flows_by_year
    def flow(self, link: str, sector: str, direction: str, year: int) -> float:
        """A flow's baseline in a horizon year, usd_million_per_year."""
        keys = ("link", "sector", "direction", "year")
        return float(self._record("flows_by_year", keys, (link, sector, direction, year))["value"])

    # measures_by_year
    def measures(self, link: str, year: int) -> Dict[str, Optional[float]]:
        """A link's settings in force in a horizon year: border_crossing_days,
        logistics_cost_share and shadow_share (None where the link gives no base value)."""
        record = self._record("measures_by_year", ("link", "year"), (link, year))
        return {k: record.get(k) for k in ("border_crossing_days", "logistics_cost_share", "shadow_share")}

    def border_days(self, link: str, year: int) -> Optional[float]:
        """The link's border-crossing days in force in `year` (None: the link gives none)."""
        value = self._record("measures_by_year", ("link", "year"), (link, year)).get("border_crossing_days")
        return None if value is None else float(value)

    def logistics_cost_share(self, link: str, year: int) -> Optional[float]:
        """The link's logistics cost share in force in `year` (None: the link gives none)."""
        value = self._record("measures_by_year", ("link", "year"), (link, year)).get("logistics_cost_share")
        return None if value is None else float(value)

    def shadow_share(self, link: str, year: int) -> Optional[float]:
        """The link's shadow (unrecorded) trade share in force in `year` (None: the link gives none)."""
        value = self._record("measures_by_year", ("link", "year"), (link, year)).get("shadow_share")
        return None if value is None else float(value)

    # tariffs_by_year
    def tariff(self, link: str, sector: str, direction: str, year: int) -> float:
        """The importer's tariff in force on a flow in `year`, a fraction."""
        keys = ("link", "sector", "direction", "year")
        return float(self._record("tariffs_by_year", keys, (link, sector, direction, year))["rate"])
