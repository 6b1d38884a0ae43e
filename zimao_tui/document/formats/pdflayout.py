"""A PDF page's text runs (with their boxes) to paragraphs in reading order.

PDF has no paragraphs, only glyphs at positions, and writers draw them in any order. Three
steps rebuild what a reader sees, from geometry alone (no PDF library here, so the rules are
tested on plain numbers):

1. **Columns.** A page is in two columns when an empty vertical strip runs down its middle with
   text on both sides, the right side's lines starting at one edge. Lines that cross the strip
   (a title, a running head) are read where they stand; between them, the left column is read
   before the right.
2. **Furniture.** The first and last lines of each page are dropped when they are page numbers
   (``- 3 -``, ``第 3 页 共 8 页``, ``3/8``, a bare 3) or a running title (the same text, digits
   aside, at the top or bottom of at least half the pages).
3. **Wrapped lines.** A line joins the one before when that one reaches the column's right edge,
   this one is set in the same type size, is not indented, is not the start of a numbered heading (一、 （一） 1. 附件,
   第三条 followed by a space or after a finished sentence)
   and no wider gap than usual separates them. A line ending in sentence punctuation (。；：！？)
   that reaches the edge continues too when the document marks its paragraphs by indenting
   them, and ends the paragraph when it does not.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from statistics import median

from zimao_tui.document.numerals import cn_to_int, int_to_cn

_HEADING_START = re.compile(
    r"(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十百]+[)）]|[（(]\d+[)）]|\d+[.．、](?![\dA-Za-z])|附件)"
)
_DIVISION_START = re.compile(r"第[一二三四五六七八九十百千零〇\d]+[编章节条部]")
"""第三条, 第一章: a heading when a space follows (第三条　…) or the line before ended a sentence;
mid-sentence it is a reference wrapped to the line start (依照本法 / 第四十二条的规定)."""
_SENTENCE_END = re.compile(r"[。；：！？!?;:][”’」』）)]*$")
_PAGE_NUMBER = re.compile(
    r"[-—–－‐─\s]*\d{1,4}[-—–－‐─\s]*"
    r"|第\s*\d+\s*页\s*[,，/／]?\s*(?:共\s*\d+\s*页)?"
    r"|共\s*\d+\s*页\s*[,，]?\s*第\s*\d+\s*页"
    r"|\d+\s*[/／]\s*\d+"
    r"|(?i:page)\s*\d+(?:\s*(?i:of)\s*\d+)?"
)
_EDGE = 2
"""How many lines at each end of a page may be furniture."""


@dataclass(frozen=True)
class Segment:
    """A run of text on one line of a page, with its box in points (y grows upwards)."""

    text: str
    left: float
    bottom: float
    right: float
    top: float

    @property
    def height(self) -> float:
        return max(self.top - self.bottom, 1.0)


@dataclass(frozen=True)
class Line:
    """A line of a page in reading order: its text, box, page and column (0 = full width)."""

    text: str
    left: float
    right: float
    top: float
    height: float
    page: int
    column: int
    space_after: bool = False
    """The line ended in a space (``中共中央办公厅 国务院办公厅`` wrapped after the space)."""
    space_before: bool = False
    """The line began with one (a space wrapped to the next line keeps the words apart)."""


def paragraphs(pages: Sequence[Sequence[Segment]]) -> list[str]:
    """Every page's runs as paragraphs, in reading order, page furniture left out."""
    gutters = _gutters(pages)
    page_lines = [_page_lines(segments, number, gutters[number]) for number, segments in enumerate(pages)]
    page_lines = _drop_furniture(page_lines)
    return _join([line for page in page_lines for line in page])


# --- 1. columns and lines ---------------------------------------------------------------------


def _gutters(pages: Sequence[Sequence[Segment]]) -> list[float | None]:
    """Each page's gutter; a page too short to show its own (the last, half empty) takes the
    document's when no line of it crosses that strip."""
    found = [_gutter(segments) if segments else None for segments in pages]
    known = Counter(round(g / 10) * 10 for g in found if g is not None)
    if not known:
        return found
    usual = known.most_common(1)[0][0]
    typical = next(g for g in found if g is not None and round(g / 10) * 10 == usual)
    for number, segments in enumerate(pages):
        if found[number] is None and segments:
            crossing = sum(1 for s in segments if s.left < typical < s.right)
            sides = {_side(s, typical) for s in segments}
            if crossing <= max(2, len(segments) // 10) and {1, 2} <= sides:
                found[number] = typical
    return found


def _page_lines(segments: Sequence[Segment], page: int, gutter: float | None) -> list[Line]:
    """The page's lines in reading order: full-width bands, and two columns between them."""
    if not segments:
        return []
    ordered = sorted(segments, key=lambda s: -s.top)
    out: list[Line] = []
    band: list[Segment] = []
    for segment in ordered:
        side = _side(segment, gutter)
        if side:
            band.append(segment)
            continue
        out += _column_lines(band, gutter, page)
        band = []
        out += _lines([segment], page, 0)
    out += _column_lines(band, gutter, page)
    return _merge_full_width(out)


def _column_lines(band: list[Segment], gutter: float | None, page: int) -> list[Line]:
    left = [s for s in band if _side(s, gutter) == 1]
    right = [s for s in band if _side(s, gutter) == 2]
    return _lines(left, page, 1) + _lines(right, page, 2)


def _merge_full_width(lines: list[Line]) -> list[Line]:
    """Join full-width runs that stand on one line (a line drawn in several runs)."""
    out: list[Line] = []
    for line in lines:
        last = out[-1] if out else None
        if last and line.column == last.column == 0 and abs(last.top - line.top) < 0.5 * line.height:
            first, second = (last, line) if last.left <= line.left else (line, last)
            gap = " " if second.left - first.right > 0.5 * line.height else ""
            out[-1] = Line(
                first.text + gap + second.text,
                first.left,
                max(first.right, second.right),
                max(first.top, second.top),
                max(first.height, second.height),
                line.page,
                0,
                second.space_after,
                first.space_before,
            )
        else:
            out.append(line)
    return out


def _side(segment: Segment, gutter: float | None) -> int:
    """0 when the run crosses the gutter (or there is none), 1 left of it, 2 right of it."""
    if gutter is None:
        return 0
    if segment.right <= gutter:
        return 1
    if segment.left >= gutter:
        return 2
    return 0


def _gutter(segments: Sequence[Segment]) -> float | None:
    """The x of the empty strip between two columns, or None for a one-column page."""
    left_edge = min(s.left for s in segments)
    width = max(s.right for s in segments) - left_edge
    narrow = [s for s in segments if s.right - s.left < 0.6 * width]
    if len(narrow) < 10:
        return None
    height = median(s.height for s in narrow)
    strip = _widest_gap(narrow, int(left_edge + 0.25 * width), int(left_edge + 0.75 * width))
    if strip is None or strip[1] - strip[0] < max(6.0, 0.5 * height):
        return None
    middle = (strip[0] + strip[1]) / 2
    return middle if _columns_either_side(narrow, middle, height) else None


def _widest_gap(runs: Sequence[Segment], start: int, end: int) -> tuple[int, int] | None:
    """The widest stretch of x in [start, end] that (almost) no run covers.

    "Almost": a page number or a stray mark may sit in the gutter, so up to one run in twenty
    may cross it.
    """
    allowed = max(1, len(runs) // 20)
    cover = [0] * (end - start + 2)
    for run in runs:
        low, high = max(start, int(run.left) + 1), min(end + 1, int(run.right))
        if low < high:
            cover[low - start] += 1
            cover[high - start] -= 1
    best: tuple[int, int] | None = None
    covered, gap_start = 0, None
    for offset, change in enumerate(cover):
        covered += change
        if covered <= allowed and offset < len(cover) - 1:
            gap_start = offset if gap_start is None else gap_start
        elif gap_start is not None:
            if best is None or offset - gap_start > best[1] - best[0]:
                best = (start + gap_start, start + offset)
            gap_start = None
    return best


def _columns_either_side(runs: Sequence[Segment], middle: float, height: float) -> bool:
    """Text on both sides of the strip, the right side's lines starting at one edge.

    A right-aligned signature beside short left-aligned lines also leaves an empty middle, but
    its lines start wherever their length puts them; a column's start at its margin (or two
    characters in, indented).
    """
    left = [s for s in runs if s.right <= middle]
    right = [s for s in runs if s.left >= middle]
    if len(left) < 5 or len(right) < 5:
        return False
    margin = min(s.left for s in right)
    aligned = sum(1 for s in right if s.left - margin <= 2.5 * height)
    return aligned >= 0.5 * len(right)


def _lines(segments: Sequence[Segment], page: int, column: int) -> list[Line]:
    """Runs that share a baseline band become one line, left to right."""
    rows: list[list[Segment]] = []
    for segment in sorted(segments, key=lambda s: -s.top):
        centre = (segment.top + segment.bottom) / 2
        if rows and rows[-1][0].bottom <= centre <= rows[-1][0].top:
            rows[-1].append(segment)
        else:
            rows.append([segment])
    out = []
    for row in rows:
        row.sort(key=lambda s: s.left)
        text = row[0].text
        for before, after in pairwise(row):
            text += (" " if after.left - before.right > 0.5 * after.height else "") + after.text
        height = median(s.height for s in row)
        top = max(s.top for s in row)
        right = max(s.right for s in row)
        spaced = (text != text.rstrip(), text != text.lstrip())
        out.append(Line(text.strip(), row[0].left, right, top, height, page, column, *spaced))
    return [line for line in out if line.text]


# --- 2. page furniture ------------------------------------------------------------------------


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", "".join(text.split()))


def _drop_furniture(pages: list[list[Line]]) -> list[list[Line]]:
    """Page numbers off each page's first and last lines, then running titles (twice: a
    running head may take two lines, a title and a rule or a department under it)."""
    pages = [[line for k, line in enumerate(page) if not _page_number(page, k)] for page in pages]
    if len(pages) < 2:
        return pages
    for _ in range(_EDGE):
        edges: Counter[str] = Counter()
        for page in pages:
            edges.update({_key(page[0].text), _key(page[-1].text)} if page else set())
        running = {key for key, count in edges.items() if count >= 2 and count >= 0.5 * len(pages)}
        pages = [
            [
                line
                for k, line in enumerate(page)
                if not (k in (0, len(page) - 1) and _key(line.text) in running)
            ]
            for page in pages
        ]
    return pages


def _page_number(page: list[Line], k: int) -> bool:
    """Whether line ``k`` is among the page's first or last lines and reads as a page number."""
    at_edge = k < _EDGE or k >= len(page) - _EDGE
    return at_edge and _PAGE_NUMBER.fullmatch(page[k].text.strip()) is not None


# --- 3. wrapped lines -------------------------------------------------------------------------


@dataclass(frozen=True)
class _Measures:
    """What the document's lines say about its layout: column edges, line height and pitch."""

    lefts: dict[int, float]
    rights: dict[int, float]
    height: float
    pitch: float
    indents: bool

    @classmethod
    def of(cls, lines: Sequence[Line]) -> _Measures:
        height = median(line.height for line in lines)
        lefts: dict[int, float] = {}
        rights: dict[int, float] = {}
        for column in {line.column for line in lines}:
            # full-width lines are measured against the whole text area, a column against itself
            own = [line for line in lines if line.column == column] if column else list(lines)
            lefts[column] = _percentile([line.left for line in own], 0.1)
            rights[column] = _percentile([line.right for line in own], 0.9)
        steps = [
            a.top - b.top
            for a, b in pairwise(lines)
            if a.page == b.page and a.column == b.column and a.top > b.top
        ]
        indented = sum(1 for line in lines if 1.2 * height <= line.left - lefts[line.column] <= 3.5 * height)
        return cls(
            lefts, rights, height, median(steps) if steps else 2 * height, indented >= 0.05 * len(lines)
        )

    def continues(self, before: Line, line: Line, paragraph: str) -> bool:
        """Whether ``line`` carries on ``paragraph``, which ``before`` ends."""
        if _starts_heading(before, line, paragraph):
            return False
        if abs(line.height - before.height) > 0.2 * max(line.height, before.height):
            return False  # another type size: a title over the body, a note under it
        if before.right < self.rights[before.column] - 2.2 * self.height:  # 禁则 may push 2 characters down
            return False  # the line before stops short of the edge: its paragraph ends there
        if line.left - self.lefts[line.column] > 0.8 * self.height:
            return False  # indented: a new paragraph
        if (
            before.page == line.page
            and before.column == line.column
            and before.top - line.top > 1.6 * self.pitch
        ):
            return False  # a blank line's gap between them
        return self.indents or not _SENTENCE_END.search(before.text)


def _starts_heading(before: Line, line: Line, paragraph: str) -> bool:
    """Whether ``line`` opens with a heading's number rather than carrying on ``paragraph``."""
    if _HEADING_START.match(line.text):
        return not _inline_sequel(line.text, paragraph)
    division = _DIVISION_START.match(line.text)
    if division is None:
        return False
    after = line.text[division.end() : division.end() + 1]
    return not after or after.isspace() or _SENTENCE_END.search(before.text) is not None


def _inline_sequel(text: str, paragraph: str) -> bool:
    """（3） or 3. wrapped to the line start after （2） or 2. in the same paragraph: a list run
    into the sentence (有专职工作人员；（2）有独立、固定的办公住所；/（3）全国性…), not a heading."""
    match = _ORDINAL.match(text)
    if match is None:
        return False
    opening, number, closing = match.groups()
    value = cn_to_int(number)
    if not value or value < 2:
        return False
    previous = str(value - 1) if number.isdigit() else int_to_cn(value - 1)
    openings = "（(" if opening else ""
    closings = "）)" if closing in "）)" else closing
    return any(f"{o}{previous}{c}" in paragraph for o in openings or [""] for c in closings)


_ORDINAL = re.compile(r"([（(]?)(\d+|[一二三四五六七八九十百]+)([)）]|[.．、])")


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _join(lines: Sequence[Line]) -> list[str]:
    if not lines:
        return []
    measures = _Measures.of(lines)
    out = [lines[0].text]
    for before, line in pairwise(lines):
        if measures.continues(before, line, out[-1]):
            out[-1] += (" " if before.space_after or line.space_before else "") + line.text
        else:
            out.append(line.text)
    return out
