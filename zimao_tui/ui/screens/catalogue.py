"""The catalogue: the library's reports in a table to filter, sort, select, open and search.

The first screen of ``zimao-tui`` when the library holds reports of its own, and of
``zimao-tui DIR`` for a folder of more than ``launch.CATALOGUE_FROM`` reports; ``L`` opens it
from the explorer. The rows come from the store, read before the first paint (one query);
everything slower starts after it (``catalogue_flow.py``): reading new or changed files with a
progress bar (the table stays usable, and is refreshed when they are in), the filter's pinyin
index, warming library search. Row rules (cells, sorting) live in ``catalogue_rows.py``.
"""

from __future__ import annotations

import time
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding, BindingType
from textual.content import Content
from textual.coordinate import Coordinate
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, ProgressBar, Static
from textual.worker import Worker, WorkerState, get_current_worker

from zimao_tui.document.report import Measure
from zimao_tui.i18n import t
from zimao_tui.search.catalogue_filter import RowMatcher
from zimao_tui.ui.focus_now import focus_now
from zimao_tui.ui.footer_keys import hidden_in_footer
from zimao_tui.ui.screens import catalogue_flow
from zimao_tui.ui.screens.catalogue_rows import COLUMNS, Row, arrange, catalogue_rows
from zimao_tui.ui.text.inert import InertInput, inert_text
from zimao_tui.ui.text.snippets import fit_title
from zimao_tui.ui.typed_app import zimao_app

if TYPE_CHECKING:
    from zimao_tui.ui.app import ZimaoApp

FIXED = {"date": 10, "issuer": 10, "kind": 6, "measures": 6, "size": 8}
"""Cells of the columns beside the title, which takes what is left (at least TITLE_MIN)."""
WIDE = 120
"""From this width the issuer column has ISSUER_WIDE cells (国务院办公厅 and longer names)."""
ISSUER_WIDE = 24
TITLE_MIN = 16
NOT_IN_FOOTER = frozenset({"zimao.theme"})
"""The app's theme key is left out of the catalogue's footer: at 80 columns its keys and
``q`` quit need the room (``t`` still works, and help and the palette list it)."""
MARK = "●"
"""The selection mark in the first column."""
FIRST_ROWS = 60
"""Rows put in the table at once (more than a 50-line terminal shows); the rest follow in
batches of LATER_ROWS right after the paint: a row costs the DataTable ~0.2 ms, so 1,000 at
once would add 0.2 s to the first screen and to every keystroke of the filter."""
LATER_ROWS = 200
RELOAD_EVERY = 100
"""While files are read, the rows are read again from the store after this many reports."""


class CatalogueTable(DataTable[Any]):
    """The catalogue's table, with vim's moves (``j``/``k``, ``g``/``G``)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", t("key.down"), id="zimao.catalogue_down", show=False),
        Binding("k", "cursor_up", t("key.up"), id="zimao.catalogue_up", show=False),
        Binding("g,home", "edge(0)", t("key.top"), id="zimao.catalogue_top", show=False),
        Binding("G,end", "edge(-1)", t("key.bottom"), id="zimao.catalogue_bottom", show=False),
        # DataTable's own Enter (select_cursor: RowSelected, which opens) shown in the footer.
        Binding("enter", "select_cursor", t("key.catalogue.open"), id="zimao.catalogue_open"),
    ]

    def action_edge(self, end: int) -> None:
        if self.row_count:
            self.move_cursor(row=0 if end == 0 else self.row_count - 1, animate=False)


class CatalogueScreen(Screen[None]):
    """The library's reports; Enter opens the selection (or the row) in the explorer."""

    DEFAULT_CSS = """
    #cat-title {
        height: 1;
        padding: 0 1;
        background: $panel;
    }

    #cat-filter {
        border: tall $panel;
        background: $surface;
    }

    #cat-filter:focus {
        border: tall $primary;
    }

    #cat-table {
        height: 1fr;
    }

    #cat-progress {
        height: 1;
        padding: 0 1;
    }
    """
    """Its layout, here rather than in a ``.tcss``: the catalogue can
    be the app's first screen, whose ``CSS_PATH`` Textual does not load, and in app.tcss
    every one-report start would parse it. Textual adds a class's DEFAULT_CSS when the class
    is first mounted, so only a session that opens the catalogue pays for it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", t("key.back"), id="zimao.catalogue_back"),
        # Enter is the focused widget's (the table's, the filter's: both open), never a priority
        # binding: typed in one burst with a filter, it must wait behind the filter's keys,
        # queued in the field, or it opens the row under the cursor before they filtered.
        Binding("enter", "open", t("key.catalogue.open"), id="zimao.catalogue_open"),
        Binding("space", "select", t("key.catalogue.select"), id="zimao.catalogue_select"),
        # Priority, and the focus moved at once (set_focus): in a burst ("/zfgzbg⏎") the keys
        # behind "/" must already go to the filter, not to the table (as the explorer's "/").
        Binding("slash", "filter", t("key.catalogue.filter"), id="zimao.catalogue_filter", priority=True),
        Binding("s", "search", t("key.catalogue.search"), id="zimao.catalogue_search"),
        *(
            Binding(str(n), f"sort('{c}')", t(f"library.col.{c}"), id=f"zimao.catalogue_sort_{c}", show=False)
            for n, c in enumerate(COLUMNS, start=1)
        ),
    ]

    def __init__(self, shelf: catalogue_flow.Shelf) -> None:
        super().__init__()
        self.shelf = shelf
        self.rows: list[Row] = catalogue_rows(shelf.entries())
        self.matcher = RowMatcher([r.haystack() for r in self.rows])
        self.shown: list[Row] = list(self.rows)
        self.selected: set[int] = set()
        """Catalogue ids of the selected rows."""
        self.sort_column: str | None = None
        self.reverse = False
        self.painted_at: float | None = None
        self.title_cells = TITLE_MIN
        """Cells of the title column (set with the columns on mount): titles are cut to it."""
        self.reading = False
        self._filled = 0
        """How many rows of ``shown`` are in the table (the rest are being added)."""
        self._generation = 0
        self._shown_done = 0
        """Reports read when the rows were last read again from the store."""

    @property
    def zimao(self) -> ZimaoApp:
        return zimao_app(self)

    def compose(self) -> ComposeResult:
        yield Header(icon="◆")
        yield Static(id="cat-title")
        yield CatalogueFilter(placeholder=t("catalogue.filter"), id="cat-filter")
        yield CatalogueTable(id="cat-table", cursor_type="row", zebra_stripes=True)
        yield ProgressBar(id="cat-progress", show_eta=False)
        yield Footer()

    def on_mount(self) -> None:
        table = self.table
        width = self.app.size.width
        labels = {column: f"{n} {t(f'library.col.{column}')}" for n, column in enumerate(COLUMNS, start=1)}
        widths = {**FIXED, "issuer": ISSUER_WIDE if width >= WIDE else FIXED["issuer"]}
        widths = {column: max(cells, cell_len(labels[column])) for column, cells in widths.items()}
        widths["title"] = max(TITLE_MIN, width - sum(widths.values()) - 2 * (len(widths) + 1) - 3)
        self.title_cells = widths["title"]
        table.add_column(" ", key="mark", width=1)
        for column in COLUMNS:
            table.add_column(labels[column], key=column, width=widths[column])
        self.query_one("#cat-progress").display = False
        self._refill()
        table.focus()
        self.call_after_refresh(self._after_first_paint)

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """The footer without ``NOT_IN_FOOTER``."""
        return hidden_in_footer(super().active_bindings, NOT_IN_FOOTER)

    @property
    def table(self) -> CatalogueTable:
        return self.query_one(CatalogueTable)

    # ------------------------------------------------------------------ after the first paint

    def _after_first_paint(self) -> None:
        """The work that must not delay the first screen, each in its thread."""
        from zimao_tui.search.gcpause import end_startup

        end_startup()
        self.painted_at = time.perf_counter()
        for notice in self.shelf.library.notices:
            self.zimao.warn(notice)
        self.shelf.library.notices.clear()
        # Search first: the filter's index and the reading start when it is warm (all three
        # at once competed for the GIL and made search ready 0.6 s after the paint, not 0.15).
        run = partial(self.run_worker, thread=True, exit_on_error=False)
        run(partial(catalogue_flow.warm_search, self.shelf.store), group="warm", name="warm search")

    def _index_rows(self) -> None:
        from zimao_tui.paths import cache_dir
        from zimao_tui.search.catalogue_filter import open_rows_index

        texts = self.matcher.texts
        if not texts:
            return
        self.run_worker(
            lambda: open_rows_index(texts, cache_dir(), get_current_worker().cancelled_event),
            thread=True,
            exclusive=True,
            group="rows-index",
            exit_on_error=False,
        )

    def read_files(self) -> None:
        """Read new and changed files in the background, with the progress bar."""
        app = self.app

        def progress(done: int, total: int) -> None:
            app.call_from_thread(self._progress, done, total)

        self.reading = True
        self.run_worker(
            partial(catalogue_flow.read_new_files, self.shelf.store, self.shelf.paths, progress),
            thread=True,
            exclusive=True,
            group="read",
            exit_on_error=False,
        )

    def _progress(self, done: int, total: int) -> None:
        bar = self.query_one("#cat-progress", ProgressBar)
        bar.display = True
        bar.update(total=total, progress=done)
        if done and (done < self._shown_done or done - self._shown_done >= RELOAD_EVERY):
            self._shown_done = done
            self.reload(index=False)  # the rows read so far get their titles
        self._title()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.is_cancelled or event.state not in (WorkerState.SUCCESS, WorkerState.ERROR):
            return
        error = f"{type(worker.error).__name__}: {worker.error}" if event.state == WorkerState.ERROR else ""
        if worker.group == "warm":
            self.shelf.search_ready = worker.result if not error else None
            self._index_rows()
            self.read_files()
            if error:
                self.zimao.notify(t("notify.worker_failed", what=worker.name, error=error), severity="error")
        elif worker.group == "rows-index" and not error and worker.result is not None:
            if len(worker.result) == len(self.matcher.texts):  # not an index of older rows
                self.matcher.index = worker.result
                if self.filter_text:
                    self._refill()
        elif worker.group == "read":
            self.reading = False
            self.query_one("#cat-progress").display = False
            if error:
                self.zimao.notify(t("catalogue.read_failed", error=error), severity="error", timeout=8)
            elif worker.result:
                self.reload()
            self._title()
        elif error:
            self.zimao.notify(t("notify.worker_failed", what=worker.name, error=error), severity="error")

    def reload(self, index: bool = True) -> None:
        """Read the rows again from the store (while and after the background reading); the
        filter's pinyin index is rebuilt only with ``index`` (at the end: it costs a child)."""
        self.rows = catalogue_rows(self.shelf.entries())
        self.matcher = RowMatcher([r.haystack() for r in self.rows])  # characters match meanwhile
        self._refill()
        if index:
            self._index_rows()

    # ------------------------------------------------------------------ the table

    @property
    def filter_text(self) -> str:
        return self.query_one("#cat-filter", Input).value

    def _refill(self) -> None:
        """Filter, sort and redraw; the cursor stays on its report when it is still shown."""
        table = self.table
        current = self.current_row()
        self.shown = arrange(self.rows, self.matcher.match(self.filter_text), self.sort_column, self.reverse)
        table.clear()
        self._filled = 0
        self._generation += 1
        at = self.shown.index(current) if current is not None and current in self.shown else 0
        self._add_rows(self._generation, max(FIRST_ROWS, at + FIRST_ROWS // 2))
        if at:
            table.move_cursor(row=at, animate=False)
        self._title()

    def _add_rows(self, generation: int, count: int = LATER_ROWS) -> None:
        """Add the next ``count`` rows of ``shown``, then the rest a batch per refresh, unless
        the table was refilled meanwhile (a newer ``generation``)."""
        if generation != self._generation:
            return
        table = self.table
        batch = self.shown[self._filled : self._filled + count]
        for row in batch:
            table.add_row(*self._cells(row), key=str(row.entry.id))
        self._filled += len(batch)
        if self._filled < len(self.shown):
            self.call_after_refresh(self._add_rows, generation)

    def _cells(self, row: Row) -> list[Text]:
        mark = Text(MARK if row.entry.id in self.selected else "", style="bold")
        texts = list(row.cells())
        state = f"〔{row.state}〕" if row.state else ""
        texts[0] = fit_title(texts[0], self.title_cells - cell_len(state))
        cells = [inert_text(Text(c)) for c in texts]
        if state:
            cells[0] = Text.assemble((state, "bold red"), cells[0])
            cells[0].stylize("dim", len(state))
        for n in (4, 5):
            cells[n].justify = "right"
        return [mark, *cells]

    def _title(self) -> None:
        parts: list[str | tuple[str, str]] = [
            (t("catalogue.title"), "bold $primary"),
            "  ",
            (t("catalogue.count", shown=len(self.shown), total=len(self.rows)), "$text-muted"),
        ]
        if self.selected:
            parts += ["  ", (t("catalogue.selected", n=len(self.selected)), "bold $accent")]
        if self.sort_column is not None:
            arrow = " ↓" if self.reverse else " ↑"
            column = t(f"library.col.{self.sort_column}")
            parts += ["  ", (t("figures.sorted", column=column, arrow=arrow), "$text-muted")]
        if self.reading:
            parts += ["  ", (t("library.progress"), "$warning")]
        if not self.rows:
            parts += ["  ", (t("library.empty"), "$text-muted")]
        self.query_one("#cat-title", Static).update(Content.assemble(*parts))

    def current_row(self) -> Row | None:
        """The row under the cursor, if any."""
        row = self.table.cursor_row
        return self.shown[row] if self.shown and 0 <= row < min(self._filled, len(self.shown)) else None

    # ------------------------------------------------------------------ keys

    def action_sort(self, column: str) -> None:
        """Sort by ``column``; the same column again reverses the order."""
        if column == self.sort_column:
            self.reverse = not self.reverse
        else:
            self.sort_column, self.reverse = column, False
        self._refill()
        self.table.move_cursor(row=0, animate=False)

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        if event.column_key.value in COLUMNS:
            self.action_sort(str(event.column_key.value))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_open()  # Enter on the table, or a click on the row under the cursor

    @on(Input.Submitted, "#cat-filter")
    def _submitted(self) -> None:
        """Enter in the filter opens what it left under the cursor (after every typed key)."""
        self.action_open()

    def action_select(self) -> None:
        """Select the row under the cursor, or deselect it; the cursor moves on."""
        row = self.current_row()
        if row is None:
            return
        self.selected ^= {row.entry.id}
        table = self.table
        table.update_cell_at(Coordinate(table.cursor_row, 0), self._cells(row)[0])
        table.action_cursor_down()
        self._title()

    def action_filter(self) -> None:
        """Focus the filter now, not on the next loop (Widget.focus), so the keys the app takes
        off its queue next are typed into it."""
        focus_now(self, self.query_one("#cat-filter", Input))

    @on(Input.Changed, "#cat-filter")
    def _filtered(self) -> None:
        self._refill()
        self.table.move_cursor(row=0, animate=False)

    def chosen(self) -> list[Row]:
        """The selected rows in table order, else the row under the cursor."""
        if self.selected:
            picked = [r for r in self.rows if r.entry.id in self.selected]
            return sorted(picked, key=lambda r: self.shown.index(r) if r in self.shown else len(self.shown))
        row = self.current_row()
        return [row] if row is not None else []

    def action_open(self) -> None:
        """Open the selection (or the row) in the explorer."""
        rows = self.chosen()
        if rows and catalogue_flow.open_entries(self.zimao, self.shelf, [r.entry for r in rows]):
            self.selected.clear()
            self._refill()

    def action_search(self) -> None:
        """Search the whole library, or the selection."""
        from zimao_tui.ui.screens.library_search import LibrarySearchScreen

        selected = [r.entry.id for r in self.chosen()] if self.selected else []
        scope = self.shelf.scope(selected)
        count = len(self.rows) if scope is None else len(scope)

        def found(result: tuple[str, Measure] | None) -> None:
            if result is None:
                return
            path, measure = result
            entry = next((r.entry for r in self.rows if r.entry.path == path), None)
            if entry is not None:
                catalogue_flow.open_entries(self.zimao, self.shelf, [entry], at=measure)

        self.app.push_screen(LibrarySearchScreen(self.shelf.store, scope, count), found)

    def action_back(self) -> None:
        """Back to the explorer the catalogue was opened from (if any)."""
        if self.focused is self.query_one("#cat-filter"):
            self.set_focus(self.table)  # at once: the next keys are the table's
            return
        self.zimao.leave_catalogue()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While the filter has the focus, letters and space are typed into it."""
        if isinstance(self.focused, Input):
            return action in ("open", "back")
        return True


class CatalogueFilter(InertInput):
    """The filter box: Down hands the keys back to the table."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "to_table", t("key.figures.table"), id="zimao.catalogue_to_table", show=False),
        # Input's own Enter (submit: the screen opens), shown in the footer.
        Binding("enter", "submit", t("key.catalogue.open"), id="zimao.catalogue_open"),
    ]

    def action_to_table(self) -> None:
        self.screen.set_focus(self.screen.query_one(CatalogueTable))
