import sys; sys.path.insert(0, "..")
from fixture_common import serve, good_row
serve(lambda i: {"rows": [good_row(metric="surprise")], "headlines": [], "findings": []})
