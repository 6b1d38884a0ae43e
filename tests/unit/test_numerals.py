"""Chinese numerals and dates as documents write them (zimao_tui/document/numerals.py)."""

from __future__ import annotations

import pytest

from zimao_tui.document.numerals import cn_to_int, find_dates, only_date


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("五十四", 54),  # 五十四、 in the State Council's work rules
        ("五十七", 57),  # 第五十七条
        ("十", 10),
        ("十二", 12),
        ("二十六", 26),
        ("一百零五", 105),
        ("一千二百", 1200),
        ("两万三千", 23000),
        ("二〇〇四", 2004),  # 〇 U+3007
        ("二○○四", 2004),  # ○ U+25CB, as old documents write it
        ("一九九○", 1990),
        ("零", 0),
        ("38", 38),
        ("３８", 38),
    ],
)
def test_cn_to_int(text: str, value: int) -> None:
    assert cn_to_int(text) == value


@pytest.mark.parametrize("text", ["", "第一", "abc", "十x"])
def test_cn_to_int_refuses_what_is_not_a_numeral(text: str) -> None:
    assert cn_to_int(text) is None


@pytest.mark.parametrize(
    ("line", "iso", "time"),
    [
        ("二〇〇四年六月二十六日", "2004-06-26", None),
        ("（二○○四年六月十六日国务院", "2004-06-16", None),
        ("一九九○年", "1990", None),
        ("2018年11月07日", "2018-11-07", None),
        ("——2026年2月3日在上海市第十六届人民代表大会第四次会议上", "2026-02-03", None),
        ("2022-07-05 09:52 来源:", "2022-07-05", "09:52"),
        ("时间：2026-02-09", "2026-02-09", None),
        ("2017-03-19 19:57:21  中国政府网", "2017-03-19", "19:57"),
        ("发布日期：2019/3/5", "2019-03-05", None),
        ("2026年2月", "2026-02", None),
        ("２０１８年１１月７日", "2018-11-07", None),
    ],
)
def test_find_dates(line: str, iso: str, time: str | None) -> None:
    found = find_dates(line)[0]
    assert (found.iso, found.time) == (iso, time)


@pytest.mark.parametrize(
    "line",
    [
        "国内生产总值增长5.4%",
        "2018.11",  # a figure, not a date
        "2025年13月1日",  # no month 13
        "5000年",
    ],
)
def test_no_date(line: str) -> None:
    assert find_dates(line) == []


def test_only_date_accepts_a_signature_date_and_nothing_more() -> None:
    assert only_date("二〇〇四年六月二十六日").iso == "2004-06-26"  # type: ignore[union-attr]
    assert only_date("2018年11月7日").iso == "2018-11-07"  # type: ignore[union-attr]
    assert only_date("（2019年3月5日）").iso == "2019-03-05"  # type: ignore[union-attr]
    assert only_date("2018年11月7日印发") is None
    assert only_date("国务院 2018年11月7日") is None
