"""Numbering styles, one at a time: what each one matches, its number as written and its value.

Examples are lines from real documents of the genre (laws, State Council rules and notices,
government work reports); the tree tests (test_tree.py) check how the styles nest.
"""

from __future__ import annotations

import pytest

from zimao_tui.document import styles
from zimao_tui.document.styles import STYLES, cn_value, match


def _key(line: str) -> str | None:
    marker = match(line)
    return marker.style.key if marker else None


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("一", 1),
        ("十", 10),
        ("十一", 11),
        ("二十", 20),
        ("五十四", 54),
        ("一百零五", 105),
        ("12", 12),
        ("①", 1),
    ],
)
def test_cn_value(numeral: str, value: int) -> None:
    assert cn_value(numeral) == value


def test_cn_value_of_something_else_is_zero() -> None:
    assert cn_value("甲") == 0


@pytest.mark.parametrize(
    ("line", "key", "number", "rest"),
    [
        ("第一编　总则", "part", "第一编", "总则"),
        ("第三篇 构建现代化产业体系", "part", "第三篇", "构建现代化产业体系"),
        ("第一部分　总体要求", "part", "第一部分", "总体要求"),
        ("一．总则", "cn", "一．", "总则"),
        ("第一章 总则", "chapter", "第一章", "总则"),
        ("第一章　总  则", "chapter", "第一章", "总  则"),
        ("第十章　作风纪律", "chapter", "第十章", "作风纪律"),
        ("第二节　审查程序", "section", "第二节", "审查程序"),
        (
            "第十二条 海南自由贸易港应当高标准建设口岸基础设施。",
            "article",
            "第十二条",
            "海南自由贸易港应当高标准建设口岸基础设施。",
        ),
        ("第五十七条　本法自公布之日起施行。", "article", "第五十七条", "本法自公布之日起施行。"),
        (
            "第一百二十条之一　以金钱资助恐怖活动的，处五年以下有期徒刑。",
            "article",
            "第一百二十条之一",
            "以金钱资助恐怖活动的，处五年以下有期徒刑。",
        ),
        ("第一，坚持稳中求进。", "ordinal", "第一，", "坚持稳中求进。"),
        ("第二、扩大内需。", "ordinal", "第二、", "扩大内需。"),
        ("一是联合港澳承办十五运会和残特奥会。", "shi", "一是", "联合港澳承办十五运会和残特奥会。"),
        ("十是加强政府自身建设。", "shi", "十是", "加强政府自身建设。"),
        ("五十四、国务院及各部门要实行政务公开。", "cn", "五十四、", "国务院及各部门要实行政务公开。"),
        ("一、2024年工作回顾", "cn", "一、", "2024年工作回顾"),
        ("（十一）繁荣发展社会主义文化", "paren_cn", "（十一）", "繁荣发展社会主义文化"),
        ("(一)全面深化改革创新工作", "paren_cn", "(一)", "全面深化改革创新工作"),
        ("1.“四上”企业：", "arabic", "1.", "“四上”企业："),
        ("13、标准海", "arabic", "13、", "标准海"),
        ("2．加强监管", "arabic", "2．", "加强监管"),
        ("（3）完善制度", "paren_arabic", "（3）", "完善制度"),
        ("②推进改革", "circled", "②", "推进改革"),
    ],
)
def test_each_style(line: str, key: str, number: str, rest: str) -> None:
    marker = match(line)
    assert marker is not None and (marker.style.key, marker.number, marker.rest) == (key, number, rest)


@pytest.mark.parametrize(
    "line",
    [
        "2.5",  # PM2.5 split off by a subscript: not item 2
        "12.5%的企业实现增长。",
        "第54次常务会议修订通过）",
        "一年来，全市经济社会发展稳中有进。",
        "一是",  # a marker with nothing after it is no heading
        "二、",
        "一是，",
        "国务院",
    ],
)
def test_plain_lines(line: str) -> None:
    assert match(line) is None


def test_ranked_styles_above_the_rest() -> None:
    ranks = {s.key: s.rank for s in STYLES}
    assert ranks["part"] < ranks["chapter"] < ranks["section"] < ranks["article"]
    assert all(s.rank == 0 for s in STYLES if s.key not in {"part", "chapter", "section", "article"})


def test_a_bare_chapter_marker_is_a_heading_but_a_bare_list_marker_is_not() -> None:
    assert _key("第三章") == "chapter" and match("第三章").rest == ""  # type: ignore[union-attr]
    assert _key("（一）") is None


def test_values_follow_the_numerals() -> None:
    assert [match(x).value for x in ("第五十七条 本法。", "（五十三）措施", "十一、各部", "⑫x")] == [
        57,
        53,
        11,
        12,
    ]  # type: ignore[union-attr]


def test_spaced_chapter_titles_close_up() -> None:
    marker = match("第一章　总  则")
    assert marker is not None and marker.title_text == "总则"
    article = match("第一条 为了 建设。")
    assert article is not None and article.title_text == "为了 建设。"  # article text is never respaced


@pytest.mark.parametrize(
    ("line", "number", "title"),
    [
        ("附件1", "附件1", ""),
        ("附件2", "附件2", ""),
        ("附件", "附件", ""),
        ("附件：名词解释", "附件", "名词解释"),
        ("附 件 3", "附件3", ""),
    ],
)
def test_attachment_labels(line: str, number: str, title: str) -> None:
    label = styles.attachment(line)
    assert label is not None and (label.number, label.title) == (number, title)


@pytest.mark.parametrize(
    "line", ["附件1所列事项由商务部负责解释。", "附件：1.国务院工作规则；2.会议制度。", "附加条款"]
)
def test_sentences_about_attachments_start_none(line: str) -> None:
    assert styles.attachment(line) is None


@pytest.mark.parametrize(
    "line",
    ["2018年11月7日", "二〇〇四年六月二十六日", "一九九○年三月一日", "2021-06-10", "（2018年11月7日）"],
)
def test_date_lines(line: str) -> None:
    assert styles.is_date_line(line)


@pytest.mark.parametrize(
    "line",
    ["2018年11月7日，国务院印发通知。", "2021年6月10日 第十三届全国人民代表大会常务委员会第二十九次会议通过"],
)
def test_sentences_with_dates_are_not_date_lines(line: str) -> None:
    assert not styles.is_date_line(line)


def test_signature_and_closing_lines() -> None:
    assert styles.is_signature_line("国务院") and styles.is_signature_line("国务院办公厅")
    assert not styles.is_signature_line("现予印发。") and not styles.is_signature_line("一、总则")
    assert styles.is_closing_heading("结束语") and styles.is_closing_heading("结 束 语")
