"""Splitting a Chinese paragraph into sentences without cutting quotes or titles apart.

A measure is a sentence, so this decides what people search, bookmark and quote. It
returns spans into the paragraph rather than strings so callers keep verbatim offsets.
"""

from __future__ import annotations

from zimao_tui.document.chars import is_han

_TERMINATORS = frozenset("。！？")
_ASCII_TERMINATORS = frozenset("!?")
_ANY_TERMINATOR = _TERMINATORS | _ASCII_TERMINATORS
_OPENERS = {
    "“": "”",
    "《": "》",
    "（": "）",
    "(": ")",
    "【": "】",
    "「": "」",
    "『": "』",
    "‘": "’",
    "〔": "〕",
    "[": "]",
}
_CLOSERS = frozenset(_OPENERS.values())


def sentence_spans(paragraph: str) -> list[tuple[int, int]]:
    """Spans ``(start, end)`` of the sentences in ``paragraph``, whitespace trimmed.

    A sentence ends at 。！？ (or ASCII !? right after a Chinese character), plus any run
    of further terminators, but never inside “…”, 《…》 or brackets. An opener never closed in
    the paragraph (a typo: 第一句（见附表。第二句。) protects nothing: otherwise one slip would
    make the rest of the paragraph a single measure.
    """
    ignored: set[int] = set()
    for _ in range(4):  # an opener left open never changes how the others pair: one more pass
        spans, unclosed = _split(paragraph, ignored)
        if not unclosed:
            break
        ignored |= unclosed
    return spans


def _split(paragraph: str, ignored: set[int]) -> tuple[list[tuple[int, int]], set[int]]:
    """One pass: the spans, and the positions of openers still open at the paragraph's end."""
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    start = 0
    i = 0
    n = len(paragraph)
    while i < n:
        ch = paragraph[i]
        if ch in _OPENERS or ch in _CLOSERS:
            _pair(stack, ch, i, ignored)
        elif not stack and ch in _ANY_TERMINATOR and _ends_sentence(paragraph, i):
            j = i + 1
            while j < n and paragraph[j] in _ANY_TERMINATOR:
                j += 1
            _add(paragraph, start, j, spans)
            start = i = j
            continue
        i += 1
    _add(paragraph, start, n, spans)
    return spans, {at for _, at in stack}


def _pair(stack: list[tuple[str, int]], ch: str, i: int, ignored: set[int]) -> None:
    """Open or close a bracket or quote at ``i``; a closer with no opener on the stack is text,
    and “ inside “… (a quote written with two openers) does not nest."""
    if ch in _OPENERS:
        if i not in ignored and not (ch in "“‘" and stack and stack[-1][0] == _OPENERS[ch]):
            stack.append((_OPENERS[ch], i))
    elif any(closer == ch for closer, _ in stack):
        while stack and stack.pop()[0] != ch:
            pass


def _ends_sentence(paragraph: str, i: int) -> bool:
    """。！？, or ASCII !? right after a Chinese character."""
    ch = paragraph[i]
    return ch in _TERMINATORS or (ch in _ASCII_TERMINATORS and i > 0 and is_han(paragraph[i - 1]))


def _add(paragraph: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    """Append the trimmed span if anything but whitespace is left."""
    while start < end and paragraph[start].isspace():
        start += 1
    while end > start and paragraph[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
