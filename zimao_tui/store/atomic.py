"""Crash-safe file writes: the one way zimao-tui writes a user's file.

A plain ``open(path, "w").write(...)`` truncates first, so a crash or a full disk half-way
leaves an empty or broken file; posting, frogmouth and harlequin all lose data that way.
Here the new content goes to a temp file in the same folder, is flushed and fsynced, then
``os.replace`` swaps it in (atomic on POSIX and Windows) and the folder is fsynced so the
rename itself survives a power cut. A reader sees the old file or the new one, never half.
Caches (``store/cache.py``) skip the two fsyncs (``durable=False``): a cache file lost to a
power cut is a miss, rebuilt, and not worth a disk flush on every cold start.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path


def atomic_write_bytes(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Replace ``path`` with ``data`` atomically, creating its folder if needed; with
    ``durable`` (the default) fsynced, so the new content also survives a power cut."""
    import tempfile  # only writers need it; kept off the app's start-up imports

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        if path.exists():
            with contextlib.suppress(OSError):  # keep the user's permissions on their file
                os.chmod(tmp, path.stat().st_mode & 0o7777)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    if durable:
        _fsync_dir(path.parent)


def atomic_write_text(path: Path, text: str) -> None:
    """Replace ``path`` with UTF-8 ``text`` atomically."""
    atomic_write_bytes(path, text.encode("utf-8"))


def _fsync_dir(folder: Path) -> None:
    """Make the rename durable; folders cannot be opened for fsync on Windows."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
