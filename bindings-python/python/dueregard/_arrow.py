"""``Checker.check_arrow``: a pyarrow Table of texts in, two tables out.

Each row's text is checked as a plain-text draft. The text column is handed
to Rust as Arrow lays it out (one ``bytes`` copy of a slice's values and
offsets, no Python object per row); the rows are checked with the GIL
released, and the results come back as Arrow buffers that are wrapped here
into the two tables below, again without a Python object per row.

``findings``: one row per finding (:data:`FINDINGS_SCHEMA`), in input row
order, each row's violations before its findings to review:

    id        the row's id (the id column's values, of its type)
    rule      the rule's id, e.g. ``term-binary-pronouns``
    family    the rule's family, e.g. ``language``, ``eia``, ``data_collection``
    severity  ``error``, ``warning`` or ``info``
    bucket    ``violations`` (change needed) or ``needs_review`` (a person judges)
    elements  the framework elements the rule serves, e.g. ``["3.2"]``: a list
              column, so there is one row per finding (``explode`` it for one
              row per element)
    message   what was found, in one sentence
    start     where in the text, in code points as Python counts them
    end       (``text[start:end]`` is what was found); null for a finding that
              is about the document rather than a place in its text

``summary``: one row per input row, in input order (:data:`SUMMARY_SCHEMA`):

    id            the row's id
    violations    findings that need a change (null when the row has an error)
    needs_review  findings a person must judge
    blocking      unwaived error-severity violations
    passes_gate   whether an approval gate would pass (no blocking finding)
    error         why the row could not be checked (null text, not a string,
                  not UTF-8, over the size limit, an unknown kind), else null

A bad row never raises: it gets its ``error`` and no findings.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any, Dict, List, NamedTuple, Optional, Sequence

from ._errors import DueregardError

if TYPE_CHECKING:  # pragma: no cover
    import pyarrow

__all__ = [
    "ArrowResult",
    "ColumnError",
    "FINDINGS_SCHEMA",
    "SUMMARY_SCHEMA",
    "findings_schema",
    "summary_schema",
    "rule_family",
]

#: Rows per call into Rust: bounds the extra memory a call holds (a copy of the
#: slice's text and its findings) whatever the size of the table.
SLICE_ROWS = 65_536


class ColumnError(DueregardError):
    """A column ``check_arrow`` was told to read is not in the table, or is
    there twice. ``.column`` names it; ``.kind`` is ``missing_column`` or
    ``duplicate_column``."""

    def __init__(self, message: str, column: str, kind: str = "missing_column") -> None:
        super().__init__(message, kind=kind)
        self.column = column

    def __reduce__(self):  # type: ignore[override]
        return (type(self), (self.message, self.column, self.kind))


class ArrowResult(NamedTuple):
    """What ``check_arrow`` returns: ``findings, summary = checker.check_arrow(table)``."""

    findings: "pyarrow.Table"
    summary: "pyarrow.Table"


def _pyarrow():
    try:
        import pyarrow
        import pyarrow.compute
    except ImportError as e:  # pragma: no cover - exercised only without pyarrow
        raise ImportError(
            "check_arrow and the Arrow schemas need pyarrow, which is not installed; "
            "install it with `pip install pyarrow` (or `pip install dueregard[arrow]`)"
        ) from e
    return pyarrow


# -- schemas ------------------------------------------------------------------------


def findings_schema(id_type: Optional["pyarrow.DataType"] = None) -> "pyarrow.Schema":
    """The schema of ``check_arrow``'s findings for ids of ``id_type``
    (default ``string``; ``id`` takes the type of the table's id column)."""
    pa = _pyarrow()
    return pa.schema(
        [
            pa.field("id", pa.string() if id_type is None else id_type),
            pa.field("rule", pa.string(), nullable=False),
            pa.field("family", pa.string(), nullable=False),
            pa.field("severity", pa.string(), nullable=False),
            pa.field("bucket", pa.string(), nullable=False),
            pa.field("elements", pa.list_(pa.string()), nullable=False),
            pa.field("message", pa.string(), nullable=False),
            pa.field("start", pa.int64()),
            pa.field("end", pa.int64()),
        ]
    )


def summary_schema(id_type: Optional["pyarrow.DataType"] = None) -> "pyarrow.Schema":
    """The schema of ``check_arrow``'s per-row summary for ids of ``id_type``."""
    pa = _pyarrow()
    return pa.schema(
        [
            pa.field("id", pa.string() if id_type is None else id_type),
            pa.field("violations", pa.int64()),
            pa.field("needs_review", pa.int64()),
            pa.field("blocking", pa.int64()),
            pa.field("passes_gate", pa.bool_()),
            pa.field("error", pa.string()),
        ]
    )


def __getattr__(name: str) -> Any:
    # FINDINGS_SCHEMA and SUMMARY_SCHEMA are made on first use, so that
    # `import dueregard` works without pyarrow.
    if name == "FINDINGS_SCHEMA":
        return findings_schema()
    if name == "SUMMARY_SCHEMA":
        return summary_schema()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# -- rule families ------------------------------------------------------------------

#: A rule id's prefix to its family, as the core names families.
_PREFIX_FAMILY = {
    "term": "language",
    "eia": "eia",
    "engagement": "eia",
    "data": "data_collection",
    "partnership": "partnership",
    "workforce": "workforce",
    "actions": "action_plans",
    "waiver": "waivers",
}


def rule_family(rule: Dict[str, Any]) -> str:
    """A rule's family, from its metadata (a dict from ``Checker.rules()``).

    Rule metadata is gaining a ``family`` field; until every pack has it, the
    family is read from the id's prefix (``term-...`` is ``language``), the
    same reading the core's own tests make. When the field is there it wins,
    so this is the one place to change once the prefix reading can go."""
    family = rule.get("family")
    if family:
        return str(family)
    prefix = str(rule["id"]).split("-", 1)[0]
    return _PREFIX_FAMILY.get(prefix, prefix)


def _families(checker: Any) -> Dict[str, str]:
    return {rule["id"]: rule_family(rule) for rule in checker.rules()}


# -- threads ------------------------------------------------------------------------


def _cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def _in_executor() -> bool:
    """Whether this runs inside a Dask worker's task or a Spark task, where the
    engine already runs a task per core and more threads would oversubscribe."""
    distributed = sys.modules.get("distributed")
    if distributed is not None:
        try:
            distributed.get_worker()
            return True
        except (ValueError, AttributeError):
            pass
    pyspark = sys.modules.get("pyspark")
    if pyspark is not None:
        try:
            if pyspark.TaskContext.get() is not None:
                return True
        except Exception:  # pragma: no cover - an old or partial pyspark
            pass
    return False


def _threads(threads: Any) -> int:
    if threads is None:
        return 1 if _in_executor() else _cores()
    if isinstance(threads, bool) or not isinstance(threads, int):
        raise TypeError(f"threads must be an int or None, not {type(threads).__name__}")
    if threads < 1:
        raise ValueError(f"threads must be at least 1, not {threads}")
    return min(threads, _cores())


# -- input --------------------------------------------------------------------------


def _as_table(pa, table: Any) -> "pyarrow.Table":
    if isinstance(table, pa.Table):
        return table
    if isinstance(table, pa.RecordBatch):
        return pa.Table.from_batches([table])
    # Anything that speaks the Arrow PyCapsule interface (polars, DuckDB, ...).
    if hasattr(table, "__arrow_c_stream__"):
        return pa.table(table)
    if hasattr(table, "__arrow_c_array__"):
        return pa.Table.from_batches([pa.record_batch(table)])
    raise TypeError(
        "check_arrow takes a pyarrow Table or RecordBatch (or an object with the Arrow "
        f"PyCapsule interface), not {type(table).__name__}; for a pandas DataFrame use "
        "pyarrow.Table.from_pandas(df)"
    )


def _find(table: "pyarrow.Table", role: str, name: Optional[str]) -> Optional[str]:
    if name is None:
        return None
    if not isinstance(name, str):
        raise TypeError(f"{role}_column must be a column name (str), not {type(name).__name__}")
    found = len(table.schema.get_all_field_indices(name))
    if found == 0:
        have = ", ".join(repr(n) for n in table.schema.names) or "no columns"
        raise ColumnError(
            f"the table has no column {name!r} to read as the {role} (it has {have}); "
            f"pass {role}_column=... to name the right one",
            column=name,
        )
    if found > 1:
        raise ColumnError(
            f"the table has {found} columns named {name!r}; rename them so the {role} "
            "column is one",
            column=name,
            kind="duplicate_column",
        )
    return name


def _is(pa, t, *names: str) -> bool:
    return any(getattr(pa.types, n, lambda _t: False)(t) for n in names)


def _u8_bytes(arr) -> bytes:
    return arr.buffers()[1].slice(arr.offset, len(arr)).to_pybytes()


def _text_layout(pa, col, name: str):
    """The text column as (data, offsets, base, skip, notes): the values' bytes
    and offsets for Rust, and a code per row for those it must not check."""
    pc = pa.compute
    n = len(col)
    if pa.types.is_dictionary(col.type):
        col = col.dictionary_decode()
    notes = [f"no text: the {name!r} column is null in this row"]
    if _is(pa, col.type, "is_string", "is_large_string", "is_string_view"):
        col = col.cast(pa.large_string())
    elif _is(pa, col.type, "is_binary", "is_large_binary", "is_binary_view"):
        col = col.cast(pa.large_binary())  # Rust checks it is UTF-8, row by row
    else:
        # Not text at all: every row is an error, so that a table with, say, an
        # all-null column (typed `null`) still comes back row for row.
        notes.append(f"not a string: the {name!r} column holds {col.type} values, not text")
        skip = pc.if_else(pc.is_null(col), 1, 2).cast(pa.uint8())
        return b"", (0).to_bytes(8, "little") * (n + 1), 0, _u8_bytes(skip), notes
    skip = pc.is_null(col).cast(pa.uint8())
    buffers = col.buffers()
    offsets = buffers[1].slice(col.offset * 8, (n + 1) * 8).to_pybytes()
    base = int.from_bytes(offsets[:8], "little", signed=True)
    last = int.from_bytes(offsets[-8:], "little", signed=True)
    data = buffers[2].slice(base, last - base).to_pybytes() if buffers[2] is not None else b""
    return data, offsets, base, _u8_bytes(skip), notes


def _kind_layout(pa, col, name: str, skip: bytes, notes: List[str]):
    """The kind column as (codes, names, skip, notes): an i32 index per row into
    the kind names (-1: the default), and rows whose kind is not text marked."""
    pc = pa.compute
    if pa.types.is_dictionary(col.type):
        col = col.dictionary_decode()
    if pa.types.is_null(col.type):
        return None, [], skip, notes
    if not _is(pa, col.type, "is_string", "is_large_string", "is_string_view"):
        notes = [*notes, f"not a string: the kind column {name!r} holds {col.type} values"]
        code = len(notes)
        before = _values(pa, pa.uint8(), len(skip), skip)
        bad = pc.and_(pc.is_valid(col), pc.equal(before, 0))
        marked = pc.if_else(bad, code, before).cast(pa.uint8())
        return None, [], _u8_bytes(marked), notes
    encoded = col.cast(pa.string()).dictionary_encode()
    codes = pc.fill_null(encoded.indices, -1).cast(pa.int32())
    names = encoded.dictionary.to_pylist()
    code_bytes = codes.buffers()[1].slice(codes.offset * 4, len(codes) * 4).to_pybytes()
    return code_bytes, names, skip, notes


# -- output -------------------------------------------------------------------------


def _values(pa, type_, n: int, data: bytes, valid: Optional[bytes] = None):
    return pa.Array.from_buffers(
        type_, n, [None if valid is None else pa.py_buffer(valid), pa.py_buffer(data)]
    )


def _strings(pa, n: int, offsets: bytes, data: bytes, valid: Optional[bytes] = None):
    validity = None if valid is None else pa.py_buffer(valid)
    return pa.Array.from_buffers(
        pa.string(), n, [validity, pa.py_buffer(offsets), pa.py_buffer(data)]
    )


def _categories(pa, codes: bytes, names: Sequence[str]):
    indices = _values(pa, pa.int32(), len(codes) // 4, codes)
    return pa.array(list(names), pa.string()).take(indices)


def _findings_batch(pa, part: dict, ids, families: Dict[str, str], schema):
    n = part["findings"]
    doc = _values(pa, pa.int64(), n, part["doc"])
    rule_families = [families.get(r) or rule_family({"id": r}) for r in part["rules"]]
    element_values = _categories(pa, part["element"], part["elements"])
    elements = pa.Array.from_buffers(
        pa.list_(pa.string()),
        n,
        [None, pa.py_buffer(part["element_offsets"])],
        children=[element_values],
    )
    columns = [
        ids.take(doc),
        _categories(pa, part["rule"], part["rules"]),
        _categories(pa, part["rule"], rule_families),
        _categories(pa, part["severity"], part["severities"]),
        _categories(pa, part["bucket"], part["buckets"]),
        elements,
        _strings(pa, n, part["message_offsets"], part["message"]),
        _values(pa, pa.int64(), n, part["start"], part["has_span"]),
        _values(pa, pa.int64(), n, part["end"], part["has_span"]),
    ]
    return pa.RecordBatch.from_arrays(columns, schema=schema)


def _summary_batch(pa, part: dict, ids, schema):
    n = part["rows"]
    checked = part["checked"]
    columns = [
        ids,
        _values(pa, pa.int64(), n, part["violations"], checked),
        _values(pa, pa.int64(), n, part["needs_review"], checked),
        _values(pa, pa.int64(), n, part["blocking"], checked),
        _values(pa, pa.bool_(), n, part["passes_gate"], checked),
        _strings(pa, n, part["error_offsets"], part["error"], part["has_error"]),
    ]
    return pa.RecordBatch.from_arrays(columns, schema=schema)


# -- the call -----------------------------------------------------------------------


def check_arrow(
    checker: Any,
    table: Any,
    text_column: str = "text",
    id_column: Optional[str] = "id",
    kind_column: Optional[str] = None,
    threads: Optional[int] = None,
) -> ArrowResult:
    """Checks each row's text as a plain-text draft; see the module's docstring.

    ``id_column=None`` numbers the rows from 0 instead. ``kind_column`` names a
    column of draft kinds (``workforce_policy``, ``patient_information``, ...;
    null is ``other``), which decides the structural rules that apply.
    ``threads`` caps the threads (default: every core, or 1 inside a Dask or
    Spark task, which already runs one task per core; never more than the
    cores)."""
    from ._native import _check_text_column

    pa = _pyarrow()
    table = _as_table(pa, table)
    text_column = _find(table, "text", text_column)  # type: ignore[assignment]
    if text_column is None:
        raise TypeError("text_column must be a column name (str), not None")
    id_column = _find(table, "id", id_column)
    kind_column = _find(table, "kind", kind_column)
    threads = _threads(threads)

    if id_column is None:
        ids_all = pa.chunked_array([pa.array(range(table.num_rows), pa.int64())])
    else:
        ids_all = table.column(id_column)
    f_schema = findings_schema(ids_all.type)
    s_schema = summary_schema(ids_all.type)
    families = _families(checker)

    findings: List[Any] = []
    summary: List[Any] = []
    for start in range(0, table.num_rows, SLICE_ROWS):
        piece = table.slice(start, SLICE_ROWS)
        ids = ids_all.slice(start, SLICE_ROWS).combine_chunks()
        data, offsets, base, skip, notes = _text_layout(
            pa, piece.column(text_column).combine_chunks(), text_column
        )
        kind_codes, kinds = None, []
        if kind_column is not None:
            kind_codes, kinds, skip, notes = _kind_layout(
                pa, piece.column(kind_column).combine_chunks(), kind_column, skip, notes
            )
        parts = _check_text_column(
            checker, data, offsets, base, skip, notes, kind_codes, kinds, threads
        )
        row = 0
        for part in parts:
            findings.append(_findings_batch(pa, part, ids, families, f_schema))
            summary.append(_summary_batch(pa, part, ids.slice(row, part["rows"]), s_schema))
            row += part["rows"]
    return ArrowResult(
        pa.Table.from_batches(findings, schema=f_schema),
        pa.Table.from_batches(summary, schema=s_schema),
    )
