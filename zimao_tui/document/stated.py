"""What a file format states about its document, laid over what the text heuristics guessed.

A web page's metadata table, its ``<meta name="ArticleTitle">``, a Word file's properties are
the document's own record: where a format states a field outright it wins; the heuristics of
:mod:`zimao_tui.document.metadata` fill the fields it leaves out. A format's headings
(``<h2>``, ``## …``, Word's Heading 1) go to the tree as :func:`marked_headings`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence, Set
from dataclasses import replace

from zimao_tui.document.lines import EDGE_SPACE
from zimao_tui.document.metadata import DocMeta
from zimao_tui.document.styles import Marker, Style, match

_LEVELS = 3
"""Format heading levels 1-3 rank as 第X编/章/节 do; deeper ones as level 3 (rank 4 is 第X条)."""

HEADING_STYLES = tuple(Style(f"format_h{n}", "", n) for n in range(1, _LEVELS + 1))
"""A format's heading of level n: a division at a fixed rank, nested by level; numbered lines
inside it (一、 （一） 1.) open below it as in plain text."""


def apply_stated(meta: DocMeta, stated: Mapping[str, str]) -> DocMeta:
    """``meta`` with every field the format states replaced by the stated value."""
    if not stated:
        return meta
    changes: dict[str, str | bool | None] = {
        key: value
        for key, value in stated.items()
        if value and key in ("title", "subtitle", "issuer", "doc_number", "source")
    }
    if "title" in changes:
        changes["title_from_filename"] = False
    if stated.get("date"):
        changes["date"] = stated["date"]
        changes["date_source"] = stated.get("date_source") or "published"
        if changes["date_source"] != meta.date_source or stated["date"] != meta.date:
            changes["time"] = None  # a time the text gave belongs to the text's own date
    return replace(meta, **changes)  # type: ignore[arg-type]


ROW = 0
"""The level of a marked line that is a table row: kept apart from its neighbours, no heading."""


def marked_headings(
    lines: Sequence[str], body: Sequence[int], levels: Mapping[int, int], rows: Set[int] = frozenset()
) -> dict[str, int]:
    """The body's lines a format marks as headings, by their text (what the tree sees after it
    joins and cuts lines), with their level; its table rows with level :data:`ROW`. A line
    marked twice keeps its first mark."""
    inside = set(body)
    marked: dict[str, int] = {}
    for index, level in sorted({**{row: ROW for row in rows}, **levels}.items()):
        text = lines[index].strip(EDGE_SPACE) if 0 <= index < len(lines) and index in inside else ""
        if text:
            marked.setdefault(text, level)
    return marked


def marked_marker(line: str, marked: Mapping[str, int]) -> Marker | None:
    """The heading marker of a line the format marks as a heading (None for any other line)."""
    level = marked.get(line)
    if not level:
        return None  # not marked, or a table row
    style = HEADING_STYLES[min(level, _LEVELS) - 1]
    numbered = match(line)  # ## 一、主要任务: placed by its level, keeping its number
    if numbered is None:
        return Marker(style, "", 0, line)
    return Marker(style, numbered.number, numbered.value, numbered.rest)


def marked_indexes(texts: Sequence[str], marked: Mapping[str, int] | None) -> set[int]:
    """Which of the tree's lines are marked headings: kept apart, never joined to a neighbour."""
    if not marked:
        return set()
    return {k for k, text in enumerate(texts) if text in marked}
