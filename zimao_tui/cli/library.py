"""``zimao-tui library [--json]``: the reports in your library, with where each file is.

Reports whose file vanished stay listed as missing until ``zimao-tui remove`` takes them out
(a disk not mounted today must not cost the catalogue); ``add`` without a path re-checks them.
"""

from __future__ import annotations

import argparse
from typing import Any

from rich.table import Table
from rich.text import Text

from zimao_tui.cli.common import console, open_library, print_json
from zimao_tui.document.inert import inert
from zimao_tui.i18n import t
from zimao_tui.store.library import Entry

NAME = "library"
HELP = "list the reports in your library (title, date, issuer, kind, measures, file, present or missing)"

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


def run(args: argparse.Namespace) -> int:
    """Print the catalogue."""
    with open_library() as library:
        entries = library.entries()
    if args.json:
        print_json([entry_json(e) for e in entries])
        return 0
    out = console()
    if not entries:
        out.print(Text(t("library.empty"), style="dim"))
        return 0
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
    return 0
