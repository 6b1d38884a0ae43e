"""``zimao-tui add [PATH…]``: put reports into the library, or bring it up to date.

Files and folders (every format the parser reads) are listed in the library first, in one
transaction, then read in worker processes (one per core) with a progress bar on a terminal
(nothing when piped). Each report is stored as it comes back, so Ctrl+C or a kill keeps what
was finished and the next ``add`` goes on with the rest. Without PATH, every report in the
library is checked: changed files are read again (a touched file whose bytes are the same is
not), vanished ones are marked missing, missing ones that came back are read.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from zimao_tui.cli.common import open_library, warn
from zimao_tui.document.parse import report_files
from zimao_tui.i18n import Notice, t
from zimao_tui.paths import cache_dir
from zimao_tui.store.library import Library

if TYPE_CHECKING:
    from zimao_tui.search.library_index import Tally

NAME = "add"
HELP = "add report files or folders to your library (without PATH: re-read what changed)"


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the subcommand and its options."""
    parser = sub.add_parser(NAME, help=HELP, description=HELP + ".")
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="report files or folders")
    parser.add_argument(
        "--jobs", type=int, default=None, metavar="N", help="worker processes (default: one per core)"
    )
    parser.set_defaults(run=run, parser=parser)


def files_named(paths: list[Path]) -> tuple[list[Path], set[Path]]:
    """Every report file the paths name (absolute, each once), and those named on their own.
    A path that does not exist or cannot be listed raises ReportError (one line, exit 2)."""
    files: list[Path] = []
    direct: set[Path] = set()
    for path in paths:
        for file in report_files(path):
            absolute = Path(file).expanduser().resolve()
            if absolute not in files:
                files.append(absolute)
            if file == path:
                direct.add(absolute)
    return files, direct


@contextmanager
def progress_bar(total: int) -> Iterator[Callable[[int, int], None] | None]:
    """A Rich progress bar on stderr when it is a terminal; nothing when piped."""
    if total == 0 or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(t("library.progress"), total=total)
        yield lambda done, _total: bar.update(task, completed=done)


def run(args: argparse.Namespace) -> int:
    """List the files, read those that changed, say what happened."""
    from zimao_tui.search.library_index import Tally, index

    if args.jobs is not None and args.jobs < 1:
        args.parser.error("--jobs must be at least 1")
    files, direct = files_named(args.paths)
    with open_library() as library:
        if files:
            library.register(files)
        todo = library.stale(files or None)
        tally = Tally()
        try:
            with progress_bar(len(todo)) as bar:
                index(library, todo, cache_dir(), bar, args.jobs, tally)
        except KeyboardInterrupt:
            warn(Notice("library.interrupted", done=tally.done, total=len(todo)))
            return 130
        return _summary(library, tally, direct)


def _summary(library: Library, tally: Tally, direct: set[Path]) -> int:
    """Say why each unreadable file failed; a file named on its own that failed is taken out of
    the library again and makes the exit status 2 (in a folder it stays, listed unreadable)."""
    status = 0
    for failure in tally.failed:
        warn(Notice("library.failed", error=failure.error))
        if Path(failure.path) in direct:
            entry = library.find(failure.path)
            if entry is not None:
                library.remove([entry.id])
            status = 2
    total = len(library.entries())
    notice = Notice("library.added", read=tally.read, same=tally.same, failed=len(tally.failed), total=total)
    print(str(notice))
    return status
