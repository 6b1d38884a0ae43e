"""Pinyin matching for short labels: headings in the command palette.

The search bar finds measures by pinyin and initials (``zscq`` finds 知识产权) through its
index; the palette lists headings too, and a reader who types ``zscq`` there expects the
知识产权 headings as well. Headings are few (tens to a few thousand) and short, so they are
read in pinyin when matched, not indexed: the same reading as the index (``segment``'s
per-word pinyin, memoised) and the same two rules, initials anywhere or full pinyin starting
on a syllable (the last syllable may be partial, as the search bar allows while typing).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PINYIN_QUERY = re.compile(r"[A-Za-z]{2,}")
"""A query that may be pinyin or initials: two or more ASCII letters, nothing else."""

FULL_PINYIN_SCORE = 0.9
INITIALS_SCORE = 0.85
"""Base scores (of 1, Textual's fuzzy matcher's scale): full pinyin says more than initials;
up to 0.1 more for the share of the label the match covers. Above the search index's pinyin
scores for measures (0.84, 0.80 as a share of 100): a heading whose own words match is the
place the reader is naming, and its measures follow it in the tree."""


@dataclass(frozen=True)
class LabelMatch:
    """How a query matched a label: a score (0-1) and the matched characters' span."""

    score: float
    span: tuple[int, int]


def label_syllables(label: str) -> tuple[str, ...]:
    """One syllable per character of ``label``; "" where a character is not Chinese."""
    from zimao_tui.search.segment import word_pinyin

    return word_pinyin(label)


def _score(base: float, span: tuple[int, int], label: str) -> float:
    chinese = sum(1 for ch in label if "\u3400" <= ch <= "\u9fff") or 1
    return base + 0.1 * min(1.0, (span[1] - span[0]) / chinese)


def match_label(query: str, label: str) -> LabelMatch | None:
    """``query`` as pinyin or initials against ``label``, or None if it is not that kind of
    query or does not match. Full pinyin is tried first: ``zhishi`` is full pinyin of 知识 and
    would also be the initials of six characters, which says much less."""
    letters = query.strip().lower()
    if not PINYIN_QUERY.fullmatch(letters):
        return None
    syllables = label_syllables(label)
    starts: list[int] = []  # offset in ``joined`` where each character's syllable starts
    joined = ""
    for syllable in syllables:
        starts.append(len(joined))
        joined += syllable or " "
    found = joined.find(letters)
    while found >= 0:
        if found in starts and syllables[starts.index(found)]:
            first = starts.index(found)
            end = found + len(letters)
            last = max(i for i, start in enumerate(starts) if start < end)
            span = (first, last + 1)
            return LabelMatch(_score(FULL_PINYIN_SCORE, span, label), span)
        found = joined.find(letters, found + 1)
    initials = "".join(s[:1] or " " for s in syllables)
    at = initials.find(letters)
    if at < 0:
        return None
    span = (at, at + len(letters))
    return LabelMatch(_score(INITIALS_SCORE, span, label), span)
