"""Every quantity in a report — money, counts, percentages, durations, amounts, ages, dates.

Readers of a policy report want its numbers: how much money, how many firms, how many tonnes
of grain. They are written every which way (``5亿元``, ``1370多亿元``, ``十余项``, ``近万亿``,
``5—10年左右``, ``百分之十``, ``四千零七十三亿度``, ``二〇三五年``), so each is parsed into a value
in its base unit and kept with its raw text, its offsets in the measure (for highlighting) and
the measure's id. The units, hedges and set phrases are data in ``figure_rules.py``; Chinese
numerals are read by ``document/numerals.py``.

Decisions, so that the table says what the report says and nothing more:

- ``unit`` is the word after the number, normalised (度 -> 千瓦时, 方 -> 立方米, 周岁 -> 岁);
  only 元 is money in 元, 美元 is kept apart. ``value`` is in that unit with 万/亿 applied
  (``1.4万亿斤`` = 1.4e12 斤). ``个百分点`` is its own unit, not %; ``9成`` is 90 %.
- Ranges (``5—10年``, ``4.5%—5%``, ``2020年到2025年``, ``3月19日至20日``) give the low end as
  ``value`` and the high end as ``high``.
- ``approximate``: the report hedges (近/约/超过/突破…, 多/余 inside the number, 以上/以内/左右
  after it). ``bound`` says whether the hedge is a ceiling (以内, 以下, 不超过, 不高于: "upper")
  or a floor (以上, 不低于, 超过, 年满: "lower").
- ``target``: True for a goal (the sentence says 预期目标/力争/拟…, or the chapter is a plan:
  ``三、2025年政府工作任务``), False in a review chapter, None when neither is said; dates too.
- ``of``: the noun a measure word counts when it follows (``8000个集装箱`` -> 集装箱).
- Dates are never counts: their value is YYYYMMDD (00 for missing parts) inside the program, for
  sorting; exports give :func:`date_number` (2022, 202102, 20240926). A month without a
  year takes the year written before it in the measure, else the year of its chapter heading.
- Not figures: numbers in “…” or 《…》 (“十四五”, “3815”, “8·22”), glued to Latin letters
  (``5G``, ``PM2.5``), ordinals (``第十四届``, ``第七个五年计划``), ranks (``前五位``), rates
  (``每万人口``), words that merely contain a unit (``3人制``, ``15号线``), set phrases
  (千方百计), size classes (``万亿级``), and a lone 一 (``一批``), almost always an article.
- A bare 亿-scale number takes the unit of the next figure in the clause (``增加1.4亿、覆盖
  10.5亿人``), counts the noun right after it (``近1亿农村贫困人口``: unit "", ``of`` the noun),
  and is otherwise money in 元: how reports state industry sizes (``近万亿``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache

from zimao_tui.document.numerals import cn_number, cn_to_int, fraction_percent
from zimao_tui.document.report import Report
from zimao_tui.i18n import t
from zimao_tui.insights import figure_rules as rules
from zimao_tui.insights.figure_rules import KINDS, Bound, FigureKind, Hedge
from zimao_tui.insights.terms import term_spans

__all__ = [
    "DATE_UNIT",
    "KINDS",
    "Figure",
    "FigureKind",
    "collect_figures",
    "date_number",
    "extract_figures",
    "figures_in",
]

DATE_UNIT = "日期"

Number = int | float
Span = tuple[int, int]


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
    bound: Bound | None = None
    of: str = ""
    target: bool | None = None

    @property
    def iso_date(self) -> str | None:
        """``2021-02``, ``2021-04-01``, ``--09-03`` for dates; None for other kinds."""
        return _iso(self.value) if self.kind == "date" else None

    @property
    def iso_high(self) -> str | None:
        """The end of a date range (``2025`` in ``2020年到2025年``); None otherwise."""
        return _iso(self.high) if self.kind == "date" and self.high is not None else None


def date_number(value: Number | None) -> int | None:
    """A date as a number of the precision written: ``2022年`` -> 2022, ``2021年2月`` -> 202102,
    ``2024年9月26日`` -> 20240926; None when the year is unknown (``9月26日`` with no year
    before it). Never a made-up day: the ``date`` field says which precision it is."""
    if value is None or int(value) < 10000:
        return None
    year, month, day = int(value) // 10000, int(value) // 100 % 100, int(value) % 100
    return year if not month else year * 100 + month if not day else int(value)


def _iso(value: Number) -> str:
    year, month, day = int(value) // 10000, int(value) // 100 % 100, int(value) % 100
    parts = [f"{year:04d}" if year else "-"]
    if month:
        parts.append(f"{month:02d}")
        if day:
            parts.append(f"{day:02d}")
    return "-".join(parts)


_DIGITS = str.maketrans("０１２３４５６７８９．", "0123456789.")
_AR = r"(?:[0-9]{1,3}(?:[,，][0-9]{3})+(?![0-9.])|[0-9０-９]+(?:[.．][0-9０-９]+)?)"
"""Arabic numbers, with thousands separators as older reports print them (``62，000万吨``)."""
_CN = r"[零〇○一二两三四五六七八九十百千万亿]+(?:点[零〇○一二三四五六七八九]+)?"
_SCALE = "|".join(rules.SCALES)


def _alternatives(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Compiled on first use: importing this module stays free."""
    sep = re.escape(rules.RANGE_SEPARATORS)
    figure = re.compile(
        r"(?P<times>(?:[0-9]+|[两三四五六七八九十])个(?=[0-9]+(?:\.[0-9]+)?[%％]))?"
        rf"(?P<num>{_AR}|[数几]?{_CN})(?P<more1>多|余)?(?P<mult>{_SCALE})?(?P<more>多|余)?"
        rf"(?:(?P<sep>[{sep}])(?P<num2>{_AR}|{_CN})(?P<mult2>{_SCALE})?)?"
        rf"(?:[×xX*](?P<factor>{_AR}))?"
        rf"(?P<unit>{_alternatives(rules.UNITS)})?"
        rf"(?P<post>{_alternatives(rules.AFTER)})?"
    )
    date = re.compile(rf"{_date_part('')}(?:(?P<sep>[{sep}])(?P<b>{_date_part('2')}))?")
    fraction = re.compile(rf"(?P<den>[一二三四五六七八九十百千万]+)分之(?P<num>{_AR}|{_CN})")
    phrases = re.compile(_alternatives(rules.NOT_FIGURES))
    return figure, date, fraction, phrases


def _date_part(s: str) -> str:
    """A date's regex with group names suffixed by ``s`` (the second end of a range)."""
    y = rf"(?P<y{s}>(?:19|20)[0-9]{{2}}|[〇○零一二三四五六七八九]{{4}})年"
    m = rf"(?P<m{s}>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月"
    d = rf"(?P<d{s}>3[01]|[12][0-9]|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])[日号]"
    # The lookahead keeps the scan fast: a date starts with a numeral run ending in 年/月/日/号.
    return rf"(?=[0-9〇○零一二三四五六七八九十]{{1,4}}[年月日号])(?:{y})?(?:{m})?(?:{d})?"


def _plain(value: Decimal) -> Number:
    """An int when the value is whole (counts, 元), else a float."""
    return int(value) if value == value.to_integral_value() else float(value)


def _number(text: str) -> Decimal:
    """An Arabic or Chinese number (``１２``, ``3.5``, ``数十`` = its lower bound 10)."""
    if text[0] in "0123456789０１２３４５６７８９":
        return Decimal(text.translate(_DIGITS).replace(",", "").replace("，", ""))
    return Decimal(str(cn_number(text.lstrip("数几")) or 0))


def _overlaps(spans: Iterable[Span], start: int, end: int) -> bool:
    return any(a < end and start < b for a, b in spans)


def _protected(text: str) -> list[Span]:
    """Spans where digits are names: inside “…” and 《…》, and set phrases (千方百计)."""
    spans = [(s.start, s.end) for s in term_spans(text)] if any(c in text for c in "“「《") else []
    return spans + [(m.start(), m.end()) for m in _patterns()[3].finditer(text)]


# --- dates -------------------------------------------------------------------------------


def _part(m: re.Match[str], name: str, default: int) -> int | None:
    return cn_to_int(m[name]) if m[name] else default


def _date_value(m: re.Match[str], s: str, year: int, month: int = 0) -> tuple[int, int, int] | None:
    """(year, month, day) of one end of a date match; None when a part is out of range."""
    y = _part(m, f"y{s}", year)
    mo = _part(m, f"m{s}", month if m[f"d{s}"] else 0)
    d = _part(m, f"d{s}", 0)
    if y is None or mo is None or d is None:
        return None
    ok = (not y or 1900 <= y <= 2199) and mo <= 12 and d <= 31
    return (y, mo, d) if ok else None


def _range_end_fits(m: re.Match[str]) -> bool:
    """A range's second end is no finer than its first: 2020年到2025年, 3月19日至20日."""
    if not m["b"]:
        return False
    if m["d"]:
        return True
    if m["m"]:
        return not m["d2"] and bool(m["m2"])
    return bool(m["y2"]) and not m["m2"]


def _dates(text: str, measure_id: str, year: int) -> Iterator[Figure]:
    """Dates and date ranges; a date without a year takes the last year written, or ``year``."""
    for m in _patterns()[1].finditer(text.translate(_DIGITS)):  # ２０２５年 too; same offsets
        before = text[m.start() - 1] if m.start() else ""
        if m.start() == m.end() or (m["d"] and not m["m"]) or (before and before in _NOT_BEFORE_DATE):
            continue
        low = _date_value(m, "", year)
        if low is None:
            continue
        year = low[0] or year
        high = _date_value(m, "2", low[0], low[1]) if _range_end_fits(m) else None
        if high is not None and _ymd(high) < _ymd(low):
            high = None  # 2021年至2020年 is no range
        end = m.start("sep") if m["b"] and high is None else m.end()
        top = _ymd(high) if high else None
        yield Figure(
            text[m.start() : end], _ymd(low), DATE_UNIT, "date", False, measure_id, m.start(), end, top
        )


_NOT_BEFORE_DATE = "0123456789第〇○零一二三四五六七八九十"


def _ymd(parts: tuple[int, int, int]) -> int:
    return parts[0] * 10000 + parts[1] * 100 + parts[2]


# --- quantities --------------------------------------------------------------------------


def _hedges(text: str, m: re.Match[str]) -> tuple[str, Hedge | None, Hedge | None]:
    """The hedge word before the number (kept in the raw text), and the hedges before/after."""
    start = m.start()
    prefix = next((w for w in _BEFORE_LONGEST if text.endswith(w, 0, start)), "")
    return prefix, rules.BEFORE.get(prefix), rules.AFTER.get(m["post"] or "")


_BEFORE_LONGEST = sorted(rules.BEFORE, key=len, reverse=True)
_PLAN_NAMES = tuple(rules.PLAN_NAMES)
_NOT_UNIT_WORDS = tuple(rules.NOT_UNIT_WORDS)
_ORDINAL_BEFORE = re.compile(rf"第(?:[0-9]+|{_CN})个$")


def _not_a_number(text: str, m: re.Match[str]) -> bool:
    """Names, ordinals and rates: 5G, PM2.5, 第十四届, 第七个五年计划, 每万人口."""
    start, num_end = m.start(), m.end("num")
    before = text[start - 1] if start else ""
    after = text[num_end] if num_end < len(text) else ""
    if (before.isascii() and before.isalpha()) or (after.isascii() and after.isalpha()):
        return True
    if before and before in "第每.":
        return True
    return bool(_ORDINAL_BEFORE.search(text, max(0, start - 6), start))


def _not_a_unit(text: str, m: re.Match[str], unit: str | None) -> bool:
    """Words that merely contain a unit or a scale: 3人制, 三部门, 万亿级, 前五位, 前两款."""
    follow = text[m.end()] if m.end() < len(text) else ""
    if unit is None:
        return bool(follow) and follow in rules.NOT_AFTER_BARE
    if follow and follow in rules.NOT_AFTER_UNIT and not m["post"]:
        return True
    if unit.isascii() and follow.isascii() and follow.isalpha():
        return True  # 11.4万P is computing power, 5万PB no P
    if rules.UNITS[unit].kind == "duration" and not m["post"] and text.startswith(_PLAN_NAMES, m.end()):
        return True  # 三年行动计划, 五年规划: a plan's name
    return unit in "位名款条项" and text.endswith("前", 0, m.start())  # 前五位, 前两款 (of a law)


def _lone_one(text: str, m: re.Match[str], kind: FigureKind, hedged: bool) -> bool:
    """一 alone is an article (一批, 一类, 一个) — except a hedged or plain duration (一年内)."""
    num = m["num"]
    if num[0].isdigit() or num not in ("一", "零", "〇") or hedged or m["mult"] or m["sep"]:
        return False
    if kind != "duration":
        return True
    after = text[m.end()] if m.end() < len(text) else ""
    return text.endswith(rules.LONE_ONE_BEFORE, 0, m.start()) or (
        bool(after) and after in rules.LONE_ONE_AFTER
    )


def _unit_of(m: re.Match[str]) -> rules.Unit | None:
    """The unit, or None when the word after the number is no unit here (千方百计's 方)."""
    unit = m["unit"]
    if unit is None:
        return None
    spec = rules.UNITS[unit]
    if m.string.startswith(_NOT_UNIT_WORDS, m.start("unit")):
        return None  # 14亿多人口: 人口 is a noun, not 人 and 口
    if unit == "年" and _YEAR.fullmatch(m["num"].translate(_DIGITS)):
        return None  # 2020年 is a year the date pattern did not take (2021年至2020年), never 2020 years
    scaled = m["num"][0].isdigit() or bool(m["mult"]) or any(c in m["num"] for c in "万亿")
    return spec if scaled or not spec.scaled_only else None


_YEAR = re.compile(r"(?:19|20)[0-9]{2}")


def _figure(text: str, m: re.Match[str], measure_id: str) -> Figure | None:
    """One quantity, or None when the match is no figure."""
    spec = _unit_of(m)
    if _not_a_number(text, m) or _not_a_unit(text, m, m["unit"] if spec else None):
        return None
    if spec is None and not _is_bare_scale(text, m):
        return None
    prefix, approximate, bound = _hedging(text, m)
    if _lone_one(text, m, spec.kind if spec else "money", approximate or bound is not None):
        return None
    factor = Decimal(rules.SCALES[m["mult"]] if m["mult"] else 1) * Decimal(str(spec.factor if spec else 1))
    value = _number(m["num"]) * factor * (_number(m["factor"]) if m["factor"] else 1)
    start, end = m.start() - len(prefix), _end(m, spec)
    kind, unit = (spec.kind, spec.base) if spec else ("money", "")  # "": a bare size, see _borrow_units
    high = _high(m, factor)
    return Figure(
        text[start:end], _plain(value), unit, kind, approximate, measure_id, start, end, high, bound
    )


def _hedging(text: str, m: re.Match[str]) -> tuple[str, bool, Bound | None]:
    """The hedge word before (kept in the raw text), whether the figure is approximate, its bound."""
    prefix, before, after = _hedges(text, m)
    hedged = bool(m["more1"] or m["more"] or m["num"].startswith(("数", "几")))
    approximate = hedged or any(h.approx for h in (before, after) if h)
    bound = next((h.bound for h in (after, before) if h and h.bound), None)
    return prefix, approximate, bound


def _end(m: re.Match[str], spec: rules.Unit | None) -> int:
    """Where the figure's text ends: a bare size (近万亿) stops at its scale, not at a 方 it declined."""
    if spec:
        return m.end()
    return m.end("more") if m["more"] else m.end("mult") if m["mult"] else m.end("num")


def _is_bare_scale(text: str, m: re.Match[str]) -> bool:
    """A number with 亿 and no unit (近万亿, 1.4亿): a size whose unit is said elsewhere.

    With 万 only when the number is in digits (``960多万贫困人口``, ``1409万、1305万人次``) or
    hedged (``近千万家庭``): a bare Chinese 千万 is as often the adverb (千万不能)."""
    if "亿" in (m["mult"] or "") or ("亿" in m["num"] and not m["num"][0].isdigit()):
        return True
    if "万" in (m["mult"] or ""):
        return m["num"][0].isdigit()
    return "万" in m["num"] and any(text.endswith(w, 0, m.start()) for w in _BEFORE_LONGEST)


def _high(m: re.Match[str], factor: Decimal) -> Number | None:
    """The top of a range (``5—10年`` -> 10): the second number with its own scale, or the first's.
    None when it is no higher than the first (``5—3年`` is no range)."""
    if not m["num2"]:
        return None
    scale = Decimal(rules.SCALES[m["mult2"]]) if m["mult2"] else factor
    if m["mult2"] and m["mult"]:
        scale = factor / Decimal(rules.SCALES[m["mult"]]) * scale
    high = _number(m["num2"]) * scale
    return _plain(high) if high > _number(m["num"]) * factor else None


def _fractions(text: str, measure_id: str) -> Iterator[Figure]:
    """``百分之十`` (10 %), ``五分之一`` (20 %), ``百分之五点一``, with hedges (不超过五分之一,
    百分之三十左右)."""
    for m in _patterns()[2].finditer(text):
        value = fraction_percent(m["den"], m["num"])
        if value is None:
            continue
        prefix = next((w for w in _BEFORE_LONGEST if text.endswith(w, 0, m.start())), "")
        post = next((w for w in _AFTER_LONGEST if text.startswith(w, m.end())), "")
        hedges = [h for h in (rules.BEFORE.get(prefix), rules.AFTER.get(post)) if h]
        approx = any(h.approx for h in hedges)
        bound = next((h.bound for h in hedges if h.bound), None)
        start, end = m.start() - len(prefix), m.end() + len(post)
        rounded = _plain(Decimal(str(round(value, 6))))
        yield Figure(text[start:end], rounded, "%", "percent", approx, measure_id, start, end, None, bound)


_AFTER_LONGEST = sorted(rules.AFTER, key=len, reverse=True)


# --- the whole measure -------------------------------------------------------------------


def figures_in(text: str, measure_id: str = "", year: int = 0, plan: bool | None = None) -> list[Figure]:
    """The figures of one measure's text, in order of appearance.

    ``year``: the year of the chapter (for ``9月26日``); ``plan``: True in a plan chapter,
    False in a review, None when the chapter does not say (see ``target``).
    """
    protected = _protected(text)
    found: list[Figure] = []
    for figure in (*_dates(text, measure_id, year), *_fractions(text, measure_id)):
        if not _overlaps(protected + _spans(found), figure.start, figure.end):
            found.append(figure)
    taken = _spans(found)
    for m in _patterns()[0].finditer(text):
        if _overlaps(taken, m.start(), m.end()) or _overlaps(protected, m.start(), m.end()):
            continue
        quantity = _figure(text, m, measure_id)
        if quantity is not None and not _overlaps(taken, quantity.start, quantity.end):
            found.append(quantity)
    found.sort(key=lambda f: f.start)
    found = _merge_ranges(text, _borrow_units(text, found))
    target = _target(text, plan)
    return [
        replace(f, of=_counted(text, f, found), target=target) for f in found
    ]  # a date takes its sentence's target too: 到2035年 in a plan is a deadline


def _spans(figures: Iterable[Figure]) -> list[Span]:
    return [(f.start, f.end) for f in figures]


def _borrow_units(text: str, found: list[Figure]) -> list[Figure]:
    """Give a bare size (a number with 万 or 亿 and no unit) what the text says it counts.

    ``增加1.4亿、覆盖10.5亿人``: the unit of the next figure in the clause. ``近1亿农村贫困人口``:
    a count of the noun that follows (the noun is its ``of``). ``千亿县``, ``万亿城市``: a class of
    places, no figure. Otherwise money in 元 with 亿 (how reports state an industry's size,
    ``近万亿``) and a count with 万 alone (``参保人数突破5100万``).
    """
    out: list[Figure] = []  # built from the end, so 10.6万、3.8万、3.3万平方公里 all borrow
    for figure in reversed(found):
        if figure.unit:
            out.append(figure)
            continue
        nxt = out[-1] if out else None
        follow = text[figure.end] if figure.end < len(text) else ""
        if _is_noun_start(follow):
            if any(c.isdigit() for c in figure.raw) or figure.approximate:
                out.append(replace(figure, kind="count"))
        elif nxt is not None and _same_clause(text, figure, nxt):
            out.append(replace(figure, unit=nxt.unit, kind=nxt.kind))
        elif "亿" in figure.raw:
            out.append(replace(figure, unit="元"))
        else:
            out.append(replace(figure, kind="count"))  # 参保人数突破5100万: counts what the clause names
    return out[::-1]


def _is_noun_start(ch: str) -> bool:
    return bool(ch) and not ch.isascii() and not ch.isdigit() and ch not in rules.COUNTED_STOP + "多余"


def _same_clause(text: str, figure: Figure, nxt: Figure) -> bool:
    between = text[figure.end : nxt.start]
    return (
        bool(nxt.unit)
        and nxt.kind != "date"
        and len(between) <= 12
        and not any(c in between for c in "。；;")
    )


def _merge_ranges(text: str, found: list[Figure]) -> list[Figure]:
    """``4.5%—5%``: two figures of one unit joined by a range separator are one range."""
    out: list[Figure] = []
    for figure in found:
        last = out[-1] if out else None
        joined = last is not None and text[last.end : figure.start] in tuple(rules.RANGE_SEPARATORS)
        if (
            last is not None
            and joined
            and last.unit == figure.unit
            and last.high is None
            and last.kind != "date"
        ):
            high = figure.high if figure.high is not None else figure.value
            out[-1] = replace(
                last,
                raw=text[last.start : figure.end],
                end=figure.end,
                high=high,
                approximate=figure.approximate,
            )
            continue
        out.append(figure)
    return out


def _counted(text: str, figure: Figure, found: list[Figure]) -> str:
    """The noun right after a measure word (``8000个集装箱`` -> 集装箱), cut at a stop word."""
    if figure.kind != "count" or (figure.unit and figure.unit not in rules.COUNT_WORDS):
        return ""  # 8000个集装箱 counts 集装箱; a bare 近1亿农村贫困人口 counts its noun too
    stop = min((f.start for f in found if f.start >= figure.end), default=len(text))
    noun = ""
    for i in range(figure.end, min(stop, figure.end + rules.COUNTED_MAX)):
        ch = text[i]
        if ch in rules.COUNTED_STOP or ch.isdigit() or ch.isascii() or text.startswith(_COUNTED_END, i):
            break
        if i == figure.end and not figure.unit and text.startswith(_NOT_UNIT_WORDS, i):
            return next(w for w in _NOT_UNIT_WORDS if text.startswith(w, i))  # 14亿多人口大国: 人口
        noun += ch
    return noun


_COUNTED_END = tuple(rules.COUNTED_END_WORDS)


def _target(text: str, plan: bool | None) -> bool | None:
    """True when the sentence states a goal or the chapter is a plan; False in a review."""
    if any(word in text for word in rules.TARGET_WORDS):
        return True
    if _result_words().search(text):
        return False
    return plan


@cache
def _result_words() -> re.Pattern[str]:
    return re.compile(rules.RESULT_PATTERN)


# --- a report ----------------------------------------------------------------------------

_YEAR_IN_HEADING = re.compile(r"(?:19|20)[0-9]{2}(?=年)")


def _chapter_context(labels: Iterable[str]) -> tuple[int, bool | None]:
    """The year and plan/review nature of a measure's chapters (the chapter first: a review
    chapter's subsection "（二）聚力落实国家重大战略任务" still reviews)."""
    year, plan = 0, None
    for label in labels:
        found = _YEAR_IN_HEADING.search(label)
        year = year or (int(found.group()) if found else 0)
        if plan is None and any(w in label for w in rules.REVIEW_HEADINGS):
            plan = False
        elif plan is None and any(w in label for w in rules.PLAN_HEADINGS):
            plan = True
    return year, plan


def extract_figures(report: Report) -> list[Figure]:
    """Every figure of every measure of a report, in report order, with its chapter's context."""
    figures: list[Figure] = []
    for measure in report.measures():
        labels = [h.label for h in report.ancestors(measure.id)]
        year, plan = _chapter_context(labels)
        figures.extend(figures_in(measure.text, measure.id, year, plan))
    return figures


def collect_figures(texts: Iterable[tuple[str, str]]) -> list[Figure]:
    """Figures from ``(measure_id, text)`` pairs (no chapter context)."""
    return [f for measure_id, text in texts for f in figures_in(text, measure_id)]


def format_number(value: Number | None) -> str:
    """Thousands separators, no float noise: 122500000 -> ``122,500,000``; 98.86 -> ``98.86``."""
    if value is None:
        return ""
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")


def display_value(figure: Figure) -> str:
    """The value as a table shows it: ISO date (``2020–2025``), ``5–30`` for ranges.

    A date whose year is unknown shows as written (``6月``), not as ISO's ``--06``."""
    if figure.kind == "date":
        if int(figure.value) < 10000:
            return figure.raw
        low = figure.iso_date or figure.raw
        return f"{low}–{figure.iso_high}" if figure.iso_high else low
    text = format_number(figure.value)
    return f"{text}–{format_number(figure.high)}" if figure.high is not None else text


def hedge_mark(approximate: bool, bound: Bound | None) -> str:
    """One symbol for the hedge: ``≤`` a ceiling (以内), ``≥`` a floor (以上), ``≈`` an estimate."""
    if bound:
        return "≤" if bound == "upper" else "≥"
    return "≈" if approximate else ""


def target_label(target: bool | None) -> str:
    """目标 / 实绩 (target / result) in the interface language; "" when the text does not say."""
    return "" if target is None else t("figures.target" if target else "figures.result")


def format_amount(value: Number, unit: str = "元") -> str:
    """An amount the Chinese way: ``1.23万亿元``, ``5.2亿吨``, ``1600万人``, ``800元``."""
    for scale, name in ((10**12, "万亿"), (10**8, "亿"), (10**4, "万")):
        if abs(value) >= scale:
            return f"{value / scale:.4g}{name}{unit}"
    return f"{value:.4g}{unit}"
