"""A file's own title property, believed only when the text says the same.

Word's core ``title`` and a PDF's ``/Title`` are filled by whatever made the file: a template's
left-over name, ``Microsoft Word - 附件1.doc``, the author's draft name, a previous document's
title. They are still the surest title when they are right, so a reader keeps one only when the
document's opening lines, read alone or two or three together (a title broken over lines), say
exactly the same, ignoring spaces.
"""

from __future__ import annotations

from collections.abc import Sequence

_OPENING = 12
"""How many of the first lines may hold the title (red header, document number and addressee first)."""
_SPAN = 3
"""How many lines a title may be broken over."""


def _squeeze(text: str) -> str:
    return "".join(text.split())


def confirmed_title(candidate: str | None, lines: Sequence[str]) -> str:
    """``candidate`` when the opening lines spell it out, else ``""``."""
    wanted = _squeeze(candidate or "")
    if len(wanted) < 4:
        return ""
    opening = [_squeeze(line) for line in lines[:_OPENING]]
    for start in range(len(opening)):
        joined = ""
        for line in opening[start : start + _SPAN]:
            joined += line
            if joined == wanted:
                return " ".join((candidate or "").split())
            if not wanted.startswith(joined):
                break
    return ""
