"""Shared by the test fixtures: answer requests with `make_result(draw_index)`."""
import json
import sys


def serve(make_result, version=1):
    for line in sys.stdin:
        request = json.loads(line)
        results = [make_result(i) for i, _ in enumerate(request["draws"])]
        sys.stdout.write(json.dumps({"protocol_version": version, "id": request["id"], "results": results}) + "\n")
        sys.stdout.flush()


def good_row(**extra):
    row = {"metric": "fixture_value", "unit": "usd_million", "year": 2030, "link": "x", "value": 1.5}
    row.update(extra)
    return row
