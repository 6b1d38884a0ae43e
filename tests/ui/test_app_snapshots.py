"""Snapshots of the explorer at 80x24 and 140x42: main screen, search, a measure, help, bookmarks.

Each scene waits for the index worker so the pictures never depend on timing; the theme
is fixed (zimao-paper) and user directories live in tmp_path.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from app_fixtures import app_env, make_app, wait_ready  # noqa: F401  (app_env is a fixture)
from textual.pilot import Pilot

from zimao_tui.document.report import Measure, Report

pytestmark = pytest.mark.usefixtures("app_env")

SIZES = [(80, 24), (140, 42)]


async def _ready(pilot: Pilot[None]) -> None:
    await wait_ready(pilot)


def scene(*keys: str, typed: str = "") -> Callable[[Pilot[None]], Awaitable[None]]:
    """Wait for the index, press ``keys``, type ``typed``, then settle."""

    async def run_before(pilot: Pilot[None]) -> None:
        await _ready(pilot)
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        if typed:
            await pilot.press(*typed)
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_main_screen(snap_compare, bundled: Report, size: tuple[int, int]) -> None:
    assert snap_compare(make_app([bundled]), terminal_size=size, run_before=scene())


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_search_results(snap_compare, bundled: Report, size: tuple[int, int]) -> None:
    assert snap_compare(make_app([bundled]), terminal_size=size, run_before=scene("slash", typed="人才"))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_measure_from_search(snap_compare, bundled: Report, size: tuple[int, int]) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await scene("slash", typed="人才")(pilot)
        await pilot.press("down", "enter")
        await pilot.pause()
        await pilot.pause()

    assert snap_compare(make_app([bundled]), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_help(snap_compare, bundled: Report, size: tuple[int, int], monkeypatch: pytest.MonkeyPatch) -> None:
    # The help names the config file; a fixed (never written) path keeps the picture stable.
    monkeypatch.setenv("ZIMAO_TUI_CONFIG_DIR", "/home/user/.config/zimao-tui")
    assert snap_compare(make_app([bundled]), terminal_size=size, run_before=scene("question_mark"))


def test_help_with_a_toast(snap_compare, bundled: Report, monkeypatch: pytest.MonkeyPatch) -> None:
    """A toast over the help sits inside the help box, clear of its border (it drew over the
    box's right and bottom edges)."""
    monkeypatch.setenv("ZIMAO_TUI_CONFIG_DIR", "/home/user/.config/zimao-tui")

    async def run_before(pilot: Pilot[None]) -> None:
        await scene("question_mark")(pilot)
        pilot.app.notify("已复制 126 字（OSC\u00a052 与 xclip），可在其他窗口粘贴", timeout=60)
        await pilot.pause()
        await pilot.pause()

    assert snap_compare(make_app([bundled]), terminal_size=(80, 24), run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_bookmarks(snap_compare, bundled: Report, size: tuple[int, int]) -> None:
    app = make_app([bundled])
    for measure_id in ("2.3.5", "4.1.4"):
        measure = bundled.node(measure_id)
        assert isinstance(measure, Measure)
        app.bookmarks.toggle(bundled, measure)
    assert snap_compare(app, terminal_size=size, run_before=scene("B"))
