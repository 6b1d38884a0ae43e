"""Search hits grouped by report, for result lists over several open reports.

With several reports open, a result list that repeats each hit's report title spends half of
an 80-column line on it, and hits of one report end up scattered among the others. The app's
results and the CLI's ``search`` output both list hits under one header per report instead;
this is the one rule for that grouping, so the two lists agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # types only: the app's start-up imports this before the index module
    from zimao_tui.document.report import Report
    from zimao_tui.search.search import Hit


@dataclass(frozen=True)
class HitGroup:
    """One report's hits, best first."""

    report: Report
    hits: tuple[Hit, ...]


def group_by_report(hits: Iterable[Hit]) -> list[HitGroup]:
    """``hits`` (best first) grouped by report: the report with the best hit first, then the
    report with the best of the rest, and so on; within a group the hits keep their order.

    Reports are told apart by identity: two opened copies of one file are two groups, as they
    are two reports in the tree.
    """
    groups: dict[int, tuple[Report, list[Hit]]] = {}
    for hit in hits:
        groups.setdefault(id(hit.report), (hit.report, []))[1].append(hit)
    return [HitGroup(report, tuple(listed)) for report, listed in groups.values()]


def grouped_order(hits: Iterable[Hit]) -> list[Hit]:
    """``hits`` in the order a grouped list shows them."""
    return [hit for group in group_by_report(hits) for hit in group.hits]
