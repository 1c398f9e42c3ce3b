"""dueregard: checks health and care policy drafts, as they are written,
against the NHS Confederation's Health and Care LGBTQ+ Inclusion Framework
and what an equality impact assessment needs.

    import dueregard
    report = dueregard.check("examples/drafts/bereavement-leave-policy.json")
    report.summary.violations        # attribute access to the report
    report.to_pandas()               # a tidy DataFrame of findings

For many drafts, build one ``Checker`` and reuse it::

    checker = dueregard.Checker()            # or Checker(rule_pack=...)
    reports = checker.check_many(paths)      # all cores, GIL released, input order

For a pyarrow Table of texts (survey comments, policy passages), one per row::

    findings, summary = checker.check_arrow(table, text_column="text", id_column="id")

(schemas: ``dueregard.FINDINGS_SCHEMA`` and ``dueregard.SUMMARY_SCHEMA``).

A draft is a dict, JSON text, a path (str or pathlib.Path) to a .docx,
.html, .md, .txt or .json file, or a file's bytes with ``format=``; see
``dueregard._inputs`` for how a str is told apart.
Bad input raises ``DraftError`` or ``RulePackError`` (both ``ValueError``),
carrying the JSON Pointer (``.pointer``) and kind (``.kind``) of the problem;
a bad argument raises ``OptionsError`` (a ``ValueError``) and a bug in
dueregard ``InternalError`` (a ``RuntimeError``); all four are
``DueregardError``s.

Across many documents, ``dueregard.organisation(zip(names, reports))`` gives
the organisation's view: each framework element from the evidence in all of
them, the self-assessment cross-check, progress against an earlier view, and
the workbook and HTML page the ``dueregard organisation`` command writes.

The rules live in the Rust core; this package only moves text across.
"""

from __future__ import annotations

import functools
import json
from typing import TYPE_CHECKING, Any, List

from ._arrow import ArrowResult, ColumnError, findings_schema, rule_family, summary_schema
from ._errors import (
    DraftError,
    DueregardError,
    InternalError,
    OptionsError,
    OrganisationError,
    RulePackError,
)
from ._native import CORE_VERSION, Checker
from ._native import framework_json as _framework_json
from .organisation import Organisation, organisation
from .report import Record, Report, elements_frame, findings_frame

__all__ = [
    "Checker",
    "Report",
    "Record",
    "DueregardError",
    "DraftError",
    "RulePackError",
    "ColumnError",
    "ArrowResult",
    # FINDINGS_SCHEMA and SUMMARY_SCHEMA are left out so that `import *` needs no pyarrow.
    "findings_schema",
    "summary_schema",
    "rule_family",
    "OrganisationError",
    "Organisation",
    "organisation",
    "check",
    "framework",
    "rules",
    "findings_frame",
    "elements_frame",
    "__version__",
]

__version__ = CORE_VERSION

if TYPE_CHECKING:  # pragma: no cover
    import pyarrow

    #: check_arrow's findings table, for string ids (see dueregard._arrow).
    FINDINGS_SCHEMA: pyarrow.Schema
    #: check_arrow's per-row summary table, for string ids.
    SUMMARY_SCHEMA: pyarrow.Schema


def __getattr__(name: str) -> Any:
    # The Arrow schemas are made on first use, so `import dueregard` needs no pyarrow.
    if name in ("FINDINGS_SCHEMA", "SUMMARY_SCHEMA"):
        from . import _arrow

        return getattr(_arrow, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@functools.lru_cache(maxsize=1)
def _default_checker() -> Checker:
    return Checker()


def _checker(rule_pack: Any) -> Checker:
    return _default_checker() if rule_pack is None else Checker(rule_pack)


def check(draft: Any, rule_pack: Any = None, format: Any = None) -> Report:
    """Checks one draft (a dict, JSON text, a path to .docx/.html/.md/.txt/.json,
    or a file's bytes with ``format="docx"``, ``"html"``, ``"markdown"``,
    ``"text"`` or ``"json"``) with the built-in rules, or with ``rule_pack`` (a
    dict, JSON text or a path). For many drafts, build a ``Checker`` once and
    use its ``check_many``."""
    return _checker(rule_pack).check(draft, format=format)


def framework() -> dict:
    """The framework: its 6 pillars, 17 elements, both rating scales, and the
    attribution to show alongside its quoted text."""
    return json.loads(_framework_json())


def rules(rule_pack: Any = None) -> List[dict]:
    """Every rule's metadata (id, name, severity, elements, source, ...)."""
    return _checker(rule_pack).rules()
