"""Searching the library: the FTS5 trigram prefilter, then the ordinary ranking on the candidates.

A library of 1,000 reports holds some 126,000 measures; building a :class:`SearchIndex` over all
of them for each ``search`` process takes seconds. The store's ``measures_fts`` table (folded
text, pinyin initials, full pinyin; trigram tokenizer) names the measures a query can match,
and only those are read and ranked, with every layer of the ranking (literal, folded, synonyms,
pinyin, words in any order, typos) unchanged on top.

What a term keeps as candidates:

* a Chinese term: measures holding any three consecutive characters of it (folded) or of one of
  its synonyms, so a word-order change or a typo that leaves one trigram whole is still found;
  a term of one or two characters: measures containing it (``LIKE``, a scan of the FTS table).
* a Latin term (pinyin, initials, ``RCEP``): measures whose text, initials or full pinyin
  contain it.

Groups of terms AND together (intersect), ``|`` ORs them (union); negated terms narrow nothing
(the ranking drops their measures). What the prefilter cannot see: mixed pinyin
(``zhishicq``), initials with words left out (``ggkjzl``) and a typo in every trigram of a
short word; those match only among the measures the query's other terms found.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterator, Sequence
from typing import Any, overload

from zimao_tui.document.report import Measure, Report
from zimao_tui.search.fold import fold
from zimao_tui.search.query import Term, parse_query
from zimao_tui.search.search import Results, SearchIndex
from zimao_tui.search.vocab import load_synonyms
from zimao_tui.store.library import Library

_LATIN = re.compile(r"^[A-Za-z0-9]+$")
MAX_CANDIDATES = 5_000
"""At most this many measures are ranked, the first in library order: a word in every report
(``发展`` in 1,000 reports is some 26,000 measures) would otherwise cost a second a query. So
for such a word the hits are the best of the first 5,000 measures holding it, and the count
shown is of those."""


def _like(text: str) -> str:
    """A LIKE pattern for ``text`` anywhere (``%`` ``_`` and the escape taken literally)."""
    return "%" + re.sub(r"([\\%_])", r"\\\1", text) + "%"


def _trigrams(text: str) -> set[str]:
    return {text[i : i + 3] for i in range(len(text) - 2)}


def _phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def term_filter(term: Term) -> tuple[str, list[Any]]:
    """SQL (over ``measures_fts``) selecting the rowids of the measures ``term`` may match."""
    folded = fold(term.text).lower()
    if _LATIN.match(folded):
        if len(folded) >= 3:
            return "SELECT rowid FROM measures_fts WHERE measures_fts MATCH ?", [_phrase(folded)]
        like = _like(folded)
        return (
            "SELECT rowid FROM measures_fts WHERE folded LIKE ? ESCAPE '\\' OR initials LIKE ? ESCAPE '\\'",
            [like, like],
        )
    words = {folded} | ({fold(w) for w in load_synonyms().get(term.text, ())} if not term.exact else set())
    grams = set().union(*(_trigrams(w) for w in words))
    short = [w for w in words if len(w) < 3]
    parts, params = [], []
    if grams:
        parts.append("SELECT rowid FROM measures_fts WHERE measures_fts MATCH ?")
        params.append(" OR ".join("folded : " + _phrase(g) for g in sorted(grams)))
    for w in short:
        parts.append("SELECT rowid FROM measures_fts WHERE folded LIKE ? ESCAPE '\\'")
        params.append(_like(w))
    return " UNION ".join(parts), params


def _within(reports: Collection[int] | None) -> tuple[str, list[Any]]:
    """SQL (over rowids of ``measures``) keeping the measures of ``reports`` only; "" for all."""
    if reports is None:
        return "", []
    ids = sorted(reports)
    return f" WHERE rowid IN (SELECT id FROM measures WHERE report IN ({','.join('?' * len(ids))}))", ids


def candidates(library: Library, query: str, reports: Collection[int] | None = None) -> list[int] | None:
    """The rowids of the measures ``query`` may match, in library order, at most
    MAX_CANDIDATES; None when it narrows nothing (no FTS5 in this SQLite, or a group of only
    negated terms): every measure is then a candidate. The whole filter is one SQL statement
    (INTERSECT for AND, UNION for OR), so the set work is SQLite's, not Python's.
    ``reports`` (catalogue ids) keeps the measures of those reports only (the catalogue's
    selection)."""
    if not library.fts:
        return None
    groups: list[str] = []
    params: list[Any] = []
    for group in parse_query(query).groups:
        positive = [t for t in group if not t.negate]
        if not positive:
            return None
        parts = []
        for term in positive:
            sql, more = term_filter(term)
            parts.append(f"SELECT * FROM ({sql})")
            params += more
        groups.append(" INTERSECT ".join(parts))
    if not groups:
        return []
    within, more = _within(reports)
    sql = f"SELECT rowid FROM ({' UNION '.join(groups)}){within} ORDER BY rowid LIMIT {MAX_CANDIDATES}"
    return [r for (r,) in library.db.execute(sql, params + more)]


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


def literal_only(
    library: Library, query: str, limit: int, reports: Collection[int] | None = None
) -> list[int] | None:
    """For a query of one Chinese word of three characters or more: the measures holding it
    as written (or folded), when there are at least ``limit`` of them, else None.

    Those score in the top bands (exact, folded: 92-99) and every other way of matching
    scores below them (synonyms 88, pinyin, words, typos lower), so the best ``limit`` hits are
    all among them and the rest need not be read. The count shown is then theirs."""
    groups = parse_query(query).groups
    if not library.fts or len(groups) != 1 or len(groups[0]) != 1:
        return None
    term = groups[0][0]
    folded = fold(term.text).lower()
    if term.negate or len(folded) < 3 or _LATIN.match(folded):
        return None
    within, more = _within(reports)
    within = within.replace(" WHERE ", " AND ", 1)
    sql = f"SELECT rowid FROM measures_fts WHERE measures_fts MATCH ?{within} ORDER BY rowid LIMIT {MAX_CANDIDATES}"
    found = [r for (r,) in library.db.execute(sql, ["folded : " + _phrase(folded), *more])]
    return found if len(found) >= limit else None


def library_index(
    library: Library, query: str, limit: int = 10, reports: Collection[int] | None = None
) -> SearchIndex:
    """A SearchIndex over the library's measures that ``query`` may match (all of them when
    the prefilter cannot narrow it), for its best ``limit`` hits; only the measures of
    ``reports`` (catalogue ids) when given."""
    chosen = literal_only(library, query, limit, reports)
    if chosen is None:
        chosen = candidates(library, query, reports)
    if chosen is None and reports is not None:
        ids = sorted(reports)
        rows = library.measure_rows(f"m.report IN ({','.join('?' * len(ids))})", ids, members_only=False)
    elif chosen is None:
        rows = library.measure_rows("1")
    else:
        rows = []
        ids = chosen
        for at in range(0, len(ids), 30_000):  # SQLite's limit on bound parameters
            part = ids[at : at + 30_000]
            rows += library.measure_rows(
                f"m.id IN ({','.join('?' * len(part))})", part, members_only=reports is None
            )
        rows.sort(key=lambda r: (r[0], r[7]))
    return _index(library, rows)


def _index(library: Library, rows: Sequence[tuple[Any, ...]]) -> SearchIndex:
    report_ids: list[int] = []
    measures: list[list[Measure]] = []
    data: list[dict[str, list[Any]]] = []
    for rid, mid, paragraph, start, text, starts, pinyin, _seq in rows:
        if not report_ids or report_ids[-1] != rid:
            report_ids.append(rid)
            measures.append([])
            data.append({"starts": [], "pinyin": []})
        measures[-1].append(Measure(id=mid, text=text, paragraph=paragraph, start=start))
        data[-1]["starts"].append(json.loads(starts))
        data[-1]["pinyin"].append(pinyin)
    return SearchIndex(StoredReports(library, report_ids), data, measures)


def search_library(
    library: Library, query: str, limit: int = 10, reports: Collection[int] | None = None
) -> Results:
    """The best ``limit`` measures of the whole library for ``query``, or of ``reports``
    only (catalogue ids: the catalogue's selection, or the reports a folder opened)."""
    return library_index(library, query, limit, reports).search(query, limit)
