"""Hits grouped by report (search/groups.py): the app's results and the CLI's share it."""

from __future__ import annotations

from dataclasses import replace

from zimao_tui.document.report import Report
from zimao_tui.search.groups import group_by_report, grouped_order
from zimao_tui.search.search import Hit


def _hit(report: Report, n: int, score: float) -> Hit:
    return Hit(report, list(report.measures())[n], score, ())


def test_groups_follow_the_best_hit_and_keep_the_rank_within(bundled: Report) -> None:
    other = replace(bundled, title=bundled.title + "（2023年）", origin="b")
    hits = [_hit(other, 0, 96), _hit(bundled, 3, 90), _hit(other, 5, 88), _hit(bundled, 1, 80)]
    groups = group_by_report(hits)
    assert [g.report for g in groups] == [other, bundled]
    assert [[h.score for h in g.hits] for g in groups] == [[96, 88], [90, 80]]
    assert [h.score for h in grouped_order(hits)] == [96, 88, 90, 80]


def test_one_report_is_one_group_and_no_hits_no_groups(bundled: Report) -> None:
    hits = [_hit(bundled, 2, 90), _hit(bundled, 0, 80)]
    (group,) = group_by_report(hits)
    assert group.report is bundled and group.hits == tuple(hits)
    assert group_by_report([]) == []
