"""Word and HTML documents: the same reports as the command, and bad .docx files
as one-line DraftErrors.

``tests/fixtures/expected/<docx|html>/<stem>.report.json`` is the command's
report for each fixture (``dueregard check --format json FILE`` gives
``[{path, report}]``; the Rust test
``every_fixture_gives_its_expected_report_from_the_command_and_the_api`` in
core/tests/recognise.rs checks the command and the core's API against these
files byte for byte). Here Python's ``to_json()`` is compared byte for byte
with the compact form of the same file, so Python gives the command's report.
"""

from __future__ import annotations

import io
import json
import pathlib
import zipfile
from typing import List

import pytest

import dueregard
from conftest import ROOT
from dueregard import DraftError, OptionsError

FIXTURES = ROOT / "tests" / "fixtures"


def fixtures() -> List[pathlib.Path]:
    found = sorted((FIXTURES / "docx").glob("*.docx")) + sorted((FIXTURES / "html").glob("*.html"))
    assert len(found) >= 24, found
    return found


def expected(path: pathlib.Path) -> str:
    return (FIXTURES / "expected" / path.parent.name / f"{path.stem}.report.json").read_text(
        encoding="utf-8"
    )


def compact(text: str) -> str:
    return json.dumps(json.loads(text), separators=(",", ":"), ensure_ascii=False)


@pytest.mark.parametrize("path", fixtures(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_document_gives_the_commands_report_byte_for_byte(checker, path: pathlib.Path):
    want = compact(expected(path))
    assert checker.check(path).to_json() == want
    assert checker.check(str(path)).to_json() == want
    # The file's bytes with its format: the same, but for the title a document
    # without one of its own takes from its file name.
    from_bytes = checker.check(path.read_bytes(), format=path.suffix[1:])
    ours, theirs = from_bytes.to_dict(), json.loads(want)
    ours["draft"].pop("title"), theirs["draft"].pop("title")
    assert ours == theirs


def test_check_many_over_document_paths_gives_each_documents_report(checker):
    paths = [p for p in fixtures() if not p.name.startswith("long_")]
    reports = checker.check_many(paths, threads=2)
    assert [r.to_json() for r in reports] == [compact(expected(p)) for p in paths]


def test_the_module_level_check_reads_a_word_document():
    path = FIXTURES / "docx" / "policy_eia_screening_ticks.docx"
    report = dueregard.check(path)
    assert report.draft.kind == "workforce_policy"
    assert report.recognised.eia_rows == 10
    assert dueregard.check(path.read_bytes(), format="docx").to_json() == report.to_json()


def test_a_format_overrides_the_extension(checker, tmp_path: pathlib.Path):
    page = tmp_path / "page.txt"
    page.write_bytes((FIXTURES / "html" / "intranet_policy_page.html").read_bytes())
    as_html = checker.check(page, format="html")
    assert as_html.recognised.format == "html"
    assert checker.check(page).to_dict().get("recognised") is None


def test_bytes_need_a_format_and_an_unknown_format_is_an_options_error(checker):
    with pytest.raises(TypeError, match="format="):
        checker.check(b"<p>Hello</p>")
    with pytest.raises(OptionsError, match="format must be one of"):
        checker.check(b"<p>Hello</p>", format="pdf")


def one_line_draft_error(checker, data: bytes, kind: str) -> DraftError:
    with pytest.raises(DraftError) as info:
        checker.check(data, format="docx")
    err = info.value
    assert err.kind == kind, err
    assert "\n" not in str(err), str(err)
    return err


def test_a_zip_bomb_is_a_one_line_draft_error(checker):
    paragraph = b"<w:p><w:r><w:t>a</w:t></w:r></w:p>"
    xml = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        + paragraph * (8 * 1024 * 1024 // len(paragraph))
        + b"</w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("word/document.xml", xml)
    bomb = buffer.getvalue()
    assert len(bomb) < 200_000, len(bomb)
    err = one_line_draft_error(checker, bomb, "compression_ratio")
    assert "zip bomb" in str(err)


def test_a_truncated_docx_is_a_one_line_draft_error(checker, tmp_path: pathlib.Path):
    whole = (FIXTURES / "docx" / "policy_eia_screening_ticks.docx").read_bytes()
    err = one_line_draft_error(checker, whole[: len(whole) // 2], "truncated")
    assert "copy or download it again" in str(err)
    # From a file too, naming it.
    half = tmp_path / "half.docx"
    half.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(DraftError) as info:
        checker.check(half)
    assert info.value.kind == "truncated" and info.value.path == str(half)


def test_a_doc_renamed_docx_says_to_save_it_as_docx(checker, tmp_path: pathlib.Path):
    ole2 = bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]).ljust(1024, b"\0")
    ole2 += "WordDocument".encode("utf-16-le")
    err = one_line_draft_error(checker, ole2, "legacy_doc")
    assert "save it as .docx" in str(err)
    renamed = tmp_path / "old-policy.docx"
    renamed.write_bytes(ole2)
    results = checker.check_many([renamed], on_error="return")
    assert isinstance(results[0], DraftError) and results[0].kind == "legacy_doc"


# Inline waivers: an HTML comment in a page and a "dueregard: waive" Word
# comment give the command's report through dueregard.check(path). Both
# reports are pinned to the command by the Rust tests
# (every_fixture_gives_its_expected_report_from_the_command_and_the_api in
# core/tests/recognise.rs; the_word_waiver_fixture_gives_its_pinned_report_from_the_command_and_the_api
# in core/tests/document_waivers.rs).
WAIVER_DOCUMENTS = [
    (
        FIXTURES / "html" / "policy_with_inline_waivers.html",
        FIXTURES / "expected" / "html" / "policy_with_inline_waivers.report.json",
    ),
    (
        FIXTURES / "waivers" / "leave_policy_word_comment.docx",
        FIXTURES / "expected" / "waivers" / "leave_policy_word_comment.report.json",
    ),
]


@pytest.mark.parametrize(
    "path,pinned", WAIVER_DOCUMENTS, ids=lambda p: p.name if isinstance(p, pathlib.Path) else ""
)
def test_inline_waivers_in_a_document_give_the_commands_report(path, pinned):
    want = compact(pinned.read_text(encoding="utf-8"))
    report = dueregard.check(path)
    assert report.to_json() == want
    findings = report.to_dict()["violations"] + report.to_dict()["needs_review"]
    waived = [f for f in findings if f.get("waiver")]
    assert waived, "the document's waiver covers nothing"
    assert all(f["waiver"]["reason"] for f in waived)
    assert report.summary.waived == len(waived)


def test_the_word_waiver_is_read_from_the_comment_not_the_file_name(tmp_path: pathlib.Path):
    path, pinned = WAIVER_DOCUMENTS[1]
    renamed = tmp_path / "renamed.docx"
    renamed.write_bytes(path.read_bytes())
    assert dueregard.check(renamed).to_json() == compact(pinned.read_text(encoding="utf-8"))
    # The same bytes with the comment's text changed to an ordinary note:
    # nothing is waived.
    source = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/comments.xml":
                data = data.replace(b"dueregard: waive", b"Please check:")
            target.writestr(item, data)
    unwaived = dueregard.check(out.getvalue(), format="docx")
    findings = unwaived.to_dict()["violations"] + unwaived.to_dict()["needs_review"]
    assert not [f for f in findings if f.get("waiver")]
    assert unwaived.summary.waived == 0
