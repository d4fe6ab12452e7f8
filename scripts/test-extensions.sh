#!/usr/bin/env bash
# Tests of extending CoopZone, as an evaluator author would run them:
#  - the Python SDK (sdk/python) installed in the test venv (scripts/install-test-python.sh), and its tests;
#  - the Python example evaluator's own tests, and `coopzone check-evaluator` on it;
#  - runs with external evaluators (the example beside the built-ins, Monte Carlo, a faulty program,
#    discovery through COOPZONE_EVALUATORS_PATH, a manifest for another protocol version);
#  - both scaffolds of `coopzone new evaluator` pass their own tests;
#  - the Swift extension package in Plugins/Examples/swift-extension builds, passes its tests and
#    its `coopzone-plus` runs its own evaluator beside the built-in ones.
# Scratch folders are .build-* at the repository root (git-ignored). Ends with 'N passed, N failed'.
# Every Python program here (the tests, and the evaluators, whose manifests say `python3`) runs on
# the test venv's python3, which has the SDK installed: its bin/ comes first on PATH.
set -uo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
export PYTHONDONTWRITEBYTECODE=1

bin="${COOPZONE_BIN:-$(swift build --show-bin-path)/coopzone}"
if [ ! -x "$bin" ]; then swift build >/dev/null || { echo "cannot build coopzone"; echo "extensions: 0 passed, 1 failed"; exit 1; }; fi
example="Plugins/Examples/gravity-trade"
fixtures="Tests/CoopZoneExternalTests/Fixtures"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
log="$work/check.log"
passed=0; failed=0
check() { # name, command...
  local name="$1"; shift
  if "$@" >"$log" 2>&1; then passed=$((passed + 1)); echo "ok   $name"; else
    failed=$((failed + 1)); echo "FAIL $name"; sed -n '1,60p' "$log"; fi
}
# Succeeds when the command exits with `status` and its output contains `text`.
expect() { # status, text, command...
  local status="$1" text="$2"; shift 2
  "$@" >"$work/out" 2>&1; local got=$?
  [ "$got" -eq "$status" ] && grep -qF -- "$text" "$work/out" || { echo "exit $got, expected $status and '$text' in:"; sed -n '1,40p' "$work/out"; return 1; }
}

echo "== the Python SDK"
check "test venv: pip install ./sdk/python (scripts/install-test-python.sh)" bash scripts/install-test-python.sh --venv-only
export PATH="$root/.build-python/venv/bin:$PATH"
check "python3 is the test venv's, with the SDK installed (not the source tree's)" python3 -c \
  "import sys, coopzone_evaluator as c; assert sys.prefix == '$root/.build-python/venv' and 'site-packages' in c.__file__, (sys.prefix, c.__file__)"
check "sdk/python: its tests (python3 -m unittest)" python3 -m unittest discover -s sdk/python/tests -t sdk/python/tests

echo "== the Python example evaluator"
check "gravity-trade: python3 -m unittest" python3 -m unittest discover -s "$example" -t "$example"
check "gravity-trade: coopzone check-evaluator" "$bin" check-evaluator "$example"
check "run: gravity_trade rows beside the built-ins' (JSON)" bash -c "'$bin' run '$example/andijan-osh-with-gravity.yaml' --evaluators '$example' --format json \
  | python3 -c 'import json,sys; rows=json.load(sys.stdin)[\"rows\"]; ids={r[\"evaluator\"] for r in rows}; assert {\"gravity_trade\",\"trade_effects\",\"staged_incentives\"} <= ids, ids'"
check "run --monte-carlo 1000 with gravity_trade" expect 0 "gravity_trade" "$bin" run "$example/andijan-osh-with-gravity.yaml" --evaluators "$example" --monte-carlo 1000 --format csv
check "COOPZONE_EVALUATORS_PATH finds it" bash -c "COOPZONE_EVALUATORS_PATH='/nonexistent:$root/Plugins/Examples' '$bin' evaluators | grep -q '^gravity_trade 1.0.0'"
check "a program that exits 3 is its own failure" expect 1 "evaluator 'exit_three' failed: the program exited with status 3" \
  "$bin" run Scenarios/fergana-batken-sughd-growth-triangle.yaml --evaluators "$fixtures/exit_three" --set 'evaluators.exit_three={}'
check "a manifest for protocol 2 is refused at its line" expect 1 "evaluator.yaml:2:19: error: the evaluator speaks protocol version 2; this CoopZone speaks version 1" \
  "$bin" validate Scenarios/fergana-batken-sughd-growth-triangle.yaml --evaluators "$fixtures/manifest_version_two"
check "an external id that is a built-in one is refused" expect 1 "evaluator id 'trade_effects' is already taken by a built-in evaluator" \
  "$bin" evaluators --evaluators "$fixtures/clashes_with_builtin"

echo "== scaffolds"
check "new evaluator --language python" "$bin" new evaluator border_queue --output "$work/border-queue"
check "python scaffold: python3 -m unittest" bash -c "cd '$work/border-queue' && python3 -m unittest"
check "python scaffold: coopzone check-evaluator" "$bin" check-evaluator "$work/border-queue" --scenarios Scenarios
check "new evaluator --language swift" "$bin" new evaluator border_queue --language swift --output "$work/swift-border-queue" --coopzone "$root"
# Its test needs CoopZoneCore and CoopZoneEvaluators, not the CLI: build the test product alone
# (the full coopzone-border-queue build is the same as the example package's below).
check "swift scaffold: build its test product" swift build --package-path "$work/swift-border-queue" --scratch-path "$root/.build-scaffold" --product BorderQueueEvaluatorPackageTests
check "swift scaffold: swift test" expect 0 "passed" swift test --package-path "$work/swift-border-queue" --scratch-path "$root/.build-scaffold" --skip-build

echo "== the Swift extension package"
ext="Plugins/Examples/swift-extension"
check "swift build --package-path $ext" swift build --package-path "$ext" --scratch-path "$root/.build-extension"
check "swift test --package-path $ext" expect 0 "passed" swift test --package-path "$ext" --scratch-path "$root/.build-extension"
plus="$root/.build-extension/debug/coopzone-plus"
check "coopzone-plus lists time_savings beside the built-ins" bash -c "'$plus' evaluators | grep -q '^time_savings 1.0.0' && '$plus' evaluators | grep -q '^trade_effects '"
check "coopzone-plus runs time_savings in a scenario" expect 0 "time_savings_value_pv" \
  "$plus" run Scenarios/karasu-ak-tilek-alatau-trade-logistics-hub.yaml --set 'evaluators.time_savings={}'
check "coopzone-plus still takes external evaluators" expect 0 "gravity_trade" \
  "$plus" run "$example/andijan-osh-with-gravity.yaml" --evaluators "$example"

echo "extensions: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
