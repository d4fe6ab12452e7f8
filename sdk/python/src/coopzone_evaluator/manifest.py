"""The manifest, `evaluator.yaml`: what the program may write, and what it asked CoopZone to send.

CoopZone checks the manifest itself (every problem with its line and column); the SDK reads the
fields it needs to check results as they are written, and warns on standard error about the few
mistakes it can see (names under `reads:` that are not dependencies, unknown views, unknown units).
"""

from __future__ import annotations

import difflib
import os
import sys
from dataclasses import dataclass, field
from typing import Any, Dict, FrozenSet, List, Mapping, Optional, TextIO, Union

import yaml

from .units import DIMENSIONS, UNITS, VIEW_NAMES

MANIFEST_FILE = "evaluator.yaml"


class ManifestError(ValueError):
    """The manifest cannot be read, or lacks what the SDK needs."""


@dataclass(frozen=True)
class MetricSpec:
    """A metric (rows) or headline (one number) as the manifest declares it."""

    name: str
    unit: str
    dimensions: FrozenSet[str] = frozenset()
    additive: bool = True
    summary: str = ""


@dataclass(frozen=True)
class ParameterSpec:
    """A parameter as the manifest declares it."""

    name: str
    unit: str
    default: Any
    summary: str = ""


def did_you_mean(name: str, choices: Any) -> str:
    """`; did you mean 'x'?` for the closest of `choices`, or an empty text."""
    close = difflib.get_close_matches(name, list(choices), n=1)
    return f"; did you mean '{close[0]}'?" if close else ""


@dataclass
class Manifest:
    """The fields of `evaluator.yaml` the SDK uses; `raw` holds the whole document."""

    id: str
    version: str = "0.0.0"
    protocol_version: int = 1
    metrics: Dict[str, MetricSpec] = field(default_factory=dict)
    headlines: Dict[str, MetricSpec] = field(default_factory=dict)
    parameters: Dict[str, ParameterSpec] = field(default_factory=dict)
    dependencies: List[str] = field(default_factory=list)
    reads: Dict[str, List[str]] = field(default_factory=dict)
    views: List[str] = field(default_factory=list)
    directory: Optional[str] = None
    raw: Dict[str, Any] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Union[str, "os.PathLike[str]"], warnings: Optional[TextIO] = None) -> "Manifest":
        """Reads `path`: an `evaluator.yaml`, or the directory holding one."""
        path = os.fspath(path)
        if os.path.isdir(path):
            path = os.path.join(path, MANIFEST_FILE)
        try:
            with open(path, encoding="utf-8") as handle:
                data = yaml.safe_load(handle)
        except OSError as error:
            raise ManifestError(f"cannot read the manifest {path}: {error.strerror}") from error
        except yaml.YAMLError as error:
            raise ManifestError(f"{path} is not valid YAML: {error}") from error
        return cls.from_dict(data, directory=os.path.dirname(os.path.abspath(path)), source=path, warnings=warnings)

    @classmethod
    def from_dict(cls, data: Any, directory: Optional[str] = None, source: str = MANIFEST_FILE,
                  warnings: Optional[TextIO] = None) -> "Manifest":
        """A manifest from its parsed YAML (a mapping); `source` names it in messages."""
        if not isinstance(data, Mapping):
            raise ManifestError(f"{source}: a manifest is a mapping (id:, metrics:, …)")
        if not isinstance(data.get("id"), str):
            raise ManifestError(f"{source}: the manifest has no 'id'")
        out = warnings if warnings is not None else sys.stderr

        def warn(message: str) -> None:
            out.write(f"coopzone_evaluator: {source}: warning: {message}\n")

        def section(key: str, kind: type) -> Any:
            value = data.get(key)
            if value is None:
                return kind()
            if not isinstance(value, kind):
                raise ManifestError(f"{source}: '{key}' is a {'mapping' if kind is dict else 'list'}, not {value!r}")
            return value

        def specs(key: str, with_dimensions: bool) -> Dict[str, MetricSpec]:
            result: Dict[str, MetricSpec] = {}
            for name, spec in section(key, dict).items():
                spec = spec or {}
                unit = str(spec.get("unit", ""))
                if unit not in UNITS:
                    warn(f"{key}.{name}: unknown unit '{unit}'{did_you_mean(unit, UNITS)}")
                dims = frozenset(spec.get("dimensions") or []) if with_dimensions else frozenset()
                for d in sorted(dims - set(DIMENSIONS)):
                    warn(f"{key}.{name}: unknown dimension '{d}'{did_you_mean(d, DIMENSIONS)}")
                result[str(name)] = MetricSpec(str(name), unit, dims, bool(spec.get("additive", True)),
                                               str(spec.get("summary", "")))
            return result

        parameters = {
            str(name): ParameterSpec(str(name), str((spec or {}).get("unit", "")), (spec or {}).get("default"),
                                     str((spec or {}).get("summary", "")))
            for name, spec in section("parameters", dict).items()
        }
        dependencies = [str(d) for d in section("dependencies", list)]
        reads: Dict[str, List[str]] = {}
        for dependency, names in section("reads", dict).items():
            if dependency not in dependencies:
                warn(f"'reads' names '{dependency}', which is not under 'dependencies'"
                     f"{did_you_mean(str(dependency), dependencies)} (CoopZone refuses this manifest)")
            reads[str(dependency)] = [str(n) for n in names or []]
        views = [str(v) for v in section("views", list)]
        for view in views:
            if view not in VIEW_NAMES:
                warn(f"unknown view '{view}'{did_you_mean(view, VIEW_NAMES)}; views: {', '.join(VIEW_NAMES)}")
        return cls(id=data["id"], version=str(data.get("version", "0.0.0")),
                   protocol_version=int(data.get("protocol_version", 1)), metrics=specs("metrics", True),
                   headlines=specs("headlines", False), parameters=parameters, dependencies=dependencies,
                   reads=reads, views=views, directory=directory, raw=dict(data))

    def defaults(self) -> Dict[str, Any]:
        """Every parameter at its default, as a request would carry them without overrides."""
        return {name: spec.default for name, spec in self.parameters.items()}
