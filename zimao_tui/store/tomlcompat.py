"""TOML reading on every supported Python: tomllib from 3.11, the tomli backport before.

``loads`` is the one way zimao-tui parses TOML, and it treats nesting that is too deep
(``x = [[[[…`` 900 levels overflows tomllib's recursion; anything past ``MAX_DEPTH`` would
overflow ``tomli_w`` when the file is saved back) as a damaged file: it raises
``TOMLDecodeError``, which every caller already handles.
"""

from __future__ import annotations

import sys
from typing import Any

from zimao_tui.store.statefile import MAX_DEPTH, TooDeep, check_depth

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

TOMLDecodeError = tomllib.TOMLDecodeError


class TOMLTooDeep(TOMLDecodeError):
    """Tables or arrays nested deeper than MAX_DEPTH (a damaged or crafted file)."""

    def __init__(self, message: str) -> None:
        ValueError.__init__(self, message)  # not TOMLDecodeError's (msg, doc, pos) of 3.14


def loads(text: str) -> dict[str, Any]:
    """Parse TOML; raises TOMLDecodeError for bad syntax and for nesting deeper than MAX_DEPTH."""
    try:
        doc = tomllib.loads(text)
        check_depth(doc, MAX_DEPTH)
    except RecursionError as exc:
        from zimao_tui.i18n import Notice

        raise TOMLTooDeep(str(Notice("file.too_deep", limit=MAX_DEPTH))) from exc
    except TooDeep as exc:
        raise TOMLTooDeep(str(exc)) from exc
    return doc


__all__ = ["TOMLDecodeError", "loads"]
