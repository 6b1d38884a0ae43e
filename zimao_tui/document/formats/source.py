"""What a file format hands the parser: lines of text, plus what the format itself knows.

Every format (plain text, HTML, Word, PDF, Markdown) is read into one :class:`Source`; the
pipeline then runs the same metadata, furniture and numbering steps on it, so search,
bookmarks, figures and compare work alike on every format.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

META_KEYS = ("title", "subtitle", "doc_number", "issuer", "date", "source", "date_source")
"""Metadata a format may know for certain (a gov.cn table, ``<meta>``, Word's core properties).
``date`` is ISO (2018-11-07); ``date_source`` says which date it is (``written`` for 成文日期,
``published`` for 发布日期 or ``PubDate``), as :class:`~zimao_tui.document.report.Report` does."""


@dataclass(frozen=True)
class Source:
    """A report as lines, before parsing.

    ``lines`` are what ``document.lines.split_lines`` would give for plain text: one paragraph,
    heading or table row per line, edge spaces trimmed. ``headings`` maps a line index to a
    heading level (1 = top) for lines the format itself marks as headings (Word's Heading 1,
    HTML ``<h2>``, Markdown ``#``), which count as headings even without a number. ``meta``
    holds only keys of :data:`META_KEYS`, and only what the format states outright; the text's
    own metadata steps fill the rest.
    """

    lines: list[str]
    format: str
    """``text``, ``html``, ``docx``, ``pdf`` or ``markdown``: shown by ``outline --json``."""
    encoding: str = ""
    """The text encoding where the format has one (text, HTML); empty for Word and PDF."""
    headings: Mapping[int, int] = field(default_factory=dict)
    meta: Mapping[str, str] = field(default_factory=dict)
    rows: frozenset[int] = frozenset()
    """Lines that are a table's rows (a web page's <tr>, a Word table's row): each stays a line
    of its own, never joined to the next as a sentence wrapped by the page would be."""
