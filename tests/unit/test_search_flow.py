"""The explorer's place in the last search (ui/screens/search_flow.py), without an app."""

from __future__ import annotations

from pathlib import Path

from zimao_tui.document.parse import load_report
from zimao_tui.document.report import Measure, Report
from zimao_tui.i18n import t
from zimao_tui.search.search import Hit
from zimao_tui.ui.screens.search_flow import HitCursor


def hits(report: Report, count: int) -> list[Hit]:
    measures = list(report.measures())[:count]
    return [Hit(report, m, 1.0, ((0, i + 1),)) for i, m in enumerate(measures)]


def test_jump_shows_the_chosen_hit_and_steps_go_in_document_order(bundled: Report) -> None:
    cursor = HitCursor([bundled])
    assert cursor.step(1) == t("search.no_search")
    first, second, third = hits(bundled, 3)
    ranked = [third, first, second]  # rank order differs from the order of the report
    assert cursor.jump(ranked, first, "改革") is first
    assert cursor.number(bundled, first.measure) == (1, 3, "改革")  # counted as the report reads
    assert cursor.step(1) == (second, None)
    assert cursor.step(1) == (third, None)
    assert cursor.step(1) == (first, t("search.wrapped_top"))  # past the end: wraps, says so
    assert cursor.step(-1) == (third, t("search.wrapped_bottom"))
    assert cursor.spans(bundled, third.measure) == ((0, 3),)


def test_steps_start_from_where_the_reader_is(bundled: Report) -> None:
    """After ]/[ moved on, n finds the next hit below the reader, as less and vim do."""
    measures = list(bundled.measures())
    found = [Hit(bundled, measures[i], 1.0, ((0, 1),)) for i in (2, 40, 90)]
    cursor = HitCursor([bundled])
    cursor.jump(found, found[0], "q")
    assert cursor.step(1, (bundled, measures[50].id)) == (found[2], None)
    assert cursor.step(-1, (bundled, measures[50].id)) == (found[1], None)
    chapter = bundled.children[0]  # a heading: its own measures come after it
    assert cursor.step(1, (bundled, chapter.id)) == (found[0], None)


def test_hits_in_several_reports_follow_the_order_the_reports_were_opened(
    bundled: Report, data_dir: Path
) -> None:
    sample_report = load_report(data_dir / "fullwidth.txt")
    a = Hit(bundled, next(bundled.measures()), 1.0, ())
    b = Hit(sample_report, next(sample_report.measures()), 1.0, ())
    cursor = HitCursor([sample_report, bundled])
    cursor.jump([a, b], a, "q")
    assert cursor.step(1) == (b, t("search.wrapped_top"))  # bundled comes second: a is the last


def test_a_single_hit_has_no_number_and_other_measures_no_spans(bundled: Report) -> None:
    cursor = HitCursor([bundled])
    found = hits(bundled, 1)
    assert cursor.jump(found, None, "q") is found[0]  # not among them: the first is shown
    assert cursor.number(bundled, found[0].measure) is None
    other = list(bundled.measures())[5]
    assert isinstance(other, Measure)
    assert cursor.spans(bundled, other) == ()
