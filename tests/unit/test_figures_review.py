"""The issue 14 review's cases, one genre each, as the reports write them (sentences from the
national work reports 2022, 2023, 2025 and Guangdong's 2026 report).

Values, units and counted nouns are what a reader finds in the sentence.
"""

from __future__ import annotations

import pytest

from zimao_tui.insights.figures import Figure, date_number, figures_in


def _raws(text: str) -> list[str]:
    return [f.raw for f in figures_in(text, "m")]


def _one(text: str) -> Figure:
    found = figures_in(text, "m")
    assert len(found) == 1, [(f.raw, f.value, f.unit) for f in found]
    return found[0]


# Names and fixed expressions: the numeral counts nothing a reader would tabulate.
NAMES = [
    "严格落实中央八项规定精神，扎实开展党纪学习教育",
    "坚持在和平共处五项原则基础上同各国发展友好合作",
    "从国际看，世界百年变局加速演进",
    "我们有效应对百年变局和世纪疫情",
    "企业研发投入保持两位数增长",
    "制定实施教育强国建设三年行动计划。",
    "出台实施新型城镇化战略五年行动计划",
    "深化实施公共资源改革三年行动。",
    "去年一季度经济开局良好，但进入二季度以后主要指标连续走低",
]


@pytest.mark.parametrize("text", NAMES)
def test_names_and_set_phrases_are_no_figures(text: str) -> None:
    assert _raws(text) == []


def test_a_name_leaves_the_real_figures_beside_it() -> None:
    found = figures_in("和平共处五项原则发表70周年纪念大会", "m")
    assert [(f.raw, f.value, f.unit) for f in found] == [("70周年", 70, "年")]


def test_a_plain_duration_is_still_one() -> None:
    assert [(f.raw, f.unit) for f in figures_in("实施三年，成效明显", "m")] == [("三年", "年")]


# (sentence, raw, value, unit, kind, of)
NOUNS = [
    ("960多万贫困人口实现易地搬迁", "960多万", 9_600_000, "", "count", "贫困人口"),
    ("每年惠及3700多万学生。", "3700多万", 37_000_000, "", "count", "学生"),
    ("14亿多人口大国保持就业稳定", "14亿多", 1_400_000_000, "", "count", "人口"),
    ("惠及2900多万家庭。", "2900多万", 29_000_000, "", "count", "家庭"),
    ("惠及近千万家庭。", "近千万", 10_000_000, "", "count", "家庭"),
    ("职工医保参保人数突破5100万，", "突破5100万", 51_000_000, "", "count", ""),
]


@pytest.mark.parametrize(("text", "raw", "value", "unit", "kind", "of"), NOUNS)
def test_a_number_before_a_noun_counts_the_noun(
    text: str, raw: str, value: int, unit: str, kind: str, of: str
) -> None:
    figure = _one(text)
    assert (figure.raw, figure.value, figure.unit, figure.kind, figure.of) == (raw, value, unit, kind, of)
    assert figure.approximate


def test_a_measure_word_that_is_a_unit_still_counts() -> None:
    figure = _one("引进高层次人才500名，")
    assert (figure.unit, figure.of) == ("名", "")
    assert _one("478名人才成功申领").of == "人才"


# Classifiers and units (株, 对, 倍, 季度, 万P) are in test_figures_issue14.UNITS.


def test_a_latin_letter_after_p_is_no_unit() -> None:
    assert _raws("存储规模5万PB") == []


def test_pairs_and_head_count_with_bounds() -> None:
    found = figures_in("生猪、家禽年出栏量分别稳定在3900万头、13.5亿只以上。", "m")
    assert [(f.raw, f.value, f.unit, f.bound) for f in found] == [
        ("3900万头", 39_000_000, "头", None),
        ("13.5亿只以上", 1_350_000_000, "只", "lower"),
    ]


def test_an_enumeration_shares_the_unit_written_after_its_last_number() -> None:
    found = figures_in("单日最高客运量分别达1409万、1305万人次，均创历史新高。", "m")
    assert [(f.raw, f.value, f.unit) for f in found] == [
        ("1409万", 14_090_000, "人次"),
        ("1305万人次", 13_050_000, "人次"),
    ]
    found = figures_in("分别净减少10.6万、3.8万、3.3万平方公里。", "m")
    assert [(f.value, f.unit, f.kind) for f in found] == [
        (106_000, "平方公里", "area"),
        (38_000, "平方公里", "area"),
        (33_000, "平方公里", "area"),
    ]


def test_pair_is_not_a_unit_before_a_word() -> None:
    figure = _one("培育2.3万对外贸易企业")
    assert (figure.value, figure.unit, figure.kind) == (23_000, "", "count")


def test_ten_livelihood_projects_are_a_count() -> None:
    figure = _one("十件民生实事全面完成。")
    assert (figure.value, figure.unit, figure.of) == (10, "件", "民生实事")


# Exports: a year is a year, never a made-up day.
@pytest.mark.parametrize(
    ("text", "number", "iso"),
    [
        ("2022年经济社会发展总体要求", 2022, "2022"),
        ("到二〇三五年基本实现社会主义现代化", 2035, "2035"),
        ("2021年2月起施行", 202102, "2021-02"),
        ("自2021年4月1日启动以来", 20210401, "2021-04-01"),
    ],
)
def test_a_date_exports_the_precision_written(text: str, number: int, iso: str) -> None:
    figure = _one(text)
    assert figure.kind == "date"
    assert (date_number(figure.value), figure.iso_date) == (number, iso)


def test_a_date_without_a_year_exports_no_number() -> None:
    figure = _one("9月26日中央政治局会议")
    assert date_number(figure.value) is None and figure.iso_date == "--09-26"


def test_a_date_takes_its_sentence_target() -> None:
    assert [f.target for f in figures_in("力争到2035年实现", "m")] == [True]
