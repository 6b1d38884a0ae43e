"""The small fzf-like query language: what a search box string means.

``a b`` both words (AND); ``a | b`` either side (OR); ``'a`` exactly (no typo, pinyin or
synonym matching); ``!a`` measures without it; ``^a`` measures that start with it.
Anything else is a literal word: a lone ``!`` or ``'`` is searched as that character and
no input is ever an error, because people type into the box one key at a time.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    """One word of a query with its operators stripped off."""

    text: str
    exact: bool = False
    negate: bool = False
    anchored: bool = False


@dataclass(frozen=True)
class Query:
    """An OR of groups; each group is an AND of terms."""

    groups: tuple[tuple[Term, ...], ...]

    def __bool__(self) -> bool:
        return bool(self.groups)


def parse_term(word: str) -> Term:
    """Strip ``!``, ``^`` and ``'`` prefixes (in that order) while something remains."""
    negate = anchored = exact = False
    if word.startswith("!") and len(word) > 1:
        negate, word = True, word[1:]
    if word.startswith("^") and len(word) > 1:
        anchored, word = True, word[1:]
    if word.startswith("'") and len(word) > 1:
        exact, word = True, word[1:]
    return Term(word, exact=exact, negate=negate, anchored=anchored)


def parse_query(text: str) -> Query:
    """Parse a search box string; whitespace (ASCII or ideographic) separates words.

    A ``|`` with nothing on one side (``a |`` while the user is still typing) just drops the
    empty side instead of matching nothing.
    """
    groups: list[tuple[Term, ...]] = []
    current: list[Term] = []
    for word in text.split():
        if word == "|":
            if current:
                groups.append(tuple(current))
            current = []
            continue
        current.append(parse_term(word))
    if current:
        groups.append(tuple(current))
    return Query(tuple(groups))
