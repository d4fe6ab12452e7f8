"""The scenario a request carries, with typed accessors over its dict.

Every accessor reads the underlying dict (`raw`), which keeps the protocol's keys
(Docs/scenario-format.md): `scenario["links"]` and `link["distance_km"]` work as on the dict,
and `.get()` for keys a scenario may leave out. Entities are made when first asked for and
kept for the draw.
"""

from __future__ import annotations

from typing import Any, Dict, Iterator, List, Mapping, Optional, TypeVar

E = TypeVar("E", bound="Entity")


class Entity(Mapping[str, Any]):
    """One item of a scenario list (a region, a link…): a read-only mapping over its dict."""

    __slots__ = ("raw", "index", "_prefix")

    def __init__(self, raw: Dict[str, Any], index: int, prefix: str) -> None:
        self.raw = raw
        #: Its position in its list.
        self.index = index
        self._prefix = prefix

    def __getitem__(self, key: str) -> Any:
        return self.raw[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.raw)

    def __len__(self) -> int:
        return len(self.raw)

    def path(self, *keys: Any) -> str:
        """The path of one of its numbers as `--set` takes it and a finding's `input` names it:
        `region.path("population")` is `regions.fergana.population`."""
        return ".".join([self._prefix, *[str(k) for k in keys]])

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._prefix})"


def _float(value: Any) -> Optional[float]:
    return None if value is None else float(value)


class Country(Entity):
    """A country: `code`, `name`, `fiscal` (a dict)."""

    __slots__ = ()

    @property
    def code(self) -> str:
        return self.raw["code"]  # type: ignore[no-any-return]

    @property
    def name(self) -> str:
        return str(self.raw.get("name", self.code))

    @property
    def fiscal(self) -> Dict[str, Any]:
        return dict(self.raw.get("fiscal") or {})


class Region(Entity):
    """A region: `id`, `name`, `country`, `sectors` (the raw list), `output()`."""

    __slots__ = ()

    @property
    def id(self) -> str:
        return self.raw["id"]  # type: ignore[no-any-return]

    @property
    def name(self) -> str:
        return str(self.raw.get("name", self.id))

    @property
    def country(self) -> str:
        return str(self.raw.get("country", ""))

    @property
    def sectors(self) -> List[Dict[str, Any]]:
        return list(self.raw.get("sectors") or [])

    def output(self, sector: Optional[str] = None) -> float:
        """Its sectors' summed `output` (money per year), or one sector's."""
        return sum(float(s.get("output", 0.0)) for s in self.raw.get("sectors") or []
                   if sector is None or s.get("sector") == sector)


class Flow(Entity):
    """A flow of a link: `link` (its id), `sector`, `direction`, `base_year`, `value`, `history`…"""

    __slots__ = ("link",)

    def __init__(self, raw: Dict[str, Any], index: int, prefix: str, link: str) -> None:
        super().__init__(raw, index, prefix)
        #: The id of its link.
        self.link = link

    @property
    def sector(self) -> str:
        return str(self.raw.get("sector", ""))

    @property
    def direction(self) -> str:
        return str(self.raw.get("direction", ""))

    @property
    def base_year(self) -> Optional[int]:
        year = self.raw.get("base_year")
        return None if year is None else int(year)

    @property
    def value(self) -> Optional[float]:
        return _float(self.raw.get("value"))

    @property
    def history(self) -> Dict[int, float]:
        """Recorded values by calendar year (the protocol keys them by the year as text)."""
        return {int(year): float(v) for year, v in (self.raw.get("history") or {}).items()}


class Link(Entity):
    """A link between two ends (regions or countries): `id`, `from_`, `to`, `distance_km`,
    `border_crossing_days`, `logistics_cost_share`, `shadow_share` (None when not given), `flows`."""

    __slots__ = ("_flows",)

    def __init__(self, raw: Dict[str, Any], index: int, prefix: str) -> None:
        super().__init__(raw, index, prefix)
        self._flows: Optional[List[Flow]] = None

    @property
    def id(self) -> str:
        return self.raw["id"]  # type: ignore[no-any-return]

    @property
    def from_(self) -> str:
        """The `from` end (`from` is a Python keyword)."""
        return self.raw["from"]  # type: ignore[no-any-return]

    @property
    def to(self) -> str:
        return self.raw["to"]  # type: ignore[no-any-return]

    @property
    def distance_km(self) -> Optional[float]:
        return _float(self.raw.get("distance_km"))

    @property
    def border_crossing_days(self) -> Optional[float]:
        return _float(self.raw.get("border_crossing_days"))

    @property
    def logistics_cost_share(self) -> Optional[float]:
        return _float(self.raw.get("logistics_cost_share"))

    @property
    def shadow_share(self) -> Optional[float]:
        return _float(self.raw.get("shadow_share"))

    @property
    def flows(self) -> List[Flow]:
        if self._flows is None:
            self._flows = [Flow(f, i, f"{self._prefix}.flows.{i}", self.id) for i, f in enumerate(self.raw.get("flows") or [])]
        return self._flows


class Stage(Entity):
    """A zone's stage: `id`, `name`, `zone` (its id), `first_year` and `last_year` where CoopZone's
    timeline places it (None when it never starts within the horizon), `measures`, `incentives`."""

    __slots__ = ("zone",)

    def __init__(self, raw: Dict[str, Any], index: int, prefix: str, zone: str) -> None:
        super().__init__(raw, index, prefix)
        #: The id of its zone.
        self.zone = zone

    @property
    def id(self) -> str:
        return self.raw["id"]  # type: ignore[no-any-return]

    @property
    def name(self) -> str:
        return str(self.raw.get("name", self.id))

    @property
    def first_year(self) -> Optional[int]:
        return self.raw.get("first_year")

    @property
    def last_year(self) -> Optional[int]:
        return self.raw.get("last_year")

    @property
    def starts(self) -> bool:
        """True when it starts within the horizon."""
        return self.raw.get("first_year") is not None

    @property
    def years(self) -> range:
        """Its years on the calendar (empty when it never starts)."""
        first, last = self.first_year, self.last_year
        return range(0) if first is None or last is None else range(first, last + 1)

    def measures(self, kind: str) -> List[Dict[str, Any]]:
        """The measures of one kind (`border_time`, `tariffs`, …), in the order written."""
        return list((self.raw.get("measures") or {}).get(kind) or [])

    @property
    def incentives(self) -> Dict[str, Any]:
        return dict(self.raw.get("incentives") or {})


class Zone(Entity):
    """A zone: `id`, `name`, `kind`, `regions` (ids), `stages`."""

    __slots__ = ("_stages",)

    def __init__(self, raw: Dict[str, Any], index: int, prefix: str) -> None:
        super().__init__(raw, index, prefix)
        self._stages: Optional[List[Stage]] = None

    @property
    def id(self) -> str:
        return self.raw["id"]  # type: ignore[no-any-return]

    @property
    def name(self) -> str:
        return str(self.raw.get("name", self.id))

    @property
    def kind(self) -> str:
        return str(self.raw.get("kind", ""))

    @property
    def regions(self) -> List[str]:
        return [str(r) for r in self.raw.get("regions") or []]

    @property
    def stages(self) -> List[Stage]:
        """Its stages in the order written."""
        if self._stages is None:
            self._stages = [Stage(s, i, f"{self._prefix}.stages.{s.get('id', i)}", self.id)
                            for i, s in enumerate(self.raw.get("stages") or [])]
        return self._stages


class Scenario(Mapping[str, Any]):
    """A resolved scenario: `regions`, `links`, `zones`… as typed lists, lookups by id, the
    horizon's `years` as a range; `scenario["key"]` and `.get()` read the dict itself."""

    __slots__ = ("raw", "_cache")

    def __init__(self, raw: Dict[str, Any]) -> None:
        self.raw = raw
        self._cache: Dict[str, Any] = {}

    def __getitem__(self, key: str) -> Any:
        return self.raw[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.raw)

    def __len__(self) -> int:
        return len(self.raw)

    def _list(self, key: str, kind: Any, by: str = "id") -> List[Any]:
        found = self._cache.get(key)
        if found is None:
            found = [kind(item, i, f"{key}.{item.get(by, i)}") for i, item in enumerate(self.raw.get(key) or [])]
            self._cache[key] = found
        return found

    def _lookup(self, key: str, items: List[E], by: str, wanted: str) -> E:
        index = self._cache.get("#" + key)
        if index is None:
            index = {}
            for item in items:
                index.setdefault(item.raw.get(by), item)
            self._cache["#" + key] = index
        try:
            return index[wanted]  # type: ignore[no-any-return]
        except KeyError:
            from .manifest import did_you_mean
            raise LookupError(f"the scenario has no {key[:-1]} '{wanted}'{did_you_mean(str(wanted), [str(k) for k in index])}") from None

    # The horizon.
    @property
    def years(self) -> range:
        """The horizon's calendar years, first to last."""
        horizon = self.raw["horizon"]
        return range(int(horizon["first"]), int(horizon["last"]) + 1)

    @property
    def first_year(self) -> int:
        """The horizon's first year."""
        return int(self.raw["horizon"]["first"])

    @property
    def last_year(self) -> int:
        """The horizon's last year."""
        return int(self.raw["horizon"]["last"])

    @property
    def price_year(self) -> int:
        return self.raw["price_year"]  # type: ignore[no-any-return]

    @property
    def discount_rate(self) -> Optional[float]:
        return _float(self.raw.get("discount_rate"))

    @property
    def title(self) -> str:
        return str(self.raw.get("title", ""))

    # Lists, in the order written.
    @property
    def sectors(self) -> List[Dict[str, Any]]:
        return list(self.raw.get("sectors") or [])

    @property
    def countries(self) -> List[Country]:
        return self._list("countries", Country, by="code")

    @property
    def regions(self) -> List[Region]:
        return self._list("regions", Region)

    @property
    def links(self) -> List[Link]:
        return self._list("links", Link)

    @property
    def zones(self) -> List[Zone]:
        return self._list("zones", Zone)

    @property
    def flows(self) -> List[Flow]:
        """Every link's flows, links in order."""
        return [flow for link in self.links for flow in link.flows]

    @property
    def stages(self) -> List[Stage]:
        """Every zone's stages, zones in order, each zone's stages as written."""
        return [stage for zone in self.zones for stage in zone.stages]

    # Lookups.
    def country(self, code: str) -> Country:
        return self._lookup("countries", self.countries, "code", code)

    def region(self, id: str) -> Region:
        return self._lookup("regions", self.regions, "id", id)

    def link(self, id: str) -> Link:
        return self._lookup("links", self.links, "id", id)

    def zone(self, id: str) -> Zone:
        return self._lookup("zones", self.zones, "id", id)

    def regions_in(self, country: str) -> List[Region]:
        """The scenario's regions in a country."""
        return [r for r in self.regions if r.raw.get("country") == country]
