"""The bookmarks screen (``B``): every bookmark with its note, filtered as you type.

Dismisses with ``(report, measure)`` when the user presses Enter on a bookmark, for the
app to jump there, or ``None`` on Esc/q. Deleting (``d``, after a confirmation) and
editing (``e``, in :class:`NoteDialog`) go straight to the store, which re-reads and
merges the file, so the list always shows what is on disk after a change. Orphaned
bookmarks (their text is gone from the report, or their report is not open) are listed,
marked, editable and deletable, but cannot be jumped to.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from zimao_tui.document.report import Measure, Report
from zimao_tui.i18n import t
from zimao_tui.store.bookmarks import BookmarkError, BookmarkStore, ResolvedBookmark
from zimao_tui.ui.dialogs.confirm import ConfirmDialog
from zimao_tui.ui.dialogs.note import NoteDialog
from zimao_tui.ui.text.errors import error_text, read_only_refusal
from zimao_tui.ui.text.inert import InertInput, inert_content, inert_text
from zimao_tui.ui.text.linebreak import Kinsoku
from zimao_tui.ui.text.snippets import excerpt

ROW_LIMIT = 200
"""Rows built at once; the filter narrows the rest down (see ``_apply_filter``)."""


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


def row(item: ResolvedBookmark) -> Text:
    """One list row: excerpt (with a marker when orphaned), path, note, tags; inert, since
    every part of it comes from the report or from ``bookmarks.toml``."""
    bm = item.bookmark
    line = Text(no_wrap=True, overflow="ellipsis")
    if item.measure is None:
        line.append(f"[{t('bm.orphaned') if item.report_open else t('bm.not_open')}] ", style="bold red")
        line.append(excerpt(bm.text, 60))
        line.append(f"  {t('bm.saved_as', id=bm.measure_id)}", style="dim")
    else:
        line.append(f"{item.measure.id}  ", style="bold")
        line.append(excerpt(item.measure.text, 60))
    path = Text(" › ".join(bm.path) or bm.report_title, style="dim", no_wrap=True, overflow="ellipsis")
    note_line = excerpt(bm.note, 70) if bm.note else t("bm.no_note")
    note = Text(note_line, style="italic" if bm.note else "dim italic", no_wrap=True, overflow="ellipsis")
    lines = [line, path, note]
    if bm.tags:
        lines.append(
            Text(" ".join(f"#{tag}" for tag in bm.tags), style="cyan", no_wrap=True, overflow="ellipsis")
        )
    return inert_text(Text("\n").join(lines))


def row_visual(item: ResolvedBookmark) -> Kinsoku:
    """The row as the list draws it: wrapped by the Chinese line-breaking rules at whatever
    width the list has (Textual folded it at any cell, so a line could open with 、 or ；)."""
    return Kinsoku(Content.from_rich_text(row(item)))


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
        Binding("slash", "focus_filter", t("bm.key.filter"), id="zimao.bookmarks.filter"),
        Binding("e", "edit", t("bm.key.edit"), id="zimao.bookmarks.edit"),
        Binding("d", "delete", t("bm.key.delete"), id="zimao.bookmarks.delete"),
        Binding("x", "export", t("bm.key.export"), id="zimao.bookmarks.export"),
        Binding("down", "focus_list", t("bm.key.list"), id="zimao.bookmarks.to_list", show=False),
    ]

    def __init__(self, store: BookmarkStore, reports: Sequence[Report]) -> None:
        super().__init__()
        self.store = store
        self.reports = list(reports)
        self._items: list[ResolvedBookmark] = []
        self._haystacks: list[str] = []
        self._shown: list[ResolvedBookmark] = []

    def compose(self) -> ComposeResult:
        yield Label("", id="bookmarks-title")
        yield InertInput(placeholder=t("bm.filter"), id="bookmarks-filter")
        yield OptionList(id="bookmarks-list")
        yield Static("", id="bookmarks-empty")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_items()
        self.query_one(OptionList).focus()

    # ------------------------------------------------------------------ the list

    @property
    def query_text(self) -> str:
        """What is typed in the filter."""
        return self.query_one("#bookmarks-filter", Input).value

    def refresh_items(self) -> None:
        """Re-resolve every bookmark (after a change) and re-apply the filter."""
        self._items = self.store.resolved(self.reports)
        self._haystacks = [haystack(item) for item in self._items]  # once, not per keystroke
        self._apply_filter()

    def _apply_filter(self, keep_place: bool = True) -> None:
        """Rebuild the rows; after an edit or delete the cursor stays where it was.

        At most ``ROW_LIMIT`` rows are built, then one line says how many more match: with
        10,000 bookmarks, building every row took 10 s to open the list and 3 s per
        keystroke of the filter (``benchmarks/bookmarks.py``), for rows nobody scrolls to.
        """
        listing = self.query_one(OptionList)
        previous = listing.highlighted if keep_place else 0
        query = self.query_text
        words = query.casefold().split()
        matching = [
            i for i, hay in zip(self._items, self._haystacks, strict=True) if all(w in hay for w in words)
        ]
        self._shown = matching[:ROW_LIMIT]
        listing.clear_options()
        options: list[Option | None] = []
        for item in self._shown:
            if options:
                options.append(None)  # a separator line between multi-line rows
            options.append(Option(row_visual(item), id=item.bookmark.uid))
        if len(matching) > len(self._shown):
            options += [
                None,
                Option(Text(t("bm.more", n=len(matching) - len(self._shown)), style="dim"), disabled=True),
            ]
        listing.add_options(options)
        if self._shown:
            listing.highlighted = min(previous or 0, len(self._shown) - 1)
        total, shown = len(self._items), len(matching)
        title = t("bm.title", n=total) if not query.strip() else t("bm.title_filtered", shown=shown, n=total)
        self.query_one("#bookmarks-title", Label).update(title)
        empty = self.query_one("#bookmarks-empty", Static)
        empty.update(
            inert_content(t("bm.empty") if not total else t("bm.no_match", query=query) if not shown else "")
        )
        empty.display = not shown
        listing.display = bool(shown)

    @on(Input.Changed, "#bookmarks-filter")
    def _filter_changed(self) -> None:
        self._apply_filter(keep_place=False)

    @on(Input.Submitted, "#bookmarks-filter")
    def _filter_submitted(self) -> None:
        """Enter in the filter jumps to the highlighted bookmark, as it does in the search bar
        and the figures filter (Down goes to the list to pick another)."""
        self.action_jump()

    @on(OptionList.OptionSelected, "#bookmarks-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_jump()

    @property
    def current(self) -> ResolvedBookmark | None:
        """The highlighted bookmark, if any."""
        index = self.query_one(OptionList).highlighted
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
        self.query_one("#bookmarks-filter", Input).focus()

    def action_focus_list(self) -> None:
        """Back from the filter to the list."""
        self.query_one(OptionList).focus()

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

        def save(result: tuple[str, list[str]] | None) -> None:
            if result is None:
                return
            try:
                self.store.set_note(bookmark, *result)
            except BookmarkError as exc:
                self.notify(error_text(exc), severity="error", timeout=10)
                return
            self.refresh_items()
            self.notify(t("bm.saved"))

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

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.store.remove(bookmark)
            except BookmarkError as exc:
                self.notify(error_text(exc), severity="error", timeout=10)
                return
            self.refresh_items()
            self.notify(t("bm.deleted"))

        question = t("bm.confirm_delete") if bookmark.note or bookmark.tags else t("bm.confirm_delete_plain")
        self.app.push_screen(ConfirmDialog(question, excerpt(bookmark.text, 50)), answered)
