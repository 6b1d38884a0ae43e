"""Every quantity in a report — money, counts, percentages, durations, areas, dates — normalised.

Readers of a policy report want its numbers: how much money, how many firms, how many days
saved. They are written every which way (``5亿元``, ``近2000万元``, ``十余项``, ``近万亿``,
``5-30天``, ``7×24小时``, ``98.86%``), so each is parsed into a value in its base unit and kept
with its raw text, its offsets in the measure (for highlighting) and the measure's id.

Decisions, so that the table says what the report says and nothing more:

- ``value`` is in the base unit: 元 for money (``5亿元`` = 500000000), the measure word for
  counts (``5000万台`` = 50000000 台), ``%`` for percentages (``98.86%`` = 98.86), 平方米 for
  areas. Durations keep their own unit (天, 工作日, 小时, 月, 年): a working day is not a day.
- Ranges (``5-30天``) give the low end as ``value`` and the high end as ``high``; ``high`` is
  None for single values. ``7×24小时`` is a product: 168 小时.
- ``approximate`` is true when the report hedges: 近/约/超/超过/逾/突破/不低于/不少于/至少 before,
  余/多 inside (``300余家``), 以上/以内/左右 after, and ``数十`` (value 10, its lower bound).
  Caps (最多/最高/最快) are exact figures and are not flagged.
- Dates: ``2021年2月``, ``9月3日``, ``2021年4月1日``, ``2021年`` are dates, never counts or
  durations. Their value is the sortable number YYYYMMDD with 00 for missing parts; a month
  and day without a year take the year last written in the same measure (``2021年2月…9月3日``).
- Not quantities: numbers inside “…” or 《…》 (names such as “799N”, “12315云端调解室”,
  《上市十条》), numbers glued to Latin letters (``5G``, ``T3``, ``B2B``, ``1-N期``), ordinals
  after 第 (``第21期``, ``第十二届``), words whose unit is no measure word (``十九大``, ``七大``,
  ``二期``, ``1:1``, ``1+8+N``, a bare ``2021中国…``), and a lone Chinese ``一`` (``一批``,
  ``一类``), which is almost always an article rather than a count.
- Bare 亿-scale numbers with no unit (``近万亿``, ``突破千亿``) are money in 元: that is how
  these reports state industry sizes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from zimao_tui.document.report import Report
from zimao_tui.insights.terms import term_spans

FigureKind = Literal["money", "count", "percent", "duration", "area", "date"]
KINDS: tuple[FigureKind, ...] = ("money", "count", "percent", "duration", "area", "date")
DATE_UNIT = "日期"

Number = int | float


@dataclass(frozen=True)
class Figure:
    """One quantity of one measure; ``start``/``end`` are offsets into the measure's text."""

    raw: str
    value: Number
    unit: str
    kind: FigureKind
    approximate: bool
    measure_id: str
    start: int
    end: int
    high: Number | None = None

    @property
    def iso_date(self) -> str | None:
        """``2021-02``, ``2021-04-01``, ``--09-03`` for dates; None for other kinds."""
        if self.kind != "date":
            return None
        year, month, day = int(self.value) // 10000, int(self.value) // 100 % 100, int(self.value) % 100
        parts = [f"{year:04d}" if year else "-"]
        if month:
            parts.append(f"{month:02d}")
            if day:
                parts.append(f"{day:02d}")
        return "-".join(parts)


_DIGITS = str.maketrans("０１２３４５６７８９．", "0123456789.")
_CN_DIGIT = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_UNIT = {"十": 10, "百": 100, "千": 1000}
_MULT = {
    "万亿": 10**12,
    "千亿": 10**11,
    "百亿": 10**10,
    "亿": 10**8,
    "千万": 10**7,
    "百万": 10**6,
    "万": 10**4,
}

# unit as written -> (kind, unit reported). Longest first so 个工作日 beats 个.
_UNITS: dict[str, tuple[FigureKind, str]] = {
    "万美元": ("money", "美元"),
    "美元": ("money", "美元"),
    "欧元": ("money", "欧元"),
    "元": ("money", "元"),
    "%": ("percent", "%"),
    "％": ("percent", "%"),
    "个百分点": ("percent", "百分点"),
    "平方公里": ("area", "平方公里"),
    "平方千米": ("area", "平方公里"),
    "平方米": ("area", "平方米"),
    "㎡": ("area", "平方米"),
    "公顷": ("area", "公顷"),
    "亩": ("area", "亩"),
    "个工作日": ("duration", "工作日"),
    "工作日": ("duration", "工作日"),
    "个自然日": ("duration", "天"),
    "个小时": ("duration", "小时"),
    "小时": ("duration", "小时"),
    "分钟": ("duration", "分钟"),
    "个月": ("duration", "月"),
    "周年": ("duration", "年"),
    "年": ("duration", "年"),
    "天": ("duration", "天"),
    "周": ("duration", "周"),
}
_COUNT_WORDS = "个项家名件场类台条笔班批人位户套次所座辆架艘张份种款支宗例间栋处列单票"
for _w in _COUNT_WORDS:
    _UNITS[_w] = ("count", _w)
for _w in ("人次", "家次", "批次", "标箱"):
    _UNITS[_w] = ("count", _w)
_UNIT_ALT = "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))

_AR = r"[0-9０-９]+(?:[.．][0-9０-９]+)?"
_CN = r"[零〇一二两三四五六七八九十百千万]+"
_FIGURE = re.compile(
    rf"(?P<num>{_AR}|数?{_CN})"
    rf"(?:(?P<sep>[-~～至到])(?P<num2>{_AR}|{_CN}))?"
    rf"(?:[×xX*](?P<factor>{_AR}))?"
    r"(?P<mult>万亿|千亿|百亿|亿|千万|百万|万)?"
    r"(?P<more>余|多)?"
    rf"(?P<unit>{_UNIT_ALT})?"
    r"(?P<post>以上|以内|以下|左右)?"
)
_DATE = re.compile(
    r"(?=\d)(?:(?P<y>(?:19|20)\d{2})年)?(?:(?P<m>1[0-2]|0?[1-9])月)?(?:(?P<d>3[01]|[12]\d|0?[1-9])[日号])?"
)
_PREFIXES = tuple(
    sorted(
        (
            *("不低于", "不少于", "不超过", "不高于", "不多于", "不大于", "不足"),
            *("低于", "少于", "高于", "多于", "超过", "至少", "突破", "近", "约", "超", "逾"),
        ),
        key=len,
        reverse=True,
    )
)
"""Words that make a figure a bound or an estimate, kept in its raw text. Longest first:
不超过3天 is "at most", and must not be read as its tail 超过3天, "more than"."""


def _cn_value(text: str) -> int:
    """A Chinese numeral as an int: 十余 -> 10, 二十三 -> 23, 三千五百 -> 3500, 万 -> 10000."""
    total = section = digit = 0
    for ch in text:
        if ch in _CN_DIGIT:
            digit = _CN_DIGIT[ch]
        elif ch in _CN_UNIT:
            section += (digit or 1) * _CN_UNIT[ch]
            digit = 0
        elif ch == "万":
            total += ((section + digit) or 1) * 10000
            section = digit = 0
    return total + section + digit


def _number(text: str) -> Decimal:
    if text[0].isdigit() and text[0] in "0123456789０１２３４５６７８９":
        return Decimal(text.translate(_DIGITS))
    return Decimal(_cn_value(text.removeprefix("数")))


def _plain(value: Decimal) -> Number:
    """An int when the value is whole (counts, 元), else a float."""
    return int(value) if value == value.to_integral_value() else float(value)


def _protected(text: str) -> list[tuple[int, int]]:
    """Spans where digits are part of a name: inside “…” and 《…》."""
    return [(s.start, s.end) for s in term_spans(text)]


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in spans)


def _dates(text: str, measure_id: str, taken: list[tuple[int, int]]) -> list[Figure]:
    found: list[Figure] = []
    year = 0
    for m in _DATE.finditer(text):
        y, mo, d = m.group("y"), m.group("m"), m.group("d")
        if not (y or mo) or (d and not mo) or m.start() == m.end():
            continue
        before = text[m.start() - 1] if m.start() else ""
        if before.isdigit() or before == "第":
            continue
        if y:
            year = int(y)
        value = (int(y) if y else year) * 10000 + int(mo or 0) * 100 + int(d or 0)
        found.append(Figure(m.group(), value, DATE_UNIT, "date", False, measure_id, m.start(), m.end()))
        taken.append((m.start(), m.end()))
    return found


def figures_in(text: str, measure_id: str = "") -> list[Figure]:
    """The figures of one measure's text, in order of appearance."""
    protected = _protected(text)
    taken: list[tuple[int, int]] = []
    figures = [f for f in _dates(text, measure_id, taken) if not _inside(protected, f.start, f.end)]
    for m in _FIGURE.finditer(text):
        start, end = m.start(), m.end()
        if any(a < end and start < b for a, b in taken) or _inside(protected, start, end):
            continue
        figure = _figure(text, m, measure_id)
        if figure is not None:
            figures.append(figure)
    return sorted(figures, key=lambda f: f.start)


def _figure(text: str, m: re.Match[str], measure_id: str) -> Figure | None:
    start, end = m.start(), m.end()
    num, unit_text, mult = m.group("num"), m.group("unit"), m.group("mult")
    before = text[start - 1] if start else ""
    after = text[m.end("num")] if m.end("num") < len(text) else ""
    if (before.isascii() and before.isalpha()) or (after.isascii() and after.isalpha()):
        return None  # 5G, T3, B2B, 799N, 1-N: model names, not quantities
    if before == "第":
        return None
    kind: FigureKind
    if unit_text is None:
        if not (mult and "亿" in mult):
            return None
        kind, unit = "money", "元"  # 近万亿, 突破千亿: an industry's size in 元
    else:
        kind, unit = _UNITS[unit_text]
    prefix = next((p for p in _PREFIXES if text.endswith(p, 0, start)), "")
    approximate = bool(prefix or m.group("more") or m.group("post") in ("以上", "以内", "以下", "左右"))
    approximate = approximate or num.startswith("数")
    chinese = not num[0].isdigit()
    if chinese and _cn_value(num.removeprefix("数")) < 2 and not (approximate or mult):
        return None  # 一批, 一类, 一个: an article, not a count (一亿元 is money)
    if kind == "duration" and unit == "年" and not chinese and re.fullmatch(r"(?:19|20)\d{2}", num):
        return None  # a year the date pattern could not take (it is one)
    scale = Decimal(_MULT[mult]) if mult else Decimal(1)
    if unit_text == "万美元":
        scale *= 10000
    value = _number(num) * scale
    high: Number | None = None
    if m.group("num2"):
        high = _plain(_number(m.group("num2")) * scale)
    if m.group("factor"):
        value *= _number(m.group("factor"))
    start -= len(prefix)
    return Figure(text[start:end], _plain(value), unit, kind, approximate, measure_id, start, end, high)


def format_number(value: Number | None) -> str:
    """Thousands separators, no float noise: 122500000 -> ``122,500,000``; 98.86 -> ``98.86``."""
    if value is None:
        return ""
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")


def display_value(figure: Figure) -> str:
    """The value as a table shows it: ISO date for dates, ``5–30`` for ranges."""
    if figure.kind == "date":
        return figure.iso_date or figure.raw
    text = format_number(figure.value)
    return f"{text}–{format_number(figure.high)}" if figure.high is not None else text


def format_money(yuan: Number) -> str:
    """A sum of money the Chinese way: ``1.23万亿``, ``5.2亿``, ``1600万``, ``800``."""
    for scale, name in ((10**12, "万亿"), (10**8, "亿"), (10**4, "万")):
        if abs(yuan) >= scale:
            return f"{yuan / scale:.4g}{name}"
    return f"{yuan:.4g}"


def extract_figures(report: Report) -> list[Figure]:
    """Every figure of every measure of a report, in report order."""
    return collect_figures((m.id, m.text) for m in report.measures())


def collect_figures(texts: Iterable[tuple[str, str]]) -> list[Figure]:
    """Figures from ``(measure_id, text)`` pairs."""
    return [f for measure_id, text in texts for f in figures_in(text, measure_id)]
