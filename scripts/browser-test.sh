#!/usr/bin/env bash
# Renders CoopZone's HTML reports (run, run with Monte Carlo, sensitivity one at a time and Sobol', compare) with the
# built `coopzone` binary, opens each in headless Chromium and fails on any console error
# (which includes any attempt to load something from outside the file), on a missing chart or
# on an external reference; saves a full-page PNG screenshot of each report, and one PNG per
# chart, under artefacts/browser/ (git-ignored). Ends with 'browser: N passed, M failed'.
#
# Usage: scripts/browser-test.sh [PATH/TO/coopzone]
#   Without an argument the binary is taken from 'swift build --show-bin-path' (built if missing).
# Installs what it needs when it is missing (scripts/install-browser.sh): Debian's chromium and
# chromium-driver (apt-get), and Python's selenium (pip, else Debian's python3-selenium).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
out="$root/artefacts/browser"

bin="${1:-}"
if [ -z "$bin" ]; then
  bin="$(swift build --show-bin-path)/coopzone"
  [ -x "$bin" ] || swift build --product coopzone
fi
if [ ! -x "$bin" ]; then echo "browser-test: no coopzone binary at '$bin'" >&2; echo "browser: 0 passed, 1 failed"; exit 1; fi

bash scripts/install-browser.sh || { echo "browser: 0 passed, 1 failed"; exit 1; }

rm -rf "$out"
mkdir -p "$out"
main="Scenarios/fergana-batken-sughd-growth-triangle.yaml"
other="Scenarios/surkhandarya-khatlon-free-trade-zone.yaml"
render() { # name, coopzone arguments...
  local name="$1"; shift
  if ! "$bin" "$@" --output "$out/$name.html" 2>"$out/$name.stderr"; then
    echo "browser-test: 'coopzone $*' failed:" >&2; cat "$out/$name.stderr" >&2; return 1
  fi
}
render run run "$main" --format html
render monte-carlo run "$main" --format html --monte-carlo 200 --seed 1
render sensitivity sensitivity "$main" --format html
render sobol sensitivity "$main" --method sobol --samples 64 --format html
render compare compare "$main" "$other" --format html

# NAME=FILE:MINIMUM_NUMBER_OF_CHARTS (the Swift tests check the exact charts of each report).
python3 scripts/browser_test.py --out "$out" \
  "run=$out/run.html:4" \
  "monte-carlo=$out/monte-carlo.html:5" \
  "sensitivity=$out/sensitivity.html:1" \
  "sobol=$out/sobol.html:5" \
  "compare=$out/compare.html:1"
