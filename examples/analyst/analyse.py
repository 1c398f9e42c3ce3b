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
  elements.csv                      each framework element across the drafts: status on
                                    evidence, the drafts that show it and contradict it
  progress_checklist.csv / .xlsx    the framework's progress checklist, 17 rows, written by
                                    dueregard's own writer (the workbook also holds every
                                    finding and the waiver register)
  organisation.json                 the organisation view; the next run measures progress
                                    against it

    python examples/analyst/analyse.py [OUT_DIR]      (default: examples/analyst/out/)

Needs the dueregard wheel, pandas and matplotlib (the workbook is written by dueregard). The `# %%` markers
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

# %% The organisation view and the framework's progress checklist, 17 rows
# The core does the roll-up: an element is in place only on positive evidence in a
# draft and no gap against it in any. Progress is measured against the view this
# script saved last time, if there is one.
previous_path = out / "organisation.json"
previous = previous_path if previous_path.is_file() else None
org = dueregard.organisation(zip(names, reports), previous=previous)
org.elements.to_csv(out / "elements.csv", index=False)
org.to_csv(out / "progress_checklist.csv")
org.to_excel(out / "progress_checklist.xlsx")
previous_path.write_text(org.to_json(), encoding="utf-8")
print("\nProgress checklist (status on the evidence of these drafts):")
print(org.elements[["element", "status", "progress"]].to_string(index=False))
print(f"\nWrote {out}")
print(framework["attribution"])
