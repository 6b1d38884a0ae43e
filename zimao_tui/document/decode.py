"""Bytes to text for Chinese reports, with the encoding named and failures explained.

Order matters (measured, see STYLE.md): charset detectors mistake short GBK text for
Big5 or cp949, so we try a BOM, then strict UTF-8, then GB18030 (a superset of GBK and
GB2312) and refuse anything that still looks like garbage rather than guess.
"""

from __future__ import annotations

import codecs

from zimao_tui.document.errors import ReportError
from zimao_tui.i18n import Notice

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8 (BOM)"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16LE"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16BE"),
)

_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")


def _control_ratio(text: str) -> float:
    """Share of characters that are control characters no report contains."""
    if not text:
        return 0.0
    bad = sum(1 for ch in text if (ord(ch) < 32 and ch not in _ALLOWED_CONTROLS) or ch == "\x7f")
    return bad / len(text)


def _plausible_gb(text: str) -> bool:
    """Whether GB18030-decoded text reads like Chinese rather than mojibake.

    Real GBK reports use characters from GB2312's common set; bytes of another encoding
    decoded as GB18030 land mostly on rare characters outside it.
    """
    han = [ch for ch in text if "\u3400" <= ch <= "\u9fff"]
    if not han:
        return True
    common = 0
    for ch in han:
        try:
            ch.encode("gb2312")
        except UnicodeEncodeError:
            continue
        common += 1
    return common / len(han) >= 0.8


def _readable_ratio(text: str) -> float:
    """Share of characters a report is made of: Chinese, letters, digits, punctuation, spaces."""
    if not text:
        return 0.0
    good = sum(1 for ch in text if ch.isprintable() or ch in _ALLOWED_CONTROLS)
    return good / len(text)


def _bom_free_utf16(data: bytes) -> tuple[str, str] | None:
    """Recognise UTF-16 without a byte-order mark, in either byte order.

    Mostly-Chinese UTF-16 has few NUL bytes (only ASCII characters bring them), so counting
    NULs is not enough: both byte orders are decoded and the one that reads as text wins.
    Binary data decodes to unassigned or control characters in both and is refused.
    """
    if len(data) < 4 or len(data) % 2:
        return None
    best: tuple[float, str, str] | None = None
    for codec, name in (("utf-16-le", "UTF-16LE"), ("utf-16-be", "UTF-16BE")):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if "\n" not in text and len(text) > 200:
            continue  # a report has lines; a long run without one is not this byte order
        ratio = _readable_ratio(text)
        if ratio >= 0.98 and (best is None or ratio > best[0]):
            best = (ratio, text, name)
    return (best[1], best[2]) if best else None


def decode(data: bytes, origin: str) -> tuple[str, str]:
    """Decode a report's bytes; returns ``(text, encoding name)`` or raises ReportError."""
    if not data.strip():
        raise ReportError(Notice("error.empty", path=origin))
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise ReportError(
                    Notice("error.bom", path=origin, name=name, reason=exc.reason, offset=exc.start)
                ) from exc
            return _checked(text.lstrip("\ufeff"), name, origin)
    if b"\x00" in data:
        utf16 = _bom_free_utf16(data)
        if utf16 is not None:
            return _checked(*utf16, origin)
        raise ReportError(Notice("error.binary", path=origin))
    try:
        return _checked(data.decode("utf-8"), "UTF-8", origin)
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise ReportError(Notice("error.encoding", path=origin, offset=exc.start)) from exc
    if not _plausible_gb(text):
        raise ReportError(Notice("error.garbage", path=origin))
    return _checked(text, "GB18030", origin)


def _checked(text: str, encoding: str, origin: str) -> tuple[str, str]:
    """Reject decoded text that is empty or full of control characters."""
    if not text.strip():
        raise ReportError(Notice("error.no_text", path=origin))
    if _control_ratio(text) > 0.01:
        raise ReportError(Notice("error.binary", path=origin))
    return text, encoding
