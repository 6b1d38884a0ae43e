"""Word's automatic numbering (``word/numbering.xml``) rendered as the reader sees it.

A policy document's 一、 （一） 1. often come from Word's list numbering rather than typed text:
the paragraph carries ``<w:numPr>`` (a list and a level), and the number is computed when the
page is drawn from the level's format (``chineseCounting``, ``decimal`` …) and its text
(``%1、``, ``（%2）``, ``%1.%2``). Without it the numbering steps would see 指导思想 where the
reader sees 一、指导思想. Counting follows Word: lists sharing an abstract definition continue
each other unless a list restarts a level (``startOverride``); a level restarts after any
higher level.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from zimao_tui.document.numerals import int_to_cn

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_LEVELS = 9
_DIVISIONS = "编章节条款部"
"""第一章 总则, 第三条 …: a division's number is followed by a space, as typed texts do."""


def _letters(value: int) -> str:
    """A, B … Z, AA, BB … as Word's ``upperLetter`` writes them."""
    return chr(ord("A") + (value - 1) % 26) * ((value - 1) // 26 + 1)


def _roman(value: int) -> str:
    out = ""
    for number, letters in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):  # fmt: skip
        count, value = divmod(value, number)
        out += letters * count
    return out


def _cycle(symbols: str) -> Callable[[int], str]:
    return lambda value: symbols[(value - 1) % len(symbols)]


_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalZero": lambda value: f"{value:02d}",
    "decimalFullWidth": lambda value: str(value).translate(
        str.maketrans("0123456789", "０１２３４５６７８９")
    ),
    "decimalHalfWidth": str,
    "chineseCounting": int_to_cn,
    "chineseCountingThousand": int_to_cn,
    "japaneseCounting": int_to_cn,
    "taiwaneseCounting": int_to_cn,
    "chineseLegalSimplified": lambda value: int_to_cn(value, "零壹贰叁肆伍陆柒捌玖", "拾佰仟"),
    "ideographLegalTraditional": lambda value: int_to_cn(value, "零壹貳參肆伍陸柒捌玖", "拾佰仟"),
    "ideographDigital": lambda value: "".join("〇一二三四五六七八九"[int(d)] for d in str(value)),
    "ideographTraditional": _cycle("甲乙丙丁戊己庚辛壬癸"),
    "ideographZodiac": _cycle("子丑寅卯辰巳午未申酉戌亥"),
    "decimalEnclosedCircle": lambda value: chr(0x2460 + value - 1) if value <= 20 else str(value),
    "decimalEnclosedCircleChinese": lambda value: chr(0x2460 + value - 1) if value <= 20 else str(value),
    "decimalEnclosedParen": lambda value: chr(0x2474 + value - 1) if value <= 20 else f"({value})",
    "decimalEnclosedFullstop": lambda value: chr(0x2488 + value - 1) if value <= 20 else f"{value}.",
    "upperLetter": _letters,
    "lowerLetter": lambda value: _letters(value).lower(),
    "upperRoman": _roman,
    "lowerRoman": lambda value: _roman(value).lower(),
    "bullet": lambda value: "",
    "none": lambda value: "",
}
"""Word's ``numFmt`` values; one not listed is written in Arabic digits."""


def _val(element: Any, tag: str, default: str = "") -> str:
    child = element.find(W + tag) if element is not None else None
    return default if child is None else str(child.get(W + "val", default))


@dataclass(frozen=True)
class Level:
    """One level of a list: where it starts, how its number looks, what follows it."""

    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    suffix: str = "tab"
    legal: bool = False

    @classmethod
    def parse(cls, lvl: Any) -> Level:
        start = _val(lvl, "start", "1")
        return cls(
            start=int(start) if start.lstrip("-").isdigit() else 1,
            fmt=_val(lvl, "numFmt", "decimal"),
            text=_val(lvl, "lvlText"),
            suffix=_val(lvl, "suff", "tab"),
            legal=lvl.find(W + "isLgl") is not None,
        )


@dataclass
class _List:
    """An abstract list definition and the counters its paragraphs advance."""

    levels: dict[int, Level]
    counters: list[int | None] = field(default_factory=lambda: [None] * _LEVELS)


class Numbering:
    """The numbers of one document's numbered paragraphs, computed in reading order."""

    def __init__(self, numbering: Any) -> None:
        """Read ``<w:numbering>`` (None when the document has no numbering part)."""
        self._lists: dict[str, _List] = {}
        self._nums: dict[str, tuple[str, dict[int, Level], dict[int, int]]] = {}
        self._restarted: set[str] = set()
        if numbering is None:
            return
        linked: dict[str, str] = {}  # abstractNumId -> the list style it borrows its levels from
        by_style: dict[str, _List] = {}
        for abstract in numbering.iter(W + "abstractNum"):
            levels = {int(lvl.get(W + "ilvl", "0")): Level.parse(lvl) for lvl in abstract.iter(W + "lvl")}
            abstract_id = str(abstract.get(W + "abstractNumId"))
            self._lists[abstract_id] = _List(levels)
            if _val(abstract, "styleLink"):
                by_style[_val(abstract, "styleLink")] = self._lists[abstract_id]
            if _val(abstract, "numStyleLink"):
                linked[abstract_id] = _val(abstract, "numStyleLink")
        for abstract_id, style in linked.items():  # a list defined by a list style: one list, one count
            if style in by_style:
                self._lists[abstract_id] = by_style[style]
        for num in numbering.iter(W + "num"):
            overrides: dict[int, Level] = {}
            starts: dict[int, int] = {}
            for override in num.iter(W + "lvlOverride"):
                level = int(override.get(W + "ilvl", "0"))
                start = _val(override, "startOverride")
                if start.isdigit():
                    starts[level] = int(start)
                lvl = override.find(W + "lvl")
                if lvl is not None:
                    overrides[level] = Level.parse(lvl)
            self._nums[str(num.get(W + "numId"))] = (_val(num, "abstractNumId"), overrides, starts)

    def label(self, num_id: str, level: int) -> str:
        """Advance list ``num_id`` at ``level`` and return the paragraph's number with its separator."""
        entry = self._nums.get(num_id)
        if entry is None or not 0 <= level < _LEVELS:
            return ""
        abstract_id, overrides, starts = entry
        lst = self._lists.get(abstract_id)
        if lst is None:
            return ""
        levels = {**lst.levels, **overrides}
        if num_id not in self._restarted and starts:
            self._restarted.add(num_id)
            for restart, start in starts.items():
                lst.counters[restart] = start - 1
        this = levels.get(level, Level())
        current = lst.counters[level]
        lst.counters[level] = this.start if current is None else current + 1
        lst.counters[level + 1 :] = [None] * (_LEVELS - level - 1)
        if this.fmt in ("bullet", "none"):
            return ""  # a bullet glyph (often a private-use Wingdings code) is not text
        text = _render(this.text, levels, lst.counters, this.legal)
        return text + _separator(text, this.suffix)


def _render(text: str, levels: dict[int, Level], counters: list[int | None], legal: bool) -> str:
    """``%1`` … ``%9`` in a level's text replaced by each level's counter, in its format."""
    for n in range(1, _LEVELS + 1):
        if f"%{n}" in text:
            shown = levels.get(n - 1, Level())
            count = counters[n - 1]
            fmt = "decimal" if legal else shown.fmt
            text = text.replace(f"%{n}", _FORMATS.get(fmt, str)(shown.start if count is None else count))
    return text


def _separator(label: str, suffix: str) -> str:
    """What Word puts between the number and the text, as a line of text needs it.

    ``nothing`` is nothing; a tab after a number ending in punctuation or a word (一、 1. （一）
    一是) reads as nothing in Chinese text; after 第一章, 第三条 or a bare 1 it is a space.
    """
    if not label or suffix == "nothing":
        return ""
    if suffix == "space":
        return " "
    return " " if (label[-1].isascii() and label[-1].isalnum()) or label[-1] in _DIVISIONS else ""
