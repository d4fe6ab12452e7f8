"""Helpers for an evaluator's tests: run one draw, replay a recorded request, compare answers,
and run the program as CoopZone does.

A recording is a JSON-lines file. Each line is either a request object (what
`coopzone request FILE --evaluator ID` writes) or an object with a `request` key and a
`response` key (null when the exchange failed, with the failure under `error`), what
`coopzone run --trace-protocol DIR` writes in `DIR/<id>.jsonl`.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from typing import Any, Dict, Iterable, List, Mapping, NamedTuple, Optional, Sequence, TextIO, Tuple, Union

from .manifest import Manifest
from .protocol import EvaluateFunction, Evaluator, find_manifest
from .request import PROTOCOL_VERSION, Request
from .results import ResultSet

PathLike = Union[str, "os.PathLike[str]"]
ManifestLike = Union[Manifest, PathLike, None]


class Recording(NamedTuple):
    """One recorded request, with the response recorded beside it (None when there is none) and
    the failure CoopZone recorded instead of a response (`--trace-protocol`: a program that crashed,
    timed out or wrote something that is not JSON)."""

    request: Dict[str, Any]
    response: Optional[Dict[str, Any]]
    line: int
    error: Optional[str] = None


class ReplayError(AssertionError):
    """The program answered the replayed request with an error response."""


def load_recording(path: PathLike) -> List[Recording]:
    """Every request recorded in a JSON-lines file, in order."""
    found: List[Recording] = []
    with open(os.fspath(path), encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except ValueError as error:
                raise ValueError(f"{os.fspath(path)}:{number}: not JSON: {error}") from None
            if isinstance(item, dict) and isinstance(item.get("request"), dict):
                failure = item.get("error")
                found.append(Recording(item["request"], item.get("response"), number, None if failure is None else str(failure)))
            elif isinstance(item, dict) and "draws" in item and "scenario" in item:
                found.append(Recording(item, None, number))
            else:
                raise ValueError(f"{os.fspath(path)}:{number}: neither a request nor a {{\"request\": …}} record")
    if not found:
        raise ValueError(f"{os.fspath(path)} records no request")
    return found


def _evaluator(evaluate: EvaluateFunction, manifest: ManifestLike, stderr: Optional[TextIO] = None) -> Evaluator:
    if manifest is None:
        manifest = find_manifest(evaluate)
    return Evaluator(evaluate, manifest, stderr=stderr)


def answer(request: Mapping[str, Any], evaluate: EvaluateFunction, *, manifest: ManifestLike = None,
           stderr: Optional[TextIO] = None) -> Dict[str, Any]:
    """The response `evaluate` gives to a request (a dict), as the protocol loop would write it;
    failed draws' tracebacks go to `stderr` (default: standard error)."""
    text = _evaluator(evaluate, manifest, stderr).answer_line(json.dumps(request))
    return json.loads(text)  # type: ignore[no-any-return]


def results_of(response: Mapping[str, Any]) -> List[ResultSet]:
    """The results of a response, one ResultSet per draw (a ReplayError for an error response)."""
    if "error" in response:
        raise ReplayError(f"the request was answered with an error: {response['error'].get('message')}")
    return [ResultSet(result) for result in response.get("results") or []]


def replay(source: Union[PathLike, Recording, Mapping[str, Any]], evaluate: EvaluateFunction, *,
           manifest: ManifestLike = None, index: int = 0, stderr: Optional[TextIO] = None) -> List[ResultSet]:
    """Runs a recorded request through `evaluate` and returns each draw's results. `source` is a
    recording file (its `index`-th request), a Recording, or a request dict. A draw that failed
    has its `error` set; an error response raises ReplayError."""
    if isinstance(source, Recording):
        request: Mapping[str, Any] = source.request
    elif isinstance(source, Mapping):
        request = source
    else:
        request = load_recording(source)[index].request
    return results_of(answer(request, evaluate, manifest=manifest, stderr=stderr))


def _as_results(item: Any) -> List[Mapping[str, Any]]:
    """A list of raw draw results from a response, a list of results or ResultSets, or one result."""
    if isinstance(item, ResultSet):
        return [item.raw]
    if isinstance(item, Mapping):
        if "results" in item or ("error" in item and isinstance(item.get("error"), Mapping)):
            return [r.raw for r in results_of(item)]
        return [item]
    return [r.raw if isinstance(r, ResultSet) else r for r in item]


def _row_key(row: Mapping[str, Any]) -> Tuple[Any, ...]:
    dims = tuple(sorted((k, v) for k, v in row.items() if k not in ("metric", "unit", "year", "value", "evaluator")))
    return (row.get("metric"), row.get("year"), dims)


def _describe(key: Tuple[Any, ...]) -> str:
    metric, year, dims = key
    return f"row {metric}" + (f" {year}" if year is not None else "") + "".join(f" {k}={v}" for k, v in dims)


def compare(actual: Any, expected: Any, *, rel_tol: float = 1e-9, abs_tol: float = 1e-12) -> List[str]:
    """The differences between two answers (responses, lists of results or ResultSets): draws
    that fail in one only or with another message, rows and headlines missing on either side or
    whose values differ by more than the tolerance (`math.isclose`), units, findings. Empty when
    they agree."""
    left, right = _as_results(actual), _as_results(expected)
    differences: List[str] = []
    if len(left) != len(right):
        return [f"{len(left)} draws, expected {len(right)}"]
    for n, (a, b) in enumerate(zip(left, right)):
        where = f"draw {n}: "
        if "error" in a or "error" in b:
            if a.get("error") != b.get("error"):
                differences.append(where + f"error {a.get('error')!r}, expected {b.get('error')!r}")
            continue
        for kind, key_of in (("rows", _row_key), ("headlines", lambda h: ("headline", h.get("metric")))):
            mine: Dict[Any, Mapping[str, Any]] = {key_of(r): r for r in a.get(kind) or []}
            theirs: Dict[Any, Mapping[str, Any]] = {key_of(r): r for r in b.get(kind) or []}
            for key in mine.keys() - theirs.keys():
                differences.append(where + f"{_describe(key) if kind == 'rows' else 'headline ' + key[1]} is not expected")
            for key in theirs.keys() - mine.keys():
                differences.append(where + f"{_describe(key) if kind == 'rows' else 'headline ' + key[1]} is missing")
            for key in mine.keys() & theirs.keys():
                x, y = mine[key], theirs[key]
                name = _describe(key) if kind == "rows" else "headline " + key[1]
                if x.get("unit") != y.get("unit"):
                    differences.append(where + f"{name}: unit {x.get('unit')}, expected {y.get('unit')}")
                if not math.isclose(float(x["value"]), float(y["value"]), rel_tol=rel_tol, abs_tol=abs_tol):
                    differences.append(where + f"{name}: {x['value']!r}, expected {y['value']!r}")
        found = sorted((f.get("kind"), f.get("message"), f.get("input")) for f in a.get("findings") or [])
        wanted = sorted((f.get("kind"), f.get("message"), f.get("input")) for f in b.get("findings") or [])
        if found != wanted:
            differences.append(where + f"findings {found}, expected {wanted}")
    return sorted(differences)


def assert_close(actual: Any, expected: Any, *, rel_tol: float = 1e-9, abs_tol: float = 1e-12) -> None:
    """Raises AssertionError listing the differences (at most 20) when `compare` finds any."""
    differences = compare(actual, expected, rel_tol=rel_tol, abs_tol=abs_tol)
    if differences:
        shown = "\n  ".join(differences[:20])
        more = f"\n  … and {len(differences) - 20} more" if len(differences) > 20 else ""
        raise AssertionError(f"{len(differences)} differences:\n  {shown}{more}")


def make_request(scenario: Mapping[str, Any], parameters: Mapping[str, Any], draws: Optional[Sequence[Mapping[str, Any]]] = None,
                 *, id: int = 1, version: int = PROTOCOL_VERSION, evaluator: str = "evaluator") -> Dict[str, Any]:
    """A request as CoopZone writes one; `draws` defaults to one draw without changes."""
    return {"protocol": "coopzone-evaluator", "protocol_version": version, "type": "evaluate", "id": id,
            "evaluator": {"id": evaluator, "version": "0"}, "parameters": dict(parameters), "scenario": scenario,
            "draws": list(draws) if draws is not None else [{"changes": [], "dependencies": {}}]}


def run_draw(evaluate: EvaluateFunction, scenario: Mapping[str, Any], parameters: Optional[Mapping[str, Any]] = None, *,
             changes: Iterable[Mapping[str, Any]] = (), dependencies: Optional[Mapping[str, Any]] = None,
             views: Optional[Mapping[str, Any]] = None, manifest: ManifestLike = None) -> ResultSet:
    """One draw of `scenario` through `evaluate`, with the manifest's defaults for the parameters
    not given. Exceptions propagate (unlike in the protocol loop), so a test sees them."""
    evaluator = _evaluator(evaluate, manifest)
    params = {**evaluator.manifest.defaults(), **(parameters or {})}
    draw: Dict[str, Any] = {"changes": list(changes), "dependencies": dict(dependencies or {})}
    if views is not None:
        draw["views"] = dict(views)
    request = Request(make_request(dict(scenario), params, [draw], evaluator=evaluator.manifest.id), evaluator.manifest)
    for item in request.each_draw():
        return ResultSet(evaluator.evaluate_draw(item), evaluator.manifest.id)
    raise AssertionError("unreachable: the request has one draw")


class ProgramRun(NamedTuple):
    """What a program run as CoopZone runs it answered."""

    answers: List[Dict[str, Any]]
    stderr: str
    returncode: int


def run_program(command: Sequence[str], requests: Iterable[Mapping[str, Any]], *, cwd: Optional[PathLike] = None,
                env: Optional[Mapping[str, str]] = None, timeout: float = 60) -> ProgramRun:
    """Runs `command` once, writes every request as one line on its standard input, closes it,
    and returns the answers (one parsed object per line of standard output) and standard error.
    `python3` as the first word is this interpreter (sys.executable)."""
    argv = [sys.executable if command[0] in ("python", "python3") else command[0], *command[1:]]
    environment = dict(os.environ if env is None else env)
    environment.setdefault("PYTHONUNBUFFERED", "1")
    environment.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    environment.setdefault("COOPZONE_PROTOCOL_VERSION", str(PROTOCOL_VERSION))
    if cwd is not None:
        environment.setdefault("COOPZONE_EVALUATOR_DIR", os.path.abspath(os.fspath(cwd)))
    lines = "".join(json.dumps(r) + "\n" for r in requests)
    done = subprocess.run(argv, input=lines, capture_output=True, text=True, timeout=timeout,
                          cwd=None if cwd is None else os.fspath(cwd), env=environment)
    return ProgramRun([json.loads(line) for line in done.stdout.splitlines() if line.strip()], done.stderr, done.returncode)


__all__ = ["ProgramRun", "Recording", "ReplayError", "answer", "assert_close", "compare", "load_recording", "make_request",
           "replay", "results_of", "run_draw", "run_program"]
