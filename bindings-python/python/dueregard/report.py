"""The report: a read-only Python view of the JSON the core produced.

``Report.to_json()`` returns the core's JSON text exactly as it came out of
Rust (byte-identical to every other binding). Everything else reads that text:
attribute access (``report.summary.violations``), ``to_dict()``, pandas
frames, and an HTML table for Jupyter.
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Iterable, Iterator, List, Optional, Sequence, Union

if TYPE_CHECKING:  # pragma: no cover
    import pandas

__all__ = [
    "Record",
    "Report",
    "FINDING_COLUMNS",
    "ELEMENT_COLUMNS",
    "findings_frame",
    "elements_frame",
]

#: Columns of ``Report.to_pandas()``: one row per finding and framework element.
FINDING_COLUMNS = (
    "draft",
    "rule",
    "severity",
    "bucket",
    "element",
    "pillar",
    "section",
    "line",
    "message",
    "path",
    "waived",
    "finding",
    "fingerprint",
)

#: Columns of ``Report.elements_frame()``: one row per framework element.
ELEMENT_COLUMNS = (
    "draft",
    "element",
    "pillar",
    "title",
    "status",
    "status_label",
    "evidence",
    "gaps",
    "review",
    "reason",
)

#: The finding buckets, in report order.
FINDING_BUCKETS = ("violations", "needs_review")


class Record(Mapping):
    """A read-only JSON object with attribute access: ``finding.location.path``
    is ``finding["location"]["path"]``. Nested objects are Records and arrays
    are lists. Fields the core leaves out when empty (``excerpt``,
    ``suggestions``, ``fix``, ``waiver``, ``location.section``,
    ``location.span``, ``draft.review``) are absent: use ``.get()`` for those."""

    __slots__ = ("_fields",)

    def __init__(self, fields: dict) -> None:
        object.__setattr__(self, "_fields", {k: _wrap(v) for k, v in fields.items()})

    def __getattr__(self, name: str) -> Any:
        try:
            return self._fields[name]
        except KeyError:
            raise AttributeError(
                f"this record has no field {name!r} (it has {', '.join(self._fields)}); "
                f"fields the core leaves out when empty are absent, so use .get({name!r})"
            ) from None

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("report records are read-only; use to_dict() for a copy to edit")

    def __getitem__(self, key: str) -> Any:
        return self._fields[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._fields)

    def __len__(self) -> int:
        return len(self._fields)

    def __dir__(self) -> List[str]:
        return sorted(set(super().__dir__()) | set(self._fields))

    def __repr__(self) -> str:
        return f"Record({self.to_dict()!r})"

    def __reduce__(self):  # type: ignore[override]
        return (Record, (self.to_dict(),))

    def to_dict(self) -> dict:
        """A plain, mutable copy (dicts and lists all the way down)."""
        return {k: _unwrap(v) for k, v in self._fields.items()}


def _wrap(value: Any) -> Any:
    if isinstance(value, dict):
        return Record(value)
    if isinstance(value, list):
        return [_wrap(v) for v in value]
    return value


def _unwrap(value: Any) -> Any:
    if isinstance(value, Record):
        return value.to_dict()
    if isinstance(value, list):
        return [_unwrap(v) for v in value]
    return value


def _pandas():
    try:
        import pandas
    except ImportError as e:  # pragma: no cover - exercised by a test with pandas hidden
        raise ImportError(
            "this needs pandas, which is not installed; install it with "
            "`pip install pandas` (or `pip install dueregard[pandas]`)"
        ) from e
    return pandas


class Report:
    """The result of checking one draft.

    Top-level fields are attributes: ``engine``, ``draft``, ``summary``,
    ``violations``, ``needs_review``, ``passes``, ``inapplicable``,
    ``errors``, ``elements``, ``pillars`` (see ``schemas/report.schema.json``).
    """

    __slots__ = ("_raw", "_json", "_tree")

    def __init__(self, json_text: Union[str, bytes]) -> None:
        # The native Checker passes the core's UTF-8 bytes; they are decoded to
        # str only when first needed (building a str from non-ASCII text is
        # not free, and many reports are only ever summarised).
        if isinstance(json_text, str):
            self._json: Optional[str] = json_text
        elif isinstance(json_text, bytes):
            self._json = None
        else:
            raise TypeError("Report takes the report's JSON text (str or UTF-8 bytes)")
        self._raw = json_text
        self._tree: Optional[Record] = None

    # -- the data --------------------------------------------------------

    def to_json(self) -> str:
        """The report exactly as the core wrote it (compact JSON)."""
        if self._json is None:
            self._json = self._raw.decode("utf-8")
        return self._json

    def to_dict(self) -> dict:
        """The report as plain dicts and lists (a fresh copy each call)."""
        return json.loads(self._raw)

    def _record(self) -> Record:
        if self._tree is None:
            self._tree = Record(json.loads(self._raw))
        return self._tree

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self._record(), name)

    def __getitem__(self, key: str) -> Any:
        return self._record()[key]

    def __dir__(self) -> List[str]:
        return sorted(set(super().__dir__()) | set(self._record()))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Report):
            if type(self._raw) is type(other._raw):
                return self._raw == other._raw
            return self.to_json() == other.to_json()
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.to_json())

    def __reduce__(self):
        return (Report, (self._raw,))

    @property
    def passes_gate(self) -> bool:
        """Whether an approval gate would pass: no unwaived error-severity violation."""
        return self._record().summary.blocking == 0

    def findings(self) -> Iterator[Record]:
        """Violations, then findings to review (each finding once)."""
        record = self._record()
        for bucket in FINDING_BUCKETS:
            yield from record[bucket]

    def __repr__(self) -> str:
        r = self._record()
        s = r.summary
        gate = "gate clear" if s.blocking == 0 else f"gate blocked by {s.blocking}"
        return (
            f"<dueregard.Report {r.draft.title!r} ({r.draft.kind}): "
            f"{s.violations} to change, {s.needs_review} to review, {gate}>"
        )

    # -- tables ----------------------------------------------------------

    def finding_rows(self, draft: Optional[str] = None) -> List[dict]:
        """The rows of ``to_pandas()`` as dicts, for use without pandas."""
        data = self._record()
        name = data.draft.title if draft is None else draft
        pillar_of = {e.id: e.pillar for e in data.elements}
        rows = []
        n = 0
        for bucket in FINDING_BUCKETS:
            for f in data[bucket]:
                loc = f.location
                span = loc.get("span")
                for element in f.elements or [None]:
                    rows.append(
                        {
                            "draft": name,
                            "rule": f.rule,
                            "severity": f.severity,
                            "bucket": bucket,
                            "element": element,
                            "pillar": pillar_of.get(element),
                            "section": loc.get("section"),
                            "line": span.line if span is not None else None,
                            "message": f.message,
                            "path": loc.path,
                            "waived": f.get("waiver") is not None,
                            "finding": n,
                            "fingerprint": f.fingerprint,
                        }
                    )
                n += 1
        return rows

    def to_pandas(self, draft: Optional[str] = None) -> "pandas.DataFrame":
        """A tidy DataFrame of findings: one row per finding and framework
        element it serves (a finding serving two elements gives two rows;
        ``finding`` numbers the findings, so ``drop_duplicates("finding")``
        gives one row each). Columns: draft, rule, severity, bucket
        (``violations`` or ``needs_review``), element, pillar, section, line
        (1-based, for findings in text), message, path (JSON Pointer), waived,
        finding, fingerprint. ``draft`` defaults to the draft's title."""
        return _findings_df(self.finding_rows(draft))

    def element_rows(self, draft: Optional[str] = None) -> List[dict]:
        """The rows of ``elements_frame()`` as dicts, for use without pandas."""
        data = self._record()
        name = data.draft.title if draft is None else draft
        labels = _status_labels()
        return [
            {
                "draft": name,
                "element": e.id,
                "pillar": e.pillar,
                "title": e.title,
                "status": e.status,
                "status_label": labels.get(e.status, e.status),
                "evidence": "; ".join(f"{v.reason} ({v.rule})" for v in e.evidence),
                "gaps": "; ".join(f"{g.rule}: {g.message}" for g in e.gaps),
                "review": "; ".join(f"{g.rule}: {g.message}" for g in e.review),
                "reason": e.reason,
            }
            for e in data.elements
        ]

    def elements_frame(self, draft: Optional[str] = None) -> "pandas.DataFrame":
        """The roll-up to the framework's 17 elements: one row each, with the
        status (``in_place``, ``work_in_progress``, ``not_in_place`` on
        evidence; ``no_issues_found`` when rules ran and found no gap but
        nothing shows the element in place; ``not_assessed`` when no
        applicable rule speaks to it), the evidence behind it (each pass as
        "reason (rule)"), the gaps and findings to review (each as "rule:
        message"), and the reason in one line."""
        return _elements_df(self.element_rows(draft))

    # -- Jupyter ---------------------------------------------------------

    def _repr_html_(self) -> str:
        r = self._record()
        s = r.summary
        e = html.escape
        labels = _status_labels()

        def row(cells: Iterable[str], tag: str = "td") -> str:
            style = ' style="text-align:left;vertical-align:top"'
            return "<tr>" + "".join(f"<{tag}{style}>{c}</{tag}>" for c in cells) + "</tr>"

        out = ['<div class="dueregard-report">']
        out.append(
            f"<p><strong>{e(r.draft.title)}</strong> ({e(r.draft.kind)}), checked with "
            f"{e(r.engine.rule_pack)} {e(r.engine.rule_pack_version)}</p>"
        )
        gate = (
            "clear (no unwaived errors)"
            if s.blocking == 0
            else f"blocked by {s.blocking} error{'s' if s.blocking != 1 else ''}"
        )
        out.append(
            f"<p>Approval gate: <strong>{e(gate)}</strong>. {s.violations} to change, "
            f"{s.needs_review} to review ({s.waived} waived); {s.passes} passed, "
            f"{s.inapplicable} not applicable, {s.errors} failed to run.</p>"
        )
        findings = [(b, f) for b in FINDING_BUCKETS for f in r[b]]
        if findings:
            out.append("<table><thead>")
            out.append(row(["", "Severity", "Where", "Found", "Suggestion", "Framework", "Rule"], "th"))
            out.append("</thead><tbody>")
            for bucket, f in findings:
                loc = f.location
                span = loc.get("span")
                where = loc.get("section") or loc.path
                if span is not None:
                    where = f"{where}, line {span.line}"
                found = e(f.message)
                if f.get("excerpt"):
                    found += f"<br><em>“{e(f.excerpt)}”</em>"
                if f.get("waiver") is not None:
                    found += f"<br>Waived: {e(f.waiver.reason)}"
                suggestion = e(f.suggestions[0]) if f.get("suggestions") else ""
                out.append(
                    row(
                        [
                            "change" if bucket == "violations" else "review",
                            e(f.severity),
                            e(where),
                            found,
                            suggestion,
                            e(", ".join(f.elements)),
                            f"<code>{e(f.rule)}</code>",
                        ]
                    )
                )
            out.append("</tbody></table>")
        else:
            out.append("<p>No findings.</p>")
        out.append("<table><thead>")
        out.append(row(["Pillar", "Status", "Why", "To change", "To review"], "th"))
        out.append("</thead><tbody>")
        for p in r.pillars:
            status = labels.get(p.status, p.status)
            out.append(
                row(
                    [
                        f"{p.number}. {e(p.title)}",
                        e(status),
                        e(p.reason),
                        str(p.violations),
                        str(p.needs_review),
                    ]
                )
            )
        out.append("</tbody></table>")
        shown = [el for el in r.elements if el.evidence or el.gaps]
        if shown:
            out.append("<table><thead>")
            out.append(row(["Element", "Status", "Evidence", "Gaps"], "th"))
            out.append("</thead><tbody>")
            for el in shown:
                evidence = "<br>".join(f"{e(v.reason)} (<code>{e(v.rule)}</code>)" for v in el.evidence)
                gaps = "<br>".join(f"<code>{e(g.rule)}</code>: {e(g.message)}" for g in el.gaps)
                out.append(row([f"{e(el.id)} {e(el.title)}", e(labels.get(el.status, el.status)), evidence, gaps]))
            out.append("</tbody></table>")
        out.append("</div>")
        return "".join(out)


_STATUS_LABELS: Optional[dict] = None


def _status_labels() -> dict:
    """Status values to their labels ("In place", "No issues found"), from the core's catalogue."""
    global _STATUS_LABELS
    if _STATUS_LABELS is None:
        from ._native import framework_json

        scale = json.loads(framework_json())["status_scale"]
        _STATUS_LABELS = {level["value"]: level["label"] for level in scale}
    return _STATUS_LABELS


def _findings_df(rows: Sequence[dict]) -> "pandas.DataFrame":
    pd = _pandas()
    df = pd.DataFrame(list(rows), columns=list(FINDING_COLUMNS))
    for column in ("pillar", "line", "finding"):
        df[column] = df[column].astype("Int64")
    df["waived"] = df["waived"].astype(bool)
    return df


def _elements_df(rows: Sequence[dict]) -> "pandas.DataFrame":
    pd = _pandas()
    df = pd.DataFrame(list(rows), columns=list(ELEMENT_COLUMNS))
    df["pillar"] = df["pillar"].astype("Int64")
    return df


def _labelled(reports: Iterable[Report], drafts: Optional[Iterable[str]]):
    reports = list(reports)
    names: List[Optional[str]] = list(drafts) if drafts is not None else [None] * len(reports)
    if len(names) != len(reports):
        raise ValueError(f"{len(reports)} reports but {len(names)} draft names")
    return zip(reports, names)


def findings_frame(
    reports: Iterable[Report], drafts: Optional[Iterable[str]] = None
) -> "pandas.DataFrame":
    """One findings DataFrame (as ``Report.to_pandas``) for many reports;
    ``drafts`` names each report's rows (default: its draft's title)."""
    rows: List[dict] = []
    for report, name in _labelled(reports, drafts):
        rows.extend(report.finding_rows(name))
    return _findings_df(rows)


def elements_frame(
    reports: Iterable[Report], drafts: Optional[Iterable[str]] = None
) -> "pandas.DataFrame":
    """One element roll-up DataFrame (as ``Report.elements_frame``) for many reports."""
    rows: List[dict] = []
    for report, name in _labelled(reports, drafts):
        rows.extend(report.element_rows(name))
    return _elements_df(rows)
