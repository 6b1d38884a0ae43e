"""``zimao-tui add [PATH…]``: put reports into the library, or bring it up to date.

Files and folders (every format the parser reads) are listed in the library first, in one
transaction, then read in worker processes (one per core) with a progress bar on a terminal
(rate and time left; nothing when piped). Each report is stored as it comes back, so Ctrl+C or
a kill keeps what was finished and the next ``add`` goes on with the rest. A folder is watched
from then on (``--no-watch``: not). Without PATH, the watched folders are scanned for new files
and every report in the library is checked (``store/library_watch.pending``): changed files are
read again (a touched file whose bytes are the same is not), vanished ones are marked missing,
missing ones that came back are read.

The whole run holds the library's index lock (``store/library_lock.py``): a second ``add``
says so in one line and waits, then finds only what the first one left.
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
from zimao_tui.store.library_lock import LockBusy, index_lock, lock_path

if TYPE_CHECKING:
    from rich.progress import Task

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
    parser.add_argument(
        "--no-watch",
        action="store_true",
        help="do not watch the folders given (by default a plain `add` rescans them for new files)",
    )
    parser.set_defaults(run=run, parser=parser)


def files_named(paths: list[Path]) -> tuple[list[Path], set[Path], list[Path]]:
    """Every report file the paths name (absolute, each once), those named on their own, and
    the folders named. A path that does not exist or cannot be listed raises ReportError (one
    line, exit 2). A folder's files are its resolved path joined with their names, exactly as
    a rescan of the watched folder lists them (resolving each file would turn a symlink into
    its target, which the rescan would then take for a new file)."""
    files: list[Path] = []
    direct: set[Path] = set()
    folders: list[Path] = []
    seen: set[Path] = set()
    for given in paths:
        path = given.expanduser()
        path = path.resolve() if path.exists() else path  # a missing one: report_files says so
        named = report_files(path)
        if path.is_dir() and all(file.parent == path for file in named):  # not a page's x_files/
            folders.append(path)
        for file in named:
            if file not in seen:
                seen.add(file)
                files.append(file)
            if file == path:
                direct.add(file)
    return files, direct, folders


@contextmanager
def progress_bar(total: int) -> Iterator[Callable[[int, int], None] | None]:
    """A Rich progress bar on stderr when it is a terminal; nothing when piped."""
    if total == 0 or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        TextColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class RateColumn(ProgressColumn):
        """Reports per second, in the interface language (Rich's own speed column is bytes)."""

        def render(self, task: Task) -> Text:
            speed = task.finished_speed or task.speed
            return Text(t("library.rate", rate=f"{speed:.1f}") if speed else "", style="progress.data.speed")

    columns = (
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), RateColumn(), TimeRemainingColumn(),
    )  # fmt: skip
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(t("library.progress"), total=total)
        yield lambda done, _total: bar.update(task, completed=done)


def run(args: argparse.Namespace) -> int:
    """List the files, read those that changed, say what happened.

    Ctrl+C at any point (waiting for the lock, scanning, reading) is one line and exit
    status 130; what was stored stays, and the next ``add`` goes on from there."""
    from zimao_tui.search.library_index import Tally

    if args.jobs is not None and args.jobs < 1:
        args.parser.error("--jobs must be at least 1")
    files, direct, folders = files_named(args.paths)
    tally = Tally()
    todo: list[tuple[str, str | None]] = []
    watching: list[Path] = []
    try:
        with open_library() as library:  # may wait for another process repairing a damaged store
            shown = len(library.notices)
            try:
                with _locked(library.path):
                    todo = _todo(library, files, direct, [] if args.no_watch else folders, watching)
                    _index(library, todo, args.jobs, tally)
            finally:
                for notice in library.notices[shown:]:
                    warn(notice)
            status = _summary(library, tally, direct)
    except KeyboardInterrupt:
        warn(Notice("library.interrupted", done=tally.done, total=len(todo)))
        return 130
    for folder in watching:  # after the summary, whose figures scripts read first
        print(t("library.watching", path=folder))
    return status


@contextmanager
def _locked(store: Path) -> Iterator[None]:
    """The index lock; when another process holds it, one line saying so, then wait for it."""
    path = lock_path(store)
    try:
        with index_lock(path, wait=False):
            yield
            return
    except LockBusy:
        warn(Notice("library.waiting"))
    with index_lock(path, wait=True):
        yield


def _todo(
    library: Library, files: list[Path], direct: set[Path], folders: list[Path], watching: list[Path]
) -> list[tuple[str, str | None]]:
    """What to read: the named files (those named on their own no longer ignored, the folders
    watched; a folder's files the user removed stay out), or without a path, what ``pending``
    finds in the whole library. Folders watched from now on go into ``watching``."""
    from zimao_tui.store.library_watch import pending

    if not files:
        found = pending(library)
        for notice in found.notices:
            warn(notice)
        if found.found:
            print(t("library.found", n=len(found.found)), file=sys.stderr)
        if found.moved:
            print(t("library.moved", n=len(found.moved)), file=sys.stderr)
        return found.todo
    ignored = library.ignored()
    files = [f for f in files if f in direct or str(f) not in ignored]  # ``add DIR`` keeps them out
    library.register(files)
    if direct & {Path(i) for i in ignored}:
        library.unignore(direct)
    watching += [folder for folder in folders if library.watch(folder)]
    return library.stale(files)


def _index(library: Library, todo: list[tuple[str, str | None]], jobs: int | None, tally: Tally) -> None:
    from zimao_tui.search.library_index import index

    with progress_bar(len(todo)) as bar:
        index(library, todo, cache_dir(), bar, jobs, tally)


def _summary(library: Library, tally: Tally, direct: set[Path]) -> int:
    """Say why each unreadable file failed; a file named on its own that failed is taken out of
    the library again and makes the exit status 2 (in a folder it stays, listed unreadable)."""
    status = 0
    for failure in tally.failed:
        warn(Notice("library.failed", error=failure.error))
        if Path(failure.path) in direct:
            entry = library.find(failure.path)
            if entry is not None:
                library.remove([entry.id], ignore=False)  # refused, not removed by the user
            status = 2
    total = len(library.entries())
    notice = Notice("library.added", read=tally.read, same=tally.same, failed=len(tally.failed), total=total)
    print(str(notice))
    return status
