"""Numbering styles: how a line says it starts a heading, one small rule each.

Chinese official documents number their divisions in a handful of styles, typed with ASCII or
full-width punctuation depending on who typed them. Each :class:`Style` below is one of them. A
style either has a fixed place (第X编 above 第X章 above 第X节 above 第X条: laws and regulations
say what each level is) or none (一、 （一） 1. （1） ①): the levels of those are decided by the
order in which the document uses them, in ``tree.py``, not by a table here.

To add a style, add one ``Style`` to ``STYLES`` (and a test in ``tests/unit/test_styles.py``);
nothing else needs to know it. Attachments (附件1), signature blocks and 结束语 are not
headings inside the text but places of their own; their rules live at the end of this module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from zimao_tui.document.numerals import cn_to_int
from zimao_tui.document.report import HeadingKind

CN_DIGITS = "一二三四五六七八九十百零〇○两"
"""Characters of a Chinese ordinal number (〇 U+3007 and ○ U+25CB are both typed for zero)."""

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def cn_value(numeral: str) -> int:
    """The value of a heading's numeral: 五十四 -> 54, 12 -> 12, ⑫ -> 12 (0 if unreadable).

    0 is treated by the tree as "not a continuation" rather than failing. Chinese numerals are
    read by :func:`zimao_tui.document.numerals.cn_to_int`, their one home.
    """
    if len(numeral) == 1 and numeral in CIRCLED:
        return CIRCLED.index(numeral) + 1
    if numeral.isdecimal():
        return int(numeral)
    return cn_to_int(numeral.replace("两", "二")) or 0


@dataclass(frozen=True)
class Style:
    """One way of numbering a heading.

    ``pattern`` must match at the start of a line with groups ``num`` (the marker exactly as
    written, kept verbatim as the heading's number), ``n`` (the numeral inside it) and
    ``rest`` (the heading's text after it).
    """

    key: str
    pattern: str
    rank: int = 0
    """1-4 for 第X编/章/节/条: a fixed place above every unranked style. 0: decided by use."""
    kind: HeadingKind | None = None
    """The node kind when fixed by the style; None: from the heading's depth (see tree.py)."""
    run_in_item: bool = False
    """At the start of a paragraph with more text (一是…。…), an item holding only that
    paragraph, so a reader can step through them; on a line of its own, a heading."""
    bare: bool = False
    """The marker alone on its line is still a heading (第一章 with its title on the next line)."""
    spaced: bool = False
    """Titles are often letter-spaced (第一章　总　则): ``title`` removes the spaces."""
    title_only: bool = False
    """Only a short title may follow (1　总则, 1.1　编制目的): a line of figures such as
    ``3.5万亿元…。`` or ``12 个…`` is no heading."""


_N = f"[{CN_DIGITS}]{{1,5}}|\\d{{1,3}}"
_TITLE_START = "\u4e00-\u9fff（(《“"
"""What a decimal-numbered title starts with (1　总则, 4.2　国家级(Ⅰ级)应急响应)."""

STYLES: tuple[Style, ...] = (
    Style(
        "part",
        rf"^(?P<num>第(?P<n>{_N})(?:编|篇|部分))[\s:：]*(?P<rest>.*)$",
        1,
        "part",
        bare=True,
        spaced=True,
    ),
    Style(
        "chapter", rf"^(?P<num>第(?P<n>{_N})章)[\s:：]*(?P<rest>.*)$", 2, "chapter", bare=True, spaced=True
    ),
    Style(
        "section", rf"^(?P<num>第(?P<n>{_N})节)[\s:：]*(?P<rest>.*)$", 3, "section", bare=True, spaced=True
    ),
    Style(
        "article",
        rf"^(?P<num>第(?P<n>{_N})条(?:之[一二三四五六七八九十]{{1,2}})?)[\s:：]*(?P<rest>.*)$",
        4,
        "article",
        bare=True,
    ),
    Style("ordinal", r"^(?P<num>第(?P<n>[一二三四五六七八九十]{1,3})[，、,])(?P<rest>.*)$", run_in_item=True),
    Style(
        "shi", r"^(?P<num>(?P<n>[一二三四五六七八九十]{1,3})是)(?P<rest>[^，,、。是].*)$", run_in_item=True
    ),
    Style("cn", rf"^(?P<num>(?P<n>[{CN_DIGITS}]{{1,4}})[、.．])(?P<rest>.*)$"),
    Style("paren_cn", rf"^(?P<num>[(（]\s*(?P<n>[{CN_DIGITS}]{{1,4}})\s*[)）])(?P<rest>.*)$"),
    Style(
        "decimal3",
        rf"^(?P<num>\d{{1,2}}\.\d{{1,2}}\.(?P<n>\d{{1,2}}))[\s　]+(?=[{_TITLE_START}])(?P<rest>.*)$",
    ),
    Style(
        "decimal2",
        rf"^(?P<num>\d{{1,2}}\.(?P<n>\d{{1,2}}))[\s　]+(?=[{_TITLE_START}])(?P<rest>.*)$",
    ),
    Style("arabic", r"^(?P<num>(?P<n>\d{1,2})[.、．](?!\d))(?P<rest>.*)$"),
    Style(
        "decimal1", rf"^(?P<num>(?P<n>\d{{1,2}}))[\s　]+(?=[{_TITLE_START}])(?P<rest>.*)$", title_only=True
    ),
    Style("paren_arabic", r"^(?P<num>[(（](?P<n>\d{1,2})[)）])(?P<rest>.*)$"),
    Style("circled", rf"^(?P<num>(?P<n>[{CIRCLED}]))(?P<rest>.*)$"),
)
"""Every numbering style, tried in this order (第X条 before 第一， before 一、)."""


@dataclass(frozen=True)
class Marker:
    """A line that starts a heading: its style, number as written, value and the rest."""

    style: Style
    number: str
    value: int
    rest: str

    @property
    def title_text(self) -> str:
        """The rest, with a letter-spaced title (总　则) closed up for styles that space them."""
        if self.style.spaced and len(self.rest) <= 30 and not _has_terminator(self.rest):
            return "".join(self.rest.split())
        return self.rest


@cache
def _compiled() -> tuple[tuple[Style, re.Pattern[str]], ...]:
    """The styles' patterns, compiled on the first parse rather than at import."""
    return tuple((style, re.compile(style.pattern)) for style in STYLES)


@lru_cache(maxsize=4096)
def match(line: str) -> Marker | None:
    """The heading marker ``line`` starts with, or None for a plain line.

    Cached: the join, segment and tree passes each ask about the same lines (markers are
    immutable, so sharing them is safe).
    """
    for style, pattern in _compiled():
        m = pattern.match(line)
        if m is None:
            continue
        rest = m.group("rest").strip()
        if style.title_only and (not 2 <= len(rest) <= 30 or _has_terminator(rest)):
            continue
        if rest or style.bare:
            return Marker(style, m.group("num"), cn_value(m.group("n")), rest)
    return None


def _has_terminator(text: str) -> bool:
    return any(ch in text for ch in "。！？；")


# --- places of their own: attachments, signatures, closing remarks -------------------------


@dataclass(frozen=True)
class Attachment:
    """An attachment's first line: 附件 / 附件1 / 附件2：名词解释."""

    number: str
    title: str


DOCUMENT_ENDINGS: tuple[str, ...] = (
    "通知", "意见", "报告", "规则", "办法", "法", "条例", "规定", "决定", "方案", "措施", "举措", "规划",
    "纲要", "细则", "公告", "通告", "函", "批复", "决议", "指引", "指南", "要点", "计划", "清单", "目录",
    "标准", "守则", "章程", "说明", "讲话", "公报", "白皮书", "建议", "答复", "令", "命令", "议案", "解释",
    "通报", "纪要", "条款", "政策", "报告书", "宣言", "声明", "预案", "制度", "协定", "协议", "公约", "草案",
    "名单", "摘要", "批示", "一览表", "实事",
)  # fmt: skip
"""Words a document's title ends with (the one home of this list): a title line ending otherwise
goes on on the next line (关于湖北省巴东县官渡口镇马鬃山村 / 地质险情调研情况的报告). Used for the
document's own title (metadata.py), attachments' titles and an enclosed document's title (tree.py)."""


def ends_like_title(line: str) -> bool:
    """Whether a line in the body ends like a document's title (…调研情况的报告, 某某工作方案).

    Only the endings of two characters or more count here: in running text a line ending in
    法, 函 or 令 is more often a sentence broken mid-way (坚持依法 / 行政) than a title.
    """
    return line.endswith(_long_endings())


@cache
def _long_endings() -> tuple[str, ...]:
    return tuple(ending for ending in DOCUMENT_ENDINGS if len(ending) > 1)


@cache
def _listing_pattern() -> re.Pattern[str]:
    return re.compile(r"^附\s*件\s*[:：]")


def is_attachment_listing(line: str) -> bool:
    """附件：1.国土资源部关于…的报告 — the notice's list of its attachments, not an attachment."""
    return bool(_listing_pattern().match(line))


@cache
def _attachment_pattern() -> re.Pattern[str]:
    return re.compile(rf"^(?P<num>附\s*件\s*(?:[{CN_DIGITS}]{{1,3}}|\d{{1,2}})?)\s*[:：]?\s*(?P<rest>.*)$")


def attachment(line: str) -> Attachment | None:
    """The attachment this line starts, or None.

    Only a line that is a label (附件, 附件1, optionally a short title after it) starts one: a
    sentence that mentions 附件 (详见附件1。) or a list of attachments (附件：1.…2.…) does not.
    """
    if not line.startswith("附"):
        return None  # most lines: no pattern needed
    m = _attachment_pattern().match(line)
    if m is None:
        return None
    rest = m.group("rest").strip()
    if len(rest) > 40 or _has_terminator(rest) or match(rest) is not None:
        return None
    return Attachment("".join(m.group("num").split()), rest)


@cache
def _date_pattern() -> re.Pattern[str]:
    n = f"[{CN_DIGITS}]"
    return re.compile(
        rf"^[(（]?(?:\d{{4}}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日|{n}{{4}}年{n}{{1,2}}月{n}{{1,3}}日"
        r"|\d{4}[-./]\d{1,2}[-./]\d{1,2})[)）]?$"
    )


def is_date_line(line: str) -> bool:
    """A line that is only a date (a signature's: 2018年11月7日, 二〇〇四年六月二十六日)."""
    if len(line) > 30 or not ("日" in line or "-" in line or "/" in line or "." in line):
        return False
    return bool(_date_pattern().match("".join(line.split())))


def is_signature_line(line: str) -> bool:
    """A short line without sentence punctuation: an issuer's name above a signature date."""
    return 0 < len(line) <= 30 and not any(ch in line for ch in "。！？；，,：:") and match(line) is None


def is_closing_heading(line: str) -> bool:
    """结束语 on a line of its own: the closing remarks start there."""
    return len(line) <= 8 and "".join(line.split()) in {"结束语", "结语"}
