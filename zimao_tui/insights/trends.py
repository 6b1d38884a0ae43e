"""How a term rises and falls across reports: counts per report, in date order.

A term's count in a report is plain counting (non-overlapping ``str.count``) over the report's
text: every paragraph, the headings that stand on their own lines (a 一是… heading, or one whose
long title the parser cut with …, is already inside its paragraph; the parser's own 前言/落款
names are not the report's words), and the lines the parser set aside (title, subtitle,
speaker, page furniture), so that it is the count in the file itself: on the 54 test documents
and the two national reports, 823 of 846 term/report counts equal ``str.count`` over the file
(the rest: a term broken over two lines, a heading line the parser also keeps in a paragraph). Reports are ordered by date: the metadata's date, failing
that the year in the title (``2023年政府工作报告``), reports with neither last, each group by title.

Without terms, :func:`top_terms` proposes the coined terms and cited documents
(:func:`zimao_tui.insights.terms.extract_terms`) whose use changed most between the first and the
last report. The CLI's ``trends`` and the app's trends view both print what this computes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from zimao_tui.document.report import Report
from zimao_tui.insights.terms import extract_terms

_YEAR = re.compile(r"(?<![0-9])(1[89][0-9]{2}|2[01][0-9]{2})(?![0-9])")
_GENERATED = frozenset({"preamble", "closing"})


def report_date(report: Report) -> str:
    """The report's date for ordering: metadata first, else the year its title names, else ""."""
    if report.date:
        return report.date
    found = _YEAR.search(report.title)
    return found.group(1) if found else ""


def by_date(reports: Sequence[Report]) -> list[Report]:
    """Oldest first; undated reports last; ties by title (a stable, explainable order)."""
    return sorted(reports, key=lambda r: (not report_date(r), report_date(r), r.title))


_CHUNKS: dict[int, tuple[Report, str]] = {}
"""The text counted in, per report (by identity: hashing a frozen report would walk its tree)."""

_SEPARATOR = "\x00"
"""Between the pieces of a report's text, so no count runs from one into the next. One joined
string counts ten times faster than a loop over the pieces (``--top`` counts thousands of
terms); a term holding a NUL (none typed on a command line can) could still cross it."""


def _chunks(report: Report) -> str:
    cached = _CHUNKS.get(id(report))
    if cached is not None and cached[0] is report:
        return cached[1]
    if len(_CHUNKS) > 256:
        _CHUNKS.clear()
    body = "\n".join(report.paragraphs)
    headings = tuple(
        f"{h.number}{h.title}"
        for h in report.headings()
        if h.title and not (h.kind in _GENERATED and not h.number) and h.title.rstrip("…") not in body
    )
    chunks = _SEPARATOR.join((body, *headings, *(text for _, text, _ in report.dropped)))
    _CHUNKS[id(report)] = (report, chunks)
    return chunks


def count(report: Report, term: str) -> int:
    """Occurrences of ``term`` in ``report`` (see the module docstring); 0 for an empty term."""
    if not term:
        return 0
    return _chunks(report).count(term)


@dataclass(frozen=True)
class Trend:
    """One term across reports: ``counts`` follows ``reports`` (date order); ``first`` is the
    earliest report that uses it, None if none does."""

    term: str
    reports: tuple[Report, ...]
    counts: tuple[int, ...]

    @property
    def first(self) -> Report | None:
        return next((r for r, n in zip(self.reports, self.counts, strict=True) if n), None)

    @property
    def change(self) -> int:
        """Last report's count minus the first's: what ``--top`` ranks by (its size)."""
        return self.counts[-1] - self.counts[0] if self.counts else 0


def trends(terms: Sequence[str], reports: Sequence[Report]) -> list[Trend]:
    """Each term's counts in ``reports`` (put in date order), in the order the terms were given."""
    ordered = tuple(by_date(reports))
    return [Trend(term, ordered, tuple(count(r, term) for r in ordered)) for term in dict.fromkeys(terms)]


def top_terms(reports: Sequence[Report], n: int) -> list[Trend]:
    """The ``n`` coined terms and documents whose counts changed most from first to last report.

    Ties go to the term used more in all, then to the one seen first. With one report there is
    no change: the most used terms come first.
    """
    seen: dict[str, int] = {}
    for report in by_date(reports):
        for term in extract_terms(report):
            if len(term.term) >= MIN_TERM and not term.term.isdigit():
                seen.setdefault(term.term, len(seen))
    found = trends(list(seen), reports)
    found.sort(key=lambda t: (-abs(t.change), -sum(t.counts), seen[t.term]))
    return found[: max(n, 0)]


MIN_TERM = 2
"""Shortest term ``--top`` proposes: a quoted single character (“进”) is emphasis, not a slogan."""

SPARKS = "▁▂▃▄▅▆▇█"


def sparkline(counts: Sequence[int]) -> str:
    """One character per count, scaled to the largest; a zero is a blank-looking ``·``."""
    peak = max(counts, default=0)
    if not peak:
        return "·" * len(counts)
    return "".join(
        "·" if not n else SPARKS[min(len(SPARKS) - 1, (n * len(SPARKS) - 1) // peak)] for n in counts
    )


def bar(n: int, peak: int, width: int) -> str:
    """A horizontal bar of ``width`` cells at most, in eighths (``█████▍``)."""
    if peak <= 0 or n <= 0 or width <= 0:
        return ""
    eighths = max(1, round(n * width * 8 / peak))
    full, part = divmod(eighths, 8)
    return "█" * full + ("▏▎▍▌▋▊▉"[part - 1] if part else "")
