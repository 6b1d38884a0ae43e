"""The figures screen: sort, filter, chart, Enter jumps; Pilot on a tiny host app, then snapshots."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hosts import Host, snapshot_sizes, sync
from rich.cells import cell_len
from textual.widgets import DataTable, Input, Static

from zimao_tui.document.parse import load_report
from zimao_tui.document.report import Measure, Report
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
        await pilot.press("down")  # to the table, then Enter jumps to the highlighted row
        assert screen.query_one(DataTable).has_focus
        await pilot.press("down", "enter")
        await pilot.pause()
    assert app.result[1].id == "5.2.9"


@sync
async def test_enter_in_the_filter_jumps_to_the_first_row(bundled: Report) -> None:
    app = Host(FiguresScreen, [bundled])
    async with app.opened() as (pilot, screen):
        await pilot.press("slash", *"金额", "space", *"五、")
        assert raws(screen)[0] == "约1600万元"
        first = screen.shown[0].measure
        await pilot.press("enter")
        await pilot.pause()
    assert app.result[1] is first


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


def test_chart_counts_figures_and_shows_the_largest_sum_never_a_total(bundled: Report) -> None:
    rows = figure_rows([bundled])
    text = str(chart(rows, 80))
    lines = text.splitlines()
    assert len(lines) == 6  # header + five chapters, in report order
    assert lines[1].startswith("一、") and lines[5].startswith("五、")
    # Chapter three: 近万亿 (an industry's size), 突破千亿 (investment), 超750亿元 (output) are
    # not one quantity; the chart shows the largest, as the report words it, and never their
    # sum (issue 15: it used to say 1.175万亿).
    assert "1万亿元 (近万亿)" in lines[3] and " 18  " in lines[3]
    assert "1.175万亿" not in text
    assert lines[1].rstrip().endswith("–")  # chapter one cites no money
    assert bar(1, 1, 10) == "█" * 10 and bar(1, 2, 1) == "▌" and bar(0, 5, 10) == ""


@sync
async def test_several_reports_get_a_report_column(bundled: Report) -> None:
    async with Host(FiguresScreen, [bundled, bundled]).opened() as (_, screen):
        table = screen.query_one(DataTable)
        assert table.row_count == 150 and str(table.ordered_columns[0].label) == "报告"


@pytest.fixture
def two_reports(bundled: Report, data_dir: Path) -> list[Report]:
    """The bundled report and a small one: both have a chapter "一、…" with figures."""
    return [bundled, load_report(data_dir / "fullwidth.txt")]


def test_chart_names_each_report_when_several_are_open(two_reports: list[Report]) -> None:
    first, second = two_reports
    rows = figure_rows(two_reports)
    lines = str(chart(rows, 80, with_reports=True)).splitlines()
    assert lines[1] == f"《{first.title}》" and lines[7] == f"《{second.title}》"
    assert [line[:2] for line in lines[2:7]] == ["一、", "二、", "三、", "四、", "五、"]
    assert lines[8].startswith("一、优化") and lines[8].rstrip().endswith("   3  –")
    assert lines[9].startswith("二、扩大") and len(lines) == 10
    # One report left by the filter: still named, the chapter label alone does not say which.
    only_second = [r for r in rows if r.report is second]
    assert str(chart(only_second, 80, with_reports=True)).splitlines()[1] == f"《{second.title}》"
    # One report open: no title line, as before.
    assert "《" not in str(chart(figure_rows([second]), 80))
    # A title longer than the chart is cut to its width.
    titles = [line for line in str(chart(rows, 20, with_reports=True)).splitlines() if line.startswith("《")]
    assert titles == [f"《{first.title}"[:10], f"《{second.title}"[:10]] and all(
        cell_len(t) == 20 for t in titles
    )


@sync
async def test_several_reports_chart_follows_the_filter(two_reports: list[Report]) -> None:
    first, second = two_reports
    async with Host(FiguresScreen, two_reports).opened() as (pilot, screen):
        figure_chart = screen.query_one(FigureChart)
        assert figure_chart.with_reports and figure_chart.size.height == 10
        text = str(figure_chart.render())
        assert f"《{first.title}》" in text and f"《{second.title}》" in text
        screen.query_one(Input).value = "12.5%"
        await pilot.pause()
        assert str(figure_chart.render()).splitlines()[1:] == [
            f"《{second.title}》",
            str(chart(screen.shown, figure_chart.size.width, True)).splitlines()[2],
        ]
        assert figure_chart.size.height == 3


@snapshot_sizes
def test_snapshot_figures_screen(snap_compare: Any, bundled: Report, size: tuple[int, int]) -> None:
    assert snap_compare(Host(FiguresScreen, [bundled]), terminal_size=size, press=["s", "s"])


@snapshot_sizes
def test_snapshot_figures_two_reports(
    snap_compare: Any, two_reports: list[Report], size: tuple[int, int]
) -> None:
    assert snap_compare(Host(FiguresScreen, two_reports), terminal_size=size)
