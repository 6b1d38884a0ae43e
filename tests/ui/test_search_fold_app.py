"""Pilot test: a reader types traditional characters into the search bar (issue 18).

The bundled report is in simplified characters; 知識產權證券化 must find its measures, and
both the result list and the detail pane must highlight the report's own 知识产权证券化.
"""

from __future__ import annotations

import pytest
from app_fixtures import app_env, make_app, sync, wait_ready  # noqa: F401  (app_env is a fixture)
from textual.content import Content

from zimao_tui.document.report import Report
from zimao_tui.ui.text.linebreak import Kinsoku
from zimao_tui.ui.text.styles import STYLE_MATCH
from zimao_tui.ui.widgets.detail import DetailPane
from zimao_tui.ui.widgets.report_tree import ReportTree
from zimao_tui.ui.widgets.search_bar import SearchBar

pytestmark = pytest.mark.usefixtures("app_env")


def highlighted(content: Content) -> set[str]:
    """The pieces of ``content`` drawn in the search-match style."""
    return {content.plain[s.start : s.end] for s in content.spans if s.style == STYLE_MATCH}


@sync
async def test_a_traditional_query_finds_and_highlights_the_simplified_text(bundled: Report) -> None:
    app = make_app([bundled])
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_ready(pilot)
        await pilot.press("slash", *"知識產權證券化")
        await pilot.pause()
        bar = app.query_one(SearchBar)
        assert bar.hits, "the traditional query found nothing"
        first = bar.hits[0]
        assert "知识产权证券化" in first.measure.text
        prompt = bar.results.get_option_at_index(0).prompt
        assert isinstance(prompt, Kinsoku)
        assert highlighted(prompt.content) == {"知识产权证券化"}
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.focused, ReportTree)
        detail = app.query_one(DetailPane)
        assert detail.entry is not None and detail.entry.node == first.measure
        body = app.query_one("#detail-body").visual
        assert isinstance(body, Content)
        assert highlighted(body) == {"知识产权证券化"}
        assert "知識產權" not in body.plain  # shown as the report writes it
