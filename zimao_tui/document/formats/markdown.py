"""Markdown (``.md``): ``#`` headings are headings, the rest of the markup goes.

Parsed by markdown-it-py (CommonMark, maintained by the executablebooks project, with GFM
tables), imported when a Markdown file is opened. Links keep their text, emphasis and code
marks go, ordered lists keep their numbers (1. 2. are headings or items as in plain text),
table rows become lines, code blocks stay as text. A paragraph's source lines stay lines, so
the tree joins a wrapped Chinese sentence back as it does for plain text.

A lone top heading that opens the file (``# 国务院关于…的通知`` over ``##`` sections) is the
document's title, not a division of it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from zimao_tui.document.decode import decode
from zimao_tui.document.formats.source import Source

if TYPE_CHECKING:
    from markdown_it.token import Token

_TEXT_TOKENS = frozenset({"text", "code_inline"})

_STRONG_LEFT = re.compile(r"\*\*([^*\n]+?)\*\*")
"""``**（一）**借鉴…``: CommonMark's flanking rules leave bold marks literal between a closing
bracket and a Chinese character (a known CJK gap of the spec); the parser's text still holds
them, and they are marks, not text."""
_BREAKS = frozenset({"softbreak", "hardbreak"})


def read(data: bytes, origin: str) -> Source:
    """A Markdown file's text as lines, with its ``#`` headings and, from a lone ``#``, its title."""
    from markdown_it import MarkdownIt

    text, encoding = decode(data, origin)
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    lines: list[str] = []
    levels: dict[int, int] = {}
    item_number: list[str] = []  # the number of the ordered-list item being read ("" for a bullet)
    cells: list[str] | None = None  # the cells of the table row being read
    for k, token in enumerate(tokens):
        if token.type == "list_item_open":
            item_number.append(f"{token.info}{token.markup}" if token.info else "")
        elif token.type == "list_item_close":
            item_number.pop()
        elif token.type == "tr_open":
            cells = []
        elif token.type == "tr_close" and cells is not None:
            lines.append(" ".join(c for c in cells if c))
            cells = None
        elif token.type in ("fence", "code_block"):
            lines.extend(token.content.splitlines())
        elif token.type == "inline":
            parts = _inline_lines(token)
            if cells is not None:
                cells.append(" ".join(parts))
                continue
            if item_number and item_number[-1] and parts and tokens[k - 1].type == "paragraph_open":
                parts[0] = item_number[-1] + parts[0]
                item_number[-1] = ""  # a second paragraph of the item carries no number
            if k > 0 and tokens[k - 1].type == "heading_open":
                levels[len(lines)] = int(tokens[k - 1].tag[1:])
                parts = [" ".join(parts)]
            lines.extend(parts)
    lines = [" ".join(line.split()) for line in lines]
    keep = [i for i, line in enumerate(lines) if line]
    headings = {keep.index(i): level for i, level in levels.items() if i in keep}
    lines = [lines[i] for i in keep]
    headings, title = _title(headings)
    meta = {"title": lines[0]} if title else {}
    return Source(lines, "markdown", encoding, headings, meta)


def _inline_lines(token: Token) -> list[str]:
    """An inline run's text, one entry per source line; links, images and marks dropped."""
    parts = [""]
    for child in token.children or ():
        if child.type in _TEXT_TOKENS:
            parts[-1] += child.content
        elif child.type in _BREAKS:
            parts.append("")
    return [_STRONG_LEFT.sub(r"\1", p) for p in parts if p.strip()]


def _title(headings: dict[int, int]) -> tuple[dict[int, int], bool]:
    """Headings with levels counted from 1, and whether line 0 is a lone top heading (the title)."""
    if not headings:
        return {}, False
    top = min(headings.values())
    title = headings.get(0) == top and sum(1 for v in headings.values() if v == top) == 1
    rest = {line: level for line, level in headings.items() if not (title and line == 0)}
    if not rest:
        return {}, title
    first = min(rest.values())
    return {line: level - first + 1 for line, level in rest.items()}, title
