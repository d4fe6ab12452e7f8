import sys; sys.path.insert(0, "..")
from fixture_common import serve, good_row

def result(i):
    print("debug: evaluating", flush=True)  # the mistake: logs on standard output
    return {"rows": [good_row()], "headlines": [{"metric": "fixture_total", "unit": "usd_million", "value": 1.5}]}

serve(result)
