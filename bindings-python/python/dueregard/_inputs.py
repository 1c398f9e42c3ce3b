"""Turns what a Python caller passes into what the core reads: bytes.

How ``Checker.check`` decides what a draft is:

* a ``dict`` is a draft: it is serialised with ``json.dumps``;
* a ``pathlib.Path`` (any ``os.PathLike``) is a file;
* a ``str`` whose first non-blank character is ``{`` or ``[`` is JSON text;
* any other one-line ``str`` ending in ``.json``, ``.md``, ``.markdown``,
  ``.txt`` or ``.text`` (any case), or naming a file that exists, is a path;
* any other ``str`` is read as JSON text, so the core reports where it is not
  valid JSON;
* anything else raises ``TypeError``.

Files are read as bytes here and decoded by the Rust side, so invalid UTF-8
raises ``DraftError`` (kind ``not_utf8``) with the offset of the first bad
byte, never ``UnicodeDecodeError``. ``.json`` files are drafts; ``.md`` and
``.txt`` files are text, titled by the file's stem (a Markdown file's own
first ``#`` heading wins).
"""

from __future__ import annotations

import json
import os
import re
from typing import Any, Optional, Tuple

from ._errors import DraftError, RulePackError

#: File extensions the core reads, and how (see dueregard::Format::from_extension).
DRAFT_FORMATS = {
    ".json": "json",
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
    ".text": "text",
}

Prepared = Tuple[str, bytes, str, Optional[str]]


def _encode(text: str) -> bytes:
    # A lone surrogate cannot be UTF-8; surrogatepass lets it through so the
    # core reports it as not_utf8 with its offset instead of a UnicodeEncodeError.
    return text.encode("utf-8", "surrogatepass")


_JSON_START = re.compile(r"\s*[\[{]")


def _looks_like_json(text: str) -> bool:
    # A match, not text.lstrip(): no copy of a large draft just to look at it.
    return _JSON_START.match(text) is not None


def _is_path_like_str(text: str) -> bool:
    if not text or _looks_like_json(text) or "\n" in text or "\r" in text:
        return False
    ext = os.path.splitext(text)[1].lower()
    return ext in DRAFT_FORMATS or os.path.isfile(text)


def prepare(draft: Any) -> Prepared:
    """Returns ``(kind, bytes, title, path)`` where kind is ``json``,
    ``markdown`` or ``text``. Called by the native ``Checker``."""
    if isinstance(draft, dict):
        return ("json", _encode(json.dumps(draft, ensure_ascii=False)), "", None)
    if isinstance(draft, os.PathLike):
        return read_draft_file(os.fsdecode(os.fspath(draft)))
    if isinstance(draft, str):
        if _is_path_like_str(draft):
            return read_draft_file(draft)
        return ("json", _encode(draft), "", None)
    raise TypeError(
        "a draft is a dict, a JSON string, or a path (str or pathlib.Path) to a "
        f".json, .md or .txt file, not {type(draft).__name__}"
    )


def read_draft_file(path: str) -> Prepared:
    """Reads a draft file as bytes; its extension says how the core reads it."""
    ext = os.path.splitext(path)[1]
    kind = DRAFT_FORMATS.get(ext.lower())
    if kind is None:
        raise DraftError(
            f"unsupported file type {ext!r}; use .json, .md or .txt",
            kind="unsupported_format",
            path=path,
        )
    with open(path, "rb") as f:  # FileNotFoundError etc. propagate as they are
        data = f.read()
    title = os.path.splitext(os.path.basename(path))[0]
    return (kind, data, title, path)


def rule_pack_text(pack: Any) -> str:
    """A rule pack as JSON text, from a dict, JSON text, or a path to a .json file."""
    if isinstance(pack, dict):
        return json.dumps(pack, ensure_ascii=False)
    if isinstance(pack, str) and _looks_like_json(pack):
        return pack
    if isinstance(pack, (str, os.PathLike)):
        path = os.fsdecode(os.fspath(pack))
        with open(path, "rb") as f:
            data = f.read()
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as e:
            raise RulePackError(
                f"the file is not valid UTF-8 text (first bad byte at offset {e.start}); "
                "save it as UTF-8",
                kind="invalid",
                pointer="",
                path=path,
            ) from None
    raise TypeError(
        "a rule pack is None (the built-in pack), a dict, JSON text, or a path to a "
        f".json file, not {type(pack).__name__}"
    )
