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
_BREAKS = frozenset({"softbreak", "hardbreak"})

_STRONG_LEFT = re.compile(r"\*\*([^*\n]+?)\*\*")
"""``**（一）**借鉴…``: CommonMark's flanking rules leave bold marks literal between a closing
bracket and a Chinese character (a known CJK gap of the spec); the parser's text still holds
them, and they are marks, not text."""


def read(data: bytes, origin: str) -> Source:
    """A Markdown file's text as lines, with its ``#`` headings and, from a lone ``#``, its title."""
    from markdown_it import MarkdownIt

    text, encoding = decode(data, origin)
    reader = _Reader()
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    for k, token in enumerate(tokens):
        reader.token(token, tokens[k - 1] if k else None)
    lines, levels, rows = reader.result()
    headings, title = _title(levels)
    meta = {"title": lines[0]} if title else {}
    return Source(lines, "markdown", encoding, headings, meta, rows)


class _Reader:
    """Markdown-it's token stream to lines: one handler per token type that makes text."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.levels: dict[int, int] = {}
        self.numbers: list[str] = []  # the open list items' numbers ("" for a bullet, or once used)
        self.cells: list[str] | None = None  # the cells of the table row being read
        self.rows: set[int] = set()

    def token(self, token: Token, previous: Token | None) -> None:
        kind = token.type
        if kind == "list_item_open":
            self.numbers.append(f"{token.info}{token.markup}" if token.info else "")
        elif kind == "list_item_close":
            self.numbers.pop()
        elif kind == "tr_open":
            self.cells = []
        elif kind == "tr_close" and self.cells is not None:
            self.rows.add(len(self.lines))
            self.lines.append(" ".join(c for c in self.cells if c))
            self.cells = None
        elif kind in ("fence", "code_block"):
            self.lines.extend(token.content.splitlines())
        elif kind == "inline":
            self.inline(_inline_lines(token), previous)

    def inline(self, parts: list[str], previous: Token | None) -> None:
        if self.cells is not None:
            self.cells.append(" ".join(parts))
            return
        opened = previous.type if previous is not None else ""
        if self.numbers and self.numbers[-1] and parts and opened == "paragraph_open":
            parts[0] = self.numbers[-1] + parts[0]
            self.numbers[-1] = ""  # a second paragraph of the item carries no number
        if opened == "heading_open" and previous is not None:
            self.levels[len(self.lines)] = int(previous.tag[1:])
            parts = [" ".join(parts)]
        self.lines.extend(parts)

    def result(self) -> tuple[list[str], dict[int, int], frozenset[int]]:
        """The non-empty lines (spaces collapsed), their heading levels and table rows, renumbered."""
        lines = [" ".join(line.split()) for line in self.lines]
        keep = [i for i, line in enumerate(lines) if line]
        position = {old: new for new, old in enumerate(keep)}
        levels = {position[i]: v for i, v in self.levels.items() if i in position}
        return [lines[i] for i in keep], levels, frozenset(position[i] for i in self.rows if i in position)


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
