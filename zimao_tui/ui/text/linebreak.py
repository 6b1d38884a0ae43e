"""Chinese line breaking (禁则, kinsoku) for text that Textual would fold at any cell.

Textual wraps at whitespace and folds longer runs at exactly the width, so a Chinese
paragraph (one run, no spaces) can put ，。、”》 at the start of a line or leave “《（ at the
end of one, and can cut 2000万 or 5G in two. Readers of policy texts notice. Here the break
points are chosen first, following the usual rules, and the text reaches Textual already cut.

``wrap_content`` cuts a Content once for a known width; ``Kinsoku`` is a Visual that does so at
whatever width it is drawn, so anything that takes a Visual (an OptionList option, a Static)
wraps by these rules and again after a resize.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from textual.content import Content
from textual.visual import Visual

if TYPE_CHECKING:
    from textual.css.styles import RulesMap
    from textual.selection import Selection
    from textual.strip import Strip
    from textual.style import Style
    from textual.visual import RenderOptions

NO_LINE_START = frozenset("，。、；：？！）》」』】〕〉’”…—～%‰℃·,.;:?!)]}")
"""Closing punctuation: never the first character of a line."""
NO_LINE_END = frozenset("（《「『【〔〈‘“([{")
"""Opening punctuation: never the last character of a line."""
NO_BREAK_SPACE = "\u00a0"
"""Glues the words either side of it: a line never ends or starts at one."""
LOOK_BACK = 10
"""How many characters a break may move back to obey the rules before we fold anyway."""


def _word_char(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in "._-+×")


def _may_break_before(text: str, k: int, keep_words: bool) -> bool:
    """Whether a line may end between text[k-1] and text[k]."""
    before, after = text[k - 1], text[k]
    if after == " " or after in NO_LINE_START or before in NO_LINE_END:
        return False
    if NO_BREAK_SPACE in (before, after):  # "OSC\u00a052" stays on one line
        return False
    return not (keep_words and _word_char(before) and _word_char(after))  # keep 2000, 5G, 98.86 whole


def break_offsets(text: str, width: int) -> list[int]:
    """Offsets at which to start a new line so no line is wider than ``width`` cells.

    Existing newlines are kept (and reset the count). A break moves back by up to LOOK_BACK
    characters to obey the rules; if none is that close, it may cut a number or word (the
    punctuation rules still hold); failing that too, the text is folded. Spaces hang: they
    stay at the end of a line, even past ``width`` (Textual drops them as it draws, as it does
    in its own wrapping), so no line after a break starts with one.
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
        if column + cells > width and i > line_start and ch != " ":
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


def unwrap_selection(text: str, width: int, selection: Selection) -> str:
    """What a mouse ``selection`` over ``text`` wrapped to ``width`` covers, as ``text`` has
    it: the selection is given in drawn lines, which include the breaks ``wrap_content``
    inserted; those are left out, the text's own newlines kept."""
    lines: list[tuple[int, int]] = []  # (start, end) in ``text`` of each drawn line
    start = 0
    for cut in sorted({*break_offsets(text, width), *(i + 1 for i, ch in enumerate(text) if ch == "\n")}):
        lines.append((start, cut - 1 if text[cut - 1] == "\n" else cut))
        start = cut
    lines.append((start, len(text)))

    def position(line: int, column: int) -> int:
        if line >= len(lines):
            return len(text)
        begin, end = lines[line]
        return min(begin + column, end)

    start = 0 if selection.start is None else position(selection.start.y, selection.start.x)
    end = len(text) if selection.end is None else position(selection.end.y, selection.end.x)
    return text[start:end]


class Kinsoku(Visual):
    """``content`` drawn with its lines broken by the rules above at the width it is given.

    Textual asks a Visual for its height and its strips at the current width (an OptionList
    again after every resize), so the cut is made there, once per width, and Textual's own
    folding never has anything left to fold. Spans (highlights, bold) are kept.
    """

    def __init__(self, content: Content) -> None:
        self.content = content
        self._cut: tuple[int, Content] = (-1, content)

    def __str__(self) -> str:
        return self.content.plain

    def __repr__(self) -> str:
        return f"Kinsoku({self.content!r})"

    def wrapped(self, width: int, rules: RulesMap) -> Content:
        """The content cut for ``width`` cells less the line padding Textual adds either side."""
        if rules.get("text_wrap", "wrap") == "nowrap":
            return self.content
        width -= rules.get("line_pad", 0) * 2
        if self._cut[0] != width:
            self._cut = (width, wrap_content(self.content, width))
        return self._cut[1]

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        return self.wrapped(width, options.rules).render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.content.get_optimal_width(rules, container_width)

    def get_minimal_width(self, rules: RulesMap) -> int:
        return self.content.get_minimal_width(rules)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self.wrapped(width, rules).get_height(rules, width)
