"""File formats: bytes -> :class:`~zimao_tui.document.formats.source.Source`, one module per format.

A new format is a module here with ``read(data: bytes, origin: str) -> Source`` (raising
``ReportError`` with a one-line Notice for a file it cannot read), registered in
:data:`READERS` under its suffixes. The format is decided by the content as well as the suffix
(:func:`sniff`): a ``.txt`` that is really a web page is read as one, a ``.html`` that is a PDF
as a PDF. Heavy libraries (HTML, Word, PDF readers) are imported inside ``read``, never at
start-up. May import ``document`` (lines, decode, errors), ``i18n`` and ``store``; never
Textual, ``ui`` or ``cli``.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from zimao_tui.document.formats.source import Source

__all__ = ["READERS", "Source", "read_source", "sniff", "suffixes"]

READERS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".shtml": "html",
    ".docx": "docx",
    ".pdf": "pdf",
    ".doc": "doc",
}
"""Suffix -> the module in this package that reads it."""

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "pdf"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "doc"),  # OLE2: Word 97-2003, or a password-protected .docx
)
"""Leading bytes that name a binary format whatever the suffix says."""

_HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<meta", b"<body", b"<!--", b"<div", b"<table")
"""How a web page begins (after a BOM and blank space): a ``.txt`` starting so is read as HTML."""


def suffixes() -> tuple[str, ...]:
    """The suffixes a folder's files are opened by."""
    return tuple(READERS)


def sniff(data: bytes, suffix: str) -> str:
    """The reader module for a file: by its leading bytes where they are unmistakable (a PDF, a
    Word file, a web page named .txt), else by its suffix (plain text when unknown)."""
    head = data[:1024]
    for magic, module in _MAGIC:
        if head.startswith(magic):
            return module
    if head.startswith(b"PK\x03\x04") and _is_docx(data):
        return "docx"
    named = READERS.get(suffix.lower(), "text")
    if named == "text" and _looks_like_html(head, _HTML_STARTS):
        return "html"
    if named == "markdown" and _looks_like_html(head, _HTML_STARTS[:2]):  # Markdown may open with <div>
        return "html"
    return named


def _is_docx(data: bytes) -> bool:
    """A zip holding ``word/document.xml``: a Word document, whatever it is called."""
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def _looks_like_html(head: bytes, starts: tuple[bytes, ...]) -> bool:
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").lower().startswith(starts)


def read_source(data: bytes, origin: str, suffix: str) -> Source:
    """Read a file's bytes as the format its content and suffix name (:func:`sniff`)."""
    module = sniff(data, suffix)
    reader: Callable[[bytes, str], Source] = import_module(f"{__name__}.{module}").read
    return reader(data, origin)
