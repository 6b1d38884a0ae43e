"""Chinese line breaking outside the detail pane, checked on the lines the widgets draw.

The search results and the glossary's occurrences are OptionLists of Chinese text that wrap
in a narrow pane. These tests read the strips the widgets render (what the terminal shows),
at 80x24 and after resizes, and look for a closing mark opening a line or an opening mark
ending one.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from app_fixtures import app_env, make_app, sync, wait_ready  # noqa: F401  (app_env is a fixture)
from hosts import Host
from textual.geometry import Region
from textual.pilot import Pilot
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import OptionList, Static

from zimao_tui.document.report import Report
from zimao_tui.store.bookmarks import BookmarkStore
from zimao_tui.ui.screens.bookmarks import BookmarksScreen
from zimao_tui.ui.screens.glossary import GlossaryScreen
from zimao_tui.ui.text.linebreak import NO_LINE_END, NO_LINE_START
from zimao_tui.ui.widgets.search_bar import SearchBar, hit_location

pytestmark = pytest.mark.usefixtures("app_env")


def drawn(widget: Widget) -> list[Strip]:
    """The strips ``widget`` draws right now (its visible part, padding included)."""
    return widget.render_lines(Region(0, 0, *widget.outer_size))


async def every_drawn_line(pilot: Pilot[None], widget: Widget) -> list[Strip]:
    """The strips of the whole list, a screenful at a time, scrolled as a user would."""
    strips: list[Strip] = []
    height = widget.scrollable_content_region.height
    for y in range(0, int(widget.max_scroll_y) + height, height):
        widget.scroll_to(y=y, animate=False, immediate=True)
        await pilot.pause()
        strips.extend(drawn(widget)[: min(height, widget.virtual_size.height - y)])
    return strips


def misbroken(lines: list[str], title: Callable[[str], bool]) -> list[str]:
    """Lines that break the rules: opening with a closing mark or ending with an opening one.

    A line after a ``title`` line (an option's first line) starts a paragraph and may open
    with a mark, e.g. the … of a snippet cut at the front.
    """
    bad = []
    for before, line in zip(["", *lines], lines, strict=False):
        text = line.strip()
        starts_paragraph = not before.strip() or title(before.strip())
        if text and ((text[0] in NO_LINE_START and not starts_paragraph) or text[-1] in NO_LINE_END):
            bad.append(line)
    return bad


@sync
async def test_search_results_break_by_the_chinese_rules(bundled: Report) -> None:
    app = make_app([bundled])
    async with app.run_test(size=(100, 24)) as pilot:  # below 100 columns a result is one line
        await wait_ready(pilot)
        await pilot.press("slash", *"人才")
        await pilot.pause()
        bar = app.query_one(SearchBar)
        results = bar.results
        locations = {hit_location(hit.report, hit.measure, False) for hit in bar.hits}
        for width in (100, 112, 130, 100):
            await pilot.resize_terminal(width, 24)
            await pilot.pause()
            strips = await every_drawn_line(pilot, results)
            lines = [strip.text for strip in strips]
            assert max(len(strip.text.rstrip()) for strip in strips) <= width
            assert len(lines) > 2 * len(bar.hits), "no snippet wraps: the test checks nothing"
            assert misbroken(lines, locations.__contains__) == [], width
            # the highlight survives the cuts: the bold cells of the snippets are the matches
            # (a match may be split over two lines, so they are joined first)
            bold = "".join(
                segment.text
                for strip, line in zip(strips, lines, strict=True)
                if line.strip() not in locations
                for segment in strip
                if segment.style is not None and segment.style.bold
            )
            assert bold and bold == "人才" * (len(bold) // 2), bold


@sync
async def test_glossary_occurrences_break_by_the_chinese_rules(bundled: Report) -> None:
    app = Host(GlossaryScreen, [bundled])
    async with app.opened(size=(80, 24)) as (pilot, screen):
        occurrences = screen.query_one("#glo-occurrences", OptionList)
        terms = screen.query_one("#glo-terms", OptionList)
        terms.focus()
        checked = 0
        for width in (80, 58):
            await pilot.resize_terminal(width, 24)
            for n in range(12):  # the most frequent terms and documents, each list re-wrapped
                terms.highlighted = n
                await pilot.pause()
                entry = screen.selected
                assert entry is not None
                ids = {measure.id for _, measure in entry.occurrences}
                title = lambda line, ids=ids: line.split()[0] in ids  # noqa: E731  (``3.2.11  ×2``)
                lines = [strip.text for strip in await every_drawn_line(pilot, occurrences)]
                heading = [strip.text for strip in drawn(screen.query_one("#glo-heading", Static))]
                assert misbroken(lines, title) == [] and misbroken(heading, title) == [], (width, entry.term)
                checked += len(lines) - 2 * len(entry.occurrences)  # wrapped lines seen
            listed = [strip.text for strip in await every_drawn_line(pilot, terms)]
            assert misbroken(listed, lambda line: False) == [], width
            assert len(listed) > len(screen.shown), "no term wraps"
        assert checked > 20, "hardly anything wraps: the test checks nothing"


@sync
async def test_bookmark_rows_break_by_the_chinese_rules(bundled: Report, tmp_path: Path) -> None:
    """Every measure bookmarked: no row line opens with 、 or ； (Textual folded the rows at any
    cell: ``、走在前列”的新要求`` began a line at 80 columns). The bookmarks list is a virtual
    list: a row's first line takes a second line when it is wider (broken by the rules), every
    other line is cut with … to the width."""
    from zimao_tui.ui.widgets.row_list import RowList

    store = BookmarkStore(tmp_path / "bookmarks.toml")
    for measure in bundled.measures():
        store.update(bundled, measure, "", [])
    app = Host(BookmarksScreen, store, [bundled])
    async with app.opened(size=(80, 24)) as (pilot, screen):
        listing = screen.query_one(RowList)
        for width in (80, 57):
            await pilot.resize_terminal(width, 24)
            await pilot.pause()
            lines = [strip.text for strip in await every_drawn_line(pilot, listing)]
            assert len(lines) > 4 * 126, "no row wraps: the test checks nothing"
            assert misbroken(lines, lambda line: False) == [], width
            assert not [line for line in lines if line.strip()[:1] in ("、", "；")]
