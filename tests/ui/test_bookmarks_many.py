"""The bookmarks list stays usable with thousands of bookmarks: rows are built for the first
ROW_LIMIT matches only, and the filter reaches the rest (benchmarks/bookmarks.py measures it)."""

from __future__ import annotations

from pathlib import Path

from hosts import Host, sync
from textual.widgets import Input, OptionList

from zimao_tui.document.parse import parse_text
from zimao_tui.document.report import Report
from zimao_tui.paths import bundled_report
from zimao_tui.store.bookmarks import Bookmark, BookmarkStore, dumps
from zimao_tui.ui.screens.bookmarks import ROW_LIMIT, BookmarksScreen


def reports_and_store(tmp_path: Path, copies: int) -> tuple[list[Report], BookmarkStore]:
    title, _, body = bundled_report().read_text(encoding="utf-8").partition("\n")
    reports = [parse_text(f"{title}（{n}）\n{body}") for n in range(copies)]
    marks = [
        Bookmark.new(r, m, f"第{n}份第{i}条", [f"r{n}"])
        for n, r in enumerate(reports)
        for i, m in enumerate(r.measures())
    ]
    path = tmp_path / "bookmarks.toml"
    path.write_text(dumps(marks), encoding="utf-8")
    return reports, BookmarkStore(path)


@sync
async def test_a_long_list_builds_rows_for_the_first_matches_and_the_filter_reaches_the_rest(
    tmp_path: Path,
) -> None:
    reports, store = reports_and_store(tmp_path, 3)
    total = len(store.bookmarks)
    assert total > ROW_LIMIT + 100
    app = Host(BookmarksScreen, store, reports)
    async with app.opened() as (pilot, screen):
        listing = screen.query_one(OptionList)
        assert len(screen._shown) == ROW_LIMIT
        assert listing.option_count == ROW_LIMIT + 1  # the rows, then "N more"
        more = listing.get_option_at_index(ROW_LIMIT)
        assert more.disabled and str(total - ROW_LIMIT) in str(more.prompt)
        assert f"{total}" in str(screen.query_one("#bookmarks-title").render())
        await pilot.press("end")  # the cursor stays on bookmarks, never on the "more" line
        await pilot.pause()
        assert screen.current is screen._shown[-1]
        screen.query_one(Input).value = "r2 第2份第100条"  # a bookmark far past the first rows
        await pilot.pause()
        assert [i.bookmark.note for i in screen._shown] == ["第2份第100条"]
        assert listing.option_count == 1
        await pilot.press("enter")
        await pilot.pause()
    assert app.result is not None and app.result[0] is reports[2]
