"""A web page's bytes to text: the charset the page declares, else the plain-text detection.

Chinese government pages declare GB2312 while using GBK characters beyond it (镕, 堃, 珺), so
a declared GB2312 or GBK is decoded as GB18030, the superset that reads both. A declaration
that does not decode the bytes (a page re-saved as UTF-8 that still says gb2312) is not
trusted: :func:`zimao_tui.document.decode.decode` then detects the encoding as for a text file.
"""

from __future__ import annotations

import codecs
import re

from zimao_tui.document.decode import decode

_PRESCAN = 4096
"""How far a browser looks for a ``<meta charset>`` before parsing (the HTML standard says 1024;
gov.cn pages put comments and scripts first, so a little more)."""

_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030"}
"""Declared charsets read as a superset, as browsers do (the WHATWG Encoding Standard)."""


def declared_charset(data: bytes) -> str | None:
    """The charset a ``<meta charset=…>`` or ``<meta http-equiv content="…; charset=…">`` names
    in the page's head, as a Python codec name; None when there is none or Python does not know it.

    A byte scan rather than a parse: the parser needs the text, and the text needs the charset.
    """
    m = re.search(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", data[:_PRESCAN], re.IGNORECASE)
    if m is None:
        return None
    name = m.group(1).decode("ascii").lower()
    name = _SUPERSETS.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_page(data: bytes, origin: str) -> tuple[str, str]:
    """``(text, encoding name)`` of a page: its declared charset if that decodes it, else detected."""
    codec = declared_charset(data)
    if codec is not None and not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode(codec), codec.upper().replace("_", "-")
        except UnicodeDecodeError:
            pass  # the declaration is wrong: detect as for a text file
    return decode(data, origin)
