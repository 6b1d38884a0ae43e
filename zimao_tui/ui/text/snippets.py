"""A marked piece of a measure with a little context, for table cells and list entries.

The figures table and the glossary both show "…context **match** context…"; one function
builds it so both cut and mark the same way. ``excerpt`` is the plain one-line start of a
measure that dialog titles and list rows show; ``fit_title`` a report title cut to a
column's cells.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text

from zimao_tui.document.shorten import short_title, shorten


def marked_excerpt(text: str, start: int, end: int, context: int) -> Text:
    """``text[start:end]`` in bold underline with up to ``context`` characters either side.

    An ellipsis marks each side that was cut. Rich ``Text``, never ``str``: DataTable and
    OptionList parse strings as markup, and a report's text may contain square brackets.
    """
    lo, hi = max(0, start - context), min(len(text), end + context)
    return Text.assemble(
        "…" if lo else "",
        text[lo:start],
        (text[start:end], "bold underline"),
        text[end:hi],
        "…" if hi < len(text) else "",
    )


def excerpt(text: str, width: int = 40) -> str:
    """The start of a measure, on one line, for titles and list rows."""
    return shorten(" ".join(text.split()), width)


def fit_title(title: str, cells: int) -> str:
    """``title`` cut by :func:`~zimao_tui.document.shorten.short_title` to at most ``cells``
    terminal cells. A table column is counted in cells, a Chinese character takes two, and
    DataTable cuts an overlong cell without any mark: 《2025年中华人民共和国国务》 would read
    as a whole title. The longest cut that fits, so the start and the year at the end stay."""
    if cell_len(title) <= cells:
        return title
    limit = min(len(title), cells)
    while limit > 1 and cell_len(short_title(title, limit)) > cells:
        limit -= 1
    return short_title(title, limit)
