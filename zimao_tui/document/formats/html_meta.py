"""What a government web page states about its document: the metadata table, ``<meta>``, ``<title>``.

gov.cn and the provincial portals print a table above the text (索引号 主题分类 发文机关 成文日期
标题 发文字号 发布日期 主题词); their CMSs also write ``<meta name="ArticleTitle">``, ``PubDate``
and ``ContentSource`` into the head. These are stated outright, so they win over what the text
heuristics guess (see :mod:`zimao_tui.document.formats.source`). The table's labels are the ones
:mod:`zimao_tui.document.metadata` reads from a page's plain text: one list for both.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from zimao_tui.document.formats.html_text import flat_text
from zimao_tui.document.metadata import _TABLE_LABELS
from zimao_tui.document.numerals import find_dates

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_HEAD_META = {
    "articletitle": "title",
    "pubdate": "published",
    "publishdate": "published",
    "firstpublishedtime": "published",
    "contentsource": "source",
}
"""``<meta name=…>`` (any case) -> what it holds."""

_LABEL_CELLS = "//td | //th | //p | //li | //dt | //dd | //span"
"""Where a metadata table's labels sit: table cells, or paragraphs and list items of a block."""

_LABEL_MAX = 8
"""A label is short (发文字号); longer text is a value or prose, never a label."""

_NO_VALUE = frozenset({"无", "-", "—", "/"})


def page_meta(root: HtmlElement) -> dict[str, str]:
    """The metadata the page states: keys of ``Source.meta`` (and ``date_source``)."""
    found = {**_head_meta(root), **_table(root)}  # the table is the document's own record
    meta: dict[str, str] = {}
    for key in ("title", "issuer", "doc_number", "source"):
        if found.get(key):
            meta[key] = found[key]
    for source in ("written", "published"):
        dates = find_dates(found.get(source, ""))
        if dates:
            meta["date"], meta["date_source"] = dates[0].iso, source
            break
    if "title" not in meta and (title := _page_title(root, found.get("site", ""))):
        meta["title"] = title
    return meta


def _head_meta(root: HtmlElement) -> dict[str, str]:
    found: dict[str, str] = {}
    for element in root.iter("meta"):
        name = (element.get("name") or "").strip().lower()
        content = " ".join((element.get("content") or "").split())
        if not content:
            continue
        if name == "sitename":
            found["site"] = content
        elif name in _HEAD_META:
            found.setdefault(_HEAD_META[name], content)
    return found


def _page_title(root: HtmlElement, site: str) -> str:
    """``<title>`` without the site's name after it (通知_中华人民共和国生态环境部); nothing if the
    title is only the site's name (a portal that titles every page 国家金融监督管理总局)."""
    element = root.find(".//title")
    if element is None:
        return ""
    text = " ".join(element.text_content().split())
    for separator in ("_", "|", " - ", "－"):
        head, _, tail = text.partition(separator)
        if tail and len(head) >= 4:
            text = head.strip()
            break
    return "" if not text or text == site else text


def _squeezed(text: str) -> str:
    return "".join(text.split()).rstrip("：:")


def _table(root: HtmlElement) -> dict[str, str]:
    """The metadata table: a label cell then its value cell, or ``label：value`` in one element."""
    found: dict[str, str] = {}
    cells = [c for c in root.xpath(_LABEL_CELLS) if c.find(".//table") is None]
    for k, cell in enumerate(cells):
        text = flat_text(cell)
        label, colon, value = text.partition("：")
        if not colon:
            label, colon, value = text.partition(":")
        key = _TABLE_LABELS.get(_squeezed(label)) if len(_squeezed(label)) <= _LABEL_MAX else None
        if key is None or key in found:
            continue
        value = value.strip()
        if not value and k + 1 < len(cells) and cell.tag in ("td", "th"):
            following = flat_text(cells[k + 1]).strip()
            if _TABLE_LABELS.get(_squeezed(following)) is None:
                value = following
        if value and value not in _NO_VALUE:
            found[key] = value
    return found if len(found) >= 2 else {}  # one label alone is prose (标题：…), not the table
