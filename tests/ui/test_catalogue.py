"""The catalogue (issue 17): filter with pinyin, sort, select and open, search the selection,
Esc back, ``L`` from the explorer; the rows of missing files say so."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from app_fixtures import app_env, make_app, sync, wait_ready  # noqa: F401  (app_env: fixture)
from catalogue_fixtures import catalogue_app, library_env, settle  # noqa: F401  (library_env: fixture)

from zimao_tui.document.report import Report
from zimao_tui.store.library import library_path
from zimao_tui.ui.screens.catalogue import CatalogueScreen
from zimao_tui.ui.screens.explorer import ExplorerScreen
from zimao_tui.ui.screens.library_search import LibrarySearchScreen

pytestmark = pytest.mark.usefixtures("library_env")

WUHAN = "武汉自贸片区高质量发展创新举措"
NOTICE = "国务院关于支持自由贸易试验区深化改革创新若干措施的通知"


def titles(screen: CatalogueScreen) -> list[str]:
    return [row.title for row in screen.shown]


@sync
async def test_rows_and_missing() -> None:
    app = catalogue_app(library_path())
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await settle(pilot, index=False)
        assert len(screen.rows) == 4 and titles(screen)[:2] == [WUHAN, NOTICE]
        missing = screen.rows[3]
        assert missing.entry.state == "missing" and missing.state == "缺失"
        assert "〔缺失〕" in screen.table.get_row_at(3)[1].plain  # shown as such, not dropped
        notice = screen.rows[1].cells()
        assert notice[1:4] == ("2018-11-07", "国务院", "txt")
        await pilot.press("G", "enter")  # a missing file cannot be opened: a toast, no explorer
        await pilot.pause()
        assert app.screen is screen and any("无法打开" in n.message for n in app._notifications)
        await pilot.press("question_mark")  # the help lists the catalogue's own keys
        await pilot.pause()
        from zimao_tui.ui.screens.help import HelpScreen, help_rows

        assert isinstance(app.screen, HelpScreen)
        ids = {bid for _, _, bid in help_rows(screen.active_bindings, {})}
        assert {"zimao.catalogue_select", "zimao.catalogue_search", "zimao.catalogue_sort_date"} <= ids
        await pilot.press("escape")
        assert app.screen is screen


@sync
async def test_filter_with_pinyin_and_initials() -> None:
    app = catalogue_app(library_path())
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await settle(pilot)
        await pilot.press("slash", *"gwy")  # 国务院, by its initials: in three titles or issuers
        assert NOTICE in titles(screen) and WUHAN not in titles(screen) and len(screen.shown) == 3
        await pilot.press(*["backspace"] * 3, *"wuhan")
        assert titles(screen) == [WUHAN]
        await pilot.press(*["backspace"] * 5, *"創新")  # traditional characters, folded
        assert WUHAN in titles(screen) and NOTICE in titles(screen)
        await pilot.press(*["backspace"] * 2)
        assert len(screen.shown) == 4
        await pilot.press("escape")  # leaves the filter, not the screen
        assert app.screen is screen and app.focused is screen.table


@sync
async def test_a_burst_of_filter_keys_then_enter_opens_what_the_filter_shows() -> None:
    """``/``, a filter and Enter in one burst (fzf's habit, a paste, a slow SSH link): the keys
    after ``/`` go to the filter (Widget.focus moved the focus only on the next loop, so they
    went to the table), and Enter opens the row the filter leaves, not the row under the
    cursor before the typed keys, queued in the filter's field, were handled (as a priority
    Enter binding did)."""
    from textual import events

    app = catalogue_app(library_path())
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await settle(pilot)
        app.post_message(events.Key("slash", "/"))
        for char in "zfgzbg":  # 政府工作报告 by its initials: not the first row
            app.post_message(events.Key(char, char))  # as the terminal driver posts them
        app.post_message(events.Key("enter", "\r"))
        for _ in range(100):
            if isinstance(app.screen, ExplorerScreen):
                break
            await pilot.pause(0.02)
        assert isinstance(app.screen, ExplorerScreen)
        await wait_ready(pilot)
        assert [r.title for r in app.reports] == ["2025年中华人民共和国国务院政府工作报告"]
        assert screen is not app.screen


@sync
async def test_sort_by_keys_and_header() -> None:
    app = catalogue_app(library_path())
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await settle(pilot, index=False)
        await pilot.press("2")  # date
        dates = [row.entry.date for row in screen.shown]
        known = sorted(d for d in dates if d)
        assert dates == [*known, ""] and screen.sort_column == "date"  # no date: last
        await pilot.press("2")  # again: reversed, and what has no date still last
        assert [row.entry.date for row in screen.shown] == [*reversed(known), ""]
        await pilot.press("5")  # measures, ascending; the missing file's count stays known
        counts = [row.entry.measures for row in screen.shown]
        assert counts == sorted(counts)
        await pilot.click("#cat-table", offset=(4, 0))  # the title column's header
        await pilot.pause()
        assert screen.sort_column == "title" and not screen.reverse


@sync
async def test_select_two_and_open() -> None:
    app = catalogue_app(library_path())
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await settle(pilot, index=False)
        await pilot.press("space", "space")
        assert len(screen.selected) == 2
        await pilot.press("space")  # the cursor moved on: a third
        await pilot.press("up", "space")  # and deselected again
        assert len(screen.selected) == 2
        await pilot.press("enter")
        await wait_ready(pilot)
        assert isinstance(app.screen, ExplorerScreen)
        assert [r.title for r in app.reports] == [WUHAN, NOTICE]
        assert [r.origin for r in app.reports] == [row.entry.path for row in screen.rows[:2]]
        await pilot.press("L")
        assert app.screen is screen and not screen.selected
        await pilot.press("escape")
        assert isinstance(app.screen, ExplorerScreen)


@sync
async def test_search_in_the_selection() -> None:
    app = catalogue_app(library_path())
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await settle(pilot, index=False)
        await pilot.press("down", "space", "s")  # the notice only
        search = app.screen
        assert isinstance(search, LibrarySearchScreen) and search.reports == [screen.rows[1].entry.id]
        await pilot.press(*"自由贸易试验区")
        for _ in range(200):
            await pilot.pause(0.02)
            if search.hits:
                break
        assert search.hits and {hit.report.title for hit in search.hits} == {NOTICE}
        chosen = search.hits[0].measure
        await pilot.press("enter")
        await wait_ready(pilot)
        explorer = app.screen
        assert isinstance(explorer, ExplorerScreen) and [r.title for r in app.reports] == [NOTICE]
        for _ in range(50):
            await pilot.pause(0.02)
            if explorer.detail.entry is not None and explorer.detail.entry.node == chosen:
                break
        assert explorer.detail.entry is not None and explorer.detail.entry.node == chosen


@sync
async def test_search_the_whole_library_and_back() -> None:
    app = catalogue_app(library_path())
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await settle(pilot, index=False)
        await pilot.press("s")
        search = app.screen
        assert isinstance(search, LibrarySearchScreen) and search.reports is None
        await pilot.press(*"zscq")  # 知识产权, by its initials
        for _ in range(200):
            await pilot.pause(0.02)
            if search.hits:
                break
        assert {hit.report.title for hit in search.hits} >= {WUHAN}
        await pilot.press("escape")
        assert app.screen is screen
        await pilot.press("escape")  # nothing open yet: the catalogue stays, with a word
        assert app.screen is screen


@sync
async def test_L_from_the_explorer(bundled: Report) -> None:
    app = make_app([bundled])
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_ready(pilot)
        explorer = app.screen
        await pilot.press("L")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CatalogueScreen) and len(screen.rows) == 4
        await pilot.press("escape")
        assert app.screen is explorer
        await pilot.press("L")
        assert app.screen is screen  # the same catalogue, where it was


@sync
async def test_catalogue_keys_are_remappable() -> None:
    from zimao_tui.store.config import Config

    app = catalogue_app(library_path(), config=Config(keys={"zimao.catalogue_select": "x"}))
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await settle(pilot, index=False)
        await pilot.press("x")
        assert len(screen.selected) == 1
        await pilot.press("space")
        assert len(screen.selected) == 1
        keys = {key: active.binding.id for key, active in app.active_bindings.items()}
        assert keys["x"] == "zimao.catalogue_select" and "space" not in keys  # footer and help read these


@pytest.mark.parametrize("lang", ["en"])
@sync
async def test_english(lang: str) -> None:
    from zimao_tui.i18n import language, set_language

    before = language()
    set_language(lang)
    try:
        app = catalogue_app(library_path())
        async with app.run_test(size=(120, 30)) as pilot:
            screen = await settle(pilot, index=False)
            assert screen.rows[3].state == "missing"
    finally:
        set_language(before)


@sync
async def test_new_files_are_read_in_the_background(tmp_path: Path) -> None:
    """A file the library lists but has not read: a progress bar, the table usable meanwhile,
    and the row filled in when it is read (by a worker process, the UI thread stays free)."""
    from textual.widgets import ProgressBar

    from zimao_tui.store.library import Library

    new = tmp_path / "new.txt"
    new.write_bytes(
        (Path(__file__).parents[1] / "documents" / "24-approval-vocational-council-2018.txt").read_bytes()
    )
    with Library() as library:
        library.register([new])
    app = catalogue_app(library_path())
    async with app.run_test(size=(120, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, CatalogueScreen)
        seen_bar = False
        for _ in range(20):
            await pilot.pause(0.05)
            seen_bar = seen_bar or screen.query_one(ProgressBar).display
        assert screen.reading and screen.rows[-1].entry.state == "pending"
        await pilot.press("5", "space")  # the table answers while the file is read
        assert screen.sort_column == "measures" and len(screen.selected) == 1
        for _ in range(600):
            await pilot.pause(0.05)
            if not screen.reading:
                break
        assert seen_bar and not screen.query_one(ProgressBar).display
        row = next(r for r in screen.rows if r.entry.path == str(new))
        assert row.entry.state == "present" and row.entry.measures and row.title != "new.txt"


@sync
async def test_rows_come_in_batches_after_the_paint(monkeypatch: pytest.MonkeyPatch) -> None:
    """A big catalogue puts its first rows in the table at once, the rest right after."""
    from zimao_tui.ui.screens import catalogue

    monkeypatch.setattr(catalogue, "FIRST_ROWS", 2)
    monkeypatch.setattr(catalogue, "LATER_ROWS", 1)
    app = catalogue_app(library_path())
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await settle(pilot, index=False)
        assert screen.table.row_count == 4
        await pilot.press("G", "space")  # the last row is there to select
        assert screen.selected == {screen.shown[-1].entry.id}
        await pilot.press("2")
        await pilot.pause()
        assert screen.table.row_count == 4 and screen.table.cursor_row == 0


@sync
async def test_quitting_while_reading_ends_the_child(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Quitting mid-read ends the reading child at once; the file is read next time."""
    import subprocess

    from zimao_tui.search import library_reader
    from zimao_tui.store.library import Library

    started: list[subprocess.Popen[bytes]] = []
    real = subprocess.Popen

    def recorded(*args: object, **kwargs: object) -> subprocess.Popen[bytes]:
        started.append(real(*args, **kwargs))  # type: ignore[call-overload]
        return started[-1]

    monkeypatch.setattr(library_reader.subprocess, "Popen", recorded)
    new = tmp_path / "big.txt"
    new.write_bytes((Path(__file__).parents[1] / "documents" / "g11-law-criminal-2023.txt").read_bytes())
    with Library() as library:
        library.register([new])
    app = catalogue_app(library_path())
    async with app.run_test(size=(120, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, CatalogueScreen)
        for _ in range(100):
            await pilot.pause(0.02)
            if started:
                break
        assert started and started[0].poll() is None  # reading
        began = time.monotonic()
        await app.action_quit()
    assert started[0].wait(timeout=10) is not None and time.monotonic() - began < 6
    with Library() as library:
        assert [e.state for e in library.entries() if e.path == str(new)] == ["pending"]


@sync
async def test_palette_and_theme_work_on_the_catalogue() -> None:
    """The app-wide keys work with no explorer open (the palette's commands need none)."""
    app = catalogue_app(library_path())
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await settle(pilot, index=False)
        theme = app.theme
        await pilot.press("t")
        assert app.theme != theme
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"gwy")
        await pilot.pause(0.2)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen


@sync
async def test_rows_are_filled_in_while_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With many files to read, the rows read so far get their titles before the end."""
    from zimao_tui.store.library import Library
    from zimao_tui.ui.screens import catalogue

    monkeypatch.setattr(catalogue, "RELOAD_EVERY", 1)
    docs = Path(__file__).parents[1] / "documents"
    files = []
    for name in ("23-letter-badong-geohazard-2004.txt", "24-approval-vocational-council-2018.txt"):
        files.append(tmp_path / name)
        files[-1].write_bytes((docs / name).read_bytes())
    with Library() as library:
        library.register(files)
    app = catalogue_app(library_path())
    async with app.run_test(size=(120, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, CatalogueScreen)
        reloads: list[int] = []
        real = screen.reload
        monkeypatch.setattr(screen, "reload", lambda index=True: (reloads.append(index), real(index)))
        for _ in range(100):  # the reading starts right after the first paint
            await pilot.pause(0.02)
            if screen.reading:
                break
        for _ in range(600):
            await pilot.pause(0.05)
            if not screen.reading:
                break
        assert False in reloads and reloads[-1] is True  # during the reading, then at the end
        assert {r.entry.state for r in screen.rows if r.entry.path in map(str, files)} == {"present"}
