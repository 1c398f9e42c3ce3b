"""The organisation's view across its documents, from the Rust core.

    reports = dueregard.Checker().check_many(paths)
    org = dueregard.organisation(zip(names, reports), self_assessment="claims.csv",
                                 as_of="2026-11-30")
    org.elements          # one row per framework element: status, evidence, gaps, progress
    org.findings          # one row per finding in every document
    org.waivers           # the waiver register
    org.self_assessment   # each claim against what the documents show
    org.to_excel("checklist.xlsx")   # the workbook the command writes
    org.to_html()                    # one accessible page

The logic is the core's (``dueregard::organisation``): this module only builds
its input JSON (schemas/organisation-input.schema.json) and wraps the result
(schemas/organisation-report.schema.json) in DataFrames.
"""

from __future__ import annotations

import datetime
import json
import os
import pathlib
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, List, Optional, Tuple, Union

from ._native import organisation_json, organisation_render, self_assessment_json
from .report import Report, _pandas

if TYPE_CHECKING:  # pragma: no cover
    import pandas

__all__ = ["Organisation", "organisation"]

Items = Union[Mapping[str, Report], Iterable[Union[Tuple[str, Report], Report]]]


def organisation(
    items: Items,
    self_assessment: Any = None,
    previous: Any = None,
    as_of: Union[None, str, datetime.date] = None,
    no_excerpts: bool = False,
) -> "Organisation":
    """The organisation view over checked documents.

    Args:
        items: ``(name, Report)`` pairs, a ``{name: Report}`` mapping, or
            Reports alone (named by their drafts' titles).
        self_assessment: the organisation's own claims, to cross-check: a path
            to a JSON or CSV file (columns element, claimed, note), the file's
            text, or a list of ``{"element", "claimed", "note"}`` dicts.
        previous: an earlier ``Organisation``, its JSON text, its dict, or a
            path to its JSON file; gives progress per element.
        as_of: the date review dates are compared with (``"YYYY-MM-DD"`` or a
            ``datetime.date``).
        no_excerpts: leave document text and names out.

    Raises ``OrganisationError`` (a ``ValueError``) for a self-assessment or
    previous report it cannot read, naming the line or JSON Pointer.
    """
    parts = []
    for name, report in _pairs(items):
        if not isinstance(report, Report):
            raise TypeError(f"{name!r}: expected a dueregard Report, got {type(report).__name__}")
        parts.append('{"document":' + json.dumps(name) + ',"report":' + report.to_json() + "}")
    text = '{"documents":[' + ",".join(parts) + "]"
    if self_assessment is not None:
        text += ',"self_assessment":' + _claims_json(self_assessment)
    if previous is not None:
        text += ',"previous":' + _previous_json(previous)
    if as_of is not None:
        text += ',"as_of":' + json.dumps(as_of.isoformat() if isinstance(as_of, datetime.date) else str(as_of))
    if no_excerpts:
        text += ',"no_excerpts":true'
    text += "}"
    return Organisation(organisation_json(text))


def _pairs(items: Items) -> List[Tuple[str, Report]]:
    if isinstance(items, Mapping):
        return [(str(k), v) for k, v in items.items()]
    out = []
    for item in items:
        if isinstance(item, Report):
            out.append((item.draft.title, item))
        elif isinstance(item, tuple) and len(item) == 2:
            out.append((str(item[0]), item[1]))
        else:
            raise TypeError(
                "organisation() takes (name, Report) pairs, a {name: Report} mapping, or Reports"
            )
    return out


def _is_path(value: Any) -> bool:
    if isinstance(value, os.PathLike):
        return True
    return isinstance(value, str) and "\n" not in value and not value.lstrip().startswith(("[", "{"))


def _claims_json(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return self_assessment_json(json.dumps(list(value)))
    if _is_path(value):
        return self_assessment_json(pathlib.Path(value).read_text(encoding="utf-8-sig"))
    if isinstance(value, str):
        return self_assessment_json(value)
    raise TypeError("self_assessment is a path, the file's text, or a list of claim dicts")


def _previous_json(value: Any) -> str:
    if isinstance(value, Organisation):
        return value.to_json()
    if isinstance(value, Mapping):
        return json.dumps(value)
    if _is_path(value):
        return pathlib.Path(value).read_text(encoding="utf-8")
    if isinstance(value, str):
        return value
    raise TypeError("previous is an Organisation, its JSON text or dict, or a path to it")


class Organisation:
    """The organisation report: DataFrames for analysis, and the core's own
    writers for the workbook, the HTML page and the checklist CSV."""

    __slots__ = ("_json", "_data")

    def __init__(self, json_text: str) -> None:
        self._json = json_text
        self._data = json.loads(json_text)

    def to_json(self) -> str:
        """The report as the core wrote it (compact JSON)."""
        return self._json

    def to_dict(self) -> dict:
        """A fresh copy of the report as dicts and lists."""
        return json.loads(self._json)

    @property
    def summary(self) -> dict:
        """Counts across documents."""
        return dict(self._data["summary"])

    @property
    def elements(self) -> "pandas.DataFrame":
        """One row per framework element: ``status`` (in_place,
        work_in_progress, not_in_place, no_issues_found, not_assessed),
        ``reason``, the documents that evidence it and contradict it, the
        gaps to act on (``"document: message (rule)"``), progress against the
        previous report, and the claim, if one was given."""
        claims = {c["element"]: c for c in self._data["self_assessment"]}
        rows = []
        for e in self._data["elements"]:
            progress = e.get("progress") or {}
            claim = claims.get(e["id"], {})
            rows.append(
                {
                    "element": e["id"],
                    "pillar": e["pillar"],
                    "title": e["title"],
                    "status": e["status"],
                    "reason": e["reason"],
                    "evidenced_by": ", ".join(d["document"] for d in e["evidenced_by"]),
                    "contradicted_by": ", ".join(d["document"] for d in e["contradicted_by"]),
                    "evidence": "; ".join(
                        f"{d['document']}: {v['reason']} ({v['rule']})"
                        for d in e["evidenced_by"]
                        for v in d["evidence"]
                    ),
                    "gaps": "; ".join(
                        f"{d['document']}: {g['message']} ({g['rule']})"
                        for d in e["contradicted_by"]
                        for g in d["gaps"]
                    ),
                    "needs_review": e["needs_review"],
                    "previous_status": progress.get("previous"),
                    "progress": progress.get("progress"),
                    "action_to_date": progress.get("action_to_date"),
                    "claimed": claim.get("claimed"),
                    "agrees": claim.get("agrees"),
                }
            )
        return _pandas().DataFrame(rows)

    @property
    def pillars(self) -> "pandas.DataFrame":
        """One row per pillar: its status and each element's, in one line."""
        return _pandas().DataFrame(
            self._data["pillars"], columns=["number", "title", "status", "reason"]
        )

    @property
    def findings(self) -> "pandas.DataFrame":
        """One row per finding in every document."""
        columns = [
            "document", "bucket", "rule", "name", "severity", "elements",
            "message", "path", "excerpt", "waived", "fingerprint",
        ]  # fmt: skip
        rows = [
            {**f, "elements": ", ".join(f["elements"]), "excerpt": f.get("excerpt")}
            for f in self._data["findings"]
        ]
        return _pandas().DataFrame(rows, columns=columns)

    @property
    def waivers(self) -> "pandas.DataFrame":
        """The waiver register: every waived finding, its reason and approver."""
        columns = ["document", "rule", "name", "elements", "reason", "approved_by", "approved", "message", "path"]
        rows = [
            {**w, "elements": ", ".join(w["elements"]), "approved_by": w.get("approved_by")}
            for w in self._data["waivers"]
        ]
        return _pandas().DataFrame(rows, columns=columns)

    @property
    def self_assessment(self) -> "pandas.DataFrame":
        """Each claim against the documents: ``agrees``, ``outcome``
        (agrees, contradicted, not_shown, understated), the documents that
        decide it and the reason in one line."""
        columns = ["element", "claimed", "found", "agrees", "outcome", "documents", "message", "note"]
        rows = [
            {**c, "documents": ", ".join(c["documents"]), "note": c.get("note")}
            for c in self._data["self_assessment"]
        ]
        return _pandas().DataFrame(rows, columns=columns)

    @property
    def past_review(self) -> "pandas.DataFrame":
        """Documents whose review date has passed as of ``as_of``."""
        return _pandas().DataFrame(self._data["past_review"], columns=["document", "review"])

    def to_excel(self, path: Union[str, "os.PathLike[str]"]) -> None:
        """Writes the workbook (checklist, findings, waiver register) with the
        core's writer: the same file ``dueregard organisation --format xlsx`` writes."""
        pathlib.Path(path).write_bytes(organisation_render(self._json, "xlsx"))

    def to_html(self) -> str:
        """One self-contained, accessible HTML page."""
        return organisation_render(self._json, "html").decode("utf-8")

    def to_csv(self, path: Optional[Union[str, "os.PathLike[str]"]] = None) -> Optional[str]:
        """The framework's progress checklist as CSV: returned, or written to ``path``."""
        text = organisation_render(self._json, "csv").decode("utf-8")
        if path is None:
            return text
        pathlib.Path(path).write_text(text, encoding="utf-8", newline="")
        return None

    def __str__(self) -> str:
        return organisation_render(self._json, "text").decode("utf-8")

    def __repr__(self) -> str:
        s = self._data["summary"]
        return (
            f"<Organisation: {s['documents']} documents, {s['elements_in_place']} of 17 elements in place, "
            f"{s['contradicted_claims']} contradicted claims>"
        )
