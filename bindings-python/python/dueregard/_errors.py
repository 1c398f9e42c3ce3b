"""The exceptions dueregard raises.

``DraftError``, ``RulePackError`` and ``OptionsError`` are ``ValueError``
subclasses for bad input, built from the core's error record (``error``,
``kind``, ``pointer``, ``message``), so the message is the core's own one
line, word for word. ``InternalError`` is a bug in dueregard (the Rust core
panicked); it is a ``DueregardError`` and a ``RuntimeError``, so it is an
ordinary ``Exception`` and never pyo3's ``PanicException``.
"""

from __future__ import annotations

import json
from typing import Optional

__all__ = [
    "DueregardError",
    "DraftError",
    "RulePackError",
    "OrganisationError",
    "OptionsError",
    "InternalError",
]


class DueregardError(ValueError):
    """Bad input to dueregard: a draft or a rule pack it could not read.

    Attributes:
        message: the core's one-line description of the problem.
        kind: a short machine-readable kind, stable across versions. For a
            draft: ``syntax``, ``invalid``, ``too_large``, ``too_deep``,
            ``not_utf8``, ``over_limit``, or (from the Python package itself)
            ``unsupported_format``. For a rule pack: ``invalid``, ``rule``.
            For an argument: ``invalid``. For a bug: ``internal``.
        pointer: RFC 6901 JSON Pointer to the offending value (``""`` is the
            whole document), or ``None`` when the problem has no place.
        path: the file the input came from, when it came from a file.
        index: the position of the draft in ``check_many``'s input, when the
            error came from there.
    """

    def __init__(
        self,
        message: str,
        kind: str,
        pointer: Optional[str] = None,
        path: Optional[str] = None,
        index: Optional[int] = None,
    ) -> None:
        self.message = message
        self.kind = kind
        self.pointer = pointer
        self.path = path
        self.index = index
        where = path if path is not None else (f"draft {index}" if index is not None else None)
        super().__init__(f"{where}: {message}" if where is not None else message)

    def __reduce__(self):  # type: ignore[override]
        # So the error survives a trip between processes (multiprocessing, Dask).
        return (type(self), (self.message, self.kind, self.pointer, self.path, self.index))


class DraftError(DueregardError):
    """A draft could not be read: bad JSON, a value of the wrong type or an
    unknown field (with its JSON Pointer), invalid UTF-8, over a limit, or a
    file type dueregard does not read."""


class RulePackError(DueregardError):
    """A rule pack could not be compiled (with the JSON Pointer of the problem)."""


class OrganisationError(DueregardError):
    """An input to ``dueregard.organisation`` could not be read: a
    self-assessment (with the line or JSON Pointer of the problem), an earlier
    organisation report, or the reports given."""


class OptionsError(DueregardError):
    """An argument other than a draft or a rule pack is out of range, such as
    ``check_many``'s ``threads`` or ``on_error``, or ``Checker``'s ``as_of``
    (kind ``invalid``)."""


class InternalError(DueregardError, RuntimeError):
    """dueregard's core failed unexpectedly (kind ``internal``): a bug in
    dueregard, never an answer about the input. Please report it with the
    input that caused it."""


def _internal(message: str) -> InternalError:
    """Builds the exception for a panic in the core (called by the native module)."""
    return InternalError(
        f"dueregard's core failed unexpectedly ({message}); this is a bug in dueregard, "
        "please report it with the input that caused it",
        kind="internal",
    )


def _from_native(
    error_json: str, path: Optional[str] = None, index: Optional[int] = None
) -> DueregardError:
    """Builds the exception for one of the core's ``ErrorInfo`` records."""
    info = json.loads(error_json)
    cls = {
        "rule_pack": RulePackError,
        "organisation": OrganisationError,
        "options": OptionsError,
    }.get(info.get("error"), DraftError)
    return cls(
        info.get("message", ""),
        kind=info.get("kind", ""),
        pointer=info.get("pointer"),
        path=path,
        index=index,
    )
