"""Word (.docx): the body's paragraphs and table rows as lines, headings from paragraph styles.

python-docx opens the package (the zip, its parts and relationships, the styles part); the body
is then walked in document order directly on its XML, because the text a reader sees is not
python-docx's ``paragraph.text``: tracked deletions (``w:del``, ``w:moveFrom``) are gone, tracked
insertions are there, field codes are hidden, a text box is drawn once (``mc:Fallback`` repeats
it), hidden text (``w:vanish``) is not shown, and the number of a list paragraph comes from ``numbering.xml``
(:mod:`~zimao_tui.document.formats.wordnumbers`). Headers, footers, comments and footnotes
live in parts of their own and are never read. A heading style (``Heading 1``, Chinese Word's
style ids ``1``/``2``, WPS's ``标题 1``, or any style with an outline level) marks its line as
a heading even without a number.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from typing import Any

from zimao_tui.document.errors import ReportError
from zimao_tui.document.formats import doc
from zimao_tui.document.formats.properties import confirmed_title
from zimao_tui.document.formats.source import Source
from zimao_tui.document.formats.wordnumbers import Numbering, W
from zimao_tui.i18n import Notice
from zimao_tui.store.statefile import MAX_REPORT_BYTES, MIB

KIND = "Word (.docx)"
_SKIPPED = {W + "del", W + "moveFrom", W + "instrText", W + "delInstrText", W + "pPr", W + "rPr"}
_SKIPPED.add("{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback")
_CHARS = {W + "tab": " ", W + "br": "\n", W + "cr": "\n", W + "noBreakHyphen": "-"}
_HEADING_NAME = re.compile(r"(?:heading|标题)\s*([1-9])", re.IGNORECASE)
_HEADING_ID = re.compile(r"(?:heading)?([1-9])", re.IGNORECASE)
_CELL_GAP = "\u3000"
"""Between a table row's cells on its line: the ideographic space Chinese tables are typed with."""


def read(data: bytes, origin: str) -> Source:
    """Read a .docx; a damaged or password-protected file is a one-line ReportError."""
    if data.startswith(doc.OLE_MAGIC):  # an OLE container: a password-protected .docx, or a renamed .doc
        doc.read(data, origin)
    document = _open(data, origin)
    reader = _Body(document)
    lines: list[str] = []
    headings: dict[int, int] = {}
    for text, level in reader.blocks(document.element.body):
        for k, line in enumerate(part.strip() for part in text.split("\n")):
            if not line:
                continue
            if level and k == 0:
                headings[len(lines)] = level
            lines.append(line)
    title = reader.title or confirmed_title(document.core_properties.title, lines)
    return Source(lines, "docx", "", headings, {"title": title} if title else {})


def _open(data: bytes, origin: str) -> Any:
    """The python-docx Document, or ReportError(damaged) for anything that is not a whole .docx."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:  # a zip bomb is refused before inflating
            if sum(item.file_size for item in package.infolist()) > MAX_REPORT_BYTES:
                too_large = Notice("file.too_large", limit=f"{MAX_REPORT_BYTES // MIB} MB")
                raise ReportError(Notice("error.unreadable", path=origin, error=too_large))
        return docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError, XMLSyntaxError, EOFError) as exc:
        raise ReportError(Notice("error.damaged", path=origin, kind=KIND)) from exc


class _Body:
    """Walks a document body: paragraphs with their numbers and heading levels, tables as rows."""

    def __init__(self, document: Any) -> None:
        self.numbering = Numbering(_numbering_element(document))
        self.styles: dict[str, Any] = {
            str(style.get(W + "styleId")): style for style in document.styles.element.iter(W + "style")
        }
        self.title = ""
        """The text of a paragraph in Word's ``Title`` style: the document says that is its title."""

    def blocks(self, container: Any) -> Iterator[tuple[str, int]]:
        """(text, heading level or 0) for each paragraph and table row, in reading order."""
        for child in container:
            if child.tag == W + "p":
                yield self._paragraph(child)
            elif child.tag == W + "tbl":
                yield from ((row, 0) for row in self._rows(child))
            elif child.tag in (W + "sdt", W + "sdtContent", W + "customXml", W + "ins", W + "moveTo"):
                yield from self.blocks(child)

    def _paragraph(self, p: Any) -> tuple[str, int]:
        style = _val(p.find(W + "pPr"), "pStyle")
        text = "".join(_text(p))
        if style and self._style_name(style).lower() == "title" and text.strip() and not self.title:
            self.title = "".join(part.strip() for part in text.split("\n"))
        num_id, level = self._numbered(p, style)
        if num_id and text.strip():
            text = self.numbering.label(num_id, level) + text.lstrip()
        return text, self._heading_level(p, style)

    def _rows(self, table: Any) -> Iterator[str]:
        for row in table.iter(W + "tr"):
            if row.getparent() is not table and row.getparent().tag != W + "sdtContent":
                continue  # a table nested in a cell is read as that cell's text
            cells = []
            for cell in row.iter(W + "tc"):
                if cell.getparent() is row:
                    words = " ".join(" ".join(text.split()) for text, _ in self.blocks(cell))
                    if words.strip():
                        cells.append(words.strip())
            if cells:
                yield _CELL_GAP.join(cells)

    def _chain(self, style_id: str) -> Iterator[Any]:
        """The style and the styles it is based on, nearest first (cycles cut)."""
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self.styles:
            seen.add(style_id)
            style = self.styles[style_id]
            yield style
            style_id = _val(style, "basedOn")

    def _style_name(self, style_id: str) -> str:
        style = self.styles.get(style_id)
        return _val(style, "name") if style is not None else ""

    def _heading_level(self, p: Any, style_id: str) -> int:
        """1-9 for a heading paragraph, else 0: its outline level, or its style's name or id."""
        own = _val(p.find(W + "pPr"), "outlineLvl")
        if own.isdigit():
            return int(own) + 1 if int(own) < 9 else 0
        for style in self._chain(style_id):
            outline = _val(style.find(W + "pPr"), "outlineLvl")
            if outline.isdigit():
                return int(outline) + 1 if int(outline) < 9 else 0
            name_match = _HEADING_NAME.fullmatch(_val(style, "name").strip())
            if name_match:
                return int(name_match.group(1))
        id_match = _HEADING_ID.fullmatch(style_id)
        return int(id_match.group(1)) if id_match else 0

    def _numbered(self, p: Any, style_id: str) -> tuple[str, int]:
        """(list id, level) of a numbered paragraph, from the paragraph or its style; ("", 0) if none."""
        num_pr = p.find(f"{W}pPr/{W}numPr")
        num_id, level = _val(num_pr, "numId"), _val(num_pr, "ilvl")
        for style in self._chain(style_id):
            if num_id:
                break
            style_num = style.find(f"{W}pPr/{W}numPr")
            num_id, level = _val(style_num, "numId"), level or _val(style_num, "ilvl")
        if not num_id or num_id == "0":
            return "", 0
        return num_id, int(level) if level.isdigit() else 0


def _numbering_element(document: Any) -> Any:
    """``<w:numbering>``, or None for a document without a numbering part."""
    try:
        return document.part.numbering_part.element
    except (KeyError, NotImplementedError):
        return None


def _val(element: Any, tag: str) -> str:
    child = element.find(W + tag) if element is not None else None
    return "" if child is None else str(child.get(W + "val", ""))


def _text(element: Any) -> Iterator[str]:
    """The visible text under ``element``: runs, tabs and breaks; a nested paragraph on its own line."""
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIPPED:
            continue
        if tag == W + "r" and _hidden(child):
            continue
        if tag == W + "t":
            yield child.text or ""
        elif tag in _CHARS:
            yield _CHARS[tag]
        elif tag == W + "p":
            yield "\n"
            yield from _text(child)
            yield "\n"
        else:
            yield from _text(child)


def _hidden(run: Any) -> bool:
    """A run formatted as hidden text (``<w:vanish/>``): Word neither shows nor prints it."""
    vanish = run.find(f"{W}rPr/{W}vanish")
    return vanish is not None and vanish.get(W + "val", "true") not in ("false", "0", "off")
