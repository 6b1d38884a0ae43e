"""The ranking's views of stored measures, built once per measure and kept between queries.

A library query ranks a few hundred measures, a different few hundred each time, but the same
ones again and again over a session (``发展`` then ``发展 改革``). ``SearchIndex`` builds its
views (folded text, initials, pinyin run and syllable marks, the jieba vocabulary, the
character index of typo matching) over its whole corpus on first use: here each measure's
share of them is computed once (:class:`Parts`) and an index only joins the shares of its
measures, so a query pays for the measures it has not met before. The results are those of
``SearchIndex`` itself: each view is the same string or set, assembled differently.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property
from typing import Any

from zimao_tui.document.report import Measure, Report
from zimao_tui.search.search import _MAX_WORD, _SEP, SearchIndex


def _mark(length: int) -> str:
    """The marks of one character's syllable of ``length`` letters (none: a space)."""
    return "^" + "." * (length - 1) if length else " "


_LONGEST = 16
_MARKS = [_mark(n) for n in range(_LONGEST)]
"""The marks of every syllable length pinyin has, looked up rather than built: a query that
ranks 250 measures it has not met builds their marks 6x faster (7.7 -> 1.2 ms)."""


class Parts:
    """One measure's share of every view (the stored folded text and initials, so nothing is
    folded again). Built lazily: a letters query never needs the vocabulary, nor a Chinese
    one the pinyin marks."""

    __slots__ = ("_chars", "_marks", "_words", "folded", "initials", "run", "starts", "syllables")

    def __init__(
        self, text: str, folded: str, initials: str, run: str, starts: list[int], pinyin: str
    ) -> None:
        self.folded = folded
        self.initials = initials if (pinyin or text) else ""
        self.run = run
        self.starts = starts
        self.syllables = pinyin
        self._chars: frozenset[str] | None = None
        self._marks: str | None = None
        self._words: frozenset[str] | None = None

    @property
    def chars(self) -> frozenset[str]:
        """The measure's folded characters (only typo matching asks)."""
        if self._chars is None:
            self._chars = frozenset(self.folded)
        return self._chars

    @property
    def marks(self) -> str:
        """ "^" where a character's syllable begins in ``run``, "." inside it, " " for none."""
        if self._marks is None:
            self._marks = "".join(
                [_MARKS[n] if n < _LONGEST else _mark(n) for n in map(len, self.syllables.split("|"))]
            )
        return self._marks

    @property
    def words(self) -> frozenset[str]:
        """The measure's jieba words of two to ``_MAX_WORD`` characters, folded."""
        if self._words is None:
            text = self.folded
            ends = [*self.starts[1:], len(text)]
            self._words = frozenset(
                [text[a:b] for a, b in zip(self.starts, ends, strict=False) if 2 <= b - a <= _MAX_WORD]
            )
        return self._words


class _Postings:
    """Character -> measures holding it, worked out for the characters asked (a query's few)."""

    def __init__(self, parts: Sequence[Parts]) -> None:
        self._parts = parts
        self._known: dict[str, list[int]] = {}

    def get(self, ch: str, default: list[int]) -> list[int]:
        found = self._known.get(ch)
        if found is None:
            found = self._known[ch] = [i for i, p in enumerate(self._parts) if ch in p.chars]
        return found or default


class LibraryIndex(SearchIndex):
    """A SearchIndex whose views are joined from per-measure :class:`Parts`."""

    def __init__(
        self,
        reports: Sequence[Report],
        data: Sequence[dict[str, Any]],
        measures: Sequence[Sequence[Measure]],
        parts: Sequence[Parts],
    ) -> None:
        super().__init__(reports, data, measures)
        self._parts = parts

    @cached_property
    def _folded(self) -> str:
        return _SEP.join(p.folded for p in self._parts)

    @cached_property
    def _initials(self) -> str:
        return _SEP.join(p.initials for p in self._parts)

    @cached_property
    def _pinyin(self) -> tuple[str, str, list[int]]:
        offsets, pos = [], 0
        for p in self._parts:
            offsets.append(pos)
            pos += len(p.run) + 1
        return _SEP.join(p.run for p in self._parts), _SEP.join(p.marks for p in self._parts), offsets

    @cached_property
    def _syllable_set(self) -> frozenset[str]:
        return frozenset(s for p in self._parts for s in p.syllables.split("|") if s)

    @cached_property
    def _postings(self) -> dict[str, list[int]]:
        return _Postings(self._parts)  # type: ignore[return-value]  # only .get is used

    @cached_property
    def _vocab(self) -> frozenset[str]:
        return frozenset(set(self._synonyms).union(*(p.words for p in self._parts)))
