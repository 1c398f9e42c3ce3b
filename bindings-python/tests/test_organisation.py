"""dueregard.organisation: the core's organisation view, from Python."""

from __future__ import annotations

import json
import pathlib

import pytest

import dueregard


@pytest.fixture(scope="module")
def checked(example_paths):
    reports = dueregard.Checker().check_many(example_paths)
    return list(zip([p.name for p in example_paths], reports))


def test_elements_and_findings_frames(checked):
    pytest.importorskip("pandas")
    org = dueregard.organisation(checked, as_of="2026-11-30")
    elements = org.elements
    assert list(elements["element"]) == [e["id"] for e in dueregard.framework()["elements"]]
    assert set(elements["status"]) <= {
        "in_place",
        "work_in_progress",
        "not_in_place",
        "no_issues_found",
        "not_assessed",
    }
    # Evidence stands behind in place and work in progress, and only there.
    for _, row in elements.iterrows():
        assert bool(row["evidence"]) == (row["status"] in ("in_place", "work_in_progress")), row.to_dict()
    assert len(org.findings) == sum(len(r.violations) + len(r.needs_review) for _, r in checked)
    assert list(org.waivers.columns)[:5] == ["document", "rule", "name", "elements", "reason"]
    assert org.summary["documents"] == len(checked)


def test_a_contradicted_claim_is_named(checked, tmp_path: pathlib.Path):
    pytest.importorskip("pandas")
    claims = tmp_path / "claims.csv"
    claims.write_text("element,claimed,note\n4.1,In place,Form v2\n", encoding="utf-8")
    org = dueregard.organisation(checked, self_assessment=claims)
    row = org.self_assessment.iloc[0]
    assert row["element"] == "4.1" and not row["agrees"] and row["outcome"] == "contradicted"
    # The Word example's EIA lists trans people as a third option under sex (4.1 too).
    assert row["documents"] == "flexible-working-policy.docx, patient-registration-form.json"
    assert '"Gender" offers only two answers' in row["message"]
    # The same claims as a list of dicts give the same result.
    same = dueregard.organisation(
        checked, self_assessment=[{"element": "4.1", "claimed": "in_place", "note": "Form v2"}]
    )
    assert same.to_json() == org.to_json()


def test_previous_gives_progress(example_paths):
    pytest.importorskip("pandas")
    checker = dueregard.Checker()
    form = next(p for p in example_paths if p.name == "patient-registration-form.json")
    before = dueregard.organisation([("form", checker.check(form))], as_of="2026-06-01")
    fixed = json.loads(form.read_text(encoding="utf-8"))
    # Marital status gains a civil partnership option: one gap on 4.1 closed.
    marital = next(f for f in fixed["fields"] if f["id"] == "marital_status")
    marital["options"].append("In a civil partnership")
    after = dueregard.organisation([("form", checker.check(fixed))], previous=before)
    row = after.elements.set_index("element").loc["4.1"]
    assert row["previous_status"] == "not_in_place"
    assert row["progress"] == "moderate"
    assert "data-marital-civil-partnership" in row["action_to_date"]


def test_workbook_and_html(checked, tmp_path: pathlib.Path):
    openpyxl = pytest.importorskip("openpyxl")
    org = dueregard.organisation(checked)
    book = tmp_path / "org.xlsx"
    org.to_excel(book)
    wb = openpyxl.load_workbook(book)
    ws = wb["Progress checklist"]
    ids = [r[8] for r in ws.iter_rows(values_only=True) if isinstance(r[8], str) and r[8][:1].isdigit()]
    assert len(ids) == 17
    html = org.to_html()
    assert html.startswith("<!DOCTYPE html>") and html.count('<tr id="element-') == 17
    assert org.to_csv().splitlines()[0].startswith("Pillars and recommendations")


def test_bad_inputs_raise_typed_errors(checked):
    with pytest.raises(dueregard.OrganisationError) as e:
        dueregard.organisation(checked, self_assessment="element,claimed\n9.9,in place\n")
    assert "line 2" in str(e.value) and isinstance(e.value, ValueError)
    with pytest.raises(dueregard.OrganisationError):
        dueregard.organisation(checked, previous='{"format_version": 7}')
    with pytest.raises(TypeError):
        dueregard.organisation([("a", "not a report")])
