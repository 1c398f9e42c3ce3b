"""Checker.annotate: the Word round trip from Python."""

import io
import zipfile
from pathlib import Path

import pytest

import dueregard

FIXTURE = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "docx" / "special_leave_policy.docx"


def comments_by_dueregard(data: bytes) -> int:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read("word/comments.xml").decode("utf-8").count('w:author="dueregard"')


def test_annotate_a_path_returns_the_docx_and_writes_output(tmp_path):
    checker = dueregard.Checker()
    out = tmp_path / "annotated.docx"
    data = checker.annotate(FIXTURE, output=out)
    assert data[:2] == b"PK"
    assert out.read_bytes() == data
    # One comment per unwaived finding plus the summary: at least the summary and the EIA finding.
    assert comments_by_dueregard(data) >= 2


def test_annotate_bytes_is_idempotent_and_fixes_none_has_no_changes():
    checker = dueregard.Checker()
    once = checker.annotate(FIXTURE.read_bytes())
    assert checker.annotate(once) == once
    plain = checker.annotate(FIXTURE.read_bytes(), fixes="none")
    with zipfile.ZipFile(io.BytesIO(plain)) as package:
        assert b"<w:ins " not in package.read("word/document.xml")


def test_annotate_refuses_bad_input_with_typed_errors():
    checker = dueregard.Checker()
    with pytest.raises(dueregard.DraftError) as caught:
        checker.annotate(b"%PDF-1.7 not a docx")
    assert caught.value.kind == "pdf"
    with pytest.raises(ValueError, match="fixes"):
        checker.annotate(FIXTURE, fixes="some")
