"""The small fzf-like query language: what a search box string means.

``a b`` both words (AND); ``a | b`` either side (OR); ``'a`` exactly (no typo, pinyin or
synonym matching); ``"a b"`` the phrase, exactly, spaces and all (ASCII double quotes, as
every search box takes them; ``!"…"`` and ``^"…"`` too); ``!a`` measures without it; ``^a``
measures that start with it. Anything else is a literal word: a lone ``!``, ``'`` or ``"``
is searched as that character, an unclosed ``"人才`` is the phrase typed so far, and no input
is ever an error, because people type into the box one key at a time.

What a query may cost is capped here, before any matching: a paste of 10,000 characters or
``!知识`` repeated 2,000 times must answer in milliseconds, not in a minute. Only the first
``MAX_QUERY_CHARS`` characters are read, each word is cut to ``MAX_TERM_CHARS``, a word
repeated in one group counts once, and at most ``MAX_TERMS`` words (all ``|`` groups
together) are kept; ``Query.capped`` says when anything was left out.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_QUERY_CHARS = 256
"""Characters of a query read; the rest is ignored (a measure rarely runs past 200)."""
MAX_TERM_CHARS = 64
"""Characters of one word matched; a longer word is cut (its start still finds the measure)."""
MAX_TERMS = 16
"""Words kept across all ``|`` groups; each costs a pass over the corpus."""


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
    capped: bool = False
    """True when the caps above left part of the typed text out."""

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


def split_words(text: str) -> list[tuple[str, bool]]:
    """``text`` cut at whitespace (ASCII or ideographic), with a ``"…"`` phrase kept as one
    word: ``(word, quoted)`` pairs, the quotes taken off a quoted word (its ``!``/``^`` kept).

    Without this, ``"人才"`` was searched as the four characters ``"人才"`` and found nothing.
    """
    words: list[tuple[str, bool]] = []
    rest = text
    while rest := rest.lstrip():
        prefix = len(rest) - len(rest.lstrip("!^"))
        if rest[prefix : prefix + 1] == '"' and len(rest) > prefix + 1:
            end = rest.find('"', prefix + 1)
            end = len(rest) if end < 0 else end
            phrase = rest[prefix + 1 : end]
            if phrase.strip():
                words.append((rest[:prefix] + phrase, True))
            rest = rest[end + 1 :]
            continue
        word = rest.split(maxsplit=1)[0]
        words.append((word, False))
        rest = rest[len(word) :]
    return words


def parse_query(text: str) -> Query:
    """Parse a search box string; whitespace (ASCII or ideographic) separates words.

    A ``|`` with nothing on one side (``a |`` while the user is still typing) just drops the
    empty side instead of matching nothing. The caps above are applied here (see the module).
    """
    capped = len(text) > MAX_QUERY_CHARS
    groups: list[tuple[Term, ...]] = []
    current: list[Term] = []
    kept = 0
    for word, quoted in split_words(text[:MAX_QUERY_CHARS]):
        if word == "|" and not quoted:
            if current:
                groups.append(tuple(current))
            current = []
            continue
        if len(word) > MAX_TERM_CHARS:
            word, capped = word[:MAX_TERM_CHARS], True
        term = parse_term(word)
        if quoted:  # a phrase is matched as written: no typos, pinyin or synonyms
            term = Term(term.text, exact=True, negate=term.negate, anchored=term.anchored)
        if term in current:
            continue  # "a a" is "a": AND-ing a word with itself changes nothing
        if kept == MAX_TERMS:
            capped = True
            break
        current.append(term)
        kept += 1
    if current:
        groups.append(tuple(current))
    return Query(tuple(groups), capped)
