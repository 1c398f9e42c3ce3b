"""The Python API: Checker, Report, module functions, pickling, processes, threads."""

from __future__ import annotations

import html
import json
import multiprocessing
import pathlib
import pickle
import sys
import threading
import time

import pytest

import dueregard
from dueregard import Checker, Report

PACK = {
    "name": "Westbrook Trust pack",
    "version": "2026.1",
    "disable": ["term-binary-pronouns"],
    "severity": {"term-relationship-assumptions": "error"},
}

BEREAVEMENT = "examples/drafts/bereavement-leave-policy.json"


# -- module functions -----------------------------------------------------------


def test_framework_has_17_elements_and_6_pillars():
    fw = dueregard.framework()
    assert [p["number"] for p in fw["pillars"]] == [1, 2, 3, 4, 5, 6]
    assert len(fw["elements"]) == 17
    assert fw["elements"][0]["id"] == "1.1" and fw["elements"][-1]["id"] == "6.2"
    assert [s["value"] for s in fw["progress_scale"]] == ["significant", "moderate", "no_progress"]
    assert "NHS Confederation" in fw["attribution"]


def test_rules_are_metadata_dicts():
    rules = dueregard.rules()
    assert len(rules) >= 15
    ids = [r["id"] for r in rules]
    assert len(ids) == len(set(ids))
    assert {"eia-present", "term-binary-pronouns"} <= set(ids)
    assert all(r["elements"] for r in rules)
    assert "term-binary-pronouns" not in {r["id"] for r in dueregard.rules(PACK)}


def test_module_check_reads_a_path_relative_to_the_working_directory(root, monkeypatch):
    monkeypatch.chdir(root)
    report = dueregard.check(BEREAVEMENT)
    assert report.draft.title == "Bereavement and Compassionate Leave Policy"
    assert dueregard.check(pathlib.Path(BEREAVEMENT)) == report


def test_module_check_takes_a_rule_pack(root):
    report = dueregard.check(root / BEREAVEMENT, rule_pack=PACK)
    assert report.engine.rule_pack == "Westbrook Trust pack"
    assert "term-binary-pronouns" not in {f.rule for f in report.findings()}


def test_version_is_the_cores():
    assert dueregard.check({"title": "t"}).engine.version == dueregard.__version__


# -- Checker --------------------------------------------------------------------


def test_checker_is_frozen(checker):
    with pytest.raises((AttributeError, TypeError)):
        checker.rule_pack = "{}"
    with pytest.raises((AttributeError, TypeError)):
        checker.anything = 1


def test_checker_takes_a_pack_as_dict_text_or_path(tmp_path: pathlib.Path):
    text = json.dumps(PACK)
    path = tmp_path / "pack.json"
    path.write_text(text, encoding="utf-8")
    for pack in (PACK, text, path, str(path)):
        c = Checker(pack)
        assert (c.pack_name, c.pack_version) == ("Westbrook Trust pack", "2026.1")
        assert json.loads(c.rule_pack) == PACK
    assert Checker().rule_pack is None
    assert Checker(None).pack_name == "dueregard en-GB"
    assert "Westbrook Trust pack" in repr(Checker(PACK))


def test_a_pack_changes_the_report(root):
    plain = Checker().check(root / BEREAVEMENT)
    packed = Checker(PACK).check(root / BEREAVEMENT)
    rules = {f.rule: f.severity for f in packed.findings()}
    assert "term-binary-pronouns" in {f.rule for f in plain.findings()}
    assert "term-binary-pronouns" not in rules
    assert rules["term-relationship-assumptions"] == "error"
    assert not packed.passes_gate


@pytest.mark.parametrize("pack", [None, PACK])
def test_checker_pickles_by_its_rule_pack(root, pack):
    c = Checker(pack)
    back = pickle.loads(pickle.dumps(c))
    assert type(back) is Checker
    assert back.rule_pack == c.rule_pack
    assert back.check(root / BEREAVEMENT) == c.check(root / BEREAVEMENT)
    # The pickle carries the pack's text, not a file name: it works anywhere.
    assert pickle.loads(pickle.dumps(back, protocol=2)).pack_name == c.pack_name


def test_a_process_pool_uses_a_checker(root):
    import _workers  # a module of its own, so spawned workers can import it by name

    paths = [c for c in sorted((root / "examples" / "drafts").glob("*.json"))]
    for pack in (None, PACK):
        checker = Checker(pack)
        ctx = multiprocessing.get_context("spawn")  # a new interpreter: nothing shared
        with ctx.Pool(2) as pool:
            reports = pool.starmap(_workers.check_with, [(checker, p) for p in paths])
            names = pool.map(_workers.pack_name, [checker, checker])
        assert [r.to_json() for r in reports] == [checker.check(p).to_json() for p in paths]
        assert names == [checker.pack_name] * 2


def test_checker_is_shared_by_python_threads(checker, example_paths):
    expected = [checker.check(p).to_json() for p in example_paths]
    results = {}

    def work(i):
        results[i] = [checker.check(p).to_json() for p in example_paths]

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r == expected for r in results.values()) and len(results) == 4


def test_checking_releases_the_gil(checker):
    # While one long check runs, another Python thread keeps counting. If the
    # check held the GIL the counter could not move until it returned.
    text = "The service offers appointments to everyone who needs them. " * 150000  # 9 MB
    draft = json.dumps({"title": "Long", "sections": [{"id": "s", "text": text}]})
    counts = []
    stop = threading.Event()

    def count():
        n = 0
        while not stop.is_set():
            n += 1
            if n % 1000 == 0:
                counts.append(time.perf_counter())

    t = threading.Thread(target=count)
    t.start()
    try:
        time.sleep(0.05)
        start = time.perf_counter()
        checker.check(draft)
        end = time.perf_counter()
    finally:
        stop.set()
        t.join()
    during = [c for c in counts if start < c < end]
    assert end - start > 0.02, "the check was too quick to tell"
    assert len(during) >= 5, f"the counter moved {len(during)} times in {end - start:.3f}s"


# -- str, path or JSON ----------------------------------------------------------


def test_a_str_is_json_when_it_starts_with_a_brace(checker, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.json").write_text('{"title": "from the file"}', encoding="utf-8")
    assert checker.check("x.json").draft.title == "from the file"
    assert checker.check('  {"title": "from the text"}').draft.title == "from the text"


def test_a_str_naming_an_existing_file_with_another_extension_is_a_path(checker, tmp_path):
    p = tmp_path / "notes.rtf"
    p.write_text("x", encoding="utf-8")
    with pytest.raises(dueregard.DraftError) as info:
        checker.check(str(p))
    assert info.value.kind == "unsupported_format"


def test_text_files_take_their_stem_as_title(checker, tmp_path):
    p = tmp_path / "Carers Leave.txt"
    p.write_text("Leave to care for a husband or wife.", encoding="utf-8")
    report = checker.check(p)
    assert report.draft.title == "Carers Leave"
    assert report.violations[0].rule == "term-relationship-assumptions"
    md = tmp_path / "untitled.MD"
    md.write_text("Some text with no heading, he or she.\n", encoding="utf-8")
    assert checker.check(md).draft.title == "untitled"


# -- Report ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def report(root) -> Report:
    return dueregard.check(root / BEREAVEMENT)


def test_report_attribute_access(report):
    assert report.summary.violations == len(report.violations)
    assert report.summary["needs_review"] == len(report.needs_review)
    f = report.violations[0]
    assert f.location.path.startswith("/sections/")
    assert f.location.span.line >= 1
    assert f.get("waiver") is None
    with pytest.raises(AttributeError, match="use .get"):
        f.waiver
    assert len(report.elements) == 17 and len(report.pillars) == 6
    assert report["draft"]["kind"] == "workforce_policy"
    assert "summary" in dir(report)
    with pytest.raises(AttributeError):
        report.summary.violations = 0


def test_report_to_dict_and_to_json(report):
    text = report.to_json()
    assert isinstance(text, str) and text == report.to_json()
    d = report.to_dict()
    assert d == json.loads(text)
    d["summary"]["violations"] = -1  # a copy: editing it changes nothing
    assert report.summary.violations != -1 and report.to_dict() != d
    assert report.summary.to_dict() == json.loads(text)["summary"]
    assert report.violations[0] == json.loads(text)["violations"][0]


def test_report_from_str_or_bytes(report):
    text = report.to_json()
    assert report.to_json() is text  # decoded once
    from_str, from_bytes = Report(text), Report(text.encode("utf-8"))
    assert from_str == from_bytes == report
    assert from_bytes.to_json() == text and from_bytes.summary == report.summary
    assert pickle.loads(pickle.dumps(from_str)) == report
    with pytest.raises(TypeError):
        Report(42)


def test_report_equality_pickle_and_repr(report):
    back = pickle.loads(pickle.dumps(report))
    assert back == report and back.to_json() == report.to_json()
    assert hash(back) == hash(report)
    assert "Bereavement" in repr(report) and "to change" in repr(report)
    assert pickle.loads(pickle.dumps(report.violations[0])) == report.violations[0]


def test_passes_gate_follows_the_summary(report, root):
    assert report.passes_gate == (report.summary.blocking == 0)
    blocked = dueregard.check(root / "examples/drafts/patient-registration-form.json")
    assert blocked.summary.blocking > 0 and not blocked.passes_gate


def test_findings_are_violations_then_review(report):
    assert list(report.findings()) == list(report.violations) + list(report.needs_review)


def test_to_pandas_is_tidy(report):
    pd = pytest.importorskip("pandas")
    df = report.to_pandas()
    assert list(df.columns)[:9] == [
        "draft", "rule", "severity", "bucket", "element", "pillar", "section", "line", "message",
    ]
    n_findings = report.summary.violations + report.summary.needs_review
    assert df["finding"].nunique() == n_findings
    assert len(df) == sum(len(f.elements) for f in report.findings())
    assert set(df["bucket"]) <= {"violations", "needs_review"}
    assert (df["draft"] == report.draft.title).all()
    pillar_of = {e.id: e.pillar for e in report.elements}
    assert all(pillar_of[e] == p for e, p in zip(df["element"], df["pillar"]))
    text_rows = df[df["path"].str.startswith("/sections/")]
    assert text_rows["line"].notna().all() and text_rows["section"].notna().all()
    eia_rows = df[df["path"].str.startswith("/eia")]
    assert eia_rows["line"].isna().all()
    assert str(df["line"].dtype) == "Int64"
    assert report.to_pandas(draft="bereavement").loc[0, "draft"] == "bereavement"
    assert isinstance(df, pd.DataFrame)


def test_to_pandas_of_a_clean_report_has_the_columns_and_no_rows(checker):
    pytest.importorskip("pandas")
    # Words to read, none to flag (an empty draft is itself a finding: draft-almost-empty).
    clean = {"title": "Visiting", "sections": [{"id": "a", "text": "Visitors are welcome at any time of day."}]}
    df = checker.check(clean).to_pandas()
    assert len(df) == 0 and "rule" in df.columns


def test_elements_frame_has_17_rows(report):
    pytest.importorskip("pandas")
    df = report.elements_frame()
    assert list(df["element"]) == [e["id"] for e in dueregard.framework()["elements"]]
    assert df["status"].notna().all()
    assert set(df["status"]) <= {
        "in_place",
        "work_in_progress",
        "not_in_place",
        "no_issues_found",
        "not_assessed",
    }
    labels = dict(zip(df["status"], df["status_label"]))
    assert labels.get("not_assessed", "Not assessed") == "Not assessed"
    assert labels.get("no_issues_found", "No issues found") == "No issues found"
    # Evidence stands behind every status that claims it, and only those.
    for _, row in df.iterrows():
        has_evidence = row["status"] in ("in_place", "work_in_progress")
        assert bool(row["evidence"]) == has_evidence, row.to_dict()
        if row["status"] == "not_in_place":
            assert row["gaps"], row.to_dict()


def test_frames_for_many_reports(checker, example_paths):
    pytest.importorskip("pandas")
    reports = checker.check_many(example_paths)
    names = [p.stem for p in example_paths]
    df = dueregard.findings_frame(reports, drafts=names)
    assert set(df["draft"]) <= set(names)
    assert len(df) == sum(len(r.to_pandas()) for r in reports)
    el = dueregard.elements_frame(reports, drafts=names)
    assert len(el) == 17 * len(reports)
    with pytest.raises(ValueError):
        dueregard.findings_frame(reports, drafts=names[:1])


def test_without_pandas_the_import_error_says_what_to_install(report, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # `import pandas` now fails
    with pytest.raises(ImportError, match="pip install pandas"):
        report.to_pandas()
    with pytest.raises(ImportError, match="pip install pandas"):
        report.elements_frame()
    assert report.finding_rows()  # the rows themselves need no pandas


def test_repr_html_is_a_readable_table(report):
    page = report._repr_html_()
    # Findings, pillars, and the elements with evidence or gaps behind their status.
    assert page.count("<table>") == 3
    assert "<code>eia-engagement</code>" in page
    assert report.draft.title in page
    assert html.escape(report.violations[0].message) in page


def test_repr_html_escapes_all_draft_text(checker):
    evil = "<script>alert('x')</script>"
    report = checker.check(
        {
            "title": evil,
            "kind": "other",
            "sections": [{"id": "<b>id</b>", "heading": evil, "text": f"{evil} he or she <img src=x>"}],
        }
    )
    page = report._repr_html_()
    assert "<script>" not in page and "<img" not in page and "<b>id" not in page
    assert html.escape(evil) in page


PAST_REVIEW = {
    "title": "Leave",
    "kind": "workforce_policy",
    "dates": {"decision": "2024-03-01", "review": "2025-03-01"},
    "eia": {"sign_off": {"name": "Director of People", "date": "2024-02-20"}},
}


def _review_messages(report):
    return [f.message for f in report.findings() if f.rule == "eia-sign-off-review"]


def test_as_of_judges_review_dates_and_survives_pickling():
    import datetime

    # Without a date, review dates are not judged: the report depends on the draft alone.
    assert Checker().as_of is None
    assert _review_messages(Checker().check(PAST_REVIEW)) == []
    for given in ("2026-11-30", datetime.date(2026, 11, 30)):
        checker = Checker(as_of=given)
        assert checker.as_of == "2026-11-30"
        late = _review_messages(checker.check(PAST_REVIEW))
        assert len(late) == 1 and "has passed (as of 2026-11-30)" in late[0], late
        back = pickle.loads(pickle.dumps(checker))
        assert back.as_of == "2026-11-30"
        assert _review_messages(back.check(PAST_REVIEW)) == late
    # The review date itself is not past.
    assert _review_messages(Checker(as_of="2025-03-01").check(PAST_REVIEW)) == []


def test_a_bad_as_of_is_a_typed_error():
    import datetime

    with pytest.raises(dueregard.OptionsError, match="2026-02-30"):
        Checker(as_of="2026-02-30")
    with pytest.raises(dueregard.OptionsError, match="YYYY-MM-DD"):
        Checker(as_of="30/11/2026")
    with pytest.raises(TypeError, match="use .date()"):
        Checker(as_of=datetime.datetime(2026, 11, 30, 9, 0))
    with pytest.raises(TypeError, match="not int"):
        Checker(as_of=20261130)
