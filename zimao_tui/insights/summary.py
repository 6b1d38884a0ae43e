"""What the detail pane shows about one measure or heading, computed from the model.

Moved out of ``ExplorerScreen.insights`` (issue 12): which terms, figures and keywords a
measure or a section has is model work, testable without an app. The screen passes in what
only it knows right now (the last search's spans and hit number, the keywords loaded so far,
the measure's bookmark); this module never imports Textual.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from zimao_tui.document.report import Heading, Measure, Report

if TYPE_CHECKING:  # the store (rapidfuzz, tomli_w) is not on the start-up path
    from zimao_tui.store.bookmarks import Bookmark

Span = tuple[int, int]

SUMMARY_ITEMS = 16
"""Terms and figures listed in a chapter's or section's summary."""


@dataclass(frozen=True)
class Insights:
    """What the detail pane highlights and lists for one measure or heading.

    Spans are character offsets into the measure's text. Everything is optional: the
    search index and keyword cache arrive after the first paint.
    """

    matches: Sequence[Span] = ()
    figure_spans: Sequence[Span] = ()
    term_spans: Sequence[Span] = ()
    figures: Sequence[str] = ()
    terms: Sequence[str] = ()
    keywords: Sequence[str] = ()
    keywords_loading: bool = False
    """Keywords are still being computed: say so rather than "none", which reads as a result."""
    summary_loading: bool = False
    """A heading's terms and figures are left for right after the first paint (see
    :func:`insights_for`): shown as being computed, like the keywords."""
    note: str = ""
    tags: Sequence[str] = ()
    bookmarked: bool = False
    hit: tuple[int, int, str] | None = None
    """(n, total, query) when the measure is the n-th hit of the last search: shown in the
    pane, where it is replaced, rather than in a toast per ``n`` that piles up over the text.
    The query is named because ``n`` keeps stepping through it after the bar is cleared."""
    with_report: bool = False
    """Several reports are open: the breadcrumb starts with the report's title."""


def insights_for(
    report: Report,
    node: Heading | Measure,
    *,
    keywords: Mapping[str, list[str]],
    keywords_loading: bool,
    with_report: bool,
    bookmark: Bookmark | None = None,
    matches: Sequence[Span] = (),
    hit: tuple[int, int, str] | None = None,
    defer_summary: bool = False,
) -> Insights:
    """Highlights and lists for ``node``; ``keywords`` are the report's, by heading id.

    A measure gets its own spans and its section's keywords; a heading the first
    ``SUMMARY_ITEMS`` terms and figures of all the measures under it, and its own keywords.

    ``defer_summary`` (the first paint, which shows the first chapter's summary) leaves a
    heading's terms and figures out: importing the figure and term rules and compiling their
    patterns cost ~20 ms, some 6 % of the whole start (``benchmarks/startup.py``), for two
    lines the screen fills in a moment later. The rules are imported here, not at the top,
    for the same reason.
    """
    if isinstance(node, Heading) and defer_summary:
        return Insights(
            keywords=keywords.get(node.id, []),
            keywords_loading=keywords_loading,
            summary_loading=True,
            with_report=with_report,
        )
    from zimao_tui.insights.figures import figures_in
    from zimao_tui.insights.terms import term_spans

    if isinstance(node, Measure):
        spans = term_spans(node.text)
        figures = figures_in(node.text, node.id)
        parent = report.ancestors(node.id)
        return Insights(
            matches=matches,
            term_spans=[(s.start, s.end) for s in spans if s.kind == "term"],
            figure_spans=[(f.start, f.end) for f in figures],
            figures=_unique(f.raw for f in figures),
            terms=_unique(s.term for s in spans if s.kind == "term"),
            keywords=keywords.get(parent[-1].id, []) if parent else [],
            keywords_loading=keywords_loading,
            note=bookmark.note if bookmark else "",
            tags=bookmark.tags if bookmark else (),
            bookmarked=bookmark is not None,
            hit=hit,
            with_report=with_report,
        )
    measures = list(node.measures())
    terms = [s.term for m in measures for s in term_spans(m.text) if s.kind == "term"]
    figure_texts = [f.raw for m in measures for f in figures_in(m.text, m.id)]
    return Insights(
        terms=_unique(terms)[:SUMMARY_ITEMS],
        figures=_unique(figure_texts)[:SUMMARY_ITEMS],
        keywords=keywords.get(node.id, []),
        keywords_loading=keywords_loading,
        with_report=with_report,
    )


def _unique(items: Iterable[str]) -> list[str]:
    """Items in first-seen order, without repeats."""
    return list(dict.fromkeys(items))
