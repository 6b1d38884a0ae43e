"""What a report coins (“…”) and cites (《…》): the one rule, shared by insights and search.

Policy reports name their mechanisms in quotes (“三区联动”, “光芯屏端网”) and cite the documents
they rely on in title marks (《上市十条》). The glossary, the detail pane's highlights and the
figure extractor (digits inside a name are not a quantity) read them through
``insights/terms.py``; the search index teaches them to jieba as words (``search/segment.py``),
so a slogan is not cut into pieces. Both ask :func:`term_spans`, so a term the glossary lists is
a word the search knows, and the other way round.

The rule, chosen by reading the documents of tests/documents/ and ../shared/reports/ and the
bundled report (57 documents, about 3,500 quoted spans):

* “…” and 「…」 hold a *term*, 《…》 a *document*; marks nest, and a term quoted inside a title
  (《开展招商引资“三清三必三活动”的工作方案》) is a term as well as part of the title.
* From :data:`MIN_LEN` (2) to :data:`MAX_LEN` (60) characters. A single quoted character is
  emphasis of an ordinary word (实现“零”的突破, 获“好”的等次), not a name. Slogans run to 42
  characters (“符合经济社会发展规律、符合本地实际情况、…”) and titles to 42 (全国人民代表大会常务委员会
  关于…的决定); beyond 60, a quote is a passage, or a mark left open by a typo.
* No 。 inside: a quote with a full stop is quoted speech (“人民，只有人民，才是创造世界历史的
  动力。” in the 1973 report), not a term. Other marks stay: “你好！重庆” is a city's slogan,
  “雄奇山水 新韵重庆” has a space.
* An unclosed mark is ignored; an empty or blank quote is no term.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

TermKind = Literal["term", "document"]

MIN_LEN = 2
"""Shortest term or title: one quoted character is emphasis, not a name."""
MAX_LEN = 60
"""Longest term or title; longer quotes are passages (or a mark left open)."""

_PAIRS: dict[str, tuple[str, TermKind]] = {
    "“": ("”", "term"),
    "「": ("」", "term"),
    "《": ("》", "document"),
}


@dataclass(frozen=True)
class TermSpan:
    """One occurrence inside a text: ``start``/``end`` bound the inner text, marks excluded."""

    term: str
    kind: TermKind
    start: int
    end: int


def is_term(inner: str) -> bool:
    """Whether the text between a pair of marks is a term or title (see the module docstring)."""
    return MIN_LEN <= len(inner) <= MAX_LEN and "。" not in inner and not inner.isspace()


def term_spans(text: str) -> list[TermSpan]:
    """Every coined term and cited document in ``text``, nested ones included, by start."""
    spans: list[TermSpan] = []
    stack: list[tuple[str, int]] = []
    for i, ch in enumerate(text):
        if ch in _PAIRS:
            stack.append((ch, i))
            continue
        for depth in range(len(stack) - 1, -1, -1):
            opener, at = stack[depth]
            if _PAIRS[opener][0] == ch:
                del stack[depth:]
                inner = text[at + 1 : i]
                if is_term(inner):
                    spans.append(TermSpan(inner, _PAIRS[opener][1], at + 1, i))
                break
    return sorted(spans, key=lambda s: (s.start, s.end))


def coined_words(texts: Iterable[str]) -> list[str]:
    """Every distinct term and title in the texts, in first-seen order (jieba's extra words)."""
    seen: dict[str, None] = {}
    for text in texts:
        for span in term_spans(text):
            seen.setdefault(span.term, None)
    return list(seen)
