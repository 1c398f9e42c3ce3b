#!/usr/bin/env python3
"""Throughput of the Python binding against the Rust core alone (a benchmark, not a test).

Makes 1,000 example-sized drafts (the JSON examples in examples/drafts/, each
copied with its own title), then times:

  * checker.check_many(drafts, threads=1) and threads=2, drafts as JSON text;
  * the same with drafts as dicts (adds json.dumps in Python);
  * a Python loop of checker.check(draft);
  * check_many plus decoding every report to str (reports decode lazily);
  * the core alone: bindings-python/benches/core_check.rs calls
    dueregard::json_api::check, the call the binding makes, over the same
    drafts on 1 and 2 threads.

Rounds alternate between the core and the binding, so a busy moment on a
shared machine hits both alike; each figure is the best of its rounds (wall
time, and for one thread also that thread's CPU time).

With --instructions it also counts instructions executed, with valgrind, for
the core alone and for check_many on one thread: a figure for the binding's
overhead that does not move when other work shares the machine.

Run right after bindings-python/test.sh has built and installed the wheel, so
the wheel and the core benchmark are built from the same core source:

    .venv-python/fresh/bin/python bindings-python/bench.py [--rounds N] [--instructions]
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import subprocess
import sys
import time

import dueregard

ROOT = pathlib.Path(__file__).resolve().parents[1]
N = 1000


def make_drafts() -> list[str]:
    examples = sorted((ROOT / "examples" / "drafts").glob("*.json"))
    base = [json.loads(p.read_text(encoding="utf-8")) for p in examples]
    drafts = []
    for i in range(N):
        d = dict(base[i % len(base)])
        d["title"] = f"{d['title']} (copy {i})"
        drafts.append(json.dumps(d, ensure_ascii=False))
    return drafts


def timed(f) -> tuple[float, float]:
    """Wall time and this thread's CPU time of one call."""
    start, cpu = time.perf_counter(), time.thread_time()
    f()
    return time.perf_counter() - start, time.thread_time() - cpu


def core_bench_executable() -> str:
    """Builds bindings-python/benches/core_check.rs (bench profile) and returns its path."""
    run = subprocess.run(
        ["cargo", "bench", "-q", "-p", "dueregard-python", "--bench", "core_check",
         "--no-run", "--message-format=json"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    if run.returncode != 0:
        sys.exit(f"building the core benchmark failed:\n{run.stderr}")
    for line in run.stdout.splitlines():
        msg = json.loads(line)
        if (
            msg.get("reason") == "compiler-artifact"
            and msg.get("executable")
            and msg["target"]["name"] == "core_check"
        ):
            return msg["executable"]
    sys.exit("cargo did not say where the core benchmark is")


def core_round(exe: str, jsonl: pathlib.Path) -> dict:
    run = subprocess.run([exe, str(jsonl), "1"], capture_output=True, text=True, check=False)
    if run.returncode != 0:
        sys.exit(f"the core benchmark failed:\n{run.stderr}")
    return json.loads(run.stdout.strip().splitlines()[-1])


def count_instructions(command: list[str]) -> int:
    """Instructions the command executes, counted by valgrind's callgrind."""
    run = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    for line in run.stderr.splitlines():
        if "Collected :" in line:
            return int(line.split(":")[-1])
    sys.exit(f"valgrind counted nothing for {command}:\n{run.stderr[-2000:]}")


def instructions(drafts: list[str]) -> None:
    """Binding overhead in instructions executed: repeatable whatever else the
    machine is doing. Each side runs with no drafts and with the 1,000, and the
    difference is the cost of checking them."""
    exe = core_bench_executable()
    out_dir = ROOT / "target" / "python-bench"
    out_dir.mkdir(parents=True, exist_ok=True)
    full, empty = out_dir / "drafts.jsonl", out_dir / "empty.jsonl"
    full.write_text("\n".join(drafts) + "\n", encoding="utf-8")
    empty.write_text("", encoding="utf-8")
    # The core benchmark checks every draft 4 times (warm-up and 1 round, on 1 and 2 threads).
    core = (count_instructions([exe, str(full), "1"]) - count_instructions([exe, str(empty), "1"])) / 4
    me = [sys.executable, str(pathlib.Path(__file__).resolve()), "--one"]
    base = count_instructions([*me, "0"])
    binding = count_instructions([*me, str(N)]) - base
    decoded = count_instructions([*me, str(N), "--decode"]) - base
    print(f"\ninstructions per draft (valgrind), {N} drafts, 1 thread:")
    print(f"{'core alone (json_api::check)':42} {core / N:12,.0f}")
    print(f"{'python check_many (JSON text)':42} {binding / N:12,.0f}  {100 * (binding / core - 1):+.1f}%")
    print(f"{'python check_many + to_json() each':42} {decoded / N:12,.0f}  {100 * (decoded / core - 1):+.1f}%")


def one(n: int, decode: bool) -> None:
    """Checks the first n drafts once (after the same one-draft warm-up)."""
    drafts = make_drafts()
    checker = dueregard.Checker()
    checker.check_many(drafts[:1], threads=1)
    reports = checker.check_many(drafts[:n], threads=1)
    if decode:
        for r in reports:
            r.to_json()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument(
        "--instructions", action="store_true",
        help="also count instructions with valgrind (slow, but repeatable on a busy machine)",
    )
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--decode", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one is not None:
        return one(args.one, args.decode)
    drafts = make_drafts()
    dicts = [json.loads(d) for d in drafts]
    checker = dueregard.Checker()
    size = sum(len(d.encode()) for d in drafts) / len(drafts)
    print(f"{N} drafts, {size / 1024:.1f} KiB each on average; {os.cpu_count()} CPUs; "
          f"best of {args.rounds} rounds")

    # The binding's reports must be the core's: spot-check before timing.
    assert checker.check_many(drafts[:10], threads=2) == [checker.check(d) for d in drafts[:10]]

    cases = {
        "check_many threads=1 (JSON text)": lambda: checker.check_many(drafts, threads=1),
        "check_many threads=2 (JSON text)": lambda: checker.check_many(drafts, threads=2),
        "check_many threads=1 (dicts)": lambda: checker.check_many(dicts, threads=1),
        "check_many threads=2 (dicts)": lambda: checker.check_many(dicts, threads=2),
        "loop of check (JSON text)": lambda: [checker.check(d) for d in drafts],
        "check_many threads=2 + to_json() each": lambda: [
            r.to_json() for r in checker.check_many(drafts, threads=2)
        ],
    }
    exe = core_bench_executable()
    out_dir = ROOT / "target" / "python-bench"
    out_dir.mkdir(parents=True, exist_ok=True)
    jsonl = out_dir / "drafts.jsonl"
    jsonl.write_text("\n".join(drafts) + "\n", encoding="utf-8")

    for f in cases.values():
        f()  # warm up
    inf = float("inf")
    best = {name: (inf, inf) for name in cases}
    core1 = core1_cpu = core2 = inf
    for _ in range(args.rounds):
        c = core_round(exe, jsonl)
        core1 = min(core1, c["threads_1"]["seconds"])
        core1_cpu = min(core1_cpu, c["threads_1"]["cpu_seconds"])
        core2 = min(core2, c["threads_2"]["seconds"])
        for name, f in cases.items():
            wall, cpu = timed(f)
            best[name] = (min(best[name][0], wall), min(best[name][1], cpu))

    print(f"\n{'':42} {'wall s':>7} {'drafts/s':>9} {'CPU s':>7}")
    print(f"{'core alone, 1 thread':42} {core1:7.3f} {N / core1:9.0f} {core1_cpu:7.3f}")
    print(f"{'core alone, 2 threads':42} {core2:7.3f} {N / core2:9.0f}")
    for name, (wall, cpu) in best.items():
        # This thread's CPU time is the whole cost only when it did all the work.
        cpu_text = "" if "threads=2" in name else f"{cpu:7.3f}"
        print(f"{'python ' + name:42} {wall:7.3f} {N / wall:9.0f} {cpu_text}")
    t1, t1_cpu = best["check_many threads=1 (JSON text)"]
    t2, _ = best["check_many threads=2 (JSON text)"]
    print()
    print(f"binding overhead, 1 thread:  {100 * (t1 / core1 - 1):+.1f}% wall, "
          f"{100 * (t1_cpu / core1_cpu - 1):+.1f}% CPU, over the core")
    print(f"binding overhead, 2 threads: {100 * (t2 / core2 - 1):+.1f}% wall, over the core")
    print(f"check_many speed-up, 2 threads over 1: {t1 / t2:.2f}x "
          f"(core alone: {core1 / core2:.2f}x)")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"load average at the end: {load:.2f} (times mean most on an idle machine)")
    if args.instructions:
        instructions(drafts)


if __name__ == "__main__":
    main()
