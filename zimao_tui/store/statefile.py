"""Reading a file someone else may have made: regular files only, bounded in size and depth.

Reports come from the web and state files (config.toml, themes, bookmarks, history, caches)
can be damaged or crafted. Three things used to hang or crash the app on them:

* a special file: ``/dev/zero`` as a report reads until memory runs out, and a FIFO blocks
  ``open`` forever. ``read_bytes`` opens without blocking and reads regular files only
  (``NotRegularFile``, an ``OSError``, so every "cannot read it" path already handles it);
* a huge file: at most ``limit`` bytes are read (``FileTooLarge``, also an ``OSError``);
* deep nesting: ``[[[[…`` 900 levels in TOML or JSON overflows the parsers' recursion.
  ``tomlcompat.loads`` and ``loads_json`` here turn that into the parser's own decode error
  (so a deep file is a damaged file, handled where a damaged file already is), and
  ``check_depth`` refuses data nested deeper than ``MAX_DEPTH`` before anything else
  (``tomli_w``, ``json.dumps``) recurses through it.

The reasons speak the interface language, as the messages they end up in do. Nothing here
imports more than ``os`` and ``stat``: config.toml is read through it on the app's start.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

from zimao_tui.i18n import Notice

MIB = 1024 * 1024
MAX_REPORT_BYTES = 200 * MIB
"""The largest report read: four times a 50 MB report (larger ones are refused with a message)."""
MAX_STATE_BYTES = 64 * MIB
"""The largest config, theme, bookmarks or history file read (10,000 bookmarks are ~5 MB)."""
MAX_DEPTH = 64
"""Deepest nesting of tables and arrays accepted in a TOML or JSON state file (ours use 3)."""

_CHUNK = 1 * MIB
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


class NotRegularFile(OSError):
    """The path is a device, FIFO or socket: reading it could block or never end."""

    def __str__(self) -> str:
        return str(Notice("file.not_regular"))


class FileTooLarge(OSError):
    """The file is larger than the reader's limit."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def __str__(self) -> str:
        return str(Notice("file.too_large", limit=f"{self.limit // MIB} MB"))


def read_bytes(path: Path, limit: int = MAX_STATE_BYTES) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes.

    Raises FileNotFoundError, IsADirectoryError, NotRegularFile, FileTooLarge or another
    OSError. Opened with O_NONBLOCK, so a FIFO without a writer cannot block the open; the
    size is checked before reading and again while reading (the file may grow meanwhile).
    """
    fd = os.open(path, _FLAGS)
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(21, "Is a directory", str(path))
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFile()
        if info.st_size > limit:
            raise FileTooLarge(limit)
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - total) or 1)
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise FileTooLarge(limit)
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_text(path: Path, limit: int = MAX_STATE_BYTES) -> str:
    """``read_bytes`` decoded as UTF-8 (raises UnicodeDecodeError as ``Path.read_text`` does)."""
    return read_bytes(path, limit).decode("utf-8")


class TooDeep(ValueError):
    """Data nested deeper than MAX_DEPTH (or than the parser's recursion allows)."""


def check_depth(value: Any, limit: int = MAX_DEPTH) -> None:
    """Raise TooDeep if dicts and lists nest deeper than ``limit``; iterative, so it cannot
    overflow the stack it protects."""
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth >= limit:
            raise TooDeep(str(Notice("file.too_deep", limit=limit)))
        stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))


def loads_json(text: str | bytes, *, depth: int | None = MAX_DEPTH) -> Any:
    """``json.loads`` for files we did not necessarily write: nesting too deep for the parser,
    or deeper than ``depth`` (None: no walk, for large caches validated by shape), raises
    ``json.JSONDecodeError`` like any other damage."""
    import json

    try:
        value = json.loads(text)
        if depth is not None:
            check_depth(value, depth)
    except (RecursionError, TooDeep) as exc:
        doc = text if isinstance(text, str) else text.decode("utf-8", "replace")
        raise json.JSONDecodeError(str(Notice("file.too_deep", limit=MAX_DEPTH)), doc, 0) from exc
    return value


def move_aside(path: Path) -> Path:
    """Rename a damaged state file out of the way, byte for byte, beside it as
    ``<name>.corrupt-<UTC time>`` (``-1``, ``-2`` … if taken); returns where it went.

    The one way a file zimao-tui cannot read is kept for the user instead of overwritten
    (bookmarks, the reading state). Raises OSError if the rename fails.
    """
    target = aside_name(path)
    os.replace(path, target)
    return target


def aside_name(path: Path) -> Path:
    """``<name>.corrupt-<UTC time>`` beside ``path`` (``-1``, ``-2`` … if taken)."""
    from datetime import datetime, timezone

    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while target.exists():
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
        n += 1
    return target
