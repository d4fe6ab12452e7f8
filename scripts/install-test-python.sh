#!/usr/bin/env bash
# Installs the Python packages the command-line tests read outputs with, when missing: openpyxl
# (PyPI; else Debian's python3-openpyxl), which reads the Excel workbooks back.
set -euo pipefail
if ! python3 -c 'import openpyxl' >/dev/null 2>&1; then
  echo "install-test-python: installing openpyxl"
  python3 -m pip install --quiet openpyxl >/dev/null 2>&1 \
    || python3 -m pip install --quiet --break-system-packages openpyxl >/dev/null 2>&1 \
    || { SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"; $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-openpyxl; }
fi
python3 -c 'import openpyxl' || { echo "install-test-python: openpyxl could not be installed" >&2; exit 1; }
