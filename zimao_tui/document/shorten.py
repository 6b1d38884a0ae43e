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


def short_title(title: str, limit: int) -> str:
    """A report title in at most ``limit`` characters: its start, "…", and its end.

    Reports opened together often differ only at the end of their titles (《武汉自贸片区创新
    举措（2022年）》 and （2023年）), which a cut at the end (:func:`shorten`) hides in a
    30-column tree pane; so a title keeps its closing bracket's part whole when that fits in
    half the room, else its last third. The same "…" as everywhere means "cut here".
    """
    if len(title) <= limit:
        return title
    if limit < 4:
        return shorten(title, limit)
    tail = (limit - 1) // 3
    opening = max(title.rfind("（"), title.rfind("("))
    if title.endswith(("）", ")")) and opening > 0 and len(title) - opening <= limit // 2:
        tail = len(title) - opening
    return title[: limit - 1 - tail] + "…" + title[len(title) - tail :]


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
