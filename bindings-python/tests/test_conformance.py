"""The conformance corpus: Python gives byte-identical reports to the Rust core.

Each expected file is ``serde_json::to_string_pretty(report) + "\\n"``.
Python's ``json.dumps(obj, indent=2, ensure_ascii=False)`` writes the same
format (2-space indent, ``": "``, no trailing spaces, ``[]`` and ``{}`` for
empty containers, non-ASCII unescaped, control characters as ``\\u00XX``), so
the pretty form is compared byte for byte. ``report.to_json()`` (the core's
compact text, untouched) is also compared byte for byte with the compact form
of the expected report.
"""

from __future__ import annotations

import json

import pytest

import dueregard
from conftest import CASES, Case


def pretty(report_json: str) -> str:
    return json.dumps(json.loads(report_json), indent=2, ensure_ascii=False) + "\n"


def compact(text: str) -> str:
    return json.dumps(json.loads(text), separators=(",", ":"), ensure_ascii=False)


def test_the_corpus_is_all_there():
    names = [c.name for c in CASES]
    assert len([n for n in names if n.startswith("examples/")]) >= 6, names
    assert len([n for n in names if n.startswith("corpus/")]) >= 9, names
    assert any(c.draft.suffix == ".md" for c in CASES), "a Markdown example is in the corpus"
    for case in CASES:
        assert case.expected.is_file(), f"{case.name} has no expected report at {case.expected}"


def test_the_package_under_test_is_the_installed_wheel():
    # Not the source tree: the tests must exercise what maturin built.
    assert "site-packages" in dueregard.__file__, dueregard.__file__


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_pretty_report_is_byte_identical(checker, case: Case):
    report = checker.check(case.draft)
    expected = case.expected.read_text(encoding="utf-8")
    assert pretty(report.to_json()) == expected


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_to_json_is_the_cores_compact_text(checker, case: Case):
    report = checker.check(case.draft)
    assert report.to_json() == compact(case.expected.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "case", [c for c in CASES if c.draft.suffix == ".json"], ids=lambda c: c.name
)
def test_every_way_of_passing_a_draft_agrees(checker, case: Case):
    by_path = checker.check(case.draft).to_json()
    text = case.draft.read_text(encoding="utf-8")
    assert checker.check(str(case.draft)).to_json() == by_path
    assert checker.check(text).to_json() == by_path
    assert checker.check(json.loads(text)).to_json() == by_path
    assert dueregard.check(case.draft).to_json() == by_path


def test_markdown_by_path_equals_check_text_with_the_stem_as_title(checker):
    for case in CASES:
        if case.draft.suffix in (".md", ".txt"):
            text = case.draft.read_text(encoding="utf-8")
            direct = checker.check_text(
                text, title=case.draft.stem, markdown=case.draft.suffix == ".md"
            )
            assert direct.to_json() == checker.check(case.draft).to_json()


@pytest.mark.parametrize("threads", [None, 1, 2, 3])
def test_check_many_equals_a_loop_of_check(checker, threads):
    drafts = [c.draft for c in CASES] * 3
    one_by_one = [checker.check(d).to_json() for d in drafts]
    many = checker.check_many(drafts, threads=threads)
    assert [r.to_json() for r in many] == one_by_one


def test_check_many_keeps_input_order_for_mixed_inputs(checker):
    json_cases = [c for c in CASES if c.draft.suffix == ".json"]
    drafts = []
    for i, case in enumerate(json_cases * 4):
        text = case.draft.read_text(encoding="utf-8")
        drafts.append([case.draft, str(case.draft), text, json.loads(text)][i % 4])
    many = checker.check_many(iter(drafts), threads=2)  # any iterable, a generator too
    assert [r.to_json() for r in many] == [checker.check(d).to_json() for d in drafts]


def test_check_many_of_nothing_is_an_empty_list(checker):
    assert checker.check_many([]) == []


@pytest.mark.parametrize("threads", [1, 2])
def test_check_many_across_many_chunks(checker, threads):
    # check_many works in chunks of 64 drafts per thread; cross several.
    drafts = [c.draft for c in CASES] * 20
    assert len(drafts) > 4 * 64
    one_by_one = [checker.check(d).to_json() for d in drafts]
    assert [r.to_json() for r in checker.check_many(iter(drafts), threads=threads)] == one_by_one
    bad = list(drafts)
    bad[200] = '{"title": 7}'
    out = checker.check_many(bad, threads=threads, on_error="return")
    assert [i for i, r in enumerate(out) if isinstance(r, dueregard.DraftError)] == [200]
    assert out[200].index == 200 and out[200].pointer == "/title"
    with pytest.raises(dueregard.DraftError) as info:
        checker.check_many(bad, threads=threads)
    assert info.value.index == 200
