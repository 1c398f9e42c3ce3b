"""Issue 15 on the Python surface: arguments that could abort the process,
files with no end, file names that are not UTF-8, lone surrogates, errors
returned in place, and panics. Each is a typed exception or a report, never
a crash or pyo3's PanicException."""

from __future__ import annotations

import json
import os
import pathlib
import subprocess
import sys
import textwrap

import pytest

import dueregard
from dueregard import DraftError, DueregardError, InternalError, OptionsError, RulePackError
from dueregard import _native

DRAFT = {
    "title": "Leave",
    "kind": "other",
    "sections": [{"id": "s", "text": "Ask if he or she needs leave."}],
}


def run_python(code: str) -> subprocess.CompletedProcess:
    """Runs code in a fresh interpreter, so an abort fails one test, not the run."""
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=120,
    )


# --- item 4: threads ---------------------------------------------------------


@pytest.mark.parametrize("threads", ["10**9", "2**62", "2**64", "10**30", "-2**70"])
def test_a_huge_thread_count_is_an_options_error_not_an_abort(threads):
    run = run_python(
        f"""
        import dueregard
        try:
            dueregard.Checker().check_many([{DRAFT!r}], threads={threads})
        except dueregard.OptionsError as err:
            assert isinstance(err, ValueError) and err.kind == "invalid", err
            print("OptionsError:", err)
        """
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("OptionsError: threads must be a whole number from 1 to "), run.stdout
    assert "PanicException" not in run.stderr


@pytest.mark.parametrize("threads", [0, -1, True, 1.5, "2", [2]])
def test_a_thread_count_that_is_not_a_whole_number_in_range_is_an_options_error(checker, threads):
    with pytest.raises(OptionsError) as info:
        checker.check_many([DRAFT], threads=threads)
    assert isinstance(info.value, ValueError) and isinstance(info.value, DueregardError)
    assert "threads must be a whole number from 1 to" in str(info.value)


def test_the_largest_thread_count_works_and_keeps_order(checker):
    drafts = [dict(DRAFT, title=f"Draft {i}") for i in range(40)]
    reports = checker.check_many(drafts, threads=_native.MAX_THREADS)
    assert [r.draft.title for r in reports] == [f"Draft {i}" for i in range(40)]
    with pytest.raises(OptionsError):
        checker.check_many(drafts, threads=_native.MAX_THREADS + 1)


def test_a_bad_on_error_is_an_options_error(checker):
    with pytest.raises(OptionsError) as info:
        checker.check_many([DRAFT], on_error="ignore")
    assert 'on_error must be "raise" or "return"' in str(info.value)


# --- item 8: errors returned in place ----------------------------------------


def test_on_error_return_returns_a_missing_file_in_place(checker, tmp_path: pathlib.Path):
    missing = tmp_path / "no-such-draft.json"
    odd = tmp_path / "policy.odt"
    odd.write_bytes(b"PK")
    drafts = [DRAFT, missing, str(missing), odd, 42, '{"title": 7}', DRAFT]
    out = checker.check_many(drafts, threads=2, on_error="return")
    assert len(out) == len(drafts)
    assert isinstance(out[0], dueregard.Report) and isinstance(out[6], dueregard.Report)
    assert isinstance(out[1], FileNotFoundError) and isinstance(out[2], FileNotFoundError)
    assert isinstance(out[3], DraftError) and out[3].kind == "unsupported_format"
    assert out[3].index == 3
    assert isinstance(out[4], TypeError)
    assert isinstance(out[5], DraftError) and (out[5].index, out[5].pointer) == (5, "/title")
    # The default still raises the first one.
    with pytest.raises(FileNotFoundError):
        checker.check_many(drafts)


def test_on_error_return_still_propagates_keyboard_interrupt(checker):
    def drafts():
        yield DRAFT
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        checker.check_many(drafts(), on_error="return")


# --- a panic is the binding's typed error ------------------------------------


def test_a_panic_is_an_internal_error_not_a_panic_exception():
    with pytest.raises(InternalError) as info:
        _native._panic_for_tests()
    err = info.value
    assert isinstance(err, Exception) and isinstance(err, RuntimeError)
    assert isinstance(err, DueregardError) and err.kind == "internal"
    assert "a deliberate panic, from the tests" in str(err) and "bug in dueregard" in str(err)
    assert type(err).__name__ != "PanicException"


# --- item 6: a file name that is not UTF-8 -----------------------------------


@pytest.mark.skipif(sys.platform != "linux", reason="needs a file system that takes any bytes as a name")
def test_a_file_name_that_is_not_utf8_is_a_draft_error(checker, tmp_path: pathlib.Path):
    raw = os.fsencode(tmp_path) + b"/caf\xe9 policy.md"
    with open(raw, "wb") as f:
        f.write(b"# Policy\n\nAsk if he or she needs leave.\n")
    name = os.fsdecode(raw)  # "caf\udce9 policy.md": a str Python cannot encode as UTF-8
    for draft in (name, pathlib.Path(name)):
        with pytest.raises(DraftError) as info:
            checker.check(draft)
        err = info.value
        assert err.kind == "not_utf8" and "file name is not valid UTF-8" in err.message
        assert err.path is not None and err.path.endswith("caf\ufffd policy.md")
        str(err).encode("utf-8")  # printable: no surrogate left in the message
    out = checker.check_many([name, DRAFT], on_error="return")
    assert isinstance(out[0], DraftError) and isinstance(out[1], dueregard.Report)
    pack = os.fsencode(tmp_path) + b"/pack\xff.json"
    with open(pack, "wb") as f:
        f.write(b'{"name": "x", "version": "1"}')
    with pytest.raises(RulePackError) as info:
        dueregard.Checker(pathlib.Path(os.fsdecode(pack)))
    assert info.value.kind == "not_utf8"


# --- item 4: files are read only up to their limit ---------------------------


def test_a_draft_file_with_no_end_is_too_large_without_reading_it(checker, tmp_path: pathlib.Path):
    endless = tmp_path / "endless.json"
    endless.symlink_to("/dev/zero")
    with pytest.raises(DraftError) as info:
        checker.check(endless)
    assert info.value.kind == "too_large"
    assert "over the limit of 10485760 bytes" in info.value.message


def test_a_huge_draft_file_is_too_large_with_its_size(checker, tmp_path: pathlib.Path):
    big = tmp_path / "big.md"
    with open(big, "wb") as f:
        f.truncate(5 * 1024 * 1024 * 1024)  # sparse: 5 GiB that take no disk
    with pytest.raises(DraftError) as info:
        checker.check(big)
    assert info.value.kind == "too_large"
    assert info.value.message.startswith("the draft is 5368709120 bytes, over the limit of 10485760 bytes")


def test_a_rule_pack_file_with_no_end_is_a_rule_pack_error(tmp_path: pathlib.Path):
    endless = tmp_path / "pack.json"
    endless.symlink_to("/dev/zero")
    for make in (lambda: dueregard.Checker(endless), lambda: dueregard.check(DRAFT, rule_pack=str(endless))):
        with pytest.raises(RulePackError) as info:
            make()
        assert "over the limit of 2097152 bytes" in info.value.message
        assert info.value.path == str(endless)


def test_a_draft_at_the_limit_is_read(checker, tmp_path: pathlib.Path):
    # A text draft's title (here the file's stem) counts with its text.
    at_limit = tmp_path / "at-limit.txt"
    at_limit.write_bytes(b"a" * (10 * 1024 * 1024 - len("at-limit")))
    assert isinstance(checker.check(at_limit), dueregard.Report)
    at_limit.write_bytes(b"a" * (10 * 1024 * 1024 - len("at-limit") + 1))
    with pytest.raises(DraftError) as info:
        checker.check(at_limit)
    assert info.value.kind == "too_large"


# --- item 7: lone surrogates are U+FFFD --------------------------------------


def test_lone_surrogates_are_u_fffd_in_every_python_input(checker):
    def with_text(text):
        return dict(DRAFT, sections=[{"id": "s", "text": text}])

    expected = checker.check(with_text("he or she \ufffd then \ufffd")).to_json()
    assert checker.check(with_text("he or she \ud800 then \udfff")).to_json() == expected
    assert checker.check(json.dumps(with_text("he or she \ud800 then \udfff"), ensure_ascii=False)).to_json() == expected
    assert (
        checker.check_text("he or she \ud800", title="a\udc80b").to_json()
        == checker.check_text("he or she \ufffd", title="a\ufffdb").to_json()
    )
    # A high surrogate then a low one is the character they encode, as in JavaScript.
    assert (
        checker.check(with_text("flag \ud83c\udff3 here")).to_json()
        == checker.check(with_text("flag \U0001f3f3 here")).to_json()
    )


def test_a_rule_pack_with_a_lone_surrogate_compiles_as_u_fffd():
    pack = {"name": "pack \ud800", "version": "1"}
    assert dueregard.Checker(pack).pack_name == "pack \ufffd"
    assert dueregard.Checker(json.dumps(pack, ensure_ascii=False)).pack_name == "pack \ufffd"


def test_lone_surrogate_escapes_in_json_text_are_u_fffd(checker):
    # JSON text with a \ud800 escape (as JavaScript's JSON.stringify writes a
    # lone surrogate) reads as U+FFFD, like a lone surrogate character does.
    escaped = checker.check('{"title": "a\\ud800b"}').to_json()
    assert escaped == checker.check({"title": "a\ufffdb"}).to_json()


# --- items 1 and 2: the gate cannot be spoofed --------------------------------

SLURS = "term-trans-slurs"


def with_waiver(text, **waiver):
    return {
        "title": "Staff guidance",
        "kind": "other",
        "sections": [{"id": "s", "text": text}],
        "waivers": [dict(rule=SLURS, **waiver)],
    }


@pytest.mark.parametrize(
    "reason",
    ["\u200b", "\u200b\u200c\u2060\ufeff", "\u3164" * 7, "\u2800" * 7, "\x00\x00", ".", "N/A"],
)
def test_an_invisible_or_empty_reason_does_not_clear_the_gate(checker, reason):
    report = checker.check(with_waiver("Never call anyone a tranny.", reason=reason, approved_by="EDI lead"))
    slur = [f for f in report.violations if f.rule == SLURS]
    assert slur and slur[0].get("waiver") is None
    recorded = [f for f in report.violations if f.rule == "waiver-recorded"]
    assert [f.location.path for f in recorded] == ["/waivers/0/reason"]
    assert not report.passes_gate


def test_an_error_waiver_needs_its_approver(checker):
    blocked = checker.check(with_waiver("Never call anyone a tranny.", reason="Quoted from the 1998 leaflet"))
    assert not blocked.passes_gate
    assert "/waivers/0/approved_by" in [f.location.path for f in blocked.violations]
    cleared = checker.check(
        with_waiver("Never call anyone a tranny.", reason="Quoted from the 1998 leaflet", approved_by="EDI lead")
    )
    assert cleared.passes_gate


@pytest.mark.parametrize("sections", [1, 2])
def test_past_the_limit_a_waived_error_does_not_block(checker, sections):
    per = 20_000 // sections
    draft = {
        "title": "t",
        "kind": "other",
        "sections": [{"id": f"s{i}", "text": "tranny " * per} for i in range(sections)],
        "waivers": [{"rule": SLURS, "reason": "Quoted as a list of banned words", "approved_by": "EDI lead"}],
    }
    report = checker.check(draft)
    assert report.summary.omitted == 10_000
    assert report.summary.blocking == 0
    assert report.passes_gate


def test_past_the_limit_a_document_condition_cancels_counted_hits():
    pack = {
        "name": "trust",
        "version": "1",
        "term_rules": [
            {
                "id": "local-old-name",
                "name": "Old service name",
                "severity": "error",
                "elements": ["2.3"],
                "message": "“{term}” is the old name.",
                "rationale": "Renamed in 2025.",
                "source": {"title": "Style guide", "url": "https://example.invalid", "checked": "2026-11-30"},
                "entries": [{"terms": ["oldname"], "unless_document": ["formerly known as"]}],
            }
        ],
    }
    checker = dueregard.Checker(pack)
    text = "oldname " * 20_000
    assert checker.check({"title": "t", "sections": [{"id": "a", "text": text}]}).summary.blocking == 20_000
    report = checker.check(
        {"title": "t", "sections": [{"id": "a", "text": text}, {"id": "b", "text": "Formerly known as oldname."}]}
    )
    assert (report.summary.omitted, report.summary.blocking) == (0, 0)


# --- items 3, 4, 9, 11, 12, 13, 14 on the Python surface ---------------------


def term_rule(rule_id, entries):
    return {
        "id": rule_id,
        "name": "n",
        "severity": "error",
        "elements": ["2.3"],
        "message": "{term}",
        "rationale": "r",
        "source": {"title": "t", "url": "u", "checked": "2026-11-30"},
        "entries": entries,
    }


def test_a_pack_with_one_phrase_in_50000_entries_is_a_rule_pack_error():
    pack = {"name": "p", "version": "1", "term_rules": [term_rule("a", [{"terms": ["a"]}] * 50_000)]}
    with pytest.raises(RulePackError) as info:
        dueregard.Checker(pack)
    assert info.value.pointer == "/term_rules/0/entries/32/terms/0"


def test_a_title_counts_towards_the_size_limit(checker):
    with pytest.raises(DraftError) as info:
        checker.check_text("short text", title="t" * (10 * 1024 * 1024))
    assert info.value.kind == "too_large"
    assert "Limits::" not in info.value.message


def test_two_term_rules_with_one_id_are_refused_at_the_second():
    pack = {"name": "p", "version": "1", "term_rules": [term_rule("x", [{"terms": ["foo"]}])] * 2}
    with pytest.raises(RulePackError) as info:
        dueregard.Checker(pack)
    assert info.value.pointer == "/term_rules/1/id"


def test_a_byte_order_mark_and_cr_line_endings_are_read(checker, tmp_path: pathlib.Path):
    draft = tmp_path / "bom.json"
    draft.write_bytes(b"\xef\xbb\xbf" + json.dumps(DRAFT).encode())
    assert checker.check(draft).draft.title == "Leave"
    md = tmp_path / "old-mac.md"
    md.write_bytes(b"\xef\xbb\xbf# Title\r## One\rAsk if he or she needs leave.\r")
    report = checker.check(md)
    assert report.draft.title == "Title"
    assert report.violations[0].location.span.line == 1
    pack = tmp_path / "pack.json"
    pack.write_bytes(b'\xef\xbb\xbf{"name": "p", "version": "1"}')
    assert dueregard.Checker(pack).pack_name == "p"


def test_duplicate_section_ids_are_refused_with_the_pointer(checker):
    draft = {"title": "t", "sections": [{"id": "a", "text": "x"}, {"id": "a", "text": "y"}]}
    with pytest.raises(DraftError) as info:
        checker.check(draft)
    assert info.value.pointer == "/sections/1/id"


@pytest.mark.parametrize(
    "text,pointer",
    [
        ('["Leave", "other"]', ""),
        ('{"title": "t", "sections": [["a", "", "x"]]}', "/sections/0"),
        ('{"title": "t", "kind": {"workforce_policy": null}}', "/kind"),
    ],
)
def test_shapes_the_schema_forbids_are_draft_errors(checker, text, pointer):
    with pytest.raises(DraftError) as info:
        checker.check(text)
    assert (info.value.kind, info.value.pointer) == ("invalid", pointer)


def test_phrases_match_across_line_breaks_and_a_mark_stays_with_its_letter(checker):
    wrapped = checker.check_text("Ask if he or\nshe needs a husband or\n  wife.")
    assert {f.rule for f in wrapped.violations} >= {"term-binary-pronouns", "term-relationship-assumptions"}
    text = "Ask the chairman\u0301 first."
    report = checker.check_text(text)
    found = [f for f in report.violations + report.needs_review if f.rule == "term-gendered-roles"][0]
    span = found.location.span
    assert text[span.char_start : span.char_end] == "chairman\u0301"
    assert found.fix.edits[0].replacement == "chair"


def test_ten_mib_of_markdown_headings_is_refused_at_the_sections_limit(checker):
    # Refused at the first heading past the limit, before the rest is built
    # (this used 547 MB before).
    with pytest.raises(DraftError) as info:
        checker.check_text("#\n" * (5 * 1024 * 1024), markdown=True)
    assert (info.value.kind, info.value.pointer) == ("over_limit", "/sections")
