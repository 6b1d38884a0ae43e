"""The explorer's place in the last search (ui/screens/search_flow.py), without an app."""

from __future__ import annotations

from zimao_tui.document.report import Measure, Report
from zimao_tui.i18n import t
from zimao_tui.search.search import Hit
from zimao_tui.ui.screens.search_flow import HitCursor


def hits(report: Report, count: int) -> list[Hit]:
    measures = list(report.measures())[:count]
    return [Hit(report, m, 1.0, ((0, i + 1),)) for i, m in enumerate(measures)]


def test_jump_shows_the_chosen_hit_and_steps_stop_at_the_ends(bundled: Report) -> None:
    cursor = HitCursor()
    assert cursor.step(1) == t("search.no_search")
    found = hits(bundled, 3)
    assert cursor.jump(found, found[1], "改革") is found[1]
    assert cursor.number(bundled, found[1].measure) == (2, 3, "改革")
    assert cursor.step(1) is found[2]
    assert cursor.step(1) == t("search.no_more") and cursor.index == 2
    assert cursor.step(-2) is found[0]
    assert cursor.spans(bundled, found[2].measure) == ((0, 3),)


def test_a_single_hit_has_no_number_and_other_measures_no_spans(bundled: Report) -> None:
    cursor = HitCursor()
    found = hits(bundled, 1)
    assert cursor.jump(found, None, "q") is found[0]  # not among them: the first is shown
    assert cursor.number(bundled, found[0].measure) is None
    other = list(bundled.measures())[5]
    assert isinstance(other, Measure)
    assert cursor.spans(bundled, other) == ()
