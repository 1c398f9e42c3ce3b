"""examples/analyst/at_scale.py: its rows, and the Dask and Spark engines give
the local engine's findings, rule for rule."""

from __future__ import annotations

import pathlib
import shutil
import subprocess
import sys

import pytest

pytest.importorskip("pyarrow", reason="at_scale.py needs pyarrow (test.sh installs it)")
pytest.importorskip("pandas", reason="at_scale.py needs pandas (test.sh installs it)")

ROOT = pathlib.Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "examples" / "analyst" / "at_scale.py"
sys.path.insert(0, str(SCRIPT.parent))

import at_scale  # noqa: E402

ROWS = 3000


@pytest.fixture(scope="module")
def rows():
    return at_scale.make_rows(ROWS, seed=11)


@pytest.fixture(scope="module")
def local(rows):
    run = at_scale.run_local(rows)
    return run.counts, run.summary


def as_dict(counts):
    return {(r.rule, r.family, r.bucket): int(r.findings) for r in counts.itertuples()}


def test_rows_are_seeded_varied_and_some_have_findings(rows, local):
    assert rows.num_rows == ROWS
    assert at_scale.make_rows(200, seed=11) == rows.slice(0, 200)
    assert at_scale.make_rows(200, seed=12) != rows.slice(0, 200)
    texts = rows.column("text").to_pylist()
    assert len(set(texts)) > ROWS // 10
    assert {"policy", "survey"} == set(rows.column("source").to_pylist())
    counts, summary = local
    with_findings = sum(1 for v, r in zip(summary.column("violations").to_pylist(),
                                          summary.column("needs_review").to_pylist()) if (v or 0) + (r or 0))
    assert ROWS // 10 < with_findings < ROWS * 9 // 10
    # The blank answers come back as error rows, one per NULL_EVERY rows.
    assert summary.column("error").null_count == ROWS - ROWS // at_scale.NULL_EVERY
    assert len(counts) >= 6 and set(counts["family"]) == {"language"}


def test_dask_map_partitions_finds_what_the_local_engine_finds(rows, local):
    pytest.importorskip("dask", reason="the Dask engine needs dask[distributed] (test.sh installs it)")
    pytest.importorskip("distributed", reason="the Dask engine needs dask[distributed]")
    run = at_scale.run_dask(rows, partitions=4)
    counts = run.counts
    assert run.seconds > 0 and run.cpu_seconds > 0
    assert as_dict(counts) == as_dict(local[0])
    assert counts["findings"].sum() == local[0]["findings"].sum() > 0


def test_inside_a_dask_task_the_default_is_one_thread():
    pytest.importorskip("distributed", reason="needs dask[distributed]")
    from dask.distributed import Client, LocalCluster

    from dueregard import _arrow

    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        assert client.submit(_arrow._threads, None).result() == 1
        assert client.submit(_arrow._threads, 8).result() == min(8, _arrow._cores())
    assert _arrow._threads(None) == _arrow._cores()  # and outside it, every core


def test_spark_map_in_arrow_finds_what_the_local_engine_finds(rows, local):
    pytest.importorskip("pyspark", reason="the Spark engine needs pyspark (test.sh installs it)")
    if shutil.which("java") is None:
        pytest.skip("Spark needs Java, and there is none on PATH: install openjdk-17-jre-headless "
                    "(bindings-python/test.sh does, as root)")

    def threads_by_default(batches):  # nested, so it travels to Spark's workers by value
        import pyarrow as pa

        from dueregard import _arrow

        for _ in batches:
            yield pa.RecordBatch.from_pydict({"threads": [_arrow._threads(None)]})

    spark = at_scale.spark_session()
    try:
        run = at_scale.run_spark(rows, partitions=3, spark=spark)
        # Inside a Spark task check_arrow's default is one thread: Spark already
        # runs a task per core.
        probe = spark.range(2).mapInArrow(threads_by_default, "threads long").collect()
    finally:
        spark.stop()
    assert run.seconds > 0
    assert as_dict(run.counts) == as_dict(local[0])
    assert run.counts["findings"].sum() == local[0]["findings"].sum() > 0
    assert {row.threads for row in probe} == {1}


def test_the_script_prints_documents_per_second():
    run = subprocess.run(
        [sys.executable, str(SCRIPT), "--engine", "local", "--rows", "2500"],
        capture_output=True, text=True, timeout=300,
    )
    assert run.returncode == 0, run.stderr
    assert "documents per second" in run.stdout
    assert "term-gendered-greetings" in run.stdout
    assert "2 could not be checked" in run.stdout  # rows 996 and 1993 are blank
