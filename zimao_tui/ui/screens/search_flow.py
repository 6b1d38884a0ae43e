"""The explorer's place in the last search: its hits, which one is shown, their spans.

Plain state with no Textual in it, split out of ``ExplorerScreen`` (issue 12): the screen
turns ``SearchBar.Jump`` into :meth:`HitCursor.jump` and ``n``/``N`` into
:meth:`HitCursor.step`, then shows the hit it gets back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from zimao_tui.document.report import Measure, Report
from zimao_tui.i18n import t

if TYPE_CHECKING:
    from zimao_tui.search.search import Hit

Span = tuple[int, int]


class HitCursor:
    """The last search's hits and the one the explorer shows."""

    def __init__(self) -> None:
        self.hits: list[Hit] = []
        self.index = -1
        self.query = ""
        self._spans: dict[tuple[int, str], tuple[Span, ...]] = {}

    def jump(self, hits: list[Hit], chosen: Hit | None, query: str) -> Hit:
        """A new search's hits, with ``chosen`` (the first if it is not among them) shown."""
        self.hits = hits
        self.query = query
        self._spans = {(id(h.report), h.measure.id): tuple(h.spans) for h in hits}
        self.index = next((i for i, h in enumerate(hits) if h is chosen), 0)
        return hits[self.index]

    def step(self, delta: int) -> Hit | str:
        """The hit ``delta`` away from the shown one, or the warning to give instead."""
        if not self.hits:
            return t("search.no_search")
        index = self.index + delta
        if not 0 <= index < len(self.hits):
            return t("search.no_more")
        self.index = index
        return self.hits[index]

    def spans(self, report: Report, measure: Measure) -> tuple[Span, ...]:
        """Where the last search matched in ``measure`` (none if it was not a hit)."""
        return self._spans.get((id(report), measure.id), ())

    def number(self, report: Report, measure: Measure) -> tuple[int, int, str] | None:
        """(n, total, query) if the measure is among the last search's hits (several of them)."""
        if len(self.hits) < 2:
            return None
        for i, hit in enumerate(self.hits):
            if hit.report is report and hit.measure.id == measure.id:
                return i + 1, len(self.hits), self.query
        return None
