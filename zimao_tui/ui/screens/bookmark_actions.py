"""The explorer's bookmark keys (``b``, ``e``): ask, change the store off the UI thread, redraw.

Split out of ``ExplorerScreen`` (issue 12). The screen keeps the actions (Textual looks them
up on it) and hands each to :class:`BookmarkActions`, which puts the change on the app's
bookmark queue (``ui/bookmark_queue.py``) and redraws when it lands.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from zimao_tui.document.report import Measure, Report
from zimao_tui.i18n import t

if TYPE_CHECKING:
    from zimao_tui.store.bookmarks import BookmarkStore
    from zimao_tui.ui.screens.explorer import ExplorerScreen

T = TypeVar("T")


class BookmarkActions:
    """Bookmark changes asked for on one explorer screen, applied one at a time in order."""

    def __init__(self, screen: ExplorerScreen) -> None:
        self.screen = screen

    @property
    def store(self) -> BookmarkStore:
        return self.screen.zimao.bookmarks

    def toggle(self, report: Report, measure: Measure) -> None:
        """Bookmark the measure, or remove its bookmark: after asking if it has a note or tags
        (a second ``b`` must not silently take the words someone wrote)."""
        if self._refused():
            return
        existing = self.store.get(report, measure)
        if existing is None or not (existing.note or existing.tags):
            self._toggle(report, measure)
            return
        from zimao_tui.ui.dialogs.confirm import ConfirmDialog
        from zimao_tui.ui.text.snippets import excerpt

        def answered(yes: bool | None) -> None:
            if yes:
                self._toggle(report, measure)

        detail = excerpt(existing.note.strip() or " ".join(existing.tags), 60)
        self.screen.app.push_screen(ConfirmDialog(t("bm.confirm_delete"), detail), answered)

    def edit_note(self, report: Report, measure: Measure) -> None:
        """The note dialog for the measure; its result is saved (bookmarking the measure).

        In a read-only session the key says so at once, before anything can be typed and lost."""
        if self._refused():
            return
        from zimao_tui.ui.dialogs.note import NoteDialog

        bookmark = self.store.get(report, measure)
        dialog = NoteDialog(
            bookmark.note if bookmark else "", bookmark.tags if bookmark else (), measure.text
        )

        def save(result: tuple[str, list[str]] | None) -> None:
            if result is not None:
                note, tags = result
                self.change(report, measure, lambda: self.store.update(report, measure, note, tags))

        self.screen.app.push_screen(dialog, save)

    def _refused(self) -> bool:
        """In a read-only session, say so (before any dialog) and refuse."""
        from zimao_tui.ui.text.errors import read_only_refusal

        message = read_only_refusal(self.store)
        if message:
            self.screen.zimao.notify_in("bookmark", message, severity="warning")
        return message is not None

    def _toggle(self, report: Report, measure: Measure) -> None:
        def toggled(on: bool) -> None:
            self.screen.zimao.notify_in(
                "bookmark", t("notify.bookmarked") if on else t("notify.unbookmarked"), timeout=2
            )

        self.change(report, measure, lambda: self.store.toggle(report, measure), toggled)

    def change(
        self,
        report: Report,
        measure: Measure,
        change: Callable[[], T],
        done: Callable[[T], None] | None = None,
    ) -> None:
        """Run ``change`` on the store off the UI thread; redraw the measure when it lands.

        A change waits for the file's lock, which another zimao-tui or a script may hold for
        up to ``LOCK_TIMEOUT`` (10 s): on the UI thread that froze the app. Changes run one
        at a time in the order they were asked for (a second ``b`` undoes the first), then
        the tree's star and, if it still shows that measure, the detail pane are redrawn and
        ``done`` gets the result. A store that refuses (read-only, locked) is said in a toast.
        """
        from zimao_tui.ui.bookmark_queue import queue_of

        queue_of(self.screen.app).submit(
            change, lambda result: self._landed(report, measure, result, done), self._failed
        )

    def _failed(self, exc: BaseException) -> None:
        from zimao_tui.ui.text.errors import error_text

        self.screen.notify(error_text(exc), severity="error")

    def _landed(self, report: Report, measure: Measure, result: T, done: Callable[[T], None] | None) -> None:
        screen = self.screen
        screen.report_tree.refresh_mark(report, measure)
        entry = screen.detail.entry
        if (
            entry is not None
            and entry.report is report
            and entry.node is not None
            and entry.node.id == measure.id
        ):
            screen.show_entry(entry)  # its note and tags; never pull the user back to it
        if done is not None:
            done(result)
