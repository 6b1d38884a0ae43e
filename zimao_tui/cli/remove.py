"""``zimao-tui remove ID|PATH…``: take reports out of the library (never the files themselves).

Every name is checked before anything is removed: one unknown id or path is one line on stderr,
exit status 2, and the library unchanged.
"""

from __future__ import annotations

import argparse

from zimao_tui.cli.common import open_library
from zimao_tui.document.errors import UserError
from zimao_tui.i18n import Notice, t

NAME = "remove"
HELP = "take reports out of your library by id (see `library`) or path"


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the subcommand and its options."""
    parser = sub.add_parser(NAME, help=HELP, description=HELP + ".")
    parser.add_argument("keys", nargs="+", metavar="ID|PATH", help="a report's id or its file's path")
    parser.set_defaults(run=run, parser=parser)


def run(args: argparse.Namespace) -> int:
    """Remove the named reports, all or none."""
    with open_library() as library:
        ids: list[int] = []
        for key in args.keys:
            entry = library.find(key)
            if entry is None:
                raise UserError(Notice("library.unknown", key=key))
            ids.append(entry.id)
        library.remove(sorted(set(ids)))
    print(t("library.removed", n=len(set(ids))))
    return 0
