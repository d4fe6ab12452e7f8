#!/usr/bin/env bash
# Builds and runs every test: the Swift test suite, then the command-line checks a user
# would make (validate every shipped scenario, run one in every format, JSON and CSV agree).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh

echo "== swift test"
mkdir -p .build
set +e
swift test 2>&1 | tee .build/swift-test.log
status=${PIPESTATUS[0]}
set -e
if [ "$status" -ne 0 ]; then echo "swift test failed (status $status)"; exit "$status"; fi

echo "== command-line checks"
bin="$(swift build --show-bin-path)/coopzone"
passed=0; failed=0
check() { # name, command...
  local name="$1"; shift
  if "$@" >/tmp/coopzone-check.out 2>&1; then passed=$((passed + 1)); echo "ok   $name"; else
    failed=$((failed + 1)); echo "FAIL $name"; sed -n '1,40p' /tmp/coopzone-check.out; fi
}
expect_status() { # expected status, command...
  local expected="$1"; shift
  set +e; "$@" >/dev/null 2>&1; local got=$?; set -e
  [ "$got" -eq "$expected" ]
}
scenarios=(Scenarios/*.yaml Scenarios/variants/*.yaml)
check "swift format lint (the committed .swift-format)" swift format lint --strict -r -p Sources Plugins Tests
check "validate every shipped scenario" "$bin" validate --strict "${scenarios[@]}"
main="Scenarios/fergana-batken-sughd-growth-triangle.yaml"
for format in table json csv markdown html; do
  check "run --format $format" "$bin" run "$main" --format "$format" --output "/tmp/coopzone-run.$format"
done
check "JSON and CSV carry the same rows" python3 scripts/compare_json_csv.py /tmp/coopzone-run.json /tmp/coopzone-run.csv
bad=$(mktemp --suffix=.yaml); printf 'format: 1\ntitle: x\nhorizon: {first: 2030, last: 2020}\n' > "$bad"
check "validate exits 1 on errors" expect_status 1 "$bin" validate "$bad"
check "bad arguments exit 64" expect_status 64 "$bin" run
check "evaluators --format json" "$bin" evaluators --format json
check "schema is JSON and matches Docs/scenario.schema.json" bash -c "'$bin' schema | python3 -m json.tool >/dev/null && '$bin' schema | diff -q - Docs/scenario.schema.json"
check "Python test packages (openpyxl)" bash scripts/install-test-python.sh
check "xlsx workbooks read back with openpyxl equal the JSON (run, Monte Carlo, Russian)" python3 scripts/xlsx_test.py "$bin" "$main"
check "run --monte-carlo 500" "$bin" run "$main" --monte-carlo 500 --seed 7 --format csv --output /tmp/coopzone-mc.csv
check "sensitivity" "$bin" sensitivity "$main" --format csv --output /tmp/coopzone-sens.csv
check "compare the variants" "$bin" compare "$main" Scenarios/variants/*.yaml --format markdown --output /tmp/coopzone-compare.md
check "compare --monte-carlo" "$bin" compare "$main" Scenarios/variants/fbs-faster-border.yaml --monte-carlo 300 --format json --output /tmp/coopzone-compare.json
check "sweep: the example spec in 3 shards merged equals one process's table" bash -c "'$bin' sweep examples/sweeps/growth-triangle-and-alatau.yaml --quiet --output /tmp/coopzone-sweep.csv && for k in 1 2 3; do '$bin' sweep examples/sweeps/growth-triangle-and-alatau.yaml --quiet --shard \$k/3 --output /tmp/coopzone-sweep-\$k.csv || exit 1; done && '$bin' sweep merge --output /tmp/coopzone-sweep-merged.csv /tmp/coopzone-sweep-3.csv /tmp/coopzone-sweep-1.csv /tmp/coopzone-sweep-2.csv && cmp /tmp/coopzone-sweep.csv /tmp/coopzone-sweep-merged.csv"
check "bench prints every section (200 draws, debug build)" bash -c "'$bin' bench --draws 200 --repeats 2 > /tmp/coopzone-bench.txt && grep -q 'load + validate' /tmp/coopzone-bench.txt && grep -q 'run once: zone_fit' /tmp/coopzone-bench.txt && grep -q '1 worker(s): .* draws/s' /tmp/coopzone-bench.txt && grep -q 'peak resident memory' /tmp/coopzone-bench.txt && grep -q 'karasu-ak-tilek-alatau-trade-logistics-hub: numbers [0-9.]*, with the charts [0-9.]* (p90' /tmp/coopzone-bench.txt"
rm -f "$bad"
echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ] || exit 1

echo "== HTML reports in a headless browser"
bash scripts/browser-test.sh "$bin"

echo "== workshop server in a headless browser (kill -9 and restart keep the variants)"
bash scripts/workshop-browser-test.sh "$bin"

echo "== workshop server under load (50 participants on the Alatau hub's levers and 4 band requests, 30 s, loopback)"
bash scripts/workshop-load-test.sh "$bin" --scenario karasu-ak-tilek-alatau-trade-logistics-hub --band-clients 4

echo "== extending CoopZone: external evaluators, scaffolds, the Swift extension package"
COOPZONE_BIN="$bin" bash scripts/test-extensions.sh

echo "== sweeps on a single-node Slurm cluster (installs Debian's slurmctld, slurmd and munge when missing; SKIP where it cannot)"
bash scripts/slurm-test.sh "$bin"

echo "== the DocC reference of CoopZoneCore (scripts/docs.sh: every DocC warning is an error)"
bash scripts/docs.sh
