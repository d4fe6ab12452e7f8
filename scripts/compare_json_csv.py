"""Checks that `coopzone run --format json` and `--format csv` carry the same rows."""
import csv
import json
import sys

with open(sys.argv[1]) as f:
    rows_json = json.load(f)["rows"]
with open(sys.argv[2], newline="") as f:
    rows_csv = list(csv.DictReader(f))

if len(rows_json) != len(rows_csv):
    sys.exit(f"row counts differ: json {len(rows_json)}, csv {len(rows_csv)}")
header = list(rows_csv[0].keys()) if rows_csv else []
if header[:4] != ["evaluator", "metric", "unit", "year"] or header[-1] != "value":
    sys.exit(f"unexpected CSV header {header}")
for i, (j, c) in enumerate(zip(rows_json, rows_csv)):
    for key in header:
        jv = j.get(key)
        jv = "" if jv is None else jv
        if key == "value":
            if abs(float(c[key]) - float(jv)) > 1e-9 * max(1.0, abs(float(jv))):
                sys.exit(f"row {i}: value {c[key]} != {jv}")
        elif str(jv) != c[key]:
            sys.exit(f"row {i}: {key} {c[key]!r} != {jv!r}")
print(f"{len(rows_json)} rows agree")
