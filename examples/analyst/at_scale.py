#!/usr/bin/env python3
"""Checking many short texts at once: policy passages and survey comments, with dueregard.

Builds N realistic rows (short policy passages and free-text survey comments,
varied from templates with a seeded random generator; some have findings, some
have none, a few have no text at all) and checks them with one of three engines:

  local   Checker.check_arrow on the whole table, in this process
  dask    Dask map_partitions on a LocalCluster (2 workers, in this process),
          check_arrow on each partition with a Checker built once per partition
  spark   PySpark mapInArrow in local mode (local[2]), with a Checker built once
          per partition (needs Java 17: Debian's openjdk-17-jre-headless)

Each prints documents per second (the checking only: not building the rows,
nor starting the cluster) and the findings per rule.

    python examples/analyst/at_scale.py --engine local --rows 200000
    python examples/analyst/at_scale.py --engine dask --rows 100000
    python examples/analyst/at_scale.py --engine spark --rows 100000

Needs the dueregard wheel and pyarrow; dask[distributed] and pandas for dask;
pyspark for spark (bindings-python/requirements-test.txt pins the versions the
tests use).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator, Optional, Tuple

import pyarrow as pa

import dueregard

if TYPE_CHECKING:  # pragma: no cover
    import pandas

# %% The rows: templates an ICS might see, filled in by a seeded generator.

POLICY = [
    "Staff may take up to {days} days' paid leave on the death of their {relative}.",
    "The line manager will ask whether {pronoun} needs a phased return after {event}.",
    "{greeting}, thank you for attending the {team} staff network meeting.",
    "Patients are asked to state their {question} on the registration form.",
    "Our service welcomes {group} and their families.",
    "{parents} can attend the antenatal class on {day}.",
    "The patient {condition} and will be seen by the {team} team.",
    "{ethnicity} staff are invited to join the race equality network.",
    "Visitors are limited to one {visitor} per patient on {ward} ward.",
    "Next of kin: {kin}.",
]
COMMENTS = [
    "The nurse on {ward} ward was kind and explained everything {feeling}",
    "I was asked if I had a {visitor}, which felt awkward {feeling}",
    "Reception called me '{title}' twice even after I corrected them {feeling}",
    "Staff used my correct pronouns, thank you {emoji}",
    "Naïve question: is there a gender-neutral toilet near {ward} ward?",
    "The café staff were lovely and the leaflet on {topic} was clear {emoji}",
    "My {relative} was made to feel welcome at every appointment",
    "{greeting}! The {team} team were brilliant {emoji}",
]
FILL = {
    "days": ["3", "5", "10"],
    "relative": ["husband or wife", "spouse or partner", "partner", "husband", "civil partner"],
    "pronoun": ["he or she", "they", "the employee", "he/she", "s/he"],
    "event": ["sick leave", "parental leave", "a bereavement"],
    "greeting": ["Dear Ladies and Gentlemen", "Dear colleagues", "Hello all", "Dear Sir/Madam"],
    "team": ["Pride", "perinatal", "outpatients", "sexual health"],
    "question": ["sexual orientation", "preferred pronouns", "pronouns", "marital status", "gender"],
    "group": ["LGBTQ+ people", "transgenders", "homosexuals", "same-sex couples", "everyone"],
    "parents": ["Mothers and fathers", "Parents", "Birthing parents and partners"],
    "day": ["Mondays", "Thursdays"],
    "condition": ["suffers from schizophrenia", "has schizophrenia", "is wheelchair-bound", "uses a wheelchair"],
    "ethnicity": ["BAME", "Black and minority ethnic", "Ethnic minority"],
    "visitor": ["boyfriend/girlfriend or family member", "partner", "friend"],
    "ward": ["Elm", "Birch", "Rowan"],
    "kin": ["husband, wife", "anyone you choose", "nearest relative"],
    # Combining marks and emoji, so code-point offsets are exercised at scale.
    "feeling": ["😊", "🙂", "", "🏳️‍🌈", "(trés bien, e\u0301)"],
    "title": ["sir", "madam", "Mr", "Mrs"],
    "emoji": ["👍", "😊", "🏳️‍⚧️", ""],
    "topic": ["PrEP", "HRT", "cervical screening"],
}
#: One row in this many has no text (a blank survey answer): an error row, not an exception.
NULL_EVERY = 997


def make_rows(n: int, seed: int = 7) -> pa.Table:
    """`n` rows: id (int64), source (`policy` or `survey`), text (null now and then)."""
    rng = random.Random(seed)
    texts = []
    sources = []
    for i in range(n):
        survey = rng.random() < 0.6
        template = rng.choice(COMMENTS if survey else POLICY)
        text = template.format(**{k: rng.choice(v) for k, v in FILL.items()})
        if not survey and rng.random() < 0.3:
            # Policy passages run to a few sentences.
            text += " " + rng.choice(POLICY).format(**{k: rng.choice(v) for k, v in FILL.items()})
        texts.append(None if i % NULL_EVERY == NULL_EVERY - 1 else text)
        sources.append("survey" if survey else "policy")
    return pa.table(
        {
            "id": pa.array(range(n), pa.int64()),
            "source": pa.array(sources, pa.string()),
            "text": pa.array(texts, pa.string()),
        }
    )


def rule_counts(findings) -> "pandas.DataFrame":
    """Findings per rule (a pandas frame: rule, family, bucket, findings), from
    an Arrow table or a pandas frame of findings."""
    import pandas as pd

    frame = findings.to_pandas() if isinstance(findings, pa.Table) else findings
    cols = ["rule", "family", "bucket"]
    if len(frame) == 0:
        return pd.DataFrame(columns=[*cols, "findings"])
    return sorted_counts(frame.groupby(cols, observed=True).size().rename("findings").reset_index())


# %% Engines: each returns a Run: the findings per rule and the time spent checking.


@dataclass
class Run:
    counts: "pandas.DataFrame"  #: findings per rule: rule, family, bucket, findings
    seconds: float  #: wall time of the checking
    cpu_seconds: Optional[float] = None  #: CPU time of this process (all threads), where the work is here
    summary: Optional[pa.Table] = None  #: local: the per-row summary


def run_local(table: pa.Table, threads: Optional[int] = None) -> Run:
    checker = dueregard.Checker()
    wall, cpu = time.perf_counter(), time.process_time()
    findings, summary = checker.check_arrow(table, threads=threads)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return Run(rule_counts(findings), wall, cpu, summary)


def check_partition(part: "pandas.DataFrame") -> "pandas.DataFrame":
    """One Dask partition in, its findings out (a Checker per partition, not per row)."""
    checker = dueregard.Checker()
    table = pa.Table.from_pandas(part, preserve_index=False)
    findings, _ = checker.check_arrow(table)  # 1 thread inside a Dask task by default
    return findings.to_pandas()


def run_dask(table: pa.Table, partitions: int = 8, workers: int = 2) -> Run:
    import dask
    import dask.dataframe as dd
    from dask.distributed import Client, LocalCluster

    meta = dueregard.findings_schema(table.schema.field("id").type).empty_table().to_pandas()
    # Workers are threads in this process (processes=False): check_arrow releases
    # the GIL, so two one-thread workers check on both cores with no copying
    # between processes.
    with dask.config.set({"dataframe.convert-string": False}), LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster, Client(cluster):
        frame = dd.from_pandas(table.to_pandas(), npartitions=partitions)
        findings = frame.map_partitions(check_partition, meta=meta)
        counts = findings.groupby(["rule", "family", "bucket"]).size()
        wall, cpu = time.perf_counter(), time.process_time()
        counts = counts.compute()
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    counts = counts.rename("findings").reset_index()
    return Run(sorted_counts(counts), wall, cpu)


def check_batches(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """One Spark partition's Arrow batches in, its findings out (a Checker per partition)."""
    checker = dueregard.Checker()
    for batch in batches:
        findings, _ = checker.check_arrow(batch)  # 1 thread inside a Spark task by default
        yield from findings.to_batches()


def spark_session(cores: int = 2):
    # Spark's Python workers must be this interpreter, which has dueregard.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.master(f"local[{cores}]")
        .appName("dueregard-at-scale")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", str(cores))
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def run_spark(table: pa.Table, partitions: int = 8, spark=None) -> Run:
    """The checking runs in Spark's Python worker processes, so only wall time is measured."""
    from pyspark.sql.pandas.types import from_arrow_schema

    module = sys.modules[check_batches.__module__]
    if module.__name__ != "__main__":
        # Spark's workers cannot import this script: send its functions by value.
        from pyspark import cloudpickle

        cloudpickle.register_pickle_by_value(module)
    own = spark is None
    spark = spark or spark_session()
    try:
        schema = from_arrow_schema(dueregard.findings_schema(table.schema.field("id").type))
        frame = spark.createDataFrame(table.to_pandas()).repartition(partitions).cache()
        frame.count()  # the rows are in Spark before the clock starts
        findings = frame.mapInArrow(check_batches, schema)
        wall = time.perf_counter()
        counts = findings.groupBy("rule", "family", "bucket").count().toPandas()
        wall = time.perf_counter() - wall
        frame.unpersist()
    finally:
        if own:
            spark.stop()
    return Run(sorted_counts(counts.rename(columns={"count": "findings"})), wall)


def sorted_counts(counts: "pandas.DataFrame") -> "pandas.DataFrame":
    cols = ["rule", "family", "bucket"]
    counts[cols] = counts[cols].astype(str)
    counts["findings"] = counts["findings"].astype("int64")
    return counts.sort_values(["findings", "rule"], ascending=[False, True], ignore_index=True)


# %% The command


def main(argv: Optional[list] = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", choices=["local", "dask", "spark"], default="local")
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--threads", type=int, default=None, help="local: threads (default: every core)")
    parser.add_argument("--partitions", type=int, default=None, help="dask and spark (default: rows / 12,500, at least 2)")
    args = parser.parse_args(argv)
    if args.rows < 1:
        parser.error("--rows must be at least 1")
    partitions = args.partitions or max(2, args.rows // 12_500)

    table = make_rows(args.rows, args.seed)
    print(f"{args.rows:,} rows ({sum(1 for s in table.column('source').to_pylist() if s == 'survey'):,} "
          f"survey comments, the rest policy passages); engine {args.engine}")
    if args.engine == "local":
        run = run_local(table, args.threads)
        summary = run.summary
        errors = summary.column("error").drop_null()
        blocked = sum(1 for g in summary.column("passes_gate").to_pylist() if g is False)
        counts = zip(summary.column("violations").to_pylist(), summary.column("needs_review").to_pylist())
        with_findings = sum(1 for v, r in counts if (v or 0) + (r or 0) > 0)
        detail = (f"{with_findings:,} rows with findings, {blocked:,} would fail an approval gate, "
                  f"{len(errors):,} could not be checked ({errors[0].as_py() if len(errors) else '-'})")
    elif args.engine == "dask":
        run = run_dask(table, partitions)
        detail = f"{partitions} partitions on a LocalCluster of 2 one-thread workers"
    else:
        run = run_spark(table, partitions)
        detail = f"{partitions} partitions on Spark local[2]"

    print(f"checked in {run.seconds:.2f} s: {args.rows / run.seconds:,.0f} documents per second")
    if run.cpu_seconds:
        print(f"CPU time {run.cpu_seconds:.2f} s in this process: "
              f"{args.rows / run.cpu_seconds:,.0f} documents per CPU-second")
    if hasattr(os, "getloadavg"):
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs "
              "(wall times mean most on an idle machine)")
    print(detail)
    counts = run.counts
    total = int(counts["findings"].sum()) if len(counts) else 0
    print(f"\n{total:,} findings; per rule:")
    print(counts.to_string(index=False))


if __name__ == "__main__":
    main()
