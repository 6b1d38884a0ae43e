"""The figures screen: sort, filter, chart, Enter jumps; Pilot on a tiny host app, then snapshots."""

from __future__ import annotations

from typing import Any

from hosts import Host, snapshot_sizes, sync
from textual.widgets import DataTable, Input, Static

from zimao_tui.model.report import Measure, Report
from zimao_tui.ui.screens.figures import FigureChart, FiguresScreen, bar, chart, figure_rows


def raws(screen: FiguresScreen) -> list[str]:
    return [r.figure.raw for r in screen.shown]


def select_header(table: DataTable[Any], index: int) -> None:
    """What a click on the header of column ``index`` posts (the header-click test clicks for real)."""
    column = table.ordered_columns[index]
    table.post_message(DataTable.HeaderSelected(table, column.key, index, column.label))


@sync
async def test_opens_in_report_order_and_enter_jumps(bundled: Report) -> None:
    app = Host(FiguresScreen, [bundled])
    async with app.opened() as (pilot, screen):
        table = screen.query_one(DataTable)
        assert table.row_count == 75 and table.has_focus
        assert raws(screen)[:3] == ["十余项", "2021年", "97项"]
        await pilot.press("down", "down", "enter")
        await pilot.pause()
    report, measure = app.result
    assert report is bundled and isinstance(measure, Measure) and measure.id == "1.2.2"


@sync
async def test_sort_by_key_and_header(bundled: Report) -> None:
    app = Host(FiguresScreen, [bundled])
    async with app.opened() as (pilot, screen):
        await pilot.press("s", "s")  # measure order -> raw -> value
        assert screen.sort_column == "value" and not screen.reverse
        money = [r.figure for r in screen.shown if r.figure.kind == "money"]
        assert [f.value for f in money] == sorted(f.value for f in money)
        await pilot.press("r")
        assert screen.reverse and screen.shown[0].figure.kind == "date"
        table = screen.query_one(DataTable)
        select_header(table, 2)
        await pilot.pause()
        assert screen.sort_column == "unit" and not screen.reverse
        select_header(table, 2)
        await pilot.pause()
        assert screen.sort_column == "unit" and screen.reverse
        title = str(screen.query_one("#fig-title", Static).render())
        assert "排序：单位 ↓" in title


@sync
async def test_header_click_sorts(bundled: Report) -> None:
    app = Host(FiguresScreen, [bundled])
    async with app.opened() as (pilot, screen):
        table = screen.query_one(DataTable)
        x = sum(c.get_render_width(table) for c in table.ordered_columns[:1]) + 2  # inside 数值
        await pilot.click(DataTable, offset=(x, 0))
        await pilot.pause()
        assert screen.sort_column == "value"


@sync
async def test_filter_by_kind_unit_and_chapter(bundled: Report) -> None:
    app = Host(FiguresScreen, [bundled])
    async with app.opened() as (pilot, screen):
        await pilot.press("slash")
        assert screen.query_one(Input).has_focus
        await pilot.press(*"金额")
        assert len(screen.shown) == 13 and {r.figure.kind for r in screen.shown} == {"money"}
        await pilot.press("space", *"五、")
        assert raws(screen) == ["约1600万元", "10亿元"]
        assert "2 / 75" in str(screen.query_one("#fig-title", Static).render())
        chart_text = str(screen.query_one(FigureChart).render())
        assert "五、开放水平" in chart_text and "二、" not in chart_text
        await pilot.press("enter")  # back to the table, then Enter jumps to the highlighted row
        assert screen.query_one(DataTable).has_focus
        await pilot.press("down", "enter")
        await pilot.pause()
    assert app.result[1].id == "5.2.9"


@sync
async def test_filter_by_unit_and_hedging(bundled: Report) -> None:
    app = Host(FiguresScreen, [bundled])
    async with app.opened() as (pilot, screen):
        screen.query_one(Input).value = "家 ≈"
        await pilot.pause()
        assert raws(screen) == ["300余家", "近200家", "约200家", "超200家", "逾50家"]
        screen.query_one(Input).value = "nothing-matches"
        await pilot.pause()
        assert screen.shown == [] and screen.query_one(DataTable).row_count == 0
        await pilot.press("escape")
        await pilot.pause()
    assert app.result is None


def test_chart_sums_money_per_chapter(bundled: Report) -> None:
    rows = figure_rows([bundled])
    text = str(chart(rows, 80))
    lines = text.splitlines()
    assert len(lines) == 6  # header + five chapters, in report order
    assert lines[1].startswith("一、") and lines[5].startswith("五、")
    assert "1.175万亿" in lines[3] and lines[3].rstrip().endswith("18")
    assert "–" in lines[1]  # chapter one cites no money
    assert bar(1, 1, 10) == "█" * 10 and bar(1, 2, 1) == "▌" and bar(0, 5, 10) == ""


@sync
async def test_several_reports_get_a_report_column(bundled: Report) -> None:
    async with Host(FiguresScreen, [bundled, bundled]).opened() as (_, screen):
        table = screen.query_one(DataTable)
        assert table.row_count == 150 and str(table.ordered_columns[0].label) == "报告"


@snapshot_sizes
def test_snapshot_figures_screen(snap_compare: Any, bundled: Report, size: tuple[int, int]) -> None:
    assert snap_compare(Host(FiguresScreen, [bundled]), terminal_size=size, press=["s", "s"])
