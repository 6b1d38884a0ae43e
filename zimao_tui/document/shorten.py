"""Cutting a text short for a label: one rule for every place that does it.

Tree labels, palette entries, list rows and heading titles all show the start of a longer
text; they should all cut the same way, so a reader learns once what "…" means here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from zimao_tui.document.report import Heading

PREVIEW_CHARS = 16
"""How much of an untitled heading's first measure the tree and the outline show beside it."""


def shorten(text: str, limit: int) -> str:
    """``text`` in at most ``limit`` characters, the last one "…" when it had to be cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def heading_preview(heading: Heading, limit: int = PREVIEW_CHARS) -> str:
    """The opening words of a heading that has no title (a law's 第十二条), for display only.

    An article's label is its number alone (citations say 第十二条); a reader scanning the tree
    still needs to see what it is about, so the display shows its first measure's start, dimmed.
    "" for a heading with a title, or with no measure at all.
    """
    if heading.title:
        return ""
    first = next(heading.measures(), None)
    return shorten(first.text, limit) if first is not None else ""
