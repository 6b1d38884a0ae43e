"""An HTML element's text as the lines a reader sees: one per block, per ``<br>``, per table row.

What a browser shows stacked is a line here: paragraphs, divisions, list items and headings end
a line, ``<br>`` ends one, and a table row is one line with its cells side by side (the plain
text of a saved page reads the same way). Scripts, styles, forms and navigation are not text.
A layout table (a cell holding a whole article, as gov.cn's older pages are built) is read as
the blocks inside it, not as one enormous row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml.html import HtmlElement

BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "center",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    ]
)
"""Elements that start and end a line of their own."""

SKIPPED = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "nav",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "select",
        "option",
        "button",
        "input",
        "textarea",
        "head",
        "title",
        "svg",
        "canvas",
        "map",
        "audio",
        "video",
    ]
)
"""Elements whose content is never report text (code, widgets, navigation, media)."""

HEADINGS = {f"h{n}": n for n in range(1, 7)}

_CELL_MAX = 200
"""A cell with more text than this (or a table inside) is a layout cell: its blocks are lines."""


@dataclass
class PageText:
    """Lines being collected from a page, and which of them the page marks as headings."""

    lines: list[str] = field(default_factory=list)
    headings: dict[int, int] = field(default_factory=dict)
    """Line index -> ``<hN>`` level."""
    rows: set[int] = field(default_factory=set)
    """Indexes of lines that are table rows."""
    _words: list[str] = field(default_factory=list)

    def add(self, text: str | None) -> None:
        if text:
            self._words.append(text)

    def end_line(self, level: int = 0, row: bool = False) -> None:
        """Close the line being written (whitespace collapsed as a browser does); mark it a
        heading of ``level``, or a table row."""
        line = " ".join("".join(self._words).split())
        self._words.clear()
        if line:
            if level:
                self.headings[len(self.lines)] = level
            if row:
                self.rows.add(len(self.lines))
            self.lines.append(line)


def element_text(element: HtmlElement) -> PageText:
    """The lines of ``element`` and everything in it."""
    out = PageText()
    _walk(element, out)
    out.end_line()
    return out


def flat_text(element: HtmlElement) -> str:
    """An element's visible text on one line (a table cell, a title)."""
    text = element_text(element)
    return " ".join(text.lines)


def _walk(element: HtmlElement, out: PageText) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if not tag or tag in SKIPPED:
        return  # a comment or processing instruction, or no text: its tail is the caller's
    if tag == "br":
        out.end_line()
        return
    if tag == "tr" and not _is_layout_row(element):
        out.end_line()
        out.add(" ".join(cell for cell in (flat_text(c) for c in element if _is_cell(c)) if cell))
        out.end_line(row=True)
        return
    block = tag in BLOCKS
    if block:
        out.end_line()
    out.add(element.text)
    for child in element:
        _walk(child, out)
        out.add(child.tail)
    if block:
        out.end_line(HEADINGS.get(tag, 0))


def _is_cell(element: HtmlElement) -> bool:
    return element.tag in ("td", "th")


def _is_layout_row(row: HtmlElement) -> bool:
    """A row that holds page layout rather than data: a table inside, or a cell of running text."""
    for cell in row:
        if not _is_cell(cell):
            continue
        if cell.find(".//table") is not None:
            return True
        if len(cell.text_content()) > _CELL_MAX:
            return True
    return False
