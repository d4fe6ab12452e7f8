#!/usr/bin/env bash
# The main job: sets up what is missing, builds, and runs the shipped growth-triangle scenario.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift run coopzone run Scenarios/fergana-batken-sughd-growth-triangle.yaml "$@"
