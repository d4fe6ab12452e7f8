#!/usr/bin/env bash
# Installs the Python packages the tests need, when missing:
#  - openpyxl for python3 (PyPI; else Debian's python3-openpyxl), which reads the Excel workbooks back;
#  - the test venv .build-python/venv (git-ignored): CoopZone's Python SDK, `pip install ./sdk/python`
#    (with its one dependency, PyYAML, from PyPI), which the example evaluator, the Python scaffold
#    and the SDK's own tests run on; installed again whenever the SDK's files change, so the venv
#    holds the working tree's SDK. scripts/test-extensions.sh puts the venv's bin/ first on PATH.
# Usage: scripts/install-test-python.sh [--venv-only]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" != "--venv-only" ] && ! python3 -c 'import openpyxl' >/dev/null 2>&1; then
  echo "install-test-python: installing openpyxl"
  python3 -m pip install --quiet openpyxl >/dev/null 2>&1 \
    || python3 -m pip install --quiet --break-system-packages openpyxl >/dev/null 2>&1 \
    || { SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"; $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-openpyxl; }
fi
[ "${1:-}" = "--venv-only" ] || python3 -c 'import openpyxl' || { echo "install-test-python: openpyxl could not be installed" >&2; exit 1; }

venv=".build-python/venv"
if [ ! -x "$venv/bin/python" ]; then
  echo "install-test-python: creating the test venv $venv"
  python3 -m venv "$venv" 2>/dev/null || {
    # Debian's python3 needs python3-venv for `python3 -m venv`.
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-venv
    rm -rf "$venv"; python3 -m venv "$venv"
  }
fi
# The SDK's files, as a stamp: the venv is brought up to date only when they changed.
stamp="$(cd sdk/python && find pyproject.toml README.md src -type f ! -path '*/__pycache__/*' ! -path '*.egg-info/*' | LC_ALL=C sort | xargs sha256sum | sha256sum | cut -c1-16)"
if [ "$(cat "$venv/.sdk-stamp" 2>/dev/null)" != "$stamp" ] || ! "$venv/bin/python" -c 'import coopzone_evaluator, yaml' >/dev/null 2>&1; then
  # setuptools builds the SDK in sdk/python/build (and writes src/*.egg-info): start from none, so
  # that nothing left from an earlier build (a module since removed) is installed, and leave none.
  clean() { rm -rf sdk/python/build sdk/python/src/*.egg-info; }
  clean
  # The build backend (setuptools, with wheel) in the venv itself, so that pip need not make a
  # build environment on every call.
  pip=("$venv/bin/python" -m pip install --quiet --disable-pip-version-check)
  { "${pip[@]}" "setuptools>=61" wheel >/dev/null && "${pip[@]}" --no-build-isolation ./sdk/python >/dev/null; } \
    || { clean; echo "install-test-python: pip install ./sdk/python failed in $venv" >&2; exit 1; }
  clean
  echo "$stamp" > "$venv/.sdk-stamp"
fi
"$venv/bin/python" -c 'import coopzone_evaluator, yaml' || { echo "install-test-python: the SDK is not importable in $venv" >&2; exit 1; }
