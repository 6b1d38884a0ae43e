"""One way to name a place by its heading numbers (三、(二)): the palette, the search results and
the citation all read it from ``Report.numbers`` / ``heading_numbers``."""

from __future__ import annotations

from zimao_tui.document.parse import parse_text
from zimao_tui.document.report import Heading, Measure, Report, heading_numbers
from zimao_tui.insights.citation import cite
from zimao_tui.ui.commands import _targets
from zimao_tui.ui.widgets.search_bar import hit_location

LAW = "示例条例\n第一章 总则\n第一节 目的\n第一条 为了规范管理，制定本条例。\n第二条 本条例适用于全市。\n"


def test_numbers_run_together_as_written(bundled: Report) -> None:
    # 一、改革创新提升能级 / (二)激发制度创新内生动力 / 坚持自创区、自贸区、综保区“三区联动”…
    measure = bundled.node("1.2.1")
    assert isinstance(measure, Measure) and measure.text.startswith("坚持自创区、自贸区、综保区")
    assert bundled.numbers("1.2.1") == "一、(二)"
    assert bundled.numbers("1") == "" and bundled.numbers("no such id") == ""
    law = parse_text(LAW)
    [article] = [h for h in law.headings() if h.number == "第二条"]
    assert heading_numbers((*law.ancestors(article.id), article)) == "第一章第一节第二条"


def test_palette_search_results_and_citation_name_the_place_alike(bundled: Report) -> None:
    measure = bundled.node("1.2.1")
    section = bundled.node("1.2")
    assert isinstance(measure, Measure) and isinstance(section, Heading)
    labels = {node.id: label for label, _, node in _targets([bundled])}
    assert labels["1.2"] == "一、(二)激发制度创新内生动力"
    assert labels["1.2.1"].startswith("一、(二) 坚持自创区")
    assert hit_location(bundled, measure, with_title=False).startswith("一、(二) ")
    assert "》一、(二)，2022-07-05" in cite(bundled, measure)
