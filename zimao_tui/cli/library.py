"""``zimao-tui library [--json]``: the reports in your library, with where each file is, and the
folders it watches.

Reports whose file vanished stay listed as missing until ``zimao-tui remove`` takes them out
(a disk not mounted today must not cost the catalogue); ``add`` without a path re-checks them
and looks for new files in the watched folders.
"""

from __future__ import annotations

import argparse
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from zimao_tui.cli.common import console, open_library, print_json
from zimao_tui.document.inert import inert
from zimao_tui.i18n import t
from zimao_tui.store.library import Entry, Watched

NAME = "library"
HELP = (
    "list the reports in your library (title, date, issuer, kind, measures, file, present or missing) "
    "and the folders it watches"
)

COLUMNS = ("id", "title", "date", "issuer", "kind", "measures", "state", "path")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the subcommand and its options."""
    parser = sub.add_parser(NAME, help=HELP, description=HELP + ".")
    parser.add_argument("--json", action="store_true", help="print the catalogue as JSON")
    parser.set_defaults(run=run, parser=parser)


def entry_json(entry: Entry) -> dict[str, Any]:
    """One report in the documented JSON shape."""
    return {
        "id": entry.id,
        "title": entry.title,
        "date": entry.date or None,
        "issuer": entry.issuer or None,
        "doc_number": entry.doc_number or None,
        "kind": entry.kind,
        "measures": entry.measures,
        "size": entry.size,
        "state": entry.state,
        "path": entry.path,
        "error": entry.error,
    }


def watched_json(folder: Watched) -> dict[str, Any]:
    """One watched folder in the documented JSON shape."""
    return {
        "path": folder.path,
        "added": folder.added,
        "exists": folder.exists,
        "ignored": list(folder.ignored),
    }


def run(args: argparse.Namespace) -> int:
    """Print the catalogue, then the watched folders."""
    with open_library() as library:
        entries = library.entries()
        watched = library.watched()
    if args.json:
        print_json(
            {"reports": [entry_json(e) for e in entries], "watched": [watched_json(w) for w in watched]}
        )
        return 0
    out = console()
    if not entries:
        out.print(Text(t("library.empty"), style="dim"))
    else:
        _print_reports(out, entries)
    _print_watched(out, watched)
    return 0


def _print_watched(out: Console, watched: list[Watched]) -> None:
    """One line per watched folder: its path, whether it is there, how many files it ignores."""
    if not watched:
        return
    out.print(Text(t("library.watched_title"), style="bold"))
    for folder in watched:
        line = Text("  ").append(inert(folder.path))
        if not folder.exists:
            line.append("  " + t("library.state.missing"), style="bold red")
        if folder.ignored:
            line.append("  " + t("library.ignored_count", n=len(folder.ignored)), style="dim")
        out.print(line)


def _print_reports(out: Console, entries: list[Entry]) -> None:
    """The reports' table and their count."""
    table = Table(box=None, pad_edge=False)
    for column in COLUMNS:
        table.add_column(
            t(f"library.col.{column}"),
            justify="right" if column in ("id", "measures") else "left",
            overflow="fold" if column in ("title", "path") else "ellipsis",  # a file must stay findable
        )
    for e in entries:
        state = Text(t(f"library.state.{e.state}"), style="" if e.state == "present" else "bold red")
        cells = [str(e.id), e.title or "", e.date or "", e.issuer or "", e.kind or "", str(e.measures or "")]
        table.add_row(*(Text(inert(c)) for c in cells), state, Text(inert(e.path), style="dim"))
    out.print(table)
    out.print(Text(t("library.count", n=len(entries)), style="dim"))
