"""Where a measure sits among its siblings, as the tree, the detail pane and the search list say it."""

from __future__ import annotations

from zimao_tui.document.report import Measure, Report
from zimao_tui.i18n import t


def measure_position(report: Report, measure: Measure) -> tuple[int, int]:
    """The measure's 1-based position among its parent heading's measures, and their count."""
    ancestors = report.ancestors(measure.id)
    siblings = list(ancestors[-1].measures()) if ancestors else list(report.measures())
    ids = [m.id for m in siblings]
    return ids.index(measure.id) + 1, len(ids)


def position_text(report: Report, measure: Measure) -> str:
    """``第2条 / 共5条``; inside a law's article ``第2句 / 共5句``, so it never reads as 第2条 (an article)."""
    position, total = measure_position(report, measure)
    ancestors = report.ancestors(measure.id)
    key = "detail.position_in_article" if any(h.kind == "article" for h in ancestors) else "detail.position"
    return t(key, n=position, total=total)
