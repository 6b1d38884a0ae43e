"""``search --report`` over many files through the library store.

Parsing a thousand report files and building one in-memory index over them costs seconds per
``search`` process (7.4 s for 1,000 reports in issue 17). The store already holds every report
the tool has read, keyed by path with its size, time and fingerprint: so from ``STORED_FROM``
files on, the files are listed in it (as reports opened by name, not library members), only
those new or changed since are read (in worker processes, as ``add`` reads), and the query runs
through the library search restricted to those files. Fewer files keep the plain in-memory
search (no store written for a look at one report).
"""

from __future__ import annotations

import argparse
import sqlite3
from collections.abc import Callable

from zimao_tui.cli.common import open_library, warn
from zimao_tui.document.errors import ReportError
from zimao_tui.i18n import Notice
from zimao_tui.paths import cache_dir
from zimao_tui.search.search import Results

STORED_FROM = 20
"""From this many files on, ``search --report`` goes through the store."""


def stored_search(args: argparse.Namespace) -> Callable[[str], tuple[Results, bool]] | None:
    """A query -> (hits, several reports) over the files ``--report`` names, through the
    store; None when they are fewer than STORED_FROM (the caller searches them in memory).

    A file named on its own that cannot be read is one line and exit 2 (ReportError), a bad
    one inside a folder is skipped with one line, as the in-memory path does."""
    if len(args.report) < STORED_FROM and not any(path.is_dir() for path in args.report):
        return None  # a few files named one by one: nothing of the store is even imported
    from zimao_tui.cli.add import files_named
    from zimao_tui.search.library_index import index
    from zimao_tui.search.library_search import Searcher

    files, direct, _folders = files_named(list(args.report))
    if len(files) < STORED_FROM:
        return None
    try:
        library = open_library()
        library.register(files, member=False)
    except (OSError, sqlite3.Error):
        return None  # no store to keep them in (a read-only data folder): search them in memory
    todo = library.stale(files, members_only=False)
    if todo:  # one indexer at a time, as ``add`` (it waits for one that is running)
        from zimao_tui.store.library_lock import index_lock, lock_path

        with index_lock(lock_path(library.path), wait=True):
            index(library, library.stale(files, members_only=False), cache_dir())
    entries = library.by_path([str(f) for f in files])
    ids: list[int] = []
    first_error: str | None = None
    for file in files:
        entry = entries.get(str(file))
        if entry is not None and entry.state == "present":
            ids.append(entry.id)
            continue
        error = (entry.error if entry is not None else None) or str(file)
        if file in direct:
            raise ReportError(error)
        first_error = first_error or error
        warn(Notice("notice.report_skipped", error=error))
    if not ids:
        raise ReportError(first_error or "")
    searcher = Searcher(library, scope=ids)
    several = len(ids) > 1
    return lambda query: (searcher.search(query, args.limit), several)
