"""Coined terms (“…”) and cited documents (《…》): the report's slogans and its sources.

Policy reports name their mechanisms in quotes (“三区联动”, “一事联办”) and cite the
documents they rely on in title marks (《上市十条》). Readers want both collected with every
measure they occur in, and the detail pane wants their spans to highlight them. The spans
also tell the figure extractor which digits are part of a name rather than a quantity.
What counts as a term or a title is one rule, shared with the search index:
``document/coined.py``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from zimao_tui.document.coined import TermKind, TermSpan, term_spans
from zimao_tui.document.report import Report

__all__ = ["Term", "TermKind", "TermSpan", "collect_terms", "extract_terms", "term_spans"]


@dataclass(frozen=True)
class Term:
    """A term or document with how often it occurs and where (measure ids, report order)."""

    term: str
    kind: TermKind
    count: int
    measure_ids: tuple[str, ...]


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
