"""The explorer's two start-up workers: the search index and the keywords.

Split out of ``ExplorerScreen`` (issue 12). Each runs in a thread worker that the screen
starts after its first paint (``run_worker(..., thread=True)``); it computes, returns its
result, and the screen receives it in ``on_worker_state_changed``. A cache that cannot be
written is passed to ``warn`` (called on the UI thread) and the work goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.worker import get_current_worker

from zimao_tui.document.report import Report
from zimao_tui.i18n import Notice
from zimao_tui.paths import cache_dir

if TYPE_CHECKING:
    from zimao_tui.search.search import SearchIndex
    from zimao_tui.ui.screens.explorer import ExplorerScreen

Keywords = dict[int, dict[str, list[str]]]
"""Each report's keywords (by ``id(report)``), by heading id."""


def after_first_paint(screen: ExplorerScreen) -> None:
    """Bookmarks, search history and index: needed soon, but not for the first screen.

    The index worker starts only now because its thread would compete with the first
    paint for the GIL. The collector, paused since the command line, runs again from here.
    """
    from zimao_tui.search.gcpause import end_startup

    end_startup()
    screen.painted = True
    screen.show_entry(
        screen.detail.entry
    )  # the first chapter's terms and figures, left out of the first paint
    app = screen.zimao
    warning = app.history.warning  # reads the history file
    if warning:
        app.warn(warning)
    app.load_bookmarks(partial(bookmarks_loaded, screen))  # read in a worker: never on this thread
    work = (app, screen.reports, app.warn_cache)
    run = partial(screen.run_worker, thread=True, exclusive=True, exit_on_error=False)
    run(partial(load_index, *work), group="index", name="search index")
    run(partial(load_keywords, *work), group="keywords", name="keywords")
    from zimao_tui.ui.screens import open_flow

    open_flow.resume(screen)  # back where the last session left the reports (open_flow.py)


def bookmarks_loaded(screen: ExplorerScreen) -> None:
    """The bookmark file has been read: stars in the tree, the note in the detail pane."""
    screen.report_tree.set_bookmark_check(screen.zimao.bookmarks.is_bookmarked)
    if screen.painted and screen.detail.entry is not None:
        screen.show_entry(screen.detail.entry)


def load_index(app: App[Any], reports: Sequence[Report], warn: Callable[[Notice], None]) -> SearchIndex:
    """Open (or build, in a child process) the search index off the UI thread."""
    from zimao_tui.search.search import open_index

    notices: list[Notice] = []
    # Quitting cancels the worker, which ends a cold build's child at once (see child.py).
    index = open_index(reports, cache_dir(), cancel=get_current_worker().cancelled_event, notices=notices)
    index.warm()  # what the first keystroke would otherwise build
    for notice in notices:  # an unwritable cache: said once, search works all the same
        app.call_from_thread(warn, notice)
    return index


def load_keywords(app: App[Any], reports: Sequence[Report], warn: Callable[[Notice], None]) -> Keywords:
    """Cached keywords, or computed in a child process (jieba here would hold the GIL
    for hundreds of milliseconds and freeze typing)."""
    from zimao_tui.insights import keywords

    notices: list[Notice] = []
    found = keywords.ensure_keywords(
        reports, cache_dir(), cancel=get_current_worker().cancelled_event, notices=notices
    )
    for notice in notices:
        app.call_from_thread(warn, notice)
    return {id(r): k for r, k in zip(reports, found, strict=True)}
