"""Fixture reads_baseline / reads_everything: sums the trade_baseline rows of trade_effects it
receives (and the flows_by_year view when sent), and counts what it received."""
import json
import sys

for line in sys.stdin:
    request = json.loads(line)
    results = []
    for draw in request["draws"]:
        received = draw["dependencies"]["trade_effects"]
        views = draw.get("views", {})
        baseline = sum(r["value"] for r in received["rows"] if r["metric"] == "trade_baseline")
        flows = sum(r["value"] for r in views.get("flows_by_year", []))
        results.append({"headlines": [
            {"metric": "baseline_sum", "unit": "usd_million_per_year", "value": baseline},
            {"metric": "view_sum", "unit": "usd_million_per_year", "value": flows},
            {"metric": "rows_received", "unit": "count", "value": len(received["rows"])},
            {"metric": "findings_received", "unit": "count", "value": len(received["findings"])},
            {"metric": "views_received", "unit": "count", "value": sum(len(v) for v in views.values())},
        ]})
    print(json.dumps({"protocol_version": 1, "id": request["id"], "results": results}), flush=True)
