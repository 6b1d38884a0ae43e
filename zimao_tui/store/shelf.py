"""What the catalogue must read before it is up to date: the one place that decides it.

The app's catalogue reads new and changed files in the background. Which ones is asked here
and only here, so that a smarter answer (watched folders, an OS lock so two instances never
read the same file: the ``library_watch.pending`` of the lib-watch branch) replaces this one
function and nothing else.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from zimao_tui.store.library import Library


def files_to_index(library: Library, paths: Sequence[str] | None = None) -> list[tuple[str, str | None]]:
    """(path, known fingerprint) of the files to read: the library's members when ``paths``
    is None, else those files (a folder opened by name). Vanished files are marked missing."""
    return library.stale(None if paths is None else [Path(p) for p in paths])


def list_opened(library: Library, files: Sequence[str]) -> None:
    """List files opened by name (a folder on the command line) that the store does not know
    yet, as non-members: a folder read before costs one query and no write transaction."""
    known = {path for (path,) in library.db.execute("SELECT path FROM reports")}
    new = [Path(f) for f in files if f not in known]
    if new:
        library.register(new, member=False)
