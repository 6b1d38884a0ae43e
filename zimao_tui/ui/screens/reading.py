"""The reading view (``r``): a whole chapter as continuous text, one measure marked.

The detail pane shows one sentence in ±60 characters of context; reading a chapter that way
is ``]`` once per sentence. Here the chapter reads as paragraphs under its headings
(``reading_text.py`` lays it out), wrapped by the Chinese line-breaking rules of
``ui/text/linebreak.py``. ``j``/``k``/space/PgDn scroll, ``]``/``[`` move the mark (into the
next chapter at the end of this one), ``/`` finds in the text and ``n``/``N`` step through
what it found. Copy, cite, bookmark and note act on the marked measure through the
explorer's own actions (the explorer's detail follows the mark), so they behave exactly as
there; Esc or ``r`` returns to the explorer at the marked measure.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from zimao_tui.document.report import Measure, Report
from zimao_tui.i18n import t
from zimao_tui.ui.entry import Entry
from zimao_tui.ui.focus_now import focus_now
from zimao_tui.ui.screens.reading_text import ChapterText, chapter_of, chapter_text, line_of
from zimao_tui.ui.scrolling import KeyScroll
from zimao_tui.ui.text.inert import InertInput, inert_content
from zimao_tui.ui.widgets.detail import ChineseText, breadcrumb

if TYPE_CHECKING:
    from zimao_tui.ui.screens.explorer import ExplorerScreen

CONTEXT_LINES = 3
"""Lines kept above the mark when it is scrolled into view, so it is read in context."""


class ReadingBody(KeyScroll):
    """The scrolling text; vim's and less's keys scroll it."""


class ReadingText(ChineseText):
    """The chapter's text; once it has its size (laid out, or the terminal resized), the
    screen scrolls the mark into view: before that there is no line to scroll to."""

    def on_resize(self) -> None:
        screen = self.screen
        if isinstance(screen, ReadingScreen):
            screen.call_after_refresh(screen.mark_into_view)


class ReadingScreen(Screen[tuple[Report, Measure] | None]):
    """A chapter to read; dismisses with the marked measure, for the explorer to show."""

    CSS_PATH = "reading.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,r", "close", t("key.back"), id="zimao.read.close"),
        Binding("right_square_bracket", "mark(1)", t("key.next_measure"), id="zimao.read.next"),
        Binding("left_square_bracket", "mark(-1)", t("key.prev_measure"), id="zimao.read.prev", show=False),
        Binding("slash", "find", t("key.find"), id="zimao.read.find", priority=True),
        Binding("n", "find_step(1)", t("key.next_hit"), id="zimao.read.next_found", show=False),
        Binding("N", "find_step(-1)", t("key.prev_hit"), id="zimao.read.prev_found", show=False),
        Binding("c", "explorer('copy', 'measure')", t("key.copy"), id="zimao.read.copy"),
        Binding("C", "explorer('copy', 'citation')", t("key.cite"), id="zimao.read.cite", show=False),
        Binding(
            "y", "explorer('copy', 'section')", t("key.copy_section"), id="zimao.read.section", show=False
        ),
        Binding(
            "ctrl+c,super+c",
            "explorer('copy', 'selection')",
            t("key.copy_selection"),
            id="zimao.read.copy_selection",
            show=False,
        ),
        Binding("b", "explorer('bookmark', 'toggle')", t("key.bookmark"), id="zimao.read.bookmark"),
        Binding("e", "explorer('bookmark', 'note')", t("key.note"), id="zimao.read.note", show=False),
    ]

    def __init__(self, explorer: ExplorerScreen, entry: Entry) -> None:
        super().__init__()
        self.explorer = explorer
        self.report = entry.report
        node = entry.node
        first = next(node.measures(), None) if node is not None and not isinstance(node, Measure) else node
        self.mark: Measure | None = first if first is not None else next(entry.report.measures(), None)
        self.laid: ChapterText | None = None
        self.found: list[tuple[int, int]] = []
        self.found_index = -1

    def compose(self) -> ComposeResult:
        yield Static("", id="reading-title")
        with ReadingBody(id="reading-body"):
            yield ReadingText("", id="reading-text")
        find = InertInput(placeholder=t("read.find_placeholder"), id="reading-find")
        find.display = False
        yield find
        yield Footer()

    def on_mount(self) -> None:
        self._lay_out()
        self.query_one(ReadingBody).focus()

    # ------------------------------------------------------------------ drawing

    def _lay_out(self) -> None:
        """Build the mark's chapter (again, when the mark moved into another) and draw it."""
        if self.mark is None:
            return
        chapter = chapter_of(self.report, self.mark)
        if chapter is not None and (self.laid is None or self.laid.chapter is not chapter):
            self.laid = chapter_text(self.report, chapter)
            self.found, self.found_index = [], -1
        self._draw()
        self.call_after_refresh(self.mark_into_view)

    def _draw(self) -> None:
        if self.laid is None or self.mark is None:
            return
        title = breadcrumb(self.report, self.mark, len(self.explorer.reports) > 1)
        self.query_one("#reading-title", Static).update(inert_content(Content(title)))
        self.query_one("#reading-text", ChineseText).update(self.laid.content(self.mark, self.found))
        self.explorer.show_entry(Entry(self.report, self.mark))  # copy, cite, bookmark act on it

    def mark_into_view(self, offset: int | None = None) -> None:
        """Scroll so the mark (or ``offset``) is on screen with a few lines above it."""
        if self.laid is None or self.mark is None:
            return
        text = self.query_one("#reading-text", ChineseText)
        if offset is None:
            offset = self.laid.spans[self.mark.id][0]
        line = line_of(self.laid.plain, offset, text.content_size.width)
        body = self.query_one(ReadingBody)
        top = line + text.styles.padding.top
        if body.scroll_y <= top < body.scroll_y + body.scrollable_content_region.height - 1:
            return
        # immediate: a deferred scroll was lost when the view opened in the same burst of keys
        # as the jump before it (Enter r typed fast in a real terminal).
        body.scroll_to(y=max(0, top - CONTEXT_LINES), animate=False, immediate=True)

    # ------------------------------------------------------------------ actions

    def action_mark(self, delta: int) -> None:
        """``]``/``[``: the next/previous measure, into the next chapter at the end of one."""
        order = list(self.report.measures())
        if self.mark is None or self.mark not in order:
            return
        index = order.index(self.mark) + delta
        if not 0 <= index < len(order):
            self.explorer.warn(t("read.no_more" if delta > 0 else "read.no_less"))
            return
        self.mark = order[index]
        self._lay_out()

    def action_explorer(self, action: str, what: str) -> None:
        """Copy, cite, bookmark, note: the explorer's own actions, on the marked measure."""
        if action == "copy":
            self.explorer.action_copy(what)
        else:
            self.explorer.action_bookmark(what)

    def action_find(self) -> None:
        field = self.query_one("#reading-find", Input)
        field.display = True
        focus_now(self, field)  # before the keys behind it

    @on(Input.Submitted, "#reading-find")
    def _find(self, event: Input.Submitted) -> None:
        """Enter in the find field: highlight every occurrence, go to the first after the mark."""
        event.stop()
        self._close_find()
        query = event.value.strip()
        if self.laid is None or not query:
            return
        self.found = self.laid.find(query)
        if not self.found:
            self.explorer.warn(t("read.find_none", query=query))
            self._draw()
            return
        at = self.laid.spans[self.mark.id][0] if self.mark is not None else 0
        self.found_index = next((i for i, (s, _) in enumerate(self.found) if s >= at), 0)
        self._show_found(query)

    def action_find_step(self, delta: int) -> None:
        """``n``/``N``: the next/previous occurrence, wrapping at the ends with a notice."""
        if not self.found:
            self.explorer.warn(t("search.no_search"))
            return
        index = self.found_index + delta
        wrapped = not 0 <= index < len(self.found)
        self.found_index = index % len(self.found)
        query = self.query_one("#reading-find", Input).value.strip()
        self._show_found(query)
        if wrapped:
            self.explorer.warn(t("search.wrapped_top" if delta > 0 else "search.wrapped_bottom"))

    def _show_found(self, query: str) -> None:
        """Mark the measure holding the current occurrence and scroll to it."""
        if self.laid is None:
            return
        start = self.found[self.found_index][0]
        self.mark = self.laid.measure_at(start) or self.mark
        self._draw()
        self.call_after_refresh(self.mark_into_view, start)
        n, total = self.found_index + 1, len(self.found)
        self.explorer.zimao.notify_in("explorer.warning", t("read.find_count", query=query, n=n, total=total))

    def _close_find(self) -> None:
        field = self.query_one("#reading-find", Input)
        field.display = False
        self.query_one(ReadingBody).focus()

    def action_close(self) -> None:
        """Esc: out of the find field if it is open, else back to the explorer at the mark."""
        if self.focused is self.query_one("#reading-find", Input):
            self._close_find()
            return
        self.dismiss((self.report, self.mark) if self.mark is not None else None)
