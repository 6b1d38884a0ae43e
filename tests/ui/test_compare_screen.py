"""The compare and trends screens: key flows in the real app, then snapshots at 80x24 and wide."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from app_fixtures import app_env, make_app, sync  # noqa: F401  (app_env is a fixture)
from hosts import Host, snapshot_sizes
from textual.widgets import Input, OptionList, Static

from zimao_tui.document.parse import load_report
from zimao_tui.document.report import Report
from zimao_tui.insights.citation import cite
from zimao_tui.insights.compare import compare
from zimao_tui.ui.screens.compare import CompareScreen
from zimao_tui.ui.screens.trends import TrendsScreen
from zimao_tui.ui.textual_compat import notifications

DATA = Path(__file__).parents[1] / "data" / "compare"
pytestmark = pytest.mark.usefixtures("app_env")


@pytest.fixture(scope="module")
def pair() -> tuple[Report, Report]:
    return load_report(DATA / "a.txt"), load_report(DATA / "b.txt")


def _detail(screen: CompareScreen) -> str:
    return str(screen.query_one("#cmp-detail", Static).render())


@sync
async def test_compare_from_the_explorer_step_filter_copy_bookmark_jump(
    pair: tuple[Report, Report],
) -> None:
    older, newer = pair
    app = make_app([newer, older])  # opened in any order: compare puts the older first
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("D")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert screen.comparison.a is older and screen.comparison.b is newer
        current = screen.current
        assert current is not None and current.status == "changed"
        assert "7000" in _detail(screen) and "7350" in _detail(screen)
        await pilot.press("n", "n", "n")  # 3%->2%, 困难->问题, then the dropped 互联网+ measure
        current = screen.current
        assert current is not None and current.status == "dropped"
        await pilot.press("c")  # side B: this one has no B text
        assert "B（新）" in str(notifications(app)[-1].message)
        await pilot.press("tab", "c")
        assert app.clipboard == current.a.text if current.a else False
        await pilot.press("C")
        assert current.a is not None and app.clipboard == cite(older, current.a)
        await pilot.press("b")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.bookmarks.get(older, current.a) is not None
        await pilot.press("s")  # every change: the 2 same pairs leave the list
        assert len(screen.shown) == len(screen.comparison.pairs) - 2
        await pilot.press("s")  # changed only
        assert {p.status for p in screen.shown} == {"changed"}
        await pilot.press("N")  # at the first: no previous change
        assert "没有更多变化了" in str(notifications(app)[-1].message)
        await pilot.press("tab", "enter")  # side B again: jump to the measure in the newer report
        await pilot.pause()
        assert not isinstance(app.screen, CompareScreen)
        entry = app.screen.detail.entry  # type: ignore[attr-defined]
        assert entry.report is newer and entry.node.text.startswith("今年中央预算内投资拟安排7350亿元")


@sync
async def test_enter_on_side_a_jumps_to_the_older_report(pair: tuple[Report, Report]) -> None:
    older, newer = pair
    app = make_app([older, newer])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("D")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        chapters = [str(o.prompt) for o in screen.pairs_list.options if o.disabled]
        assert chapters[1].startswith("二、重点工作 =1 ~1 +2 -1  原为 二、重点任务")  # per-chapter counts
        await pilot.press("tab", "enter")
        await pilot.pause()
        entry = app.screen.detail.entry  # type: ignore[attr-defined]
        assert entry.report is older and entry.node.text == "今年中央预算内投资拟安排7000亿元。"


@sync
async def test_compare_needs_two_reports(bundled: Report) -> None:
    app = make_app([bundled])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("D")
        await pilot.pause()
        assert not isinstance(app.screen, CompareScreen)
        assert "至少两份报告" in str(notifications(app)[-1].message)


@sync
async def test_trends_view_counts_typed_terms(pair: tuple[Report, Report]) -> None:
    older, newer = pair
    app = make_app([newer, older])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("R")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TrendsScreen)
        assert {t.term for t in screen.found} >= {"新质生产力", "互联网+政务服务"}
        await pilot.press("slash")
        assert screen.query_one(Input).has_focus
        await pilot.press(*"困难 挑战", "enter")
        assert [(t.term, t.counts) for t in screen.found] == [("困难", (1, 0)), ("挑战", (1, 1))]
        assert screen.query_one(OptionList).has_focus
        chart = str(screen.query_one("#trd-chart", Static).render())
        assert "首次出现：示范区工作报告（2022年）" in chart and "█" in chart
        await pilot.press("down")
        assert "挑战" in str(screen.query_one("#trd-chart", Static).render())
        await pilot.press("escape")
        assert not isinstance(app.screen, TrendsScreen)


def _noop(*_: Any) -> None:
    return None


@snapshot_sizes
def test_snapshot_compare_screen(
    snap_compare: Any, pair: tuple[Report, Report], size: tuple[int, int]
) -> None:
    assert snap_compare(Host(CompareScreen, compare(*pair), _noop), terminal_size=size, press=["n", "n"])


@snapshot_sizes
def test_snapshot_trends_view(snap_compare: Any, pair: tuple[Report, Report], size: tuple[int, int]) -> None:
    assert snap_compare(Host(TrendsScreen, list(pair)), terminal_size=size)
