"""The reading view's text: a whole chapter as continuous paragraphs with its headings.

Pure functions (no widget), unit-tested in ``tests/ui/test_reading.py``: the screen
(``reading.py``) draws what :func:`chapter_text` builds, marks one measure and highlights
what ``/`` found. Every character of a paragraph is the report's own (a slice from its first
measure to its last), so a mouse selection copies the report's text exactly.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from textual.content import Content

from zimao_tui.document.inert import inert
from zimao_tui.document.report import Heading, Measure, Report
from zimao_tui.ui.text.linebreak import break_offsets
from zimao_tui.ui.text.styles import STYLE_MATCH

STYLE_MARK = "bold $text on $primary 35%"
"""The marked measure: what copy, cite and bookmark act on."""
STYLE_HEADINGS = ("bold $primary", "bold $secondary", "bold")
"""Chapter, section, and every heading below, as a reader's eye ranks them."""


@dataclass
class ChapterText:
    """A chapter laid out as text: its plain string and where each measure sits in it."""

    chapter: Heading
    plain: str = ""
    headings: list[tuple[int, int, int]] = field(default_factory=list)
    """(start, end, level) of each heading line."""
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Measure id → (start, end) in ``plain``."""
    order: list[Measure] = field(default_factory=list)
    """The chapter's measures in reading order."""

    def content(self, mark: Measure | None, found: list[tuple[int, int]]) -> Content:
        """The styled text: headings ranked, ``mark`` marked, ``found`` highlighted."""
        content = Content(inert(self.plain))  # one for one: every offset below still fits
        for start, end, level in self.headings:
            style = STYLE_HEADINGS[min(level, len(STYLE_HEADINGS)) - 1]
            content = content.stylize(style, start, end)
        if mark is not None and mark.id in self.spans:
            content = content.stylize(STYLE_MARK, *self.spans[mark.id])
        for start, end in found:
            content = content.stylize(STYLE_MATCH, start, end)
        return content

    def measure_at(self, offset: int) -> Measure | None:
        """The measure whose text holds ``offset`` (the last one starting before it)."""
        before = [m for m in self.order if self.spans[m.id][0] <= offset]
        return before[-1] if before else (self.order[0] if self.order else None)

    def find(self, query: str) -> list[tuple[int, int]]:
        """Where ``query`` occurs in the chapter's text (case-insensitive), in order."""
        if not query:
            return []
        haystack, needle = self.plain.casefold(), query.casefold()
        found: list[tuple[int, int]] = []
        start = haystack.find(needle)
        while start >= 0:
            found.append((start, start + len(needle)))
            start = haystack.find(needle, start + len(needle))
        return found


def chapter_of(report: Report, node: Heading | Measure) -> Heading | None:
    """The top-level heading ``node`` is in (itself for a chapter)."""
    above = report.ancestors(node.id)
    if above:
        return above[0]
    return node if isinstance(node, Heading) else None


def chapter_text(report: Report, chapter: Heading) -> ChapterText:
    """Lay out ``chapter``: each heading on its own line, each paragraph's measures as one
    block (the paragraph from its first measure to its last, spaces and all), blank lines
    between blocks."""
    laid = ChapterText(chapter)
    parts: list[str] = []
    length = 0

    def add(text: str) -> int:
        nonlocal length
        if parts:
            parts.append("\n\n")
            length += 2
        start = length
        parts.append(text)
        length += len(text)
        return start

    def walk(heading: Heading) -> None:
        start = add(heading.label)
        laid.headings.append((start, start + len(heading.label), heading.level))
        run: list[Measure] = []
        for child in (*heading.children, None):
            if isinstance(child, Measure) and (not run or child.paragraph == run[0].paragraph):
                run.append(child)
                continue
            if run:
                paragraph = report.paragraphs[run[0].paragraph]
                block = add(paragraph[run[0].start : run[-1].end])
                for measure in run:
                    offset = block + measure.start - run[0].start
                    laid.spans[measure.id] = (offset, offset + len(measure.text))
                    laid.order.append(measure)
                run = [child] if isinstance(child, Measure) else []
            if isinstance(child, Heading):
                walk(child)

    walk(chapter)
    laid.plain = "".join(parts)
    return laid


def line_of(plain: str, offset: int, width: int) -> int:
    """The line ``offset`` is drawn on once ``plain`` is wrapped to ``width`` cells (by the
    same rules :class:`~zimao_tui.ui.text.linebreak.Kinsoku` draws with)."""
    breaks = sum(1 for cut in break_offsets(plain, width) if cut <= offset)
    return plain.count("\n", 0, offset) + breaks
