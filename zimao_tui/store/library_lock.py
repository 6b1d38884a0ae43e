"""An operating-system lock around indexing, so two processes never read the same report twice.

SQLite already serialises writers, one transaction at a time, but not whole runs: two
``zimao-tui add`` started together would each list the same pending reports and each parse all
of them (and the app's catalogue indexes too). Whoever holds this lock indexes; the other waits
for it (then finds nothing left to do) or, asked not to wait, says so in one line.

The lock is ``flock`` (POSIX) or ``msvcrt.locking`` (Windows) on a small file beside the store,
held by the open file: the kernel releases it when the process ends, however it ends, so a
killed indexer never leaves a stale lock behind (a lock *file* that merely exists would).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class LockBusy(Exception):
    """Another process holds the index lock and the caller asked not to wait."""


def lock_path(store: Path) -> Path:
    """The lock file beside a store file (``library.sqlite3`` -> ``library.sqlite3.lock``)."""
    return store.with_name(store.name + ".lock")


@contextmanager
def index_lock(path: Path, wait: bool) -> Iterator[None]:
    """Hold the lock on ``path`` (created if needed) for the ``with`` block.

    ``wait=False`` raises LockBusy at once when another process holds it; ``wait=True`` blocks
    until it is free (Ctrl+C still interrupts the wait). The file's contents mean nothing and
    it is never deleted (deleting it would let a third process lock a different inode).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        _acquire(fd, wait)
        try:
            yield
        finally:
            _release(fd)
    finally:
        os.close(fd)


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _acquire(fd: int, wait: bool) -> None:
        import time

        while True:
            try:
                os.lseek(fd, 0, os.SEEK_SET)
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
                return
            except OSError as exc:
                if not wait:
                    raise LockBusy() from exc
                time.sleep(0.1)  # LK_LOCK gives up after ten seconds; poll instead

    def _release(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _acquire(fd: int, wait: bool) -> None:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise LockBusy() from exc

    def _release(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
