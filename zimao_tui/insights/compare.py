"""What changed from one report to the next: measures paired, terms and figures across the pair.

``compare(a, b)`` takes the older report ``a`` and the newer ``b`` and pairs every measure of
each with at most one of the other (:func:`zimao_tui.insights.align.align`): ``same`` (identical
text, whitespace aside), ``changed`` (one measure, edited; it carries a character diff with
numbers whole, :mod:`zimao_tui.insights.diff`), ``new`` (only in B) or ``dropped`` (only in A).
Every measure of A and of B is in exactly one pair. Around the pairs:

- per chapter counts, B's chapters in order; a measure only in A is counted under the chapter
  of B that took most of its A chapter's measures (a renamed chapter stays one row, with both
  names), else under its A chapter's own name;
- coined terms (“…”) and cited documents (《…》) new in B and gone from A
  (:func:`zimao_tui.insights.terms.extract_terms`);
- the figures of every paired measure side by side, matched by kind and unit in order.

The CLI prints it (pretty, Markdown, JSON) and the app's compare screen shows it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Literal

from zimao_tui.document.report import Measure, Report
from zimao_tui.insights.align import Link, align
from zimao_tui.insights.diff import Chunk, diff
from zimao_tui.insights.figures import Figure, extract_figures
from zimao_tui.insights.terms import extract_terms

Status = Literal["same", "changed", "new", "dropped"]
STATUSES: tuple[Status, ...] = ("same", "changed", "new", "dropped")


@dataclass(frozen=True)
class Pair:
    """One line of the comparison: a measure of A, of B, or of both."""

    status: Status
    a: Measure | None
    b: Measure | None
    similarity: float
    diff: tuple[Chunk, ...] = ()
    moved: bool = False
    chapter: str = ""
    """The chapter it is counted under (see the module docstring)."""

    @property
    def is_change(self) -> bool:
        """Anything but ``same``: what ``n``/``N`` step between."""
        return self.status != "same"


@dataclass
class ChapterSummary:
    """Counts of one chapter; ``label_a`` differs from ``label`` when the chapter was renamed."""

    label: str
    label_a: str = ""
    counts: Counter[str] = field(default_factory=Counter)

    @property
    def renamed(self) -> bool:
        return bool(self.label_a) and self.label_a != self.label


@dataclass(frozen=True)
class Comparison:
    """The whole comparison of ``a`` (older) with ``b`` (newer)."""

    a: Report
    b: Report
    pairs: tuple[Pair, ...]
    chapters: tuple[ChapterSummary, ...]
    terms_new: tuple[str, ...]
    terms_dropped: tuple[str, ...]
    figures: tuple[tuple[Figure | None, Figure | None], ...]

    def counts(self) -> Counter[str]:
        """How many pairs of each status."""
        return Counter(p.status for p in self.pairs)


def _chapter(report: Report, measure: Measure) -> str:
    ancestors = report.ancestors(measure.id)
    return ancestors[0].label if ancestors else ""


def _pair(a_measures: list[Measure], b_measures: list[Measure], link: Link) -> Pair:
    ma = a_measures[link.a] if link.a is not None else None
    mb = b_measures[link.b] if link.b is not None else None
    if ma is None:
        return Pair("new", None, mb, 0.0)
    if mb is None:
        return Pair("dropped", ma, None, 0.0)
    if ma.fingerprint == mb.fingerprint:
        return Pair("same", ma, mb, 1.0, moved=link.moved)
    return Pair("changed", ma, mb, round(link.similarity, 4), tuple(diff(ma.text, mb.text)), link.moved)


def _chapter_map(a: Report, b: Report, pairs: list[Pair]) -> dict[str, str]:
    """Each chapter of A -> the chapter of B that took most of its measures."""
    votes: dict[str, Counter[str]] = {}
    for p in pairs:
        if p.a is not None and p.b is not None:
            votes.setdefault(_chapter(a, p.a), Counter())[_chapter(b, p.b)] += 1
    return {label: c.most_common(1)[0][0] for label, c in votes.items()}


def _with_chapters(a: Report, b: Report, pairs: list[Pair]) -> tuple[list[Pair], list[ChapterSummary]]:
    mapping = _chapter_map(a, b, pairs)
    summaries: dict[str, ChapterSummary] = {c.label: ChapterSummary(c.label) for c in b.children}
    for label_a, label_b in mapping.items():
        summary = summaries.setdefault(label_b, ChapterSummary(label_b))
        summary.label_a = summary.label_a or label_a
    out: list[Pair] = []
    for p in pairs:
        if p.b is not None:
            label = _chapter(b, p.b)
        else:
            assert p.a is not None
            own = _chapter(a, p.a)
            label = mapping.get(own, own)
            summaries.setdefault(label, ChapterSummary(label, own))
        summaries[label].counts[p.status] += 1
        out.append(Pair(p.status, p.a, p.b, p.similarity, p.diff, p.moved, label))
    return out, [s for s in summaries.values() if s.counts]


def _term_names(report: Report) -> list[str]:
    return list(dict.fromkeys(t.term for t in extract_terms(report)))


def _figure_pairs(a: Report, b: Report, pairs: list[Pair]) -> list[tuple[Figure | None, Figure | None]]:
    """Figures of each paired measure side by side, matched in order by (kind, unit)."""
    by_a: dict[str, list[Figure]] = {}
    by_b: dict[str, list[Figure]] = {}
    for f in extract_figures(a):
        by_a.setdefault(f.measure_id, []).append(f)
    for f in extract_figures(b):
        by_b.setdefault(f.measure_id, []).append(f)
    out: list[tuple[Figure | None, Figure | None]] = []
    for p in pairs:
        if p.a is None or p.b is None:
            continue
        fa, fb = by_a.get(p.a.id, []), by_b.get(p.b.id, [])
        keys_a, keys_b = [(f.kind, f.unit) for f in fa], [(f.kind, f.unit) for f in fb]
        for _tag, i1, i2, j1, j2 in SequenceMatcher(None, keys_a, keys_b, autojunk=False).get_opcodes():
            left, right = fa[i1:i2], fb[j1:j2]
            for k in range(max(len(left), len(right))):
                out.append((left[k] if k < len(left) else None, right[k] if k < len(right) else None))
    return out


def status_label(status: str) -> str:
    """A status in the interface language (相同 / same …), for the CLI and the compare screen."""
    from zimao_tui.i18n import t

    return t(f"compare.status.{status}")


def pick_pair(reports: Sequence[Report], current: Report | None = None) -> tuple[Report, Report] | None:
    """Which two open reports to compare, older first: with two, those; with more, the one the
    reader is on and the one before it by date (after it, if it is the oldest); None with one."""
    from zimao_tui.insights.trends import by_date

    ordered = by_date(reports)
    if len(ordered) < 2:
        return None
    at = ordered.index(current) if current is not None and current in ordered else len(ordered) - 1
    at = max(at, 1)
    return ordered[at - 1], ordered[at]


def compare(a: Report, b: Report) -> Comparison:
    """Compare the older report ``a`` with the newer ``b`` (see the module docstring)."""
    a_measures, b_measures = list(a.measures()), list(b.measures())
    links = align([m.text for m in a_measures], [m.text for m in b_measures])
    pairs, chapters = _with_chapters(a, b, [_pair(a_measures, b_measures, link) for link in links])
    names_a, names_b = _term_names(a), _term_names(b)
    return Comparison(
        a,
        b,
        tuple(pairs),
        tuple(chapters),
        terms_new=tuple(t for t in names_b if t not in set(names_a)),
        terms_dropped=tuple(t for t in names_a if t not in set(names_b)),
        figures=tuple(_figure_pairs(a, b, pairs)),
    )
