"""Word's automatic numbering as a reader sees it, and Chinese numerals written out (issue 13)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from zimao_tui.document.formats.properties import confirmed_title
from zimao_tui.document.formats.wordnumbers import Numbering
from zimao_tui.document.numerals import cn_to_int, int_to_cn

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def numbering(*abstracts: str, nums: str) -> Numbering:
    return Numbering(etree.fromstring(f"<w:numbering {NS}>{''.join(abstracts)}{nums}</w:numbering>"))


def lvl(ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>'
    )


POLICY_LEVELS = (
    lvl(0, "chineseCounting", "%1、", extra='<w:suff w:val="nothing"/>')
    + lvl(1, "chineseCounting", "（%2）")
    + lvl(2, "decimal", "%3.")
)
POLICY = f'<w:abstractNum w:abstractNumId="1">{POLICY_LEVELS}</w:abstractNum>'


def test_a_policy_documents_three_levels() -> None:
    """一、 then （一）（二）, then 1. 2.; a new 二、 restarts （一） under it."""
    n = numbering(POLICY, nums='<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>')
    got = [n.label("5", level) for level in (0, 1, 2, 2, 1, 0, 1)]
    assert got == ["一、", "（一）", "1.", "2.", "（二）", "二、", "（一）"]


def test_counting_past_ten_and_other_formats() -> None:
    abstract = (
        '<w:abstractNum w:abstractNumId="2">'
        + lvl(0, "chineseCounting", "第%1章", start=9)
        + lvl(1, "ideographTraditional", "%2、")
        + lvl(2, "japaneseCounting", "%3是")
        + lvl(3, "decimalEnclosedCircle", "%4")
        + "</w:abstractNum>"
    )
    n = numbering(abstract, nums='<w:num w:numId="1"><w:abstractNumId w:val="2"/></w:num>')
    assert [n.label("1", 0) for _ in range(4)] == ["第九章 ", "第十章 ", "第十一章 ", "第十二章 "]
    assert [n.label("1", 1) for _ in range(3)] == ["甲、", "乙、", "丙、"]
    assert [n.label("1", 2) for _ in range(2)] == ["一是", "二是"]
    assert n.label("1", 3) == "①"


def test_legal_numbering_and_outline_numbers() -> None:
    """``%1.%2`` writes every level; isLgl writes a Chinese-counted parent in digits (1.1)."""
    abstract = (
        '<w:abstractNum w:abstractNumId="3">'
        + lvl(0, "chineseCounting", "%1、")
        + lvl(1, "decimal", "%1.%2", extra="<w:isLgl/>")
        + "</w:abstractNum>"
    )
    n = numbering(abstract, nums='<w:num w:numId="2"><w:abstractNumId w:val="3"/></w:num>')
    assert [n.label("2", level) for level in (0, 1, 1)] == ["一、", "1.1 ", "1.2 "]


def test_lists_sharing_a_definition_continue_unless_one_restarts() -> None:
    nums = (
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
        '<w:num w:numId="3"><w:abstractNumId w:val="1"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
    )
    n = numbering(POLICY, nums=nums)
    assert [n.label(num, 0) for num in ("1", "1", "2", "3", "3")] == ["一、", "二、", "三、", "一、", "二、"]


def test_bullets_and_unknown_lists_give_no_number() -> None:
    bullet = '<w:abstractNum w:abstractNumId="4">' + lvl(0, "bullet", "\uf06c") + "</w:abstractNum>"
    n = numbering(bullet, nums='<w:num w:numId="9"><w:abstractNumId w:val="4"/></w:num>')
    assert n.label("9", 0) == "" and n.label("404", 0) == "" and Numbering(None).label("1", 0) == ""


@given(st.integers(min_value=1, max_value=99999))
def test_chinese_numerals_read_back(value: int) -> None:
    assert cn_to_int(int_to_cn(value)) == value


@pytest.mark.parametrize(
    ("value", "text"),
    [(10, "十"), (15, "十五"), (20, "二十"), (101, "一百零一"), (110, "一百一十"), (2019, "二千零一十九")],
)
def test_chinese_numerals_as_word_writes_them(value: int, text: str) -> None:
    assert int_to_cn(value) == text


def test_a_title_property_is_kept_only_when_the_opening_lines_say_it() -> None:
    lines = [
        "国务院文件",
        "国发〔2019〕3号",
        "国务院关于促进综合保税区",
        "高水平开放高质量发展的若干意见",
        "各省：",
    ]
    assert confirmed_title("国务院关于促进综合保税区高水平开放高质量发展的若干意见", lines)
    assert confirmed_title(" 国务院关于促进综合保税区 高水平开放高质量发展的若干意见", lines)
    for junk in ("Microsoft Word - 附件1.doc", "新建 Microsoft Word 文档", "", None):
        assert confirmed_title(junk, lines) == ""
    assert confirmed_title("关于做好2019年工作的通知", lines) == ""


def test_a_list_defined_by_a_list_style_borrows_its_levels_and_count() -> None:
    """``numStyleLink``: Word keeps a list style's levels in the abstract list that ``styleLink``s it."""
    styled = (
        f'<w:abstractNum w:abstractNumId="7"><w:styleLink w:val="PolicyList"/>{POLICY_LEVELS}</w:abstractNum>'
    )
    user = '<w:abstractNum w:abstractNumId="8"><w:numStyleLink w:val="PolicyList"/></w:abstractNum>'
    nums = (
        '<w:num w:numId="1"><w:abstractNumId w:val="8"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="7"/></w:num>'
    )
    n = numbering(styled, user, nums=nums)
    assert [n.label("1", 0), n.label("1", 1), n.label("2", 0)] == ["一、", "（一）", "二、"]
