"""Searching the library: SQL picks the few measures that can be the best hits, then the
ordinary ranking (``SearchIndex``) ranks them, so every layer (literal, folded, synonyms,
pinyin, initials, words in any order, typos) scores a measure exactly as a single-report
search does.

A library of 1,000 reports holds some 126,000 measures; ranking them all costs a second, and
even ranking every measure that holds the word (``发展``: 26,000) costs a few hundred ms. So a
query goes through up to three passes. *Library order* (ties between equal scores) is the
order the store holds the measures in: by id, a report's measures one run in their order,
reports in the order they were stored; the trigram index hands its measures over in that
order, so SQLite stops as soon as a pass has what it needs.

1. **Bands** (one positive word, not anchored): every way of matching that scores by how
   often a string occurs in one column (the text as written 96, folded 92, a synonym 88,
   pinyin initials 80; +1 per further occurrence up to +3) is a *band*. For each band and each
   count c = 1…4, SQL returns the first ``limit`` measures holding the string at least c
   times. A measure whose best score comes from band b and count c is either among those or
   behind ``limit`` measures scoring at least as much, so the best ``limit`` of all are in the
   union (at most 4 x bands x ``limit`` measures). The ways of matching that cannot be counted
   in SQL (full pinyin, words in any order, typos) score below a *ceiling*; when the last of
   the ``limit`` hits scores above it, the answer is exact, else the next pass runs. Once:
   the trigram index (a two-character string through the trigrams that begin with it, from
   the FTS5 vocabulary); more: the first index matches, then, for a two-character string,
   the ``repeats`` table (store/repeats.py: its first measures holding it c times, in library
   order), for a longer one the index's position lists of its rarest trigram.
2. **Broad**: the measures the trigram prefilter says may match (one FTS5 query: any trigram
   of a word or of its synonyms, the pinyin and initials columns for letters; AND and OR as
   the query says), the first ``BROAD_CANDIDATES`` in library order: for a word in every
   report, the best hits of the first reports that hold it.
3. **Fallback**, when the broad pass finds fewer than ``limit`` hits: up to
   ``BROAD_CANDIDATES`` measures of what no trigram can see: mixed pinyin (``zhishicq``, cut
   by the library's syllables), initials with words left out (``ggkjzl``: a GLOB, then the
   ranking's own pattern) and a typo in every trigram (``跨竟电商``: the measures holding the
   word's rarest characters).

What SQL answered (vocabulary, counts, each pass's candidates) and each measure's decoded
views are kept by the :class:`Searcher` until the store changes: a session types the same
words again and again. ``Results.total`` counts among the measures ranked.
"""

from __future__ import annotations

import json
import re
import weakref
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, overload

from zimao_tui.document.report import Measure, Report
from zimao_tui.search.fold import fold
from zimao_tui.search.library_view import LibraryIndex, Parts
from zimao_tui.search.query import Query, Term, parse_query
from zimao_tui.search.search import (
    _MAX_SKIP,
    EXACT,
    FOLDED,
    FULL_PINYIN,
    INITIALS,
    MIXED_PINYIN,
    SYNONYM,
    WORDS,
    WORDS_RANGE,
    Results,
    SearchIndex,
    ascii_lower,
)
from zimao_tui.search.vocab import load_synonyms
from zimao_tui.store import repeats
from zimao_tui.store.library import Library
from zimao_tui.store.library_schema import END

_LATIN = re.compile(r"^[A-Za-z0-9]+$")
_LETTERS = re.compile(r"^[a-z]+$")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
MAX_CANDIDATES = 5_000
"""At most this many measures are ranked by the fallback pass."""
BROAD_CANDIDATES = 250
"""The broad pass ranks the first this many measures (library order) the prefilter names: a
reordered or half-right phrase of common words (``证券化知识产权``) may name 20,000, and
ranking them all costs a second; the best hits of a word in every report are in the first
reports as much as in the last. Queries the bands answer are exact regardless."""
MAX_TERMS = 300
"""A character or a pair that begins more trigrams than this is looked for by a scan (it is
common: the scan stops soon) rather than by an FTS5 query of that many alternatives."""
MEMO_KEPT = 4_096
"""Vocabulary answers, position-list counts and FTS5 queries kept between queries (all of
them are dropped when the store changes, or when there are more)."""
PREFIX_SCAN = 150
"""A band's string (once to four times in a measure) is looked for first among the first this
many measures the trigram index names for it (in id order), read once for every band and
counted in Python; only when they hold fewer than ``limit`` such measures is the index asked
further (for counts of two or more: the ``repeats`` table for two characters, else the
position lists of the rarest trigram)."""
_PRESENT = "+m.report IN (SELECT id FROM reports WHERE member = 1 AND state = 'present')"


def _like(text: str) -> str:
    """A LIKE pattern for ``text`` anywhere (``%`` ``_`` and the escape taken literally)."""
    return "%" + _escape(text) + "%"


def _escape(text: str) -> str:
    return re.sub(r"([\\%_])", r"\\\1", text)


def _trigrams(text: str) -> set[str]:
    return {text[i : i + 3] for i in range(len(text) - 2)}


def _phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _overlaps(text: str) -> bool:
    """Whether ``text`` can overlap itself (``一一``, ``abab``): SQL's LIKE counts
    occurrences that do not overlap and search counts every one, so such a word skips pass 1."""
    return any(text[:k] == text[-k:] for k in range(1, len(text)))


def subsequence_pattern(letters: str) -> str:
    """The regular expression ``SearchIndex._initials_subsequence`` looks for (``ggkjzl``)."""
    steps = "".join(f"[^{c}\x00 ]{{0,{_MAX_SKIP}}}{c}" for c in letters[1:])
    return letters[0] + steps


def _counts(
    rows: Sequence[tuple[int, tuple[str, str, str]]], index: int, needle: str
) -> list[tuple[int, int]]:
    """(id, occurrences of ``needle``) in column ``index`` of (text, folded, initials), ASCII
    case aside. Only the text as written has upper case, and only a needle with ASCII letters
    can meet it: lowering every measure's text for a Chinese word cost more than counting."""
    if index == 0 and re.search("[a-z]", needle):
        return [(i, ascii_lower(cols[0]).count(needle)) for i, cols in rows]
    return [(i, cols[index].count(needle)) for i, cols in rows]


@lru_cache(maxsize=64)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _search(pattern: str, text: str) -> bool:
    """SQL ``zimao_search(pattern, text)``: whether the regular expression occurs in ``text``."""
    return _compiled(pattern).search(text) is not None


@dataclass(frozen=True)
class Band:
    """A way of matching scored by how often ``needle`` occurs in ``column``: a measure holding
    it c times scores at least ``base + c - 1`` (c up to 4)."""

    column: str
    needle: str
    base: float


_FOLDED_SYNONYMS: list[tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]] = []
"""(the synonym table, folded) of the last call: folding every entry again cost each query
some 0.3 ms (3,600 calls of ``fold`` over the benchmark's first runs)."""


def folded_synonyms() -> dict[str, tuple[str, ...]]:
    """The synonym table folded, as ``SearchIndex._synonyms`` folds it (kept while
    ``load_synonyms`` returns the same table)."""
    source = load_synonyms()
    if _FOLDED_SYNONYMS and _FOLDED_SYNONYMS[0][0] is source:
        return _FOLDED_SYNONYMS[0][1]
    table: dict[str, list[str]] = {}
    for word, others in source.items():
        alts = table.setdefault(fold(word), [])
        alts.extend(f for f in map(fold, others) if f not in alts)
    folded = {word: tuple(alts) for word, alts in table.items()}
    _FOLDED_SYNONYMS[:] = [(source, folded)]
    return folded


def bands(term: Term, syllables: frozenset[str]) -> tuple[list[Band], float | None] | None:
    """The bands of a positive, unanchored word and the ceiling the other ways of matching it
    stay under (None: there are none); None when pass 1 cannot answer for it."""
    lower = term.text.translate(_ASCII_LOWER)
    needle = fold(term.text)
    if term.negate or term.anchored or len(needle) < 2:
        return None
    out = [Band("text", lower, EXACT), Band("folded", needle, FOLDED)]
    ceiling: float | None = None
    if not term.exact:
        out += [Band("folded", alt, SYNONYM) for alt in folded_synonyms().get(needle, ())]
        if _LETTERS.match(needle):
            out.append(Band("initials", needle, INITIALS))
            if (len(needle) > 2 or needle in syllables) and _full_pinyin_possible(needle, syllables):
                ceiling = FULL_PINYIN + 3
            else:  # only mixed pinyin (when nothing else matched) and initials with gaps remain
                ceiling = MIXED_PINYIN + 3
        if _CJK.search(needle):
            ceiling = max(ceiling or 0.0, WORDS + WORDS_RANGE)
    if any(_overlaps(b.needle) or len(b.needle) < 2 for b in out):
        return None
    return out, ceiling


def _full_pinyin_possible(letters: str, syllables: frozenset[str]) -> bool:
    """Whether ``letters`` can be whole syllables then the start of one (``zhishichanq``), the
    only way full pinyin matches from where a character's syllable begins."""
    if not syllables:
        return True
    reach = {0}
    for pos in range(len(letters)):
        if pos not in reach:
            continue
        rest = letters[pos:]
        if any(s.startswith(rest) for s in syllables):
            return True
        reach |= {pos + len(s) for s in syllables if rest.startswith(s)}
    return False


class Searcher:
    """Library search over one open store, keeping what it decoded (bounded) between queries."""

    DECODED_KEPT = 40_000
    """Measures kept decoded (a few hundred bytes each): a session's queries re-read many."""

    def __init__(self, library: Library, scope: Sequence[int] | None = None) -> None:
        """``scope``: search only these reports (catalogue ids, members or not: the files a
        ``search --report DIR`` names); by default the library's present members."""
        self.library = library
        library.db.create_function("zimao_search", 2, _search, deterministic=True)
        self._scope_sql = "SELECT id FROM reports WHERE member = 1 AND state = 'present'"
        if scope is not None:
            table = f"scope_{id(self)}"
            library.db.execute(f"CREATE TEMP TABLE IF NOT EXISTS {table} (id INTEGER PRIMARY KEY)")
            library.db.execute(f"DELETE FROM temp.{table}")
            library.db.executemany(f"INSERT OR IGNORE INTO temp.{table} VALUES (?)", [(r,) for r in scope])
            self._scope_sql = f"SELECT id FROM temp.{table} JOIN reports USING (id) WHERE state = 'present'"
        self._present = f"+m.report IN ({self._scope_sql})"
        self._decoded: dict[int, tuple[int, Measure, Parts]] = {}
        self._syllables: frozenset[str] | None = None
        self._version: tuple[int, int] | None = None
        self._vocab_ready = False
        self._memo: dict[tuple[str, str, int], list[int]] = {}
        self._matches: dict[tuple[str, str], str | None] = {}
        self._known: dict[tuple[str, str, str], Any] = {}
        """What the FTS5 vocabulary said (a trigram's counts, the trigrams after a prefix);
        like ``_memo`` (position-list counts) and ``_matches``, kept until the store changes:
        typing 光, 光谷, 光谷 科技 asks the same things again."""

    # --- bookkeeping ---

    def _fresh(self) -> None:
        """Forget what was decoded when the store changed (another process, or this one)."""
        db = self.library.db
        version = (db.execute("PRAGMA data_version").fetchone()[0], db.total_changes)
        if version != self._version or len(self._memo) + len(self._matches) + len(self._known) > MEMO_KEPT:
            self._decoded.clear()
            self._syllables = None
            self._memo.clear()
            self._matches.clear()
            self._known.clear()
            self._version = version

    def syllables(self) -> frozenset[str]:
        """Every syllable the library's measures use."""
        if self._syllables is None:
            self._syllables = frozenset(
                s for (s,) in self.library.db.execute("SELECT syllable FROM syllables")
            )
        return self._syllables

    def _vocab(self) -> None:
        """The FTS5 vocabulary (trigram -> how many measures hold it), a view of this
        connection's own (``temp``: nothing is written to the store)."""
        if not self._vocab_ready:
            self.library.db.execute(
                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.measures_vocab USING fts5vocab(main, measures_fts, 'col')"
            )
            self.library.db.execute(
                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.measures_instances "
                "USING fts5vocab(main, measures_fts, 'instance')"
            )
            self._vocab_ready = True

    def _match(self, column: str, needle: str) -> str | None:
        """An FTS5 MATCH expression for the measures holding ``needle`` in ``column``
        (memoised for the query)."""
        key = (column, needle)
        if key not in self._matches:
            self._matches[key] = self._new_match(column, needle)
        return self._matches[key]

    def _new_match(self, column: str, needle: str) -> str | None:
        self._vocab()
        if len(needle) >= 3:
            if not all(self._holds(column, g) for g in sorted(_trigrams(needle))):
                return None  # a trigram this column never holds (FTS5 would still read the others)
            return f"{column} : {_phrase(needle)}"
        terms = self._terms(column, needle)
        if not terms:
            return None
        return f"{column} : (" + " OR ".join(_phrase(t) for t in terms) + ")"

    # --- pass 1 ---

    def _band_ids(self, band: Band, limit: int) -> set[int]:
        """:meth:`_find_band` remembered until the store changes."""
        key = ("band", repr(band), str(limit))
        if key not in self._known:
            self._known[key] = self._find_band(band, limit)
        found: set[int] = self._known[key]
        return found

    def _find_band(self, band: Band, limit: int) -> set[int]:
        """The first ``limit`` measures (library order) holding the band's string at least
        once, twice, thrice and four times.

        Once: the trigram index's measures in id order, stopping at ``limit``. Twice or more:
        a scan of the library's first PREFIX_SCAN measures, and when that is not enough, the
        measures where the FTS5 index counts that many instances of the string's rarest
        trigram, read from the index's position lists (``fts5vocab`` 'instance'), then counted
        exactly; a two-character string's from the ``repeats`` table; a plain scan would read
        the whole library when no measure holds a common word four times."""
        column = band.column if band.column != "text" else "folded"
        fts_needle = band.needle if band.column != "text" else fold(band.needle)
        if self.library.fts:
            return self._band_from_index(band, column, fts_needle, limit)
        db = self.library.db
        found = self._indexed(band, column, fts_needle, limit)
        if not found:
            return found
        counted = self._count_expr(band.column)
        match = self._match(column, fts_needle) if self.library.fts else None
        if match is not None:  # the first measures the index names, in id order
            rows = db.execute(
                f"SELECT m.id, {counted} AS n FROM (SELECT rowid AS id FROM measures_fts "
                f"WHERE measures_fts MATCH ? ORDER BY rowid LIMIT {PREFIX_SCAN}) s "
                f"CROSS JOIN measures m ON m.id = s.id WHERE {self._present} AND n >= 2 ORDER BY m.id",
                [band.needle, len(band.needle), match],
            ).fetchall()
        else:
            rows = db.execute(
                f"SELECT id, n FROM (SELECT m.id, {counted} AS n FROM measures m WHERE {self._present} "
                f"ORDER BY m.id LIMIT {PREFIX_SCAN}) WHERE n >= 2",
                [band.needle, len(band.needle)],
            ).fetchall()
        for count in range(2, 5):
            ids = [i for i, n in rows if n >= count][:limit]
            if len(ids) < limit:  # not among the library's first measures: ask the index
                found |= self._counted(band, column, fts_needle, count, limit)
                break
            found.update(ids)
        return found

    def _band_from_index(self, band: Band, column: str, fts_needle: str, limit: int) -> set[int]:
        """:meth:`_find_band` through the trigram index: its first PREFIX_SCAN measures (id
        order), fetched once for every band asking about the same string, are counted in
        Python; only a count they hold fewer than ``limit`` times goes further (the index's
        own first hits for once, its position lists for more)."""
        match = self._match(column, fts_needle)
        if match is None:
            return set()
        prefix, complete = self._prefix(column, fts_needle, match)
        index = ("text", "folded", "initials").index(band.column)
        counts = _counts(prefix, index, band.needle)
        found: set[int] = set()
        for count in range(1, 5):
            ids = [i for i, n in counts if n >= count][:limit]
            if len(ids) == limit or complete:  # the first of all, or all there are
                if not ids:
                    break
                found.update(ids)
            elif count == 1:
                found |= self._indexed(band, column, fts_needle, limit)
                if len(found) < limit:
                    break  # that is every measure holding it: those holding it more are among them
            else:
                found |= self._counted(band, column, fts_needle, count, limit)
                break
        return found

    def _prefix(
        self, column: str, needle: str, match: str
    ) -> tuple[list[tuple[int, tuple[str, str, str]]], bool]:
        """(id, (text, folded, initials)) of the first PREFIX_SCAN measures the index names
        for ``match`` that are in scope, and whether that was all of them."""
        key = ("prefix", f"{column}|{needle}", "")
        if key not in self._known:
            rows = self.library.db.execute(
                "SELECT m.id, m.report, m.text, m.folded, m.initials FROM (SELECT rowid AS id FROM measures_fts "
                f"WHERE measures_fts MATCH ? ORDER BY rowid LIMIT {PREFIX_SCAN}) s "
                "CROSS JOIN measures m ON m.id = s.id ORDER BY m.id",
                [match],
            ).fetchall()
            scope = self._scope()
            kept = [(i, (t, f, n)) for i, r, t, f, n in rows if r in scope]
            self._known[key] = (kept, len(rows) < PREFIX_SCAN)
        found: tuple[list[tuple[int, tuple[str, str, str]]], bool] = self._known[key]
        return found

    def _scope(self) -> frozenset[int]:
        """The ids of the reports searched."""
        key = ("scope", "", "")
        if key not in self._known:
            self._known[key] = frozenset(r for (r,) in self.library.db.execute(self._scope_sql))
        found: frozenset[int] = self._known[key]
        return found

    @staticmethod
    def _count_expr(column: str) -> str:
        """SQL counting the occurrences of the first parameter (its length the second) in
        ``column``, as LIKE compares (ASCII case aside); they cannot overlap (see _overlaps)."""
        return f"(length(m.{column}) - length(replace(lower(m.{column}), ?, ''))) / ?"

    def _indexed(self, band: Band, column: str, fts_needle: str, limit: int) -> set[int]:
        """The first ``limit`` measures holding the band's string, through the trigram index,
        which hands its measures over in id order (CROSS JOIN keeps it the outer loop), so the
        query stops at ``limit``; a scan without FTS5, or for a pair too common to spell out."""
        sql = f"SELECT m.id FROM measures m WHERE {self._present} AND m.{band.column} LIKE ? ESCAPE '\\'"
        params: list[Any] = [_like(band.needle)]
        if self.library.fts and (len(fts_needle) >= 3 or len(self._terms(column, fts_needle)) <= MAX_TERMS):
            match = self._match(column, fts_needle)
            if match is None:
                return set()
            sql = (
                "SELECT m.id FROM measures_fts f CROSS JOIN measures m ON m.id = f.rowid "
                f"WHERE f.measures_fts MATCH ? AND {self._present} AND m.{band.column} LIKE ? ESCAPE '\\'"
            )
            params = [match, _like(band.needle)]
            return {i for (i,) in self.library.db.execute(f"{sql} ORDER BY f.rowid LIMIT {limit}", params)}
        return {i for (i,) in self.library.db.execute(f"{sql} ORDER BY m.id LIMIT {limit}", params)}

    def _counted(self, band: Band, column: str, fts_needle: str, least: int, limit: int) -> set[int]:
        """The first ``limit`` measures holding the band's string ``least`` times or more, and
        likewise for every count above up to four, through the index's position lists."""
        if column in repeats.COLUMNS and repeats.countable(fts_needle):
            return self._repeated(band, column, fts_needle, least, limit)
        if self.library.fts:
            docs = self._instances(column, fts_needle, least)
            if not docs:
                return set()
            texts = self._texts((column, fts_needle, least), docs)
            index = 0 if band.column == "text" else 1 if band.column == "folded" else 2
            rows = _counts(texts, index, band.needle)
        else:
            rows = self.library.db.execute(
                f"SELECT m.id, {self._count_expr(band.column)} FROM measures m WHERE {self._present} "
                f"AND m.{band.column} LIKE ? ESCAPE '\\' ORDER BY m.id",
                [band.needle, len(band.needle), "%" + "%".join([_escape(band.needle)] * least) + "%"],
            ).fetchall()
        found: set[int] = set()
        for count in range(least, 5):
            found.update([i for i, n in rows if n >= count][:limit])
        return found

    def _repeated(self, band: Band, column: str, fts_needle: str, least: int, limit: int) -> set[int]:
        """:meth:`_counted` for a two-character string, from the ``repeats`` table: for each
        count, its measures in library order, the first ``limit`` that hold the band's string
        that often (the folded text or initials as counted; the text as written, which holds
        it at most as often as its folded form, counted again), so it stops after a few rows."""
        written = band.column == "text"
        found: set[int] = set()
        for count in range(least, repeats.MOST + 1):
            rows = self.library.db.execute(
                "SELECT m.id, m.text FROM repeats r CROSS JOIN measures m ON m.id = r.measure "
                f"WHERE r.col = ? AND r.gram = ? AND r.least = ? AND {self._present} ORDER BY r.measure",
                [repeats.COLUMNS.index(column), fts_needle, count],
            )
            got = 0
            for mid, text in rows:
                if written and _counts([(mid, (text, "", ""))], 0, band.needle)[0][1] < count:
                    continue
                found.add(mid)
                got += 1
                if got == limit:
                    break
            if not got:
                break  # none holds it this often: none holds it more often
        return found

    def _texts(self, asked: tuple[str, str, int], docs: list[int]) -> list[tuple[int, tuple[str, str, str]]]:
        """(id, (text, folded, initials)) of these measures that are in scope, in id order,
        fetched once for every band that counts over them (the text and folded bands ask for
        the same measures)."""
        key = ("texts", f"{asked[0]}|{asked[1]}", str(asked[2]))  # what named the docs
        if key not in self._known:
            rows = self.library.db.execute(
                f"SELECT m.id, m.text, m.folded, m.initials FROM measures m WHERE {self._present} "
                "AND m.id IN (SELECT value FROM json_each(?)) ORDER BY m.id",
                [json.dumps(docs)],
            )
            self._known[key] = [(i, (t, f, n)) for i, t, f, n in rows]
        found: list[tuple[int, tuple[str, str, str]]] = self._known[key]
        return found

    def _instances(self, column: str, needle: str, least: int) -> list[int]:
        """The measures where the index holds ``least`` or more instances of ``needle``'s
        rarest trigram (for two characters: of the trigrams it begins), memoised for the
        query (the text and folded bands ask alike)."""
        key = (column, needle, least)
        self._vocab()
        if key not in self._memo:
            if len(needle) >= 3:
                counts = {g: self._vocab_row(column, g) for g in _trigrams(needle)}
                gram = min(counts, key=lambda g: (counts[g][0], g))
                doc, cnt = counts[gram]
                if cnt - doc + 1 < least:  # no measure holds it that often
                    self._memo[key] = []
                    return []
                where, terms = "term = ?", [gram]
            else:
                where, terms = "term >= ? AND term < ?", [needle, needle + "\U0010ffff"]
            rows = self.library.db.execute(
                f"SELECT doc FROM temp.measures_instances WHERE {where} AND col = ? "
                f"GROUP BY doc HAVING count(*) >= {least}",
                [*terms, column],
            )
            self._memo[key] = [d for (d,) in rows]
        return self._memo[key]

    def _holds(self, column: str, gram: str) -> bool:
        """Whether some measure holds the trigram ``gram`` in ``column``: the index's first such
        measure. The vocabulary's count would say as much, but it reads the trigram's whole
        position list (4-8 ms for ``zhi`` in the pinyin run), and this stops at the first."""
        key = ("holds", column, gram)
        if key not in self._known:
            row = self.library.db.execute(
                "SELECT rowid FROM measures_fts WHERE measures_fts MATCH ? LIMIT 1",
                [f"{column} : {_phrase(gram)}"],
            ).fetchone()
            self._known[key] = row is not None
        found: bool = self._known[key]
        return found

    def _vocab_row(self, column: str, term: str) -> tuple[int, int]:
        """(measures holding ``term``, its instances) in ``column``."""
        key = ("row", column, term)
        if key not in self._known:
            self._vocab()
            row = self.library.db.execute(
                "SELECT doc, cnt FROM temp.measures_vocab WHERE term = ? AND col = ?", (term, column)
            ).fetchone()
            self._known[key] = (int(row[0]), int(row[1])) if row else (0, 0)
        found: tuple[int, int] = self._known[key]
        return found

    def _banded(self, text: str, query: Query, limit: int) -> Results | None:
        if len(query.groups) != 1 or len(query.groups[0]) != 1:
            return None
        term = query.groups[0][0]
        got = bands(term, self.syllables())
        if got is None:
            return None
        chosen, ceiling = got
        ids: set[int] = set()
        for band in chosen:
            if ceiling is not None and band.base + 3 <= ceiling:
                continue  # its hits can never rank above the ceiling: the answer would not be proven
            ids |= self._band_ids(band, limit)
        if not ids:
            return None if ceiling is not None else Results()
        results = self._rank(sorted(ids), text, limit)
        if ceiling is None or (len(results) == limit and results[-1].score > ceiling):
            return results
        return None

    # --- pass 2 and 3 ---

    def _broad_sql(self, query: Query) -> tuple[str, list[Any]] | None:
        """SQL naming the measures ``query`` may match through the trigram index (None: it
        narrows nothing: a group of only negated words, or no FTS5)."""
        if not self.library.fts:
            return None
        groups: list[str] = []
        params: list[Any] = []
        for group in query.groups:
            positive = [t for t in group if not t.negate]
            if not positive:
                return None
            parts = []
            for term in positive:
                sql, more = self._term_filter(term)
                parts.append(f"SELECT * FROM ({sql})")
                params += more
            groups.append(" INTERSECT ".join(parts))
        return " UNION ".join(groups), params

    def _term_words(self, term: Term) -> tuple[set[str], tuple[str, ...]]:
        """The folded strings a measure matching ``term`` holds one of (the term, or a synonym
        unless it is exact), and the columns to look in: letters may be the text's, its
        pinyin initials or its syllables; Chinese only the folded text."""
        self._vocab()
        folded = fold(term.text).lower()
        if _LATIN.match(folded):
            return {folded}, ("folded", "initials", "syllables")
        synonyms = load_synonyms().get(term.text, ()) if not term.exact else ()
        return {folded} | {fold(w) for w in synonyms}, ("folded",)

    def _term_matches(self, term: Term) -> list[str] | None:
        """FTS5 queries, any of which names a measure ``term`` may match ([]: none can);
        None for a word of one character, which no trigram query can find."""
        words, columns = self._term_words(term)
        matches: list[str] = []
        for word in sorted(words):
            if len(word) < 2:
                return None
            if len(word) >= 3 and not _LATIN.match(word):
                matches += [f"folded : {_phrase(g)}" for g in sorted(_trigrams(word))]
            else:
                matches += [m for c in columns if (m := self._match(c, word)) is not None]
        return matches

    def _term_filter(self, term: Term) -> tuple[str, list[Any]]:
        """SQL selecting the ids of the measures ``term`` may match: those holding any trigram
        of it or of a synonym; a word of two (the trigrams that begin with it: the END
        sentinel makes one follow every character); letters in the text, initials or pinyin."""
        words, columns = self._term_words(term)
        matches: list[str] = []
        short: list[str] = []
        for word in sorted(words):
            if len(word) >= 3 and not _LATIN.match(word):
                matches += [f"folded : {_phrase(g)}" for g in sorted(_trigrams(word))]
            elif len(word) >= 2:
                matches += [m for c in columns if (m := self._match(c, word)) is not None]
            else:
                short.append(word)
        parts, params = [], []
        if matches:
            parts.append("SELECT rowid AS id FROM measures_fts WHERE measures_fts MATCH ?")
            params.append(" OR ".join(f"({m})" for m in matches))
        for word in short:
            parts.append(
                "SELECT id FROM measures WHERE " + " OR ".join(f"{c} LIKE ? ESCAPE '\\'" for c in columns)
            )
            params += [_like(word)] * len(columns)
        if not parts:
            return "SELECT 0 AS id WHERE 0", []
        return " UNION ".join(parts), params

    def _broad_match(self, query: Query) -> str | None:
        """The whole prefilter as one FTS5 query (AND within a group, OR between them), so the
        index hands over its measures in id order and stops at BROAD_CANDIDATES; "" when
        nothing can match; None when a word is a single character (SQL then, see _broad_sql)."""
        groups: list[str] = []
        for group in query.groups:
            terms = []
            for term in group:
                if term.negate:
                    continue
                found = self._term_matches(term)
                if found is None:
                    return None
                if not found:
                    break  # this word is nowhere: neither is the group
                terms.append("(" + " OR ".join(f"({m})" for m in found) + ")")
            else:
                if not terms:
                    return None  # only negated words: nothing narrows it
                groups.append(" AND ".join(terms))
        return " OR ".join(f"({g})" for g in groups)

    def _broad(self, text: str, query: Query, limit: int) -> tuple[Results, list[int]] | None:
        """The broad pass: rank the first BROAD_CANDIDATES measures the prefilter names (the
        names remembered until the store changes); None when it narrows nothing."""
        key = ("broad", text, "")
        if key not in self._known:
            self._known[key] = self._broad_ids(query)
        ids: list[int] | None = self._known[key]
        if ids is None:
            return None
        return self._rank(ids, text, limit), ids

    def _broad_ids(self, query: Query) -> list[int] | None:
        """The first BROAD_CANDIDATES measures (id order) the prefilter names; None: it cannot narrow."""
        if not self.library.fts:
            return None
        expr = self._broad_match(query)
        ids: list[int] = []
        if expr is None:
            found = self._broad_sql(query)
            if found is None:
                return None
            sql, params = found
            ids = [
                i
                for (i,) in self.library.db.execute(
                    f"SELECT m.id FROM ({sql}) s CROSS JOIN measures m ON m.id = s.id WHERE {self._present} "
                    f"ORDER BY m.id LIMIT {BROAD_CANDIDATES}",
                    params,
                )
            ]
        elif expr:
            ids = self._fts_first(expr)
        return ids

    def _fts_first(self, expr: str) -> list[int]:
        """The first BROAD_CANDIDATES measures in scope the FTS5 query ``expr`` names (id
        order). When every stored measure is in scope (a library of members, none missing) the
        index alone answers: joining each hit to its wide ``measures`` row only to read its
        report cost as much as the FTS5 query itself."""
        if self._whole():
            sql = f"SELECT rowid FROM measures_fts WHERE measures_fts MATCH ? ORDER BY rowid LIMIT {BROAD_CANDIDATES}"
        else:
            sql = (
                "SELECT f.rowid FROM measures_fts f CROSS JOIN measures m ON m.id = f.rowid "
                f"WHERE f.measures_fts MATCH ? AND {self._present} ORDER BY f.rowid LIMIT {BROAD_CANDIDATES}"
            )
        return [i for (i,) in self.library.db.execute(sql, [expr])]

    def _whole(self) -> bool:
        """Whether every stored measure is in scope: no report outside it has measures."""
        key = ("whole", "", "")
        if key not in self._known:
            row = self.library.db.execute(
                f"SELECT EXISTS (SELECT 1 FROM reports r WHERE r.id NOT IN ({self._scope_sql}) "
                "AND EXISTS (SELECT 1 FROM measures WHERE report = r.id))"
            ).fetchone()
            self._known[key] = not row[0]
        found: bool = self._known[key]
        return found

    def _fallback_ids(self, query: Query) -> list[int]:
        """Measures only the fallback ways of matching find (mixed pinyin, initials with gaps,
        a typo in every trigram), in library order, at most BROAD_CANDIDATES: through the
        trigram index where it can say (a mixed-pinyin cut's initials; a character, through the
        trigrams it begins, unless it begins too many), else a scan that stops at the cap."""
        matches: list[str] = []
        clauses: list[str] = []
        params: list[Any] = []
        for group in query.groups:
            for term in group:
                if term.negate or term.exact:
                    continue
                needle = fold(term.text)
                if _LETTERS.match(needle):
                    if 3 <= len(needle) <= 48:
                        matches += [
                            m for k in sorted(self._mixed_keys(needle)) if (m := self._match("initials", k))
                        ]
                    if 4 <= len(needle) <= 16 and set(needle) <= {s[0] for s in self.syllables()}:
                        # GLOB in C first; then the ranking's own pattern (letters at most
                        # _MAX_SKIP apart), so the cap is spent on measures that can match
                        clauses.append("(m.initials GLOB ? AND zimao_search(?, m.initials))")
                        params += ["*" + "*".join(needle) + "*", subsequence_pattern(needle)]
                elif _CJK.search(needle) and len(needle) >= 3:
                    for ch in self._rare_chars(needle[:32]):
                        starts = self._terms("folded", ch)
                        if len(starts) <= MAX_TERMS:
                            matches += [f"folded : {_phrase(t)}" for t in starts]
                        else:
                            clauses.append("m.folded LIKE ? ESCAPE '\\'")
                            params.append(_like(ch))
        db = self.library.db
        ids: set[int] = set()
        if matches:
            ids |= set(self._fts_first(" OR ".join(f"({m})" for m in matches)))
        if clauses:
            sql = f"SELECT m.id FROM measures m WHERE {self._present} AND ({' OR '.join(clauses)})"
            if self._whole() and not any("m.folded" in c for c in clauses):
                # the initials alone, a tenth of the bytes of the measures' rows
                sql = f"SELECT m.id FROM measure_initials m WHERE {' OR '.join(clauses)}"
            ids |= {i for (i,) in db.execute(f"{sql} ORDER BY m.id LIMIT {BROAD_CANDIDATES}", params)}
        return sorted(ids)[:BROAD_CANDIDATES]

    def _terms(self, column: str, prefix: str) -> list[str]:
        """The trigrams in ``column`` that begin with ``prefix`` (one or two characters)."""
        key = ("terms", column, prefix)
        if key not in self._known:
            self._vocab()
            rows = self.library.db.execute(
                "SELECT term FROM temp.measures_vocab WHERE term >= ? AND term < ? AND col = ?",
                (prefix, prefix + "\U0010ffff", column),
            )
            self._known[key] = [t for (t,) in rows]
        found: list[str] = self._known[key]
        return found

    def _mixed_keys(self, letters: str) -> set[str]:
        """The initials strings of the ways ``letters`` cut into syllable prefixes (as
        ``SearchIndex._split_pinyin`` cuts them, over the library's syllables)."""
        prefixes = frozenset(s[:k] for s in self.syllables() for k in range(1, len(s) + 1))
        probe = SearchIndex([], [], [])
        probe.__dict__["_syllable_prefixes"] = prefixes
        return {
            "".join(c[0] for c in chunks)
            for chunks in probe._split_pinyin(letters)
            if len(chunks) >= 2 and not all(len(c) == 1 for c in chunks)
        }

    def _rare_chars(self, word: str) -> list[str]:
        """Enough of ``word``'s characters that a measure sharing as many of its characters as
        a typo match needs holds at least one of them: the rarest, by trigram document counts."""
        chars = sorted(set(word))
        allowed = 1 if len(word) <= 5 else 2
        need = max(2, len(chars) - allowed)
        keep = len(chars) - need + 1
        if not self.library.fts:
            return chars[:keep]
        weight = {ch: self._char_weight(ch) for ch in chars}
        return [ch for ch in sorted(chars, key=lambda ch: (weight[ch], ch))[:keep] if weight[ch]]

    def _char_weight(self, ch: str) -> int:
        self._vocab()
        row = self.library.db.execute(
            "SELECT coalesce(max(doc), 0) FROM temp.measures_vocab WHERE term >= ? AND term < ? AND col = 'folded'",
            (ch, ch + "\U0010ffff"),
        ).fetchone()
        return int(row[0])

    # --- ranking ---

    def _rank(self, ids: Sequence[int], query: str, limit: int) -> Results:
        return self.index_of(ids).search(query, limit)

    def index_of(self, ids: Sequence[int]) -> SearchIndex:
        """A SearchIndex over these measures, in library order, its views joined from what
        each measure contributes (kept between queries: see ``library_view``)."""
        missing = [i for i in ids if i not in self._decoded]
        end = len(END)
        for at in range(0, len(missing), 30_000):  # SQLite's limit on bound parameters
            part = missing[at : at + 30_000]
            rows = self.library.db.execute(
                "SELECT m.id, m.report, m.measure_id, m.text, m.paragraph, m.start, m.starts, m.pinyin, "
                f"m.folded, m.initials, m.syllables FROM measures m WHERE m.id IN ({','.join('?' * len(part))})",
                part,
            )
            for mid, rid, measure_id, text, paragraph, start, starts, pinyin, folded, initials, run in rows:
                measure = Measure(id=measure_id, text=text, paragraph=paragraph, start=start)
                offsets = json.loads(starts)
                parts = Parts(text, folded[:-end], initials[:-end], run, offsets, pinyin)
                self._decoded[mid] = (rid, measure, parts)
        chosen = [self._decoded[i] for i in sorted(ids) if i in self._decoded]
        if len(self._decoded) > self.DECODED_KEPT:
            keep = set(ids)
            for key in [k for k in self._decoded if k not in keep][: len(self._decoded) - self.DECODED_KEPT]:
                del self._decoded[key]
        report_ids: list[int] = []
        measures: list[list[Measure]] = []
        data: list[dict[str, list[Any]]] = []
        for rid, measure, parts in chosen:
            if not report_ids or report_ids[-1] != rid:
                report_ids.append(rid)
                measures.append([])
                data.append({"starts": [], "pinyin": []})
            measures[-1].append(measure)
            data[-1]["starts"].append(parts.starts)
            data[-1]["pinyin"].append(parts.syllables)
        return LibraryIndex(StoredReports(self.library, report_ids), data, measures, [c[2] for c in chosen])

    def search(self, query: str, limit: int = 10) -> Results:
        """The best ``limit`` measures of the whole library for ``query``."""
        self._fresh()
        parsed = parse_query(query)
        if not parsed or limit <= 0:
            return Results(capped=parsed.capped)
        banded = self._banded(query, parsed, limit)
        if banded is not None:
            return banded
        broad = self._broad(query, parsed, limit)
        if broad is None:  # nothing narrows it: every measure is ranked
            ids = [
                i for (i,) in self.library.db.execute(f"SELECT m.id FROM measures m WHERE {self._present}")
            ]
            return self._rank(ids, query, limit)
        results, ids = broad
        if len(results) == limit:
            return results
        key = ("fallback", query, "")
        if key not in self._known:
            self._known[key] = self._fallback_ids(parsed)
        extra: list[int] = self._known[key]
        if not extra:
            return results
        more = sorted(set(ids) | set(extra))
        return self._rank(more, query, limit)


def candidates(library: Library, query: str) -> list[int] | None:
    """The ids of the measures the trigram prefilter says ``query`` may match, in library
    order (at most MAX_CANDIDATES); None when it narrows nothing."""
    found = Searcher(library)._broad_sql(parse_query(query))
    if found is None:
        return None
    sql, params = found
    rows = library.db.execute(
        f"SELECT m.id FROM measures m WHERE {_PRESENT} AND m.id IN ({sql}) "
        f"ORDER BY m.id LIMIT {MAX_CANDIDATES}",
        params,
    )
    return [i for (i,) in rows]


class StoredReports(Sequence[Report]):
    """The candidates' reports by position, each read from the store when a hit first needs it."""

    def __init__(self, library: Library, ids: Sequence[int]) -> None:
        self._library = library
        self._ids = list(ids)
        self._loaded: dict[int, Report] = {}

    def __len__(self) -> int:
        return len(self._ids)

    @overload
    def __getitem__(self, i: int) -> Report: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[Report]: ...
    def __getitem__(self, i: int | slice) -> Report | Sequence[Report]:
        if isinstance(i, slice):
            return [self[j] for j in range(len(self))[i]]
        if i not in self._loaded:
            self._loaded[i] = self._library.report(self._ids[i])
        return self._loaded[i]

    def __iter__(self) -> Iterator[Report]:
        return (self[i] for i in range(len(self)))


_SEARCHERS: weakref.WeakKeyDictionary[Library, Searcher] = weakref.WeakKeyDictionary()


def searcher(library: Library) -> Searcher:
    """The Searcher of an open library (one per Library object, so its cache lasts the session)."""
    found = _SEARCHERS.get(library)
    if found is None:
        found = _SEARCHERS[library] = Searcher(library)
    return found


def search_library(
    library: Library, query: str, limit: int = 10, reports: Sequence[int] | None = None
) -> Results:
    """The best ``limit`` measures of the whole library for ``query``, or of ``reports`` only
    (catalogue ids, members or not: the catalogue's selection, or the files of a folder it
    opened), through a Searcher scoped to them."""
    if reports is None:
        return searcher(library).search(query, limit)
    if not reports:
        return Results()
    return Searcher(library, list(reports)).search(query, limit)
