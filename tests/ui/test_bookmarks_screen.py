"""The bookmarks screen and the note dialog, driven with Pilot on a tiny host app."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hosts import NOT_DISMISSED, Host, snapshot_sizes, sync
from textual.pilot import Pilot
from textual.widgets import Button, Input, Static, TextArea

from zimao_tui.document.parse import load_report
from zimao_tui.document.report import Measure, Report
from zimao_tui.store.bookmarks import Bookmark, BookmarkError, BookmarkStore, ReadOnlyError
from zimao_tui.ui.dialogs.confirm import ConfirmDialog
from zimao_tui.ui.dialogs.note import NoteDialog
from zimao_tui.ui.screens.bookmarks import BookmarksScreen
from zimao_tui.ui.text.errors import error_text
from zimao_tui.ui.textual_compat import notifications
from zimao_tui.ui.widgets.row_list import RowList


async def settle(pilot: Pilot[None]) -> None:
    """Let a change land: it runs on the bookmark queue's worker, then redraws the list."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def m(report: Report, measure_id: str) -> Measure:
    node = report.node(measure_id)
    assert isinstance(node, Measure)
    return node


@pytest.fixture
def store(tmp_path: Path, bundled: Report) -> BookmarkStore:
    """Three bookmarks, one of them orphaned in the edited copy used by some tests."""
    s = BookmarkStore(tmp_path / "bookmarks.toml")
    s.update(bundled, m(bundled, "1.2.2"), "改革成果复制推广\n第二行", ["成果", "复制推广"])
    s.update(bundled, m(bundled, "3.2.5"), "生物产业园区", ["生物"])
    s.update(bundled, m(bundled, "5.3.4"), "首条拉美货运航线", ["物流"])
    return s


@sync
async def test_lists_every_bookmark_and_enter_returns_the_measure(
    store: BookmarkStore, bundled: Report
) -> None:
    app = Host(BookmarksScreen, store, [bundled])
    async with app.opened() as (pilot, screen):
        listing = screen.query_one(RowList)
        assert listing.row_count == 3 and listing.has_focus
        await pilot.press("down", "enter")
        await pilot.pause()
    assert app.result == (bundled, m(bundled, "3.2.5"))


@sync
async def test_a_click_on_a_row_jumps_to_its_measure(store: BookmarkStore, bundled: Report) -> None:
    app = Host(BookmarksScreen, store, [bundled])
    async with app.opened() as (pilot, screen):
        listing = screen.query_one(RowList)
        await pilot.click(RowList, offset=(5, 11))  # rows of 4 lines and a rule: the third
        await pilot.pause()
        assert listing.highlighted == 2
    assert app.result == (bundled, m(bundled, "5.3.4"))


@sync
async def test_an_edited_note_is_redrawn_not_taken_from_the_row_drawn_before(
    store: BookmarkStore, bundled: Report
) -> None:
    app = Host(BookmarksScreen, store, [bundled])
    async with app.opened() as (pilot, screen):
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one(TextArea).text = "全新的笔记"
        await pilot.press("ctrl+s")
        await settle(pilot)
        drawn = "".join(str(screen.query_one(RowList).render_line(y).text) for y in range(4))
        assert "全新的笔记" in drawn and "改革成果复制推广" not in drawn


@sync
async def test_filter_as_you_type(store: BookmarkStore, bundled: Report) -> None:
    app = Host(BookmarksScreen, store, [bundled])
    async with app.opened() as (pilot, screen):
        await pilot.press("slash")
        assert screen.query_one(Input).has_focus
        await pilot.press(*"wuliu")  # no match: latin letters
        await pilot.pause()
        assert screen.query_one(RowList).row_count == 0
        assert "wuliu" in str(screen.query_one("#bookmarks-empty", Static).render())
        screen.query_one(Input).value = "航线"  # Chinese arrives as text from the IME
        await pilot.pause()
        assert [i.bookmark.note for i in screen._shown] == ["首条拉美货运航线"]
        screen.query_one(Input).value = "复制 成果"  # two words, both must match
        await pilot.pause()
        assert [i.measure.id for i in screen._shown if i.measure] == ["1.2.2"]
        await pilot.press("enter")  # jumps to the highlighted (here: only) bookmark
        await pilot.pause()
    assert app.result == (bundled, m(bundled, "1.2.2"))


@sync
async def test_delete_asks_first(store: BookmarkStore, bundled: Report) -> None:
    app = Host(BookmarksScreen, store, [bundled])
    async with app.opened() as (pilot, screen):
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert len(BookmarkStore(store.path).bookmarks) == 3
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        assert app.screen is screen
        assert screen.query_one(RowList).row_count == 2
    assert sorted(b.measure_id for b in BookmarkStore(store.path).bookmarks) == ["3.2.5", "5.3.4"]


@sync
async def test_delete_names_the_note_only_when_there_is_one(tmp_path: Path, bundled: Report) -> None:
    store = BookmarkStore(tmp_path / "bookmarks.toml")
    store.update(bundled, m(bundled, "1.2.2"), "", [])  # a bare bookmark: no note, no tags
    store.update(bundled, m(bundled, "3.2.5"), "生物产业园区", [])
    app = Host(BookmarksScreen, store, [bundled])
    async with app.opened() as (pilot, _):
        asked = []
        for _ in range(2):
            await pilot.press("d")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmDialog)
            asked.append(str(app.screen.query_one("#confirm-question", Static).render()))
            await pilot.press("n", "down")
            await pilot.pause()
    assert asked == ["删除这条书签？", "删除这条书签和它的笔记？"]


@sync
async def test_edit_note_through_the_dialog(store: BookmarkStore, bundled: Report) -> None:
    app = Host(BookmarksScreen, store, [bundled])
    async with app.opened() as (pilot, screen):
        await pilot.press("down", "e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, NoteDialog)
        area = dialog.query_one(TextArea)
        assert area.text == "生物产业园区" and area.has_focus
        await pilot.press("enter", *"ok")
        dialog.query_one("#note-tags", Input).value = "生物，园区 新标签"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
    bm = BookmarkStore(store.path).get(bundled, m(bundled, "3.2.5"))
    assert bm is not None
    assert (bm.note, bm.tags) == ("生物产业园区\nok", ("生物", "园区", "新标签"))


@sync
async def test_escape_closes_with_none_and_q_too(store: BookmarkStore, bundled: Report) -> None:
    for key in ("escape", "q"):
        app = Host(BookmarksScreen, store, [bundled])
        async with app.opened() as (pilot, _):
            await pilot.press(key)
            await pilot.pause()
        assert app.result is None


@sync
async def test_escape_in_the_filter_clears_it_and_returns_to_the_list(
    store: BookmarkStore, bundled: Report
) -> None:
    app = Host(BookmarksScreen, store, [bundled])
    async with app.opened() as (pilot, screen):
        await pilot.press("slash", *"wuliu")
        await pilot.pause()
        assert screen.query_one(RowList).row_count == 0
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen  # still open
        assert screen.query_one(Input).value == ""
        assert screen.query_one(RowList).has_focus
        assert screen.query_one(RowList).row_count == 3
        await pilot.press("escape")  # on the list: closes
        await pilot.pause()
        assert app.screen is not screen
    assert app.result is None


@sync
async def test_orphans_are_marked_and_cannot_be_jumped_to(
    store: BookmarkStore, bundled: Report, tmp_path: Path
) -> None:
    source = Path(bundled.origin).read_text(encoding="utf-8")
    edited = tmp_path / "edited.txt"
    edited.write_text(source.replace("这是目前中国内地开通至拉丁美洲的首条货运航线。", ""), encoding="utf-8")
    copy = load_report(edited)
    app = Host(BookmarksScreen, store, [copy])
    async with app.opened() as (pilot, screen):
        assert [i.status for i in screen._shown] == ["resolved", "resolved", "orphaned"]
        await pilot.press("end", "enter")
        await pilot.pause()
        assert app.screen is screen  # not dismissed
        assert any("无法跳转" in n.message for n in notifications(app))
        await pilot.press("d", "y")  # but it can be deleted
        await settle(pilot)
        assert screen.query_one(RowList).row_count == 2


@sync
async def test_note_dialog_cancel_and_save(bundled: Report) -> None:
    app = Host(NoteDialog, "旧笔记", ["a", "b"], "一条很长的措施原文" * 10)
    async with app.opened(size=(80, 24)) as (pilot, dialog):
        await pilot.press("escape")  # nothing typed: closes at once
        await pilot.pause()
    assert app.result is None
    app = Host(NoteDialog, "旧笔记", ["a", "b"], "一条很长的措施原文" * 10)
    async with app.opened(size=(80, 24)) as (pilot, dialog):
        await pilot.press("x", "escape")  # typed something: Esc asks before throwing it away
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog) and app.result is NOT_DISMISSED
        assert str(app.screen.query_one("#confirm-yes", Button).label) == "放弃 (y)"
        await pilot.press("n")  # keep it: back in the dialog with the draft
        await pilot.pause()
        assert app.screen is dialog
        assert dialog.query_one("#note-text", TextArea).text == "旧笔记x"
        await pilot.press("escape", "y")  # discard it
        await pilot.pause()
    assert app.result is None
    app = Host(NoteDialog, "", [], "措施")
    async with app.opened(size=(80, 24)) as (pilot, _):
        await pilot.press(*"note")
        await pilot.click("#note-save")
        await pilot.pause()
    assert app.result == ("note", [])


@sync
async def test_empty_store_says_how_to_add(tmp_path: Path, bundled: Report) -> None:
    app = Host(BookmarksScreen, BookmarkStore(tmp_path / "none.toml"), [bundled])
    async with app.opened(size=(80, 24)) as (pilot, screen):
        assert "按 b" in str(screen.query_one("#bookmarks-empty", Static).render())
        await pilot.press("enter", "d", "e")  # nothing selected: warnings, no crash
        await pilot.pause()
        assert app.screen is screen


@snapshot_sizes
def test_snapshot_bookmarks_screen(
    snap_compare: Any, store: BookmarkStore, bundled: Report, size: tuple[int, int]
) -> None:
    orphan = Bookmark.new(bundled, m(bundled, "2.1.7"), "这句话后来被删掉了", ["待核实"])
    store.set_note(
        replace(orphan, text="一句已从报告中删除的话。", fingerprint="0"), orphan.note, orphan.tags
    )
    assert snap_compare(Host(BookmarksScreen, store, [bundled]), terminal_size=size)


@snapshot_sizes
def test_snapshot_note_dialog(snap_compare: Any, bundled: Report, size: tuple[int, int]) -> None:
    measure = m(bundled, "3.2.6")  # a long one: the title is cut with an ellipsis
    app = Host(NoteDialog, "生物产业园区\n第二行笔记", ["生物", "园区"], measure.text)
    assert snap_compare(app, terminal_size=size)


@sync
async def test_a_read_only_store_says_so_in_the_interface_language(
    store: BookmarkStore, bundled: Report
) -> None:
    """No exception class name and no English sentence in the Chinese UI; the path comes last."""
    text = store.path.read_text(encoding="utf-8").replace("schema_version = 1", "schema_version = 7")
    store.path.write_text(text, encoding="utf-8")
    read_only = BookmarkStore(store.path)
    assert read_only.read_only
    app = Host(BookmarksScreen, read_only, [bundled])
    async with app.opened() as (pilot, _):
        await pilot.press("d", "y")
        await pilot.pause()
        [note] = [n.message for n in notifications(app)]
    assert note.startswith("书签文件由更新版本的 zimao-tui 写入（schema_version = 7）")
    assert note.endswith(f"文件：{store.path}") and "Error" not in note
    assert store.path.read_text(encoding="utf-8") == text


def test_error_text_for_an_unreadable_store_and_other_errors(tmp_path: Path) -> None:
    unreadable = ReadOnlyError(tmp_path / "bookmarks.toml", None)
    assert (
        error_text(unreadable)
        == f"书签文件无法读取，只能查看，修改未保存。文件：{tmp_path / 'bookmarks.toml'}"
    )
    assert error_text(BookmarkError("another zimao-tui holds the lock")) == "another zimao-tui holds the lock"
