"""Type stubs for the Rust half of dueregard (bindings-python/src/lib.rs)."""

import datetime
import os
from typing import Any, Dict, Iterable, List, Literal, Mapping, Optional, Tuple, Union, overload

from ._arrow import ArrowResult
from .report import Report

#: A draft: a dict, JSON text, a path to a .docx, .html, .md, .txt or .json
#: file, or a file's bytes (with ``format``).
Draft = Union[Mapping[str, Any], str, "os.PathLike[str]", bytes, bytearray, memoryview]
#: How to read a draft's bytes; for a path, overrides its extension.
DraftFormat = Literal["docx", "html", "markdown", "text", "json"]
#: A rule pack: a dict, JSON text, or a path to a .json file.
RulePack = Union[Mapping[str, Any], str, "os.PathLike[str]"]

CORE_VERSION: str
#: The most threads ``Checker.check_many`` accepts.
MAX_THREADS: int

def framework_json() -> str: ...
def _check_text_column(
    checker: "Checker",
    data: bytes,
    offsets: bytes,
    base: int,
    skip: bytes,
    notes: List[str],
    kind_codes: Optional[bytes],
    kinds: List[str],
    threads: int,
) -> List[Dict[str, Any]]:
    """check_arrow's native half (see bindings-python/src/arrow.rs); call check_arrow."""
def organisation_json(input_json: str) -> str:
    """The organisation report (JSON) from schemas/organisation-input.schema.json input."""
def self_assessment_json(text: str) -> str:
    """A self-assessment (JSON or CSV text) as a JSON array of claims."""
def organisation_render(report_json: str, format: Literal["text", "csv", "html", "xlsx"]) -> bytes:
    """An organisation report rendered by the core's writers."""
def _panic_for_tests() -> None:
    """Panics inside the binding's guard: raises InternalError (for the tests)."""

class Checker:
    """A compiled rule pack: immutable, thread-safe, picklable. Build once, reuse."""

    def __new__(
        cls, rule_pack: Optional[RulePack] = None, as_of: Optional[Union[str, "datetime.date"]] = None
    ) -> "Checker":
        """Compiles a rule pack (the built-in one by default). With ``as_of``
        ("YYYY-MM-DD" or a date), review dates are judged against it, as the
        command judges them against today; without it they are not judged, so
        a report depends on nothing but its draft. Raises OptionsError for an
        impossible date, TypeError for a value that is not a date."""
    @property
    def as_of(self) -> Optional[str]:
        """The date review dates are judged against, or None."""
    @property
    def rule_pack(self) -> Optional[str]:
        """The rule pack's JSON text, or None for the built-in pack."""
    @property
    def pack_name(self) -> str: ...
    @property
    def pack_version(self) -> str: ...
    def check(self, draft: Draft, format: Optional[DraftFormat] = None) -> Report:
        """Checks one draft. Raises DraftError for bad input (a .doc renamed
        .docx, a zip bomb: one line saying what to do), TypeError for a value
        that is not a draft, OptionsError for an unknown format, OSError when
        a file cannot be read."""
    def check_text(self, text: str, title: Optional[str] = None, markdown: bool = False) -> Report:
        """Checks Markdown or plain text given as a string."""
    def annotate(
        self,
        document: Union[str, "os.PathLike[str]", bytes],
        output: Optional[Union[str, "os.PathLike[str]"]] = None,
        fixes: Literal["none", "safe", "all"] = "safe",
    ) -> bytes:
        """Annotates a Word document: the .docx back with each finding as a comment
        (author "dueregard") and fixes as tracked changes. Returns the bytes and
        writes them to ``output`` too when given. Raises DraftError for a file
        that is not a readable .docx."""
    @overload
    def check_many(
        self,
        drafts: Iterable[Draft],
        threads: Optional[int] = None,
        on_error: Literal["raise"] = "raise",
        format: Optional[DraftFormat] = None,
    ) -> List[Report]: ...
    @overload
    def check_many(
        self,
        drafts: Iterable[Draft],
        threads: Optional[int] = None,
        on_error: Literal["return"] = ...,
        format: Optional[DraftFormat] = None,
    ) -> List[Union[Report, Exception]]:
        """threads: 1 to MAX_THREADS, or None for one per core; anything else
        raises OptionsError. With on_error="return", each draft's error
        (DraftError, OSError, TypeError) is returned in its place."""
    def check_arrow(
        self,
        table: Any,
        text_column: str = "text",
        id_column: Optional[str] = "id",
        kind_column: Optional[str] = None,
        threads: Optional[int] = None,
    ) -> ArrowResult:
        """Checks each row's text (a pyarrow Table or RecordBatch, or anything with
        the Arrow PyCapsule interface) as a plain-text draft, with the GIL released.

        Returns ``(findings, summary)``: pyarrow Tables with the schemas
        ``dueregard.FINDINGS_SCHEMA`` (one row per finding: id, rule, family,
        severity, bucket, elements (a list), message, start, end, offsets in code
        points) and ``dueregard.SUMMARY_SCHEMA`` (one row per input row: id,
        violations, needs_review, blocking, passes_gate, error), with ``id`` of
        the id column's type (``findings_schema(id_type)``). ``id_column=None``
        numbers the rows. A bad row (null text, not text, not UTF-8, over the
        size limit, an unknown kind) gets an ``error`` and never raises.
        ``threads``: default every core, or 1 inside a Dask or Spark task; never
        more than the cores. Raises ColumnError (a ValueError) for a missing
        column, TypeError for what is not a table."""
    def rules(self) -> List[Dict[str, Any]]: ...
    def __reduce__(self) -> Tuple[type, Tuple[Optional[str]]]: ...
