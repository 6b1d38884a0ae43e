"""``bookmarks.toml`` as bytes: read it through a parsed copy, write it whole or patch it.

With 10,000 bookmarks the file is ~6 MB. tomllib takes ~1.7 s to parse it, tomli_w ~2 s to
write it and ~1.4 s more to check the text by parsing it back: every start, every ``b`` and
every ``bookmarks list`` paid seconds for a file that had not changed, or changed by one entry.

**The text we write** (:func:`dumps`) is the header comment, the top-level keys (tomli_w), then
for each bookmark a blank line and its own ``[[bookmarks]]`` table, dumped *alone* and checked by
parsing it back alone. Each such piece is self-contained (its header, its keys, every string
closed, sub-tables after its own header), so the whole file parses to the top-level keys plus
the list of the pieces' tables: checking the pieces checks the file. This is what tomli_w writes
for the whole document too, except for an empty list (no ``bookmarks`` key rather than
``bookmarks = []``, which reads back the same).

**Patching** (:func:`render`): after a read or a write the store knows where each bookmark's
piece lies in the bytes (``Parsed.offsets``), when the file is exactly that text. A save then
keeps the bytes of every bookmark the change left alone (the very same object) and dumps only
the new or edited ones: an append, an edit or a delete costs one piece, not 10,000. A file
edited by hand (no offsets known) is written whole, once; from then on it is ours again.

**The parsed copy** (:class:`ParsedCache`): a file's bookmarks as JSON in the cache folder
(``bookmarks/<size>-<blake2b>.v1.json``, through ``store/cache.py``: private, atomic, strictly
checked, pruned). A read hashes the bytes (~7 ms) and, on a hit, loads the JSON (~60 ms) instead
of parsing TOML; an edited file has another hash, so it simply misses and is parsed. Only
files it can represent exactly are cached: no keys unknown to this version, not a newer schema.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomli_w

from zimao_tui.store import tomlcompat
from zimao_tui.store.bookmark import Bookmark
from zimao_tui.store.cache import Cache
from zimao_tui.store.statefile import MAX_STATE_BYTES, loads_json

SCHEMA_VERSION = 1
"""The file format this version writes. A higher number in the file means read-only."""

HEADER = (
    "# zimao-tui bookmarks: your notes on report measures.\n"
    "# Safe to edit by hand while zimao-tui is closed; keep schema_version as it is.\n"
)

CACHE_KIND = "bookmarks"
CACHE_FORMAT = 1
"""Bump when the cached JSON's shape changes: old entries then miss and age out."""


class Lossy(ValueError):
    """A table that tomli_w cannot write so that it reads back the same (a bug, never written)."""


class Corrupt(Exception):
    """The file is there but is not a bookmark file we can read."""


@dataclass
class Parsed:
    """What one read (or write) of the file gave.

    ``offsets``: when ``raw`` is exactly :func:`dumps` of these bookmarks, where the top-level
    part ends and each bookmark's piece ends (``len(bookmarks) + 1`` numbers), else None.
    """

    bookmarks: list[Bookmark]
    top_extra: dict[str, Any]
    newer: int | None = None
    raw: bytes | None = None
    offsets: tuple[int, ...] | None = None


def piece(bookmark: Bookmark) -> bytes:
    """One bookmark's ``[[bookmarks]]`` table with its leading blank line, checked by parsing
    it back alone.

    Notes are written as multi-line strings so the file reads well; TOML folds ``\\r\\n``
    inside those, so when the parsed-back table differs the escaped single-line form is used
    instead. A mismatch there too raises :class:`Lossy` rather than writing a lossy file.
    """
    table = bookmark.to_toml()
    for multiline in (True, False):
        text = tomli_w.dumps({"bookmarks": [table]}, multiline_strings=multiline)
        if tomlcompat.loads(text) == {"bookmarks": [table]}:
            return ("\n" + text).encode("utf-8")
    raise Lossy(bookmark.uid)


def top(top_extra: dict[str, Any] | None) -> bytes:
    """The header comment and the top-level keys (the schema version first), checked."""
    doc: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
    doc.update(top_extra or {})
    doc.pop("bookmarks", None)
    for multiline in (True, False):
        text = tomli_w.dumps(doc, multiline_strings=multiline)
        if tomlcompat.loads(text) == doc:
            return (HEADER + text).encode("utf-8")
    raise Lossy("top")


def render(bookmarks: Sequence[Bookmark], before: Parsed | None) -> tuple[bytes, tuple[int, ...]]:
    """The file's bytes for ``bookmarks`` and their offsets, patched from ``before`` where it can.

    A bookmark that is the same object as one of ``before.bookmarks`` keeps its bytes when
    ``before`` knows its layout (the top-level part too, when the top-level keys are the same
    ones); everything else is dumped and checked. Raises :class:`Lossy` or UnicodeEncodeError
    (lone surrogates) for a bookmark that cannot be written.
    """
    reuse: dict[int, bytes] = {}
    head: bytes | None = None
    if before is not None and before.offsets is not None and before.raw is not None:
        raw, offsets = before.raw, before.offsets
        head = raw[: offsets[0]]
        for n, old in enumerate(before.bookmarks):
            reuse[id(old)] = raw[offsets[n] : offsets[n + 1]]
    parts = [head if head is not None else top(before.top_extra if before else None)]
    for bm in bookmarks:
        found = reuse.get(id(bm))
        parts.append(found if found is not None else piece(bm))
    ends: list[int] = []
    total = 0
    for part in parts:
        total += len(part)
        ends.append(total)
    return b"".join(parts), tuple(ends)


def dumps(bookmarks: Sequence[Bookmark], top_extra: dict[str, Any] | None = None) -> str:
    """The whole file's text, every piece checked (what a first save of a hand-edited file writes)."""
    return render(bookmarks, Parsed([], top_extra or {}))[0].decode("utf-8")


def content_key(raw: bytes) -> str:
    """The cache key of a file's bytes: its size and a 128-bit BLAKE2b of them."""
    return f"{len(raw)}-{hashlib.blake2b(raw, digest_size=16).hexdigest()}"


def parse(raw: bytes) -> Parsed:
    """Parse the file's bytes (tomllib); raises :class:`Corrupt` for anything but a bookmark file."""
    import contextlib

    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Corrupt(f"not UTF-8 text: {exc}") from exc
    try:
        data = tomlcompat.loads(text)
    except tomlcompat.TOMLDecodeError as exc:
        raise Corrupt(f"not valid TOML: {exc}") from exc
    version = data.get("schema_version", SCHEMA_VERSION)
    if not isinstance(version, int) or isinstance(version, bool):
        raise Corrupt("schema_version is not an integer")
    entries = data.get("bookmarks", [])
    if not isinstance(entries, list):
        raise Corrupt("bookmarks is not an array of tables")
    newer = version if version > SCHEMA_VERSION else None
    try:
        bookmarks = [Bookmark.from_toml(t) for t in entries]
    except ValueError as exc:
        if newer is None:
            raise Corrupt(str(exc)) from exc
        bookmarks = []  # a newer format may legitimately differ: read what we can
        for t in entries:
            with contextlib.suppress(ValueError):
                bookmarks.append(Bookmark.from_toml(t))
    extra = {k: v for k, v in data.items() if k not in ("schema_version", "bookmarks")}
    return Parsed(bookmarks, extra, newer, raw)


_FIELDS = ("uid", "report_title", "report_date", "measure_id", "fingerprint", "text")


class ParsedCache:
    """Parsed copies of bookmark files in the cache folder (see the module docstring)."""

    def __init__(self, root: Path) -> None:
        self.cache = Cache(root, CACHE_KIND, CACHE_FORMAT, ".json")
        self._rows: dict[int, tuple[Bookmark, str]] = {}
        """Each bookmark's row as JSON text, by the bookmark object (kept, so its id stays its
        own): a save encodes only the bookmarks it changed, as it dumps only their TOML."""

    def load(self, raw: bytes) -> Parsed | None:
        """The parsed copy of exactly these bytes, or None (missing, damaged, another file)."""
        key = content_key(raw)
        return self.cache.load(key, 4 * MAX_STATE_BYTES, lambda data: _decode(data, key, raw))

    def save(self, parsed: Parsed) -> None:
        """Keep a parsed copy of ``parsed.raw`` when it can be represented exactly; a cache
        that cannot be written is only slower, so OSError is swallowed here."""
        raw = parsed.raw
        if raw is None or parsed.newer is not None or parsed.top_extra:
            return
        if any(bm.extra for bm in parsed.bookmarks):
            return
        import json

        rows: dict[int, tuple[Bookmark, str]] = {}
        for bm in parsed.bookmarks:
            known = self._rows.get(id(bm))
            rows[id(bm)] = known if known is not None and known[0] is bm else (bm, _row_json(bm))
        self._rows = rows
        key = content_key(raw)
        offsets = json.dumps(list(parsed.offsets) if parsed.offsets is not None else None)
        body = ",".join(rows[id(bm)][1] for bm in parsed.bookmarks)
        text = f'{{"key": {json.dumps(key)}, "offsets": {offsets}, "bookmarks": [{body}]}}'
        try:
            self.cache.save(key, text.encode("utf-8"))
        except OSError:
            return

    def forget(self, raw: bytes | None) -> None:
        """Delete the copy of a file's former bytes (each entry is ~6 MB at 10,000 bookmarks:
        the one a save just replaced is no use to anyone)."""
        if raw is not None:
            try:
                self.cache.path(content_key(raw)).unlink(missing_ok=True)
            except OSError:
                return


def _row_json(bm: Bookmark) -> str:
    """A bookmark as the JSON array ``_decode`` reads back."""
    import json

    row = [*(getattr(bm, f) for f in _FIELDS), list(bm.path), bm.note, list(bm.tags), bm.created, bm.updated]
    return json.dumps(row, ensure_ascii=False)


def _strings(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError("not a list of strings")
    return tuple(value)


def _decode(data: bytes, key: str, raw: bytes) -> Parsed | None:
    """A cache entry back into bookmarks; ValueError (a miss) for anything of another shape."""
    entry = loads_json(data, depth=None)
    if not isinstance(entry, dict) or entry.get("key") != key:
        raise ValueError("another file's entry")
    rows, offsets = entry.get("bookmarks"), entry.get("offsets")
    if not isinstance(rows, list):
        raise ValueError("bookmarks")
    bookmarks = []
    for row in rows:
        if not isinstance(row, list) or len(row) != 11:
            raise ValueError("row")
        if not all(isinstance(row[n], str) for n in (0, 1, 2, 3, 4, 5, 7, 9, 10)):
            raise ValueError("row")
        bookmarks.append(
            Bookmark(
                uid=row[0],
                report_title=row[1],
                report_date=row[2],
                measure_id=row[3],
                fingerprint=row[4],
                text=row[5],
                path=_strings(row[6]),
                note=row[7],
                tags=_strings(row[8]),
                created=row[9],
                updated=row[10],
            )
        )
    if offsets is not None:
        if (
            not isinstance(offsets, list)
            or len(offsets) != len(bookmarks) + 1
            or not all(isinstance(n, int) and not isinstance(n, bool) for n in offsets)
            or offsets != sorted(offsets)
            or offsets[-1] != len(raw)
        ):
            raise ValueError("offsets")
        offsets = tuple(offsets)
    return Parsed(bookmarks, {}, None, raw, offsets)
