"""A report opened from the library starts with its search index already there.

The library store holds each measure's jieba word starts and pinyin, computed when the report
was read (``library_index.py``): exactly what the explorer's per-report index file holds
(``index_cache.py``). Without this, opening a library report in the explorer would start a
jieba child for ~2 s to compute it all again; with it, the index file is written from the
store (a few milliseconds) and the explorer finds it as for any report it has seen.
"""

from __future__ import annotations

import json
from pathlib import Path

from zimao_tui.document.report import Report
from zimao_tui.search import index_cache
from zimao_tui.store.library import Library


def seed_index(library: Library, rid: int, report: Report, cache_dir: Path) -> bool:
    """Write ``report``'s index file from the store, unless it is cached already; False when
    the store's rows do not fit the report (then the explorer builds the index itself) or
    the cache cannot be written (the explorer says so, as it would have anyway)."""
    texts = [m.text for m in report.measures()]
    if index_cache.load(cache_dir, texts) is not None:
        return True
    rows = library.db.execute(
        "SELECT text, starts, pinyin FROM measures WHERE report = ? ORDER BY seq", (rid,)
    ).fetchall()
    if [r[0] for r in rows] != texts:
        return False
    data = {"starts": [json.loads(r[1]) for r in rows], "pinyin": [r[2] for r in rows]}
    if index_cache.accept(json.loads(index_cache.dumps(texts, data)), texts) is None:
        return False  # what the store holds is not a valid index of this text: never trusted
    try:
        index_cache.save(cache_dir, texts, data)
    except OSError:
        return False
    return True
