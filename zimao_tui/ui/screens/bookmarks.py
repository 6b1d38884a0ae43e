"""The bookmarks screen (``B``): every bookmark with its note, filtered as you type.

Dismisses with ``(report, measure)`` when the user presses Enter on a bookmark, for the
app to jump there, or ``None`` on Esc/q. Deleting (``d``, after a confirmation) and
editing (``e``, in :class:`NoteDialog`) go to the store on the bookmark queue, which
re-reads and merges the file, so the list shows what is on disk after a change. Orphaned
bookmarks (their text is gone from the report, or their report is not open) are listed,
marked, editable and deletable, but cannot be jumped to.

At scale (10,000 bookmarks): the bookmarks are resolved and each one's filter text folded
once, off the UI thread, while the screen says it is reading them (up to ``INLINE`` are
done at once, without that flash); a keystroke then only tests the words against those
texts (narrowing the last matches when the query grew) and hands the row heights to the
virtual :class:`RowList`, which lays out only the rows on screen.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Input, Static

from zimao_tui.document.report import Measure, Report
from zimao_tui.i18n import t
from zimao_tui.store.bookmarks import BookmarkStore, ResolvedBookmark
from zimao_tui.ui.dialogs.confirm import ConfirmDialog
from zimao_tui.ui.dialogs.note import NoteDialog
from zimao_tui.ui.focus_now import focus_now
from zimao_tui.ui.text.errors import error_text, read_only_refusal
from zimao_tui.ui.text.inert import InertInput, inert_content, inert_text
from zimao_tui.ui.text.linebreak import break_offsets
from zimao_tui.ui.text.snippets import excerpt
from zimao_tui.ui.widgets.row_list import RowList

INLINE = 300
"""Up to this many bookmarks are resolved as the screen opens, without a loading state."""


def haystack(item: ResolvedBookmark) -> str:
    """Everything the filter looks in, case-folded: text, note, tags, headings, id."""
    bm = item.bookmark
    text = item.measure.text if item.measure else bm.text
    measure_id = item.measure.id if item.measure else bm.measure_id
    return " ".join(
        (text, bm.note, " ".join(bm.tags), " ".join(bm.path), measure_id, bm.report_title)
    ).casefold()


def matches(item: ResolvedBookmark, query: str) -> bool:
    """Whether every space-separated word of ``query`` occurs somewhere in the bookmark."""
    hay = haystack(item)
    return all(word in hay for word in query.casefold().split())


def height(item: ResolvedBookmark) -> int:
    """How many lines :func:`row` gives (three; four with tags), without building it."""
    return 4 if item.bookmark.tags else 3


Prepared = tuple[list[ResolvedBookmark], list[str], list[int]]
"""Every bookmark resolved, each one's filter text, and its first line's width in cells."""


def prepared(store: BookmarkStore, reports: Sequence[Report]) -> Prepared:
    """The work done once per change, off the UI thread: resolve, fold, measure."""
    items = store.resolved(reports)
    return items, [haystack(item) for item in items], [first_line(item).cell_len for item in items]


def first_line(item: ResolvedBookmark) -> Text:
    """A row's first line: the measure's id and an excerpt (a marker and the saved id when
    orphaned). It takes two lines when the list is narrower (see :func:`inert_lines`)."""
    bm = item.bookmark
    line = Text(no_wrap=True, overflow="ellipsis")
    if item.measure is None:
        line.append(f"[{t('bm.orphaned') if item.report_open else t('bm.not_open')}] ", style="bold red")
        line.append(excerpt(bm.text, 60))
        line.append(f"  {t('bm.saved_as', id=bm.measure_id)}", style="dim")
    else:
        line.append(f"{item.measure.id}  ", style="bold")
        line.append(excerpt(item.measure.text, 60))
    return line


def row(item: ResolvedBookmark) -> Text:
    """One list row: excerpt (with a marker when orphaned), path, note, tags; inert, since
    every part of it comes from the report or from ``bookmarks.toml``."""
    bm = item.bookmark
    line = first_line(item)
    path = Text(" › ".join(bm.path) or bm.report_title, style="dim", no_wrap=True, overflow="ellipsis")
    note_line = excerpt(bm.note, 70) if bm.note else t("bm.no_note")
    note = Text(note_line, style="italic" if bm.note else "dim italic", no_wrap=True, overflow="ellipsis")
    lines = [line, path, note]
    if bm.tags:
        lines.append(
            Text(" ".join(f"#{tag}" for tag in bm.tags), style="cyan", no_wrap=True, overflow="ellipsis")
        )
    return inert_text(Text("\n").join(lines))


class TitleBar(Widget):
    """The screen's one-line title; a new text repaints it (a Label's update would lay the
    whole screen out again, on every keystroke of the filter)."""

    DEFAULT_CSS = "TitleBar { height: 1; }"
    text: reactive[str] = reactive("", layout=False)

    def render(self) -> Content:
        return Content(self.text)


class BookmarksScreen(Screen[tuple[Report, Measure] | None]):
    """Every bookmark of ``store`` resolved against ``reports``, with a filter on top.

    The list has the focus; ``/`` moves to the filter, and Down or Enter there come back.
    Esc in the filter clears it and comes back too (like the explorer's search bar); Esc
    on the list closes the screen.
    """

    CSS_PATH = "bookmarks.tcss"
    BINDINGS = [  # noqa: RUF012 - Textual's declared class attribute
        Binding("escape", "escape", t("bm.key.close"), id="zimao.bookmarks.close"),
        Binding("q", "close", t("bm.key.close"), id="zimao.bookmarks.quit", show=False),
        Binding("enter", "jump", t("bm.key.jump"), id="zimao.bookmarks.jump", show=False),
        Binding("slash", "focus_filter", t("bm.key.filter"), id="zimao.bookmarks.filter", priority=True),
        Binding("e", "edit", t("bm.key.edit"), id="zimao.bookmarks.edit"),
        Binding("d", "delete", t("bm.key.delete"), id="zimao.bookmarks.delete"),
        Binding("x", "export", t("bm.key.export"), id="zimao.bookmarks.export"),
        Binding("down", "focus_list", t("bm.key.list"), id="zimao.bookmarks.to_list", show=False),
    ]

    def __init__(self, store: BookmarkStore, reports: Sequence[Report]) -> None:
        super().__init__()
        self.store = store
        self.reports = list(reports)
        self.reading = True
        """True until the bookmarks have been read and resolved (see ``_load``)."""
        self._items: list[ResolvedBookmark] = []
        self._haystacks: list[str] = []
        self._heights: list[int] = []
        self._first_cells: list[int] = []
        self._matching: list[int] = []  # indexes into _items of the rows shown
        self._words: list[str] = []  # the query they match
        self._shown: list[ResolvedBookmark] = []
        self._message = ""

    def compose(self) -> ComposeResult:
        yield TitleBar(id="bookmarks-title")
        yield InertInput(placeholder=t("bm.filter"), id="bookmarks-filter")
        yield RowList(id="bookmarks-list")
        yield Static("", id="bookmarks-empty")
        yield Footer()

    def on_mount(self) -> None:
        if self.store.loaded and len(self.store.bookmarks) <= INLINE:
            self._take(prepared(self.store, self.reports))
        else:
            self._show_loading()
            self.refresh_items()
        self.listing.focus()

    # ------------------------------------------------------------------ the list

    @property
    def listing(self) -> RowList:
        """The list of bookmarks."""
        return self.query_one(RowList)

    @property
    def query_text(self) -> str:
        """What is typed in the filter."""
        return self.query_one("#bookmarks-filter", Input).value

    def _show_loading(self) -> None:
        self.query_one("#bookmarks-title", TitleBar).text = t("bm.title_loading")
        self._message = t("bm.loading")
        self.query_one("#bookmarks-empty", Static).update(self._message)
        self._show(False)

    def refresh_items(self, change: Callable[[], object] | None = None, done: str | None = None) -> None:
        """On the bookmark queue: ``change`` the store (if given), then resolve every bookmark
        and fold its filter text; back here, re-apply the filter and toast ``done``."""
        from zimao_tui.ui.bookmark_queue import queue_of

        store, reports = self.store, self.reports

        def work() -> Prepared:
            if not store.loaded:
                store.reload()
            if change is not None:
                change()
            return prepared(store, reports)

        def landed(result: Prepared) -> None:
            if self.is_attached:
                self._take(result)
            if done is not None:
                self.app.notify(t(done))

        def failed(exc: BaseException) -> None:
            self.app.notify(error_text(exc), severity="error", timeout=10)

        queue_of(self.app).submit(work, landed, failed)

    def _take(self, result: Prepared) -> None:
        """The resolved bookmarks and their filter texts: show them, filtered as typed."""
        self._items, self._haystacks, self._first_cells = result
        self.listing.forget()  # rows are keyed by item id: the old items' ids may be reused
        self._heights = [height(item) for item in self._items]
        self._words = []
        self._matching = list(range(len(self._items)))
        if len(self._items) > INLINE:
            gc.freeze()  # they live as long as the screen: the collector need not walk them again
        self.reading = False
        self._apply_filter(keep_place=True)

    def _apply_filter(self, keep_place: bool = True) -> None:
        """Show the bookmarks matching the filter; after an edit or delete the cursor stays put.

        The work of a keystroke: test the words against the prepared filter texts (only the
        last matches when the query grew by a letter or a word), then give the list the row
        heights; it lays out the rows on screen only.
        """
        if self.reading:
            return
        listing = self.listing
        previous = listing.highlighted if keep_place else 0
        query = self.query_text
        words = query.casefold().split()
        narrowing = (
            not keep_place
            and self._words
            and len(words) >= len(self._words)
            and all(o in w for o, w in zip(self._words, words, strict=False))
        )
        matching = self._matching if narrowing else list(range(len(self._items)))
        hay = self._haystacks
        for word in dict.fromkeys(words):  # one plain pass per word: no generator per bookmark
            matching = [i for i in matching if word in hay[i]]
        self._matching = matching
        self._words = words
        items, heights, cells = self._items, self._heights, self._first_cells
        self._shown = [items[i] for i in self._matching]
        shown_items = self._shown

        def heights_at(width: int) -> list[int]:  # the first line takes two when it is wider
            return [heights[i] + (cells[i] > width) for i in matching]

        listing.set_rows(
            heights_at,
            lambda n, width: inert_lines(shown_items[n], width),
            previous or 0,
            [id(item) for item in shown_items],  # an item object is one state of a bookmark
        )
        total, shown = len(self._items), len(self._matching)
        title = t("bm.title", n=total) if not query.strip() else t("bm.title_filtered", shown=shown, n=total)
        self.query_one("#bookmarks-title", TitleBar).text = title  # a repaint, not a new layout
        message = t("bm.empty") if not total else t("bm.no_match", query=query) if not shown else ""
        if message != self._message:  # Static.update lays the whole screen out again
            self._message = message
            self.query_one("#bookmarks-empty", Static).update(inert_content(message))
        self._show(bool(shown))

    def _show(self, rows: bool) -> None:
        """The list, or the line saying why there is none (changed only when it changes)."""
        listing, empty = self.listing, self.query_one("#bookmarks-empty", Static)
        if listing.display != rows:
            listing.display = rows
        if empty.display == rows:
            empty.display = not rows

    @on(Input.Changed, "#bookmarks-filter")
    def _filter_changed(self) -> None:
        self._apply_filter(keep_place=False)

    @on(Input.Submitted, "#bookmarks-filter")
    def _filter_submitted(self) -> None:
        """Enter in the filter jumps to the highlighted bookmark, as it does in the search bar
        and the figures filter (Down goes to the list to pick another)."""
        self.action_jump()

    @on(RowList.Selected, "#bookmarks-list")
    def _selected(self, event: RowList.Selected) -> None:
        event.stop()
        self.action_jump()

    @property
    def current(self) -> ResolvedBookmark | None:
        """The highlighted bookmark, if any."""
        index = self.listing.highlighted
        if index is None or not 0 <= index < len(self._shown):
            return None
        return self._shown[index]

    # ------------------------------------------------------------------ actions

    def action_escape(self) -> None:
        """Leave the filter (cleared) if the cursor is in it, else close the screen.

        Closing from the filter would throw away the list the user was narrowing down."""
        field = self.query_one("#bookmarks-filter", Input)
        if field.has_focus:
            field.value = ""  # Input.Changed re-applies the (now empty) filter
            self.action_focus_list()
        else:
            self.action_close()

    def action_close(self) -> None:
        """Back to the explorer without jumping."""
        self.dismiss(None)

    def action_focus_filter(self) -> None:
        """Put the cursor in the filter."""
        focus_now(self, self.query_one("#bookmarks-filter", Input))  # before the keys behind it

    def action_focus_list(self) -> None:
        """Back from the filter to the list."""
        self.listing.focus()

    def action_jump(self) -> None:
        """Dismiss with the highlighted bookmark's measure, for the app to show it."""
        item = self.current
        if item is None:
            self.notify(t("bm.nothing"), severity="warning")
        elif item.report is None or item.measure is None:
            message = (
                t("bm.cannot_jump")
                if item.report_open
                else t("bm.cannot_jump_closed", title=item.bookmark.report_title)
            )
            self.notify(message, severity="warning")
        else:
            self.dismiss((item.report, item.measure))

    def action_export(self) -> None:
        """The listed bookmarks (as filtered) as Markdown: a file, or a download in the browser."""
        from zimao_tui.insights.bookmark_export import markdown

        if not self._shown:
            self.notify(t("bm.nothing"), severity="warning")
            return
        from zimao_tui.ui.export import export_text

        export_text(self.app, markdown(self._shown), "zimao-bookmarks.md", "bookmarks")

    def _refused(self) -> bool:
        """In a read-only session, say so instead of opening a dialog whose result is lost."""
        message = read_only_refusal(self.store)
        if message:
            self.notify(message, severity="warning")
        return message is not None

    def action_edit(self) -> None:
        """Edit the highlighted bookmark's note and tags in the note dialog."""
        if self._refused():
            return
        item = self.current
        if item is None:
            self.notify(t("bm.nothing"), severity="warning")
            return
        bookmark = item.bookmark
        store = self.store

        def save(result: tuple[str, list[str]] | None) -> None:
            if result is not None:
                note, tags = result
                self.refresh_items(lambda: store.set_note(bookmark, note, tags), "bm.saved")

        text = item.measure.text if item.measure else bookmark.text
        self.app.push_screen(NoteDialog(bookmark.note, bookmark.tags, text), save)

    def action_delete(self) -> None:
        """Ask, then delete the highlighted bookmark (orphans too)."""
        if self._refused():
            return
        item = self.current
        if item is None:
            self.notify(t("bm.nothing"), severity="warning")
            return
        bookmark = item.bookmark
        store = self.store

        def answered(yes: bool | None) -> None:
            if yes:
                self.refresh_items(lambda: store.remove(bookmark), "bm.deleted")

        question = t("bm.confirm_delete") if bookmark.note or bookmark.tags else t("bm.confirm_delete_plain")
        self.app.push_screen(ConfirmDialog(question, excerpt(bookmark.text, 50)), answered)


def inert_lines(item: ResolvedBookmark, width: int) -> list[Text]:
    """The lines of an item's row at a text width, for the list (built when the row comes
    into view): a first line wider than the list is broken into two by the Chinese
    line-breaking rules (no line opens with 、 or ；), the second cut with … if need be."""
    lines = list(row(item).split("\n"))
    first = lines[0]
    if first.cell_len > width:
        offsets = break_offsets(first.plain, width)
        if offsets:
            head, tail = first.divide(offsets[:1])
            head.rstrip()
            tail.no_wrap, tail.overflow = True, "ellipsis"
            lines[0:1] = [head, tail]
    return lines
