"""Old binary Word (.doc): refused, with the one step that makes it readable.

No maintained pure-Python reader of the Word 97-2003 format exists (antiword and catdoc are
unmaintained C programs, textract shells out to them); every word processor that opens a .doc
saves it as .docx in two clicks, and the .docx reader then sees its styles and numbering.
"""

from __future__ import annotations

from zimao_tui.document.errors import ReportError
from zimao_tui.document.formats.source import Source
from zimao_tui.i18n import Notice


def read(data: bytes, origin: str) -> Source:
    """Always a ReportError saying to save the file as .docx."""
    raise ReportError(Notice("error.old_word", path=origin))
