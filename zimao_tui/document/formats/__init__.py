"""File formats: bytes -> :class:`~zimao_tui.document.formats.source.Source`, one module per format.

A new format is a module here with ``read(data: bytes, origin: str) -> Source`` (raising
``ReportError`` with a one-line Notice for a file it cannot read), registered in
:data:`READERS` under its suffixes. Heavy libraries (HTML, Word, PDF readers) are imported
inside ``read``, never at start-up. May import ``document`` (lines, decode, errors), ``i18n``
and ``store``; never Textual, ``ui`` or ``cli``.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from zimao_tui.document.formats.source import Source

__all__ = ["READERS", "Source", "read_source", "suffixes"]

READERS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".docx": "docx",
    ".pdf": "pdf",
    ".doc": "doc",
}
"""Suffix -> the module in this package that reads it."""


def suffixes() -> tuple[str, ...]:
    """The suffixes a folder's files are opened by."""
    return tuple(READERS)


def read_source(data: bytes, origin: str, suffix: str) -> Source:
    """Read a file's bytes as the format its suffix names (plain text when unknown)."""
    module = READERS.get(suffix.lower(), "text")
    reader: Callable[[bytes, str], Source] = import_module(f"{__name__}.{module}").read
    return reader(data, origin)
