"""What the detail pane lists for a measure or heading (insights/summary.py), without an app.

Moved out of ExplorerScreen.insights (issue 12): the model computes it from what the screen
knows right now (keywords so far, the measure's bookmark, the last search's spans and hit).
"""

from __future__ import annotations

from zimao_tui.document.report import Heading, Measure, Report
from zimao_tui.insights.figures import figures_in
from zimao_tui.insights.summary import SUMMARY_ITEMS, insights_for
from zimao_tui.store.bookmarks import Bookmark


def test_a_measure_gets_its_own_terms_figures_and_its_sections_keywords(bundled: Report) -> None:
    measure = bundled.node("1.1.1")
    assert isinstance(measure, Measure)
    section = bundled.ancestors(measure.id)[-1]
    insights = insights_for(
        bundled,
        measure,
        keywords={section.id: ["改革"], "other": ["无关"]},
        keywords_loading=True,
        with_report=True,
        matches=((0, 2),),
        hit=(2, 5, "改革"),
    )
    assert "在新发展格局中率先突破、走在前列" in insights.terms
    assert list(insights.figures) == [f.raw for f in figures_in(measure.text, measure.id)]
    start, end = insights.figure_spans[0]
    assert measure.text[start:end] == insights.figures[0]
    assert list(insights.keywords) == ["改革"]
    assert insights.matches == ((0, 2),) and insights.hit == (2, 5, "改革")
    assert insights.keywords_loading and insights.with_report and not insights.bookmarked


def test_a_bookmarked_measure_carries_its_note_and_tags(bundled: Report) -> None:
    measure = bundled.node("1.1.1")
    assert isinstance(measure, Measure)
    bookmark = Bookmark(
        uid="u", report_title="t", report_date="d", measure_id=measure.id, fingerprint="f",
        text=measure.text, note="写进周报", tags=("人才",),
    )  # fmt: skip
    insights = insights_for(
        bundled, measure, keywords={}, keywords_loading=False, with_report=False, bookmark=bookmark
    )
    assert insights.bookmarked and insights.note == "写进周报" and list(insights.tags) == ["人才"]


def test_a_heading_sums_up_its_measures_without_repeats(bundled: Report) -> None:
    chapter = next(iter(bundled.headings()))
    assert isinstance(chapter, Heading)
    insights = insights_for(
        bundled, chapter, keywords={chapter.id: ["制度创新"]}, keywords_loading=False, with_report=False
    )
    assert 0 < len(insights.terms) <= SUMMARY_ITEMS and len(set(insights.terms)) == len(insights.terms)
    assert 0 < len(insights.figures) <= SUMMARY_ITEMS
    assert list(insights.keywords) == ["制度创新"]
    assert not insights.figure_spans and not insights.bookmarked and insights.hit is None


def test_the_first_paint_leaves_a_headings_terms_and_figures_for_later(bundled: Report) -> None:
    """``defer_summary`` (the first paint): the heading's keywords as known, its terms and
    figures marked as being computed, not "none" (which would read as a result)."""
    chapter = next(iter(bundled.headings()))
    deferred = insights_for(
        bundled,
        chapter,
        keywords={chapter.id: ["制度创新"]},
        keywords_loading=False,
        with_report=False,
        defer_summary=True,
    )
    assert deferred.summary_loading and not deferred.figures and not deferred.terms
    assert list(deferred.keywords) == ["制度创新"]
    measure = next(bundled.measures())
    full = insights_for(
        bundled, measure, keywords={}, keywords_loading=True, with_report=False, defer_summary=True
    )
    assert (
        full.figure_spans == [(f.start, f.end) for f in figures_in(measure.text, measure.id)]
        and not full.summary_loading
    )
