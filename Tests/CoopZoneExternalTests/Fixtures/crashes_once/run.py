import os, sys, tempfile; sys.path.insert(0, "..")
from fixture_common import serve, good_row
# The first start in a CoopZone process (the parent) crashes; later starts work.
marker = os.path.join(tempfile.gettempdir(), f"coopzone-fixture-crashes-once-{os.getppid()}")
if not os.path.exists(marker):
    open(marker, "w").close()
    sys.stdin.readline()
    sys.stderr.write("first start: crashing on purpose\n")
    sys.exit(7)
serve(lambda i: {"rows": [good_row()], "headlines": [{"metric": "fixture_total", "unit": "usd_million", "value": 1.5}]})
