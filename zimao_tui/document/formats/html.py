"""Web pages (``.html``, ``.htm``): the document's own text, its headings and its metadata.

Parsed by lxml (libxml2's HTML parser: fast, and it reads the broken markup government CMSs
write), never by regular expressions. The main text is found in two steps, measured on real
gov.cn, nfra.gov.cn and hd.gov.cn pages (README, "Formats"):

1. the content container of the CMSs government sites run on (``#UCAP-CONTENT`` on gov.cn,
   ``.TRS_Editor`` on TRS sites, ``#zoom`` on Hanweb sites, …): exact where present;
2. otherwise readability-lxml, a maintained port of Mozilla's Readability, which scores blocks
   by their text and link density.

A page whose best block is mostly links or a few words (a login form, a list of articles) has
no main text, and says so. lxml and readability are imported when a page is opened, never at
start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from zimao_tui.document.errors import ReportError
from zimao_tui.document.formats.charset import decode_page
from zimao_tui.document.formats.html_meta import page_meta
from zimao_tui.document.formats.html_text import SKIPPED, PageText, element_text
from zimao_tui.document.formats.source import Source
from zimao_tui.i18n import Notice

if TYPE_CHECKING:
    from lxml.html import HtmlElement

CONTAINERS = (
    "//*[@id='UCAP-CONTENT']",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' TRS_Editor ')]",
    "//*[@id='zoom' or @id='Zoom']",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' pages_content ')]",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' Custom_UnionStyle ')]",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' article-content ')]",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' Section0 ')]",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' WordSection1 ')]",
)
"""Where government CMSs put a document's text, most specific first (XPath 1.0 class tests)."""

MIN_HAN = 30
"""Fewer Chinese characters than this outside links: not a document (a login box, a menu)."""

MAX_LINK_SHARE = 0.5
"""A block whose text is more than half links is a list of articles, not an article."""


def read(data: bytes, origin: str) -> Source:
    """A page's main text as lines, its ``<hN>`` headings and its stated metadata."""
    text, encoding = decode_page(data, origin)
    root = parse(text, origin)
    meta = page_meta(root)  # before the head and its <title> go with the scripts
    for element in list(root.iter(*SKIPPED)):
        element.drop_tree()  # scripts, styles and widgets: never text, nor in link counts
    main = main_element(root)
    if main is None:
        raise ReportError(Notice("error.no_main_text", path=origin))
    page = element_text(main)
    lines, levels, rows = page.lines, _relative_levels(page), page.rows
    title = meta.get("title", "")
    if title and not _squeezed(" ".join(lines[:3])).startswith(_squeezed(title)):
        # The page shows its title above the text container (an <h1> of the layout): put it
        # back on top, as the page's plain text reads, so the title's issuer is read from it.
        lines = [title, *lines]
        levels = {line + 1: level for line, level in levels.items()}
        rows = {line + 1 for line in rows}
    return Source(lines, "html", encoding, levels, meta, frozenset(rows))


def parse(text: str, origin: str) -> HtmlElement:
    """The page's element tree; an empty or unparseable page is a ReportError."""
    import lxml.html
    from lxml.etree import ParserError

    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    try:
        root = lxml.html.document_fromstring(text.encode("utf-8"), parser=parser)
    except (ParserError, ValueError) as exc:
        raise ReportError(Notice("error.no_text", path=origin)) from exc
    return root


def main_element(root: HtmlElement) -> HtmlElement | None:
    """The element holding the document's text, or None when the page has none."""
    for path in CONTAINERS:
        for element in root.xpath(path):
            if _is_text(element):
                return element
    candidate = _readability(root)
    return candidate if candidate is not None and _is_text(candidate) else None


def _readability(root: HtmlElement) -> HtmlElement | None:
    import lxml.html
    from lxml.etree import ParserError
    from readability import Document
    from readability.readability import Unparseable

    try:
        summary = Document(lxml.html.tostring(root, encoding="unicode")).summary(html_partial=True)
        best = lxml.html.document_fromstring(f"<html><body>{summary}</body></html>")
    except (Unparseable, ParserError, ValueError):
        return None  # nothing readability could score: no main text
    return best.body


def _is_text(element: HtmlElement) -> bool:
    """Enough running text that is not links: see MIN_HAN and MAX_LINK_SHARE."""
    text = element.text_content()
    linked = sum(len(a.text_content()) for a in element.iter("a"))
    han = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    words = len("".join(text.split()))
    return han >= MIN_HAN and words > 0 and linked / words <= MAX_LINK_SHARE


def _relative_levels(page: PageText) -> dict[int, int]:
    """``<hN>`` levels counted from the page's highest heading: a page whose sections are h3
    and h4 has level 1 and 2 divisions."""
    if not page.headings:
        return {}
    top = min(page.headings.values())
    return {line: level - top + 1 for line, level in page.headings.items()}


def _squeezed(text: str) -> str:
    return "".join(text.split())
