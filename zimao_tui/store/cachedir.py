"""The cache folder's rules: private to the user, and optional.

Caches hold the user's reports in parsed and indexed form, so their folders are created
0700 whatever the umask (another local user must not read them, nor plant a crafted file).
And a cache is only a speed-up: a full disk, a read-only folder or a file where the folder
should be must never stop a search. Writers catch OSError, go on with what they computed,
and hand back one ``cache_unwritable`` Notice; the CLI prints it and the app shows it once.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from zimao_tui.i18n import Notice

MODE = 0o700


def private_dir(folder: Path) -> Path:
    """Create ``folder`` and any missing parents as 0700 (chmod after mkdir, so the umask
    cannot widen or narrow it); folders that already exist are left as they are. Raises
    OSError (FileExistsError when a file is in the way) like ``Path.mkdir``."""
    missing: list[Path] = []
    probe = folder
    while not probe.is_dir():
        missing.append(probe)
        if probe.parent == probe:
            break
        probe = probe.parent
    for path in reversed(missing):
        try:
            path.mkdir(mode=MODE)
        except FileExistsError:
            if not path.is_dir():
                raise
            continue  # made by another process meanwhile: not ours to chmod
        os.chmod(path, MODE)
    return folder


def unwritable(folder: Path, exc: OSError) -> Notice:
    """The notice for a cache that could not be written (the reason, then the folder)."""
    return Notice("notice.cache_unwritable", error=exc.strerror or exc, folder=folder)


def add_once(notices: list[Notice], notice: Notice) -> None:
    """Append ``notice`` unless one of the same kind is already there: one message per run."""
    if not any(n.key == notice.key for n in notices):
        notices.append(notice)


def is_cache_notice(notice: Notice | str) -> bool:
    """Whether a start-up warning already said that the cache cannot be written."""
    return isinstance(notice, Notice) and notice.key in CACHE_NOTICE_KEYS


CACHE_NOTICE_KEYS: Sequence[str] = ("notice.cache_unwritable", "notice.report_cache")
"""Notices that say the cache cannot be written (the report cache has its own wording)."""
