"""Chinese numerals and dates, as official documents write them: the one home for both.

Headings (第五十七条, 五十四、), dates (二〇〇四年六月二十六日) and figures (四千零七十三亿度,
三亿零五百三十万吨, 百分之十, 五分之一) all read their numerals here.

Why our own converter rather than ``cn2an`` (measured again for issue 14, cn2an 0.5.24, on the
issue's cases): cn2an reads 四千零七十三亿 and 三亿零五百三十万 right, but rejects ○ (U+25CB, the
zero of old texts: 一九九○) in every mode, rejects 百分之十 and 十余 (its ``transform`` handles
百分之 only by rewriting a whole sentence), and 二〇三五 only outside "strict" mode. Its import
costs 128-172 ms (``python -X importtime -c "import cn2an"``; it pulls in ``proces``) and a call
~19 us, against ~2 us here (``benchmarks/figures.py`` prints both when cn2an is installed). The
sixty lines below do the job; what is a figure and what is not lives in ``insights/``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

_DIGITS = {
    "零": 0,
    "〇": 0,  # U+3007
    "○": 0,  # U+25CB, old documents
    "Ｏ": 0,
    "О": 0,
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
    "壹": 1,
    "贰": 2,
    "叁": 3,
    "肆": 4,
    "伍": 5,
    "陆": 6,
    "柒": 7,
    "捌": 8,
    "玖": 9,
}
_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_LARGE = (("亿", 10**8), ("万", 10**4))
"""Section markers, largest first: 三亿零五百三十万 is 3 亿 + 0530 万."""
CN_DIGITS = "".join(_DIGITS)
"""Every character read as a digit (for character classes in other modules' patterns)."""
CN_NUMERAL_CHARS = CN_DIGITS + "".join(_UNITS) + "万"
"""Every character that may appear in a Chinese numeral this module reads."""

_FULLWIDTH = str.maketrans("０１２３４５６７８９：", "0123456789:")


def cn_to_int(text: str) -> int | None:
    """The value of a Chinese numeral: 五十四 -> 54, 十二 -> 12, 一百零五 -> 105, 二〇〇四 -> 2004,
    四千零七十三亿 -> 407300000000, 三亿零五百三十万 -> 305300000.

    A string of bare digits without units (二〇〇四, 一九九○) is read digit by digit, as years
    are written. Arabic digits pass through. Returns None for anything else, or for "".
    """
    text = text.strip().translate(_FULLWIDTH)
    if not text:
        return None
    if text.isdigit() and text.isascii():
        return int(text)
    if all(ch in _DIGITS for ch in text):
        if len(text) == 1:
            return _DIGITS[text]
        return int("".join(str(_DIGITS[ch]) for ch in text))
    return _sections(text)


def _sections(text: str) -> int | None:
    """A numeral with 亿 or 万 read section by section; below 10000, digit by unit."""
    for marker, scale in _LARGE:
        if marker in text:
            high, _, low = text.partition(marker)
            high_value = cn_to_int(high) if high else 1
            low_value = cn_to_int(low) if low else 0
            if high_value is None or low_value is None:
                return None
            return high_value * scale + low_value
    return _section(text)


def _section(text: str) -> int | None:
    """A numeral below 10000: 三千五百 -> 3500, 零五百三十 -> 530, 十二 -> 12."""
    section = 0
    digit: int | None = None
    for ch in text:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        elif ch in _UNITS:
            section += (1 if digit is None else digit) * _UNITS[ch]
            digit = None
        else:
            return None
    return section + (digit or 0)


def cn_number(text: str) -> float | int | None:
    """A number with a decimal part, Chinese or Arabic: 五点一 -> 5.1, 三点零五 -> 3.05, 3.5 -> 3.5."""
    whole, point, decimals = text.translate(_FULLWIDTH).replace("．", ".").partition("点")
    if not point:
        value = cn_to_int(whole)
        if value is not None:
            return value
        try:
            return float(whole)
        except ValueError:
            return None
    integer = cn_to_int(whole)
    if integer is None or not decimals or any(ch not in _DIGITS for ch in decimals):
        return None
    return float(f"{integer}.{''.join(str(_DIGITS[ch]) for ch in decimals)}")


def fraction_percent(denominator: str, numerator: str) -> float | None:
    """``X分之Y`` as a percentage: 百分之十 -> 10, 五分之一 -> 20, 千分之五 -> 0.5, 百分之五点一 -> 5.1."""
    low, high = cn_number(numerator), cn_to_int(denominator)
    if low is None or not high:
        return None
    return low * 100 / high


def int_to_cn(value: int, digits: str = "〇一二三四五六七八九", units: str = "十百千") -> str:
    """A whole number as a Chinese numeral, the inverse of :func:`cn_to_int` below 100000.

    How Word writes automatic numbers (一、 十一、 二十、 一百零一、): 十 alone for 10-19, 零 for
    a skipped place. ``digits``/``units`` give the financial forms (壹 … 玖, 拾佰仟).
    """
    if value <= 0 or value >= 100000:
        return str(value)
    if value >= 10000:
        high, low = divmod(value, 10000)
        rest = int_to_cn(low, digits, units) if low else ""
        zero = "零" if low and low < 1000 else ""
        return int_to_cn(high, digits, units) + "万" + zero + rest
    places = [(value // 1000) % 10, (value // 100) % 10, (value // 10) % 10, value % 10]
    names = [units[2], units[1], units[0], ""]
    out = ""
    pending_zero = False
    for place, (digit, unit) in enumerate(zip(places, names, strict=True)):
        if digit == 0:
            pending_zero = bool(out)
            continue
        if pending_zero:
            out += "零"
            pending_zero = False
        if not (digit == 1 and unit == "十" and not out and place == 2):
            out += digits[digit]
        out += unit
    return out


@dataclass(frozen=True)
class DateFound:
    """A date found in a line: ISO text (YYYY-MM-DD, YYYY-MM or YYYY), time, where it was."""

    iso: str
    time: str | None
    start: int
    end: int


@cache
def _date_patterns() -> tuple[re.Pattern[str], ...]:
    """Compiled on first use: importing this module stays free."""
    time = r"(?:\s*(?:(?P<t>\d{1,2}:\d{2})(?::\d{2})?(?!\d)|(?P<h>\d{1,2})时(?P<mi>\d{2})分))?"
    return (
        # 2018年11月07日, 2026年2月 (a 年 date may stop at the month)
        re.compile(
            r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月(?:\s*(?P<d>\d{1,2})\s*日)?" + time
        ),
        # 2022-07-05 09:52, 2018/11/7, 2018.11.7 (all three parts, the same separator twice)
        re.compile(
            r"(?<!\d)(?P<y>(?:19|20)\d{2})(?P<s>[-/.])(?P<m>\d{1,2})(?P=s)(?P<d>\d{1,2})(?!\d)" + time
        ),
        # 二〇〇四年六月二十六日, 一九九○年
        re.compile(
            rf"(?P<y>[{CN_DIGITS}]{{4}})\s*年"
            rf"(?:\s*(?P<m>[一二三四五六七八九十]{{1,3}})\s*月"
            rf"(?:\s*(?P<d>[一二三四五六七八九十]{{1,3}})\s*日)?)?"
        ),
    )


def find_dates(line: str) -> list[DateFound]:
    """Every date in a line, in order: 2018年11月07日, 2022-07-05 09:52, 2026年2月, 一九九○年."""
    text = line.translate(_FULLWIDTH)
    found: list[DateFound] = []
    for pattern in _date_patterns():
        for m in pattern.finditer(text):
            groups = m.groupdict()
            year = cn_to_int(m["y"])
            month = cn_to_int(m["m"]) if m["m"] else None
            day = cn_to_int(m["d"]) if m["d"] else None
            iso = _iso(year, month, day) if year is not None else None
            time = groups.get("t") or (f"{int(m['h']):02d}:{m['mi']}" if groups.get("h") else None)
            if iso:
                found.append(DateFound(iso, time, m.start(), m.end()))
    found.sort(key=lambda d: d.start)
    return found


def _iso(year: int, month: int | None, day: int | None) -> str | None:
    if not 1900 <= year <= 2199:
        return None
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    if not 1 <= day <= 31:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def only_date(line: str) -> DateFound | None:
    """The date if the line is nothing but a date (signatures: ``二〇〇四年六月二十六日``, ``（2018年11月7日）``)."""
    stripped = line.strip().strip("（）()[]【】 \u3000")
    dates = find_dates(stripped)
    if len(dates) != 1:
        return None
    d = dates[0]
    rest = (stripped[: d.start] + stripped[d.end :]).strip(" \u3000")
    return d if not rest else None
