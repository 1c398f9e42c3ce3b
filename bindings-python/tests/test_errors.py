"""Every error path: typed exceptions with the core's pointer and kind, never a crash."""

from __future__ import annotations

import json
import pathlib
import pickle

import pytest

import dueregard
from dueregard import DraftError, DueregardError, RulePackError


def raises_draft_error(checker, draft, kind, pointer=None) -> DraftError:
    with pytest.raises(DraftError) as info:
        checker.check(draft)
    err = info.value
    assert err.kind == kind, err
    assert err.pointer == pointer, err
    assert str(err) and err.message
    return err


def test_the_exceptions_are_value_errors():
    for cls in (DueregardError, DraftError, RulePackError):
        assert issubclass(cls, ValueError)
    assert not issubclass(DraftError, RulePackError)
    assert not issubclass(RulePackError, DraftError)


def test_bad_json_is_a_syntax_error_without_a_pointer(checker):
    err = raises_draft_error(checker, '{"title": "t",', "syntax")
    assert "line 1" in err.message
    raises_draft_error(checker, "", "syntax")
    raises_draft_error(checker, "not json at all", "syntax")


def test_a_value_of_the_wrong_type_names_its_pointer(checker):
    err = raises_draft_error(checker, '{"title": 7}', "invalid", "/title")
    assert "expected a string" in err.message
    raises_draft_error(
        checker,
        {"title": "t", "sections": [{"id": "a", "text": 5}]},
        "invalid",
        "/sections/0/text",
    )
    raises_draft_error(checker, {"title": "t", "kind": "memo"}, "invalid", "/kind")


def test_an_unknown_field_names_its_pointer(checker):
    err = raises_draft_error(checker, {"title": "t", "sectons": []}, "invalid", "/sectons")
    assert "unknown field" in err.message and "sections" in err.message


def test_a_bad_date_names_its_pointer(checker):
    raises_draft_error(
        checker, {"title": "t", "dates": {"review": "next year"}}, "invalid", "/dates/review"
    )


def test_limits_are_typed_errors(checker):
    raises_draft_error(checker, "[" * 100, "too_deep")
    big = json.dumps({"title": "t", "sections": [{"id": "a", "text": "x" * (11 * 1024 * 1024)}]})
    raises_draft_error(checker, big, "too_large")


def test_a_bad_rule_pack_names_its_pointer():
    with pytest.raises(RulePackError) as info:
        dueregard.Checker({"name": "x", "version": "1", "disable": ["nope"]})
    assert (info.value.kind, info.value.pointer) == ("rule", "/disable/0")
    assert "nope" in info.value.message

    with pytest.raises(RulePackError) as info:
        dueregard.Checker('{"name": "x", "version": "1", "severity": {"term-binary-pronouns": "loud"}}')
    assert (info.value.kind, info.value.pointer) == ("invalid", "/severity/term-binary-pronouns")

    with pytest.raises(RulePackError) as info:
        dueregard.Checker('{"name": "x"')
    assert (info.value.kind, info.value.pointer) == ("invalid", "")


def test_a_rule_pack_of_the_wrong_type_is_a_type_error():
    with pytest.raises(TypeError):
        dueregard.Checker(42)
    with pytest.raises(TypeError):
        dueregard.Checker([{"name": "x"}])


def test_a_rule_pack_file_that_is_not_utf8(tmp_path: pathlib.Path):
    pack = tmp_path / "pack.json"
    pack.write_bytes(b'{"name": "caf\xe9", "version": "1"}')
    with pytest.raises(RulePackError) as info:
        dueregard.Checker(pack)
    assert "UTF-8" in str(info.value) and info.value.path == str(pack)


@pytest.mark.parametrize("suffix", [".txt", ".md", ".json"])
def test_a_file_that_is_not_utf8_is_a_draft_error(checker, tmp_path: pathlib.Path, suffix):
    path = tmp_path / f"latin1{suffix}"
    path.write_bytes(b"Leave for a husband or wif\xe9.\n")
    for draft in (path, str(path)):
        err = raises_draft_error(checker, draft, "not_utf8")
        assert "offset 26" in err.message
        assert err.path == str(path) and str(path) in str(err)


def test_a_lone_surrogate_is_u_fffd_not_an_error(checker):
    # As in JavaScript and the README: U+FFFD, the same report as writing it.
    replaced = checker.check('{"title": "\ufffd"}').to_json()
    assert checker.check('{"title": "\ud800"}').to_json() == replaced
    assert checker.check({"title": "\udcff"}).to_json() == replaced


def test_a_missing_file_is_file_not_found(checker, tmp_path: pathlib.Path):
    missing = tmp_path / "no-such-draft.json"
    with pytest.raises(FileNotFoundError):
        checker.check(missing)
    with pytest.raises(FileNotFoundError):
        checker.check(str(missing))
    with pytest.raises(FileNotFoundError):
        checker.check("no-such-guide.md")


def test_an_unsupported_extension_is_a_draft_error(checker, tmp_path: pathlib.Path):
    doc = tmp_path / "policy.odt"
    doc.write_bytes(b"PK\x03\x04")
    for draft in (doc, str(doc)):
        err = raises_draft_error(checker, draft, "unsupported_format")
        assert ".odt" in err.message and ".docx" in err.message and err.path == str(doc)


@pytest.mark.parametrize("bad", [42, 4.2, None, b'{"title": "t"}', ["a.json"], ("t",), object()])
def test_anything_but_a_dict_str_or_path_is_a_type_error(checker, bad):
    with pytest.raises(TypeError):
        checker.check(bad)
    with pytest.raises(TypeError):
        checker.check_many([bad])


def test_a_dict_that_is_not_json_is_a_type_error(checker):
    with pytest.raises(TypeError):
        checker.check({"title": object()})


def test_check_many_raises_the_first_bad_draft_with_its_index(checker, example_paths):
    drafts = [example_paths[0], '{"title": 7}', example_paths[1], "{oops"]
    with pytest.raises(DraftError) as info:
        checker.check_many(drafts, threads=2)
    assert (info.value.index, info.value.pointer) == (1, "/title")
    assert str(info.value).startswith("draft 1: ")


def test_check_many_can_return_errors_in_place(checker, example_paths):
    drafts = [example_paths[0], '{"title": 7}', example_paths[1], "{oops"]
    out = checker.check_many(drafts, threads=2, on_error="return")
    assert isinstance(out[0], dueregard.Report) and isinstance(out[2], dueregard.Report)
    assert isinstance(out[1], DraftError) and out[1].index == 1
    assert isinstance(out[3], DraftError) and out[3].kind == "syntax" and out[3].index == 3


def test_check_many_rejects_bad_arguments(checker, example_paths):
    with pytest.raises(ValueError):
        checker.check_many(example_paths, threads=0)
    with pytest.raises(ValueError):
        checker.check_many(example_paths, threads=-1)
    with pytest.raises(ValueError):
        checker.check_many(example_paths, on_error="ignore")
    with pytest.raises(TypeError):
        checker.check_many(42)


def test_errors_pickle_with_their_attributes():
    err = DraftError("bad", kind="invalid", pointer="/title", path="x.json", index=3)
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is DraftError
    assert (back.message, back.kind, back.pointer, back.path, back.index) == (
        "bad",
        "invalid",
        "/title",
        "x.json",
        3,
    )
    assert str(back) == str(err)


HOSTILE = [
    "{" * 5000,
    "[" * 5000 + "]" * 5000,
    '{"title": "' + "\u0000\u202e\ufeff\U0001f3f3\ufe0f\u200d\u26a7\ufe0f" * 1000 + '"}',
    '{"title": "t", "sections": [' + ",".join('{"id": "s%d", "text": "he or she"}' % i for i in range(3000)) + "]}",
    '{"title": 1e999999}',
    '{"title": "t", "title": "u"}',
    '{"title": "t", "kind": "other", "eia": {"groups": [{"group": "age", "impact": "sideways"}]}}',
    '{"title": "t", "fields": [{"label": "x", "kind": "radio", "options": [' + '"a",' * 2000 + '"b"]}]}',
    "\ufeff{}",
    "null",
    "true",
    '"just a string"',
    "{}",
]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_input_is_a_report_or_a_draft_error_never_a_crash(checker, text):
    try:
        report = checker.check(text)
    except DraftError as err:
        assert err.kind in {"syntax", "invalid", "too_large", "too_deep", "not_utf8", "over_limit"}
    else:
        assert isinstance(report, dueregard.Report)
        json.loads(report.to_json())


@pytest.mark.parametrize("text", ["", "\n\n", "# \n", "\x00\x01", "\u2028" * 10, "a\r\nb\rc"])
def test_any_text_checks(checker, text):
    for markdown in (False, True):
        report = checker.check_text(text, title="t", markdown=markdown)
        assert isinstance(report, dueregard.Report)


def test_check_text_takes_only_text(checker):
    with pytest.raises(TypeError):
        checker.check_text(b"bytes")
    lone = checker.check_text("a lone \udc80 surrogate", title="t")
    assert lone.to_json() == checker.check_text("a lone \ufffd surrogate", title="t").to_json()
