"""insights/compare.py and insights/trends.py on a made-up pair and on the 2022/2023 national
government work reports (../shared/reports/gwr). Expectations come from reading the files."""

from __future__ import annotations

from pathlib import Path

import pytest

from zimao_tui.document.parse import load_report, parse_text
from zimao_tui.document.report import Report
from zimao_tui.insights.compare import Comparison, Pair, compare
from zimao_tui.insights.trends import by_date, count, report_date, sparkline, top_terms, trends

DATA = Path(__file__).parents[1] / "data" / "compare"
GWR = Path(__file__).parents[2] / ".." / "shared" / "reports" / "gwr"
needs_gwr = pytest.mark.skipif(not (GWR / "2022.txt").exists(), reason="shared reports not present")


@pytest.fixture(scope="module")
def small() -> Comparison:
    return compare(load_report(DATA / "a.txt"), load_report(DATA / "b.txt"))


@pytest.fixture(scope="module")
def gwr() -> Comparison:
    return compare(load_report(GWR / "2022.txt"), load_report(GWR / "2023.txt"))


def _by_a(comparison: Comparison, start: str) -> Pair:
    return next(p for p in comparison.pairs if p.a is not None and p.a.text.startswith(start))


def _by_b(comparison: Comparison, start: str) -> Pair:
    return next(p for p in comparison.pairs if p.b is not None and p.b.text.startswith(start))


def _each_measure_once(comparison: Comparison) -> None:
    a_ids = [p.a.id for p in comparison.pairs if p.a is not None]
    b_ids = [p.b.id for p in comparison.pairs if p.b is not None]
    assert sorted(a_ids) == sorted(m.id for m in comparison.a.measures())
    assert sorted(b_ids) == sorted(m.id for m in comparison.b.measures())
    assert len(set(a_ids)) == len(a_ids) and len(set(b_ids)) == len(b_ids)


def test_small_pair_every_status(small: Comparison) -> None:
    _each_measure_once(small)
    number = _by_a(small, "今年中央预算内投资")
    assert number.status == "changed"
    assert ("-", "7000") in number.diff and ("+", "7350") in number.diff
    assert _by_a(small, "居民消费价格").diff == (
        ("=", "居民消费价格涨幅"),
        ("-", "3"),
        ("+", "2"),
        ("=", "%左右。"),
    )
    assert ("-", "困难") in _by_a(small, "我们也清醒").diff
    assert _by_a(small, "推进“互联网+").status == "dropped"
    assert _by_b(small, "加快培育“新质生产力”").status == "new"
    assert _by_a(small, "坚决守住").status == "same"


def test_a_split_sentence_pairs_with_its_larger_half_and_the_rest_is_new(small: Comparison) -> None:
    split = _by_a(small, "加快建设高效规范")
    assert split.status == "changed" and split.b is not None
    assert split.b.text == "加快建设高效规范、公平竞争、充分开放的全国统一大市场。"
    assert ("-", "，破除地方保护") in split.diff
    assert _by_b(small, "破除地方保护").status == "new"


def test_a_measure_moved_to_another_chapter_is_changed_and_moved(small: Comparison) -> None:
    moved = _by_a(small, "深化国资国企改革")
    assert (moved.status, moved.moved, moved.chapter) == ("changed", True, "三、政府建设")
    assert moved.b is not None and moved.b.text.endswith("提高国有企业核心竞争力。")


def test_a_renamed_chapter_is_one_row_with_both_names(small: Comparison) -> None:
    renamed = [c for c in small.chapters if c.renamed]
    assert [(c.label_a, c.label) for c in renamed] == [("二、重点任务", "二、重点工作")]
    assert renamed[0].counts["dropped"] == 1  # the 互联网+ measure counts under the new name


def test_small_pair_terms_and_figures(small: Comparison) -> None:
    assert small.terms_new == ("新质生产力",)
    assert small.terms_dropped == ("互联网+政务服务",)
    raw = [(fa.raw if fa else None, fb.raw if fb else None) for fa, fb in small.figures]
    assert ("7000亿元", "7350亿元") in raw
    assert ("3%左右", "2%左右") in raw


def test_edits_inside_a_number_are_the_whole_number() -> None:
    a = parse_text("标题\n\n一、任务\n城镇新增就业1100万人以上。\n")
    b = parse_text("标题\n\n一、任务\n城镇新增就业1150万人以上。\n")
    pair = _by_a(compare(a, b), "城镇新增就业")
    assert pair.diff == (("=", "城镇新增就业"), ("-", "1100"), ("+", "1150"), ("=", "万人以上。"))


@needs_gwr
def test_gwr_every_measure_once_and_the_known_edits(gwr: Comparison) -> None:
    _each_measure_once(gwr)
    assert _by_a(gwr, "各位代表：").status == "same"
    opening = _by_a(gwr, "现在，我代表国务院")  # 向大会报告政府工作 -> 向大会报告工作
    assert opening.status == "changed" and ("-", "政府") in opening.diff
    targets = _by_a(gwr, "今年发展主要预期目标是")
    assert targets.status == "changed" and targets.b is not None
    assert targets.b.text.startswith("今年发展主要预期目标是：国内生产总值增长5%左右")
    assert ("-", "5.5") in targets.diff and ("+", "5") in targets.diff
    # 中央预算内投资安排6400亿元 is in 2022 only (2023 names no amount)
    assert _by_a(gwr, "中央预算内投资安排6400亿元").status == "dropped"


@needs_gwr
def test_gwr_targets_side_by_side(gwr: Comparison) -> None:
    targets = _by_a(gwr, "今年发展主要预期目标是")
    assert targets.a is not None and targets.b is not None
    side = [
        (fa.raw if fa else None, fb.raw if fb else None)
        for fa, fb in gwr.figures
        if (fa and fa.measure_id == targets.a.id) or (fb and fb.measure_id == targets.b.id)
    ]
    assert side[0][0] is not None and side[0][0].startswith("5.5%")  # GDP 5.5%左右 -> 5%左右
    assert side[0][1] is not None and side[0][1].startswith("5%")
    cpi = [s for s in side if s[0] and s[0].startswith("3%")]
    assert cpi and cpi[0][1] is not None and cpi[0][1].startswith("3%")  # CPI 3%左右 both years


@needs_gwr
def test_gwr_terms(gwr: Comparison) -> None:
    assert "乙类乙管" in gwr.terms_new  # only 2023 quotes it
    assert "放管服" in gwr.terms_dropped  # 2022 quotes it twice, 2023 never
    assert "十四五" not in gwr.terms_new and "十四五" not in gwr.terms_dropped  # both


@needs_gwr
def test_trends_counts_are_plain_counts_in_date_order() -> None:
    newer, older = load_report(GWR / "2023.txt"), load_report(GWR / "2022.txt")
    (quality, slogan, fresh) = trends(["高质量发展", "放管服", "乙类乙管"], [newer, older])
    assert quality.reports == (older, newer)
    assert quality.counts == (10, 6)  # grep -o 高质量发展 2022.txt | wc -l: 10; 2023: 6
    assert slogan.counts == (2, 0) and slogan.first is older
    assert fresh.counts == (0, 1) and fresh.first is newer
    assert trends(["新质生产力"], [older, newer])[0].first is None
    for report, path in ((older, "2022.txt"), (newer, "2023.txt")):
        raw = (GWR / path).read_text(encoding="utf-8")
        for term in ("十四五", "就业", "政府工作报告", "国务院", "人民"):
            assert count(report, term) == raw.count(term), term


def _titled(title: str, date: str = "") -> Report:
    report = parse_text(f"{title}\n\n一、任务\n推进改革。\n")
    from dataclasses import replace

    return replace(report, date=date)


def test_date_order_uses_metadata_then_the_year_in_the_title() -> None:
    late, early, undated = (
        _titled("某省政府工作报告", "2024-01-20"),
        _titled("2019年某省政府工作报告"),
        _titled("通知"),
    )
    assert report_date(early) == "2019"
    assert by_date([undated, late, early]) == [early, late, undated]


def test_top_terms_rank_by_change() -> None:
    a = parse_text("2021年报告\n\n一、任务\n推进“放管服”改革。推进“放管服”。坚持“两个毫不动摇”。\n")
    b = parse_text("2022年报告\n\n一、任务\n培育“新质生产力”。坚持“两个毫不动摇”。\n")
    top = top_terms([b, a], 2)
    assert [(t.term, t.counts) for t in top] == [("放管服", (2, 0)), ("新质生产力", (0, 1))]


def test_sparkline_scales_to_the_peak() -> None:
    assert sparkline([0, 1, 8]) == "·▁█"
    assert sparkline([0, 0]) == "··"


def test_counts_match_counting_in_the_file_for_nearly_every_document() -> None:
    from zimao_tui.insights.terms import extract_terms

    documents = sorted((Path(__file__).parents[1] / "documents").glob("*.txt"))
    checks = misses = 0
    for path in documents:
        report, raw = load_report(path), path.read_text(encoding="utf-8")
        for term in [*[t.term for t in extract_terms(report)][:15], "政府", "改革", "发展", "人民"]:
            checks += 1
            misses += count(report, term) != raw.count(term)
    assert checks > 600 and misses / checks < 0.04, (misses, checks)
