"""Helpers every subcommand shares: naming reports, printing JSON, the console.

Report text (and notes, tags, file names) is never formatted into Rich markup here or in
any subcommand: human output is built from ``rich.text.Text`` pieces made inert with
:func:`zimao_tui.document.inert.inert`, and JSON keeps the exact text with every control
written as an escape (:func:`dumps`)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console

from zimao_tui.document.inert import inert, json_escape_controls
from zimao_tui.document.parse import load_reports
from zimao_tui.document.report import Report
from zimao_tui.i18n import Notice
from zimao_tui.paths import bundled_report

if TYPE_CHECKING:
    from zimao_tui.store.library import Library


def add_report_option(parser: argparse.ArgumentParser) -> None:
    """``--report PATH`` (repeatable, file or folder), the same in every subcommand."""
    parser.add_argument(
        "--report",
        metavar="PATH",
        action="append",
        type=Path,
        help="a report file or a folder of reports (repeatable; default: the bundled report)",
    )


def reports_from(args: argparse.Namespace, cached: bool = False) -> list[Report]:
    """The reports a command was asked for; raises ReportError on bad input.

    A bad file inside a folder is left out with one line on stderr saying why. ``cached``
    reads and fills the parsed-report cache the app uses (``trends`` over fifty reports
    parses each only once), saying on stderr if the cache could not be written."""
    skipped: list[Notice] = []
    cache = None
    if cached:
        from zimao_tui.paths import cache_dir
        from zimao_tui.store.report_cache import ReportCache

        cache = ReportCache(cache_dir())
    reports = load_reports(args.report or [bundled_report()], cache, skipped=skipped)
    for notice in [*skipped, *(cache.warnings if cache is not None else [])]:
        warn(notice)
    return reports


def warn(message: object) -> None:
    """One line on stderr, ``zimao-tui: …``; inert, since it may name a file or quote one."""
    print(f"zimao-tui: {inert(str(message))}", file=sys.stderr)


def dumps(value: Any, indent: int | None = None) -> str:
    """JSON text, UTF-8 and unescaped so Chinese stays readable in pipes, but with every
    control and bidi character escaped (``\\u001b``), never written raw to the terminal."""
    return json_escape_controls(json.dumps(value, ensure_ascii=False, indent=indent))


def print_json(value: Any) -> None:
    """JSON on stdout (see :func:`dumps`), indented for reading."""
    sys.stdout.write(dumps(value, indent=2) + "\n")


def console() -> Console:
    """The Rich console for human-readable output.

    Piped into grep or a script, lines are not hard-wrapped at 80 columns (a measure stays on
    one line, and no continuation line starts with a comma), nor cut there (an outline's tree is
    laid out to the console's width: a long title lost its end); in a terminal Rich wraps as usual.
    """
    piped = not sys.stdout.isatty()
    return Console(highlight=False, soft_wrap=piped, width=10_000 if piped else None)


def open_library() -> Library:
    """The user's library, with what opening it had to do (a damaged file set aside, a
    rebuild after an upgrade) said on stderr; a data folder it cannot be made in is one line
    (UserError), as a disk or permission error met later is (``cli.main``)."""
    from zimao_tui.document.errors import UserError
    from zimao_tui.store.library import Library, library_path

    try:
        library = Library()
    except OSError as exc:  # the data folder is a file, not writable, the disk is full…
        raise UserError(Notice("library.unusable", error=exc.strerror or exc, path=library_path())) from exc
    for notice in library.notices:
        warn(notice)
    read_bundled(library)
    return library


def read_bundled(library: Library) -> None:
    """Read the bundled report now if the library holds it unread (a new library starts with
    it, ``pending``): about a second, once, in this process and quietly, so that the first
    ``zimao-tui library`` lists it with its date and measures rather than as a bare path.
    Skipped while another process holds the index lock (that ``add`` reads it)."""
    path = str(bundled_report())
    row = library.db.execute(
        "SELECT 1 FROM reports WHERE path = ? AND member = 1 AND state = 'pending'", (path,)
    ).fetchone()
    if row is None:
        return
    from zimao_tui.paths import cache_dir
    from zimao_tui.search.library_index import index
    from zimao_tui.store.library_lock import LockBusy, index_lock, lock_path

    try:
        with index_lock(lock_path(library.path), wait=False):
            index(library, [(path, None)], cache_dir(), workers=1)
    except LockBusy:
        return
