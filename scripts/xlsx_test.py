#!/usr/bin/env python3
"""Reads CoopZone's Excel workbooks back with openpyxl (an independent reader) and checks them
against the JSON output of the same run: every sheet present, the headlines and the tidy rows
carry the same numbers as the JSON, the charts are native Excel charts (xl/charts/*.xml, one per
chart on the charts sheet), the same input gives the same bytes, a Russian workbook has Russian
sheet names and labels, and Monte Carlo workbooks carry the JSON's P5/P50/P95.

Usage: xlsx_test.py PATH/TO/coopzone SCENARIO.yaml
Prints one line per check and ends with 'xlsx: N passed, M failed'.
"""
import json
import math
import os
import subprocess
import sys
import tempfile
import zipfile

import openpyxl

passed = failed = 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print("ok   " + name)
    else:
        failed += 1
        print("FAIL " + name + (": " + detail if detail else ""))


def close(a, b):
    return a == b or (isinstance(a, (int, float)) and isinstance(b, (int, float)) and math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-12))


def run(binary, *args):
    result = subprocess.run([binary, *args], capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        print(result.stderr[:2000], file=sys.stderr)
    return result.returncode


def table(sheet):
    rows = list(sheet.iter_rows(values_only=True))
    return rows[0], rows[1:]


def main():
    binary, scenario = sys.argv[1], sys.argv[2]
    work = tempfile.mkdtemp()
    out = lambda name: os.path.join(work, name)

    # A run: JSON and workbook, twice for the bytes, and in Russian.
    check("run --format json", run(binary, "run", scenario, "--format", "json", "--output", out("run.json")) == 0)
    check("run --format xlsx", run(binary, "run", scenario, "--format", "xlsx", "--output", out("run.xlsx")) == 0)
    check("run --format xlsx again", run(binary, "run", scenario, "--format", "xlsx", "--output", out("run2.xlsx")) == 0)
    check("run --format xlsx --lang ru", run(binary, "run", scenario, "--format", "xlsx", "--lang", "ru", "--output", out("run-ru.xlsx")) == 0)
    data = json.load(open(out("run.json")))
    check("the same input gives the same bytes", open(out("run.xlsx"), "rb").read() == open(out("run2.xlsx"), "rb").read())

    book = openpyxl.load_workbook(out("run.xlsx"))
    expected = ["Brief", "Headlines", "Chart data", "Charts", "Findings", "Inputs", "Rows"]
    check("every sheet is present", book.sheetnames == expected, str(book.sheetnames))
    header, rows = table(book["Headlines"])
    check("headline header names labels and units", list(header[:3]) == ["Headline", "Value", "Unit"], str(header))
    by_id = {(r[3], r[4]): r[1] for r in rows}
    wanted = {(h["evaluator"], h["metric"]): h["value"] for h in data["headlines"]}
    check("every headline of the JSON is in the workbook", set(by_id) == set(wanted), str(set(wanted) ^ set(by_id)))
    check("headline values equal the JSON's", all(close(by_id.get(k), v) for k, v in wanted.items()))
    check("headlines are labelled, not ids", all(r[0] and r[0] != r[4] for r in rows))
    header, rows = table(book["Rows"])
    check("every tidy row of the JSON is in the workbook", len(rows) == len(data["rows"]), "%d against %d" % (len(rows), len(data["rows"])))
    value = header.index("Value")
    check("row values equal the JSON's, in order", all(close(r[value], j["value"]) for r, j in zip(rows, data["rows"])))
    check("the tidy rows have a filter and a frozen header", book["Rows"].auto_filter.ref is not None and book["Rows"].freeze_panes == "A2")
    brief = [c for c in book["Brief"]["A"] if c.value]
    check("the brief opens the workbook with its paragraphs", len(brief) >= 8 and brief[1].value == "What the design is", str([c.value for c in brief[:3]]))
    inputs_header, inputs = table(book["Inputs"])
    check("inputs carry their provenance", "Source or assumption" in inputs_header and len(inputs) > 50)
    with zipfile.ZipFile(out("run.xlsx")) as z:
        charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
        drawing = [n for n in z.namelist() if n.startswith("xl/drawings/drawing")]
        line = any(b"<c:lineChart>" in z.read(n) for n in charts)
        bars = any(b'<c:grouping val="stacked"/>' in z.read(n) for n in charts)
    check("native charts are present (line and stacked columns)", len(charts) >= 4 and drawing and line and bars, "%d charts" % len(charts))

    ru = openpyxl.load_workbook(out("run-ru.xlsx"))
    check("a Russian workbook has Russian sheet names", ru.sheetnames == ["Кратко", "Показатели", "Данные диаграмм", "Диаграммы", "Выводы", "Исходные данные", "Строки"], str(ru.sheetnames))
    header, rows = table(ru["Показатели"])
    labels = [r[0] for r in rows]
    check("and Russian labels and units", header[0] == "Показатель" and "Чистая приведённая стоимость" in labels and "млн долл. США" in [r[2] for r in rows], str(labels[:3]))
    check("with the same numbers", all(close(a[1], b[1]) for a, b in zip(rows, table(book["Headlines"])[1])))

    # Monte Carlo: the headlines' P5/P50/P95 equal the JSON's bands.
    check("run --monte-carlo 200 --format json", run(binary, "run", scenario, "--monte-carlo", "200", "--seed", "3", "--format", "json", "--output", out("mc.json")) == 0)
    check("run --monte-carlo 200 --format xlsx", run(binary, "run", scenario, "--monte-carlo", "200", "--seed", "3", "--format", "xlsx", "--output", out("mc.xlsx")) == 0)
    mc = json.load(open(out("mc.json")))
    mcbook = openpyxl.load_workbook(out("mc.xlsx"))
    check("Monte Carlo sheets", mcbook.sheetnames == ["Brief", "Headlines", "Chart data", "Charts", "Findings", "Inputs", "Bands"], str(mcbook.sheetnames))
    header, rows = table(mcbook["Headlines"])
    got = {(r[6], r[7]): (r[3], r[4], r[5]) for r in rows}
    want = {(b["evaluator"], b["metric"]): (b["p5"], b["p50"], b["p95"]) for b in mc["bands"] if b["year"] is None}
    check("headline bands equal the JSON's", set(got) == set(want) and all(all(close(a, b) for a, b in zip(got[k], want[k])) for k in want), str(set(got) ^ set(want)))
    header, rows = table(mcbook["Bands"])
    check("every band of the JSON is in the workbook", len(rows) == len(mc["bands"]) and all(close(r[5], b["p5"]) and close(r[7], b["p95"]) for r, b in zip(rows, mc["bands"])))
    brief_text = " ".join(str(c.value) for c in mcbook["Brief"]["A"] if c.value)
    check("the Monte Carlo brief gives the NPV's band", "90 % range" in brief_text and "200 Monte Carlo draws" in brief_text)

    # A comparison with Monte Carlo: every design's value of every headline, and the brief.
    variant = os.path.join(os.path.dirname(scenario), "variants", "fbs-faster-border.yaml")
    check("compare --monte-carlo 100 --format json", run(binary, "compare", scenario, variant, "--monte-carlo", "100", "--format", "json", "--output", out("c.json")) == 0)
    check("compare --monte-carlo 100 --format xlsx", run(binary, "compare", scenario, variant, "--monte-carlo", "100", "--format", "xlsx", "--output", out("c.xlsx")) == 0)
    cj = json.load(open(out("c.json")))
    cbook = openpyxl.load_workbook(out("c.xlsx"))
    check("comparison sheets", cbook.sheetnames == ["Brief", "Designs", "Chart data", "Charts", "Findings"], str(cbook.sheetnames))
    header, rows = table(cbook["Designs"])
    got = {(r[8], r[9], r[2][:3]): (r[3], r[7]) for r in rows}
    want = {(h["evaluator"], h["metric"], "[%d]" % i): (d["value"], d["difference"]) for h in cj["headlines"] for i, d in enumerate(h["designs"])}
    check("every design's value and difference equal the JSON's", set(got) == set(want) and all(close(got[k][0], want[k][0]) and close(got[k][1], want[k][1]) for k in want), str(set(got) ^ set(want)))
    cbrief = " ".join(str(c.value) for c in cbook["Brief"]["A"] if c.value)
    check("the comparison's brief says which design does best", "does best" in cbrief or "tie" in cbrief or "same in every design" in cbrief, cbrief[:300])

    # Sensitivity: every swing.
    check("sensitivity --format json", run(binary, "sensitivity", scenario, "--format", "json", "--output", out("s.json")) == 0)
    check("sensitivity --format xlsx --lang ru", run(binary, "sensitivity", scenario, "--format", "xlsx", "--lang", "ru", "--output", out("s.xlsx")) == 0)
    sj = json.load(open(out("s.json")))
    sbook = openpyxl.load_workbook(out("s.xlsx"))
    header, rows = table(sbook["Чувствительность"])
    check("every swing equals the JSON's", len(rows) == len(sj) and all(r[0] == j["input"] and close(r[5], j["at_low"]) and close(r[7], j["at_high"]) for r, j in zip(rows, sj)))
    with zipfile.ZipFile(out("s.xlsx")) as z:
        bars = any(b"<c:barChart>" in z.read(n) and b'<c:barDir val="bar"/>' in z.read(n) for n in z.namelist() if n.startswith("xl/charts/chart"))
    check("the tornado is a native bar chart", bars)

    # Sobol' indices: every index and interval, and ΣS1, equal the JSON's.
    sobol = ("sensitivity", scenario, "--method", "sobol", "--samples", "64")
    check("sensitivity --method sobol --format json", run(binary, *sobol, "--format", "json", "--output", out("sobol.json")) == 0)
    check("sensitivity --method sobol --format xlsx", run(binary, *sobol, "--format", "xlsx", "--output", out("sobol.xlsx")) == 0)
    oj = json.load(open(out("sobol.json")))
    obook = openpyxl.load_workbook(out("sobol.xlsx"))
    header, rows = table(obook["Sobol indices"])
    got = {(r[9], r[10], r[1]): tuple(r[2:8]) for r in rows}
    want = {}
    for h in oj["headlines"]:
        for i in h["indices"]:
            f, t = i["first_order"], i["total_order"]
            want[(h["evaluator"], h["metric"], i["input"])] = (f["value"], f["low"], f["high"], t["value"], t["low"], t["high"])
        s = h["first_order_sum"]
        want[(h["evaluator"], h["metric"], "Sum of S1")] = (s["value"], s["low"], s["high"], None, None, None)

    def same(a, b):
        # A headline that does not vary has no indices: null in the JSON, "n/a" in the sheet; the
        # sum's row has no ST (None on both sides).
        return a in (None, "n/a") if b is None else close(a, b)

    check("every Sobol' index and interval equals the JSON's", set(got) == set(want) and all(all(same(x, y) for x, y in zip(got[k], want[k])) for k in want), str(set(got) ^ set(want))[:300])
    with zipfile.ZipFile(out("sobol.xlsx")) as z:
        columns = any(b"<c:barChart>" in z.read(n) and b'<c:barDir val="col"/>' in z.read(n) for n in z.namelist() if n.startswith("xl/charts/chart"))
    check("the NPV's S1 and ST are a native column chart", columns)
    print("xlsx: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
