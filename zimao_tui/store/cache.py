"""The one cache layer: content-keyed files, one folder per kind, one pruning policy.

Every cache zimao-tui keeps is a :class:`Cache` of one *kind* under the cache folder
(``paths.cache_dir()``): ``reports/`` (parsed reports, marshal), ``index/`` (the search index,
JSON) and ``keywords/`` (keywords per heading, JSON). An entry is one file named by its key
(computed by the caller from the content it caches, so an edited report simply misses) and the
kind's format version: ``<kind>/<key>.v<version><suffix>``. A version bump makes every old
entry a miss; the old files age out under the policy below.

The rules every kind follows, written once here:

* **Private.** Folders are made 0700 whatever the umask (``cachedir.private_dir``); entries
  are written 0600 (``tempfile.mkstemp``).
* **Atomic.** An entry is written to a temp file beside it and renamed over it
  (``atomic.atomic_write_bytes``, not fsynced: a cache file lost to a power cut is a miss).
* **Untrusted.** A read takes regular files only, at most the ``limit`` the caller sets for
  that content (``statefile.read_bytes``), and hands the bytes to the caller's ``decode``,
  which checks them strictly (marshal data passes ``marshal_check`` before ``marshal.loads``)
  and returns None or raises ValueError, TypeError or EOFError for anything that is not an
  entry it wrote: that is a miss, and the entry is rebuilt and rewritten.
* **Optional.** ``save`` raises OSError when the folder cannot be written; callers go on with
  what they computed and say so once (``cachedir``). A missing or unreadable entry is a miss.
* **Bounded.** After each write the kind's folder is pruned: entries are kept newest first
  (by modification time, i.e. when they were written) while there are at most
  :data:`KEEP_ENTRIES` of them and they weigh at most :data:`MAX_BYTES` together; older ones
  are deleted. The entry just written is always kept, however large. Temp files that a killed
  writer left behind are deleted once they are an hour old. So each kind holds at most 256
  entries and 256 MiB (or its newest entry alone), and the whole cache folder at most three
  times that plus jieba's own dictionary cache (``jieba.cache``, ~9 MB, one file).

Importing this module costs nothing beyond ``os``: the report cache reads through it on the
app's warm start.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from zimao_tui.store.atomic import atomic_write_bytes
from zimao_tui.store.cachedir import private_dir
from zimao_tui.store.statefile import MIB, read_bytes

KEEP_ENTRIES = 256
"""Entries kept per kind (every edit of a report files a new one)."""

MAX_BYTES = 256 * MIB
"""Total size kept per kind."""

TEMP_AGE = 3600.0
"""Seconds after which a temp file in a cache folder is a killed writer's leftover."""

DAMAGED = (ValueError, TypeError, EOFError)
"""What a ``decode`` may raise for a damaged or foreign entry (marshal and JSON raise these)."""

T = TypeVar("T")


class Cache:
    """The entries of one kind under a cache (or content) folder."""

    def __init__(self, root: Path, kind: str, version: int, suffix: str) -> None:
        self.folder = root / kind
        self.version = version
        self.suffix = suffix

    def path(self, key: str) -> Path:
        """The file of the entry ``key`` (letters, digits and ``-`` only: never a path)."""
        if not key or not key.isascii() or not key.replace("-", "").isalnum():
            raise ValueError(f"cache key {key!r}")
        return self.folder / f"{key}.v{self.version}{self.suffix}"

    def load(self, key: str, limit: int, decode: Callable[[bytes], T | None]) -> T | None:
        """The entry ``key`` as ``decode`` reads it, or None: missing, unreadable, larger than
        ``limit`` bytes, or refused by ``decode``."""
        try:
            raw = read_bytes(self.path(key), limit)
        except OSError:
            return None  # missing or unreadable: a miss; a real disk problem shows when saving
        try:
            return decode(raw)
        except DAMAGED:
            return None

    def save(self, key: str, data: bytes) -> Path:
        """Write the entry ``key`` atomically, then prune the kind's folder; OSError if the
        cache cannot be written (the caller goes on without it)."""
        path = self.path(key)
        private_dir(self.folder)
        atomic_write_bytes(path, data, durable=False)
        self.prune()
        return path

    def prune(self) -> None:
        """Apply the policy (see the module docstring): newest first, at most KEEP_ENTRIES
        entries and MAX_BYTES together; leftover temp files an hour old go too."""
        entries: list[tuple[int, int, str]] = []
        stale = time.time() - TEMP_AGE
        with os.scandir(self.folder) as found:
            for entry in found:
                try:
                    info = entry.stat(follow_symlinks=False)
                except FileNotFoundError:
                    continue  # pruned meanwhile by another process
                if entry.name.startswith("."):
                    if entry.name.endswith(".tmp") and info.st_mtime < stale:
                        Path(entry.path).unlink(missing_ok=True)
                elif entry.name.endswith(self.suffix) and entry.is_file(follow_symlinks=False):
                    entries.append((info.st_mtime_ns, info.st_size, entry.path))
        entries.sort(reverse=True)
        total = 0
        for n, (_, size, path) in enumerate(entries):
            total += size
            if n and (n >= KEEP_ENTRIES or total > MAX_BYTES):
                Path(path).unlink(missing_ok=True)  # another process may have pruned it first
