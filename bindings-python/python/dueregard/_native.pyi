"""Type stubs for the Rust half of dueregard (bindings-python/src/lib.rs)."""

import os
from typing import Any, Dict, Iterable, List, Literal, Mapping, Optional, Tuple, Union, overload

from .report import Report

#: A draft: a dict, JSON text, or a path to a .json, .md or .txt file.
Draft = Union[Mapping[str, Any], str, "os.PathLike[str]"]
#: A rule pack: a dict, JSON text, or a path to a .json file.
RulePack = Union[Mapping[str, Any], str, "os.PathLike[str]"]

CORE_VERSION: str
#: The most threads ``Checker.check_many`` accepts.
MAX_THREADS: int

def framework_json() -> str: ...
def _panic_for_tests() -> None:
    """Panics inside the binding's guard: raises InternalError (for the tests)."""

class Checker:
    """A compiled rule pack: immutable, thread-safe, picklable. Build once, reuse."""

    def __new__(cls, rule_pack: Optional[RulePack] = None) -> "Checker": ...
    @property
    def rule_pack(self) -> Optional[str]:
        """The rule pack's JSON text, or None for the built-in pack."""
    @property
    def pack_name(self) -> str: ...
    @property
    def pack_version(self) -> str: ...
    def check(self, draft: Draft) -> Report:
        """Checks one draft. Raises DraftError for bad input, TypeError for a
        value that is not a draft, OSError when a file cannot be read."""
    def check_text(self, text: str, title: Optional[str] = None, markdown: bool = False) -> Report:
        """Checks Markdown or plain text given as a string."""
    @overload
    def check_many(
        self,
        drafts: Iterable[Draft],
        threads: Optional[int] = None,
        on_error: Literal["raise"] = "raise",
    ) -> List[Report]: ...
    @overload
    def check_many(
        self,
        drafts: Iterable[Draft],
        threads: Optional[int] = None,
        on_error: Literal["return"] = ...,
    ) -> List[Union[Report, Exception]]:
        """threads: 1 to MAX_THREADS, or None for one per core; anything else
        raises OptionsError. With on_error="return", each draft's error
        (DraftError, OSError, TypeError) is returned in its place."""
    def rules(self) -> List[Dict[str, Any]]: ...
    def __reduce__(self) -> Tuple[type, Tuple[Optional[str]]]: ...
