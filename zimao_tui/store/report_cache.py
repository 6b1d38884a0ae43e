"""Parsed reports kept on disk, so the app opens a report without parsing it again.

Parsing the bundled report costs ~4 ms, and compiling the parser's patterns ~4 ms more; a
folder of 100 reports costs 100 parses. Reading a report back from this cache costs well
under a millisecond and needs neither the patterns nor the decoder.

Exactness first: people quote from what the app shows. A cache file holds the very bytes
it was parsed from and is used only if they equal the file's bytes now, so an edit, however
small or quick, always misses. Entries are keyed by size and CRC-32 of those bytes (zlib ships
with Python; the key only has to find the file, the byte comparison decides). A file that
is unreadable, of another format version, written by another Python (marshal's format is
Python's own) or of the wrong shape is a miss: the report is parsed and the file rewritten.
Where the files live, how they are written and how many are kept: ``store/cache.py``.
"""

from __future__ import annotations

import marshal
import sys
import zlib
from functools import cache
from pathlib import Path
from typing import Any

from zimao_tui.document.report import FORMATS, HEADING_KINDS, Heading, Measure, Node, Report
from zimao_tui.i18n import Notice
from zimao_tui.store.cache import Cache
from zimao_tui.store.marshal_check import loads_checked

FORMAT = 3
"""Bump when the file layout changes (a changed parser is noticed by itself: see _stamp)."""

KIND = "reports"


def _stamp() -> tuple[Any, ...]:
    """:func:`_code_stamp` and the furniture files as they are now (read each time: the
    config folder can change within a process, as it does between tests)."""
    return (*_code_stamp(), _furniture_stamp())


@cache
def _code_stamp() -> tuple[Any, ...]:
    """What a cache file must have been written by to be read.

    The format, the Python (marshal's format is its own) and a CRC of the parser's own
    source: a parser changed by an upgrade, or by an edit in a checkout without a version
    bump, never reads reports its predecessor parsed.
    """
    # Found next to this file rather than imported: a warm start needs none of them loaded.
    document = Path(__file__).parent.parent / "document"
    source = 0
    for name in ("decode.py", "parse.py", "report.py", "sentences.py"):
        source = zlib.crc32((document / name).read_bytes(), source)
    # The parser proper: every module of the document package, by size and modification time
    # (reading ~90 kB on every start-up would cost a millisecond; any edit changes these).
    for file in sorted(document.rglob("*.py")):  # formats/ too: a reader's change re-parses its files
        info = file.stat()
        name = file.relative_to(document).as_posix()
        source = zlib.crc32(f"{name}:{info.st_size}:{info.st_mtime_ns}".encode(), source)
    return (FORMAT, sys.version_info[:2], marshal.version, source)


def _furniture_stamp() -> str:
    """The furniture rules' files (bundled and the user's, see document/furniture.py) as they are
    now: a user who adds a rule gets documents parsed again under it. By size and mtime, so the
    warm start neither reads nor imports the rules."""
    from zimao_tui.paths import config_dir, content_dir

    stamp = []
    for folder in (content_dir(), config_dir()):
        try:
            info = (folder / "furniture.toml").stat()
            stamp.append(f"{info.st_size}:{info.st_mtime_ns}")
        except OSError:
            stamp.append("-")
    return "|".join(stamp)


class ReportCache:
    """The parsed reports under one cache folder; ``warnings`` collects what went wrong
    writing it (never fatal)."""

    def __init__(self, folder: Path) -> None:
        self.cache = Cache(folder, KIND, FORMAT, ".marshal")
        self.folder = self.cache.folder
        self.warnings: list[Notice] = []

    def path_for(self, data: bytes) -> Path:
        """Where the parse of ``data`` is kept."""
        return self.cache.path(_key(data))

    def load(self, data: bytes, origin: str) -> Report | None:
        """The report parsed from exactly ``data``, or None (missing, stale or unreadable)."""

        def decode(raw: bytes) -> Report | None:
            stamp, source, fields = loads_checked(raw)
            if stamp != _stamp() or source != data:
                return None
            return report_from_fields(fields, origin)  # the right stamp but the wrong shape: a miss

        # at most what this report's cache can weigh
        return self.cache.load(_key(data), 4 * len(data) + 65536, decode)

    def save(self, data: bytes, report: Report) -> None:
        """Keep ``report`` as the parse of ``data``; a failure becomes a warning, not an error."""
        try:
            self.cache.save(_key(data), marshal.dumps((_stamp(), data, report_fields(report))))
        except OSError as exc:
            self.warnings.append(Notice("notice.report_cache", error=exc.strerror or exc, folder=self.folder))


def _key(data: bytes) -> str:
    return f"{zlib.crc32(data):08x}-{len(data)}"


def report_fields(report: Report) -> tuple[Any, ...]:
    """The report as nested tuples of str and int (what marshal writes fastest)."""
    return (
        report.title,
        report.date,
        report.time,
        report.source,
        report.encoding,
        report.paragraphs,
        tuple(_node_fields(c) for c in report.children),
        (report.subtitle, report.speaker, report.issuer, report.doc_number, report.date_source),
        report.dropped,
        report.format,
    )


def _node_fields(node: Node) -> tuple[Any, ...]:
    if isinstance(node, Measure):
        return ("m", node.id, node.paragraph, node.start, len(node.text))
    children = tuple(_node_fields(c) for c in node.children)
    return ("h", node.id, node.kind, node.number, node.title, node.level, children)


def report_from_fields(fields: tuple[Any, ...], origin: str) -> Report:
    """The report back from its tuple; ValueError or TypeError for any other shape."""
    _shaped(fields, (str, str, str, str, str, tuple, tuple, tuple, tuple, str))
    title, date, time, source, encoding, paragraphs, children, more, dropped, file_format = fields
    if not all(isinstance(p, str) for p in paragraphs):
        raise ValueError("paragraphs")
    if file_format not in FORMATS:
        raise ValueError("format")
    _shaped(more, (str, str, str, str, str))
    subtitle, speaker, issuer, doc_number, date_source = more
    for d in dropped:
        _shaped(d, (int, str, str))
    nodes = tuple(_node(c, paragraphs) for c in children)
    chapters = tuple(c for c in nodes if isinstance(c, Heading))
    if len(chapters) != len(nodes):
        raise ValueError("top level")
    # Positional, in Report's field order: the names above are the fields'.
    return Report(
        title,
        date,
        time,
        source,
        encoding,
        origin,
        tuple(paragraphs),
        chapters,
        subtitle,
        speaker,
        issuer,
        doc_number,
        date_source,
        tuple(dropped),
        format=file_format,
    )


_MAX_DEPTH = 16
"""Headings nest five levels deep at most; a deeper cache is damaged (and would recurse)."""


def _shaped(fields: object, types: tuple[type, ...]) -> None:
    """Raise ValueError unless ``fields`` is a tuple of exactly these types (bool is no int)."""
    if not isinstance(fields, tuple) or len(fields) != len(types):
        raise ValueError("wrong shape")
    for value, kind in zip(fields, types, strict=True):
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise ValueError("wrong type")


def _node(fields: tuple[Any, ...], paragraphs: tuple[str, ...], depth: int = 0) -> Node:
    """One node back from its tuple; a measure's text is re-cut from its paragraph."""
    if depth > _MAX_DEPTH or not isinstance(fields, tuple) or not fields:
        raise ValueError("wrong shape")
    if fields[0] == "m":
        _shaped(fields, (str, str, int, int, int))
        _, node_id, paragraph, start, length = fields
        if not 0 <= paragraph < len(paragraphs) or start < 0 or length < 0:
            raise ValueError(f"measure {node_id} outside the paragraphs")
        text = paragraphs[paragraph][start : start + length]
        if len(text) != length:
            raise ValueError(f"measure {node_id} outside its paragraph")
        return Measure(id=node_id, text=text, paragraph=paragraph, start=start)
    if fields[0] == "h":
        _shaped(fields, (str, str, str, str, str, int, tuple))
        _, node_id, kind, number, title, level, children = fields
        if kind not in HEADING_KINDS:
            raise ValueError(f"heading kind {kind!r}")
        return Heading(
            id=node_id,
            kind=kind,
            number=number,
            title=title,
            level=level,
            children=tuple(_node(c, paragraphs, depth + 1) for c in children),
        )
    raise ValueError(f"unknown node {fields[0]!r}")
