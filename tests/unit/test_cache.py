"""The one cache layer (store/cache.py): naming, versions, strict reads, one pruning policy,
and the three caches (parsed reports, search index, keywords) all filed through it."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from zimao_tui.document.parse import parse_text
from zimao_tui.insights import keywords
from zimao_tui.search import index_cache
from zimao_tui.store import cache as cache_layer
from zimao_tui.store import report_cache
from zimao_tui.store.cache import Cache
from zimao_tui.store.report_cache import ReportCache


def _json(raw: bytes) -> object:
    return json.loads(raw)


def _written(cache: Cache, key: str, data: bytes, second: int) -> Path:
    """Save an entry and date it ``second`` seconds after the epoch (its place in the order)."""
    path = cache.save(key, data)
    os.utime(path, ns=(second * 10**9, second * 10**9))
    return path


def test_an_entry_is_a_private_file_named_by_kind_key_and_version(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache", "things", 3, ".json")
    path = cache.save("abc-12", b"[1]")
    assert path == tmp_path / "cache" / "things" / "abc-12.v3.json"
    assert (tmp_path / "cache" / "things").stat().st_mode & 0o777 == 0o700
    assert path.stat().st_mode & 0o777 == 0o600
    assert cache.load("abc-12", 100, _json) == [1]
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temp file left


def test_another_version_is_a_miss(tmp_path: Path) -> None:
    Cache(tmp_path, "things", 1, ".json").save("k", b"[1]")
    assert Cache(tmp_path, "things", 2, ".json").load("k", 100, _json) is None
    assert Cache(tmp_path, "things", 1, ".json").load("k", 100, _json) == [1]


def test_damaged_oversized_or_missing_entries_are_misses(tmp_path: Path) -> None:
    cache = Cache(tmp_path, "things", 1, ".json")
    assert cache.load("missing", 100, _json) is None
    cache.save("k", b"{not json")
    assert cache.load("k", 100, _json) is None  # ValueError from decode: a miss
    cache.save("k", b"[" + b"1," * 100 + b"1]")
    assert cache.load("k", 100, _json) is None  # over the caller's limit: never read
    assert cache.load("k", 1000, _json) == [1] * 101

    def refuses(raw: bytes) -> None:
        return None

    assert cache.load("k", 1000, refuses) is None


def test_a_decoder_bug_is_not_swallowed(tmp_path: Path) -> None:
    """Only the errors damaged data raises are misses; anything else is a bug and shows."""
    cache = Cache(tmp_path, "things", 1, ".json")
    cache.save("k", b"{}")

    def broken(raw: bytes) -> object:
        return _json(raw)["key"]  # type: ignore[index]

    with pytest.raises(KeyError):
        cache.load("k", 100, broken)


@pytest.mark.parametrize("key", ["", "../escape", "a/b", "a.b", "ключ", "a b"])
def test_a_key_is_never_a_path(tmp_path: Path, key: str) -> None:
    with pytest.raises(ValueError, match="cache key"):
        Cache(tmp_path, "things", 1, ".json").path(key)


def test_an_unwritable_cache_raises_oserror_for_the_caller(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("in the way", encoding="utf-8")
    with pytest.raises(OSError):
        Cache(tmp_path / "file", "things", 1, ".json").save("k", b"[]")


def test_the_newest_entries_are_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache_layer, "KEEP_ENTRIES", 3)
    cache = Cache(tmp_path, "things", 1, ".json")
    for second in range(5):
        _written(cache, f"e{second}", b"[]", second)
    assert sorted(p.name for p in cache.folder.iterdir()) == ["e2.v1.json", "e3.v1.json", "e4.v1.json"]


def test_the_total_size_is_capped_but_the_new_entry_always_stays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache_layer, "MAX_BYTES", 250)
    cache = Cache(tmp_path, "things", 1, ".json")
    for second in range(4):
        _written(cache, f"e{second}", b"[" + b" " * 98 + b"]", second)  # 100 bytes each
    assert sorted(p.name for p in cache.folder.iterdir()) == ["e2.v1.json", "e3.v1.json"]
    big = cache.save("big", b"[" + b" " * 998 + b"]")
    assert [p.name for p in cache.folder.iterdir()] == [big.name]  # alone over the cap: kept


def test_old_versions_age_out_under_the_same_policy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache_layer, "KEEP_ENTRIES", 2)
    _written(Cache(tmp_path, "things", 1, ".json"), "k", b"[]", 1)
    new = Cache(tmp_path, "things", 2, ".json")
    _written(new, "k", b"[]", 2)
    new.save("other", b"[]")
    assert sorted(p.name for p in new.folder.iterdir()) == ["k.v2.json", "other.v2.json"]


def test_a_killed_writers_temp_files_go_once_they_are_old(tmp_path: Path) -> None:
    cache = Cache(tmp_path, "things", 1, ".json")
    cache.folder.mkdir(parents=True)
    old = cache.folder / ".k.v1.json.abc123.tmp"
    fresh = cache.folder / ".k.v1.json.def456.tmp"
    for path in (old, fresh):
        path.write_bytes(b"[")
    an_hour_ago = time.time() - cache_layer.TEMP_AGE - 60
    os.utime(old, (an_hour_ago, an_hour_ago))
    cache.save("k", b"[]")
    assert sorted(p.name for p in cache.folder.iterdir()) == [fresh.name, "k.v1.json"]  # fresh: maybe in use


def test_every_cache_is_filed_through_the_layer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Reports, index and keywords: each in its own folder, versioned, and all pruned alike
    (the index was never pruned before the layer)."""
    monkeypatch.setattr(cache_layer, "KEEP_ENTRIES", 2)
    root = tmp_path / "cache"
    reports = [parse_text(f"标题{i}\n\n一、总则\n\n第{i}段正文。\n", origin=f"r{i}.txt") for i in range(3)]
    for i, report in enumerate(reports):
        ReportCache(root).save(f"r{i}".encode(), report)
        path = index_cache.save(root, [m.text for m in report.measures()], {"starts": [[0]], "pinyin": [""]})
        os.utime(path, ns=(i * 10**9, i * 10**9))
    assert len(list((root / "reports").glob(f"*.v{report_cache.FORMAT}.marshal"))) == 2
    assert len(list((root / "index").glob(f"*.v{index_cache.INDEX_VERSION}.json"))) == 2
    path = keywords.cache_path(reports[0], root)
    assert path.parent == root / "keywords" and path.name.endswith(f".v{keywords.VERSION}.json")


def test_marshal_check_passes_what_our_caches_write_and_refuses_every_truncation() -> None:
    import marshal

    from zimao_tui.store.marshal_check import loads_checked, plausible

    value = (("m", "1.2", 0, -5, 2**70), None, True, False, b"\x00", ("重复", "重复"), ())
    blob = marshal.dumps(value)
    assert loads_checked(blob) == value
    assert not any(plausible(blob[:end]) for end in range(len(blob)))
    with pytest.raises(ValueError):
        loads_checked(blob[:-1])
