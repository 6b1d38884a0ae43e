"""The bookmarks list with 10,000 bookmarks: read off the UI thread, every one reachable, the
filter narrows them and Enter jumps (benchmarks/bookmarks.py measures how fast)."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from app_fixtures import app_env, make_app, press, wait_ready  # noqa: F401  (app_env: a fixture)
from hosts import Host, sync
from textual.widgets import Input, Static

from zimao_tui.document.parse import parse_text
from zimao_tui.document.report import Report
from zimao_tui.paths import bundled_report
from zimao_tui.store import bookmarks as store_module
from zimao_tui.store.bookmarks import Bookmark, BookmarkStore, dumps
from zimao_tui.ui.screens.bookmarks import INLINE, BookmarksScreen
from zimao_tui.ui.widgets.row_list import RowList


def reports_and_file(tmp_path: Path, count: int) -> tuple[list[Report], Path]:
    """``count`` bookmarks over as many copies of the bundled report as they need."""
    title, _, body = bundled_report().read_text(encoding="utf-8").partition("\n")
    per_report = len(list(parse_text(title + "\n" + body).measures()))
    reports = [parse_text(f"{title}（{n}）\n{body}") for n in range(-(-count // per_report))]
    marks = [
        Bookmark.new(r, m, f"第{n}份第{i}条", [f"r{n}"])
        for n, r in enumerate(reports)
        for i, m in enumerate(r.measures())
    ][:count]
    path = tmp_path / "bookmarks.toml"
    path.write_text(dumps(marks), encoding="utf-8")
    return reports, path


@sync
async def test_ten_thousand_bookmarks_are_listed_filtered_and_jumped_to(tmp_path: Path) -> None:
    reports, path = reports_and_file(tmp_path, 10_000)
    store = BookmarkStore(path, load=False)  # as the app makes it: read on the bookmark queue
    app = Host(BookmarksScreen, store, reports)
    async with app.opened(size=(100, 30)) as (pilot, screen):
        listing = screen.query_one(RowList)
        assert not screen.reading and listing.row_count == 10_000
        assert "10000" in str(screen.query_one("#bookmarks-title").render())
        await pilot.press("end")  # the last of 10,000 rows is there, not "N more"
        await pilot.pause()
        assert screen.current is not None and screen.current.bookmark.note.startswith("第79份")
        field = screen.query_one(Input)
        field.value = "r7"  # the bookmarks of copies 7 and 70-79 (the last has only 46)
        await pilot.pause()
        assert listing.row_count == 126 * 10 + (10_000 - 79 * 126)
        field.value = "r72 第72份第100条"  # narrowed from the last matches
        await pilot.pause()
        assert [i.bookmark.note for i in screen._shown] == ["第72份第100条"]
        await pilot.press("enter")
        await pilot.pause()
    assert app.result == (reports[72], list(reports[72].measures())[100])


@sync
async def test_a_large_store_shows_that_it_is_reading(tmp_path: Path) -> None:
    reports, path = reports_and_file(tmp_path, INLINE + 1)
    store = BookmarkStore(path, load=False)
    started, release = threading.Event(), threading.Event()
    reload = store.reload

    def slow_reload() -> None:
        started.set()
        release.wait(10)
        reload()

    store.reload = slow_reload  # type: ignore[method-assign]
    app = Host(BookmarksScreen, store, reports)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert started.wait(10)
        screen = app.pushed
        assert screen is not None and screen.reading
        assert "正在读取书签" in str(screen.query_one("#bookmarks-empty", Static).render())
        assert not screen.query_one(RowList).display
        screen.query_one(Input).value = "r1"  # typed while reading: applied once read
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not screen.reading and screen.query_one(RowList).row_count == 126


@pytest.fixture
def file_work(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, bool]]:
    """Every read and write of the bookmark file, and whether it ran on the UI (main) thread."""
    seen: list[tuple[str, bool]] = []
    read, write = BookmarkStore._read, store_module.atomic_write_bytes

    def recorded_read(self: BookmarkStore) -> Any:
        seen.append(("read", threading.current_thread() is threading.main_thread()))
        return read(self)

    def recorded_write(path: Path, data: bytes, **kwargs: bool) -> None:
        seen.append(("write", threading.current_thread() is threading.main_thread()))
        write(path, data, **kwargs)

    monkeypatch.setattr(BookmarkStore, "_read", recorded_read)
    monkeypatch.setattr(store_module, "atomic_write_bytes", recorded_write)
    return seen


@pytest.mark.usefixtures("app_env")
@sync
async def test_the_app_never_reads_or_writes_the_bookmark_file_on_its_ui_thread(
    file_work: list[tuple[str, bool]], bundled: Report
) -> None:
    """Start (the file is read), ``b``, the list (``B``), a note (``e``), a delete (``d``):
    all of it on the bookmark queue's worker."""
    from textual.widgets import TextArea

    app = make_app([bundled])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await press(pilot, "right_square_bracket", "b")  # the first measure: bookmark it
        await press(pilot, "B")
        assert isinstance(app.screen, BookmarksScreen) and app.screen.query_one(RowList).row_count == 1
        await press(pilot, "e")
        app.screen.query_one(TextArea).text = "笔记"
        await press(pilot, "ctrl+s", "d", "y")
        assert app.screen.query_one(RowList).row_count == 0
    assert [what for what, _ in file_work].count("write") == 3
    assert "read" in [what for what, _ in file_work]
    assert not [what for what, on_ui in file_work if on_ui]
