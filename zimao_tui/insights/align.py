"""Measure alignment: which sentence of one text is which sentence of another.

Two users of one rule. ``compare`` pairs the measures of two reports (last year's and this
year's); bookmarks re-find a saved measure in a report whose text has since been edited.
Both ask the same question, "is this the same sentence, perhaps edited?", so both use
:func:`similarity` (rapidfuzz's ``ratio``: edit distance over the characters, which suits
unspaced Chinese where a token-based score would need jieba) and the whitespace-blind
:func:`~zimao_tui.document.report.fingerprint` for "identical".

:func:`align` is order-respecting first: identical measures are anchored by a longest common
subsequence of fingerprints, the stretches between anchors are aligned by a dynamic programme
that maximises the summed similarity of the pairs it keeps (so an edited sentence pairs with
its own successor, not with a look-alike three paragraphs on), and only then is what is left
matched regardless of order, at a stricter cutoff: a measure moved to another chapter is found
as moved rather than as one dropped and one new. Pure Python (rapidfuzz, difflib); no Textual.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from rapidfuzz import fuzz, process

from zimao_tui.document.report import Measure, fingerprint

SAME_ORDER_CUTOFF = 0.6
"""Minimum similarity (0-1) for two measures at the same place in the two sequences to be one
edited measure. Unrelated sentences of one genre share their stock characters (的, 发展, 推进)
and score about 0.3; a rewritten figure or a changed clause keeps them above 0.8."""

MOVED_CUTOFF = 0.75
"""Minimum similarity for a measure that left its place: out of order there is no context to
vouch for it, so it must look more alike (the same bar bookmarks use to re-find a sentence)."""

ID_CUTOFF = 0.6
"""Re-anchoring a bookmark: the minimum similarity of the measure still at its saved id.
Below it the id now names a different sentence (one was inserted or deleted before it)."""


def similarity(a: str, b: str, cutoff: float = 0.0) -> float:
    """How alike two sentences are, 0 to 1 (rapidfuzz ``ratio`` / 100); 0 below ``cutoff``."""
    return fuzz.ratio(a, b, score_cutoff=cutoff * 100) / 100


def _alike(query: str, choices: Sequence[str], cutoff: float) -> dict[int, float]:
    """``{index: similarity}`` of the choices at least ``cutoff`` alike to ``query``.

    One rapidfuzz call scans all choices in C: the pairwise loop in Python cost 0.7 s of a
    1.3 s comparison of two national reports (180,000 pairs)."""
    found = process.extract(query, choices, scorer=fuzz.ratio, score_cutoff=cutoff * 100, limit=None)
    return {index: score / 100 for _, score, index in found}


@dataclass(frozen=True)
class Link:
    """One line of an alignment: indexes into the two sequences (None: only on one side).

    ``moved`` marks a pair found out of order (the second pass); ``similarity`` is 1.0 for
    identical texts and 0.0 for one-sided links.
    """

    a: int | None
    b: int | None
    similarity: float
    moved: bool = False


def align(a: Sequence[str], b: Sequence[str]) -> list[Link]:
    """Pair the texts of ``a`` with those of ``b``: every index of each appears in exactly one link.

    The links come in reading order of the merged text: B's order, with each text only in A
    placed where it stood between its neighbours, and a moved pair at B's position.
    """
    keys_a = [fingerprint(text) for text in a]
    keys_b = [fingerprint(text) for text in b]
    links: list[Link] = []
    matcher = SequenceMatcher(None, keys_a, keys_b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            links += [Link(i1 + k, j1 + k, 1.0) for k in range(i2 - i1)]
        else:
            links += _align_gap(a, b, range(i1, i2), range(j1, j2))
    return _pair_moved(a, b, keys_a, keys_b, links)


def _align_gap(a: Sequence[str], b: Sequence[str], rows: range, cols: range) -> list[Link]:
    """Align one stretch between anchors: the order-keeping pairing of greatest total gain.

    Gain of a pair is its similarity above ``SAME_ORDER_CUTOFF``; skipping a text costs
    nothing, so a pair is kept only when it is alike enough and does not cross a better one.
    """
    n, m = len(rows), len(cols)
    if not n or not m:
        return [Link(i, None, 0.0) for i in rows] + [Link(None, j, 0.0) for j in cols]
    choices = [b[j] for j in cols]
    score = []
    for i in rows:
        alike = _alike(a[i], choices, SAME_ORDER_CUTOFF)
        score.append([alike.get(y, 0.0) for y in range(m)])
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for x in range(n - 1, -1, -1):
        row, below, scores = best[x], best[x + 1], score[x]
        for y in range(m - 1, -1, -1):
            pair = below[y + 1] + scores[y] - SAME_ORDER_CUTOFF if scores[y] else -1.0
            row[y] = max(pair, below[y], row[y + 1])
    links: list[Link] = []
    x = y = 0
    while x < n and y < m:
        s = score[x][y]
        if s and best[x][y] == best[x + 1][y + 1] + s - SAME_ORDER_CUTOFF:
            links.append(Link(rows[x], cols[y], s))
            x, y = x + 1, y + 1
        elif best[x][y] == best[x + 1][y]:
            links.append(Link(rows[x], None, 0.0))
            x += 1
        else:
            links.append(Link(None, cols[y], 0.0))
            y += 1
    links += [Link(rows[i], None, 0.0) for i in range(x, n)]
    links += [Link(None, cols[j], 0.0) for j in range(y, m)]
    return links


def _pair_moved(
    a: Sequence[str], b: Sequence[str], keys_a: list[str], keys_b: list[str], links: list[Link]
) -> list[Link]:
    """Second pass: pair what is left on both sides regardless of order, best pairs first.

    An identical text (same fingerprint) always pairs; otherwise at ``MOVED_CUTOFF``. The pair
    takes B's place in the list and A's one-sided link is removed.
    """
    only_a = [link.a for link in links if link.b is None and link.a is not None]
    only_b = [link.b for link in links if link.a is None and link.b is not None]
    moved = _best_pairs(_moved_candidates(a, b, keys_a, keys_b, only_a, only_b))
    used_a = {i for i, _ in moved.values()}
    out: list[Link] = []
    for link in links:
        if link.b is None and link.a in used_a:
            continue
        if link.a is None and link.b in moved:
            i, s = moved[link.b]
            link = Link(i, link.b, s, moved=True)
        out.append(link)
    return out


def _moved_candidates(
    a: Sequence[str],
    b: Sequence[str],
    keys_a: list[str],
    keys_b: list[str],
    only_a: list[int],
    only_b: list[int],
) -> list[tuple[float, int, int]]:
    """Every (similarity, a index, b index) of the unpaired texts alike enough to be moved."""
    candidates: list[tuple[float, int, int]] = []
    if not only_a or not only_b:
        return candidates
    choices = [b[j] for j in only_b]
    identical: dict[str, list[int]] = {}
    for j in only_b:
        identical.setdefault(keys_b[j], []).append(j)
    for i in only_a:
        candidates += [(1.0, i, j) for j in identical.get(keys_a[i], [])]
        candidates += [(s, i, only_b[y]) for y, s in _alike(a[i], choices, MOVED_CUTOFF).items()]
    return candidates


def _best_pairs(candidates: list[tuple[float, int, int]]) -> dict[int, tuple[int, float]]:
    """Greedy one-to-one pairing, most alike first (ties in reading order): ``{b: (a, s)}``."""
    moved: dict[int, tuple[int, float]] = {}
    used_a: set[int] = set()
    for s, i, j in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if i not in used_a and j not in moved:
            moved[j] = (i, s)
            used_a.add(i)
    return moved


@dataclass(frozen=True)
class Anchor:
    """What was saved about a measure to find it again: a key (a bookmark's uid) and the
    measure's id, fingerprint and text at the time."""

    key: str
    measure_id: str
    fingerprint: str
    text: str


def reanchor(anchors: Sequence[Anchor], measures: Sequence[Measure]) -> dict[str, Measure]:
    """Where each anchor's measure is now: ``{key: measure}``, the ones found nowhere left out.

    Fingerprint first (text unchanged, wherever it moved); then the best-matching measure
    among those not already taken, accepted at ``MOVED_CUTOFF`` anywhere, or at the lower
    ``ID_CUTOFF`` when it is still at its saved id (ties go to the saved id). Each measure
    carries at most one re-anchored item so two edits never pile onto one sentence.
    """
    by_fp: dict[str, list[Measure]] = {}
    for m in measures:
        by_fp.setdefault(m.fingerprint, []).append(m)
    found: dict[str, Measure] = {}
    taken: set[str] = set()
    pending: list[Anchor] = []
    for anchor in anchors:
        same = by_fp.get(anchor.fingerprint, [])
        if same:
            pick = next((m for m in same if m.id == anchor.measure_id), None) or next(
                (m for m in same if m.id not in taken), same[0]
            )
            found[anchor.key] = pick
            taken.add(pick.id)
        else:
            pending.append(anchor)
    for anchor in pending:
        best: tuple[float, bool, Measure] | None = None
        for m in measures:
            if m.id in taken:
                continue
            candidate = (similarity(anchor.text, m.text), m.id == anchor.measure_id, m)
            if best is None or candidate[:2] > best[:2]:
                best = candidate
        if best is None:
            continue
        score, at_id, m = best
        if score >= MOVED_CUTOFF or (at_id and score >= ID_CUTOFF):
            found[anchor.key] = m
            taken.add(m.id)
    return found
