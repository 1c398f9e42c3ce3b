"""The analyst example runs end to end and writes what it promises."""

from __future__ import annotations

import csv
import pathlib
import subprocess
import sys

import pytest


def test_the_analyst_script_writes_png_csv_and_xlsx(root: pathlib.Path, tmp_path: pathlib.Path):
    pytest.importorskip("pandas")
    pytest.importorskip("matplotlib")
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "out"
    run = subprocess.run(
        [sys.executable, str(root / "examples" / "analyst" / "analyse.py"), str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    assert "Findings by pillar" in run.stdout and "Progress checklist" in run.stdout

    png = out / "findings_by_pillar.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert png.stat().st_size > 10_000

    with open(out / "progress_checklist.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 17
    assert [r["Element"] for r in rows][:3] == ["1.1", "1.2", "1.3"]
    assert {r["Progress"] for r in rows} <= {
        "Significant progress",
        "Moderate progress",
        "No progress",
        "",
    }
    assert all(r["Action to date"] for r in rows)
    statuses = {"In place", "Work in progress", "Not in place", "No issues found", "Not assessed"}
    assert {r["Status found"] for r in rows} <= statuses

    # The workbook comes from the core's writer, in the framework's checklist layout.
    wb = openpyxl.load_workbook(out / "progress_checklist.xlsx")
    assert wb.sheetnames[:3] == ["Progress checklist", "Findings", "Waiver register"]
    ws = wb["Progress checklist"]
    ids = [row[8] for row in ws.iter_rows(values_only=True) if row[8] and row[8] != "Element"]
    assert ids == [r["Element"] for r in rows]
    assert any("NHS Confederation" in str(c.value) for c in wb["About"]["A"])

    # A second run measures progress against the first.
    again = subprocess.run(
        [sys.executable, str(root / "examples" / "analyst" / "analyse.py"), str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert again.returncode == 0, again.stderr
    with open(out / "progress_checklist.csv", newline="", encoding="utf-8") as f:
        second = list(csv.DictReader(f))
    assert all("No gap closed since" in r["Action to date"] for r in second if r["Progress"])

    with open(out / "findings_by_pillar.csv", newline="", encoding="utf-8") as f:
        pillars = list(csv.DictReader(f))
    assert [p["pillar"] for p in pillars] == ["1", "2", "3", "4", "5", "6"]
    with open(out / "findings_by_characteristic.csv", newline="", encoding="utf-8") as f:
        groups = list(csv.DictReader(f))
    assert {"sexual_orientation", "gender_reassignment"} <= {g["characteristic"] for g in groups}
    # EIA findings at /eia/groups/N are attributed to that group's characteristic.
    assert any(int(g["findings"]) > 0 and g["rules"] for g in groups)
