"""bookmarks.toml at scale: the parsed copy in the cache folder and the saves that patch the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zimao_tui.document.report import Measure, Report
from zimao_tui.store import bookmarks_file
from zimao_tui.store.bookmarks import BookmarkStore, dumps
from zimao_tui.store.bookmarks_file import ParsedCache, content_key
from zimao_tui.store.tomlcompat import loads as toml_loads


def measures(report: Report) -> list[Measure]:
    return list(report.measures())


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the TOML parses of a whole file (the parsed copy is what spares them)."""
    calls: list[int] = []
    parse = bookmarks_file.parse

    def counted(raw: bytes) -> bookmarks_file.Parsed:
        calls.append(len(raw))
        return parse(raw)

    monkeypatch.setattr("zimao_tui.store.bookmarks.parse", counted)
    return calls


def store_with(path: Path, cache: Path, report: Report, count: int) -> BookmarkStore:
    store = BookmarkStore(path, cache_root=cache)
    for n, m in enumerate(measures(report)[:count]):
        store.update(report, m, f"笔记{n}", [f"t{n}"])
    return store


def test_a_second_start_reads_the_parsed_copy_not_the_toml(
    tmp_path: Path, bundled: Report, parses: list[int]
) -> None:
    store = store_with(tmp_path / "b.toml", tmp_path / "cache", bundled, 5)
    assert parses == []  # every save kept the copy of what it wrote
    again = BookmarkStore(tmp_path / "b.toml", cache_root=tmp_path / "cache")
    assert parses == [] and again.bookmarks == store.bookmarks
    assert [p.name for p in (tmp_path / "cache" / "bookmarks").iterdir()] == [
        f"{content_key((tmp_path / 'b.toml').read_bytes())}.v1.json"
    ]  # the copies of the file's earlier states went as each save replaced them


def test_a_change_that_changes_nothing_keeps_the_copy(
    tmp_path: Path, bundled: Report, parses: list[int]
) -> None:
    store = store_with(tmp_path / "b.toml", tmp_path / "cache", bundled, 2)
    gone = store.bookmarks[0]
    store.remove(gone)
    store.remove(gone)  # already gone: the same bytes are written again
    BookmarkStore(tmp_path / "b.toml", cache_root=tmp_path / "cache")
    assert parses == []


def test_a_file_edited_elsewhere_is_parsed_not_taken_from_the_copy(
    tmp_path: Path, bundled: Report, parses: list[int]
) -> None:
    path = tmp_path / "b.toml"
    store_with(path, tmp_path / "cache", bundled, 3)
    edited = path.read_text(encoding="utf-8").replace('note = "笔记1"', 'note = "改过的笔记"')
    path.write_text(edited, encoding="utf-8")  # same size would not matter: the hash differs
    again = BookmarkStore(path, cache_root=tmp_path / "cache")
    assert len(parses) == 1
    assert [b.note for b in again.bookmarks] == ["笔记0", "改过的笔记", "笔记2"]
    assert [b.note for b in BookmarkStore(path, cache_root=tmp_path / "cache").bookmarks][1] == "改过的笔记"
    assert len(parses) == 1  # and from then on that copy is used


def test_a_damaged_or_foreign_copy_is_a_miss(tmp_path: Path, bundled: Report, parses: list[int]) -> None:
    path, cache = tmp_path / "b.toml", tmp_path / "cache"
    store_with(path, cache, bundled, 2)
    [entry] = (cache / "bookmarks").iterdir()
    for damage in (b"{", b'{"key": "another", "offsets": null, "bookmarks": []}', b"[]"):
        entry.write_bytes(damage)
        assert [b.note for b in BookmarkStore(path, cache_root=cache).bookmarks] == ["笔记0", "笔记1"]
    assert len(parses) == 3


def test_incremental_saves_write_exactly_the_full_dump(tmp_path: Path, bundled: Report) -> None:
    """Add, edit, delete in the middle, add again: after each, the file is the whole dump."""
    path = tmp_path / "b.toml"
    store = store_with(path, tmp_path / "cache", bundled, 6)
    ms = measures(bundled)
    steps = [
        lambda: store.update(bundled, ms[2], "中间改了\n两行", ["新"]),
        lambda: store.remove(store.bookmarks[3]),
        lambda: store.toggle(bundled, ms[40]),
        lambda: store.remove(store.bookmarks[0]),
        lambda: store.update(bundled, ms[41], "行尾\r\n换行", None),  # the escaped form
    ]
    for step in steps:
        step()
        text = path.read_text(encoding="utf-8")
        assert text == dumps(store.bookmarks)
        assert toml_loads(text)["bookmarks"] == [b.to_toml() for b in store.bookmarks]
        assert BookmarkStore(path, cache_root=tmp_path / "other-cache").bookmarks == store.bookmarks


def test_a_save_dumps_only_what_it_changed(
    tmp_path: Path, bundled: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "b.toml"
    store = store_with(path, tmp_path / "cache", bundled, 20)
    dumped: list[str] = []
    piece = bookmarks_file.piece
    monkeypatch.setattr(bookmarks_file, "piece", lambda bm: dumped.append(bm.uid) or piece(bm))
    store.update(bundled, measures(bundled)[5], "只改这一条", None)
    assert dumped == [store.bookmarks[5].uid]
    dumped.clear()
    store.remove(store.bookmarks[0])
    assert dumped == []


def test_a_hand_edited_file_is_written_whole_once_then_patched(
    tmp_path: Path, bundled: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "b.toml"
    store_with(path, tmp_path / "cache", bundled, 4)
    path.write_text(
        path.read_text(encoding="utf-8").replace("schema_version = 1", "# 手写的注释\nschema_version = 1"),
        encoding="utf-8",
    )
    store = BookmarkStore(path, cache_root=tmp_path / "cache")
    dumped: list[str] = []
    piece = bookmarks_file.piece
    monkeypatch.setattr(bookmarks_file, "piece", lambda bm: dumped.append(bm.uid) or piece(bm))
    store.update(bundled, measures(bundled)[1], "改", None)
    assert len(dumped) == 4 and path.read_text(encoding="utf-8") == dumps(store.bookmarks)
    dumped.clear()
    store.update(bundled, measures(bundled)[2], "再改", None)
    assert len(dumped) == 1


def test_a_file_damaged_behind_a_warm_copy_is_still_set_aside(tmp_path: Path, bundled: Report) -> None:
    """The copy is of the old bytes: damaged bytes miss it, are parsed, fail, and are kept aside."""
    path = tmp_path / "b.toml"
    store = store_with(path, tmp_path / "cache", bundled, 3)
    path.write_bytes(b"[[bookmarks]\nbroken")
    store.update(bundled, measures(bundled)[10], "之后的笔记", None)
    [aside] = tmp_path.glob("b.toml.corrupt-*")
    assert aside.read_bytes() == b"[[bookmarks]\nbroken"
    assert len(BookmarkStore(path, cache_root=tmp_path / "cache").bookmarks) == 4
    fresh = BookmarkStore(aside, cache_root=tmp_path / "cache")  # reading it never overwrites it
    assert fresh.warnings


def test_a_newer_file_is_not_cached_and_never_written(tmp_path: Path, bundled: Report) -> None:
    path, cache = tmp_path / "b.toml", tmp_path / "cache"
    store_with(path, cache, bundled, 2)
    newer = path.read_text(encoding="utf-8").replace("schema_version = 1", "schema_version = 9")
    path.write_text(newer, encoding="utf-8")
    for _ in range(2):
        store = BookmarkStore(path, cache_root=cache)
        assert store.read_only and store.newer_schema == 9 and len(store.bookmarks) == 2
    assert path.read_text(encoding="utf-8") == newer
    assert ParsedCache(cache).load(path.read_bytes()) is None


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    notes=st.lists(st.text(max_size=30), min_size=1, max_size=6),
    removals=st.lists(st.integers(min_value=0, max_value=5), max_size=3),
)
def test_any_notes_round_trip_through_patched_saves(
    tmp_path_factory: pytest.TempPathFactory, bundled: Report, notes: list[str], removals: list[int]
) -> None:
    folder = tmp_path_factory.mktemp("patched")
    path = folder / "b.toml"
    store = BookmarkStore(path, cache_root=folder / "cache")
    ms = measures(bundled)
    for n, note in enumerate(notes):  # st.text has no lone surrogates: every note can be saved
        store.update(bundled, ms[n], note, None)
    for n in removals:
        if store.bookmarks:
            store.remove(store.bookmarks[n % len(store.bookmarks)])
    assert path.read_text(encoding="utf-8") == dumps(store.bookmarks)
    assert BookmarkStore(path, cache_root=folder / "none").bookmarks == store.bookmarks
