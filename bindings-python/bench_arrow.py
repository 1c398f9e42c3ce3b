#!/usr/bin/env python3
"""check_arrow against check_many on the same texts (a benchmark, not a test).

Makes N rows (default 100,000) with examples/analyst/at_scale.py's generator
(short policy passages and survey comments; about a quarter have findings),
leaves out its few null rows so both calls see the same texts, and times:

  * checker.check_arrow(table, threads=1) and threads=2: findings and summary tables;
  * checker.check_many(drafts, threads=1) and threads=2, each text as a
    one-section JSON draft made beforehand (not timed): a list of Reports,
    parsed lazily, so this is check_many's lower bound;
  * check_many threads=2 plus turning its reports into a findings table like
    check_arrow's (what it takes to get the same answer from check_many).

Each figure is the best of its rounds, as wall time and as the process's CPU
time (all threads): on a shared machine wall time moves with the load, CPU
time much less. Documents per second are rows / seconds.

Run after bindings-python/test.sh has built and installed the wheel:

    .venv-python/fresh/bin/python bindings-python/bench_arrow.py [--rows N] [--rounds R]
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import sys
import time

import pyarrow as pa

import dueregard

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "examples" / "analyst"))

from at_scale import make_rows  # noqa: E402


def timed(f) -> tuple:
    """Wall time and the process's CPU time (every thread) of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    f()
    return time.perf_counter() - wall, time.process_time() - cpu


def findings_from_reports(reports, ids) -> pa.Table:
    """check_many's reports as a findings table shaped like check_arrow's."""
    rows = {k: [] for k in ("id", "rule", "severity", "bucket", "elements", "message", "start", "end")}
    for doc, report in zip(ids, reports):
        data = report.to_dict()
        for bucket in ("violations", "needs_review"):
            for f in data[bucket]:
                span = f["location"].get("span")
                rows["id"].append(doc)
                rows["rule"].append(f["rule"])
                rows["severity"].append(f["severity"])
                rows["bucket"].append(bucket)
                rows["elements"].append(f["elements"])
                rows["message"].append(f["message"])
                rows["start"].append(span["char_start"] if span else None)
                rows["end"].append(span["char_end"] if span else None)
    return pa.table(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    table = make_rows(args.rows)
    table = table.filter(pa.compute.is_valid(table.column("text")))
    n = table.num_rows
    texts = table.column("text").to_pylist()
    ids = table.column("id").to_pylist()
    drafts = [
        json.dumps({"title": f"row {i}", "sections": [{"id": "text", "text": t}]}, ensure_ascii=False)
        for i, t in zip(ids, texts)
    ]
    checker = dueregard.Checker()
    size = sum(len(t.encode()) for t in texts) / n
    print(f"{n:,} rows, {size:.0f} bytes of text each on average; {os.cpu_count()} CPUs; "
          f"best of {args.rounds} rounds")

    # Same answer before timing: every row's findings agree in number.
    findings, summary = checker.check_arrow(table.slice(0, 2000))
    reports = checker.check_many(drafts[:2000])
    expected = sum(r.summary.violations + r.summary.needs_review for r in reports)
    assert findings.num_rows == expected, (findings.num_rows, expected)

    cases = {
        "check_arrow threads=1": lambda: checker.check_arrow(table, threads=1),
        "check_arrow threads=2": lambda: checker.check_arrow(table, threads=2),
        "check_many threads=1": lambda: checker.check_many(drafts, threads=1),
        "check_many threads=2": lambda: checker.check_many(drafts, threads=2),
        "check_many threads=2 + findings table": lambda: findings_from_reports(
            checker.check_many(drafts, threads=2), ids
        ),
    }
    inf = float("inf")
    best = {name: (inf, inf) for name in cases}
    for _ in range(args.rounds):
        for name, f in cases.items():
            wall, cpu = timed(f)
            best[name] = (min(best[name][0], wall), min(best[name][1], cpu))

    print(f"\n{'':40} {'wall s':>7} {'docs/s':>8} {'CPU s':>7} {'docs/CPU s':>10}")
    for name, (wall, cpu) in best.items():
        print(f"{name:40} {wall:7.2f} {n / wall:8,.0f} {cpu:7.2f} {n / cpu:10,.0f}")
    for t in (1, 2):
        arrow, many = best[f"check_arrow threads={t}"], best[f"check_many threads={t}"]
        print(f"threads={t}: check_arrow is {many[0] / arrow[0]:.2f}x check_many's speed "
              f"(wall), {many[1] / arrow[1]:.2f}x (CPU)")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"load average at the end: {load:.2f} (times mean most on an idle machine)")


if __name__ == "__main__":
    main()
