"""Fuzzy Chinese and pinyin search over the measures of one or more reports.

People remember a phrase half-right or type pinyin because their terminal has no input
method; this must find the measure they mean in the top three within a keystroke. Each query
word is tried, best first, as: the literal text (ASCII case-insensitive), a synonym from
content/synonyms.toml, full pinyin or pinyin initials (per jieba word, so polyphonic
characters read right), the query's own words in any order (cut by longest match against the
report's jieba vocabulary, so no jieba at query time), and finally a typo-tolerant
``partial_ratio`` alignment behind a character-index prefilter.

Every per-measure result carries the character spans that matched, so the UI can highlight
them; scores are 0-100 and ties keep report order.

The corpus is held as one big string per view (text, ASCII-lowered text, pinyin initials,
full pinyin) so that literal matching is ``str.find`` in C over the whole corpus rather
than a Python loop over measures: that is what keeps 15,000 measures in a few milliseconds.
"""

from __future__ import annotations

import bisect
import heapq
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zimao_tui.document.report import Measure, Report
from zimao_tui.i18n import Notice
from zimao_tui.paths import cache_dir as default_cache_dir
from zimao_tui.search import index_cache
from zimao_tui.search.child import run_child, unsaved_caches
from zimao_tui.search.fold import fold, fold_targets
from zimao_tui.search.gcpause import collector_paused
from zimao_tui.search.query import Query, Term, parse_query
from zimao_tui.search.vocab import load_synonyms
from zimao_tui.store.cachedir import add_once, unwritable

if TYPE_CHECKING:
    import threading

Span = tuple[int, int]
Matches = dict[int, tuple[float, list[Span]]]
"""Global measure number -> (score, spans in that measure's text)."""

# Each way of matching has its own band, 4 points wide: a measure gains up to 3 for more
# occurrences, never enough to pass the band above. The order is the point: the report's own
# characters, then the same word in another script or variant (folded), then a synonym, then
# pinyin, then initials; pinyin never outranks characters (Meilisearch found pinyin in the
# index "creates more noise than it helps"). A Chinese query that is not in the text is
# matched by its words (every one present, closer together higher) above typo matches, which
# may match only some of them.
EXACT = 96.0
FOLDED = 92.0
SYNONYM = 88.0
FULL_PINYIN = 84.0
INITIALS = 80.0
MIXED_PINYIN = 76.0
SUBSEQUENCE_INITIALS = 72.0
SINGLE_INITIAL = 60.0
WORDS = 78.0
WORDS_RANGE = 6.0
FUZZY_WEIGHT = 0.77
"""Typo matches score ``ratio * 0.77``, below 77: under every word match."""
NEGATIVE_ONLY = 50.0
_SEP = "\x00"
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_ASCII_UPPER = re.compile(r"[A-Z]+")
_LETTERS = re.compile(r"[a-z]+")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_MAX_WORD = 8
_TERM_CACHE = 256
_MAX_SPLITS = 32
_MAX_SPLIT_STEPS = 4096
"""Partial cuts ``_split_pinyin`` tries before it stops (a few dozen for real pinyin)."""
_MAX_MIXED_LETTERS = 48
"""Longer runs of letters are not tried as mixed pinyin (8 six-letter syllables)."""
_MAX_SKIP = 3
"""Characters an initials subsequence may skip between two typed letters."""
_MIN_SUBSEQUENCE = 4
"""Three letters with gaps (``blg``) match noise (便利…关) far more often than what was meant."""
_MAX_SUBSEQUENCE = 16
_SUBSEQUENCE_BELOW = 50
"""Initials with gaps rank below every contiguous match; when there are this many (a page of
results) they would never be seen, and are not looked for (a pass over the corpus saved)."""
"""Longer runs of letters are not tried as an initials subsequence."""
_MAX_FUZZY_CHARS = 32
"""A longer word is typo-matched by its first 32 characters (literal matching uses it all)."""
_MAX_FUZZY_CANDIDATES = 20_000
"""Measures aligned per typo-matched word at most: those sharing the most characters with it."""


@dataclass(frozen=True)
class Hit:
    """One measure that matched, with what to highlight."""

    report: Report = field(compare=False)
    measure: Measure
    score: float
    spans: tuple[Span, ...]

    @property
    def path(self) -> tuple[str, ...]:
        """Titles of the headings above the measure, chapter first."""
        return tuple(h.title for h in self.report.ancestors(self.measure.id))


def _merge(spans: Iterable[Span]) -> list[Span]:
    """Sorted, non-overlapping spans (touching ones joined)."""
    out: list[Span] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            if end > out[-1][1]:
                out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def _add(into: Matches, index: int, score: float, spans: list[Span]) -> None:
    """Keep the best score for a measure and every span any way of matching found."""
    old = into.get(index)
    if old is None:
        into[index] = (score, spans)
    else:
        into[index] = (max(old[0], score), old[1] + spans)


def _earliest(chars: str, letters: str, offset: int) -> list[int]:
    """Where in ``chars`` (plus ``offset``) the greedy, earliest reading of ``letters`` falls."""
    positions, k = [], 0
    for p, ch in enumerate(chars):
        if k < len(letters) and ch == letters[k]:
            positions.append(offset + p)
            k += 1
    return positions


class Results(list[Hit]):
    """The hits a search returns (best first, at most ``limit``) and how many measures matched.

    A list, so callers that only want the hits need not know; ``total`` lets the app and the
    CLI say "10 of 103" instead of passing the limit off as the count; ``capped`` that the
    query was longer than the caps in ``query`` allow and only its start was searched.
    """

    def __init__(self, hits: Iterable[Hit] = (), total: int = 0, capped: bool = False) -> None:
        super().__init__(hits)
        self.total = total
        self.capped = capped


def ascii_lower(text: str) -> str:
    """``text`` with its ASCII letters in lower case and nothing else changed (``str.lower``
    would also fold Ａ, Ä and Σ). A regular expression that visits only the runs of capitals:
    ``str.translate`` looks every character up, 1.4 ms for a Chinese text of 15,000
    characters against 0.4 ms."""
    return _ASCII_UPPER.sub(lambda m: m.group().lower(), text)


class SearchIndex:
    """The searchable form of some reports. Pure and read-only after construction."""

    def __init__(
        self,
        reports: Sequence[Report],
        data: Sequence[dict[str, Any]],
        measures: Sequence[Sequence[Measure]] | None = None,
    ) -> None:
        """``data[r]`` is report r's index (``starts``, ``pinyin``: one entry per measure).

        With ``measures``, only those measures of each report are searched (``data`` then
        covers just them) and ``reports`` is only indexed for the reports of the hits, so a
        library can pass a sequence that reads a report from its store when first asked
        (``store/library_search.py``): a query over 1,000 reports then loads a handful.
        """
        self._reports: Sequence[Report] = tuple(reports) if measures is None else reports
        self._measures: list[Measure] = []
        self._owner: list[int] = []
        self._syllables: list[str] = []
        self._starts: list[list[int]] = []
        chosen = measures if measures is not None else [r.measures() for r in self._reports]
        for r, (some, d) in enumerate(zip(chosen, data, strict=True)):
            for m, starts, pinyin in zip(some, d["starts"], d["pinyin"], strict=True):
                self._measures.append(m)
                self._owner.append(r)
                self._starts.append(starts)
                self._syllables.append(pinyin)
        texts = [m.text for m in self._measures]
        self._text = _SEP.join(texts)
        self._lower = ascii_lower(self._text)
        self._offsets: list[int] = []
        pos = 0
        for t in texts:
            self._offsets.append(pos)
            pos += len(t) + 1
        self._cache: dict[tuple[str, bool, bool], Matches] = {}
        self._ends_memo: dict[int, list[int]] = {}

    @property
    def reports(self) -> Sequence[Report]:
        """The reports searched, in the order given."""
        return self._reports

    def __len__(self) -> int:
        return len(self._measures)

    def warm(self) -> None:
        """Build now what the first queries would build lazily (about 20 ms for one report with
        the rapidfuzz import, 0.5 s for 100), so the first keystroke does not pay for it.

        ``open_index`` leaves this out to stay a few-millisecond load; the app calls it from the
        same worker thread right after. Pure Python, so the GIL is released every few ms.
        """
        import rapidfuzz.fuzz  # noqa: F401  (imported once here rather than on a keystroke)

        load_synonyms()
        for view in (
            "_folded",
            "_fold_targets",
            "_initials",
            "_pinyin",
            "_postings",
            "_vocab",
            "_syllable_set",
            "_syllable_prefixes",
        ):
            getattr(self, view)

    def forget(self) -> None:
        """Drop the per-word memo (typing "知识" then "知识产权" reuses it); for benchmarks."""
        self._cache.clear()

    # --- lazily built views: start-up only pays for what the first queries need ---

    @cached_property
    def _folded(self) -> str:
        """``_text`` folded (traditional, variants, full-width, case: see ``fold``), aligned
        with it character for character, so a folded match's offsets are the original's."""
        return fold(self._text)

    @cached_property
    def _fold_targets(self) -> frozenset[str]:
        """The characters something in the corpus folds to: a query word that folds to itself
        and has none of them matches the folded text where it matches the text as written."""
        return fold_targets(self._text)

    def _folded_text(self, i: int) -> str:
        """Measure i's text, folded."""
        start = self._offsets[i]
        return self._folded[start : start + len(self._measures[i].text)]

    @cached_property
    def _initials(self) -> str:
        """First letter of each character's syllable, aligned with ``_text`` (" " if none)."""
        return _SEP.join(
            "".join(s[:1] or " " for s in p.split("|")) if p or t else ""
            for p, t in zip(self._syllables, (m.text for m in self._measures), strict=True)
        )

    @cached_property
    def _pinyin(self) -> tuple[str, str, list[int]]:
        """All syllables run together per measure (" " for non-Chinese), measure offsets, and
        an aligned marker string with "^" where a Chinese character's syllable begins, so a
        match can be checked for starting on a syllable without unpacking its measure."""
        parts = []
        marks = []
        for p in self._syllables:
            syllables = p.split("|")
            parts.append("".join(s or " " for s in syllables))
            marks.append("".join("^" + "." * (len(s) - 1) if s else " " for s in syllables))
        offsets, pos = [], 0
        for part in parts:
            offsets.append(pos)
            pos += len(part) + 1
        return _SEP.join(parts), _SEP.join(marks), offsets

    @cached_property
    def _syllable_set(self) -> frozenset[str]:
        """Every syllable the corpus uses."""
        return frozenset(s for p in self._syllables for s in p.split("|") if s)

    def _char_ends(self, i: int) -> list[int]:
        """Pinyin offset just past each character of measure i (memoised per measure)."""
        ends = self._ends_memo.get(i)
        if ends is None:
            ends, pos = [], 0
            for s in self._syllables[i].split("|"):
                pos += len(s) or 1
                ends.append(pos)
            self._ends_memo[i] = ends
        return ends

    @cached_property
    def _postings(self) -> dict[str, list[int]]:
        """Character -> measures containing it: the prefilter for typo matching."""
        post: dict[str, list[int]] = {}
        for i in range(len(self._measures)):
            for ch in set(self._folded_text(i)):
                post.setdefault(ch, []).append(i)
        return post

    @cached_property
    def _vocab(self) -> frozenset[str]:
        """Every jieba word of two or more characters, plus the synonym table's words (folded)."""
        words: set[str] = set(self._synonyms)
        for i, starts in enumerate(self._starts):
            text = self._folded_text(i)
            for a, b in pairwise([*starts, len(text)]):
                if 2 <= b - a <= _MAX_WORD:
                    words.add(text[a:b])
        return frozenset(words)

    @cached_property
    def _synonyms(self) -> dict[str, tuple[str, ...]]:
        """The synonym table folded: a traditional or variant spelling finds the same group."""
        table: dict[str, list[str]] = {}
        for word, others in load_synonyms().items():
            alts = table.setdefault(fold(word), [])
            alts.extend(f for f in map(fold, others) if f not in alts)
        return {word: tuple(alts) for word, alts in table.items()}

    # --- matching one query word ---

    def _locate(self, haystack: str, offsets: list[int], needle: str, anchored: bool) -> dict[int, list[int]]:
        """Measure number -> offsets (in that measure) where ``needle`` occurs."""
        found: dict[int, list[int]] = {}
        if not needle:
            return found
        pos = haystack.find(needle)
        while pos >= 0:
            i = bisect.bisect_right(offsets, pos) - 1
            local = pos - offsets[i]
            if not anchored or local == 0:
                found.setdefault(i, []).append(local)
            pos = haystack.find(needle, pos + 1)
        return found

    def _literal(self, needle: str, anchored: bool, base: float, into: Matches, folded: bool = True) -> None:
        """Occurrences of ``needle`` in the folded text, or with ``folded=False`` in the text as
        written (ASCII case aside): ``needle`` must be in the same form."""
        n = len(needle)
        haystack = self._folded if folded else self._lower
        for i, locals_ in self._locate(haystack, self._offsets, needle, anchored).items():
            bonus = min(len(locals_) - 1, 3)
            _add(into, i, base + bonus, [(p, p + n) for p in locals_])

    def _pinyin_match(self, letters: str, anchored: bool, into: Matches) -> None:
        """Pinyin initials (``zscq``) and full pinyin (``zhishichanquan``, last syllable partial)."""
        if len(letters) >= 2 or anchored:
            base = INITIALS if len(letters) >= 2 else SINGLE_INITIAL
            n = len(letters)
            for i, locals_ in self._locate(self._initials, self._offsets, letters, anchored).items():
                _add(into, i, base + min(len(locals_) - 1, 3), [(p, p + n) for p in locals_])
        if len(letters) < 2 or (len(letters) == 2 and letters not in self._syllable_set):
            return  # two letters are full pinyin only when they are a syllable (an, er, bo)
        joined, marks, offsets = self._pinyin
        n = len(letters)
        for i, locals_ in self._locate(joined, offsets, letters, False).items():
            base = offsets[i]
            spans = []
            for p in locals_:
                g = base + p
                if marks[g] != "^" or (anchored and p != 0):
                    continue  # must begin where a character's syllable begins
                if n < 3 and marks[g + 1] == "." and g + 2 < len(marks) and marks[g + 2] == ".":
                    continue  # two letters inside a longer syllable: too weak a signal
                ends = self._char_ends(i)
                first = bisect.bisect_right(ends, p)
                last = bisect.bisect_left(ends, p + n)
                spans.append((first, last + 1))
            if spans:
                _add(into, i, FULL_PINYIN + min(len(spans) - 1, 3), spans)

    @cached_property
    def _syllable_prefixes(self) -> frozenset[str]:
        """Every non-empty prefix of every syllable the corpus uses."""
        return frozenset(s[:k] for s in self._syllable_set for k in range(1, len(s) + 1))

    def _split_pinyin(self, letters: str) -> list[tuple[str, ...]]:
        """The ways to cut ``letters`` into syllable prefixes, longest chunks first (capped).

        Pinyin prunes hard (no syllable starts with i, u or v), so ``zhishicq`` has only a few.
        A loop with its own stack, not recursion: ``a`` x 1,000 is one cut of 1,000 chunks,
        and recursing per chunk overflowed Python's stack. At most ``_MAX_SPLITS`` cuts are
        returned and ``_MAX_SPLIT_STEPS`` partial cuts tried, so a hostile run of letters that
        almost splits in many ways costs a bounded amount of work.
        """
        prefixes = self._syllable_prefixes
        out: list[tuple[str, ...]] = []
        stack: list[tuple[int, tuple[str, ...]]] = [(0, ())]
        steps = 0
        while stack and len(out) < _MAX_SPLITS and steps < _MAX_SPLIT_STEPS:
            steps += 1
            pos, chunks = stack.pop()
            if pos == len(letters):
                out.append(chunks)
                continue
            longest = min(6, len(letters) - pos)
            # pushed shortest first, so the longest chunk is popped (tried) first
            for size in range(1, longest + 1):
                chunk = letters[pos : pos + size]
                if chunk in prefixes:
                    stack.append((pos + size, (*chunks, chunk)))
        return out

    def _word_bounds(self, i: int) -> frozenset[int]:
        """Offsets in measure i where a jieba word starts, and its length."""
        return frozenset((*self._starts[i], len(self._measures[i].text)))

    def _initials_subsequence(self, letters: str, anchored: bool, into: Matches) -> None:
        """Initials with some left out, fzf-style: ``ggkjzl`` finds 光谷科技创新大走廊 (initials
        ggkjcxdzl). The letters must come in order, at most ``_MAX_SKIP`` characters apart,
        starting where a jieba word starts and ending where one ends; tighter scores higher,
        and all of it below a contiguous initials match. Measures matched another way are left
        as they are. Every word a letter falls in must have its first letter typed (开展 is not
        ``z``). The pattern (``g[^g]{0,3}g[^k]{0,3}k…``) cannot backtrack more than
        ``_MAX_SKIP`` characters per letter, so a hostile query costs no more than a real one.
        """
        steps = "".join(f"[^{c}\x00 ]{{0,{_MAX_SKIP}}}{c}" for c in letters[1:])
        pattern = re.compile(letters[0] + steps)
        found: dict[int, list[Span]] = {}
        tightness: dict[int, float] = {}
        haystack, pos = self._initials, 0
        while (m := pattern.search(haystack, pos)) is not None:
            start, end = m.span()
            pos = start + 1  # a rejected match may hide one that starts inside it
            i = bisect.bisect_right(self._offsets, start) - 1
            if i in into:  # matched another way: on to the next measure
                pos = self._offsets[i + 1] if i + 1 < len(self._offsets) else len(haystack)
                continue
            local, bounds = start - self._offsets[i], self._word_bounds(i)
            if local not in bounds or local + end - start not in bounds or (anchored and local):
                continue
            pos = end
            positions = _earliest(self._initials[start:end], letters, local)
            starts = self._starts[i]
            if any(starts[bisect.bisect_right(starts, p) - 1] not in positions for p in positions):
                continue  # a letter inside a word whose first letter was not typed: noise
            found.setdefault(i, []).extend((p, p + 1) for p in positions)
            tightness[i] = max(tightness.get(i, 0.0), len(letters) / (end - start))
        for i, spans in found.items():
            _add(into, i, SUBSEQUENCE_INITIALS + 3 * tightness[i], _merge(spans))

    def _mixed_pinyin(self, letters: str, anchored: bool, into: Matches) -> None:
        """Full syllables and initials mixed (``zhishicq``, ``zscquan``): each character takes a
        non-empty prefix of its syllable. Each way of cutting the letters gives an initials
        string to find in C; the chunks are then checked against those characters' syllables."""
        found: dict[int, list[Span]] = {}
        for chunks in self._split_pinyin(letters):
            if len(chunks) < 2 or all(len(c) == 1 for c in chunks):
                continue  # one character, or plain initials: already tried
            key = "".join(c[0] for c in chunks)
            for i, locals_ in self._locate(self._initials, self._offsets, key, anchored).items():
                syllables = self._syllables[i].split("|")
                for p in locals_:
                    if all(syllables[p + k].startswith(c) for k, c in enumerate(chunks)):
                        found.setdefault(i, []).append((p, p + len(chunks)))
        for i, spans in found.items():
            _add(into, i, MIXED_PINYIN + min(len(set(spans)) - 1, 3), _merge(spans))

    def _segment(self, text: str) -> list[str]:
        """Longest-match cut of a query word against the corpus vocabulary (no jieba needed).

        Characters the vocabulary does not know as part of a word stay together as one word:
        in 跨境电商退货, 退货 occurs only inside a longer coined term, so the vocabulary lacks
        it, and 退 and 货 apart would match almost everything."""
        words: list[str] = []
        i, loose = 0, False
        vocab = self._vocab
        while i < len(text):
            for size in range(min(_MAX_WORD, len(text) - i), 0, -1):
                if size == 1 or text[i : i + size] in vocab:
                    if size == 1 and loose:
                        words[-1] += text[i]
                    else:
                        words.append(text[i : i + size])
                    loose = size == 1
                    i += size
                    break
        return words

    def _words(self, text: str, anchored: bool, into: Matches) -> None:
        """All of the query's own words present, in any order; closer together scores higher."""
        words = self._segment(text)
        if len(words) < 2 or sum(len(w) == 1 for w in words) > 1:
            return  # one word, or mostly loose characters: the typo matcher's job
        per_word: list[Matches] = []
        synonyms = self._synonyms
        seen: dict[str, Matches] = {}  # "知识 知识 …" pasted: each distinct word looked up once
        for w in words:
            found = seen.get(w)
            if found is None:
                found = seen[w] = {}
                self._literal(w, False, 0.0, found)
                for alt in synonyms.get(w, ()):
                    self._literal(alt, False, 0.0, found)
            if not found:
                return
            per_word.append(found)
        common = set.intersection(*(set(f) for f in per_word))
        total = sum(len(w) for w in words)
        for i in common:
            if i in into:
                continue  # already matched literally: keep its spans clean
            spans = [s for f in per_word for s in f[i][1]]
            if anchored and min(s[0] for s in spans) != 0:
                continue
            # compactness: the nearest occurrence of each word, measured as a window
            window = max(e for _, e in spans) - min(s for s, _ in spans)
            compact = min(1.0, total / window) if window else 1.0
            _add(into, i, WORDS + WORDS_RANGE * compact, spans)

    def _fuzzy(self, text: str, anchored: bool, into: Matches) -> None:
        """Typo-tolerant match: one wrong character up to five, two beyond."""
        from rapidfuzz import fuzz

        text = text[:_MAX_FUZZY_CHARS]
        chars = set(text)
        allowed = 1 if len(text) <= 5 else 2
        need = max(2, len(chars) - allowed)
        lists = [self._postings.get(ch, []) for ch in chars]
        counts = Counter(i for lst in lists for i in lst) if len(lists) > 1 else Counter(lists[0])
        cutoff = 100.0 * (len(text) - allowed) / len(text) - 0.5
        candidates = [(i, count) for i, count in counts.items() if count >= need and i not in into]
        if len(candidates) > _MAX_FUZZY_CANDIDATES:  # a word of few distinct characters, repeated
            candidates = heapq.nlargest(_MAX_FUZZY_CANDIDATES, candidates, key=lambda ic: (ic[1], -ic[0]))
        for i, _count in candidates:
            target = self._folded_text(i)
            if anchored:  # only the window at the start counts
                start, end = 0, min(len(target), len(text))
            else:
                r = fuzz.partial_ratio_alignment(text, target, score_cutoff=cutoff)
                if r is None:
                    continue
                # partial_ratio also tries windows cut short by the text's ends, so "知识产" at
                # the start of a measure would score 86 against "知识产全"; re-score a
                # full-length window.
                start, end = r.dest_start, r.dest_end
                if end - start < len(text):
                    start = max(0, min(start, len(target) - len(text)))
                    end = min(len(target), start + len(text))
            score = fuzz.ratio(text, target[start:end])
            if score < cutoff:
                continue
            spans = [(p, p + 1) for p in range(start, end) if target[p] in chars]
            if spans:
                _add(into, i, score * FUZZY_WEIGHT, _merge(spans))

    def _term(self, term: Term) -> Matches:
        """Every measure a (positive) query word matches, memoised while the user types."""
        key = (term.text, term.exact, term.anchored)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        found: Matches = {}
        lower = term.text.translate(_ASCII_LOWER)
        self._literal(lower, term.anchored, EXACT, found, folded=False)
        needle = fold(term.text)
        if needle != lower or not self._fold_targets.isdisjoint(needle):  # in another script
            self._literal(needle, term.anchored, FOLDED, found)
        if not term.exact:
            for alt in self._synonyms.get(needle, ()):
                self._literal(alt, term.anchored, SYNONYM, found)
            if _LETTERS.fullmatch(needle):
                self._letters(needle, term.anchored, found)
            if _CJK.search(needle) and len(needle) >= 2:
                self._words(needle, term.anchored, found)
                if len(needle) >= 3:
                    self._fuzzy(needle, term.anchored, found)
        if len(self._cache) >= _TERM_CACHE:
            self._cache.clear()
        self._cache[key] = found
        return found

    def _letters(self, letters: str, anchored: bool, into: Matches) -> None:
        """A word of ASCII letters: pinyin, initials, both mixed, initials with gaps."""
        self._pinyin_match(letters, anchored, into)
        if not into and 3 <= len(letters) <= _MAX_MIXED_LETTERS:
            self._mixed_pinyin(letters, anchored, into)
        if _MIN_SUBSEQUENCE <= len(letters) <= _MAX_SUBSEQUENCE and len(into) < _SUBSEQUENCE_BELOW:
            self._initials_subsequence(letters, anchored, into)

    def _excluded(self, term: Term) -> set[int]:
        """Measures containing a ``!word`` (literally, as fzf's inverse match does)."""
        return set(self._locate(self._folded, self._offsets, fold(term.text), term.anchored))

    def _group(self, terms: tuple[Term, ...]) -> Matches:
        """An AND group: every positive word matches, no negative word does."""
        positive = [t for t in terms if not t.negate]
        excluded: set[int] = set()
        for t in terms:
            if t.negate:
                excluded |= self._excluded(t)
        if not positive:
            return {i: (NEGATIVE_ONLY, []) for i in range(len(self._measures)) if i not in excluded}
        per_term = sorted((self._term(t) for t in positive), key=len)
        if len(per_term) == 1 and not excluded:
            return per_term[0]  # the common case while typing: one word, nothing to combine
        result: Matches = {}
        for i in per_term[0]:
            if i in excluded or not all(i in m for m in per_term[1:]):
                continue
            score = sum(m[i][0] for m in per_term) / len(per_term)
            result[i] = (score, [s for m in per_term for s in m[i][1]])
        return result

    def search(self, query: str, limit: int = 50) -> Results:
        """The best ``limit`` measures for a query, best first; ties keep report order."""
        parsed = parse_query(query)
        if not parsed or limit <= 0:
            return Results(capped=parsed.capped)
        # A query allocates thousands of small tuples and lists, none of them cyclic; left on,
        # the cyclic collector would now and then walk the whole index (tens of ms on a large
        # corpus) in the middle of a keystroke. Reference counting still frees everything.
        with collector_paused():
            results = self._search(parsed, limit)
        results.capped = parsed.capped
        return results

    def _search(self, parsed: Query, limit: int) -> Results:
        if len(parsed.groups) == 1:
            combined = self._group(parsed.groups[0])
        else:
            combined = {}
            for terms in parsed.groups:
                for i, (score, spans) in self._group(terms).items():
                    _add(combined, i, score, spans)
        best = heapq.nsmallest(limit, combined.items(), key=lambda kv: (-kv[1][0], kv[0]))
        hits = (
            Hit(
                report=self._reports[self._owner[i]],
                measure=self._measures[i],
                score=round(min(100.0, score), 2),
                spans=tuple(_merge(spans)),
            )
            for i, (score, spans) in best
        )
        return Results(hits, total=len(combined))


def _texts(report: Report) -> list[str]:
    return [m.text for m in report.measures()]


def build_index(
    reports: Sequence[Report], cache_dir: Path | None = None, notices: list[Notice] | None = None
) -> SearchIndex:
    """Load each report's cached index, building (in this process) and caching the missing ones.

    With a ``notices`` list, a cache that cannot be written (or jieba's own cache file) adds
    one ``cache_unwritable`` Notice there and the index is used as built; without one, the
    OSError is raised.
    """
    folder = cache_dir or default_cache_dir()
    data = []
    for report in reports:
        texts = _texts(report)
        cached = index_cache.load(folder, texts)
        if cached is None:
            from zimao_tui.search.segment import analyse, jieba_cache_error

            cached = analyse(texts, folder)
            try:
                index_cache.save(folder, texts, cached)
            except OSError as exc:
                if notices is None:
                    raise
                add_once(notices, unwritable(folder, exc))
            problem = jieba_cache_error(folder)
            if problem is not None and notices is not None:
                add_once(notices, unwritable(folder, problem))
        data.append(cached)
    return SearchIndex(reports, data)


def open_index(
    reports: Sequence[Report],
    cache_dir: Path | None = None,
    *,
    cancel: threading.Event | None = None,
    notices: list[Notice] | None = None,
) -> SearchIndex:
    """The index for the app: warm cache without jieba, cold cache built in a child process.

    Safe to call from a worker thread: the child (``python -m zimao_tui.search.segment``)
    pays jieba's dictionary load, so this process's GIL stays free and typing stays smooth.
    A cache the child could not write comes back in its answer and is used as is, with one
    ``cache_unwritable`` Notice added to ``notices``. Raises RuntimeError if the build fails,
    and ChildCancelled (the child ended at once, nothing half-written) when ``cancel`` is set
    meanwhile.
    """
    folder = cache_dir or default_cache_dir()
    texts = [_texts(r) for r in reports]
    data: list[dict[str, Any] | None] = [index_cache.load(folder, t) for t in texts]
    missing = [t for t, d in zip(texts, data, strict=True) if d is None]
    if missing:
        answer = run_child(
            "zimao_tui.search.segment",
            {"cache_dir": str(folder), "reports": missing},
            "building the search index",
            cancel,
        )
        unsaved = unsaved_caches(answer, folder, notices)
        built = iter(range(len(missing)))
        for n, (t, d) in enumerate(zip(texts, data, strict=True)):
            if d is None:
                payload = unsaved.get(str(next(built)))
                data[n] = (
                    index_cache.accept(payload, t) if payload is not None else index_cache.load(folder, t)
                )
        if any(d is None for d in data):
            raise RuntimeError(f"the search index builder wrote no usable index into {folder}")
    return SearchIndex(reports, [d for d in data if d is not None])
