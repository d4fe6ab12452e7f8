#!/usr/bin/env python3
"""Expected input-output multipliers for issue 17, computed independently of the Swift code.

Reads the four ILLUSTRATIVE national tables of Scenarios/io/ (flows, USD million) and the
growth-triangle regions (figures copied below from
Scenarios/fergana-batken-sughd-growth-triangle.yaml), regionalises each table with Flegg's
location quotient (FLQ) and prints Type I and Type II (household closure) multipliers per direct
unit, as the `multiplier` rows the `employment` evaluator writes. Run from anywhere:

    python3 Tests/Fixtures/io/expected_multipliers.py

Only numpy is needed. All numbers are printed with 6 significant digits.
"""
import csv
import os
import numpy as np

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".."))
SECTORS = ["agriculture", "textiles", "machinery", "rest"]
TABLES = {"KZ": "kazakhstan-2022.csv", "KG": "kyrgyzstan-2022.csv", "UZ": "uzbekistan-2022.csv", "TJ": "tajikistan-2022.csv"}

# The growth triangle's regions: labour_force, unemployment_rate and sector employment (persons)
# of agriculture, textiles, machinery, as in the scenario file.
REGIONS = {
    "fergana": dict(country="UZ", labour_force=1_700_000, unemployment_rate=0.09, employment=[420_000, 110_000, 40_000]),
    "batken": dict(country="KG", labour_force=220_000, unemployment_rate=0.08, employment=[90_000, 8_000, 2_000]),
    "sughd": dict(country="TJ", labour_force=1_100_000, unemployment_rate=0.10, employment=[350_000, 60_000, 12_000]),
}


def g(v):
    """6 significant digits."""
    return f"{v:.6g}"


def read_table(name):
    """Step 1: coefficients from a flows CSV (rows sell, columns buy)."""
    with open(os.path.join(ROOT, "Scenarios", "io", name), encoding="utf-8") as f:
        rows = {r[0]: r[1:] for r in csv.reader(f)}
    assert rows["sector"][:4] == SECTORS and rows["sector"][4:] == ["household_consumption", "final_demand"]
    num = lambda label: np.array([float(v) for v in rows[label][:4]])
    Z = np.array([[float(v) for v in rows[s][:4]] for s in SECTORS])
    hhc = np.array([float(rows[s][4]) for s in SECTORS])
    x, li, va, jobs = num("gross_output"), num("labour_income"), num("value_added"), num("employment")
    hi = li.sum()  # household income = total labour income (the YAML key household_income)
    return dict(A=Z / x[None, :],  # A_ij = Z_ij / x_j
                e=jobs / x,        # jobs per USD m of output
                h=li / x, v=va / x,
                c=hhc / hi,        # household purchases of domestic output per unit of household income
                NE=jobs, HI=hi)


def multipliers(t, A, c):
    """Steps 4-5: per-direct-unit multipliers (output: per unit of final demand)."""
    n = len(SECTORS)
    I = np.eye(n)
    L = np.linalg.inv(I - A)                      # Type I
    B = np.linalg.inv(I - A - np.outer(c, t["h"]))  # Type II: household closure, a_hh = 0
    assert (L >= 0).all() and (B >= 0).all(), "not productive"
    m = {"output": (L.sum(0), B.sum(0))}
    for key, coef in (("employment", t["e"]), ("labour_income", t["h"]), ("value_added", t["v"])):
        m[key] = (coef @ L / coef, coef @ B / coef)
    m["jobs_per_usd_m_final_demand"] = (t["e"] @ L, t["e"] @ B)  # RIMS II final-demand form, for reference
    return m


def regionalise(t, region, delta):
    """Steps 2-3: FLQ with the household column treated as a buyer with LQ 1."""
    tre = region["labour_force"] * (1 - region["unemployment_rate"])
    re = np.array(region["employment"] + [tre - sum(region["employment"])], float)
    ne, tne = t["NE"], t["NE"].sum()
    slq = (re / tre) / (ne / tne)
    lam = np.log2(1 + tre / tne) ** delta
    flq = lam * slq[:, None] / slq[None, :]          # CILQ_ij * lambda*, i selling, j buying
    np.fill_diagonal(flq, lam * slq)                 # diagonal: SLQ_i * lambda*
    A_r = t["A"] * np.minimum(flq, 1)
    c_r = t["c"] * np.minimum(1, slq * lam)          # h, e, v stay national
    return A_r, c_r, re, tre, tne, slq, lam


def show(m, weights=None):
    for key in ("output", "employment", "labour_income", "value_added", "jobs_per_usd_m_final_demand"):
        for k, label in ((0, "type_i"), (1, "type_ii")):
            vals = [g(v) for v in m[key][k]]
            extra = ""
            if key == "employment" and weights is not None:  # step 6: sector "all", RE-weighted
                extra = f"  all {g(np.average(m[key][k], weights=weights))}"
            print(f"  {key:28s} {label:8s} " + "  ".join(f"{v:>8s}" for v in vals) + extra)


tables = {code: read_table(name) for code, name in TABLES.items()}
print("Order of sectors:", ", ".join(SECTORS))
print("\n== National (unregionalised) multipliers per direct unit (output: per unit of final demand) ==")
for code, t in tables.items():
    print(f"\n{code}  household_income = {g(t['HI'])} USD m;  c = {', '.join(g(v) for v in t['c'])}  (sum {g(t['c'].sum())})")
    print(f"  column sums of A: {', '.join(g(v) for v in t['A'].sum(0))}")
    show(multipliers(t, t["A"], t["c"]))

for delta in (0.25, 0.15, 0.35):
    print(f"\n== Regional multipliers (FLQ), delta = {delta} ==")
    for name, region in REGIONS.items():
        t = tables[region["country"]]
        A_r, c_r, re, tre, tne, slq, lam = regionalise(t, region, delta)
        print(f"\n{name} ({region['country']} table)  TRE = {g(tre)}  TNE = {g(tne)}  TRE/TNE = {g(tre / tne)}  lambda* = {g(lam)}")
        print(f"  RE = {', '.join(g(v) for v in re)};  SLQ = {', '.join(g(v) for v in slq)}")
        print(f"  column sums of A_r: {', '.join(g(v) for v in A_r.sum(0))};  c_r = {', '.join(g(v) for v in c_r)}")
        show(multipliers(t, A_r, c_r), weights=re)
