import sys; sys.path.insert(0, "..")
from fixture_common import serve, good_row

def result(i):
    if i == 0:
        for n in range(20000):
            sys.stderr.write(f"debug line {n}: " + "." * 90 + "\n")
    return {"rows": [good_row()], "headlines": [{"metric": "fixture_total", "unit": "usd_million", "value": 1.5}], "findings": []}

serve(result)
