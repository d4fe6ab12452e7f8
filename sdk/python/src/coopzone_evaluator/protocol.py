"""The protocol loop: requests in on standard input, one answer line each on standard output."""

from __future__ import annotations

import inspect
import json
import os
import sys
import traceback
from typing import Any, Callable, Dict, IO, List, Mapping, Optional, TextIO, Union

from .manifest import MANIFEST_FILE, Manifest, ManifestError
from .request import PROTOCOL_VERSION, Draw, Parameters, Request, RequestError, changes_applied
from .results import Results

#: What an evaluate function may return: the draw's `results` (or None for the same), or a
#: dict in the protocol's shape (checked as if written row by row).
EvaluateResult = Union[Results, Mapping[str, Any], None]
EvaluateFunction = Callable[[Draw, Parameters], EvaluateResult]

_SDK_DIR = os.path.dirname(os.path.abspath(__file__))
TRACEBACK_LINES = 16


def find_manifest(evaluate: Optional[Callable[..., Any]] = None) -> str:
    """Where `evaluator.yaml` is looked for: beside the file that defines `evaluate`, then in
    `$COOPZONE_EVALUATOR_DIR` (CoopZone sets it), then in the current directory."""
    candidates: List[str] = []
    if evaluate is not None:
        try:
            source = inspect.getsourcefile(evaluate)
        except TypeError:
            source = None
        if source:
            candidates.append(os.path.dirname(os.path.abspath(source)))
    if os.environ.get("COOPZONE_EVALUATOR_DIR"):
        candidates.append(os.environ["COOPZONE_EVALUATOR_DIR"])
    candidates.append(os.getcwd())
    for directory in candidates:
        path = os.path.join(directory, MANIFEST_FILE)
        if os.path.isfile(path):
            return path
    raise ManifestError(f"no {MANIFEST_FILE} in {', '.join(dict.fromkeys(candidates))}; pass manifest=PATH")


def error_response(request_id: Any, message: str) -> Dict[str, Any]:
    """The answer to a request that cannot be answered at all."""
    return {"protocol_version": PROTOCOL_VERSION, "id": request_id, "error": {"message": message}}


def _user_traceback(error: BaseException) -> List[str]:
    """The error's traceback without the SDK's own frames (the evaluator's lines are what
    help), at most its last TRACEBACK_LINES lines."""
    frames = traceback.extract_tb(error.__traceback__)
    mine = [f for f in frames if not os.path.abspath(f.filename).startswith(_SDK_DIR + os.sep)]
    if mine:
        frames = traceback.StackSummary.from_list(mine)
    lines = "".join(["Traceback (most recent call last):\n", *traceback.format_list(frames),
                     *traceback.format_exception_only(type(error), error)]).splitlines()
    return lines[-TRACEBACK_LINES:]


class Evaluator:
    """An evaluate function with its manifest, answering requests.

    `evaluate(draw, params)` is called once per draw: it writes rows, headlines and findings into
    `draw.results` and returns them (returning None does the same). An exception fails that draw
    only: its message is the draw's error, and the traceback's last lines go to standard error,
    where CoopZone quotes them."""

    def __init__(self, evaluate: EvaluateFunction, manifest: Union[Manifest, str, "os.PathLike[str]", None] = None,
                 stderr: Optional[TextIO] = None) -> None:
        self.evaluate = evaluate
        self.stderr = stderr
        self._manifest: Optional[Manifest] = manifest if isinstance(manifest, Manifest) else None
        self._manifest_path = None if manifest is None or isinstance(manifest, Manifest) else os.fspath(manifest)
        self._manifest_error: Optional[str] = None

    @property
    def _err(self) -> TextIO:
        return self.stderr if self.stderr is not None else sys.stderr

    @property
    def manifest(self) -> Manifest:
        """The manifest (read from `evaluator.yaml` when first needed)."""
        if self._manifest is None:
            path = self._manifest_path or find_manifest(self.evaluate)
            self._manifest = Manifest.load(path, warnings=self._err)
        return self._manifest

    def evaluate_draw(self, draw: Draw) -> Dict[str, Any]:
        """One draw's result in the protocol's shape (raises what the evaluate function raises)."""
        returned = self.evaluate(draw, draw.parameters)
        if returned is None or returned is draw._results:
            return draw.results.to_json()
        if isinstance(returned, Results):
            return returned.to_json()
        if isinstance(returned, Mapping):
            results = draw.results
            results.extend(returned)
            return results.to_json()
        raise TypeError(f"evaluate returned {type(returned).__name__}; return draw.results (or a dict with rows, "
                        "headlines and findings)")

    def answer(self, raw: Any) -> Dict[str, Any]:
        """The response to one request (a parsed JSON object)."""
        request_id = raw.get("id") if isinstance(raw, Mapping) else None
        try:
            manifest = self.manifest
        except ManifestError as error:
            if isinstance(raw, Mapping) and raw.get("protocol_version") not in (None, PROTOCOL_VERSION):
                return error_response(request_id, f"this evaluator speaks evaluator protocol version {PROTOCOL_VERSION}, "
                                                  f"not {raw.get('protocol_version')}")
            return error_response(request_id, str(error))
        try:
            request = Request(raw, manifest)
        except RequestError as error:
            return error_response(request_id, str(error))
        results: List[Dict[str, Any]] = []
        failed: Dict[str, int] = {}
        for index, draw_raw in enumerate(request.draws):
            try:
                with changes_applied(request.scenario, draw_raw.get("changes") or []):
                    results.append(self.evaluate_draw(Draw(request, index)))
            except Exception as error:  # this draw's failure, not the request's
                message = f"{type(error).__name__}: {error}"
                results.append({"error": message})
                if message in failed:
                    failed[message] += 1
                else:
                    failed[message] = 1
                    self._err.write(f"{manifest.id}: draw {index} of request {request_id} failed:\n"
                                    + "\n".join(_user_traceback(error)) + "\n")
        repeats = sum(failed.values()) - len(failed)
        if repeats:
            self._err.write(f"{manifest.id}: request {request_id}: {repeats} more draws failed with an error shown above\n")
        if failed:
            self._err.flush()
        return {"protocol_version": PROTOCOL_VERSION, "id": request_id, "results": results}

    def answer_line(self, line: Union[str, bytes]) -> str:
        """The response line (with its newline) to one request line."""
        try:
            raw = json.loads(line)
        except ValueError as error:
            response = error_response(None, f"the request is not JSON: {error}")
        else:
            try:
                response = self.answer(raw)
            except Exception as error:  # a request the loop did not foresee: answer, don't die
                traceback.print_exc(file=self._err)
                response = error_response(raw.get("id") if isinstance(raw, Mapping) else None,
                                          f"{type(error).__name__}: {error}")
        try:
            text = json.dumps(response, separators=(",", ":"), allow_nan=False)
        except (TypeError, ValueError) as error:  # a value JSON cannot carry
            text = json.dumps(error_response(response.get("id"), f"the answer cannot be written as JSON: {error}"))
        return text + "\n"

    def serve(self, stdin: Optional[IO[Any]] = None, stdout: Optional[TextIO] = None) -> None:
        """Answers requests, one line each, until standard input closes. While it runs,
        `print()` and anything else written to sys.stdout goes to standard error: standard
        output carries the answers only."""
        source = stdin if stdin is not None else sys.stdin.buffer
        sink = stdout if stdout is not None else sys.stdout
        saved, sys.stdout = sys.stdout, sys.stderr
        try:
            for line in source:
                if not line.strip():
                    continue
                sink.write(self.answer_line(line))
                sink.flush()
        finally:
            sys.stdout = saved


def serve(evaluate: EvaluateFunction, manifest: Union[Manifest, str, "os.PathLike[str]", None] = None) -> None:
    """Runs the protocol loop with `evaluate` until standard input closes. The manifest is
    `evaluator.yaml` beside the file that defines `evaluate`, unless `manifest` names one."""
    Evaluator(evaluate, manifest).serve()
