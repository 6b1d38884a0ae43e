"""Character diff of two versions of a sentence, with numbers kept whole.

Chinese has no spaces, so the unit of a diff is the character, except numbers: ``7000`` →
``7350`` must read as one number replaced, not as ``0`` → ``35`` inside a kept ``7…0``. Runs of
digits (with their decimal point, ASCII or full width) and of Latin letters are single tokens.

difflib's matcher finds the edits; a cleanup then folds short coincidental equalities between
two edits into them (``-困难 +问题`` rather than ``-困 +问 =… ``), the rule diff-match-patch
calls semantic cleanup: an equality no longer than the edits on both sides of it is noise.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Literal

Op = Literal["=", "-", "+"]
Chunk = tuple[Op, str]

_TOKEN = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)*|[A-Za-zＡ-Ｚａ-ｚ]+|.", re.DOTALL)


def tokens(text: str) -> list[str]:
    """Characters, with each number (``3.65``, ``２０２３``) and Latin word (``CPTPP``) whole."""
    return _TOKEN.findall(text)


def diff(a: str, b: str) -> list[Chunk]:
    """Chunks turning ``a`` into ``b``: ``("=", kept)``, ``("-", deleted)``, ``("+", inserted)``.

    Joining the ``=`` and ``-`` chunks gives ``a``; the ``=`` and ``+`` chunks give ``b``. In a
    replaced stretch the deletion comes first. Adjacent chunks never share an op.
    """
    ta, tb = tokens(a), tokens(b)
    chunks: list[Chunk] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, ta, tb, autojunk=False).get_opcodes():
        if tag == "equal":
            chunks.append(("=", "".join(ta[i1:i2])))
            continue
        if i2 > i1:
            chunks.append(("-", "".join(ta[i1:i2])))
        if j2 > j1:
            chunks.append(("+", "".join(tb[j1:j2])))
    return _cleanup(chunks)


def _edits(chunks: list[Chunk]) -> tuple[str, str]:
    """Deleted and inserted text of a run of edit chunks."""
    return "".join(t for op, t in chunks if op == "-"), "".join(t for op, t in chunks if op == "+")


def _runs(chunks: list[Chunk]) -> list[tuple[str, str] | str]:
    """Alternating runs: a kept string, or a (deleted, inserted) edit."""
    runs: list[tuple[str, str] | str] = []
    edit: list[Chunk] = []
    for op, text in chunks:
        if op == "=":
            if edit:
                runs.append(_edits(edit))
                edit = []
            runs.append(text)
        else:
            edit.append((op, text))
    if edit:
        runs.append(_edits(edit))
    return runs


def _cleanup(chunks: list[Chunk]) -> list[Chunk]:
    """Fold each equality that is no longer than the edit on either side into both edits."""
    runs = _runs(chunks)
    changed = True
    while changed:
        changed = False
        for k in range(1, len(runs) - 1):
            kept, before, after = runs[k], runs[k - 1], runs[k + 1]
            if not isinstance(kept, str) or isinstance(before, str) or isinstance(after, str):
                continue
            if len(kept) <= max(map(len, before)) and len(kept) <= max(map(len, after)):
                merged = (before[0] + kept + after[0], before[1] + kept + after[1])
                runs[k - 1 : k + 2] = [merged]
                changed = True
                break
    out: list[Chunk] = []
    for run in runs:
        if isinstance(run, str):
            out.append(("=", run))
            continue
        deleted, inserted = run
        if deleted:
            out.append(("-", deleted))
        if inserted:
            out.append(("+", inserted))
    return out


def deleted_inserted(chunks: list[Chunk]) -> tuple[str, str]:
    """Both sides rebuilt from a diff: (the old text, the new text)."""
    return "".join(t for op, t in chunks if op != "+"), "".join(t for op, t in chunks if op != "-")
