"""Searching the library (or the catalogue's selection) from the catalogue: ``s``.

Each keystroke runs a search in a thread worker (exclusive: a newer query cancels the older,
whose results are dropped when the text has changed meanwhile, as Textual's dictionary example
does); the search itself runs in the screen's one search thread, which keeps the store
connection and lib-speed's Searcher (scoped to the selection) from query to query. Results look like the search bar's
(the report's short title, where, the match highlighted); Enter opens the report at the hit.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState

from zimao_tui.document.report import Measure
from zimao_tui.i18n import t
from zimao_tui.search.search import Hit
from zimao_tui.store.library import Library

if TYPE_CHECKING:
    from zimao_tui.search.library_search import Searcher
from zimao_tui.ui.text.inert import InertInput, inert_content
from zimao_tui.ui.widgets.search_bar import ONE_LINE_BELOW, hit_content

LIMIT = 50
"""Hits listed per query (the count says how many matched)."""


class SearchThread:
    """One thread that owns the screen's store connection and its Searcher, so that what a
    Searcher learns (its vocabulary, remembered bands) lasts from keystroke to keystroke:
    a fresh connection and Searcher per query cost 45-65 ms, a kept one 2-4 ms. (A SQLite
    connection belongs to the thread that opened it; Textual runs each worker in a new one.)"""

    def __init__(self, store: Path, reports: Sequence[int] | None) -> None:
        from concurrent.futures import ThreadPoolExecutor

        self.store = store
        self.reports = None if reports is None else list(reports)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="library-search")
        self._library: Library | None = None
        self._searcher: Searcher | None = None

    def _search(self, query: str) -> tuple[str, list[Hit], int]:
        from zimao_tui.search.library_search import Searcher, searcher

        if self._library is None or self._searcher is None:
            self._library = Library(self.store)
            self._searcher = (
                searcher(self._library) if self.reports is None else Searcher(self._library, self.reports)
            )
        results = self._searcher.search(query, LIMIT) if self.reports != [] else None
        return (query, [], 0) if results is None else (query, list(results), results.total)

    def search(self, query: str) -> tuple[str, list[Hit], int]:
        """The best LIMIT hits of ``query`` (called from a worker thread; runs in this one)."""
        return self._pool.submit(self._search, query).result()

    def close(self) -> None:
        """Close the connection in its thread, and let the thread end."""

        def close() -> None:
            if self._library is not None:
                self._library.close()

        self._pool.submit(close)
        self._pool.shutdown(wait=False)


class LibrarySearchScreen(Screen[tuple[str, Measure] | None]):
    """A query over the library; Enter returns (the report's path, the measure), Esc None."""

    DEFAULT_CSS = """
    #lib-search-title, #lib-search-status {
        height: 1;
        padding: 0 1;
        background: $panel;
    }

    #lib-search-status {
        background: $surface;
        color: $text-muted;
    }

    #lib-search-input {
        border: tall $panel;
        background: $surface;
    }

    #lib-search-input:focus {
        border: tall $primary;
    }

    #lib-search-results {
        height: 1fr;
        border: none;
    }

    #lib-search-results.-one-line {
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """
    """Beside the catalogue's, for the same reason (see ``CatalogueScreen.DEFAULT_CSS``)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", t("key.back"), id="zimao.library_search_back"),
        Binding("down", "results(1)", t("key.results_down"), id="zimao.library_search_down", show=False),
        Binding("up", "results(-1)", t("key.results_up"), id="zimao.library_search_up", show=False),
    ]

    def __init__(self, store: Path, reports: Sequence[int] | None, count: int) -> None:
        super().__init__()
        self.store = store
        self.reports = None if reports is None else list(reports)
        self.count = count
        self.hits: list[Hit] = []
        self.searching = SearchThread(store, reports)

    def on_unmount(self) -> None:
        self.searching.close()

    def compose(self) -> ComposeResult:
        yield Header(icon="◆")
        scope = "catalogue.search_all" if self.reports is None else "catalogue.search_some"
        yield Static(t(scope, n=self.count), id="lib-search-title")
        yield InertInput(placeholder=t("catalogue.search_placeholder"), id="lib-search-input")
        yield Static("", id="lib-search-status")
        yield OptionList(id="lib-search-results")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        query = event.value.strip()
        if not query:
            self.hits = []
            self.query_one(OptionList).clear_options()
            self.query_one("#lib-search-status", Static).update("")
            return
        self.query_one("#lib-search-status", Static).update(t("catalogue.searching"))
        self.run_worker(
            partial(self.searching.search, query),
            thread=True,
            exclusive=True,
            group="library-search",
            exit_on_error=False,
        )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "library-search":
            return
        status = self.query_one("#lib-search-status", Static)
        if event.state == WorkerState.ERROR:
            error = f"{type(event.worker.error).__name__}: {event.worker.error}"
            status.update(inert_content(t("search.failed", error=error)))
            return
        if event.state != WorkerState.SUCCESS or event.worker.result is None:
            return
        query, hits, total = event.worker.result
        if query != self.query_one(Input).value.strip():
            return  # the user typed on meanwhile: a newer search is on its way
        self.show(hits, total)

    def show(self, hits: list[Hit], total: int) -> None:
        """List the hits, the first highlighted."""
        self.hits = hits
        results = self.query_one(OptionList)
        results.clear_options()
        one_line = self.app.size.width < ONE_LINE_BELOW  # as the search bar: many hits at 80 columns
        results.set_class(one_line, "-one-line")
        results.add_options(
            Option(hit_content(hit, with_title=True, one_line=one_line), id=str(i))
            for i, hit in enumerate(hits)
        )
        if hits:
            results.highlighted = 0
        self.query_one("#lib-search-status", Static).update(
            t("catalogue.search_count", shown=len(hits), total=total)
        )

    def action_results(self, delta: int) -> None:
        results = self.query_one(OptionList)
        if results.option_count:
            at = results.highlighted if results.highlighted is not None else -delta
            results.highlighted = max(0, min(results.option_count - 1, at + delta))

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self._choose(self.query_one(OptionList).highlighted)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option_index)

    def _choose(self, index: int | None) -> None:
        if index is not None and 0 <= index < len(self.hits):
            hit = self.hits[index]
            self.dismiss((hit.report.origin, hit.measure))

    def action_close(self) -> None:
        self.dismiss(None)
