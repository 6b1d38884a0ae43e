"""The explorer's place in the last search: its hits, which one is shown, their spans.

Plain state with no Textual in it, split out of ``ExplorerScreen`` (issue 12): the screen
turns ``SearchBar.Jump`` into :meth:`HitCursor.jump` and ``n``/``N`` into
:meth:`HitCursor.step`, then shows the hit it gets back. ``n``/``N`` step in document order
from where the reader is, and wrap at the ends with a notice, as less and vim do (issue 15):
rank order jumped back and forth across chapters.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from zimao_tui.document.report import Measure, Report
from zimao_tui.i18n import t

if TYPE_CHECKING:
    from zimao_tui.search.search import Hit

Span = tuple[int, int]
DocKey = tuple[int, tuple[int, ...]]
"""A node's place in document order: the report's position, then its path id as numbers."""


class HitCursor:
    """The last search's hits and the one the explorer shows."""

    def __init__(self, reports: Sequence[Report] = ()) -> None:
        self.hits: list[Hit] = []
        self.index = -1
        self.query = ""
        self._spans: dict[tuple[int, str], tuple[Span, ...]] = {}
        self._reports = [id(r) for r in reports]
        self._order: list[Hit] = []  # the hits in document order

    def key(self, report: Report, node_id: str) -> DocKey:
        """Where a node stands in document order (reports in the order they were opened)."""
        if id(report) not in self._reports:
            self._reports.append(id(report))
        return self._reports.index(id(report)), tuple(int(p) for p in node_id.split(".") if p.isdigit())

    def jump(self, hits: list[Hit], chosen: Hit | None, query: str) -> Hit:
        """A new search's hits, with ``chosen`` (the first if it is not among them) shown."""
        self.hits = hits
        self.query = query
        self._spans = {(id(h.report), h.measure.id): tuple(h.spans) for h in hits}
        self._order = sorted(hits, key=lambda h: self.key(h.report, h.measure.id))
        self.index = next((i for i, h in enumerate(hits) if h is chosen), 0)
        return hits[self.index]

    def step(self, delta: int, here: tuple[Report, str] | None = None) -> tuple[Hit, str | None] | str:
        """The next (``delta`` 1) or previous (-1) hit in document order from ``here`` (the
        report and node id the reader is on; the shown hit if None), with the notice to give
        when it wrapped past an end, or the warning to give instead."""
        if not self.hits:
            return t("search.no_search")
        if here is None:
            shown = self.hits[self.index]
            here = (shown.report, shown.measure.id)
        at = self.key(*here)
        if delta > 0:
            ahead = [h for h in self._order if self.key(h.report, h.measure.id) > at]
            hit, notice = (ahead[0], None) if ahead else (self._order[0], t("search.wrapped_top"))
        else:
            behind = [h for h in self._order if self.key(h.report, h.measure.id) < at]
            hit, notice = (behind[-1], None) if behind else (self._order[-1], t("search.wrapped_bottom"))
        self.index = self.hits.index(hit)
        return hit, notice

    def spans(self, report: Report, measure: Measure) -> tuple[Span, ...]:
        """Where the last search matched in ``measure`` (none if it was not a hit)."""
        return self._spans.get((id(report), measure.id), ())

    def number(self, report: Report, measure: Measure) -> tuple[int, int, str] | None:
        """(n, total, query) if the measure is among the last search's hits (several of them),
        n counted in document order, the order ``n`` steps in."""
        if len(self.hits) < 2:
            return None
        for i, hit in enumerate(self._order):
            if hit.report is report and hit.measure.id == measure.id:
                return i + 1, len(self.hits), self.query
        return None
