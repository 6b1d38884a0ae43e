"""The per-report search index on disk: keyed by the report's text, rebuilt when in doubt.

Segmenting with jieba costs about a second, loading this file about a millisecond. The key
is a hash of the index version, the user dictionary and every measure's text, so an edited
report, dictionary or index format simply misses and is rebuilt; a file that does not parse
or does not fit its report is treated the same way. Nothing here imports jieba or pypinyin.

The bundled report's index also ships in content/index/ so that even the first run of the
app finds it without starting jieba (``python -m zimao_tui.search.index_cache`` refreshes it;
a test fails when it is stale). Where the files live, how they are written and how many are
kept: ``store/cache.py``.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from itertools import chain
from pathlib import Path
from typing import Any, TypeGuard

from zimao_tui.paths import content_dir
from zimao_tui.search.vocab import userdict_text
from zimao_tui.store.cache import Cache
from zimao_tui.store.statefile import MIB, loads_json

INDEX_VERSION = 3
"""Bump when the cached format or the way it is computed changes (2: one coined-term rule;
3: jieba cuts folded text)."""

KIND = "index"

_MAX_PER_CHAR = 32
"""Bytes of index file per character of text, at most (a syllable, a "|", a word start)."""


def cache_key(texts: Sequence[str]) -> str:
    """The hash a report's index is filed under."""
    h = hashlib.sha256(f"zimao-tui index v{INDEX_VERSION}\x1f".encode())
    h.update(userdict_text().encode("utf-8"))
    for text in texts:
        h.update(b"\x1e")
        h.update(text.encode("utf-8"))
    return h.hexdigest()


def _cache(folder: Path) -> Cache:
    """The index entries under a cache (or content) folder."""
    return Cache(folder, KIND, INDEX_VERSION, ".json")


def cache_path(cache_dir: Path, key: str) -> Path:
    """Where the index with this key lives under a cache (or content) folder."""
    return _cache(cache_dir).path(key[:40])


def shipped_dir() -> Path:
    """content/: holds the prebuilt index of the bundled report."""
    return content_dir()


_SYLLABLES = re.compile(r"[a-z|]*")
"""What a pinyin field may hold: lowercase syllables, "|" between characters."""


def _valid(data: Any, key: str, texts: Sequence[str]) -> TypeGuard[dict[str, Any]]:
    """Does a parsed file hold this report's index? (A wrong shape means rebuild, not crash.)

    Strict, because whatever passes is trusted by every query: word starts are ints
    (``True`` is not), strictly increasing, from 0 and inside the text; pinyin is lowercase
    letters with one "|" between characters. Anything else was damaged or crafted, and a
    file that passed here but broke the index would switch search off on every run."""
    if not isinstance(data, dict) or data.get("version") != INDEX_VERSION or data.get("key") != key:
        return False
    starts, pinyin = data.get("starts"), data.get("pinyin")
    if not (isinstance(starts, list) and isinstance(pinyin, list)):
        return False
    if len(starts) != len(texts) or len(pinyin) != len(texts):
        return False
    if not all(type(o) is list for o in starts) or not all(type(p) is str for p in pinyin):
        return False
    if set(map(type, chain.from_iterable(starts))) - {int}:  # one pass in C over every offset
        return False
    if not _SYLLABLES.fullmatch("".join(pinyin)):
        return False
    return all(_fits(*entry) for entry in zip(texts, starts, pinyin, strict=True))


def _fits(text: str, offsets: list[int], syllables: str) -> bool:
    """Word starts strictly increasing from 0 inside ``text``, and one syllable field a character."""
    if not text:
        return True
    if not offsets or offsets[0] != 0 or offsets[-1] >= len(text) or syllables.count("|") != len(text) - 1:
        return False
    return len(offsets) == 1 or all(map(int.__lt__, offsets, offsets[1:]))


def load(cache_dir: Path, texts: Sequence[str], key: str | None = None) -> dict[str, Any] | None:
    """The cached index of a report, or None when it is missing, stale or corrupt."""
    key = key or cache_key(texts)
    limit = _MAX_PER_CHAR * sum(map(len, texts)) + MIB  # at most what this report's index can weigh

    def decode(raw: bytes) -> dict[str, Any] | None:
        data = loads_json(raw, depth=None)  # shape checked by _valid, strictly
        return data if _valid(data, key, texts) else None

    for folder in (cache_dir, shipped_dir()):  # a damaged user copy falls through to the shipped one
        data = _cache(folder).load(key[:40], limit, decode)
        if data is not None:
            return data
    return None


def accept(payload: Any, texts: Sequence[str]) -> dict[str, Any] | None:
    """An index handed over in memory (by the child, when it could not write the file),
    checked as strictly as a file would be; None if it does not fit ``texts``."""
    return payload if _valid(payload, cache_key(texts), texts) else None


def dumps(texts: Sequence[str], data: dict[str, Any]) -> str:
    """The file content for a report's index (compact, one line)."""
    payload = {"version": INDEX_VERSION, "key": cache_key(texts), **data}
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"))


def save(cache_dir: Path, texts: Sequence[str], data: dict[str, Any]) -> Path:
    """Write a report's index atomically (a reader never sees half a file); OSError if the
    cache cannot be written (callers go on without it, see ``cachedir``)."""
    return _cache(cache_dir).save(cache_key(texts)[:40], dumps(texts, data).encode("utf-8"))


def main() -> int:
    """Regenerate the bundled report's shipped index in content/index/."""
    from zimao_tui.document.parse import load_report
    from zimao_tui.paths import bundled_report, cache_dir
    from zimao_tui.search.segment import analyse

    texts = [m.text for m in load_report(bundled_report()).measures()]
    for old in (shipped_dir() / KIND).glob("*.json"):
        old.unlink()
    path = save(shipped_dir(), texts, analyse(texts, cache_dir()))
    path.chmod(0o644)  # a file of the package, not a private cache file
    print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
