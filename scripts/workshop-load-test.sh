#!/usr/bin/env bash
# Load test of the workshop server: starts 'coopzone serve Scenarios' on a free loopback port
# with a fresh variant file, lets 50 participants re-run the growth triangle for 30 seconds
# (scripts/workshop_load_test.py: Python threads + http.client, bounded in time and count,
# loopback only), then stops the server. Prints p50 and p99 latencies and ends with
# 'workshop-load: N passed, M failed'; exits non-zero on any error.
#
# Usage: scripts/workshop-load-test.sh [PATH/TO/coopzone] [extra workshop_load_test.py options]
#   Without a binary the one from 'swift build --show-bin-path' is used (built if missing).
set -euo pipefail
cd "$(dirname "$0")/.."

bin="${1:-}"
[ $# -gt 0 ] && shift
if [ -z "$bin" ]; then
  bin="$(swift build --show-bin-path)/coopzone"
  [ -x "$bin" ] || swift build --product coopzone
fi
if [ ! -x "$bin" ]; then echo "workshop-load-test: no coopzone binary at '$bin'" >&2; echo "workshop-load: 0 passed, 1 failed"; exit 1; fi

work="$(mktemp -d)"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
"$bin" serve Scenarios --host 127.0.0.1 --port "$port" --data "$work/workshop.sqlite" >"$work/server.log" 2>&1 &
server=$!
cleanup() { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

for _ in $(seq 1 300); do
  if python3 -c "import urllib.request, sys; urllib.request.urlopen('http://127.0.0.1:$port/healthz', timeout=1)" 2>/dev/null; then break; fi
  if ! kill -0 "$server" 2>/dev/null; then echo "workshop-load-test: the server exited:" >&2; cat "$work/server.log" >&2; echo "workshop-load: 0 passed, 1 failed"; exit 1; fi
  sleep 0.2
done

set +e
python3 scripts/workshop_load_test.py --host 127.0.0.1 --port "$port" --clients 50 --seconds 30 "$@"
status=$?
set -e
if ! kill -0 "$server" 2>/dev/null; then echo "workshop-load-test: the server died during the test" >&2; cat "$work/server.log" >&2; status=1; fi
exit "$status"
