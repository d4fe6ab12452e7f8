import json
import sys
import traceback


def evaluate(index):
    shares = [1.0, 0.0]
    return 1.0 / shares[index % 2]  # the second draw divides by zero


for line in sys.stdin:
    request = json.loads(line)
    results = []
    for i, _ in enumerate(request["draws"]):
        try:
            results.append({"headlines": [{"metric": "fixture_value", "unit": "usd_million", "value": evaluate(i)}]})
        except Exception as error:
            traceback.print_exc()
            sys.stderr.flush()
            results.append({"error": "%s: %s" % (type(error).__name__, error)})
    print(json.dumps({"protocol_version": 1, "id": request["id"], "results": results}), flush=True)
