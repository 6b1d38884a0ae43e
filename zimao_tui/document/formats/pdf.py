"""PDF: the text layer as paragraphs in reading order, without the page's furniture.

pypdfium2 (Google's PDFium, the engine of Chrome's viewer) gives each page's text as runs with
their boxes; it was chosen over pdfminer.six after measuring both on Chinese PDFs (README,
"Word and PDF"): 5-25 times faster, and its CID-font text (reportlab's STSong-Light, embedded
TrueType subsets) came out the same. The layout is ours (:mod:`~zimao_tui.document.formats.pdflayout`):
columns are found by the empty strip between them, a page's first and last lines are dropped
when they are page numbers or a running title, and lines the page wrapped are joined back.
"""

from __future__ import annotations

import threading
from typing import Any

from zimao_tui.document.errors import ReportError
from zimao_tui.document.formats.pdflayout import Segment, paragraphs
from zimao_tui.document.formats.properties import confirmed_title
from zimao_tui.document.formats.source import Source
from zimao_tui.i18n import Notice

KIND = "PDF"
_PASSWORD_ERROR = 4
"""PDFium's FPDF_ERR_PASSWORD: the file is encrypted with a password we do not have."""
_LOCK = threading.Lock()
"""PDFium is not thread-safe; the app may read reports in a worker while the CLI or a test reads too."""


def read(data: bytes, origin: str) -> Source:
    """Read a PDF's text layer; a scan, a password or damage is a one-line ReportError."""
    import pypdfium2 as pdfium

    with _LOCK:
        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            key = "error.encrypted" if getattr(exc, "err_code", None) == _PASSWORD_ERROR else "error.damaged"
            raise ReportError(Notice(key, path=origin, kind=KIND)) from exc
        try:
            pages = [_segments(page) for page in document]
            title = document.get_metadata_dict().get("Title", "")
        finally:
            document.close()
    if not pages:
        raise ReportError(Notice("error.damaged", path=origin, kind=KIND))
    lines = paragraphs(pages)
    if not lines or not readable("".join(lines)):
        raise ReportError(Notice("error.pdf_no_text", path=origin))
    title = confirmed_title(title, lines)
    return Source(lines, "pdf", "", {}, {"title": title} if title else {})


def readable(text: str) -> bool:
    """Whether a text layer is text: a font without a Unicode map gives private-use codes or
    U+FFFD for every glyph, which is as unreadable as a scan (OCR is the way out of both)."""
    glyphs = [ch for ch in text if not ch.isspace()]
    unmapped = sum(1 for ch in glyphs if "\ue000" <= ch <= "\uf8ff" or ch == "\ufffd" or ch < " ")
    return bool(glyphs) and unmapped <= 0.5 * len(glyphs)


def _segments(page: Any) -> list[Segment]:
    """A page's characters grouped into runs: same baseline, no wide gap, in drawing order.

    Character by character rather than PDFium's own "rects": those use each glyph's ink box,
    so a comma or 一 sits lower or thinner than its neighbours and lines fall apart. Loose
    boxes (the font's full height) and the baseline keep a line together.
    """
    import ctypes

    import pypdfium2.raw as raw

    textpage = page.get_textpage()
    try:
        handle = textpage.raw
        x, y = ctypes.c_double(), ctypes.c_double()
        runs: list[list[tuple[str, float, float, float, float, float]]] = []
        for index in range(textpage.count_chars()):
            code = raw.FPDFText_GetUnicode(handle, index)
            if (
                raw.FPDFText_IsGenerated(handle, index)
                or code in (0, 0xFFFE, 0xFFFF)
                or 0xD800 <= code < 0xE000
            ):
                continue
            raw.FPDFText_GetCharOrigin(handle, index, ctypes.byref(x), ctypes.byref(y))
            left, bottom, right, top = textpage.get_charbox(index, loose=True)
            char = (chr(code), left, bottom, right, top, y.value)
            if runs and _same_run(runs[-1][-1], char):
                runs[-1].append(char)
            else:
                runs.append([char])
        return [_segment(run) for run in runs if "".join(c[0] for c in run).strip()]
    finally:
        textpage.close()
        page.close()


def _same_run(
    before: tuple[str, float, float, float, float, float], char: tuple[str, float, float, float, float, float]
) -> bool:
    """Whether ``char`` continues the run ``before`` ends: on its baseline, close after it."""
    size = max(before[4] - before[2], char[4] - char[2], 1.0)
    gap = char[1] - before[3]
    return abs(char[5] - before[5]) < 0.3 * size and -0.5 * size < gap < 1.0 * size


def _segment(run: list[tuple[str, float, float, float, float, float]]) -> Segment:
    return Segment(
        "".join(c[0] for c in run),
        min(c[1] for c in run if not c[0].isspace()),
        min(c[2] for c in run),
        max(c[3] for c in run if not c[0].isspace()),
        max(c[4] for c in run),
    )
