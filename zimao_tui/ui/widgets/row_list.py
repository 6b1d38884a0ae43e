"""A virtual list of multi-line rows: only the rows on screen are ever laid out or drawn.

Why not an OptionList: the bookmarks list holds up to 10,000 rows of three or four lines, and
each filter keystroke replaces them. An OptionList builds an Option (and lays out its Text)
for every row it is given, so the list showed only the first 200 matches and still took
~320 ms per keystroke. Here a keystroke hands over how many rows there are and each one's
height (a list of ints); the lines of a row are asked for (``lines_of``) only when the row
scrolls into view, and kept per row until the rows change.

Keys: ``↑``/``↓`` (``k``/``j``) move the cursor, PgUp/PgDn page, Home/End (``g``/``G``) go to
the ends, Enter or a click posts :class:`RowList.Selected`. Every row is followed by a rule.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Hashable, Sequence
from itertools import accumulate

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

LinesOf = Callable[[int, int], Sequence[Text]]
"""The lines of row ``n`` for a text width (as many as its height says, the rule not included)."""

HeightsAt = Callable[[int], Sequence[int]]
"""Every row's height (in lines, the rule not included) for a text width."""

PADDING = 3
"""Cells around a row's text: two on the left, one on the right."""


class RowList(ScrollView, can_focus=True):
    """Rows of given heights, drawn on demand; a cursor row, scrolled into view as it moves."""

    COMPONENT_CLASSES = {"row-list--cursor", "row-list--rule"}  # noqa: RUF012 - Textual's attribute
    DEFAULT_CSS = """
    RowList {
        height: 1fr;
        background: $surface;
    }
    RowList > .row-list--cursor {
        background: $block-cursor-blurred-background;
    }
    RowList:focus > .row-list--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
    }
    RowList > .row-list--rule {
        color: $panel;
    }
    """
    BINDINGS = [  # noqa: RUF012 - Textual's declared class attribute
        Binding("up,k", "move(-1)", show=False),
        Binding("down,j", "move(1)", show=False),
        Binding("pageup", "page(-1)", show=False),
        Binding("pagedown", "page(1)", show=False),
        Binding("home,g", "edge(0)", show=False),
        Binding("end,G", "edge(1)", show=False),
        Binding("enter", "select", show=False),
    ]

    class Selected(Message):
        """Enter or a click on row ``index``."""

        def __init__(self, row_list: RowList, index: int) -> None:
            super().__init__()
            self.row_list = row_list
            self.index = index

        @property
        def control(self) -> RowList:
            return self.row_list

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._lines_of: LinesOf = lambda n, width: ()
        self._heights_at: HeightsAt = lambda width: ()
        self._laid_out_for = -1  # the text width the heights are for
        self._starts: list[int] = [0]  # line where each row starts (after the previous rule)
        self._heights: Sequence[int] = ()
        self._total = 0  # lines in all: no rule after the last row
        self._strips: dict[tuple[Hashable, int, bool], list[Strip]] = {}
        self._keys: Sequence[Hashable] | None = None
        self.highlighted: int | None = None

    # ------------------------------------------------------------------ rows

    @property
    def row_count(self) -> int:
        """How many rows the list holds."""
        return len(self._starts) - 1

    def set_rows(
        self,
        heights_at: HeightsAt,
        lines_of: LinesOf,
        highlighted: int | None = 0,
        keys: Sequence[Hashable] | None = None,
    ) -> None:
        """Show the rows ``heights_at(width)`` gives heights for (each row that many lines plus a
        rule); nothing is drawn until it is on screen, and heights are asked for again when
        the width changes. The cursor goes to ``highlighted`` (clamped), the view with it.

        ``keys`` name what each row shows: a row drawn before under the same key (an earlier
        keystroke of the filter showed it too) is not laid out again. Without keys, every row
        is drawn afresh."""
        self._lines_of = lines_of
        self._heights_at = heights_at
        self._keys = keys
        if keys is None:
            self._strips.clear()
        self._lay_out(self._text_width())
        count = self.row_count
        self.highlighted = None if not count else min(max(highlighted or 0, 0), count - 1)
        if self.highlighted == 0:
            self.scroll_to(y=0, animate=False, immediate=True)
        self._show_cursor()
        self.refresh()

    def _text_width(self) -> int:
        """The cells a row's text may take; before the first layout, as if unbounded."""
        return self.size.width - PADDING if self.size.width > PADDING else 10_000

    def _lay_out(self, text_width: int) -> None:
        self._laid_out_for = text_width
        self._heights = self._heights_at(text_width)
        self._starts = [0, *accumulate(h + 1 for h in self._heights)]
        self._total = max(self._starts[-1] - 1, 0)
        self.virtual_size = Size(0, self._total)  # rows are cut to the width: never wider

    def forget(self) -> None:
        """Drop every row drawn so far: the keys given to :meth:`set_rows` now name other things."""
        self._strips.clear()

    def _show_cursor(self) -> None:
        if self.highlighted is None:
            return
        top = self._starts[self.highlighted]
        self.scroll_to_region(
            Region(0, top, 1, self._heights[self.highlighted]), animate=False, immediate=True
        )

    def move_to(self, index: int) -> None:
        """Put the cursor on row ``index`` (clamped) and scroll it into view."""
        if not self.row_count:
            return
        index = min(max(index, 0), self.row_count - 1)
        if index != self.highlighted:
            self.highlighted = index
            self._show_cursor()
            self.refresh()

    # ------------------------------------------------------------------ drawing

    def on_resize(self) -> None:
        self._strips.clear()
        if self._text_width() != self._laid_out_for:  # rows may wrap into more or fewer lines
            self._lay_out(self._text_width())
            self._show_cursor()

    def notify_style_update(self) -> None:
        """A theme or focus change restyles the rows: the drawn ones are stale."""
        self._strips.clear()
        super().notify_style_update()

    def render_line(self, y: int) -> Strip:
        """Line ``y`` of the view: a line of the row there, its rule, or blank below the rows."""
        width = self.size.width
        line = self.scroll_offset.y + y
        base = self.rich_style
        if line >= self._total or width <= 0:
            return Strip.blank(width, base)
        row = bisect_right(self._starts, line) - 1
        strips = self._row_strips(row, width)
        within = line - self._starts[row]
        if within < len(strips):
            return strips[within]
        rule = self.get_component_rich_style("row-list--rule")
        return Strip([Segment(" ", base), Segment("─" * max(width - 2, 0), base + rule), Segment(" ", base)])

    def _row_strips(self, row: int, width: int) -> list[Strip]:
        cursor = row == self.highlighted
        key = (row if self._keys is None else self._keys[row], width, cursor)
        found = self._strips.get(key)
        if found is not None:
            return found
        if len(self._strips) > 1024:  # a long scroll or many keystrokes: keep memory flat
            self._strips.clear()
        style = self.rich_style
        if cursor:
            style += self.get_component_rich_style("row-list--cursor")
        height = self._heights[row]
        lines = list(self._lines_of(row, max(width - PADDING, 1)))[:height]
        strips = [self._strip(text, width, style) for text in lines]
        while len(strips) < height:
            strips.append(Strip.blank(width, style))
        self._strips[key] = strips
        return strips

    def _strip(self, text: Text, width: int, style: Style) -> Strip:
        """One line of a row: two cells of padding on the left, one on the right (as the
        OptionList it replaced had), cut with … to fit."""
        line = text.copy()
        line.truncate(max(width - PADDING, 1), overflow="ellipsis", pad=True)
        segments = [Segment("  "), *line.render(self.app.console), Segment(" ")]
        return Strip(segments).crop_extend(0, width, None).apply_style(style)

    # ------------------------------------------------------------------ keys and mouse

    def _page_rows(self) -> int:
        if self.highlighted is None:
            return 1
        height = self._heights[self.highlighted] + 1
        return max(1, self.scrollable_content_region.height // height)

    def action_move(self, step: int) -> None:
        if self.highlighted is not None:
            self.move_to(self.highlighted + step)

    def action_page(self, direction: int) -> None:
        if self.highlighted is not None:
            self.move_to(self.highlighted + direction * self._page_rows())

    def action_edge(self, end: int) -> None:
        self.move_to(self.row_count - 1 if end else 0)

    def action_select(self) -> None:
        if self.highlighted is not None:
            self.post_message(self.Selected(self, self.highlighted))

    def on_click(self, event: events.Click) -> None:
        line = self.scroll_offset.y + event.y
        if 0 <= line < self._total:
            row = bisect_right(self._starts, line) - 1
            self.move_to(row)
            self.post_message(self.Selected(self, row))
