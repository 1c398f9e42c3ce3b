"""Checker.check_arrow: the same findings as check_text and check_many, offsets
in code points, bad rows as rows, the published schemas, threads capped."""

from __future__ import annotations

import json
import os
import pickle
import sys
import types

import pytest

pa = pytest.importorskip("pyarrow", reason="check_arrow needs pyarrow (test.sh installs it)")

import dueregard  # noqa: E402
from dueregard import _arrow  # noqa: E402

# Emoji (one code point, and ZWJ sequences of several), combining marks, CJK and
# plain ASCII, before and between findings, so byte, UTF-16 and code-point
# offsets all differ.
TEXTS = [
    "Ask if he or she needs leave.",
    "👩🏽‍⚕️ Dear Ladies and Gentlemen, the 🏳️‍⚧️ network meets today.",
    "Cafe\u0301 staff: leave on the death of a husband or wife. 日本語 he/she may apply.",
    "Nothing to see here 😊",
    "",
    "e\u0301e\u0301e\u0301 BAME staff and the elderly; 🙂 mothers and fathers are welcome.",
    "Our service welcomes transgenders. 👍🏿👍🏿 He committed suicide.",
]


def table_of(texts, ids=None, **extra):
    ids = list(range(len(texts))) if ids is None else ids
    return pa.table({"id": ids, "text": pa.array(texts, pa.string()), **extra})


def rows_by_id(findings):
    out = {}
    for row in findings.to_pylist():
        out.setdefault(row["id"], []).append(row)
    return out


def expected_rows(report):
    """A report's findings as check_arrow's rows (without id and family)."""
    rows = []
    for bucket in ("violations", "needs_review"):
        for f in report.to_dict()[bucket]:
            span = f["location"].get("span")
            rows.append(
                {
                    "rule": f["rule"],
                    "severity": f["severity"],
                    "bucket": bucket,
                    "elements": f["elements"],
                    "message": f["message"],
                    "start": span["char_start"] if span else None,
                    "end": span["char_end"] if span else None,
                }
            )
    return rows


def without(row, *keys):
    return {k: v for k, v in row.items() if k not in keys}


# -- the same findings as the other ways in ---------------------------------------


def test_findings_equal_check_text_row_by_row_with_code_point_offsets(checker):
    findings, summary = checker.check_arrow(table_of(TEXTS))
    got = rows_by_id(findings)
    assert findings.num_rows >= 8
    for i, text in enumerate(TEXTS):
        report = checker.check_text(text)
        assert [without(r, "id", "family") for r in got.get(i, [])] == expected_rows(report), text
        data = report.to_dict()
        # An empty row's finding (draft-almost-empty) is about the whole text: no span.
        spans = [f["location"].get("span") for b in ("violations", "needs_review") for f in data[b]]
        assert (text == "") == any(span is None for span in spans), text
        for row, span in zip(got.get(i, []), spans):
            if span is None:
                continue
            # Python's own slicing by the offsets gives exactly the bytes the core found.
            assert text[row["start"] : row["end"]].encode() == text.encode()[span["start"] : span["end"]]
    # The offsets differ from byte and UTF-16 offsets on these texts: a real test of code points.
    row = got[1][0]
    assert TEXTS[1][row["start"] : row["end"]] == "Ladies and Gentlemen"
    assert row["start"] != TEXTS[1].encode().index(b"Ladies")
    assert row["start"] != TEXTS[1].encode("utf-16-le").index("Ladies".encode("utf-16-le")) // 2
    combining = got[2]
    assert any(TEXTS[2][r["start"] : r["end"]] == "he/she" for r in combining)


def test_findings_and_summary_equal_check_many_on_the_same_texts(checker):
    drafts = [
        json.dumps({"title": f"row {i}", "sections": [{"id": "text", "text": t}]})
        for i, t in enumerate(TEXTS)
    ]
    reports = checker.check_many(drafts, threads=2)
    findings, summary = checker.check_arrow(table_of(TEXTS), threads=2)
    got = rows_by_id(findings)
    for i, report in enumerate(reports):
        assert [without(r, "id", "family") for r in got.get(i, [])] == expected_rows(report)
    assert summary.to_pylist() == [
        {
            "id": i,
            "violations": r.summary.violations,
            "needs_review": r.summary.needs_review,
            "blocking": r.summary.blocking,
            "passes_gate": r.passes_gate,
            "error": None,
        }
        for i, r in enumerate(reports)
    ]
    assert findings.num_rows == sum(r.summary.violations + r.summary.needs_review for r in reports)


def test_families_come_from_rule_metadata(checker):
    findings, _ = checker.check_arrow(table_of(TEXTS))
    meta = {r["id"]: r for r in checker.rules()}
    for row in findings.to_pylist():
        assert row["family"] == dueregard.rule_family(meta[row["rule"]])
    assert set(findings.column("family").to_pylist()) == {"language"}
    assert dueregard.rule_family({"id": "eia-present"}) == "eia"
    assert dueregard.rule_family({"id": "engagement-feedback-given"}) == "eia"
    assert dueregard.rule_family({"id": "data-bare-other"}) == "data_collection"
    # Once rule metadata carries its family, the metadata wins.
    assert dueregard.rule_family({"id": "term-x", "family": "other_family"}) == "other_family"


def test_a_kind_column_applies_structural_rules_and_a_bad_kind_is_a_row_error(checker):
    kinds = pa.array(["workforce_policy", None, "memo", "other"])
    table = table_of(TEXTS[:4], kind=kinds)
    findings, summary = checker.check_arrow(table, kind_column="kind")
    eia = [r for r in findings.to_pylist() if r["rule"] == "eia-present"]
    assert [r["id"] for r in eia] == [0]
    assert eia[0]["start"] is None and eia[0]["end"] is None  # about the document, not a place
    assert eia[0]["family"] == "eia"
    errors = summary.column("error").to_pylist()
    assert errors[0] is None and errors[1] is None and errors[3] is None
    assert "memo" in errors[2] and "workforce_policy" in errors[2]
    assert 2 not in rows_by_id(findings)
    # Without the kind column, the same texts are plain text: no EIA rule.
    plain, _ = checker.check_arrow(table_of(TEXTS[:4]))
    assert "eia-present" not in plain.column("rule").to_pylist()


# -- bad rows come back as rows ----------------------------------------------------


def test_bad_rows_are_rows_with_an_error_never_an_exception(checker):
    too_big = "he or she " * (1024 * 1024 + 1)  # just over the 10 MiB limit
    texts = ["he or she", None, too_big, "ladies and gentlemen"]
    findings, summary = checker.check_arrow(table_of(texts, ids=["a", "b", "c", "d"]))
    rows = summary.to_pylist()
    assert [r["id"] for r in rows] == ["a", "b", "c", "d"]
    assert rows[0]["error"] is None and rows[0]["violations"] == 1 and rows[0]["passes_gate"] is True
    assert "null" in rows[1]["error"] and "'text'" in rows[1]["error"]
    assert "over the limit" in rows[2]["error"]
    for bad in rows[1:3]:
        assert bad["violations"] is None and bad["needs_review"] is None
        assert bad["blocking"] is None and bad["passes_gate"] is None
    assert rows[3]["error"] is None and rows[3]["violations"] == 1
    assert findings.column("id").to_pylist() == ["a", "d"]


def test_bytes_that_are_not_utf8_are_a_row_error(checker):
    column = pa.array([b"he or she", b"ok \xff", None], pa.binary())
    findings, summary = checker.check_arrow(pa.table({"id": [1, 2, 3], "text": column}))
    errors = summary.column("error").to_pylist()
    assert errors[0] is None
    assert "not valid UTF-8" in errors[1] and "offset 3" in errors[1]
    assert "null" in errors[2]
    assert findings.column("id").to_pylist() == [1]


@pytest.mark.parametrize(
    "column",
    [pa.array([1, 2, None], pa.int64()), pa.array([None, None, None], pa.null())],
    ids=["int64", "all-null"],
)
def test_a_column_that_is_not_text_gives_an_error_per_row(checker, column):
    findings, summary = checker.check_arrow(pa.table({"id": ["x", "y", "z"], "text": column}))
    assert findings.num_rows == 0
    errors = summary.column("error").to_pylist()
    assert len(errors) == 3 and all(errors)
    if pa.types.is_null(column.type):
        assert all("null" in e for e in errors)
    else:
        assert "not a string" in errors[0] and "int64" in errors[0]
        assert "null" in errors[2]


# -- the schemas -------------------------------------------------------------------


def test_tables_have_the_published_schemas(checker):
    table = table_of(TEXTS, ids=[f"doc-{i}" for i in range(len(TEXTS))])
    findings, summary = checker.check_arrow(table)
    assert findings.schema == dueregard.FINDINGS_SCHEMA
    assert summary.schema == dueregard.SUMMARY_SCHEMA
    assert findings.schema.equals(dueregard.findings_schema(pa.string()), check_metadata=True)
    assert dueregard.FINDINGS_SCHEMA.names == [
        "id", "rule", "family", "severity", "bucket", "elements", "message", "start", "end"
    ]
    assert dueregard.SUMMARY_SCHEMA.names == [
        "id", "violations", "needs_review", "blocking", "passes_gate", "error"
    ]
    findings.validate(full=True)
    summary.validate(full=True)
    # Non-nullable columns hold no nulls.
    for field in findings.schema:
        if not field.nullable:
            assert findings.column(field.name).null_count == 0, field.name


def test_ids_keep_their_type_and_none_numbers_the_rows(checker):
    table = table_of(TEXTS, ids=pa.array(range(100, 100 + len(TEXTS)), pa.int32()))
    findings, summary = checker.check_arrow(table)
    assert findings.schema == dueregard.findings_schema(pa.int32())
    assert summary.schema == dueregard.summary_schema(pa.int32())
    assert summary.column("id").to_pylist() == list(range(100, 100 + len(TEXTS)))
    numbered, summary = checker.check_arrow(pa.table({"text": TEXTS}), id_column=None)
    assert numbered.schema == dueregard.findings_schema(pa.int64())
    assert summary.column("id").to_pylist() == list(range(len(TEXTS)))
    assert numbered.column("id").to_pylist() == [x - 100 for x in findings.column("id").to_pylist()]


def test_an_empty_table_gives_empty_tables_with_the_schemas(checker):
    findings, summary = checker.check_arrow(table_of([], ids=pa.array([], pa.string())))
    assert (findings.num_rows, summary.num_rows) == (0, 0)
    assert findings.schema == dueregard.FINDINGS_SCHEMA
    assert summary.schema == dueregard.SUMMARY_SCHEMA


# -- shapes of input ---------------------------------------------------------------


def test_record_batch_chunked_and_sliced_input_give_the_same_tables(checker):
    table = table_of(TEXTS * 3)
    expected = checker.check_arrow(table)
    batch = table.combine_chunks().to_batches()[0]
    assert checker.check_arrow(batch) == expected
    chunked = pa.Table.from_batches(table.to_batches(max_chunksize=4))
    assert chunked.column("text").num_chunks > 1
    assert checker.check_arrow(chunked) == expected
    # A slice starts part-way into its buffers (a non-zero Arrow offset).
    sliced = table.slice(5, 9)
    f_sliced, s_sliced = checker.check_arrow(sliced)
    f_all, s_all = expected
    assert s_sliced.to_pylist() == s_all.slice(5, 9).to_pylist()
    assert f_sliced.to_pylist() == [r for r in f_all.to_pylist() if 5 <= r["id"] < 14]


def test_large_strings_dictionaries_and_the_capsule_interface_are_read(checker):
    expected = checker.check_arrow(table_of(TEXTS))
    large = table_of(TEXTS).cast(
        pa.schema([pa.field("id", pa.int64()), pa.field("text", pa.large_string())])
    )
    assert checker.check_arrow(large) == expected
    dictionary = pa.table({"id": range(len(TEXTS)), "text": pa.array(TEXTS).dictionary_encode()})
    assert checker.check_arrow(dictionary) == expected

    class Capsule:  # any library's table that speaks the Arrow PyCapsule interface
        def __arrow_c_stream__(self, requested_schema=None):
            return table_of(TEXTS).__arrow_c_stream__(requested_schema)

    assert checker.check_arrow(Capsule()) == expected
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"id": range(len(TEXTS)), "text": TEXTS})
    if hasattr(frame, "__arrow_c_stream__"):  # pandas 2.2 and later
        assert checker.check_arrow(frame) == expected


def test_many_slices_join_into_the_same_tables(checker, monkeypatch):
    table = table_of(TEXTS * 5)
    expected = checker.check_arrow(table)
    monkeypatch.setattr(_arrow, "SLICE_ROWS", 4)
    findings, summary = checker.check_arrow(table)
    assert findings.column("id").num_chunks > 1
    assert (findings, summary) == expected


# -- threads -----------------------------------------------------------------------


@pytest.fixture
def threads_seen(monkeypatch):
    """The threads check_arrow asks the native side for."""
    from dueregard import _native

    seen = []
    real = _native._check_text_column

    def spy(*args):
        seen.append(args[-1])
        return real(*args)

    monkeypatch.setattr(_native, "_check_text_column", spy)
    return seen


def test_threads_are_capped_at_the_cores_and_give_the_same_answer(checker, threads_seen):
    cores = len(os.sched_getaffinity(0))
    table = table_of(TEXTS * 50)
    one = checker.check_arrow(table, threads=1)
    many = checker.check_arrow(table, threads=64)
    default = checker.check_arrow(table)
    assert one == many == default
    assert threads_seen == [1, min(64, cores), cores]


def test_inside_an_executor_the_default_is_one_thread(checker, threads_seen, monkeypatch):
    fake = types.ModuleType("distributed")
    fake.get_worker = lambda: object()  # as inside a Dask worker's task
    monkeypatch.setitem(sys.modules, "distributed", fake)
    checker.check_arrow(table_of(TEXTS))
    checker.check_arrow(table_of(TEXTS), threads=2)
    assert threads_seen == [1, min(2, len(os.sched_getaffinity(0)))]


@pytest.mark.parametrize(
    "threads, error", [(0, ValueError), (-3, ValueError), ("2", TypeError), (True, TypeError), (1.5, TypeError)]
)
def test_bad_threads_are_typed_errors(checker, threads, error):
    with pytest.raises(error, match="threads"):
        checker.check_arrow(table_of(TEXTS), threads=threads)


# -- bad arguments -----------------------------------------------------------------


@pytest.mark.parametrize(
    "kwargs, column",
    [
        ({"text_column": "body"}, "body"),
        ({"id_column": "row_id"}, "row_id"),
        ({"kind_column": "kind"}, "kind"),
    ],
)
def test_a_missing_column_is_a_column_error_naming_it(checker, kwargs, column):
    with pytest.raises(dueregard.ColumnError) as caught:
        checker.check_arrow(table_of(TEXTS), **kwargs)
    err = caught.value
    assert isinstance(err, ValueError) and isinstance(err, dueregard.DueregardError)
    assert err.column == column and err.kind == "missing_column"
    assert repr(column) in str(err) and "'text'" in str(err)  # names what the table has
    again = pickle.loads(pickle.dumps(err))
    assert (type(again), again.column, str(again)) == (type(err), err.column, str(err))


def test_a_duplicated_column_is_a_column_error(checker):
    table = pa.table([pa.array([1]), pa.array(["a"]), pa.array(["b"])], names=["id", "text", "text"])
    with pytest.raises(dueregard.ColumnError, match="2 columns named 'text'") as caught:
        checker.check_arrow(table)
    assert caught.value.kind == "duplicate_column"


def test_what_is_not_a_table_is_a_type_error(checker):
    with pytest.raises(TypeError, match="pyarrow Table or RecordBatch"):
        checker.check_arrow([{"id": 1, "text": "he or she"}])
    with pytest.raises(TypeError):
        checker.check_arrow(table_of(TEXTS), text_column=None)
    with pytest.raises(TypeError):
        checker.check_arrow(table_of(TEXTS), id_column=3)
