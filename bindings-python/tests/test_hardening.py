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
    odd = tmp_path / "policy.docx"
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
    at_limit = tmp_path / "at-limit.txt"
    at_limit.write_bytes(b"a" * (10 * 1024 * 1024))
    assert isinstance(checker.check(at_limit), dueregard.Report)
    at_limit.write_bytes(b"a" * (10 * 1024 * 1024 + 1))
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
