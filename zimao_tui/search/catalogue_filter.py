"""Filtering the catalogue as the user types: the search bar's own matching, over titles.

A catalogue row is matched the way a measure is (``search.py``): as written, folded
(traditional, variants, full-width), by pinyin and pinyin initials (``zmq`` finds 自贸区),
words in any order, a typo; best first. Rather than a second rule for titles, the rows'
texts (title, issuer, document number, date) are treated as the measures of one pseudo-report
and indexed by ``open_index`` (cached by text, built in a child process, never jieba on the
UI thread). Until that index is there, rows are matched by their folded text containing every
word of the query: what the user types as characters works from the first keystroke.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

from zimao_tui.document.report import Heading, Measure, Report
from zimao_tui.i18n import Notice
from zimao_tui.search.fold import fold
from zimao_tui.search.search import SearchIndex


def rows_report(texts: Sequence[str]) -> Report:
    """The rows as one pseudo-report: measure ``str(i)`` is row i's text."""
    measures = tuple(Measure(id=str(i), text=text, paragraph=0, start=0) for i, text in enumerate(texts))
    chapter = Heading(id="rows", kind="chapter", number="", title="", level=1, children=measures)
    return Report(
        title="",
        date="",
        time="",
        source="",
        encoding="",
        origin="<catalogue>",
        paragraphs=(),
        children=(chapter,),
    )


def open_rows_index(
    texts: Sequence[str],
    cache_dir: Path,
    cancel: threading.Event | None = None,
    notices: list[Notice] | None = None,
) -> SearchIndex:
    """The search index of the rows' texts (see ``open_index``: cached, built in a child)."""
    from zimao_tui.search.search import open_index

    index = open_index([rows_report(texts)], cache_dir, cancel=cancel, notices=notices)
    index.warm()
    return index


class RowMatcher:
    """Which rows a filter query keeps, best first."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.texts = list(texts)
        self._folded: list[str] | None = None
        self.index: SearchIndex | None = None

    @property
    def folded(self) -> list[str]:
        """The texts folded, on first use: building the folding table costs ~50 ms, which the
        catalogue's first paint must not pay."""
        if self._folded is None:
            self._folded = [fold(text).lower() for text in self.texts]
        return self._folded

    def match(self, query: str) -> list[int] | None:
        """Row positions matching ``query``, best first; None for an empty query (every row,
        in the table's order)."""
        if not query.strip():
            return None
        if self.index is not None:
            hits = self.index.search(query, limit=len(self.texts))
            return [int(hit.measure.id) for hit in hits]
        words = [fold(w).lower() for w in query.split()]
        return [i for i, text in enumerate(self.folded) if all(w in text for w in words)]
