#!/usr/bin/env python3
"""An analyst's pass over a set of policy drafts, with dueregard.

Checks every draft in examples/drafts/ and writes, into OUT_DIR:

  findings.csv                      every finding, one row per finding and framework element
  findings_by_pillar.csv            findings per framework pillar (to change / to review)
  findings_by_pillar_and_draft.csv  the same, per draft
  findings_by_characteristic.csv    each draft's EIA, per protected characteristic: the
                                    impact it records and the findings against it
  findings_by_characteristic_wide.csv  the same, one column per draft
  findings_by_pillar.png            a bar chart of findings per pillar
  progress_checklist.csv / .xlsx    the framework's progress checklist, 17 rows

    python examples/analyst/analyse.py [OUT_DIR]      (default: examples/analyst/out/)

Needs the dueregard wheel, pandas, matplotlib and openpyxl. The `# %%` markers
make it a notebook in VS Code, PyCharm or Jupytext; run it top to bottom.
"""

# %% Setup
from __future__ import annotations

import argparse
import json
import pathlib
import re
import sys
import textwrap

import matplotlib

matplotlib.use("Agg")  # files only, no display needed
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

import dueregard  # noqa: E402

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[1]
DRAFTS = ROOT / "examples" / "drafts"
DRAFT_SUFFIXES = {".json", ".md", ".markdown", ".txt", ".text"}

# The framework's self-assessment status of an element, read across to its progress
# checklist scale. This is the analyst's reading, not the framework's: a draft that
# shows an element in place counts as significant progress, work in progress as
# moderate, not in place as no progress.
STATUS_TO_PROGRESS = {
    "in_place": "significant",
    "work_in_progress": "moderate",
    "not_in_place": "no_progress",
}


# %% Helpers (the analysis itself starts at "Where to read drafts")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "out_dir", nargs="?", type=pathlib.Path, default=HERE / "out", help="where to write"
    )
    parser.add_argument(
        "--drafts", type=pathlib.Path, default=DRAFTS, help="folder of drafts to check"
    )
    return parser.parse_args(argv)


def characteristic_table(
    paths: list[pathlib.Path], names: list[str], findings: pd.DataFrame
) -> pd.DataFrame:
    """One row per draft and protected characteristic its EIA covers (or should).

    EIA findings point at /eia/groups/N/...; N indexes the draft's own list of
    groups, so the draft file says which characteristic a finding is about.
    """
    schema = ROOT / "schemas" / "draft.schema.json"
    all_groups: list[str] = []
    if schema.is_file():
        all_groups = json.loads(schema.read_text(encoding="utf-8"))["$defs"]["Group"]["enum"]
    unique = findings.drop_duplicates(["draft", "finding"])
    rows = []
    for path, name in zip(paths, names):
        if path.suffix.lower() != ".json":
            continue  # Markdown and text drafts carry no EIA
        eia = json.loads(path.read_text(encoding="utf-8")).get("eia") or {}
        groups = eia.get("groups") or []
        mine = unique[unique["draft"] == name]
        per_group: dict[int, list[str]] = {}
        for pointer, rule in zip(mine["path"], mine["rule"]):
            m = re.match(r"^/eia/groups/(\d+)(?:/|$)", pointer)
            if m:
                per_group.setdefault(int(m.group(1)), []).append(rule)
        seen = set()
        for i, g in enumerate(groups):
            seen.add(g.get("group"))
            rules = per_group.get(i, [])
            rows.append(
                {
                    "draft": name,
                    "characteristic": g.get("group"),
                    "impact": g.get("impact"),
                    "findings": len(rules),
                    "rules": ", ".join(sorted(set(rules))),
                }
            )
        if eia:
            for group in all_groups:
                if group not in seen:
                    rows.append(
                        {
                            "draft": name,
                            "characteristic": group,
                            "impact": "not assessed",
                            "findings": 0,
                            "rules": "",
                        }
                    )
    return pd.DataFrame(rows, columns=["draft", "characteristic", "impact", "findings", "rules"])


def chart(by_pillar: pd.DataFrame, png: pathlib.Path, n_drafts: int) -> None:
    """Horizontal stacked bars: findings to change and to review, per pillar."""
    labels = [
        f"{n}. " + "\n".join(textwrap.wrap(t, 44, break_on_hyphens=False)) for n, t in zip(by_pillar.index, by_pillar["title"])
    ]
    fig, ax = plt.subplots(figsize=(10, 6), dpi=120)
    y = range(len(labels))
    change = by_pillar["to_change"].to_numpy()
    review = by_pillar["to_review"].to_numpy()
    ax.barh(y, change, color="#d5281b", label="To change")  # NHS red
    ax.barh(y, review, left=change, color="#ffb81c", label="To review")  # NHS warm yellow
    for i, (c, r) in enumerate(zip(change, review)):
        ax.text(c + r + 0.2, i, f"{c + r}", va="center", fontsize=10)
    ax.set_yticks(list(y), labels, fontsize=9)
    ax.invert_yaxis()
    ax.set_xlabel("Findings")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_xlim(0, max(1, (change + review).max()) * 1.12)
    ax.set_title(
        f"Findings per pillar of the LGBTQ+ Inclusion Framework ({n_drafts} drafts)", fontsize=12
    )
    ax.legend(loc="lower right", frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    fig.text(
        0.01,
        0.01,
        "Pillar titles quoted from the Health and Care LGBTQ+ Inclusion Framework, "
        "NHS Confederation, 2022.",
        fontsize=7,
        color="#555555",
    )
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    fig.savefig(png)
    plt.close(fig)


def progress_checklist(reports, names: list[str], framework: dict) -> pd.DataFrame:
    """The framework's checklist: for each of the 17 elements, progress on its
    scale and the action to date, read from the drafts' element roll-ups.

    Across drafts the weakest status counts (as the core rolls elements up into
    pillars); an element no draft speaks to gets no progress value.
    """
    order = [level["value"] for level in framework["self_assessment_scale"]]  # red to green
    status_label = {level["value"]: level["label"] for level in framework["self_assessment_scale"]}
    progress_label = {level["value"]: level["label"] for level in framework["progress_scale"]}
    elements = dueregard.elements_frame(reports, drafts=names)
    rows = []
    for element in framework["elements"]:
        mine = elements[elements["element"] == element["id"]]
        assessed = mine.dropna(subset=["status"])
        if assessed.empty:
            progress = None
            action = f"Not yet assessed: no rule that applies to these {len(names)} drafts speaks to it."
        else:
            weakest = min(assessed["status"], key=order.index)
            progress = STATUS_TO_PROGRESS[weakest]
            parts = []
            for status in reversed(order):
                here = assessed[assessed["status"] == status]
                if here.empty:
                    continue
                detail = []
                for _, r in here.iterrows():
                    why = r["gaps"] or r["review"]
                    detail.append(f"{r['draft']} ({why})" if why and status != "in_place" else r["draft"])
                parts.append(f"{status_label[status]}: {'; '.join(detail)}.")
            unassessed = len(mine) - len(assessed)
            if unassessed:
                parts.append(f"Not assessed by {unassessed} of {len(mine)} drafts.")
            action = " ".join(parts)
        rows.append(
            {
                "element": element["id"],
                "pillar": element["pillar"],
                "title": element["title"],
                "progress": progress_label.get(progress, "") if progress else "",
                "progress_value": progress or "",
                "drafts_assessed": len(assessed),
                "action_to_date": action,
            }
        )
    return pd.DataFrame(rows)


def write_xlsx(checklist: pd.DataFrame, xlsx: pathlib.Path, framework: dict) -> None:
    """A real Excel workbook: the checklist with a progress drop-down, and an About sheet."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    ws = wb.active
    ws.title = "Progress checklist"
    headers = ["Element", "Pillar", "Title", "Progress", "Drafts assessed", "Action to date"]
    ws.append(headers)
    for r in checklist.itertuples(index=False):
        ws.append([r.element, r.pillar, r.title, r.progress, r.drafts_assessed, r.action_to_date])
    fill = {
        progress_label: colour
        for progress_label, colour in zip(
            [level["label"] for level in framework["progress_scale"]],
            ["C6EFCE", "FFEB9C", "FFC7CE"],  # significant, moderate, no progress
        )
    }
    for cell in ws[1]:
        cell.font = Font(bold=True)
    widths = {"A": 9, "B": 7, "C": 60, "D": 22, "E": 9, "F": 90}
    for col, width in widths.items():
        ws.column_dimensions[col].width = width
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        colour = fill.get(row[3].value)
        if colour:
            row[3].fill = PatternFill("solid", start_color=colour, end_color=colour)
    ws.freeze_panes = "A2"
    choices = ",".join(level["label"] for level in framework["progress_scale"])
    dv = DataValidation(type="list", formula1=f'"{choices}"', allow_blank=True)
    ws.add_data_validation(dv)
    dv.add(f"D2:D{ws.max_row}")

    about = wb.create_sheet("About")
    about.append([framework["name"], framework["publisher"], framework["published"]])
    about.append([framework["url"]])
    about.append([framework["attribution"]])
    about.append(
        [
            "Progress is read across from dueregard's element roll-up of the drafts checked: "
            "in place = significant, work in progress = moderate, not in place = no progress; "
            "the weakest status across drafts counts."
        ]
    )
    about.column_dimensions["A"].width = 120
    wb.save(xlsx)


# %% Where to read drafts and write results
# As a script: `analyse.py [OUT_DIR] [--drafts DIR]`. In a notebook: the defaults.
args = parse_args([] if "ipykernel" in sys.modules else sys.argv[1:])
out: pathlib.Path = args.out_dir
out.mkdir(parents=True, exist_ok=True)
framework = dueregard.framework()
pillar_titles = {p["number"]: p["title"] for p in framework["pillars"]}

# %% Check every draft (all cores, in input order)
paths = sorted(p for p in args.drafts.iterdir() if p.suffix.lower() in DRAFT_SUFFIXES)
names = [p.stem for p in paths]
reports = dueregard.Checker().check_many(paths)
findings = dueregard.findings_frame(reports, drafts=names)
findings.to_csv(out / "findings.csv", index=False)
n_findings = len(findings.drop_duplicates(["draft", "finding"]))
print(f"Checked {len(reports)} drafts: {n_findings} findings.")

# %% Findings by pillar
# A finding serving two elements of one pillar counts once for that pillar.
per_pillar = findings.dropna(subset=["pillar"]).drop_duplicates(["draft", "finding", "pillar"])
by_pillar = (
    per_pillar.pivot_table(
        index="pillar", columns="bucket", values="finding", aggfunc="count", fill_value=0
    )
    .reindex(index=sorted(pillar_titles), columns=["violations", "needs_review"], fill_value=0)
    .rename(columns={"violations": "to_change", "needs_review": "to_review"})
)
by_pillar.insert(0, "title", [pillar_titles[n] for n in by_pillar.index])
by_pillar.to_csv(out / "findings_by_pillar.csv")
by_pillar_and_draft = pd.crosstab(per_pillar["draft"], per_pillar["pillar"]).reindex(
    index=names, columns=sorted(pillar_titles), fill_value=0
)
by_pillar_and_draft.to_csv(out / "findings_by_pillar_and_draft.csv")
print("\nFindings by pillar:")
print(by_pillar.to_string())

# %% Findings by protected characteristic
by_characteristic = characteristic_table(paths, names, findings)
by_characteristic.to_csv(out / "findings_by_characteristic.csv", index=False)
# Wide: one row per characteristic, one column per draft with an EIA.
cells = by_characteristic.assign(
    cell=[
        impact + (f" ({n} finding{'s' if n != 1 else ''})" if n else "")
        for impact, n in zip(by_characteristic["impact"], by_characteristic["findings"])
    ]
)
wide = cells.pivot(index="characteristic", columns="draft", values="cell").fillna("")
wide = wide.reindex(index=list(dict.fromkeys(by_characteristic["characteristic"])))
wide.to_csv(out / "findings_by_characteristic_wide.csv")
print("\nEIA by protected characteristic (impact recorded, and findings against it):")
print(wide.to_string())

# %% A chart of findings per pillar
chart(by_pillar, out / "findings_by_pillar.png", len(reports))

# %% The framework's progress checklist, 17 rows
checklist = progress_checklist(reports, names, framework)
checklist.to_csv(out / "progress_checklist.csv", index=False)
write_xlsx(checklist, out / "progress_checklist.xlsx", framework)
print("\nProgress checklist:")
print(checklist[["element", "progress"]].to_string(index=False))
print(f"\nWrote {out}")
print(framework["attribution"])
