"""Shared fixtures: the repository root and the conformance corpus.

The corpus is the same one the Rust tests read (tests/src/lib.rs): every
example draft in examples/drafts/ with its expected report in
examples/drafts/expected/<stem>.report.json, and every
tests/corpus/<case>/draft.json with tests/corpus/<case>/expected.json.
"""

from __future__ import annotations

import pathlib
from typing import List, NamedTuple

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
DRAFT_SUFFIXES = {".json", ".md", ".markdown", ".txt", ".text", ".docx", ".html", ".htm"}


class Case(NamedTuple):
    name: str
    draft: pathlib.Path
    expected: pathlib.Path


def cases() -> List[Case]:
    found = []
    examples = ROOT / "examples" / "drafts"
    for path in sorted(examples.iterdir()):
        if path.is_file() and path.suffix.lower() in DRAFT_SUFFIXES:
            found.append(
                Case(
                    f"examples/{path.stem}",
                    path,
                    examples / "expected" / f"{path.stem}.report.json",
                )
            )
    for case in sorted((ROOT / "tests" / "corpus").iterdir()):
        if (case / "draft.json").is_file():
            found.append(Case(f"corpus/{case.name}", case / "draft.json", case / "expected.json"))
    return found


CASES = cases()


@pytest.fixture(scope="session")
def root() -> pathlib.Path:
    return ROOT


@pytest.fixture(scope="session")
def checker():
    import dueregard

    return dueregard.Checker()


@pytest.fixture(scope="session")
def example_paths() -> List[pathlib.Path]:
    return [c.draft for c in CASES if c.name.startswith("examples/")]
