"""Two-character strings a measure holds more than once, stored so that library search can
name the first measures holding a word twice, three or four times without reading the index.

Search scores a word by how often it occurs in a measure (+1 per further occurrence, up to
+3), so the library's best hits for a two-character word in every report (``发展``, ``光谷``,
``gx`` in the initials) are among the first measures holding it once, twice, thrice and four
times. The trigram index can say which measures hold a two-character string only through
every trigram it begins, and how often only by reading all their position lists (16-50 ms
on 1,000 reports, and most of that to prove that no measure holds it four times). This table
answers it from a B-tree in the library's order: one row per measure, column, string and
count c (2, 3, 4) for a string the column holds at least c times; some twelve rows per
measure. A string with a space, the END sentinel or a doubled character (``一一``, which
overlaps itself, never counted by search's bands) is left out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from operator import add

COLUMNS = ("folded", "initials")
"""The columns counted, by their number in the table (the text as written is counted through
its folded form: folding keeps every character's place, so the text never holds a string
more often than the folded text holds its folded form)."""
MOST = 4
"""Counts above this score alike (search's occurrence bonus stops at +3)."""


def countable(gram: str) -> bool:
    """Whether the table holds ``gram``'s counts: two characters, neither a space nor a
    control character (the END sentinel), and not the same twice."""
    return len(gram) == 2 and gram[0] != gram[1] and gram.isprintable() and not any(c.isspace() for c in gram)


def rows(mid: int, columns: tuple[str, str]) -> Iterator[tuple[int, str, int, int]]:
    """(column, string, count, measure) for measure ``mid`` whose stored (folded, initials)
    strings are ``columns``: a row for every count from 2 up to how often it occurs (at most
    MOST)."""
    for col, text in enumerate(columns):
        counts = Counter(map(add, text, text[1:]))  # every pair, in C
        for gram, n in counts.items():
            if n >= 2 and countable(gram):
                for least in range(2, min(n, MOST) + 1):
                    yield col, gram, least, mid
