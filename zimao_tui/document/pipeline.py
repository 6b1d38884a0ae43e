"""Text to Report: the whole pipeline in one function a newcomer can read top to bottom."""

from __future__ import annotations

from zimao_tui.document.errors import ReportError
from zimao_tui.document.formats.source import Source
from zimao_tui.document.lines import split_lines
from zimao_tui.document.metadata import extract
from zimao_tui.document.report import Report
from zimao_tui.document.stated import apply_stated, marked_headings
from zimao_tui.document.tree import ROW_NUMBER, build_tree
from zimao_tui.i18n import Notice


def parse_text(text: str, *, encoding: str = "UTF-8", origin: str = "<text>") -> Report:
    """Parse decoded report text into a Report; raises ReportError if nothing is in it."""
    return parse_source(Source(split_lines(text), "text", encoding), origin=origin)  # 1. text -> lines


def parse_source(source: Source, *, origin: str = "<text>") -> Report:
    """Parse a format's lines into a Report; raises ReportError if nothing is in it."""
    lines, encoding = source.lines, source.encoding
    if not any(line.strip() for line in lines):
        raise ReportError(Notice("error.no_text", path=origin))
    extracted = extract(lines, origin=origin)  # 2. metadata; body lines; dropped lines
    marked = marked_headings(lines, extracted.body, source.headings, source.rows)  # the format's own
    paragraphs, children, left_out = build_tree(lines, extracted.body, marked)  # 3. numbering -> tree
    dropped = sorted(
        [(d.line, d.text, d.reason) for d in extracted.dropped]
        + [(i, lines[i], ROW_NUMBER) for i in left_out]  # a flattened table's bare row numbers
    )
    meta = apply_stated(extracted.meta, source.meta)  # what the format states wins
    report = Report(
        title=meta.title,
        date=meta.date or "",
        time=meta.time or "",
        source=meta.source or "",
        encoding=encoding,
        origin=origin,
        paragraphs=paragraphs,
        children=children,
        subtitle=meta.subtitle or "",
        speaker=meta.speaker or "",
        issuer=meta.issuer or "",
        doc_number=meta.doc_number or "",
        date_source=meta.date_source or "",
        dropped=tuple(dropped),
        format=source.format,
    )
    if not any(True for _ in report.measures()):
        raise ReportError(Notice("error.no_report_text", path=origin))
    return report
