"""Shared by the SDK's tests: the package from this source tree (so the tests run without
installing it), the fixtures, and the environment for programs run as CoopZone runs them."""

import os
import sys
from typing import Dict

TESTS = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(os.path.dirname(TESTS), "src")
FIXTURES = os.path.join(TESTS, "fixtures")
RECORDER = os.path.join(FIXTURES, "recorder")
REPO = os.path.dirname(os.path.dirname(os.path.dirname(TESTS)))  # CoopZone's root, when the SDK is in its tree

if SRC not in sys.path:
    sys.path.insert(0, SRC)


def program_environment() -> Dict[str, str]:
    """CoopZone's environment for a program, with this source tree's package importable."""
    env = dict(os.environ)
    env["PYTHONPATH"] = SRC + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env
