"""Coined terms (“…”) and cited documents (《…》): the report's slogans and its sources.

Policy reports name their mechanisms in quotes (“三区联动”, “一事联办”) and cite the
documents they rely on in title marks (《上市十条》). Readers want both collected with every
measure they occur in, and the detail pane wants their spans to highlight them. The spans
also tell the figure extractor which digits are part of a name rather than a quantity.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from zimao_tui.document.report import Report

TermKind = Literal["term", "document"]

_PAIRS: dict[str, tuple[str, TermKind]] = {
    "“": ("”", "term"),
    "「": ("」", "term"),
    "《": ("》", "document"),
}
_MAX_LEN = 60
"""Longer “quotes” are quoted speech, not a coined term; an unclosed mark is ignored."""


@dataclass(frozen=True)
class TermSpan:
    """One occurrence inside a text: ``start``/``end`` bound the inner text, marks excluded."""

    term: str
    kind: TermKind
    start: int
    end: int


@dataclass(frozen=True)
class Term:
    """A term or document with how often it occurs and where (measure ids, report order)."""

    term: str
    kind: TermKind
    count: int
    measure_ids: tuple[str, ...]


def term_spans(text: str) -> list[TermSpan]:
    """Every quoted term and cited document in ``text``, nested ones included, by start.

    A term quoted inside a document title (《开展招商引资“三清三必三活动”的工作方案》) is still
    a coined term, so both are returned. Empty or over-long quotes are skipped.
    """
    spans: list[TermSpan] = []
    stack: list[tuple[str, int]] = []
    for i, ch in enumerate(text):
        if ch in _PAIRS:
            stack.append((ch, i))
            continue
        for depth in range(len(stack) - 1, -1, -1):
            opener, at = stack[depth]
            if _PAIRS[opener][0] == ch:
                del stack[depth:]
                inner = text[at + 1 : i]
                if inner.strip() and len(inner) <= _MAX_LEN:
                    spans.append(TermSpan(inner, _PAIRS[opener][1], at + 1, i))
                break
    return sorted(spans, key=lambda s: (s.start, s.end))


def extract_terms(report: Report) -> list[Term]:
    """All terms and documents of a report, most frequent first, then in order of appearance."""
    return collect_terms((m.id, m.text) for m in report.measures())


def collect_terms(texts: Iterable[tuple[str, str]]) -> list[Term]:
    """Terms from ``(measure_id, text)`` pairs; split out so tests can feed small texts."""
    counts: dict[tuple[str, TermKind], int] = {}
    where: dict[tuple[str, TermKind], list[str]] = {}
    for measure_id, text in texts:
        for span in term_spans(text):
            key = (span.term, span.kind)
            counts[key] = counts.get(key, 0) + 1
            ids = where.setdefault(key, [])
            if measure_id not in ids:
                ids.append(measure_id)
    order = {key: n for n, key in enumerate(counts)}
    keys = sorted(counts, key=lambda k: (-counts[k], order[k]))
    return [Term(term, kind, counts[(term, kind)], tuple(where[(term, kind)])) for term, kind in keys]
