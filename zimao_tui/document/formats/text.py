"""Plain text: decoded by :mod:`zimao_tui.document.decode`, split by :mod:`zimao_tui.document.lines`."""

from __future__ import annotations

from zimao_tui.document.decode import decode
from zimao_tui.document.formats.source import Source
from zimao_tui.document.lines import split_lines


def read(data: bytes, origin: str) -> Source:
    """Decode a text file (encoding detected and named) into lines."""
    text, encoding = decode(data, origin)
    return Source(split_lines(text), "text", encoding)
