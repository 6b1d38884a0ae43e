"""Chinese line breaking (禁则, kinsoku) for text that Textual would fold at any cell.

Textual wraps at whitespace and folds longer runs at exactly the width, so a Chinese
paragraph (one run, no spaces) can put ，。、”》 at the start of a line or leave “《（ at the
end of one, and can cut 2000万 or 5G in two. Readers of policy texts notice. Here the break
points are chosen first, following the usual rules, and the text reaches Textual already cut.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.content import Content

NO_LINE_START = frozenset("，。、；：？！）》」』】〕〉’”…—～%‰℃·,.;:?!)]}")
"""Closing punctuation: never the first character of a line."""
NO_LINE_END = frozenset("（《「『【〔〈‘“([{")
"""Opening punctuation: never the last character of a line."""
LOOK_BACK = 10
"""How many characters a break may move back to obey the rules before we fold anyway."""


def _word_char(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in "._-+×")


def _may_break_before(text: str, k: int, keep_words: bool) -> bool:
    """Whether a line may end between text[k-1] and text[k]."""
    before, after = text[k - 1], text[k]
    if after in NO_LINE_START or before in NO_LINE_END:
        return False
    return not (keep_words and _word_char(before) and _word_char(after))  # keep 2000, 5G, 98.86 whole


def break_offsets(text: str, width: int) -> list[int]:
    """Offsets at which to start a new line so no line is wider than ``width`` cells.

    Existing newlines are kept (and reset the count). A break moves back by up to LOOK_BACK
    characters to obey the rules; if none is that close, it may cut a number or word (the
    punctuation rules still hold); failing that too, the text is folded.
    """
    if width <= 0:
        return []
    offsets: list[int] = []
    line_start = 0
    column = 0
    for i, ch in enumerate(text):
        if ch == "\n":
            line_start, column = i + 1, 0
            continue
        cells = cell_len(ch)
        if column + cells > width and i > line_start:
            window = range(i, max(line_start, i - LOOK_BACK), -1)
            cut = next(
                (
                    k
                    for keep in (True, False)
                    for k in window
                    if _may_break_before(text, k, keep) and cell_len(text[k : i + 1]) <= width
                ),
                i,
            )
            offsets.append(cut)
            line_start = cut
            column = cell_len(text[cut:i])
        column += cells
    return offsets


def wrap_content(content: Content, width: int) -> Content:
    """``content`` with newlines inserted at the break offsets, styles kept."""
    offsets = break_offsets(content.plain, width)
    if not offsets:
        return content
    return Content("\n").join(content.divide(offsets))
