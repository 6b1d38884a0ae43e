"""A marked piece of a measure with a little context, for table cells and list entries.

The figures table and the glossary both show "…context **match** context…"; one function
builds it so both cut and mark the same way. ``excerpt`` is the plain one-line start of a
measure that dialog titles and list rows show.
"""

from __future__ import annotations

from rich.text import Text

from zimao_tui.document.shorten import shorten


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
