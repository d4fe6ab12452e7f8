#!/usr/bin/env bash
# The workshop page in a real headless Chromium (Selenium + chromedriver): starts
# 'coopzone serve' on a copy of Scenarios/ on a free loopback port, opens the growth triangle,
# moves sliders with the keyboard, checks that the headline numbers and charts change, saves a
# variant, locks a lever from the facilitator's page, edits the scenario file on disk (the page
# picks it up; a broken file shows its diagnostics), kills the server with SIGKILL, restarts it
# on the same variant file and finds the variant again; the exported variant must pass
# 'coopzone validate --strict'. On a 390 x 844 phone screen a slider move changes a card that
# stays in the window (sticky cards), levers read in percent and say what they move, cards
# explain themselves on a tap, compare shows one card per variant. As the facilitator: hide
# (gone for participants, kept for the facilitator), rename, delete, messages that survive the
# refresh, the projector view at >= 2 rem. A 503 injected into the page's fetch and a server
# killed under an open page are retried. Screenshots (desktop and phone) go to
# artefacts/workshop-browser/.
# Ends with 'workshop-browser: N passed, M failed'; exits non-zero on any failure.
#
# Usage: scripts/workshop-browser-test.sh [PATH/TO/coopzone]
#   Without an argument the binary is taken from 'swift build --show-bin-path' (built if missing).
# Installs what it needs when it is missing, and only then, the same way as
# scripts/browser-test.sh: Debian's chromium and chromium-driver (apt-get), and Python's
# selenium (pip, else Debian's python3-selenium).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
out="$root/artefacts/workshop-browser"

bin="${1:-}"
if [ -z "$bin" ]; then
  bin="$(swift build --show-bin-path)/coopzone"
  [ -x "$bin" ] || swift build --product coopzone
fi
if [ ! -x "$bin" ]; then echo "workshop-browser-test: no coopzone binary at '$bin'" >&2; echo "workshop-browser: 0 passed, 1 failed"; exit 1; fi

bash scripts/install-browser.sh || { echo "workshop-browser: 0 passed, 1 failed"; exit 1; }

rm -rf "$out"
mkdir -p "$out"
python3 scripts/workshop_browser_test.py --bin "$bin" --scenarios "$root/Scenarios" --out "$out"
