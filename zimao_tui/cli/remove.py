"""``zimao-tui remove ID|PATH…``: take reports out of the library (never the files themselves).

A watched folder's path stops watching it and takes its reports out; a report of a watched
folder is remembered as ignored, so that the next rescan (plain ``add``) does not bring it back.
Every name is checked before anything is removed: one unknown id or path is one line on stderr,
exit status 2, and the library unchanged.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from zimao_tui.cli.common import open_library, warn
from zimao_tui.document.errors import UserError
from zimao_tui.i18n import Notice, t

NAME = "remove"
HELP = "take reports out of your library by id (see `library`) or path; a folder's path stops watching it"


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the subcommand and its options."""
    parser = sub.add_parser(NAME, help=HELP, description=HELP + ".")
    parser.add_argument(
        "keys", nargs="+", metavar="ID|PATH", help="a report's id, its file's path, or a folder's path"
    )
    parser.set_defaults(run=run, parser=parser)


def run(args: argparse.Namespace) -> int:
    """Remove the named reports and folders, all or none."""
    with open_library() as library:
        shown = len(library.notices)
        ids: list[int] = []
        folders: list[str] = []
        watched = {w.path for w in library.watched()}
        for key in args.keys:
            entry = library.find(key)
            folder = str(Path(key).expanduser().resolve()) if not key.isdigit() else ""
            if entry is not None:
                ids.append(entry.id)
            elif folder in watched:
                if folder not in folders:
                    folders.append(folder)
            elif folder and library.members_under(folder):  # a folder added with --no-watch
                ids += [e.id for e in library.members_under(folder)]
            else:
                raise UserError(Notice("library.unknown", key=key))
        removed = set(ids)
        for folder in folders:
            removed.update(library.unwatch(folder))
        library.remove(sorted(set(ids)))
        for notice in library.notices[shown:]:
            warn(notice)
    if folders:
        print(t("library.unwatched", n=len(folders)))
    print(t("library.removed", n=len(removed)))
    return 0
