"""Figures of the bundled report: value, unit, kind and hedging, and what is NOT a figure."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zimao_tui.document.report import Report
from zimao_tui.insights.figures import KINDS, Figure, extract_figures, figures_in

# (measure id, raw, value, unit, kind, approximate)
EXPECTED = [
    ("1.1.1", "十余项", 10, "项", "count", True),
    ("1.2.2", "97项", 97, "项", "count", False),
    ("2.1.1", "2021年2月", 20210200, "日期", "date", False),
    ("2.1.1", "9月3日", 20210903, "日期", "date", False),
    ("2.1.2", "近一年", 1, "年", "duration", True),
    ("2.1.2", "30年", 30, "年", "duration", False),
    ("2.1.4", "300余家", 300, "家", "count", True),
    ("2.1.4", "近2000万元", 20_000_000, "元", "money", True),
    ("2.1.5", "10余场", 10, "场", "count", True),
    ("2.1.5", "80余个", 80, "个", "count", True),
    ("2.2.1", "不低于5亿元", 500_000_000, "元", "money", True),
    ("2.2.4", "1.225亿元", 122_500_000, "元", "money", False),
    ("2.3.1", "2271名", 2271, "名", "count", False),
    ("2.3.1", "68名", 68, "名", "count", False),
    ("2.3.2", "12个工作日", 12, "工作日", "duration", False),
    ("2.3.2", "10个工作日以内", 10, "工作日", "duration", True),
    ("2.3.5", "478名", 478, "名", "count", False),
    ("2.3.6", "10亿元", 1_000_000_000, "元", "money", False),
    ("3.1.1", "近万亿", 1_000_000_000_000, "元", "money", True),
    ("3.1.2", "近200家", 200, "家", "count", True),
    ("3.1.2", "约200家", 200, "家", "count", True),
    ("3.1.2", "超200家", 200, "家", "count", True),
    ("3.1.2", "逾50家", 50, "家", "count", True),
    ("3.1.2", "突破千亿", 100_000_000_000, "元", "money", True),
    ("3.1.2", "5000万台", 50_000_000, "台", "count", False),
    ("3.1.2", "超750亿元", 75_000_000_000, "元", "money", True),
    ("3.2.6", "180万平方米", 1_800_000, "平方米", "area", False),
    ("3.2.16", "数十个", 10, "个", "count", True),
    ("4.1.3", "95%以上", 95, "%", "percent", True),
    ("4.1.4", "至少11天", 11, "天", "duration", True),
    ("4.1.4", "0.5天", 0.5, "天", "duration", False),
    ("4.2.3", "近2亿元", 200_000_000, "元", "money", True),
    ("4.4.2", "3229件", 3229, "件", "count", False),
    ("4.4.2", "58%", 58, "%", "percent", False),
    ("4.4.4", "2021年4月1日", 20210401, "日期", "date", False),
    ("4.4.4", "60条", 60, "条", "count", False),
    ("5.1.4", "7×24小时", 168, "小时", "duration", False),
    ("5.2.2", "40余天", 40, "天", "duration", True),
    ("5.2.8", "约1600万元", 16_000_000, "元", "money", True),
    ("5.2.8", "8000个", 8000, "个", "count", False),
    ("5.3.6", "3班", 3, "班", "count", False),
    ("5.5.5", "98.86%", 98.86, "%", "percent", False),
]


@pytest.fixture(scope="module")
def figures(bundled: Report) -> list[Figure]:
    return extract_figures(bundled)


def _find(figures: list[Figure], measure_id: str, raw: str) -> Figure:
    found = [f for f in figures if f.measure_id == measure_id and f.raw == raw]
    assert len(found) == 1, (measure_id, raw, [f.raw for f in figures if f.measure_id == measure_id])
    return found[0]


@pytest.mark.parametrize(("measure_id", "raw", "value", "unit", "kind", "approximate"), EXPECTED)
def test_bundled_figure(
    figures: list[Figure], measure_id: str, raw: str, value: float, unit: str, kind: str, approximate: bool
) -> None:
    figure = _find(figures, measure_id, raw)
    assert (figure.value, figure.unit, figure.kind, figure.approximate) == (value, unit, kind, approximate)
    assert figure.high is None


def test_enough_figures_checked() -> None:
    assert len(EXPECTED) >= 25


def test_ranges_keep_low_and_high(figures: list[Figure]) -> None:
    wide = _find(figures, "5.2.10", "5-30天")
    narrow = _find(figures, "5.2.10", "1-1.5天")
    assert (wide.value, wide.high, wide.unit, wide.kind) == (5, 30, "天", "duration")
    assert (narrow.value, narrow.high) == (1, 1.5)


def test_offsets_point_at_the_raw_text(bundled: Report, figures: list[Figure]) -> None:
    for figure in figures:
        measure = bundled.node(figure.measure_id)
        assert measure is not None and measure.text[figure.start : figure.end] == figure.raw  # type: ignore[union-attr]


def test_whole_report_counts_by_kind(figures: list[Figure]) -> None:
    kinds = {k: sum(1 for f in figures if f.kind == k) for k in ("money", "count", "percent", "area", "date")}
    assert kinds == {"money": 13, "count": 31, "percent": 6, "area": 1, "date": 11}
    assert len(figures) == 75


def test_dates_are_not_counts(figures: list[Figure]) -> None:
    dates = [f for f in figures if f.kind == "date"]
    assert {f.iso_date for f in dates} >= {"2021-02", "2021-09-03", "2021-04-01", "2021", "2020"}
    assert not any(f.kind != "date" and f.raw.startswith(("2020", "2021")) for f in figures)
    month_only = _find(figures, "2.3.5", "6月")
    assert (month_only.kind, month_only.iso_date) == ("date", "--06")


@pytest.mark.parametrize(
    "text",
    [
        "深入学习贯彻党的十九大和十九届历次全会精神",
        "七大重点板块构成的“799N”科创平台",
        "中信科5G、华星光电T3、T4及T5、天马G6",
        "该做法被简报第21期刊发",
        "推出“手串-湖北租赁湖北省无形资产1-N期资产支持专项计划”",
        "对国家级平台的研发投入给予1:1配套支持",
        "构建“1+8+N”的多层招商体系",
        "出台《上市十条》《金融十五条》",
        "启用“12315云端调解室”",
        "成功申办第十二届至十四届中国国际服务外包交易博览会",
        "国家存储器基地二期、一批重大项目、对一类新药",
        "举办2021中国光谷集成电路产业投资交流会",
        "并探索B2B出口",
    ],
)
def test_not_quantities(text: str) -> None:
    assert figures_in(text) == []


def test_issue_of_a_bulletin_is_a_date_not_a_count() -> None:
    found = figures_in("该做法被《简报》2021年第21期刊发")
    assert [(f.raw, f.kind) for f in found] == [("2021年", "date")]


@pytest.mark.parametrize(
    ("text", "raw", "value", "unit", "kind", "approximate"),
    [
        ("投资１２亿元", "１２亿元", 1_200_000_000, "元", "money", False),
        ("增长3.5个百分点", "3.5个百分点", 3.5, "个百分点", "percent", False),
        ("占地2平方公里", "2平方公里", 2, "平方公里", "area", False),
        ("引进两家企业", "两家", 2, "家", "count", False),
        ("三千五百名员工", "三千五百名", 3500, "名", "count", False),
        ("耗时3个月左右", "3个月左右", 3, "月", "duration", True),
        ("吸引外资5万美元", "5万美元", 50_000, "美元", "money", False),
        ("设立一亿元基金", "一亿元", 100_000_000, "元", "money", False),
        ("服务1.5万人次", "1.5万人次", 15_000, "人次", "count", False),
        ("开行300列", "300列", 300, "列", "count", False),
        ("办理时限不超过3天", "不超过3天", 3, "天", "duration", True),  # at most, not 超过 (more than)
        ("占比不足5%", "不足5%", 5, "%", "percent", True),
        ("低于2小时", "低于2小时", 2, "小时", "duration", True),
        ("不少于10家", "不少于10家", 10, "家", "count", True),
    ],
)
def test_other_forms(text: str, raw: str, value: float, unit: str, kind: str, approximate: bool) -> None:
    [figure] = figures_in(text, "x")
    assert (figure.raw, figure.value, figure.unit, figure.kind, figure.approximate) == (
        raw,
        value,
        unit,
        kind,
        approximate,
    )
    assert figure.measure_id == "x"


_ALPHABET = "0123456789０１２３.．-~至×万亿千百十一二两数近约超余多以上内元%％家名个天年月日号第“”《》平方米工作日小时GT "


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=40))
def test_any_text_gives_consistent_figures(text: str) -> None:
    found = figures_in(text, "m")
    for figure in found:
        assert text[figure.start : figure.end] == figure.raw and figure.raw
        assert figure.kind in KINDS and figure.value >= 0
        assert figure.high is None or figure.high > figure.value  # a range goes up
    starts = [f.start for f in found]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))  # never overlapping
