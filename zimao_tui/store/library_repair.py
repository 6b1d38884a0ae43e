"""Setting a damaged library store aside: the marks, the names, the swap.

A store SQLite cannot open is found when it is opened; damage in a page that opening does not
read is found in the middle of a command, which ``cli.main`` then reports in one line and
marks here (``mark_damaged``), so that the next open runs ``PRAGMA quick_check`` (too slow to
run on every open of a 300 MB store). Either way the damaged file is kept, never deleted, and a
rebuilt store (``Library._set_aside``: from ``library.list.json``) takes its place.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from zimao_tui.store.statefile import aside_name, move_aside

DAMAGE_MARK = ".check"
"""Suffix of the file left beside a store that failed in use."""

JOURNALS = ("-wal", "-shm")
"""SQLite's files beside a store in WAL mode: they belong to it and move with it."""


NOT_DAMAGE = (
    "locked",  # another process's transaction outlasted the busy timeout
    "unable to open",  # no permission, no such folder
    "disk i/o error",
    "readonly",
    "disk is full",
)
"""What SQLite says of a store it cannot use that is not damaged (a disk or permission
problem): setting it aside would not help, and rebuilding would lose nothing but time."""


def kind_of_failure(exc: sqlite3.DatabaseError) -> str:
    """``"locked"``, ``"unusable"`` (the disk or permissions, see NOT_DAMAGE) or ``"damaged"``
    (``file is not a database``, ``database disk image is malformed``, a table missing…)."""
    message = str(exc).lower()
    if "locked" in message:
        return "locked"
    if isinstance(exc, sqlite3.OperationalError) and any(m in message for m in NOT_DAMAGE):
        return "unusable"
    return "damaged"


def _mark(store: Path) -> Path:
    return store.with_name(store.name + DAMAGE_MARK)


def mark_damaged(store: Path | None = None) -> None:
    """Note that SQLite reported damage while the store was in use (``cli.main`` calls this
    when a command fails with ``sqlite3.DatabaseError``), so that the next open checks it and,
    if it is damaged, sets it aside and rebuilds it from ``library.list.json``."""
    if store is None:
        from zimao_tui.store.library import library_path

        store = library_path()
    with contextlib.suppress(OSError):  # no folder, read-only disk: the next failure says so again
        _mark(store).touch()


def marked(store: Path) -> bool:
    """Whether damage was reported in use since the store was last checked."""
    return _mark(store).exists()


def unmark(store: Path) -> None:
    """The store was checked (and found whole, or replaced)."""
    _mark(store).unlink(missing_ok=True)


def fresh_path(store: Path) -> Path:
    """Where a rebuilt store is made before it is swapped in; a leftover of a rebuild that was
    killed (ours, not the user's) is deleted first."""
    fresh = store.with_name(store.name + ".rebuild")
    for leftover in (fresh, *(fresh.with_name(fresh.name + j) for j in JOURNALS)):
        leftover.unlink(missing_ok=True)
    return fresh


def swap_in(store: Path, fresh: Path) -> Path:
    """Put the closed store ``fresh`` at ``store``, keeping the damaged one (and its journal) as
    ``<name>.corrupt-<UTC time>``; returns that name.

    The damaged file is hard-linked to its new name first and the rebuilt one then swapped in
    with one ``os.replace``: at every moment the path holds the damaged store or the rebuilt
    one, so another process opening the library meanwhile never sees an empty one. Where links
    are not possible (some network or FAT disks) it is renamed instead (``move_aside``).
    """
    moved = aside_name(store)
    try:
        os.link(store, moved)
    except OSError:
        moved = move_aside(store)
    for suffix in JOURNALS:
        side = store.with_name(store.name + suffix)
        if side.exists():
            os.replace(side, moved.with_name(moved.name + suffix))
    os.replace(fresh, store)
    unmark(store)
    return moved
