"""Pilot tests of issue 15's keys: jump list, reading view, live preview, focus, vim keys, bugs.

Expectations come from the bundled report as read: chapter 二 (id 2) has section (三) (2.3)
on talent, whose measures 2.3.1-2.3.6 mention 人才; chapter 一 opens expanded at start-up.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from app_fixtures import app_env, make_app, sync, wait_ready  # noqa: F401  (app_env is a fixture)
from textual.geometry import Offset
from textual.pilot import Pilot
from textual.selection import Selection

from zimao_tui.document.parse import load_report
from zimao_tui.document.report import Heading, Measure, Report
from zimao_tui.insights.citation import cite
from zimao_tui.ui.app import ZimaoApp
from zimao_tui.ui.screens.explorer import ExplorerScreen
from zimao_tui.ui.screens.figures import FiguresScreen
from zimao_tui.ui.screens.help import HelpBody, HelpScreen
from zimao_tui.ui.screens.reading import ReadingBody, ReadingScreen
from zimao_tui.ui.textual_compat import notifications
from zimao_tui.ui.widgets.detail import ChineseText, DetailPane
from zimao_tui.ui.widgets.report_tree import ReportTree
from zimao_tui.ui.widgets.search_bar import SearchBar

pytestmark = pytest.mark.usefixtures("app_env")

SIZE = (100, 32)


def shown(app: ZimaoApp) -> Heading | Measure | None:
    entry = app.query_one(DetailPane).entry
    return entry.node if entry is not None else None


def expanded(app: ZimaoApp, report: Report, node_id: str) -> bool:
    tree = app.query_one(ReportTree)
    return any(
        n.data is not None and n.data.node is not None and n.data.node.id == node_id and n.is_expanded
        for n in _walk(tree.root)
    )


def _walk(node):  # type: ignore[no-untyped-def]
    for child in node.children:
        yield child
        yield from _walk(child)


async def press(pilot: Pilot[None], *keys: str) -> None:
    for key in keys:
        await pilot.press(key)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def search(pilot: Pilot[None], query: str) -> SearchBar:
    await press(pilot, "slash")
    await pilot.press(*query)
    await pilot.pause()
    return pilot.app.query_one(SearchBar)


# ---------------------------------------------------------------- jump list


@sync
async def test_ctrl_o_returns_from_a_search_jump_and_closes_what_it_opened(bundled: Report) -> None:
    app = make_app([bundled])
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(pilot)
        await press(pilot, "right_square_bracket")  # reading 1.1.1
        before = shown(app)
        assert before is not None and before.id == "1.1.1"
        assert not expanded(app, bundled, "2")
        bar = await search(pilot, "人才")
        target = bar.hits[0].measure
        await press(pilot, "enter")
        assert shown(app) == target and target.id.startswith("2.3.")
        assert expanded(app, bundled, "2") and expanded(app, bundled, "2.3")
        await press(pilot, "ctrl+o")
        assert shown(app) == before
        await pilot.pause()
        assert app.query_one(ReportTree).entry.node == before  # type: ignore[union-attr]
        assert not expanded(app, bundled, "2") and not expanded(app, bundled, "2.3")  # closed again
        await press(pilot, "ctrl+n")  # forward
        assert shown(app) == target
        await press(pilot, "backspace")  # Backspace is back too
        assert shown(app) == before
        await press(pilot, "backspace")  # nothing older: stays, and says so
        assert shown(app) == before
        assert "没有更早的位置" in [n.message for n in notifications(app)]


@sync
async def test_jumps_from_the_figures_and_bookmarks_screens_are_recorded(bundled: Report) -> None:
    app = make_app([bundled])
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(pilot)
        start = shown(app)
        await press(pilot, "f")
        assert isinstance(app.screen, FiguresScreen)
        await press(pilot, "G", "enter")  # the last figure
        figure_measure = shown(app)
        assert isinstance(figure_measure, Measure) and figure_measure != start
        await press(pilot, "b")  # bookmark it, go elsewhere, then jump back to it from the list
        await press(pilot, "ctrl+o")
        assert shown(app) == start
        await press(pilot, "B", "enter")
        assert shown(app) == figure_measure
        await press(pilot, "ctrl+o")
        assert shown(app) == start


@sync
async def test_z_collapses_every_heading(bundled: Report) -> None:
    app = make_app([bundled])
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(pilot)
        await search(pilot, "人才")
        await press(pilot, "enter")
        assert expanded(app, bundled, "1") and expanded(app, bundled, "2.3")
        await press(pilot, "z")
        assert not any(expanded(app, bundled, h.id) for h in bundled.headings())
        assert app.query_one(ReportTree).entry.node.id == "2"  # type: ignore[union-attr]


# ---------------------------------------------------------------- search


@sync
async def test_moving_through_results_previews_and_esc_puts_the_detail_back(bundled: Report) -> None:
    app = make_app([bundled])
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(pilot)
        before = shown(app)
        bar = await search(pilot, "人才")
        await press(pilot, "down")
        assert shown(app) == bar.hits[1].measure  # shown while the bar keeps the focus
        assert app.focused is bar.input
        await press(pilot, "down")
        assert shown(app) == bar.hits[2].measure
        await press(pilot, "escape")
        assert shown(app) == before


@sync
async def test_results_are_one_line_each_at_80_columns(bundled: Report) -> None:
    app = make_app([bundled])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        bar = await search(pilot, "人才")
        results = bar.results
        assert results.has_class("-one-line")
        lines = [results.render_line(y).text for y in range(results.size.height)]
        assert len(bar.hits) >= 6 and all(line.strip() for line in lines[:6])
        for line, hit in zip(lines, bar.hits, strict=False):
            assert line.startswith("二、(三)" if hit.measure.id.startswith("2.3.") else "三、")
            assert line.rstrip().endswith(("…", "。"))  # location, then the match, cut to the width


@sync
async def test_while_typing_the_footer_shows_only_the_search_bars_keys(bundled: Report) -> None:
    app = make_app([bundled])
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(pilot)
        screen = app.screen
        assert isinstance(screen, ExplorerScreen)
        assert screen.check_action("bookmark", ("toggle",))
        await press(pilot, "slash")
        assert not screen.check_action("bookmark", ("toggle",))  # b is typed, not shown as a key
        assert not screen.check_action("step", ("measure", 1))
        assert screen.check_action("copy", ("selection",))  # ctrl+c still copies a selection
        await pilot.press(*"qiye")  # q in the bar is a letter of the query (企业), never quit
        await pilot.pause()
        assert app.query_one(SearchBar).input.value == "qiye" and app.is_running


@sync
async def test_the_focused_pane_is_named_and_lit(bundled: Report) -> None:
    app = make_app([bundled])
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(pilot)
        tree, detail = app.query_one(ReportTree), app.query_one(DetailPane)
        assert tree.border_title == "目录" and detail.border_title == "正文"
        assert tree.styles.border_top[0] == "heavy" and detail.styles.border_top[0] == "solid"
        await press(pilot, "tab")
        assert app.focused is detail
        assert detail.styles.border_top[0] == "heavy" and tree.styles.border_top[0] == "solid"


# ---------------------------------------------------------------- vim keys


@sync
async def test_detail_pane_scrolls_with_vim_keys(bundled: Report) -> None:
    app = make_app([bundled])
    async with app.run_test(size=(80, 16)) as pilot:  # a short terminal: the measure does not fit
        await wait_ready(pilot)
        app.screen.go_to(bundled, bundled.node("2.3.5"))  # type: ignore[attr-defined]
        await pilot.pause()
        await press(pilot, "tab")
        detail = app.query_one(DetailPane)
        assert detail.has_focus and detail.max_scroll_y > 1
        await press(pilot, "j")
        assert detail.scroll_y == 1
        await press(pilot, "G")
        assert detail.scroll_y == detail.max_scroll_y
        await press(pilot, "k")
        assert detail.scroll_y == detail.max_scroll_y - 1
        await press(pilot, "g")
        assert detail.scroll_y == 0


@sync
async def test_help_scrolls_at_80x24(bundled: Report) -> None:
    app = make_app([bundled])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        await press(pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        body = app.screen.query_one(HelpBody)
        assert body.has_focus and body.max_scroll_y > 0  # half the help is below at 80x24
        await press(pilot, "j")
        assert body.scroll_y == 1
        await press(pilot, "G")
        assert body.scroll_y == body.max_scroll_y
        await press(pilot, "g")
        assert body.scroll_y == 0
        await press(pilot, "space")
        assert body.scroll_y > 1
        text = " ".join(str(s.render()) for s in app.screen.query("Static"))
        assert "j/k" in text and "PgDn" in text  # it says how to scroll the detail


@sync
async def test_figures_table_ends_and_sort_goes_to_the_top(bundled: Report) -> None:
    app = make_app([bundled])
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(pilot)
        await press(pilot, "f")
        screen = app.screen
        assert isinstance(screen, FiguresScreen)
        table = screen.table
        await press(pilot, "G")
        assert table.cursor_row == table.row_count - 1
        await press(pilot, "g")
        assert table.cursor_row == 0
        await press(pilot, "end")
        assert table.cursor_row == table.row_count - 1
        await press(pilot, "home")
        assert table.cursor_row == 0
        await press(pilot, "j", "j", "j")
        assert table.cursor_row == 3
        await press(pilot, "s")
        assert table.cursor_row == 0


# ---------------------------------------------------------------- reading view


@sync
async def test_reading_view_marks_moves_copies_and_returns(bundled: Report) -> None:
    app = make_app([bundled])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        measure = bundled.node("2.3.5")
        assert isinstance(measure, Measure)
        explorer = app.screen
        assert isinstance(explorer, ExplorerScreen)
        explorer.go_to(bundled, measure)
        await pilot.pause()
        await press(pilot, "r")
        reading = app.screen
        assert isinstance(reading, ReadingScreen)
        text = str(reading.query_one("#reading-text", ChineseText).visual)
        chapter = bundled.node("2")
        assert isinstance(chapter, Heading)
        for heading in ("二、创新能力保持领先", "(一)创新科技成果全省引领", "(三)多层次人才体系逐步健全"):
            assert heading in text
        for every in chapter.measures():
            assert every.text in text  # the whole chapter, verbatim
        assert reading.mark == measure
        body = reading.query_one(ReadingBody)
        assert body.scroll_y > 0  # the mark (in section 三) is scrolled into view
        await press(pilot, "c")
        assert app.clipboard == measure.text
        await press(pilot, "right_square_bracket")
        following = bundled.node("2.3.6")
        assert reading.mark == following
        await press(pilot, "C")
        assert app.clipboard == cite(bundled, following)  # type: ignore[arg-type]
        await press(pilot, "b")
        assert app.bookmarks.get(bundled, following) is not None  # type: ignore[arg-type]
        await press(pilot, "g")
        assert body.scroll_y == 0
        await press(pilot, "j")
        assert body.scroll_y == 1
        await press(pilot, "space")
        assert body.scroll_y > 10
        await press(pilot, "escape")
        assert app.screen is explorer and shown(app) == following


@sync
async def test_reading_view_brackets_cross_into_the_next_chapter(bundled: Report) -> None:
    app = make_app([bundled])
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(pilot)
        await press(pilot, "r")  # on chapter 一: its first measure is marked
        reading = app.screen
        assert isinstance(reading, ReadingScreen)
        assert reading.mark == bundled.node("1.1.1")
        await press(pilot, "right_square_bracket", "right_square_bracket", "right_square_bracket")
        assert reading.mark == bundled.node("2.1.1")
        assert "二、创新能力保持领先" in str(reading.query_one("#reading-text", ChineseText).visual)
        await press(pilot, "left_square_bracket")
        assert reading.mark == bundled.node("1.2.2")


@sync
async def test_slash_in_the_reading_view_finds_in_the_text(bundled: Report) -> None:
    app = make_app([bundled])
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(pilot)
        measure = bundled.node("2.1.1")
        app.screen.go_to(bundled, measure)  # type: ignore[attr-defined]
        await press(pilot, "r", "slash")
        reading = app.screen
        assert isinstance(reading, ReadingScreen)
        await pilot.press(*"光谷", "enter")
        await pilot.pause()
        chapter = bundled.node("2")
        assert isinstance(chapter, Heading)
        with_it = [m for m in chapter.measures() if "光谷" in m.text]
        assert reading.mark == with_it[0]
        await press(pilot, "n")
        assert reading.mark in with_it[:2]  # a measure may hold it twice
        await press(pilot, "N", "N")  # before the first: wraps to the last, and says so
        assert reading.mark == with_it[-1]
        assert "已到第一个匹配，从末尾继续" in [n.message for n in notifications(app)]


# ---------------------------------------------------------------- bugs


@sync
async def test_brackets_on_a_report_row_stay_in_that_report(bundled: Report, data_dir: Path) -> None:
    other = load_report(data_dir / "fullwidth.txt")
    app = make_app([other, bundled])
    async with app.run_test(size=SIZE) as pilot:
        await wait_ready(pilot)
        tree = app.query_one(ReportTree)
        tree.move_cursor(tree.root.children[1])  # 《武汉…》's own row
        await pilot.pause()
        await press(pilot, "right_square_bracket")
        assert shown(app) == next(bundled.measures())
        tree.move_cursor(tree.root.children[1])
        await pilot.pause()
        await press(pilot, "left_square_bracket")
        assert shown(app) == list(bundled.measures())[-1]


@sync
async def test_copying_a_selection_over_a_wrapped_line_copies_the_report_text(bundled: Report) -> None:
    app = make_app([bundled])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        measure = bundled.node("2.3.5")
        assert isinstance(measure, Measure)
        app.screen.go_to(bundled, measure)  # type: ignore[attr-defined]
        await pilot.pause()
        body = app.query_one("#detail-body", ChineseText)
        lines = body.render().plain.split("\n")  # type: ignore[union-attr]
        paragraph = next(i for i, line in enumerate(lines) if line and line[0] in "…允")
        # from after the "…" of the context over two wrap points into a third line
        app.screen.selections = {body: Selection(Offset(1, paragraph), Offset(4, paragraph + 2))}
        await press(pilot, "ctrl+c")
        assert "\n" not in app.clipboard
        assert app.clipboard in bundled.paragraph_of(measure)
        assert len(app.clipboard) == len(lines[paragraph]) - 1 + len(lines[paragraph + 1]) + 4


@sync
async def test_a_heading_cut_short_in_the_tree_ends_in_an_ellipsis(bundled: Report) -> None:
    app = make_app([bundled])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        measure = bundled.node("2.3.5")
        app.screen.go_to(bundled, measure)  # type: ignore[attr-defined]
        await pilot.pause()
        tree = app.query_one(ReportTree)
        width = tree.scrollable_content_region.width
        lines = [tree.render_line(y).text.rstrip() for y in range(tree.size.height)]
        section = next(line for line in lines if "(三)多层次人才体系" in line)
        assert section.endswith("…") and "(6)" not in section  # "(6 条)" did not fit
        assert all(len(line) <= width for line in lines)
