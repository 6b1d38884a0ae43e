"""Old binary Word (.doc): refused, with the one step that makes it readable.

No maintained pure-Python reader of the Word 97-2003 format exists (antiword and catdoc are
unmaintained C programs, textract shells out to them); every word processor that opens a .doc
saves it as .docx in two clicks, and the .docx reader then sees its styles and numbering.
"""

from __future__ import annotations

from zimao_tui.document.errors import ReportError
from zimao_tui.document.formats.source import Source
from zimao_tui.i18n import Notice

OLE_MAGIC = bytes.fromhex("d0cf11e0a1b11ae1")
"""An OLE2 container: Word 97-2003, or an Office file saved with a password."""

_ENCRYPTED_STREAM = "EncryptionInfo".encode("utf-16-le")
"""The stream Office writes into the OLE container of a password-protected .docx."""


def read(data: bytes, origin: str) -> Source:
    """Always a ReportError: password-protected (an encrypted .docx, whatever it is named), or
    an old .doc to be saved as .docx."""
    key = "error.encrypted" if _ENCRYPTED_STREAM in data else "error.old_word"
    raise ReportError(Notice(key, path=origin))
