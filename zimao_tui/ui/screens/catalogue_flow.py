"""What the catalogue does besides drawing its table: which reports it lists, opening them,
and the work that follows the first paint.

The catalogue's :class:`Shelf` is the library store opened on the UI thread (launch.py reads
it before Textual starts, so a first screen needs no worker) plus, for ``zimao-tui DIR``, the
files the folder holds. Work that reads or computes runs in thread workers that open their own
connection (SQLite connections belong to their thread):

* reading new or changed files (``store/shelf.files_to_index``) in a child process that
  reports its progress (``search/library_reader.py``), a progress bar meanwhile;
* the filter's pinyin index over the rows (``search/catalogue_filter.py``);
* warming library search (imports, SQL, rapidfuzz), so ``s`` answers at once.

Opening rows reuses what the store holds: the parsed tree (``Library.report``) and the search
index (``search/library_seed.py``), so a report read once is never parsed or segmented again.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from zimao_tui.document.report import Measure, Report
from zimao_tui.i18n import t
from zimao_tui.store.library import Entry, Library

if TYPE_CHECKING:
    from zimao_tui.ui.app import ZimaoApp


@dataclass
class Shelf:
    """The reports a catalogue lists: the library's members, or the files of a folder opened
    by name (``paths``, listed in the store as non-members)."""

    library: Library
    paths: tuple[str, ...] | None = None
    search_ready: float | None = field(default=None, init=False)
    """``time.perf_counter()`` when library search was warm (``benchmarks/library_app.py``)."""

    @property
    def store(self) -> Path:
        return self.library.path

    def entries(self) -> list[Entry]:
        """The reports to list, in library order (a folder's: in the order its files came)."""
        if self.paths is None:
            return self.library.entries()
        wanted = {p: n for n, p in enumerate(self.paths)}
        found = [e for e in self.library.entries(members_only=False) if e.path in wanted]
        return sorted(found, key=lambda e: wanted[e.path])

    def scope(self, selected: Sequence[int]) -> list[int] | None:
        """The catalogue ids a search covers: the selection, else a folder's reports, else
        None (the whole library)."""
        if selected:
            return list(selected)
        if self.paths is None:
            return None
        return [e.id for e in self.entries()]


def open_entries(app: ZimaoApp, shelf: Shelf, entries: Sequence[Entry], at: Measure | None = None) -> bool:
    """Open ``entries`` in the explorer (``at``: that measure of the first); False with a
    toast when none of them can be opened. A read report comes from the store with its index
    seeded; one not read yet (or read by an older store) is parsed from its file."""
    from zimao_tui.paths import cache_dir
    from zimao_tui.search.library_seed import seed_index

    reports: list[Report] = []
    for entry in entries:
        report = _report(app, shelf, entry)
        if report is not None:
            reports.append(report)
            if entry.state == "present":
                seed_index(shelf.library, entry.id, report, cache_dir())
    if not reports:
        return False
    first = reports[0]
    node = first.node(at.id) if at is not None else None
    app.opened_at = node if isinstance(node, Measure) else None  # the new explorer goes there
    app.opened_report = first
    app.show_reports(reports)
    return True


def _report(app: ZimaoApp, shelf: Shelf, entry: Entry) -> Report | None:
    title = entry.title or Path(entry.path).name
    if entry.state == "present":
        return shelf.library.report(entry.id)
    if entry.state == "missing":
        app.notify(t("catalogue.missing", title=title), severity="warning", timeout=6)
        return None
    from zimao_tui.document.errors import UserError
    from zimao_tui.document.parse import load_report
    from zimao_tui.paths import cache_dir
    from zimao_tui.store.report_cache import ReportCache

    try:
        return load_report(Path(entry.path), ReportCache(cache_dir()))
    except UserError as exc:
        app.notify(t("open.failed", error=exc), severity="error", timeout=8)
        return None


def read_new_files(
    shelf_store: Path, paths: Sequence[str] | None, progress: Callable[[int, int], None]
) -> int:
    """Read what changed since the store last looked (in a worker thread, through a child
    process: ``search/library_reader.py``); returns how many files there were to read."""
    from textual.worker import get_current_worker

    from zimao_tui.paths import cache_dir
    from zimao_tui.search.library_reader import read_in_child
    from zimao_tui.store.shelf import files_to_index

    with Library(shelf_store) as library:  # a look first (stats only): no child when nothing changed
        if not files_to_index(library, paths):
            return 0
    return read_in_child(shelf_store, paths, cache_dir(), progress, get_current_worker().cancelled_event)


WARM_QUERY = "预热查询"
"""A query no report holds: it runs every step of a library search (parsing, folding, the
synonyms, the trigram prefilter, the ranking) but reads no measure, so warming costs
milliseconds, not a broad query's ranking of thousands."""


def warm_search(shelf_store: Path) -> float:
    """Run one library search (in a worker thread) so the first real one is fast: imports,
    the synonyms, SQLite's statements and pages, rapidfuzz. Returns when it was done."""
    import rapidfuzz.fuzz  # noqa: F401  (the typo layer's import, ~0.1 s, not on the first query)

    from zimao_tui.search.library_search import search_library

    with Library(shelf_store) as library:
        search_library(library, WARM_QUERY, 1)
    return time.perf_counter()
