"""What the catalogue must read before it is up to date: the one place that decides it.

The app's catalogue reads new and changed files in the background. Which ones is asked here
and only here: for the library, ``library_watch.pending`` (watched folders, moved files), as a
plain ``zimao-tui add`` does; the reading itself holds ``library_lock.index_lock``
(``search/library_reader.py``), so two instances never read the same file.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from zimao_tui.store.library import Library


def files_to_index(library: Library, paths: Sequence[str] | None = None) -> list[tuple[str, str | None]]:
    """(path, known fingerprint) of the files to read: for the library (``paths`` None), what
    ``library_watch.pending`` says (new files of watched folders included, a moved file
    followed); for a folder opened by name, those files. Vanished files are marked missing;
    an unreadable file is tried again only once it changed, as a rescan does."""
    if paths is None:
        from zimao_tui.store.library_watch import pending

        return pending(library).todo
    return library.stale([Path(p) for p in paths], retry_unreadable=False, members_only=False)


def list_opened(library: Library, files: Sequence[str]) -> None:
    """List files opened by name (a folder on the command line) that the store does not know
    yet, as non-members: a folder read before costs one query and no write transaction."""
    known = {path for (path,) in library.db.execute("SELECT path FROM reports")}
    new = [Path(f) for f in files if f not in known]
    if new:
        library.register(new, member=False)
