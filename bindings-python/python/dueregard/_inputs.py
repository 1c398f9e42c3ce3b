"""Turns what a Python caller passes into what the core reads: bytes.

How ``Checker.check`` decides what a draft is:

* a ``dict`` is a draft: it is serialised with ``json.dumps``;
* a ``pathlib.Path`` (any ``os.PathLike``) is a file;
* ``bytes`` (or ``bytearray``, ``memoryview``) are a file's contents, read as
  ``format`` says (``docx``, ``html``, ``markdown``, ``text`` or ``json``);
* a ``str`` whose first non-blank character is ``{`` or ``[`` is JSON text;
* any other one-line ``str`` ending in ``.docx``, ``.html``, ``.htm``,
  ``.json``, ``.md``, ``.markdown``, ``.txt`` or ``.text`` (any case), or
  naming a file that exists, is a path;
* any other ``str`` is read as JSON text, so the core reports where it is not
  valid JSON;
* anything else raises ``TypeError``.

Files are read as bytes here and decoded by the Rust side, so invalid UTF-8
raises ``DraftError`` (kind ``not_utf8``) with the offset of the first bad
byte, never ``UnicodeDecodeError``. ``.json`` files are drafts; ``.md`` and
``.txt`` files are text, titled by the file's stem (a Markdown file's own
first ``#`` heading wins); ``.docx`` and ``.html`` files are documents the
core reads and recognises (a document's own title wins over the stem). A
``format`` given with a path overrides its extension. A file is read only up to its limit (the draft
limit, or the rule pack limit), so ``/dev/zero`` or a huge file is a
``too_large`` error, not an exhausted memory. A file name that is not valid
UTF-8 is a ``DraftError`` (kind ``not_utf8``).

A lone surrogate in a ``str`` (which UTF-8 cannot hold) becomes U+FFFD, as it
does in JavaScript's TextEncoder and in the other bindings; a high surrogate
followed by a low one is the character they encode.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import stat
from typing import Any, Optional, Tuple

from ._errors import DraftError, OptionsError, RulePackError

#: File extensions the core reads, and how (see dueregard::Format::from_extension).
DRAFT_FORMATS = {
    ".json": "json",
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
    ".text": "text",
    ".docx": "docx",
    ".html": "html",
    ".htm": "html",
}

#: The formats a caller may name with ``format=``.
FORMAT_NAMES = ("docx", "html", "markdown", "text", "json")

Prepared = Tuple[str, bytes, str, Optional[str]]


def _replace_surrogates(err: UnicodeError) -> Tuple[bytes, int]:
    # UTF-8 can only fail to encode a surrogate. A high one followed by a low
    # one is the pair's character (as in JavaScript); any other is U+FFFD.
    # Bytes, not str: CPython's UTF-8 encoder takes only ASCII str replacements.
    if not isinstance(err, UnicodeEncodeError):
        raise err
    text, i, out = err.object, err.start, []
    while i < err.end:
        c = ord(text[i])
        if 0xD800 <= c <= 0xDBFF and i + 1 < err.end and 0xDC00 <= ord(text[i + 1]) <= 0xDFFF:
            out.append(chr(0x10000 + ((c - 0xD800) << 10) + (ord(text[i + 1]) - 0xDC00)))
            i += 2
        else:
            out.append("\ufffd")
            i += 1
    return ("".join(out).encode("utf-8"), err.end)


_SURROGATES = "dueregard.replace_surrogates"
codecs.register_error(_SURROGATES, _replace_surrogates)


def _encode(text: str) -> bytes:
    """UTF-8, with lone surrogates as U+FFFD (see the module's docstring)."""
    return text.encode("utf-8", _SURROGATES)


def _clean(text: str) -> str:
    """The text with lone surrogates as U+FFFD, so it can cross to Rust as a str."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _encode(text).decode("utf-8")
    return text


def _shown(path: str) -> str:
    """A file name as a person can read it: undecodable bytes as U+FFFD."""
    try:
        raw = path.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return _clean(path)
    return raw.decode("utf-8", "replace")


def _read_capped(path: str, limit: int) -> Tuple[Optional[bytes], int]:
    """Reads at most ``limit`` bytes. Returns ``(data, size)``, or ``(None, size)``
    when the file is larger, where ``size`` is its size if known (a regular
    file) and ``-1`` if not (a pipe, ``/dev/zero``)."""
    with open(path, "rb") as f:  # FileNotFoundError etc. propagate as they are
        info = os.fstat(f.fileno())
        if stat.S_ISREG(info.st_mode) and info.st_size > limit:
            return (None, info.st_size)
        data = f.read(limit + 1)
    if len(data) > limit:
        return (None, -1)
    return (data, len(data))


def _too_large(what: str, size: int, limit: int) -> str:
    # The core's wording for the same limit, so every surface says the same.
    amount = f"{size} bytes, over" if size >= 0 else "over"
    advice = "; split it into smaller drafts" if what == "draft" else ""
    return f"the {what} is {amount} the limit of {limit} bytes{advice}"


_JSON_START = re.compile(r"\s*[\[{]")


def _looks_like_json(text: str) -> bool:
    # A match, not text.lstrip(): no copy of a large draft just to look at it.
    return _JSON_START.match(text) is not None


def _is_path_like_str(text: str) -> bool:
    if not text or _looks_like_json(text) or "\n" in text or "\r" in text:
        return False
    ext = os.path.splitext(text)[1].lower()
    return ext in DRAFT_FORMATS or os.path.isfile(text)


def _format(format: Optional[str]) -> Optional[str]:
    if format is None or format in FORMAT_NAMES:
        return format
    raise OptionsError(
        f"format must be one of {', '.join(FORMAT_NAMES)}, not {format!r}", kind="invalid"
    )


def prepare(draft: Any, max_bytes: int, format: Optional[str] = None) -> Prepared:
    """Returns ``(kind, bytes, title, path)`` where kind is ``json``,
    ``markdown``, ``text``, ``docx`` or ``html``; a file is read up to
    ``max_bytes``. ``format`` names how to read bytes, and overrides a path's
    extension. Called by the native ``Checker``."""
    format = _format(format)
    if isinstance(draft, dict):
        if format not in (None, "json"):
            raise OptionsError(f"a dict is a JSON draft, not {format}", kind="invalid")
        return ("json", _encode(json.dumps(draft, ensure_ascii=False)), "", None)
    if isinstance(draft, (bytes, bytearray, memoryview)):
        if format is None:
            raise TypeError(
                "a file's bytes need format=\"docx\", \"html\", \"markdown\", \"text\" "
                "or \"json\" to say how to read them"
            )
        data = bytes(draft)
        if len(data) > max_bytes:
            raise DraftError(_too_large("draft", len(data), max_bytes), kind="too_large")
        return (format, data, "", None)
    if isinstance(draft, os.PathLike):
        return read_draft_file(os.fsdecode(os.fspath(draft)), max_bytes, format)
    if isinstance(draft, str):
        if _is_path_like_str(draft):
            return read_draft_file(draft, max_bytes, format)
        if format in ("markdown", "text"):
            return (format, _encode(draft), "", None)
        return ("json", _encode(draft), "", None)
    raise TypeError(
        "a draft is a dict, a JSON string, a file's bytes, or a path (str or "
        f"pathlib.Path) to a .docx, .html, .json, .md or .txt file, not {type(draft).__name__}"
    )


def _utf8_name(path: str, error: type) -> None:
    # The command refuses such a name too: the report's title comes from it.
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        raise error(
            "the file name is not valid UTF-8; rename the file",
            kind="not_utf8",
            path=_shown(path),
        ) from None


def read_draft_file(path: str, max_bytes: int, format: Optional[str] = None) -> Prepared:
    """Reads a draft file as bytes, up to ``max_bytes``; ``format``, or else
    its extension, says how the core reads it."""
    _utf8_name(path, DraftError)
    ext = os.path.splitext(path)[1]
    kind = format or DRAFT_FORMATS.get(ext.lower())
    if kind is None:
        raise DraftError(
            f"unsupported file type {ext!r}; use .docx, .html, .md, .txt or .json",
            kind="unsupported_format",
            path=path,
        )
    data, size = _read_capped(path, max_bytes)
    if data is None:
        raise DraftError(_too_large("draft", size, max_bytes), kind="too_large", path=path)
    title = os.path.splitext(os.path.basename(path))[0]
    return (kind, data, title, path)


def rule_pack_text(pack: Any, max_bytes: int) -> str:
    """A rule pack as JSON text, from a dict, JSON text, or a path to a .json
    file (read up to ``max_bytes``, the core's limit on a pack)."""
    if isinstance(pack, dict):
        return _clean(json.dumps(pack, ensure_ascii=False))
    if isinstance(pack, str) and _looks_like_json(pack):
        return _clean(pack)
    if isinstance(pack, (str, os.PathLike)):
        path = os.fsdecode(os.fspath(pack))
        _utf8_name(path, RulePackError)
        data, size = _read_capped(path, max_bytes)
        if data is None:
            raise RulePackError(
                _too_large("rule pack", size, max_bytes), kind="invalid", pointer="", path=path
            )
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


def date_text(value: Any, name: str) -> str:
    """A date argument as ``YYYY-MM-DD`` text: a ``datetime.date`` or a string
    (the core checks the string). A ``datetime.datetime`` is refused rather
    than silently cut to its day."""
    import datetime

    if isinstance(value, datetime.datetime):
        raise TypeError(f"{name} must be a date or a 'YYYY-MM-DD' string, not a datetime; use .date()")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str):
        return value
    raise TypeError(f"{name} must be a date or a 'YYYY-MM-DD' string, not {type(value).__name__}")
