"""Shared by the SDK's tests: the package (the installed one, else this source tree's, so the
tests run without installing it), the fixtures, and the environment for programs run as CoopZone
runs them."""

import importlib.util
import os
import sys
from typing import Dict

TESTS = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(os.path.dirname(TESTS), "src")
FIXTURES = os.path.join(TESTS, "fixtures")
RECORDER = os.path.join(FIXTURES, "recorder")
REPO = os.path.dirname(os.path.dirname(os.path.dirname(TESTS)))  # CoopZone's root, when the SDK is in its tree

#: True when the tests use this source tree (the package is not installed).
FROM_SOURCE = importlib.util.find_spec("coopzone_evaluator") is None
if FROM_SOURCE and SRC not in sys.path:
    sys.path.insert(0, SRC)


def program_environment() -> Dict[str, str]:
    """CoopZone's environment for a program, with the package importable."""
    env = dict(os.environ)
    if FROM_SOURCE:
        env["PYTHONPATH"] = SRC + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env
