#!/usr/bin/env python3
"""Load test of the workshop server: N participants (threads, one keep-alive connection each)
re-run a scenario for a fixed time against a server on the loopback interface, as sliders
being dragged would: each participant moves one lever a step or two at a time (a random walk
on the levers' grids) and asks for a run, with a state poll every ten requests as an open page
does. Bounded in time and in count; refuses any host but loopback.

Prints the request count, errors, throughput, the share answered from the server's cache and
p50/p90/p99/max latency (overall and for the runs the server had to compute), then
'workshop-load: 1 passed, 0 failed' (or '0 passed, 1 failed' on any error).

With --band-clients N, N more clients ask for Monte Carlo bands (100 draws) over and over
meanwhile, as pages with the uncertainty switch on do; a 503 ("busy") from /bands is the
server's bound on waiting band jobs and is counted, not an error. The server's own compute
time of the runs it computed (computeMs) is printed beside the latencies.

With --think-ms M each participant pauses a random time (exponential, mean M ms) between its
requests, as people dragging sliders do; without it they ask again at once (a stress test).

With --as-page each participant asks as the workshop page does: a move asks for the numbers
only (`_charts=0`), and when the participant then stays still for 250 ms (its next pause is
longer), the page asks again for the same values with the charts, which the server draws from
the run it cached. Those chart requests are counted among the requests and latencies.

Usage: workshop_load_test.py --port PORT [--host 127.0.0.1] [--scenario ID] [--clients 50]
       [--seconds 30] [--max-requests 500000] [--seed 1] [--band-clients 0] [--think-ms 0] [--as-page]
"""
import argparse
import http.client
import ipaddress
import json
import random
import sys
import threading
import time


def percentile(sorted_values, p):
    if not sorted_values:
        return float("nan")
    k = (len(sorted_values) - 1) * p
    lo = int(k)
    hi = min(lo + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (k - lo)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--scenario", default="fergana-batken-sughd-growth-triangle")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--max-requests", type=int, default=500_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--band-clients", type=int, default=0)
    parser.add_argument("--as-page", action="store_true", help="numbers while dragging, charts when still for 250 ms, as the page asks")
    parser.add_argument("--think-ms", type=float, default=0,
                        help="mean pause of a participant between requests (exponential), as a person dragging a slider makes; 0 = none")
    args = parser.parse_args()

    try:
        loopback = args.host == "localhost" or ipaddress.ip_address(args.host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        print("workshop-load-test: refusing host %r: this test only targets the loopback interface" % args.host, file=sys.stderr)
        print("workshop-load: 0 passed, 1 failed")
        return 2
    if not (1 <= args.clients <= 200 and 1 <= args.seconds <= 600 and 1 <= args.max_requests <= 5_000_000 and 0 <= args.band_clients <= 16):
        print("workshop-load-test: clients 1–200, seconds 1–600, max-requests 1–5000000, band-clients 0–16", file=sys.stderr)
        print("workshop-load: 0 passed, 1 failed")
        return 2

    base = "/api/scenarios/" + args.scenario
    connection = http.client.HTTPConnection(args.host, args.port, timeout=30)
    connection.request("GET", base)
    response = connection.getresponse()
    meta = json.loads(response.read())
    connection.close()
    if response.status != 200 or not meta.get("ok"):
        print("workshop-load-test: cannot load scenario %r (%s)" % (args.scenario, response.status), file=sys.stderr)
        print("workshop-load: 0 passed, 1 failed")
        return 1
    levers = meta["levers"]

    lock = threading.Lock()
    latencies, computed, errors, samples, compute_ms = [], [], [], [], []
    counters = {"requests": 0, "cached": 0, "polls": 0, "charts": 0, "bands": 0, "bands_busy": 0}
    distinct = set()
    deadline = time.monotonic() + args.seconds
    start_gate = threading.Barrier(args.clients)

    def participant(index):
        rng = random.Random(args.seed * 1000 + index)
        steps = {l["id"]: round((l["value"] - l["min"]) / l["step"]) for l in levers}
        counts = {l["id"]: round((l["max"] - l["min"]) / l["step"]) for l in levers}
        conn = http.client.HTTPConnection(args.host, args.port, timeout=30)
        mine, mine_computed, mine_errors = [], [], []
        cached = polls = charts_asked = 0
        last_query = None
        start_gate.wait()
        n = 0
        while time.monotonic() < deadline:
            with lock:
                if counters["requests"] >= args.max_requests:
                    break
                counters["requests"] += 1
            n += 1
            pause = min(rng.expovariate(1000.0 / args.think_ms), 10 * args.think_ms / 1000.0) if args.think_ms > 0 else 0.0
            if args.as_page and pause >= 0.25 and n > 1 and last_query is not None:
                # Still for 250 ms after a move: the page asks for that move's charts.
                time.sleep(0.25)
                pause -= 0.25
                chart_path = base + "/run?" + last_query
                t0 = time.perf_counter()
                try:
                    conn.request("GET", chart_path)
                    reply = conn.getresponse()
                    body = reply.read()
                    if reply.status != 200 or "svg" not in json.loads(body):
                        mine_errors.append("%s → %d, no charts" % (chart_path, reply.status))
                    else:
                        mine.append((time.perf_counter() - t0) * 1000)
                        charts_asked += 1
                except Exception as error:
                    mine_errors.append("%s → %r" % (chart_path, error))
                    conn.close()
                    conn = http.client.HTTPConnection(args.host, args.port, timeout=30)
            if pause > 0:
                time.sleep(pause)
            if levers:
                lever = rng.choice(levers)
                steps[lever["id"]] = max(0, min(counts[lever["id"]], steps[lever["id"]] + rng.choice((-2, -1, 1, 2))))
            values = {l["id"]: round(l["min"] + steps[l["id"]] * l["step"], 10) for l in levers}
            query = "&".join("%s=%s" % (k, repr(v) if v != int(v) else int(v)) for k, v in values.items())
            path = base + ("/state" if n % 10 == 0 else "/run?" + query + ("&_charts=0" if args.as_page else ""))
            if n % 10 != 0:
                last_query = query
            t0 = time.perf_counter()
            try:
                conn.request("GET", path)
                reply = conn.getresponse()
                body = reply.read()
                elapsed = (time.perf_counter() - t0) * 1000
                if reply.status != 200:
                    mine_errors.append("%s → %d %s" % (path, reply.status, body[:200]))
                    continue
                payload = json.loads(body)
                mine.append(elapsed)
                if n % 10 == 0:
                    polls += 1
                    continue
                if "headlines" not in payload or payload.get("values", {}) != values:
                    mine_errors.append("%s → unexpected payload" % path)
                elif payload.get("cached"):
                    cached += 1
                else:
                    mine_computed.append(elapsed)
                    with lock:
                        compute_ms.append(payload.get("computeMs", float("nan")))
                with lock:
                    distinct.add(query)
            except Exception as error:  # a refused or broken connection is an error
                mine_errors.append("%s → %r" % (path, error))
                conn.close()
                conn = http.client.HTTPConnection(args.host, args.port, timeout=30)
        conn.close()
        with lock:
            latencies.extend(mine)
            computed.extend(mine_computed)
            errors.extend(mine_errors)
            counters["cached"] += cached
            counters["polls"] += polls
            counters["charts"] += charts_asked

    def band_client(index):
        rng = random.Random(args.seed * 7919 + index)
        conn = http.client.HTTPConnection(args.host, args.port, timeout=120)
        while time.monotonic() < deadline:
            values = {l["id"]: round(l["min"] + rng.randint(0, round((l["max"] - l["min"]) / l["step"])) * l["step"], 10) for l in levers}
            query = "&".join("%s=%s" % (k, repr(v) if v != int(v) else int(v)) for k, v in values.items())
            try:
                conn.request("GET", base + "/bands?_draws=100&" + query)
                reply = conn.getresponse()
                reply.read()
                with lock:
                    if reply.status == 200:
                        counters["bands"] += 1
                    elif reply.status == 503:
                        counters["bands_busy"] += 1
                    else:
                        errors.append("bands → %d" % reply.status)
                if reply.status == 503:
                    time.sleep(0.5)
            except Exception as error:
                with lock:
                    errors.append("bands → %r" % (error,))
                conn.close()
                conn = http.client.HTTPConnection(args.host, args.port, timeout=120)
        conn.close()

    banders = [threading.Thread(target=band_client, args=(i,), daemon=True) for i in range(args.band_clients)]
    for t in banders:
        t.start()
    threads = [threading.Thread(target=participant, args=(i,), daemon=True) for i in range(args.clients)]
    began = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=args.seconds + 120)
    wall = time.monotonic() - began
    for t in banders:
        t.join(timeout=150)

    latencies.sort()
    computed.sort()
    runs = len(latencies) - counters["polls"] - counters["charts"]
    print("scenario %s, %d participants for %.0f s on %s:%d%s" % (args.scenario, args.clients, args.seconds, args.host, args.port,
          ", pausing %.0f ms on average between requests" % args.think_ms if args.think_ms else ""))
    print("requests: %d ok (%d runs%s, %d state polls), %d errors, %.0f requests/s" % (
        len(latencies), runs, (", numbers only, and %d for the charts when still" % counters["charts"]) if args.as_page else "",
        counters["polls"], len(errors), len(latencies) / wall))
    print("runs answered from the server's cache: %d of %d (%d distinct lever settings)" % (counters["cached"], runs, len(distinct)))
    print("latency, all requests: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms"
          % (percentile(latencies, 0.5), percentile(latencies, 0.9), percentile(latencies, 0.99), latencies[-1] if latencies else float("nan")))
    if computed:
        print("latency, runs computed by the server (%d): p50 %.1f ms, p99 %.1f ms"
              % (len(computed), percentile(computed, 0.5), percentile(computed, 0.99)))
        compute_ms.sort()
        print("server compute of those runs (computeMs): p50 %.2f ms, p99 %.2f ms"
              % (percentile(compute_ms, 0.5), percentile(compute_ms, 0.99)))
    if args.band_clients:
        print("bands meanwhile (%d clients, 100 draws): %d computed or cached, %d answered busy (503)"
              % (args.band_clients, counters["bands"], counters["bands_busy"]))
    for e in errors[:10]:
        print("error: " + e)
    ok = not errors and len(latencies) > 0
    print("workshop-load: %d passed, %d failed" % (1 if ok else 0, 0 if ok else 1))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
